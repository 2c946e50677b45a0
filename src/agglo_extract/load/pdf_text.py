"""A PDF's sorted lines written as text in the layouts the segmenter reads, with a page map.

The text is written in the layout the segmenter already reads, so the PDF
path does not fork a parser: for a bulletin, one paragraph per line with blank
lines between, markers as ``^{①}``, each page's notes after the paragraph
they interrupt as ``^①…`` lines, and tables as pipe tables; for a journal
article, the printed lines with each paragraph's first line indented, running
heads kept in place (the segmenter reads the journal's name and issue from
them), notes at the page end. A paragraph is broken where a line is indented,
where the line before stops short of the column's right edge, where size or
weight changes, where the vertical gap widens, where a labelled line (关键词：)
follows a finished sentence, or where a note marker follows a note; a page's
last paragraph runs on into the next page when that page's first line is not
indented. A note set with a hanging indent and a block set in from both
edges (an abstract) run on.

A :class:`PageMap` maps every offset of that text back to the PDF page, the
printed page and the box of the printed line it came from.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from .pdf import BBox
from .pdf_layout import (
    LABEL,
    MARKER_CLOSE,
    MARKER_OPEN,
    NOTE_START,
    WIDE_GAP,
    PageLayout,
    PdfLayout,
    TableBlock,
    TextLine,
)
from .pdf_lines import is_han

Layout = Literal["bulletin_issue", "journal_article"]

_CIRCLED = regex.compile(r"^[①-⑳㉑-㉟㊱-㊿]")
_URL_END = regex.compile(r"(?:https?://|www\.)\S*$")
_SENTENCE_END = regex.compile(r"[。！？.!?；;]\s*$")


@dataclass(frozen=True, slots=True)
class PagePiece:
    """From ``start`` in the text on, what is written came from this page and printed line."""

    start: int
    pdf_page: int
    page: int | None
    bbox: BBox


class PageMap:
    """Offsets of the text written from a PDF, mapped back to pages and boxes."""

    def __init__(self, pieces: Sequence[PagePiece]) -> None:
        self.pieces = tuple(pieces)
        self._starts = [piece.start for piece in self.pieces]

    def at(self, offset: int) -> PagePiece | None:
        """The piece ``offset`` falls in."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.pieces[index] if index >= 0 else None

    def locate(self, start: int, end: int) -> tuple[int, int | None, BBox] | None:
        """PDF page, printed page and box of the text from ``start`` to ``end``.

        The box covers the printed lines of that text on the page where it starts.
        """
        first = self.at(start)
        if first is None:
            return None
        x0, top, x1, bottom = first.bbox
        index = bisect.bisect_right(self._starts, start)
        while index < len(self.pieces) and self.pieces[index].start < end:
            piece = self.pieces[index]
            if piece.pdf_page == first.pdf_page:
                x0, top = min(x0, piece.bbox[0]), min(top, piece.bbox[1])
                x1, bottom = max(x1, piece.bbox[2]), max(bottom, piece.bbox[3])
            index += 1
        return first.pdf_page, first.page, (x0, top, x1, bottom)


def render(layout: PdfLayout, kind: Layout) -> tuple[str, PageMap]:
    """The text of ``layout`` in the segmenter's layout for ``kind``, and its page map."""
    writer = _Writer(layout)
    if kind == "journal_article":
        writer.journal()
    else:
        writer.bulletin()
    return "".join(writer.parts), PageMap(writer.pieces)


class _Writer:
    """Writes the pages as text in one of the segmenter's layouts, recording the page map."""

    def __init__(self, layout: PdfLayout) -> None:
        self.layout = layout
        self.parts: list[str] = []
        self.pieces: list[PagePiece] = []
        self.offset = 0
        self.printed = {page.index: page.printed for page in layout.pages}
        self.columns = {page.index: _column_edges(page, layout.body_size) for page in layout.pages}
        self.hanging: float | None = None  # the x of the hanging lines of the note being written

    def write(self, text: str, line: TextLine | TableBlock | None = None) -> None:
        if line is not None and text:
            bbox = line.bbox
            self.pieces.append(PagePiece(self.offset, line.page + 1, self.printed.get(line.page), bbox))
        self.parts.append(text)
        self.offset += len(text)

    # -- bulletin: one paragraph per line -------------------------------------------------------

    def bulletin(self) -> None:
        paragraph: list[TextLine] = []
        held: list[TextLine] = []
        first = next((page for page in self.layout.pages if page.body), None)
        for page in self.layout.pages:
            body: Sequence[TextLine | TableBlock] = page.body
            if page is first:
                masthead, body = _masthead(page.body, self.layout.body_size)
                for line in masthead:
                    for piece in WIDE_GAP.split(line.text.strip()):
                        self.write(_bulletin_text(piece) + "\n\n", line)
            for item in body:
                if isinstance(item, TableBlock):
                    self._paragraph(paragraph, held)
                    paragraph, held = [], []
                    self._table(item)
                    continue
                if paragraph and self._breaks(paragraph[-1], item):
                    self._paragraph(paragraph, held)
                    paragraph, held = [], []
                paragraph.append(item)
            open_paragraph = bool(page.body) and isinstance(page.body[-1], TextLine)
            if open_paragraph and page.notes:
                held.extend(page.notes)
            elif page.notes:
                self._notes(page.notes)
        self._paragraph(paragraph, held)

    def _paragraph(self, lines: Sequence[TextLine], held: Sequence[TextLine]) -> None:
        if lines:
            for number, line in enumerate(lines):
                text = _bulletin_text(line.text).strip()
                if number and self.parts and _latin_join(self.parts[-1], text):
                    self.write(" ")
                self.write(text, line)
            self.write("\n\n")
        if held:
            self._notes(held)

    def _notes(self, lines: Sequence[TextLine]) -> None:
        for note in _group_notes(lines):
            for number, line in enumerate(note):
                text = line.plain.strip()
                if number == 0:
                    text = ("^" + text) if _CIRCLED.match(text) else text
                elif self.parts and _latin_join(self.parts[-1], text):
                    self.write(" ")
                self.write(text, line)
            self.write("\n\n")

    def _table(self, table: TableBlock) -> None:
        width = max(len(row) for row in table.rows)
        rows = [row + ("",) * (width - len(row)) for row in table.rows]
        self.write(_pipe(rows[0]) + "\n", table)
        self.write("|" + "---|" * width + "\n")
        for row in rows[1:]:
            self.write(_pipe(row) + "\n", table)
        self.write("\n")

    def _breaks(self, previous: TextLine, line: TextLine) -> bool:
        """Whether ``line`` opens a new paragraph after ``previous``."""
        size = self.layout.body_size
        if abs(previous.size - line.size) > 0.08 * max(previous.size, line.size) or previous.bold != line.bold:
            return True
        if previous.wide_gap or line.wide_gap:
            return True
        left, _ = self.columns[line.page].get(line.column, (line.x0, line.x1))
        _, right = self.columns[previous.page].get(previous.column, (previous.x0, previous.x1))
        same_place = previous.page == line.page and previous.column == line.column
        big = line.size > 1.2 * size
        if same_place and line.baseline - previous.baseline > (1.9 if not big else 1.7) * line.size:
            return True
        if big and same_place:  # a title set large and wrapped: its lines stay together
            return False
        full = right - previous.x1 < 1.5 * previous.size
        if NOTE_START.match(line.text) and (self.hanging is not None or NOTE_START.match(previous.text)):
            self.hanging = None
            return True  # the next entry of a list of notes or references
        if LABEL.match(line.plain) and _SENTENCE_END.search(previous.plain):
            return True  # a labelled line (关键词：, Abstract:) after a finished sentence
        if same_place and abs(line.x0 - previous.x0) < 1 and line.x0 - left >= 0.9 * line.size:
            # a block set in from both edges (an abstract): lines of one left edge run on
            # while the line before is as long as this one
            return line.x1 - previous.x1 >= 1.5 * previous.size
        if line.x0 - left >= 0.9 * line.size:
            # A note or reference set with a hanging indent: its first line flush left and
            # opening with a marker, the lines after it indented, each line before them full.
            opener = abs(previous.x0 - left) < 1 and NOTE_START.match(previous.text)
            hanging = self.hanging is not None and abs(previous.x0 - line.x0) < 1 and abs(self.hanging - line.x0) < 1
            if same_place and full and (opener or hanging):
                self.hanging = line.x0
                return False
            self.hanging = None
            return True
        self.hanging = None
        return not full

    # -- journal: printed lines, paragraph openings indented ----------------------------------------

    def journal(self) -> None:
        previous: TextLine | None = None
        for page in self.layout.pages:
            for line in page.head:
                self.write(line.plain.strip(), line)
                self.write("\n")
            for item in page.body:
                if isinstance(item, TableBlock):
                    self._table(item)
                    previous = None
                    continue
                opens = previous is None or self._breaks(previous, item)
                text = _journal_text(item.text).strip()
                if not opens and previous is not None and previous.page == item.page and self.parts[-1] == "\n" \
                        and _english(self.parts[-2]) and _latin_join(self.parts[-2], text):
                    self.parts[-1] = " "  # English prose set word by word: a line ends at a word, not inside one
                self.write("    " if opens else "")
                self.write(text, item)
                self.write("\n")
                previous = item
            for note in _group_notes(page.notes):
                for number, line in enumerate(note):
                    if number and self.parts and _latin_join(self.parts[-1], line.plain.strip()):
                        self.write(" ")
                    self.write(line.plain.strip(), line)
                self.write("\n")
            for line in page.foot:
                self.write(line.plain.strip(), line)
                self.write("\n")
            self.write("\n")


def _masthead(
    body: Sequence[TextLine | TableBlock], body_size: float
) -> tuple[list[TextLine], Sequence[TextLine | TableBlock]]:
    """The masthead of a bulletin's first page, biggest type first, and the rest of the page.

    The masthead is the run of lines set larger than the body that opens the
    page. It reads from the biggest type down (title, then theme, then the
    smaller lines in printed order), whatever corner a category label is
    printed in.
    """
    count = 0
    for item in body:
        if not isinstance(item, TextLine) or item.size <= 1.1 * body_size:
            break
        count += 1
    lines = [item for item in body[:count] if isinstance(item, TextLine)]
    return sorted(lines, key=lambda line: -round(line.size)), body[count:]


def _column_edges(page: PageLayout, body_size: float) -> dict[int, tuple[float, float]]:
    """Left and right edge of each column's body text on a page."""
    edges: dict[int, tuple[float, float]] = {}
    by_column: dict[int, list[TextLine]] = {}
    for item in page.body:
        if isinstance(item, TextLine):
            by_column.setdefault(item.column, []).append(item)
    for column, lines in by_column.items():
        body = [line for line in lines if abs(line.size - body_size) <= 0.08 * body_size and not line.wide_gap]
        chosen = body or lines
        rights = Counter(round(line.x1) for line in chosen)
        right, count = rights.most_common(1)[0]
        edges[column] = (min(line.x0 for line in chosen), float(right) if count >= 3 else max(rights))
    return edges


def _group_notes(lines: Iterable[TextLine]) -> list[list[TextLine]]:
    notes: list[list[TextLine]] = []
    for line in lines:
        if not notes or NOTE_START.match(line.text):
            notes.append([line])
        else:
            notes[-1].append(line)
    return notes


def _bulletin_text(text: str) -> str:
    return text.replace(MARKER_OPEN, "^{").replace(MARKER_CLOSE, "}")


def _journal_text(text: str) -> str:
    return text.replace(MARKER_OPEN, "").replace(MARKER_CLOSE, "")


def _english(text: str) -> bool:
    """A line of English prose: mostly Latin letters, four words or more (not a reference with a URL in it)."""
    letters = sum(1 for char in text if char.isascii() and char.isalpha())
    return letters >= 20 and letters > 4 * sum(1 for char in text if is_han(char)) and len(text.split()) >= 4


def _latin_join(before: str, after: str) -> bool:
    """Whether two lines of one paragraph join with a space: two Latin words, not a URL cut at the line end."""
    if not (before and after and before[-1].isascii() and before[-1].isalnum() and after[0].isascii()):
        return False
    if _URL_END.search(before):
        return False
    return before[-1].isalpha() and after[0].isalpha()


def _pipe(row: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "｜") or " " for cell in row) + " |"


__all__ = ["Layout", "PageMap", "PagePiece", "render"]
