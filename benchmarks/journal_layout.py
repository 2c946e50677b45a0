"""Journal layout benchmark over the fixture journals' truth files.

Prints, for each ``fixtures/journals/*.txt`` with a ``.truth.json`` beside it
and in total: the share of truth headings found at the right level (text
compared after folding and without spaces), the share of ``joined_sentences``
found inside one paragraph, and the time taken.

Run: ``.venv/bin/python benchmarks/journal_layout.py [FIXTURE_DIR]``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from agglo_extract.normalise import normalise
from agglo_extract.segment.journal import segment_journal

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "fixtures" / "journals"


def fold(text: str) -> str:
    """Compare texts as the segmenter writes them: folded, without spaces."""
    return "".join(normalise(text).text.split())


def measure(path: Path) -> tuple[int, int, int, int, float]:
    """(headings right, headings, sentences joined, sentences, seconds) for one fixture."""
    truth = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
    source = path.read_text("utf-8")
    started = time.perf_counter()
    raw = segment_journal(normalise(source), source_text=source)
    seconds = time.perf_counter() - started
    found = {(fold(b.text), b.level) for b in raw.blocks if b.type == "heading"}
    headings = truth.get("headings", [])
    right = sum(1 for h in headings if (fold(h["text"]), h["level"]) in found)
    paragraphs = [fold(b.text) for b in raw.blocks if b.type == "paragraph"]
    sentences = truth.get("joined_sentences", [])
    joined = sum(1 for s in sentences if any(fold(s) in p for p in paragraphs))
    return right, len(headings), joined, len(sentences), seconds


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    files = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".truth.json").exists())
    if not files:
        print(f"no fixtures with truth files in {folder}")
        return 1
    totals = [0, 0, 0, 0]
    elapsed = 0.0
    for path in files:
        right, headings, joined, sentences, seconds = measure(path)
        totals = [a + b for a, b in zip(totals, [right, headings, joined, sentences])]
        elapsed += seconds
        print(
            f"{path.name}: headings {right}/{headings}, joined sentences {joined}/{sentences}, {seconds * 1000:.1f} ms"
        )
    right, headings, joined, sentences = totals
    print(
        f"total: headings at the right level {right}/{headings} = {right / max(headings, 1):.1%}; "
        f"joined sentences inside one paragraph {joined}/{sentences} = {joined / max(sentences, 1):.1%}; "
        f"time {elapsed * 1000:.1f} ms over {len(files)} files"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
