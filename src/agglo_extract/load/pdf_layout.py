"""What each printed line of a PDF is, told from geometry alone.

Roles come from size, weight and position, never from a document's words:

- the **body size** is the size most of the document's characters are set in;
- **running heads and feet** stand in the top or bottom band of the page and
  recur (digits masked) on other pages; a line in those bands holding only a
  number (``5``, ``- 5 -``, ``第5页``) is the **printed page number**;
- the **footnote zone** is what stands under a short rule in the lower part of
  the page, or, with no rule, the trailing lines set smaller than the body
  whose first line opens with a marker (``①``, ``[1]`` or a raised number);
- **tables** are the ruled grids found on the page (a grid continued at the
  top of the next page, with its header row repeated or not, is joined), and
  runs of three or more lines split by wide gaps into the same cells;
- a bulletin's **masthead** is the run of lines set larger than the body that
  opens its first page, read from the biggest type down;
- everything else is **body**, read column by column on two-column pages.

The lines are written as text by :mod:`agglo_extract.load.pdf_text`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import regex

from ..errors import NoTextLayer
from .pdf import BBox, CharSource, Grid, PageContent, Rule
from .pdf_lines import PrintedLine, cell_text, glyphs_in, page_lines

MARKER_OPEN = "\ufdd1"  # noncharacters: never text (the character source turns any in a PDF into U+FFFD)
MARKER_CLOSE = "\ufdd2"
_MARKER_FORM = MARKER_OPEN + "{}" + MARKER_CLOSE
_HEAD_BAND = 0.1
"""Running heads stand in this top share of the page."""
_FOOT_BAND = 0.9
"""Running feet and page numbers stand below this share of the page."""
_PAGE_NUMBER = regex.compile(r"^[-—–－·\s]*(?:第\s*)?(\d{1,4})(?:\s*页)?[-—–－·\s]*$")
_EDGE_NUMBER = regex.compile(r"^(\d{1,4})\s{2,}\S|\S\s{2,}(\d{1,4})$")
NOTE_START = regex.compile(rf"^(?:{MARKER_OPEN}|[①-⑳㉑-㉟㊱-㊿]|\[\d{{1,3}}\]|\d{{1,2}}[)）])")


@dataclass(frozen=True, slots=True)
class TextLine:
    """A printed line reduced to what the layout needs (the glyphs are let go page by page)."""

    page: int
    column: int
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    text: str

    @property
    def bbox(self) -> BBox:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))

    @property
    def plain(self) -> str:
        return self.text.replace(MARKER_OPEN, "").replace(MARKER_CLOSE, "")

    @property
    def wide_gap(self) -> bool:
        return "    " in self.text.strip()


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A ruled table: cell texts row by row, where it stands, and the pages it spans."""

    page: int
    column: int
    top: float
    bbox: BBox
    rows: tuple[tuple[str, ...], ...]
    continued: bool = False


Item = TextLine | TableBlock


@dataclass(slots=True)
class PageLayout:
    """One page sorted into its parts."""

    index: int
    width: float
    height: float
    lines: list[TextLine]
    tables: list[TableBlock]
    rules: list[Rule]
    error: str | None = None
    head: list[TextLine] = field(default_factory=list)
    foot: list[TextLine] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)
    notes: list[TextLine] = field(default_factory=list)
    printed: int | None = None
    rotated: str = ""
    strays: list[str] = field(default_factory=list)
    unmapped: int = 0


@dataclass(frozen=True, slots=True)
class PdfNote:
    """Something the PDF reader noticed, for the document's diagnostics."""

    level: Literal["info", "warning"]
    code: str
    message: str
    pdf_page: int | None = None


@dataclass(slots=True)
class PdfLayout:
    """A whole PDF sorted into parts, ready to be written as text."""

    pages: list[PageLayout]
    body_size: float
    notes: list[PdfNote] = field(default_factory=list)

    @property
    def furniture(self) -> tuple[str, ...]:
        """The distinct running heads, feet and page-number lines, in order of first appearance."""
        seen: dict[str, None] = {}
        for page in self.pages:
            for line in (*page.head, *page.foot):
                seen.setdefault(line.plain.strip(), None)
        return tuple(seen)



def read_layout(source: CharSource, *, path: str | None = None) -> PdfLayout:
    """Read every page of ``source`` and sort its lines into roles."""
    pages = [_page_layout(content) for content in source.pages()]
    notes: list[PdfNote] = []
    sizes: Counter[float] = Counter()
    for page in pages:
        for stray in page.strays:
            notes.append(PdfNote("warning", "text-unplaced", f"page {page.index + 1}: text inside a table's ruling "
                                 f"but in no cell, kept as its last row: {stray}", page.index + 1))
        if page.unmapped:
            notes.append(PdfNote("warning", "pdf-glyphs-unmapped", f"page {page.index + 1}: {page.unmapped} "
                                 "characters in a font with no Unicode map, kept as (cid:N)", page.index + 1))
        if page.rotated:
            notes.append(PdfNote("warning", "pdf-text-rotated", f"page {page.index + 1}: text set at an angle, "
                                 f"not read in order: {page.rotated}", page.index + 1))
        if page.error:
            notes.append(PdfNote("warning", "pdf-page-unreadable", f"page {page.index + 1}: {page.error}",
                                 page.index + 1))
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.plain)
    if not sizes and not any(page.tables for page in pages):
        raise NoTextLayer(
            "the PDF has no text layer (a scan?): run OCR on it first, then convert the text", path=path
        )
    for page in pages:
        if not page.lines and not page.tables and not page.error:
            notes.append(PdfNote("warning", "no-text-layer", f"page {page.index + 1} holds no text (a scan or "
                                 "a figure?): what it shows is not in the output", page.index + 1))
    body_size = sizes.most_common(1)[0][0] if sizes else _USUAL_BODY_SIZE  # only tables: any size will do
    _find_furniture(pages)
    for page in pages:
        _sort_page(page, body_size)
    _join_tables(pages, notes)
    return PdfLayout(pages, body_size, notes)


def _page_layout(content: PageContent) -> PageLayout:
    grids = list(content.grids)
    printed = page_lines(content, grids)
    lines = [_text_line(line) for line in printed]
    found = [_table(content, grid, printed) for grid in grids]
    tables = [table for table, _ in found]
    in_grid = [rule for rule in content.rules if not any(_rule_in(rule, grid.bbox) for grid in grids)]
    return PageLayout(
        content.index,
        content.width,
        content.height,
        lines,
        tables,
        in_grid,
        content.error,
        rotated=content.rotated,
        unmapped=content.unmapped,
        strays=[stray for _, stray in found if stray],
    )


def _text_line(line: PrintedLine) -> TextLine:
    return TextLine(
        page=line.page,
        column=line.column,
        x0=line.x0,
        x1=line.x1,
        top=line.top,
        bottom=line.bottom,
        baseline=line.baseline,
        size=line.size,
        bold=line.bold,
        text=line.text(_MARKER_FORM),
    )


def _table(content: PageContent, grid: Grid, lines: Sequence[PrintedLine]) -> tuple[TableBlock, str]:
    """The grid's table, and the text inside its ruling that stands in no cell (kept as a last row too)."""
    glyphs = glyphs_in(content.glyphs, grid.bbox)
    rows: list[tuple[str, ...]] = []
    placed: set[int] = set()
    for row in grid.rows:
        texts = []
        for cell in row:
            inside = glyphs_in(glyphs, cell) if cell else []
            placed.update(id(g) for g in inside)
            texts.append(cell_text(inside))
        cells = tuple(texts)
        if any(cells):
            rows.append(cells)
    outside = [g for g in glyphs if id(g) not in placed and g.text.strip()]
    stray = cell_text(outside) if outside else ""
    if stray:  # inside the ruling but in no cell (a caption drawn in the frame)
        rows.append((stray,) + ("",) * (max((len(r) for r in rows), default=1) - 1))
    middle = (grid.bbox[0] + grid.bbox[2]) / 2
    column = next((line.column for line in lines if line.column and line.x0 <= middle <= line.x1), 0)
    return TableBlock(content.index, column, grid.bbox[1], grid.bbox, tuple(rows)), stray


def _rule_in(rule: Rule, box: BBox) -> bool:
    return box[0] - 2 <= rule.x0 and rule.x1 <= box[2] + 2 and box[1] - 2 <= rule.top and rule.bottom <= box[3] + 2


_DIGITS = regex.compile(r"\d+")
_USUAL_BODY_SIZE = 10.5
"""五号, the usual body size of Chinese print."""
WIDE_GAP = regex.compile(r"[ ]{4,}")
LABEL = regex.compile(r"^\s*(?:[\p{Han}][\p{Han} ]{0,7}|[A-Za-z][A-Za-z ]{1,15})[:：]")
_SPACES = regex.compile(r"\s+")


def _mask(text: str) -> str:
    """The text with spaces dropped and every number as ``#``: a running head's shape."""
    masked: str = _DIGITS.sub("#", _SPACES.sub("", text))
    return masked


def _find_furniture(pages: list[PageLayout]) -> None:
    """Running heads and feet by band and recurrence; page numbers by band and shape."""
    recurring: Counter[tuple[str, str]] = Counter()
    for page in pages:
        seen = {(band, _mask(line.plain)) for line in page.lines if (band := _band(line, page))}
        recurring.update(seen)
    least = 2 if len(pages) < 8 else 3
    for page in pages:
        numbers: list[int] = []
        for line in page.lines:
            band = _band(line, page)
            if band is None:
                continue
            plain = line.plain.strip()
            number = _PAGE_NUMBER.match(plain)
            edge = _EDGE_NUMBER.search(plain)
            if number or recurring[(band, _mask(plain))] >= least:
                (page.head if band == "head" else page.foot).append(line)
                if number:
                    numbers.append(int(number[1]))
                elif edge:
                    numbers.append(int(edge[1] or edge[2]))
        page.printed = numbers[-1] if numbers else None
        taken = {id(line) for line in (*page.head, *page.foot)}
        page.lines = [line for line in page.lines if id(line) not in taken]


def _band(line: TextLine, page: PageLayout) -> str | None:
    if line.bottom <= _HEAD_BAND * page.height:
        return "head"
    if line.top >= _FOOT_BAND * page.height:
        return "foot"
    return None


def _sort_page(page: PageLayout, body_size: float) -> None:
    """Split a page's remaining lines into body and notes, and place its tables in the body."""
    lines = page.lines
    rule = _note_rule(page, body_size)
    if rule is not None:
        notes = [line for line in lines if line.top >= rule.top - 1]
    else:
        notes = _trailing_notes(lines, body_size)
    taken = {id(line) for line in notes}
    body: list[Item] = _aligned_tables([line for line in lines if id(line) not in taken])
    for table in page.tables:
        at = next(
            (i for i, item in enumerate(body) if item.top > table.top and item.column in (0, table.column)),
            len(body),
        )
        body.insert(at, table)
    page.body = body
    page.notes = notes


_ALIGNED_MIN_ROWS = 3


def _aligned_tables(lines: Sequence[TextLine]) -> list[Item]:
    """The lines, with each run of rows aligned by wide gaps (a table printed without rules) made a table.

    A run is three or more lines in a row of one column, each split by wide
    gaps into the same number (two or more) of cells, none ending a sentence
    and none a labelled line (地    址：); a run whose rows all end in a small
    number is a table of contents, not a table.
    """
    out: list[Item] = []
    index = 0
    while index < len(lines):
        end = index
        cells: list[tuple[str, ...]] = []
        while end < len(lines):
            line = lines[end]
            row = tuple(WIDE_GAP.split(line.plain.strip()))
            if (
                len(row) < 2
                or (cells and (len(row) != len(cells[0]) or line.column != lines[index].column))
                or LABEL.match(line.plain)
                or line.plain.rstrip().endswith("。")
            ):
                break
            cells.append(row)
            end += 1
        toc = all(row[-1].isdigit() and len(row[-1]) <= 3 for row in cells)
        if len(cells) >= _ALIGNED_MIN_ROWS and not toc:
            run = lines[index:end]
            box = (min(row.x0 for row in run), run[0].top, max(row.x1 for row in run), run[-1].bottom)
            out.append(TableBlock(run[0].page, run[0].column, run[0].top, box, tuple(cells)))
            index = end
        else:
            out.append(lines[index])
            index += 1
    return out


def _note_rule(page: PageLayout, body_size: float) -> Rule | None:
    """A short horizontal rule in the lower part of the page with smaller type under it."""
    candidates = [
        rule
        for rule in page.rules
        if rule.horizontal
        and 0.08 * page.width <= rule.x1 - rule.x0 <= 0.5 * page.width
        and rule.top >= 0.4 * page.height
    ]
    for rule in sorted(candidates, key=lambda r: r.top):
        below = [line for line in page.lines if line.top >= rule.top - 1]
        if below and all(line.size < 0.95 * body_size for line in below) and NOTE_START.match(below[0].text):
            return rule
    return None


def _trailing_notes(lines: Sequence[TextLine], body_size: float) -> list[TextLine]:
    start = len(lines)
    while start > 0 and lines[start - 1].size < 0.9 * body_size:
        start -= 1
    while start < len(lines) and not NOTE_START.match(lines[start].text):
        start += 1
    if start == len(lines) or start == 0:
        return []
    if lines[start].top - lines[start - 1].bottom < 0.5 * body_size:
        return []
    return list(lines[start:])


def _join_tables(pages: list[PageLayout], notes: list[PdfNote]) -> None:
    """A table that opens a page, with the columns of the table closing the page before, continues it."""
    for before, after in zip(pages, pages[1:]):
        if not before.body or not after.body:
            continue
        last, first = before.body[-1], after.body[0]
        if not (isinstance(last, TableBlock) and isinstance(first, TableBlock)):
            continue
        if len(last.rows[0]) != len(first.rows[0]):
            continue
        rows = first.rows[1:] if first.rows[0] == last.rows[0] else first.rows
        before.body[-1] = TableBlock(last.page, last.column, last.top, last.bbox, last.rows + rows, continued=True)
        after.body.pop(0)
        notes.append(PdfNote("info", "pdf-table-continued",
                             f"a table on page {before.index + 1} continues on page {after.index + 1}: joined",
                             before.index + 1))


__all__ = ["PdfLayout", "PdfNote", "TableBlock", "TextLine", "read_layout"]
