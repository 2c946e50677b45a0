"""Share of paragraphs exactly right and of headings found (at the right level) over our fixtures.

The expected paragraphs and headings are the hand-written truth files beside
each fixture (``*.truth.json``), not parser output.

    python benchmarks/paragraphs.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from agglo_extract import BulletinIssue, parse
from agglo_extract.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent / "fixtures"


def main() -> None:
    exact = total = heads_ok = heads_total = 0
    started = time.perf_counter()
    for truth_path in sorted(ROOT.glob("*/*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        document = parse(truth_path.with_name(truth_path.name.replace(".truth.json", ".txt")))
        if isinstance(document, BulletinIssue):
            pairs = [(a.blocks, t) for a, t in zip(document.articles, truth["articles"])]
            expected_heads = [[(h, None) for h in t["headings"]] for t in truth["articles"]]
        else:
            pairs = [(document.blocks, truth)]
            expected_heads = [[(normalise(h["text"]).text, h["level"]) for h in truth["headings"]]]
        file_exact = file_total = file_heads = file_heads_total = 0
        for (blocks, expected), heads in zip(pairs, expected_heads):
            got = [b.text for b in blocks if b.type == "paragraph"]
            file_exact += sum(1 for p in expected.get("paragraphs", []) if p in got)
            file_total += len(expected.get("paragraphs", []))
            found = [(b.text, b.level) for b in blocks if b.type == "heading"]
            found_texts = [text for text, _ in found]
            file_heads += sum(1 for h in heads if (h in found) or (h[1] is None and h[0] in found_texts))
            file_heads_total += len(heads)
        print(f"{truth_path.parent.name}/{truth_path.name}: paragraphs exact {file_exact}/{file_total}, "
              f"headings {file_heads}/{file_heads_total}")
        exact, total = exact + file_exact, total + file_total
        heads_ok, heads_total = heads_ok + file_heads, heads_total + file_heads_total
    print(f"paragraphs exactly right: {exact}/{total} = {100 * exact / max(total, 1):.1f}%")
    print(f"headings found at the right level: {heads_ok}/{heads_total} = {100 * heads_ok / max(heads_total, 1):.1f}%")
    print(f"time: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
