"""Footnotes at page bottoms, and the markers in the text that point to them.

Numbering restarts on every page, so a marker links to the next note with the
same marker after it (the note printed at the bottom of the marker's page).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .. import patterns
from ..normalise import NormalisedText
from . import journal_patterns as jp
from ._journal_text import join_lines
from .lines import Line, span_of
from .raw import RawFootnote


@dataclass(frozen=True, slots=True)
class NoteLine:
    """The start of a note: its marker and first text."""

    marker: str
    body: str


def note_start(text: str, *, plain: bool = False) -> NoteLine | None:
    """A note's first line: ``^①…`` always; ``①…`` when ``plain`` and it reads as a citation.

    >>> note_start("^① 周某. 题名[N]. 某报. 2017-01-02.")
    NoteLine(marker='①', body='周某. 题名[N]. 某报. 2017-01-02.')
    >>> note_start("①加强合作。", plain=True) is None
    True
    """
    match = patterns.FOOTNOTE_LINE.match(text)
    if match is None and plain:
        match = patterns.PLAIN_FOOTNOTE_LINE.match(text)
        if match is not None and not patterns.CITATION_SHAPE.search(match["body"]):
            match = None
    if match is None:
        return None
    return NoteLine(match["marker"], match["body"].strip())


def read_note(
    normalised: NormalisedText, lines: list[Line], index: int, note_id: int, *, plain: bool = False
) -> tuple[RawFootnote, int] | None:
    """The note starting at ``lines[index]`` and the index after its last line, or None.

    A note goes on over the lines directly below it that start no other note,
    and over a URL on a line of its own (even after a blank line).
    """
    start = note_start(lines[index].text, plain=plain)
    if start is None:
        return None
    parts = [start.body]
    last = index
    probe = index + 1
    while probe < len(lines):
        text = lines[probe].text.strip()
        if not text:
            following = _next_text(lines, probe)
            if following is not None and patterns.NOTE_CONTINUATION.match(lines[following].text):
                probe = following
                continue
            break
        if note_start(text, plain=plain) is not None or patterns.PIPE_ROW.match(text):
            break
        if not patterns.NOTE_CONTINUATION.match(text) and ends_note(parts[-1]):
            break
        parts.append(text)
        last = probe
        probe += 1
    raw = " ".join(join_note_lines(parts).split())
    return RawFootnote(note_id, start.marker, raw, span_of(normalised, lines[index], lines[last])), last + 1


def join_note_lines(pieces: Sequence[str]) -> str:
    """A note's lines joined as text is (nothing between Han characters, a space between Latin words),
    but a URL or a type code cut at a line end is joined whole, and a field ending a line (``[J].``) is
    followed by a space.

    >>> join_note_lines(["张某. 城市群发展的", "新阶段[J]. 城市, 2017.", "http://example.cn/a"])
    '张某. 城市群发展的新阶段[J]. 城市, 2017. http://example.cn/a'
    >>> join_note_lines(["某报. 2019-02-20. http://www.example.cn/201902/", "t20190220_5531.html."])
    '某报. 2019-02-20. http://www.example.cn/201902/t20190220_5531.html.'
    >>> join_note_lines(["张三. 题名[EB/OL]. h", "ttp://www.example.cn/a", "_1.html."])
    '张三. 题名[EB/OL]. http://www.example.cn/a_1.html.'
    >>> join_note_lines(["李四. 题名[J].", "地理研究, 2018, 37(6): 1-9."])
    '李四. 题名[J]. 地理研究, 2018, 37(6): 1-9.'
    >>> join_note_lines(["王五. 规划[EB/O", "L]. (2019-01-02)."])
    '王五. 规划[EB/OL]. (2019-01-02).'
    """
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if out and piece and jp.URL_CUT.search(out) and (piece[0].isalnum() or piece[0] in "/_-.?=&%#~"):
            out += piece  # a URL cut at the line end
        elif out and piece and out.rfind("[") > out.rfind("]") and piece[0].isalnum():
            out += piece  # a type code cut inside its brackets: [EB/O | L]
        elif out and piece and out[-1] in ".,:;" and "/" not in out.split()[-1]:
            out += " " + piece  # a field of the entry ends at the line end ([J]. 地理研究)
        else:
            out = join_lines([out, piece])
    return out


def ends_note(text: str) -> bool:
    """A note that ends in a full stop after a date, page or URL is complete."""
    return text.endswith((".", "。", ">")) and not text.endswith(("//", "://"))


def _next_text(lines: list[Line], index: int) -> int | None:
    for probe in range(index, min(index + 3, len(lines))):
        if lines[probe].text.strip():
            return probe
    return None


class NoteIndex:
    """Notes by marker and line, to link each marker to the next note with its marker."""

    def __init__(self, notes: list[RawFootnote]) -> None:
        self._lines: dict[str, list[int]] = defaultdict(list)
        self._ids: dict[str, list[int]] = defaultdict(list)
        for note in notes:
            self._lines[note.marker].append(note.span.line)
            self._ids[note.marker].append(note.note_id)

    def link(self, marker: str, line: int) -> int | None:
        """The id of the first note with ``marker`` printed after ``line`` (1-based), if any."""
        lines = self._lines.get(marker)
        if not lines:
            return None
        position = bisect.bisect_right(lines, line)
        return self._ids[marker][position] if position < len(lines) else None
