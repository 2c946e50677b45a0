"""Body lines of a journal article into headings and paragraphs (unwrapping).

A heading opens where a line starts with a numbering (``一、`` 1, ``（一）`` 2,
``1.`` 3, ``(1)`` 4) after a finished sentence, and is short or free of
sentence punctuation; a short unpunctuated next line is its wrapped tail. A
paragraph ends where a line ends a sentence and falls short of its column,
or the next line is indented or opens a heading, or the next line is short by
about an indent where a converter lost the indent (a first line that does
not end a sentence, or does and is followed by a full line). Furniture and
notes taken out between two lines do not end a paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from . import journal_patterns as jp
from ._journal_text import Line, column_widths, ends_sentence, is_short, width

_LEVELS = {"l1": 1, "l2": 2, "l3": 3, "l4": 4}
_INNER_STOPS = frozenset("。；！？")
_HANGING = frozenset("。，、；：！？”’）」』")
_TAIL_PUNCT = frozenset("，。；！？、：,;:")
_TAIL_SHARE = 0.75
"""A heading's second line is shorter than this share of the column (a paragraph's first line,
indented in print, is only two cells short)."""


@dataclass(slots=True)
class Piece:
    """A body line (or a line and the marker-only lines after it)."""

    positions: list[int]
    text: str
    indent: int
    column: float = 0.0
    ends_short: bool = False
    """A marker-only line was taken in: the printed line ended short, as a paragraph's last does."""


@dataclass(slots=True)
class Draft:
    """A heading or paragraph as the pieces it is made of (cleaned by the caller)."""

    type: Literal["heading", "paragraph"]
    pieces: list[Piece] = field(default_factory=list)
    level: int | None = None


def _pieces(content: Sequence[Line], body: Sequence[int]) -> tuple[list[Piece], list[int]]:
    """Body lines as pieces: marker-only lines and a line's leading markers go to the line before.

    Markers alone on lines before any text go to the first text; with no text
    at all, their positions are returned to be kept as unplaced.
    """
    pieces: list[Piece] = []
    pending = ""
    pending_positions: list[int] = []
    for position in body:
        line = content[position]
        text = pending + line.stripped
        if not pieces and not jp.TEXT_MARKER.sub("", text).strip():
            pending = text
            pending_positions.append(position)
            continue
        pending = ""
        if pieces:
            lead = jp.TEXT_MARKER.match(text)
            previous = pieces[-1]
            while lead is not None and lead.start() == 0 and ends_sentence(previous.text):
                previous.text += lead.group()
                text = text[lead.end() :].lstrip(" ")
                lead = jp.TEXT_MARKER.match(text)
            if not text:
                previous.positions.append(position)
                previous.ends_short = True
                continue
        pieces.append(Piece([*pending_positions, position], text, line.indent))
        pending_positions = []
    widths = [width(jp.TEXT_MARKER.sub("", piece.text)) for piece in pieces]
    for piece, column in zip(pieces, column_widths(widths)):
        piece.column = column
    return pieces, pending_positions


def _short(piece: Piece) -> bool:
    return is_short(jp.TEXT_MARKER.sub("", piece.text), piece.column)


_INDENT_LOST = (1.5, 3.5)
"""Cells a paragraph's first line falls short of its column when its two-cell indent was lost."""
_KEPT_INDENT_SHORT = 6.0
"""Cells an indented first line may fall short (its indent, and a number too long for the rest of the line)."""


def _by_indent(piece: Piece) -> bool:
    """Whether ``piece`` falls short of its column by about a paragraph indent, and no more.

    A closing punctuation mark at the line's end is left out: it may hang in the margin.
    """
    text = jp.TEXT_MARKER.sub("", piece.text).rstrip()
    if text and text[-1] in _HANGING:
        text = text[:-1]
    return _INDENT_LOST[0] <= piece.column - width(text) <= _INDENT_LOST[1]


def _indent_lost(piece: Piece, following: Piece | None) -> bool:
    """A paragraph's first line whose two-cell indent the converter lost.

    Inside a paragraph lines are full, and a paragraph's last line ends a
    sentence: a line short by about an indent is a first line when it does not
    end a sentence, or when it does but the line after it is full (a last
    line is never followed by a full line: that one would be a first line,
    short by its indent).
    """
    if piece.indent >= 2 or not _by_indent(piece):
        return False
    if not ends_sentence(piece.text):
        return True
    return following is not None and not _short(following) and jp.HEADING.match(following.text) is None


def _tail(piece: Piece | None) -> bool:
    """Whether ``piece`` can be the second line of a wrapped heading."""
    if piece is None or jp.HEADING.match(piece.text):
        return False
    if width(jp.TEXT_MARKER.sub("", piece.text)) > _TAIL_SHARE * piece.column:
        return False
    text = jp.TEXT_MARKER.sub("", piece.text).rstrip()
    # pauses (，、：) may stand inside a heading's second line; a stop anywhere, or any mark at its end, may not
    return bool(text) and text[-1] not in _TAIL_PUNCT and not (_INNER_STOPS & set(text)) and piece.indent < 2


def _heading_level(piece: Piece, following: Piece | None) -> int | None:
    """The level of a heading opening at ``piece``, or ``None`` for a (numbered) paragraph line."""
    match = jp.HEADING.match(piece.text)
    if match is None:
        return None
    rest = jp.TEXT_MARKER.sub("", piece.text[match.end() :]).strip()
    if not rest or _INNER_STOPS & set(rest[:-1]):
        return None
    level = next(_LEVELS[name] for name in _LEVELS if match[name])
    if _short(piece):
        return level
    if rest[-1] in _INNER_STOPS:
        return None
    if following is not None and (following.indent >= 2 or _indent_lost(following, None)):
        return level  # a numbered line filling its column, and the next line opens a paragraph
    if "，" in rest or "," in rest:
        return level if _tail(following) else None
    return level


def _opens_short(current: Draft, previous: Piece, piece: Piece) -> bool:
    """``previous`` opens ``current``, short only by its indent (kept or lost; a kept one may also leave room
    for a number too long to fit), and ``piece`` after it is a full, unindented line: a full line is never a
    first line, so the paragraph goes on."""
    kept = previous.indent >= 2 and previous.column - width(previous.text) <= _KEPT_INDENT_SHORT
    return (
        len(current.pieces) == 1
        and current.pieces[0] is previous
        and (kept or _by_indent(previous))
        and piece.indent < 2
        and not _short(piece)
        and jp.HEADING.match(piece.text) is None
    )


def drafts(content: Sequence[Line], body: Sequence[int]) -> tuple[list[Draft], list[int]]:
    """Headings and paragraphs over the body lines, and lines holding only markers and no text."""
    pieces, leftover = _pieces(content, body)
    drafts: list[Draft] = []
    for number, piece in enumerate(pieces):
        following = pieces[number + 1] if number + 1 < len(pieces) else None
        current = drafts[-1] if drafts else None
        previous = current.pieces[-1] if current else None
        finished = previous is None or ends_sentence(previous.text) or current is None or current.type == "heading"
        level = _heading_level(piece, following) if finished else None
        if level is not None:
            drafts.append(Draft("heading", [piece], level))
            continue
        if current is not None and current.type == "heading":
            if len(current.pieces) == 1 and _tail(piece) and current.pieces[0].text[-1] not in _INNER_STOPS:
                current.pieces.append(piece)
                continue
            drafts.append(Draft("paragraph", [piece]))
            continue
        if (
            current is None
            or previous is None
            or (
                ends_sentence(previous.text)
                and (
                    (_short(previous) and not _opens_short(current, previous, piece))
                    or previous.ends_short
                    or piece.indent >= 2
                    or _indent_lost(piece, following)
                )
            )
        ):
            drafts.append(Draft("paragraph", [piece]))
            continue
        current.pieces.append(piece)
    return drafts, leftover
