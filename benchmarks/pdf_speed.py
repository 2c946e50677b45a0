"""Our whole PDF parse against pdfplumber's own ``extract_words`` on every page of the same file.

For each fixture PDF: the median of several runs of ``parse(path)`` (facts
included, jieba loaded beforehand) over the median of opening the same file
with pdfplumber and calling ``extract_words()`` on every page. Target: the
ratio at most 1.5.

    python benchmarks/pdf_speed.py [PDF ...]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pdfplumber

from agglo_extract import parse

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def plumber_words(path: Path) -> int:
    count = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            count += len(page.extract_words())
            page.close()
    return count


def timed(run: object, path: Path) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run(path)  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "fixtures" / "pdf").glob("*.pdf"))
    parse(paths[0])  # load jieba, pydantic and pdfplumber once
    ours_total = theirs_total = 0.0
    print(f"{'file':36} {'pages':>5} {'ours s':>8} {'words s':>8} {'ratio':>6}")
    for path in paths:
        theirs = timed(plumber_words, path)
        ours = timed(parse, path)
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        ours_total += ours
        theirs_total += theirs
        print(f"{path.name:36} {pages:5} {ours:8.3f} {theirs:8.3f} {ours / theirs:6.2f}")
    print(
        f"\nall files: ours {ours_total:.3f} s, extract_words {theirs_total:.3f} s, "
        f"ratio {ours_total / theirs_total:.2f} (target at most 1.5)"
    )


if __name__ == "__main__":
    main()
