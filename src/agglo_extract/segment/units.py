"""The body of a document as units: a printed text line, a footnote, a table.

Converter text prints a paragraph, heading or title on one line; notes and
tables take several. Units keep their spans and, for text, the markers taken
out of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import patterns
from ..normalise import NormalisedText
from .footnotes import ends_note, join_note_lines, note_start, read_note
from .lines import Line, clean, span_of
from .raw import RawDiagnostic, RawFootnote, RawMarker, RawTable, Span


@dataclass(slots=True)
class TextUnit:
    """A printed line of text, clean, with its markers (offsets into ``text``)."""

    text: str
    markers: list[RawMarker]
    span: Span


@dataclass(slots=True)
class NoteUnit:
    """A footnote at a page bottom."""

    note: RawFootnote


@dataclass(slots=True)
class TableUnit:
    """A table, with its caption when the line before it is one (``表1 …``)."""

    table: RawTable


Unit = TextUnit | NoteUnit | TableUnit


@dataclass(slots=True)
class Body:
    """The units of a body, its notes, and what was odd."""

    units: list[Unit] = field(default_factory=list)
    notes: list[RawFootnote] = field(default_factory=list)
    diagnostics: list[RawDiagnostic] = field(default_factory=list)


def read_units(normalised: NormalisedText, lines: list[Line], start: int, *, plain_notes: bool = False) -> Body:
    """Units of ``lines[start:]`` in reading order (markers not linked yet)."""
    body = Body()
    index = start
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if not text:
            index += 1
            continue
        note = read_note(normalised, lines, index, len(body.notes), plain=plain_notes)
        if note is not None:
            body.notes.append(note[0])
            body.units.append(NoteUnit(note[0]))
            index = note[1]
            continue
        if patterns.PIPE_ROW.match(text):
            index = _read_table(normalised, lines, index, body)
            continue
        if body.notes and _note_goes_on(body.notes[-1], lines, index, plain=plain_notes):
            _continue_note(body, text, span_of(normalised, line))
            index += 1
            continue
        aligned = _aligned_rows(lines, index)
        if aligned:
            index = _add_table(normalised, lines, index, aligned, body)
            continue
        cleaned, markers = clean(text, plain_markers=plain_notes)
        if cleaned or markers:
            body.units.append(
                TextUnit(cleaned, [RawMarker(offset, marker) for offset, marker in markers], span_of(normalised, line))
            )
        index += 1
    return body


def pipe_cells(text: str) -> tuple[str, ...]:
    """The cells of a pipe-table row, cleaned.

    >>> pipe_cells("| 南宁 | 广西 首府；交通 枢纽 | 区域 中心 |")
    ('南宁', '广西首府；交通枢纽', '区域中心')
    """
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return tuple(clean(cell)[0] for cell in inner.split("|"))


_ALIGNED_MIN_ROWS = 3


def _aligned_rows(lines: list[Line], index: int) -> list[tuple[str, ...]]:
    """Rows of a table aligned with spaces starting at ``lines[index]`` (header first), or none.

    At least three consecutive lines (a header and two rows) with the same
    number of cells, two or more, none ending a sentence.
    """
    rows: list[tuple[str, ...]] = []
    while index + len(rows) < len(lines):
        text = lines[index + len(rows)].text.strip()
        cells = tuple(cell.strip() for cell in patterns.ALIGNED_CELL_GAP.split(text)) if text else ()
        if len(cells) < 2 or text.endswith("。") or (rows and len(cells) != len(rows[0])):
            break
        rows.append(cells)
    return rows if len(rows) >= _ALIGNED_MIN_ROWS else []


def _add_table(
    normalised: NormalisedText, lines: list[Line], index: int, rows: list[tuple[str, ...]], body: Body
) -> int:
    cleaned = [tuple(clean(cell)[0] for cell in row) for row in rows]
    end = index + len(rows)
    _append_table(normalised, lines, index, end, cleaned[0], cleaned[1:], body)
    return end


def _read_table(normalised: NormalisedText, lines: list[Line], index: int, body: Body) -> int:
    first = index
    rows: list[tuple[str, ...]] = []
    separator_at: int | None = None
    while index < len(lines) and patterns.PIPE_ROW.match(lines[index].text.strip()):
        text = lines[index].text.strip()
        if patterns.PIPE_SEPARATOR.match(text):
            separator_at = separator_at if separator_at is not None else len(rows)
        else:
            rows.append(pipe_cells(text))
        index += 1
    header: tuple[str, ...] = ()
    if rows and (separator_at == 1 or separator_at is None):
        header = rows.pop(0)
        if not any(header):
            header = ()
    _append_table(normalised, lines, first, index, header, rows, body)
    return index


def _append_table(
    normalised: NormalisedText,
    lines: list[Line],
    first: int,
    index: int,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    body: Body,
) -> None:
    number, caption = None, None
    previous = body.units[-1] if body.units else None
    continued = None
    if isinstance(previous, TextUnit) and (match := patterns.TABLE_CAPTION.match(previous.text)):
        number, caption = int(match["number"]), match["caption"] or previous.text
        body.units.pop()
    elif isinstance(previous, TextUnit) and (match := patterns.CONTINUED_CAPTION.match(previous.text)):
        body.units.pop()
        continued = _table_before(body, number=int(match["number"]))
        if continued is None:
            body.units.append(previous)  # no table N to continue: the line stays text
    else:
        continued = _table_before(body, width=len(header) or max((len(row) for row in rows), default=0))
    span = span_of(normalised, lines[first], lines[index - 1])
    if continued is not None:
        _continue(continued, header, rows, span)
        return
    header, rows = _merge_header_rows(header, rows)
    width = len(header) or max((len(row) for row in rows), default=0)
    if any(len(row) != width for row in rows):
        body.diagnostics.append(
            RawDiagnostic("warning", "table-ragged", "rows have different numbers of cells; kept as printed", span)
        )
    body.units.append(TableUnit(RawTable(header, tuple(rows), span, number, caption)))


def _table_before(body: Body, *, number: int | None = None, width: int | None = None) -> TableUnit | None:
    """The table this one continues: the last unit but page-bottom notes is a table.

    With a 续表N caption, that table must be number N; without a caption, it
    must have as many columns (a converter splits a table at a page break).
    """
    for unit in reversed(body.units):
        if isinstance(unit, NoteUnit):
            continue
        if not isinstance(unit, TableUnit):
            return None
        table = unit.table
        if number is not None:
            return unit if table.number == number else None
        columns = len(table.header) or max((len(row) for row in table.rows), default=0)
        return unit if columns == width and width else None
    return None


def _continue(unit: TableUnit, header: tuple[str, ...], rows: list[tuple[str, ...]], span: Span) -> None:
    """Rows of a table continued after a page break added to ``unit``; a repeated header is dropped."""
    table = unit.table
    more = rows if not header or header == table.header else [header, *rows]
    whole = Span(table.span.line, table.span.start, span.end, table.span.page)
    unit.table = RawTable(table.header, (*table.rows, *more), whole, table.number, table.caption)


Row = tuple[str, ...]


def _merge_header_rows(header: Row, rows: list[Row]) -> tuple[Row, list[Row]]:
    """A header printed on two rows made one: 2017年 spanning 总量 | 增长 gives 2017年总量 | 2017年增长.

    The second row is taken when the first has empty (spanned) cells, and the
    second has an empty first cell, every other cell filled, and no numbers.
    """
    if not header or "" not in header[1:] or not rows:
        return header, rows
    second = rows[0]
    if len(second) != len(header) or second[0] or not all(second[1:]):
        return header, rows
    if any(patterns.NUMBER_CELL.match(cell) for cell in second):
        return header, rows
    merged, spanning = [], ""
    for top, below in zip(header, second):
        spanning = top or spanning
        merged.append(spanning + below if below else spanning)
    return tuple(merged), rows[1:]


def _note_goes_on(note: RawFootnote, lines: list[Line], index: int, *, plain: bool) -> bool:
    """Whether ``lines[index]`` is the rest of ``note``, cut at a page's foot and printed on the next.

    The rest opens the next page's note block: the note did not end (no
    final mark), the line stands after a page gap (two blank lines or more),
    holds no marker, and the next page's first note follows it.
    """
    if ends_note(note.raw) or index < 2 or lines[index - 1].text.strip() or lines[index - 2].text.strip():
        return False
    text = lines[index].text.strip()
    if patterns.SUPERSCRIPT_MARKERS.search(text) or (plain and patterns.PLAIN_MARKER.search(text)):
        return False
    following = next((line for line in lines[index + 1 : index + 3] if line.text.strip()), None)
    return following is not None and note_start(following.text, plain=plain) is not None


def _continue_note(body: Body, text: str, span: Span) -> None:
    note = body.notes[-1]
    whole = replace(note, raw=join_note_lines([note.raw, text]), span=Span(note.span.line, note.span.start, span.end))
    body.notes[-1] = whole
    for unit in body.units:
        if isinstance(unit, NoteUnit) and unit.note is note:
            unit.note = whole
