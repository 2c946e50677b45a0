"""Journal layout benchmark over the fixture journals' truth files.

Prints, for each ``fixtures/journals/*.txt`` with a ``.truth.json`` beside it
and in total: the share of truth headings found at the right level (text
compared after folding and without spaces), the share of ``joined_sentences``
found inside one paragraph, the share of truth ``paragraphs`` found exactly
(only when a truth file lists them), and the time taken.

Run: ``.venv/bin/python benchmarks/journal_layout.py [FIXTURE_DIR]``
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from agglo_extract.normalise import normalise
from agglo_extract.segment.journal import segment_journal

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "fixtures" / "journals"


@dataclass
class Score:
    """Counts for one fixture or the total."""

    headings_right: int = 0
    headings: int = 0
    sentences_joined: int = 0
    sentences: int = 0
    paragraphs_exact: int = 0
    paragraphs: int = 0
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        parts = [
            f"headings at the right level {_share(self.headings_right, self.headings)}",
            f"joined sentences inside one paragraph {_share(self.sentences_joined, self.sentences)}",
        ]
        if self.paragraphs:
            parts.append(f"paragraphs exactly right {_share(self.paragraphs_exact, self.paragraphs)}")
        parts.append(f"{self.seconds * 1000:.1f} ms")
        return "; ".join(parts)


def _share(right: int, total: int) -> str:
    return f"{right}/{total} = {right / total:.1%}" if total else "0/0"


def fold(text: str) -> str:
    """Compare texts as the segmenter writes them: folded, without spaces."""
    return "".join(normalise(text).text.split())


def measure(path: Path) -> Score:
    """The score of one fixture against its truth file."""
    truth = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
    source = path.read_text("utf-8")
    started = time.perf_counter()
    raw = segment_journal(normalise(source), source_text=source)
    seconds = time.perf_counter() - started
    found = {(fold(b.text), b.level) for b in raw.blocks if b.type == "heading"}
    headings = truth.get("headings", [])
    paragraphs = [fold(b.text) for b in raw.blocks if b.type == "paragraph"]
    sentences = truth.get("joined_sentences", [])
    expected = [fold(p) for p in truth.get("paragraphs", [])]
    return Score(
        headings_right=sum(1 for h in headings if (fold(h["text"]), h["level"]) in found),
        headings=len(headings),
        sentences_joined=sum(1 for s in sentences if any(fold(s) in p for p in paragraphs)),
        sentences=len(sentences),
        paragraphs_exact=sum(1 for p in expected if p in paragraphs),
        paragraphs=len(expected),
        seconds=seconds,
    )


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    files = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".truth.json").exists())
    if not files:
        print(f"no fixtures with truth files in {folder}")
        return 1
    total = Score()
    for path in files:
        score = measure(path)
        total.add(score)
        print(f"{path.name}: {score.line()}")
    print(f"total over {len(files)} files: {total.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
