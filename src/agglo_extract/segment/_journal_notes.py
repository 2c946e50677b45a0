"""The notes (注释) or references (参考文献) of a journal article, and linking markers to them.

The section opens with its heading, or, without one, with a run of lines
numbered ``①②…`` or ``[1][2]…`` at the end of the text. A note runs from its
number to the next; its lines are joined. Notes printed at a page bottom,
just before the page furniture, are taken out of the body too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..patterns import CIRCLED, CITATION_SHAPE
from . import journal_patterns as jp
from ._journal_text import Line, ends_sentence
from .footnotes import join_note_lines


@dataclass(slots=True)
class Note:
    """A note as printed: its marker, the content positions it covers and its joined text."""

    marker: str
    positions: list[int]
    pieces: list[str] = field(default_factory=list)

    @property
    def raw(self) -> str:
        return " ".join(join_note_lines(self.pieces).split())


def note_marker(text: str, *, plain: bool = False) -> tuple[str, str] | None:
    """``(marker, rest)`` when ``text`` opens with a note number (``1.`` only when ``plain``).

    >>> note_marker("①张三：《城市群》，2017 年。"), note_marker("[2] 李四. 题名[J].")
    (('①', '张三：《城市群》，2017 年。'), ('[2]', '李四. 题名[J].'))
    """
    match = jp.NOTE_START.match(text)
    if match is None:
        return None
    if match["circled"]:
        return match["circled"], text[match.end() :]
    if match["number"]:
        return f"[{int(match['number'])}]", text[match.end() :]
    if plain:
        return f"[{int(match['plain'])}]", text[match.end() :]
    return None


def _ordinal(marker: str) -> int:
    if marker in CIRCLED:
        return CIRCLED.index(marker) + 1
    return int(marker.strip("[]"))


def find_notes_start(content: Sequence[Line], first: int, last: int) -> tuple[int | None, int | None]:
    """``(heading position, first note position)`` of the notes section among ``first…last - 1``.

    A heading (注释, 参考文献 …) counts when a numbered note follows it.
    Without one, the section is the first run that opens with note 1 after a
    finished sentence and whose numbers then count up.
    """
    for position in range(first, last - 1):
        if jp.NOTES_HEADING.match(content[position].text) and note_marker(content[position + 1].text, plain=True):
            return position, position + 1
    for position in range(first + 1, last):  # some body text comes first
        opened = note_marker(content[position].text)
        if opened is None or _ordinal(opened[0]) != 1 or not opened[1].strip():
            continue
        if not ends_sentence(content[position - 1].text):
            continue
        numbers = [
            _ordinal(found[0]) for p in range(position, last) if (found := note_marker(content[p].text)) is not None
        ]
        if numbers == list(range(1, len(numbers) + 1)) and len(numbers) * 4 >= last - position:
            return None, position
    return None, None


def _cut_number(note: Note, marker: str) -> bool:
    """Whether a number opening a line continues ``note`` (cut after a dash, colon or comma) instead of
    opening the next note: it is not the next number in order."""
    cut = note.pieces[-1].rstrip().endswith(("-", "–", ":", "：", ",", "，"))
    return cut and _ordinal(marker) != _ordinal(note.marker) + 1


def parse_notes(content: Sequence[Line], positions: Sequence[int], *, plain: bool) -> tuple[list[Note], list[int]]:
    """Notes over ``positions``; positions before the first numbered line are returned as unplaced."""
    notes: list[Note] = []
    unplaced: list[int] = []
    for position in positions:
        text = content[position].text
        if jp.NOTES_HEADING.match(text):
            continue
        opened = note_marker(text, plain=plain)
        if opened is not None and notes and _cut_number(notes[-1], opened[0]):
            opened = None  # "2019: 8-" then "11.": the end of a page range, not note 11
        if opened is not None:
            notes.append(Note(opened[0], [position], [opened[1]]))
        elif notes:
            notes[-1].positions.append(position)
            notes[-1].pieces.append(text)
        else:
            unplaced.append(position)
    return notes, unplaced


def page_bottom_notes(content: Sequence[Line], breaks: Sequence[bool], first: int, last: int) -> list[Note]:
    """Runs of circled-number notes that end just before a page break, among ``first…last - 1``.

    A run opens with a citation-looking ``①`` line whose marker stands in the
    text of the same page above it, and closes at the page break; every line
    of the run is a note or the continuation of one. The sentence it cuts is
    joined back by the body.
    """
    notes: list[Note] = []
    position = first
    while position < last:
        opened = note_marker(content[position].text)
        if (
            opened is None
            or opened[0] not in CIRCLED
            or not _cited_on_page(content, breaks, first, position, opened[0])
        ):
            position += 1
            continue
        end = position + 1
        while end < last and not breaks[end] and end - position <= 12:
            end += 1
        if end >= last or end - position > 12:
            position += 1
            continue
        run, stray = parse_notes(content, range(position, end), plain=False)
        if not stray and all(len(note.positions) <= 4 for note in run) and _note_run(run, opened[1]):
            notes.extend(run)
            position = end
        else:
            position += 1
    return notes


def _cited_on_page(content: Sequence[Line], breaks: Sequence[bool], first: int, position: int, marker: str) -> bool:
    """Whether ``marker`` stands inside the text of a line of this page before ``position``."""
    earlier = position - 1
    while earlier >= first:
        text = content[earlier].stripped
        if marker in text[1:]:
            return True
        if breaks[earlier]:
            return False
        earlier -= 1
    return False


def _note_run(run: Sequence[Note], first_text: str) -> bool:
    """Whether a run of circled lines closing a page is its notes: numbered ①, ②, … in order, and, for a
    single line, one that cites (a citation shape, 《, 出版社) or explains in whole sentences."""
    if [_ordinal(note.marker) for note in run] != list(range(1, len(run) + 1)):
        return False
    return len(run) > 1 or _looks_cited(first_text) or ends_sentence(run[0].raw)


def _looks_cited(text: str) -> bool:
    return bool(CITATION_SHAPE.search(text)) or "《" in text or "出版社" in text or "年第" in text


def link(markers: Sequence[str], notes: Sequence[str]) -> list[int | None]:
    """For each in-text marker in reading order, the index of the note it links to.

    Bracketed numbers name their note; a circled marker takes the first note
    with that marker not yet taken (numbering may restart on each page), or
    the last such note when all are taken.

    >>> link(["①", "②", "①", "[2]", "[2]"], ["①", "②", "①", "[1]", "[2]"])
    [0, 1, 2, 4, 4]
    """
    taken: set[int] = set()
    result: list[int | None] = []
    for marker in markers:
        candidates = [index for index, note in enumerate(notes) if note == marker]
        if not candidates:
            result.append(None)
            continue
        if marker.startswith("["):
            result.append(candidates[0])
            continue
        free = [index for index in candidates if index not in taken]
        chosen = free[0] if free else candidates[-1]
        taken.add(chosen)
        result.append(chosen)
    return result
