"""How far each fixture PDF parses to the same document as its text form.

For every ``fixtures/pdf/<stem>.pdf`` whose text form is ``fixtures/*/<stem>.txt``,
both are parsed and compared part by part (see ``tests/pdf_compare.py``):
metadata, TOC, articles, headings, paragraphs, footnotes, marker links, tables
and facts. The acceptance figure is the share of paragraphs exactly equal
over all fixtures (target: at least 98%).

    python benchmarks/pdf_fidelity.py [-v]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from agglo_extract import parse  # noqa: E402
from pdf_compare import compare  # noqa: E402

PARTS = ("metadata", "toc", "articles", "headings", "paragraphs", "footnotes", "markers", "tables", "facts")


def pairs() -> list[tuple[Path, Path]]:
    found = []
    folder = ROOT / "fixtures" / "pdf"
    for pdf in sorted(folder.glob("*.pdf")) + sorted((folder / "embedded").glob("*.pdf")):
        texts = list((ROOT / "fixtures").glob(f"*/{pdf.stem}.txt"))
        if texts:
            found.append((texts[0], pdf))
    return found


def main() -> None:
    verbose = "-v" in sys.argv
    matched: Counter[str] = Counter()
    total: Counter[str] = Counter()
    print(f"{'fixture':38} " + " ".join(f"{p[:9]:>9}" for p in PARTS) + "   seconds")
    for text_path, pdf_path in pairs():
        name = pdf_path.stem + (" (embedded)" if pdf_path.parent.name == "embedded" else "")
        started = time.perf_counter()
        pdf_doc = parse(pdf_path)
        seconds = time.perf_counter() - started
        score = compare(parse(text_path), pdf_doc)
        matched.update(score.matched)
        total.update(score.total)
        cells = " ".join(f"{score.matched[p]:>4}/{score.total[p]:<4}" for p in PARTS)
        print(f"{name:38} {cells} {seconds:8.2f}")
        if verbose:
            for part, item in score.misses:
                print(f"    miss {part}: {str(item)[:160]}")
    print()
    for part in PARTS:
        share = matched[part] / total[part] if total[part] else 1.0
        print(f"{part:12} {matched[part]:5}/{total[part]:<5} {share:7.1%}")
    share = matched["paragraphs"] / total["paragraphs"] if total["paragraphs"] else 0.0
    print(f"\nparagraphs exactly equal: {share:.1%} (target at least 98%)")


if __name__ == "__main__":
    main()
