"""Lines, widths, unwrapping and cleaning for the journal layout.

Widths are measured in Han cells: a Han character or CJK punctuation mark is
one cell, an ASCII character half of one, a space nothing (PDF text pads
justified lines with spaces). A line shorter than its column by more than
:data:`SHORT_MARGIN` cells is the last line of a paragraph when it ends a
sentence.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from .. import patterns
from ..normalise import collapse_han_spaces, join_number_gaps
from . import journal_patterns as jp
from .lines import Line as Line  # re-exported: the journal modules import it from here
from .lines import span_of as span_of
from .lines import split_lines as split_lines

PLACEHOLDER = patterns.SENTINEL
"""Stands where a marker was taken out, until the text is clean."""

SHORT_MARGIN = 1.5
"""Cells a line may fall short of its column and still count as full."""

_SENTENCE_END = frozenset("。！？!?…")
_CLOSERS = frozenset("”’」』）)")


def width(text: str) -> float:
    """Width in Han cells.

    >>> width("城市群 2016 年")
    6.0
    """
    cells = 0.0
    for char in text:
        if char == " ":
            continue
        cells += 0.5 if char.isascii() else 1.0
    return cells


def column_widths(widths: Sequence[float], window: int = 12) -> list[float]:
    """For each line, the column width around it: the upper median of nearby line widths."""
    result: list[float] = []
    for index in range(len(widths)):
        near = [w for w in widths[max(0, index - window) : index + window + 1] if w >= 4]
        if not near:
            result.append(widths[index])
            continue
        near.sort()
        result.append(near[(len(near) * 3) // 4] if len(near) > 3 else max(near))
    return result


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (。！？, maybe inside closing quotes, or a Latin full stop).

    >>> ends_sentence("如期实现。"), ends_sentence("“网上审批”。"), ends_sentence("发展的")
    (True, True, False)
    """
    text = text.rstrip(" " + PLACEHOLDER)
    text = jp.TEXT_MARKER.sub("", text).rstrip(" ")
    while text and text[-1] in _CLOSERS:
        if len(text) >= 2 and text[-2] in _SENTENCE_END:
            return True
        text = text[:-1]
    if not text:
        return False
    if text[-1] in _SENTENCE_END:
        return True
    return text[-1] == "." and len(text) >= 2 and text[-2].isalpha()


def is_short(text: str, column: float) -> bool:
    """Whether a line falls short of its column (so it may end a paragraph)."""
    return width(text) < column - max(SHORT_MARGIN, 0.08 * column)


def join_lines(pieces: Sequence[str]) -> str:
    """Join wrapped lines: nothing between Han text, one space between Latin words.

    >>> join_lines(["城市群作为一个", "国家的发展中枢", "in a new", "stage"])
    '城市群作为一个国家的发展中枢in a new stage'
    """
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and _needs_space(out[-1], piece[0]):
            out += " "
        out += piece
    return out


def _needs_space(before: str, after: str) -> bool:
    if not (before.isascii() and after.isascii()):
        return False
    if before in "/-_=&?#":
        return False
    return (before.isalnum() or before in ",.;:)]!?%\"'") and (after.isalnum() or after in "([\"'")


def clean(text: str, *, take_markers: bool = True) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Clean printed text and take its markers out: ``(text, ((offset, marker), ...))``.

    Spaces between Han characters and inside numbers go, as do spaces between
    Han text and digits or Latin letters (PDF text pads them); runs of spaces
    fold to one.

    >>> clean("全国的 65. 7%； 聚集人口 9. 3 亿人。①因此")
    ('全国的65.7%；聚集人口9.3亿人。因此', ((19, '①'),))
    >>> clean("见文献[1, 3-4]所述")
    ('见文献所述', ((3, '[1]'), (3, '[3]'), (3, '[4]')))
    """
    markers: list[str] = []

    def take(match: Any) -> str:
        circled: str | None = match["circled"]
        if circled:
            markers.append(circled)
            return PLACEHOLDER
        numbers = marker_numbers(match["numbers"])
        markers.extend(f"[{number}]" for number in numbers)
        return PLACEHOLDER * len(numbers)

    if take_markers:
        text = jp.TEXT_MARKER.sub(take, text)
    text = jp.MARKER_GAP.sub("", text)
    text = collapse_han_spaces(text)
    text = join_number_gaps(text)
    text = jp.HAN_ASCII_GAP.sub("", text)
    text = jp.SPACE_RUN.sub(" ", text).strip()
    offsets: list[tuple[int, str]] = []
    out: list[str] = []
    position = 0
    marker_index = 0
    for char in text:
        if char == PLACEHOLDER:
            offsets.append((position, markers[marker_index]))
            marker_index += 1
            continue
        out.append(char)
        position += 1
    return "".join(out).strip(), tuple(offsets)


def marker_numbers(numbers: str) -> list[int]:
    """The note numbers a bracketed marker names: ``1, 3-5`` → 1, 3, 4, 5.

    >>> marker_numbers("1, 3-5")
    [1, 3, 4, 5]
    """
    result: list[int] = []
    for match in jp.MARKER_NUMBER.finditer(numbers):
        first = int(match["first"])
        last = int(match["last"]) if match["last"] else first
        if last < first or last - first > 20:
            last = first
        result.extend(range(first, last + 1))
    return result


def median_width(texts: Sequence[str]) -> float:
    """The median width of ``texts`` (0 for none)."""
    widths = [width(text) for text in texts]
    return statistics.median(widths) if widths else 0.0


def is_latin(text: str) -> bool:
    """Whether most of the letters of ``text`` are Latin (an English title or abstract line)."""
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    han = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    return latin >= 6 and latin > 3 * han
