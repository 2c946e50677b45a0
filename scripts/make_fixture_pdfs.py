"""Lay out our text fixtures as realistic PDFs in fixtures/pdf/, with reportlab.

The content comes from each fixture's golden JSON (``from_json``), so every
paragraph, heading, note and table cell is printed exactly as the model holds
it, once, in reading order.  Only page furniture is added: running heads, page
numbers, labels such as 目录 or 摘要, the table of contents and a table's header
row repeated after a page break.  Footnote numbers restart at ① on each page.

reportlab's built-in CID font STSong-Light is referenced, not embedded, so the
files stay small; the canvas is ``invariant`` so regenerating does not change a
byte.  Usage::

    python scripts/make_fixture_pdfs.py                  # regenerate fixtures/pdf/
    python scripts/make_fixture_pdfs.py --long 300 OUT   # an N-page PDF for the benchmarks
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import io
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from reportlab import rl_config

rl_config.invariant = 1  # before the imports below: pdfencrypt reads it at import time

from PIL import Image, ImageDraw  # noqa: E402  (a dependency of reportlab)
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from agglo_extract import Article, Block, BulletinIssue, JournalArticle, MarkerRef, Table, from_json  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "pdf"

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE_W, PAGE_H = A4
BODY = 10.5  # 五号
LEADING = BODY * 1.5
TEXT_W = 42 * BODY  # 42 characters a line
LEFT = (PAGE_W - TEXT_W) / 2
TOP = PAGE_H - 72
BOTTOM = 64.0
HEAD_Y = PAGE_H - 50
FOLIO_Y = 36.0
NOTE_SIZE, NOTE_LEADING, NOTE_RULE = 8.0, 11.0, 9.0
CELL_SIZE, CELL_LEADING, CELL_PAD = 9.0, 12.6, 3.0
SUPER_SCALE, SUPER_RISE = 0.6, 0.4  # superscript markers: 60% size, baseline raised 0.4 em
FAKE_BOLD = 0.3  # offset of the second impression of fake-bold text
LONG_RUN = 25  # Latin runs longer than this (URLs, DOIs) may break anywhere

NO_LINE_START = frozenset("，。、；：？！）》」』”’％%…,.;:?!)]}")
NO_LINE_END = frozenset("（《「『“‘([{")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

Align = Literal["justify", "left", "centre", "right"]
Kind = Literal["content", "furniture"]


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


@functools.cache
def _em(text: str) -> float:
    return text_width(text, 1000.0) / 1000.0


# --- text shaping -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A note printed at the foot of the page where its marker stands (numbered afresh on each page)."""

    text: str
    key: tuple[int, int] = (0, 0)  # keeps two notes with the same text apart
    numbered: bool = True
    prefix: str = ""  # a printed label such as 基金项目： (furniture)


@dataclass(frozen=True)
class Mark:
    """A superscript marker: a fixed label (``*``, ``[1]``), or the per-page number of ``note``."""

    label: str
    note: Note | None = None


@dataclass(frozen=True)
class Unit:
    """What wrapping does not split: one CJK character or a run of Latin letters and digits, with its markers."""

    text: str
    marks: tuple[Mark, ...] = ()
    bold: bool = False

    @property
    def is_space(self) -> bool:
        return self.text == " "

    @property
    def latin(self) -> bool:
        return self.text.isascii() and not self.is_space

    def width(self, size: float) -> float:
        return _em(self.text) * size + sum(_em(m.label) * size * SUPER_SCALE for m in self.marks)


@dataclass(frozen=True)
class Line:
    units: tuple[Unit, ...]
    indent: float  # from the left edge of the text block
    justify: bool  # False on the last line of a paragraph

    def width(self, size: float) -> float:
        return sum(unit.width(size) for unit in self.units)


def units_of(text: str, marks: Iterable[tuple[int, Mark]] = (), *, bold: bool = False) -> list[Unit]:
    """Cut ``text`` into units, attaching each mark to the unit that ends at its offset."""
    at: dict[int, list[Mark]] = {}
    for offset, mark in marks:
        if not 0 < offset <= len(text):
            raise ValueError(f"marker {mark.label} at {offset} outside {text!r}")
        at.setdefault(offset, []).append(mark)
    spans: list[tuple[int, int]] = []
    run: int | None = None
    for i, char in enumerate(text):
        latin = char.isascii() and char != " "
        if run is not None and (not latin or i in at):
            spans.append((run, i))
            run = None
        if not latin:
            spans.append((i, i + 1))
        elif run is None:
            run = i
    if run is not None:
        spans.append((run, len(text)))
    return [Unit(text[start:end], tuple(at.get(end, ())), bold) for start, end in spans]


def _split_run(unit: Unit, size: float, room: float) -> tuple[Unit | None, Unit]:
    """The longest head of a Latin run that fits ``room``, and the rest (which keeps the marks)."""
    cut = 0
    while cut < len(unit.text) and text_width(unit.text[: cut + 1], size) <= room:
        cut += 1
    if cut < 2:
        return None, unit
    return Unit(unit.text[:cut], (), unit.bold), Unit(unit.text[cut:], unit.marks, unit.bold)


def wrap(
    units: Sequence[Unit], size: float, width: float, *, first_indent: float = 0.0, indent: float = 0.0
) -> list[Line]:
    """Greedy line breaking by character width, with the usual line-start/line-end rules (push-out)."""
    lines: list[Line] = []
    todo = list(reversed(units))
    line: list[Unit] = []
    used, left = 0.0, first_indent

    def close(justify: bool) -> None:
        nonlocal line, used, left
        while line and line[-1].is_space:
            line.pop()
        lines.append(Line(tuple(line), left, justify))
        line, used, left = [], 0.0, indent

    while todo:
        unit = todo.pop()
        if unit.is_space and not line:
            continue
        room = width - left - used
        if unit.width(size) <= room + 0.01:
            line.append(unit)
            used += unit.width(size)
            continue
        if unit.is_space:
            close(True)
            continue
        if unit.latin and (len(unit.text) > LONG_RUN or unit.width(size) > width - indent):
            head, tail = _split_run(unit, size, room)
            todo.append(tail)
            if head is not None:
                line.append(head)
            close(True)
            continue
        carry = [unit]
        while line and len(carry) < 3 and (carry[0].text[0] in NO_LINE_START or line[-1].text[-1] in NO_LINE_END):
            carry.insert(0, line.pop())
        if not line:  # nothing can be pushed out: let this line run over
            line = carry
            close(True)
            continue
        close(True)
        todo.extend(reversed(carry))
    if line:
        close(False)
    return lines


@functools.cache
def note_lines(note: Note, label: str) -> tuple[Line, ...]:
    units = [Unit(label)] if note.numbered else []
    units += units_of(note.prefix, bold=True) + units_of(note.text)
    hang = _em(label) * NOTE_SIZE if note.numbered else 0.0
    return tuple(wrap(units, NOTE_SIZE, TEXT_W, indent=hang))


def notes_height(notes: Sequence[Note]) -> float:
    if not notes:
        return 0.0
    return NOTE_RULE + NOTE_LEADING * sum(len(note_lines(note, CIRCLED[0])) for note in notes) + 6.0


def baseline(top: float, leading: float, size: float) -> float:
    """The baseline that centres CJK glyphs (ascent ~0.88 em) in a line box starting at ``top``."""
    return top - leading / 2 - 0.38 * size


# --- the page model -----------------------------------------------------------------------------------------------


class PageLimitReached(Exception):
    """Raised once the requested number of pages has been written (``write_long_pdf``)."""


@dataclass(frozen=True)
class Furniture:
    """Running head and printed page number of a document."""

    head: str = ""
    head_right: str = ""
    align: Literal["left", "centre", "outer"] = "left"  # outer: left on even pages, right on odd ones
    folio: str = "{}"
    folio_place: Literal["centre", "outer"] = "centre"  # outer: the foot's outer corner (right on odd pages)


@dataclass
class Layout:
    """A canvas with a cursor: page, column and vertical position, and the notes of the current page."""

    canvas: Canvas
    page_limit: int | None = None
    furniture: Furniture = field(default_factory=Furniture)
    pages: int = 0
    is_open: bool = False
    numbering: tuple[int, int] | None = None  # (pdf page, its printed number)
    show_head: bool = False
    show_folio: bool = False
    columns: int = 1
    gap: float = 2 * BODY
    col: int = 0
    col_top: float = TOP
    y: float = TOP
    notes: list[Note] = field(default_factory=list)
    drawn: list[tuple[Kind, str]] = field(default_factory=list)  # what was printed, for checking

    # pages and frames

    def new_page(self) -> None:
        if self.is_open:
            self.finish_page()
        self.pages += 1
        self.is_open = True
        self.y = self.col_top = TOP
        self.col = 0
        self.notes = []

    def finish_page(self) -> None:
        self._draw_notes()
        self._draw_furniture()
        self.canvas.showPage()
        self.is_open = False
        if self.page_limit is not None and self.pages >= self.page_limit:
            raise PageLimitReached

    def number_from_here(self, first: int) -> None:
        self.numbering = (self.pages, first)

    def printed(self) -> int | None:
        if self.numbering is None:
            return None
        return self.numbering[1] + self.pages - self.numbering[0]

    def set_columns(self, columns: int) -> None:
        self.columns, self.col, self.col_top = columns, 0, self.y

    @property
    def col_width(self) -> float:
        return (TEXT_W - self.gap * (self.columns - 1)) / self.columns

    @property
    def x0(self) -> float:
        return LEFT + self.col * (self.col_width + self.gap)

    def at_top(self) -> bool:
        return self.y >= self.col_top - 0.01

    def bottom(self, extra: Sequence[Note] = ()) -> float:
        new = [note for note in extra if note not in self.notes]
        return BOTTOM + notes_height([*self.notes, *dict.fromkeys(new)])

    def next_frame(self) -> None:
        if self.col + 1 < self.columns:
            self.col += 1
            self.y = self.col_top
        else:
            self.new_page()

    def keep(self, height: float, notes: Sequence[Note] = ()) -> None:
        """Start a new column or page unless ``height`` (and ``notes``) fit below the cursor."""
        if self.y - height < self.bottom(notes) and not self.at_top():
            self.next_frame()

    def space(self, height: float) -> None:
        if not self.at_top():
            self.y -= height
            if self.y < self.bottom():
                self.next_frame()

    def log(self, kind: Kind, text: str) -> None:
        self.drawn.append((kind, text))

    # drawing

    def label(self, mark: Mark) -> str:
        if mark.note is None:
            return mark.label
        if mark.note not in self.notes:
            self.notes.append(mark.note)
        numbered = [note for note in self.notes if note.numbered]
        return CIRCLED[numbered.index(mark.note)]

    def _runs(self, line: Line) -> list[tuple[str, bool, bool]]:
        """(text, superscript, bold) runs of a line, with per-page note numbers filled in."""
        runs: list[tuple[str, bool, bool]] = []
        for unit in line.units:
            pieces = [(unit.text, False)] + [(self.label(mark), True) for mark in unit.marks]
            for text, sup in pieces:
                if runs and runs[-1][1:] == (sup, unit.bold):
                    runs[-1] = (runs[-1][0] + text, sup, unit.bold)
                else:
                    runs.append((text, sup, unit.bold))
        return runs

    def draw_line(self, line: Line, x: float, base: float, size: float, room: float, align: Align, bold: bool) -> None:
        """Draw ``line`` in a box ``room`` wide starting at ``x``; justified lines spread by character spacing."""
        runs = self._runs(line)
        sizes = [size * SUPER_SCALE if sup else size for _, sup, _ in runs]
        widths = [text_width(text, s) for (text, _, _), s in zip(runs, sizes)]
        natural, glyphs = sum(widths), sum(len(text) for text, _, _ in runs)
        room -= line.indent
        x += line.indent
        spacing = 0.0
        if align == "justify" and line.justify and glyphs > 1:
            spacing = (room - natural) / (glyphs - 1)
            if not -0.3 * size < spacing < 1.5 * size:
                spacing = 0.0
        elif align == "centre":
            x += (room - natural) / 2
        elif align == "right":
            x += room - natural
        self._text_object(runs, sizes, x, base, spacing, size)
        if bold:
            self._text_object(runs, sizes, x + FAKE_BOLD, base, spacing, size)
            return
        offset = 0.0
        for run, run_size, run_width in zip(runs, sizes, widths):
            if run[2]:  # a bold label inside a plain line (编者按：, 摘要：)
                self._text_object([run], [run_size], x + offset + FAKE_BOLD, base, spacing, size)
            offset += run_width + spacing * len(run[0])

    def _text_object(
        self,
        runs: Sequence[tuple[str, bool, bool]],
        sizes: Sequence[float],
        x: float,
        y: float,
        spacing: float,
        size: float,
    ) -> None:
        text = self.canvas.beginText(x, y)
        text.setCharSpace(spacing)  # always: Tc outlives the text object
        current = None
        for (chunk, sup, _), run_size in zip(runs, sizes):
            if run_size != current:
                text.setFont(FONT, run_size)
                text.setRise(size * SUPER_RISE if sup else 0)
                current = run_size
            text.textOut(chunk)
        self.canvas.drawText(text)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        align: Align = "left",
        kind: Kind = "furniture",
        bold: bool = False,
        spacing: float = 0.0,
    ) -> None:
        """One string at a fixed place (masthead, running head, TOC)."""
        width = text_width(text, size) + spacing * (len(text) - 1)
        x -= {"left": 0.0, "justify": 0.0, "centre": width / 2, "right": width}[align]
        runs = [(text, False, False)]
        self._text_object(runs, [size], x, y, spacing, size)
        if bold:
            self._text_object(runs, [size], x + FAKE_BOLD, y, spacing, size)
        self.log(kind, text)

    def put_line(
        self, line: Line, size: float, leading: float, *, align: Align, bold: bool, inset: float = 0.0
    ) -> None:
        notes = [m.note for unit in line.units for m in unit.marks if m.note is not None]
        if self.y - leading < self.bottom(notes) and not self.at_top():
            self.next_frame()
        self.draw_line(
            line, self.x0 + inset, baseline(self.y, leading, size), size, self.col_width - 2 * inset, align, bold
        )
        self.y -= leading

    def block(
        self,
        text: str,
        size: float = BODY,
        leading: float = LEADING,
        *,
        marks: Iterable[tuple[int, Mark]] = (),
        align: Align = "justify",
        bold: bool = False,
        first_indent: float = 0.0,
        indent: float = 0.0,
        inset: float = 0.0,
        kind: Kind = "content",
        prefix: str = "",
    ) -> None:
        """A paragraph, heading or title: wrapped to the column and flowed across columns and pages."""
        units = units_of(prefix, bold=True) + units_of(text, marks)
        width = self.col_width - 2 * inset
        for line in wrap(units, size, width, first_indent=first_indent, indent=indent):
            self.put_line(line, size, leading, align=align, bold=bold, inset=inset)
        if prefix:
            self.log("furniture", prefix)
        self.log(kind, text)

    def block_height(
        self, text: str, size: float, leading: float, *, first_indent: float = 0.0, inset: float = 0.0
    ) -> float:
        lines = wrap(units_of(text), size, self.col_width - 2 * inset, first_indent=first_indent)
        return len(lines) * leading

    def add_notes(self, notes: Iterable[Note]) -> None:
        """Notes for the foot of this page that no marker calls (a journal's 收稿日期, 基金项目)."""
        self.notes.extend(notes)

    def _draw_notes(self) -> None:
        if not self.notes:
            return
        top = BOTTOM + notes_height(self.notes) - 6.0
        self.canvas.setLineWidth(0.5)
        self.canvas.line(LEFT, top - 3, LEFT + TEXT_W / 3, top - 3)
        y = top - NOTE_RULE
        number = 0
        for note in self.notes:
            label = CIRCLED[number] if note.numbered else ""
            number += note.numbered
            for line in note_lines(note, label or CIRCLED[0]):
                self.draw_line(line, LEFT, baseline(y, NOTE_LEADING, NOTE_SIZE), NOTE_SIZE, TEXT_W, "justify", False)
                y -= NOTE_LEADING
            if note.prefix:
                self.log("furniture", note.prefix)
            self.log("content", note.text)

    def _draw_furniture(self) -> None:
        furniture, printed = self.furniture, self.printed()
        if self.show_head and furniture.head:
            align = furniture.align
            if align == "outer":
                align = "left" if printed is not None and printed % 2 == 0 else "right"
            x = {"left": LEFT, "centre": PAGE_W / 2, "right": LEFT + TEXT_W}[align]
            self.text(x, HEAD_Y, furniture.head, 9, align="centre" if align == "centre" else align)
            if furniture.head_right:
                self.text(LEFT + TEXT_W, HEAD_Y, furniture.head_right, 9, align="right")
            self.canvas.setLineWidth(0.5)
            self.canvas.line(LEFT, HEAD_Y - 5, LEFT + TEXT_W, HEAD_Y - 5)
        if self.show_folio and printed is not None:
            folio_align: Align = "centre"
            x = PAGE_W / 2
            if furniture.folio_place == "outer":
                x, folio_align = (LEFT + TEXT_W, "right") if printed % 2 == 1 else (LEFT, "left")
            self.text(x, FOLIO_Y, furniture.folio.format(printed), 9, align=folio_align)

    # tables

    def table(self, table: Table, *, header_bold: bool) -> None:
        """A ruled grid, caption above; rows never split, the header row repeated after a page break."""
        rows = [list(table.header), *(list(row) for row in table.rows)]
        count = max(len(row) for row in rows)
        rows = [row + [""] * (count - len(row)) for row in rows]
        widths = column_widths(rows, CELL_SIZE, self.col_width, CELL_PAD)
        left = self.x0 + (self.col_width - sum(widths)) / 2
        cells = [[wrap(units_of(text), CELL_SIZE, w - 2 * CELL_PAD) for text, w in zip(row, widths)] for row in rows]
        heights = [max(1, *(len(lines) for lines in row)) * CELL_LEADING + 2 * CELL_PAD for row in cells]
        centred = [all(len(row[j]) <= 1 for row in cells) for j in range(count)]
        centred[0] = True
        self.space(LEADING / 2)
        label = f"表{table.number}" if table.number is not None else ""
        caption = table.caption or ""
        self.keep(LEADING + sum(heights[:2]))
        self.block(caption, CELL_SIZE, LEADING, align="centre", bold=True, prefix=f"{label} " if label else "")
        self._row(cells[0], widths, left, heights[0], [True] * count, header=True, bold=header_bold)
        for text in rows[0]:
            self.log("content", text)
        for row, row_cells, height in zip(rows[1:], cells[1:], heights[1:]):
            if self.y - height < self.bottom():
                self.next_frame()
                self._row(cells[0], widths, left, heights[0], [True] * count, header=True, bold=header_bold)
                for text in rows[0]:
                    self.log("furniture", text)
            self._row(row_cells, widths, left, height, centred, header=False, bold=False)
            for text in row:
                self.log("content", text)
        self.space(LEADING / 2)

    def _row(
        self,
        cells: Sequence[Sequence[Line]],
        widths: Sequence[float],
        left: float,
        height: float,
        centred: Sequence[bool],
        *,
        header: bool,
        bold: bool,
    ) -> None:
        canvas, top, x = self.canvas, self.y, left
        canvas.setLineWidth(0.6)
        for lines, width, centre in zip(cells, widths, centred):
            if header:
                canvas.setFillGray(0.88)
            canvas.rect(x, top - height, width, height, stroke=1, fill=1 if header else 0)
            canvas.setFillGray(0)
            first = top - (height - len(lines) * CELL_LEADING) / 2
            for i, line in enumerate(lines):
                base = baseline(first - i * CELL_LEADING, CELL_LEADING, CELL_SIZE)
                align: Align = "centre" if centre else "justify"
                self.draw_line(line, x + CELL_PAD, base, CELL_SIZE, width - 2 * CELL_PAD, align, bold)
            x += width
        self.y -= height


def column_widths(rows: Sequence[Sequence[str]], size: float, total: float, pad: float) -> list[float]:
    """Column widths from the widest cell of each column: narrow tables are widened and centred, wide ones
    give their short columns what they need and share the rest in proportion."""
    natural = [max(text_width(text, size) for text in col) + 2 * pad for col in zip(*rows)]
    natural = [max(width, 3 * size + 2 * pad) for width in natural]
    if sum(natural) <= total:
        target = min(total, max(sum(natural) * 1.5, total * 0.66))
        return [width * target / sum(natural) for width in natural]
    widths = [0.0] * len(natural)
    free, remaining = set(range(len(natural))), total
    while True:
        share = remaining / len(free)
        small = {j for j in free if natural[j] <= share}
        if not small:
            share_total = sum(natural[j] for j in free)
            for j in free:
                widths[j] = remaining * natural[j] / share_total
            return widths
        for j in small:
            widths[j] = natural[j]
            remaining -= natural[j]
        free -= small


# --- bulletins ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BulletinStyle:
    """How one bulletin differs from the others, so readers meet several real-world habits."""

    title_size: float = 26.0
    title_red: bool = True
    title_spacing: float = 0.0
    head_align: Literal["left", "centre"] = "left"
    head_theme: bool = False
    folio: str = "{}"
    folio_place: Literal["centre", "outer"] = "centre"
    numbering: Literal["masthead", "contents", "body"] = "contents"  # where printed page 1 is
    dotted_toc: bool = False
    heading_size: float = 12.0
    heading_bold: bool = False
    heading_indent: float = 0.0
    heading_align: Align = "left"
    section_new_page: bool = False
    table_header_bold: bool = False
    breaks: tuple[tuple[int, int], ...] = ()  # (article, block): start a new page before this block


def iso_to_chinese(date: str | None) -> str:
    if not date:
        return ""
    year, month, day = (int(part) for part in date.split("-"))
    return f"{year}年{month}月{day}日"


def issue_label(issue: BulletinIssue) -> str:
    return f"{issue.year}年第{issue.issue_number}期" if issue.year and issue.issue_number else ""


def masthead(layout: Layout, issue: BulletinIssue, style: BulletinStyle) -> None:
    layout.new_page()
    layout.show_head = layout.show_folio = False
    if style.numbering == "masthead":
        layout.number_from_here(1)
    canvas, centre = layout.canvas, PAGE_W / 2
    if issue.category:
        layout.text(centre, PAGE_H - 110, issue.category, 14, align="centre", spacing=4)
    if style.title_red:
        canvas.setFillColorRGB(0.78, 0.05, 0.05)
    layout.text(centre, PAGE_H - 190, issue.title, style.title_size, align="centre", spacing=style.title_spacing)
    canvas.setFillGray(0)
    if issue.theme:
        layout.text(centre, PAGE_H - 250, issue.theme, 18, align="centre")
    if label := issue_label(issue):
        layout.text(centre, PAGE_H - 290, label, 14, align="centre")
    rule = PAGE_H - 340
    if issue.publisher:
        layout.text(LEFT, rule + 10, f"{issue.publisher}主办", 12)
    if issue.publication_date:
        layout.text(LEFT + TEXT_W, rule + 10, iso_to_chinese(issue.publication_date), 12, align="right")
    canvas.setStrokeColorRGB(0.78, 0.05, 0.05) if style.title_red else canvas.setStrokeGray(0)
    canvas.setLineWidth(2.2)
    canvas.line(LEFT, rule, LEFT + TEXT_W, rule)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, rule - 4, LEFT + TEXT_W, rule - 4)
    canvas.setStrokeGray(0)
    if issue.notice:
        notice_box(layout, issue.notice)


def notice_box(layout: Layout, notice: str) -> None:
    greeting, _, body = notice.partition("\n")
    paragraphs = [greeting, *body.split("\n")] if body else [greeting]
    inset = BODY
    height = sum(
        layout.block_height(text, BODY, LEADING, first_indent=2 * BODY, inset=inset) for text in paragraphs[1:]
    )
    top = 90 + height + LEADING + 2 * inset
    layout.y = top - inset
    layout.block(paragraphs[0], inset=inset, align="left")
    for text in paragraphs[1:]:
        layout.block(text, first_indent=2 * BODY, inset=inset)
    layout.canvas.setLineWidth(0.8)
    layout.canvas.rect(LEFT, layout.y - inset, TEXT_W, top - layout.y + inset)


def contents(layout: Layout, issue: BulletinIssue, style: BulletinStyle, pages: Sequence[int | None]) -> None:
    layout.new_page()
    layout.show_head = layout.show_folio = style.numbering != "body"
    if style.numbering == "contents":
        layout.number_from_here(1)
    layout.block("目录", 22, 36, align="centre", kind="furniture")
    layout.block("CONTENTS", 11, 18, align="centre", kind="furniture")
    layout.space(LEADING / 2)
    section: str | None = None
    for entry, page in zip(issue.toc, pages):
        if entry.section and entry.section != section:
            layout.space(LEADING / 3)
            layout.keep(2 * LEADING + 22)
            layout.block(entry.section, 12, 22, align="left", bold=True, kind="furniture")
            section = entry.section
        layout.keep(LEADING * 1.4)
        toc_line(layout, entry.title, page, dotted=style.dotted_toc)


def toc_line(layout: Layout, title: str, page: int | None, *, dotted: bool) -> None:
    leading = LEADING * 1.4
    base = baseline(layout.y, leading, BODY)
    start, end = LEFT + 2 * BODY, LEFT + TEXT_W
    layout.text(start, base, title, BODY)
    number = str(page) if page is not None else ""
    if number:
        layout.text(end, base, number, BODY, align="right")
    if dotted:
        gap_start = start + text_width(title, BODY) + 3
        gap_end = end - text_width(number, BODY) - 3
        count = int((gap_end - gap_start) // BODY)
        if count > 0:
            layout.text(gap_start + (gap_end - gap_start - count * BODY) / 2, base, "…" * count, BODY)
    layout.y -= leading


def editorial_box(layout: Layout, issue: BulletinIssue) -> None:
    lines: list[tuple[str, str]] = []
    editorial, contact = issue.editorial, issue.contact
    if issue.publisher:
        lines.append(("主办单位：", issue.publisher))
    if editorial is not None:
        lines += [
            ("编辑出版：", editorial.edited_by or ""),
            ("主　　编：", "　".join(editorial.editor_in_chief)),
            ("副 主 编：", "　".join(editorial.deputy_editors)),
            ("编　　委：", "　".join(editorial.board)),
            ("本期责编：", "　".join(editorial.issue_editors)),
        ]
    if contact is not None:
        lines += [
            ("地　　址：", contact.address or ""),
            ("邮　　编：", contact.postcode or ""),
            ("电　　话：", contact.phone or ""),
            ("传　　真：", contact.fax or ""),
            ("电子邮箱：", contact.email or ""),
        ]
    lines = [(label, value) for label, value in lines if value]
    size, leading, inset = 9.0, 14.0, BODY
    layout.space(LEADING)
    layout.keep(len(lines) * leading * 1.3 + 2 * inset)
    top = layout.y
    layout.y -= inset
    for label, value in lines:
        layout.block(value, size, leading, align="left", inset=inset, kind="furniture", prefix=label)
    layout.y -= inset
    layout.canvas.setLineWidth(0.5)
    layout.canvas.rect(LEFT, layout.y, TEXT_W, top - layout.y)


def editor_note(layout: Layout, note: str) -> None:
    paragraphs = note.split("\n")
    top, page = layout.y, layout.pages
    layout.y -= BODY / 2
    for i, text in enumerate(paragraphs):
        layout.block(text, first_indent=2 * BODY, inset=BODY / 2, prefix="编者按：" if i == 0 else "")
    layout.y -= BODY / 2
    if layout.pages == page:
        layout.canvas.setLineWidth(0.5)
        layout.canvas.rect(LEFT - BODY / 2, layout.y, TEXT_W + BODY, top - layout.y)
    layout.y -= LEADING


def marks_of(refs: Iterable[MarkerRef], notes: Sequence[Note]) -> list[tuple[int, Mark]]:
    """Markers linked to a page-foot note are numbered per page; unlinked ones print as they are."""
    marks = []
    for ref in refs:
        index = ref.footnote_index
        note = notes[index] if index is not None and index < len(notes) else None
        marks.append((ref.offset, Mark(ref.marker, note)))
    return marks


def table_slots(blocks: Sequence[Block], tables: Sequence[Table]) -> dict[int, list[Table]]:
    """The block after which each table was printed in the text fixture (-1: before the first block)."""
    slots: dict[int, list[Table]] = {}
    for table in tables:
        slot = len(blocks) - 1
        if table.location is not None:
            starts = [b.location.start if b.location is not None else -1 for b in blocks]
            slot = max((i for i, start in enumerate(starts) if start < table.location.start), default=-1)
        slots.setdefault(slot, []).append(table)
    return slots


def bulletin_article(layout: Layout, index: int, article: Article, style: BulletinStyle) -> int | None:
    """Lay out one article; return the printed page it starts on (for the table of contents)."""
    notes = [Note(footnote.raw, (index, i)) for i, footnote in enumerate(article.footnotes)]
    title_marks = marks_of(article.title_markers, notes)
    title_notes = [mark.note for _, mark in title_marks if mark.note is not None]
    layout.space(LEADING)
    layout.keep(24 + 3 * LEADING + LEADING, title_notes)
    start = layout.printed()
    layout.block(article.title, 16, 24, marks=title_marks, align="centre")
    if article.authors:
        layout.block("　".join(article.authors), BODY, LEADING, align="centre")
    layout.space(LEADING / 3)
    slots = table_slots(article.blocks, article.tables)
    for table in slots.get(-1, []):
        layout.table(table, header_bold=style.table_header_bold)
    for i, block in enumerate(article.blocks):
        if (index, i) in style.breaks:
            layout.next_frame()
        marks = marks_of(block.markers, notes)
        if block.type == "heading":
            layout.space(LEADING / 3)
            layout.keep(LEADING * 1.5 + 2 * LEADING)
            size = style.heading_size
            layout.block(
                block.text,
                size,
                LEADING * 1.4,
                marks=marks,
                align=style.heading_align,
                bold=style.heading_bold,
                first_indent=style.heading_indent,
            )
        else:
            layout.block(block.text, marks=marks, first_indent=2 * BODY)
        for table in slots.get(i, []):
            layout.table(table, header_bold=style.table_header_bold)
    return start


def section_banner(layout: Layout, section: str) -> None:
    layout.space(LEADING)
    layout.keep(24 + 24 + 4 * LEADING)
    layout.block(section, 14, 24, align="left", bold=True, kind="furniture")
    layout.canvas.setLineWidth(1.2)
    layout.canvas.line(LEFT, layout.y + 2, LEFT + TEXT_W, layout.y + 2)


def layout_bulletin(
    layout: Layout, issue: BulletinIssue, style: BulletinStyle, toc_pages: Sequence[int | None]
) -> list[int | None]:
    """Masthead, contents, editorial box, 编者按 and articles; returns each article's printed start page."""
    head = issue.title + ("　" + issue.theme if style.head_theme and issue.theme else "")
    if style.head_align == "centre":
        layout.furniture = Furniture(
            f"{head}　{issue_label(issue)}", align="centre", folio=style.folio, folio_place=style.folio_place
        )
    else:
        layout.furniture = Furniture(
            head, issue_label(issue), align="left", folio=style.folio, folio_place=style.folio_place
        )
    layout.numbering = None
    masthead(layout, issue, style)
    contents(layout, issue, style, toc_pages)
    if issue.editorial is not None or issue.contact is not None:
        editorial_box(layout, issue)
    layout.new_page()
    layout.show_head = layout.show_folio = True
    if style.numbering == "body":
        layout.number_from_here(1)
    if issue.editor_note:
        editor_note(layout, issue.editor_note)
    starts: list[int | None] = []
    section: str | None = None
    for index, article in enumerate(issue.articles):
        if article.section and article.section != section:
            if style.section_new_page and section is not None:
                layout.new_page()
            section_banner(layout, article.section)
            section = article.section
        starts.append(bulletin_article(layout, index, article, style))
    for block in issue.unplaced:
        layout.block(block.text, first_indent=2 * BODY)
    layout.finish_page()
    return starts


def toc_pages_for(issue: BulletinIssue, starts: Sequence[int | None]) -> list[int | None]:
    """TOC page numbers: where each article starts in our layout (TOC entry i is article i when counts agree)."""
    if len(starts) == len(issue.toc):
        return list(starts)
    by_title = {article.title: start for article, start in zip(issue.articles, starts)}
    return [by_title.get(entry.title, entry.page) for entry in issue.toc]


@functools.cache
def settled_toc(name: str) -> tuple[int | None, ...]:
    """Lay an issue out once with the printed TOC numbers, then again with the pages found (twice is stable:
    the numbers do not change the layout)."""
    issue, style = load_bulletin(name)
    pages: list[int | None] = [entry.page for entry in issue.toc]
    for _ in range(2):
        layout = Layout(new_canvas(io.BytesIO(), "", ""))
        pages = toc_pages_for(issue, layout_bulletin(layout, issue, style, pages))
    return tuple(pages)


# --- journals -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadingStyle:
    size: float
    bold: bool
    align: Align = "left"
    indent: float = 0.0


@dataclass(frozen=True)
class JournalStyle:
    columns: int = 1
    headings: dict[int, HeadingStyle] = field(default_factory=dict)
    gap: float = 2 * BODY  # the gutter between columns
    head_align: Literal["left", "centre", "outer"] = "outer"
    folio: str = "{}"
    folio_place: Literal["centre", "outer"] = "centre"


def journal_head_block(layout: Layout, art: JournalArticle) -> None:
    """Column tag, title, authors, affiliations, abstract, keywords and codes, full width on page 1."""
    if art.column:
        layout.block(f"【{art.column}】", BODY, LEADING * 1.3, align="left", kind="furniture")
    layout.space(6)
    marks = [(m.offset, Mark(m.marker)) for m in art.title_markers]
    layout.block(art.title, 18, 28, marks=marks, align="centre")
    layout.space(4)
    if art.authors:
        names = "，".join(art.authors)
        marks = []
        if len(art.affiliations) > 1:
            offset = 0
            for number, name in enumerate(art.authors, 1):
                offset += len(name)
                marks.append((offset, Mark(str(number))))
                offset += 1
        layout.block(names, 12, 20, marks=marks, align="centre", kind="furniture")
    if art.affiliations:
        if len(art.affiliations) > 1:
            text = "；".join(f"{i}. {aff}" for i, aff in enumerate(art.affiliations, 1))
        else:
            text = art.affiliations[0]
        layout.block(f"（{text}）", 9, 14, align="centre", kind="furniture")
    layout.space(8)
    inset = 2 * 9.0
    if art.abstract:
        layout.block(art.abstract, 9, 14, inset=inset, prefix="摘　要：")
    if art.keywords:
        layout.block("；".join(art.keywords), 9, 14, inset=inset, align="left", prefix="关键词：")
    codes = [
        f"{label}{value}"
        for label, value in (
            ("中图分类号：", art.classification),
            ("文献标识码：", art.document_code),
            ("文章编号：", art.article_id),
        )
        if value
    ]
    if codes:
        layout.block("　　".join(codes), 9, 14, inset=inset, align="left", kind="furniture")
    if art.doi:
        layout.block(art.doi, 9, 14, inset=inset, align="left", kind="furniture", prefix="DOI：")
    layout.space(6)
    layout.canvas.setLineWidth(0.4)
    layout.canvas.line(LEFT, layout.y + 3, LEFT + TEXT_W, layout.y + 3)
    layout.space(6)


def journal_footer(art: JournalArticle) -> list[Note]:
    """收稿日期, 基金项目 and 作者简介 at the foot of page 1 (the first and last are kept as unplaced text)."""
    received = [Note(b.text, numbered=False) for b in art.unplaced if b.text.startswith("收稿日期")]
    about = [Note(b.text, numbered=False) for b in art.unplaced if b.text.startswith("作者简介")]
    funding = [Note(art.funding, numbered=False, prefix="基金项目：")] if art.funding else []
    return received + funding + about


def journal_endmatter(layout: Layout, art: JournalArticle) -> None:
    notes = [f for f in art.footnotes if not f.marker.startswith("[")]
    references = [f for f in art.footnotes if f.marker.startswith("[")]
    for label, items in (("注释", notes), ("参考文献：", references)):
        if not items:
            continue
        layout.space(LEADING / 2)
        layout.keep(LEADING + 3 * 13)
        layout.block(label, BODY, LEADING, align="left", bold=True, kind="furniture")
        for item in items:
            journal_note(layout, item.marker, item.raw)
    english_block(layout, art)


def journal_note(layout: Layout, marker: str, raw: str) -> None:
    """An endnote or reference: its number in front, continuation lines hanging under the text."""
    units = [Unit(marker), *units_of(raw)]
    for line in wrap(units, 9, layout.col_width, indent=text_width(marker, 9)):
        layout.put_line(line, 9, 13, align="justify", bold=False)
    layout.log("furniture", marker)
    layout.log("content", raw)


def english_block(layout: Layout, art: JournalArticle) -> None:
    if not (art.english_title or art.english_abstract):
        return
    layout.space(LEADING)
    layout.keep(4 * LEADING)
    if art.english_title:
        layout.block(art.english_title, 12, 17, align="centre", bold=True)
    for block in art.unplaced:
        if block.text.isascii():
            layout.block(block.text, BODY, LEADING, align="centre")
    if art.english_abstract:
        layout.block(art.english_abstract, 9, 13, align="left", prefix="Abstract: ")
    if art.english_keywords:
        layout.block("; ".join(art.english_keywords), 9, 13, align="left", prefix="Key Words: ")


def layout_journal(layout: Layout, art: JournalArticle, style: JournalStyle) -> None:
    layout.furniture = Furniture(
        f"{art.journal}　{art.year}年第{art.issue}期",
        align=style.head_align,
        folio=style.folio,
        folio_place=style.folio_place,
    )
    layout.gap = style.gap
    layout.new_page()
    first = (art.pages or "1").split("-")[0]
    layout.number_from_here(int(first) if first.isdigit() else 1)
    layout.show_head = layout.show_folio = True
    layout.add_notes(journal_footer(art))
    journal_head_block(layout, art)
    layout.set_columns(style.columns)
    for block in art.blocks:
        marks = [(m.offset, Mark(m.marker)) for m in block.markers]
        if block.type == "heading":
            heading = style.headings.get(block.level or 1, HeadingStyle(BODY, True))
            layout.space(LEADING / 3)
            layout.keep(LEADING * 1.4 + 2 * LEADING)
            layout.block(
                block.text,
                heading.size,
                LEADING * 1.4,
                marks=marks,
                align=heading.align,
                bold=heading.bold,
                first_indent=heading.indent,
            )
        else:
            layout.block(block.text, marks=marks, first_indent=2 * BODY)
    journal_endmatter(layout, art)
    layout.finish_page()


# --- fixtures -----------------------------------------------------------------------------------------------------

BULLETINS: dict[str, tuple[str, BulletinStyle]] = {
    "bulletin_changjiang": (
        "fixtures/issues/bulletin_changjiang.json",
        BulletinStyle(
            title_size=40,
            title_spacing=12,
            folio="- {} -",
            numbering="contents",
            heading_size=BODY,
            heading_bold=True,
            section_new_page=True,
        ),
    ),
    "bulletin_guanzhong": (
        "fixtures/issues/bulletin_guanzhong.json",
        BulletinStyle(
            title_size=26,
            title_red=False,
            title_spacing=4,
            head_align="centre",
            numbering="body",
            heading_size=12,
            heading_bold=False,
            heading_indent=2 * 12,
        ),
    ),
    "bulletin_dotted_toc": (
        "fixtures/layouts/bulletin_dotted_toc.json",
        BulletinStyle(
            title_size=32,
            title_spacing=6,
            head_theme=True,
            folio="— {} —",
            numbering="masthead",
            dotted_toc=True,
            heading_size=12,
            heading_bold=True,
            table_header_bold=True,
        ),
    ),
    "bulletin_lanxi": (
        "fixtures/issues/bulletin_lanxi.json",
        BulletinStyle(
            title_size=30,
            title_red=False,
            title_spacing=8,
            folio="第{}页",
            folio_place="outer",
            numbering="masthead",
            heading_size=13,
            heading_bold=False,
            heading_align="centre",
            table_header_bold=True,
        ),
    ),
}

JOURNALS: dict[str, tuple[str, JournalStyle]] = {
    "journal_urban_economy": (
        "fixtures/journals/journal_urban_economy.json",
        JournalStyle(
            columns=1,
            headings={
                1: HeadingStyle(12, True),
                2: HeadingStyle(BODY, True, indent=2 * BODY),
                3: HeadingStyle(BODY, True, indent=2 * BODY),
            },
        ),
    ),
    "journal_regional_planning": (
        "fixtures/journals/journal_regional_planning.json",
        JournalStyle(columns=2, headings={1: HeadingStyle(12, False, "centre"), 2: HeadingStyle(11, False)}),
    ),
    "journal_hubaoeyu": (
        "fixtures/journals/journal_hubaoeyu.json",
        JournalStyle(
            columns=2,
            gap=BODY,
            head_align="centre",
            folio="·{}·",
            folio_place="outer",
            headings={
                1: HeadingStyle(13, True, "centre"),
                2: HeadingStyle(BODY, False, indent=2 * BODY),
                3: HeadingStyle(BODY, True),
            },
        ),
    ),
}


def load_document(relative: str) -> BulletinIssue | JournalArticle:
    return from_json((ROOT / relative).read_text(encoding="utf-8"))


def load_bulletin(name: str) -> tuple[BulletinIssue, BulletinStyle]:
    relative, style = BULLETINS[name]
    issue = load_document(relative)
    assert isinstance(issue, BulletinIssue)
    return issue, style


def new_canvas(
    target: str | Path | BinaryIO, title: str, author: str, *, encrypt: StandardEncryption | None = None
) -> Canvas:
    canvas = Canvas(
        target if isinstance(target, io.IOBase) else str(target),
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        encrypt=encrypt,
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("agglo_extract scripts/make_fixture_pdfs.py")
    return canvas


def bulletin_meta(issue: BulletinIssue) -> tuple[str, str]:
    return f"{issue.title} {issue_label(issue)}", issue.publisher or ""


def render(name: str, target: str | Path | BinaryIO) -> Layout:
    """Write fixture ``name`` as a PDF to ``target``; the returned layout records what was printed."""
    if name in BULLETINS:
        issue, style = load_bulletin(name)
        layout = Layout(new_canvas(target, *bulletin_meta(issue)))
        layout_bulletin(layout, issue, style, settled_toc(name))
    else:
        relative, journal_style = JOURNALS[name]
        art = load_document(relative)
        assert isinstance(art, JournalArticle)
        layout = Layout(new_canvas(target, art.title, "，".join(art.authors)))
        layout_journal(layout, art, journal_style)
    layout.canvas.save()
    return layout


def write_long_pdf(path: str | Path | BinaryIO, pages: int) -> None:
    """An N-page PDF of the bulletin fixtures laid out one whole issue after another (benchmarks)."""
    if pages < 1:
        raise ValueError("pages must be at least 1")
    canvas = new_canvas(path, "城市群信息合订本", "agglo_extract fixtures")
    layout = Layout(canvas, page_limit=pages)
    try:
        for name in itertools.cycle(BULLETINS):
            issue, style = load_bulletin(name)
            layout_bulletin(layout, issue, style, settled_toc(name))
    except PageLimitReached:
        pass
    canvas.save()


# --- bad PDFs -----------------------------------------------------------------------------------------------------


def write_encrypted(path: Path) -> None:
    issue, style = load_bulletin("bulletin_changjiang")
    encrypt = StandardEncryption("reader", ownerPassword="owner", canPrint=1, canCopy=0, strength=128)
    layout = Layout(new_canvas(path, *bulletin_meta(issue), encrypt=encrypt), page_limit=2)
    with contextlib.suppress(PageLimitReached):  # two pages are enough
        layout_bulletin(layout, issue, style, settled_toc("bulletin_changjiang"))
    layout.canvas.save()


def write_truncated(path: Path, source: Path) -> None:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scan_image(seed: int) -> Image.Image:
    """A grey page that looks like a scanned bulletin page: a title bar, lines of 'text' and a table grid."""
    width, height = 620, 877  # A4 at 75 dpi
    image = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(image)
    digest = b"".join(hashlib.sha256(b"scan %d %d" % (seed, i)).digest() for i in range(128))
    draw.rectangle((200, 70, 420, 100), fill=70)
    y, i = 140, 0
    while y < height - 90:
        indent = 22 if i % 7 == 0 else 0
        length = width - 160 - indent if i % 7 != 6 else 120 + digest[i] % 200
        draw.rectangle((80 + indent, y, 80 + indent + length, y + 8), fill=95 + digest[i] % 40)
        y += 18
        i += 1
        if i == 14:
            for row in range(5):
                for col, (x0, x1) in enumerate(((80, 150), (150, 340), (340, 540))):
                    draw.rectangle((x0, y + row * 30, x1, y + row * 30 + 30), outline=60)
                    draw.rectangle(
                        (x0 + 6, y + row * 30 + 11, x1 - 6 - (digest[row * 3 + col] % 40), y + row * 30 + 18), fill=110
                    )
            y += 170
    for n in range(1500):  # speckle
        x, yy = digest[n] * width // 256, digest[n + 1500] * height // 256
        draw.point((x, yy), fill=150)
    return image.rotate(0.6, fillcolor=246)


def write_scanned(path: Path) -> None:
    canvas = new_canvas(path, "决策参阅（扫描件）", "")
    for page in range(2):
        canvas.drawImage(ImageReader(scan_image(page)), 0, 0, PAGE_W, PAGE_H)
        canvas.showPage()
    canvas.save()


def write_no_pages(path: Path) -> None:
    """A minimal valid PDF whose page tree is empty, written by hand with a correct xref table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def write_not_really(path: Path) -> None:
    noise = b"".join(hashlib.sha256(b"not really %d" % i).digest() for i in range(64))
    path.write_bytes(b"%PDF-1.4\n" + b"this is not a PDF body\n" + noise)


def regenerate(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "bad").mkdir(exist_ok=True)
    written = []
    for name in [*BULLETINS, *JOURNALS]:
        path = out / f"{name}.pdf"
        render(name, path)
        written.append(path)
    bad = out / "bad"
    write_encrypted(bad / "encrypted.pdf")
    write_truncated(bad / "truncated.pdf", out / "bulletin_changjiang.pdf")
    write_scanned(bad / "scanned.pdf")
    write_no_pages(bad / "no_pages.pdf")
    write_not_really(bad / "not_really.pdf")
    written += sorted(bad.glob("*.pdf"))
    return written


EMBEDDED = OUT / "embedded"


def write_embedded(font_file: Path, names: Sequence[str]) -> int:
    """The fixtures ``names`` set in an embedded TrueType font instead of the referenced STSong-Light."""
    from reportlab.pdfbase.ttfonts import TTFont

    global FONT
    FONT = "Embedded"
    pdfmetrics.registerFont(TTFont(FONT, str(font_file), subfontIndex=0))
    EMBEDDED.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = EMBEDDED / f"{name}.pdf"
        render(name, path)
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--long", nargs=2, metavar=("N", "OUT"), help="write an N-page PDF to OUT instead")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to regenerate (default fixtures/pdf)")
    parser.add_argument(
        "--embed",
        nargs="+",
        metavar=("TTF", "NAME"),
        help="set every fixture named in a TrueType/TTC font embedded in the PDF (as Word and most typesetters"
        " do) into fixtures/pdf/embedded/; e.g. --embed /usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
        " bulletin_changjiang journal_regional_planning (Debian: fonts-wqy-microhei)",
    )
    args = parser.parse_args(argv)
    if args.embed:
        return write_embedded(Path(args.embed[0]), args.embed[1:])
    if args.long:
        count, target = args.long
        write_long_pdf(Path(target), int(count))
        print(f"wrote {target}")
        return 0
    for path in regenerate(args.out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
