"""Printed lines from the characters of one PDF page.

Characters are grouped by baseline, not by ``top``: a digit set in a second
font has another ``top`` but the same baseline. A group of smaller characters
standing a little above a line (a superscript marker, ``①`` or ``[3]``) is
put into that line and flagged ``raised``. A character drawn twice at almost
the same place (fake bold) is kept once and the line marked bold. A page whose
rows part around one vertical gutter is read column by column.

Gaps, less the line's usual spacing: between Han characters a space only
where the gap is :data:`_HAN_SPACE` ems or more; elsewhere a gap wider than
:data:`X_TOLERANCE` points is a space; a gap of two ems or more (a TOC leader
left blank, a cell gap) is four spaces.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from .pdf import BBox, Glyph, Grid, PageContent

X_TOLERANCE = 3.0
"""Points of gap between two characters that make a space (not between Han characters)."""

_WIDE_GAP = 2.0
"""A gap of this many ems reads as a column of its own (four spaces)."""

_HAN_SPACE = 0.6
"""A gap of this many ems (beyond the line's tracking) between Han characters is a space."""

_RAISED = 0.15
"""A character whose baseline stands this share of the line's size above it is raised."""

_SMALL = 0.85
"""A raised character is at most this share of the line's size."""

_HAN = regex.compile(r"[\p{Han}\p{Block=CJK_Symbols_and_Punctuation}\p{Block=Halfwidth_and_Fullwidth_Forms}]")
_HEAVY = regex.compile(r"(?i)bold|black|heavy|hei|黑")
"""A font name of a heavy face: Bold, Black, Heavy, and the Chinese 黑体 (SimHei, STHeiti, 方正黑体)."""
_MARKER = regex.compile(r"^(?:[①-⑳㉑-㉟㊱-㊿]|\[\d{1,3}(?:[-–,，]\d{1,3})*\]|\d{1,3}|\*{1,3}|†|‡)$")


@dataclass(slots=True)
class PrintedLine:
    """A line as printed: its glyphs left to right, which are raised, and its geometry.

    ``column`` is 0 for a line across the page, 1 and 2 for the left and right
    column of a two-column page.
    """

    page: int
    glyphs: list[Glyph]
    raised: list[bool]
    column: int = 0
    bold: bool = False
    size: float = 0.0
    baseline: float = 0.0
    role: str = "body"
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def x0(self) -> float:
        return min(glyph.x0 for glyph in self.glyphs if glyph.text != " ")

    @property
    def x1(self) -> float:
        return max(glyph.x1 for glyph in self.glyphs if glyph.text != " ")

    @property
    def top(self) -> float:
        return min(glyph.top for glyph in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(glyph.bottom for glyph in self.glyphs)

    @property
    def bbox(self) -> BBox:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))

    def text(self, marker: str = "{}") -> str:
        """The line's text; each run of raised marker characters is written through ``marker``.

        A space the PDF draws as a character is kept (one for a run); other gaps
        are judged by :func:`gap`.
        """
        parts: list[str] = []
        index = 0
        previous: Glyph | None = None
        spaced = False
        tracking = self.tracking
        while index < len(self.glyphs):
            glyph = self.glyphs[index]
            if glyph.text == " ":
                spaced = previous is not None
                index += 1
                continue
            if previous is not None:
                parts.append(
                    " " if spaced and not parts[-1].endswith(" ") else gap(previous, glyph, self.size, tracking)
                )
            spaced = False
            if self.raised[index]:
                end = index
                while end + 1 < len(self.glyphs) and self.raised[end + 1] and self.glyphs[end + 1].text != " ":
                    end += 1
                run = "".join(g.text for g in self.glyphs[index : end + 1])
                parts.append(render_raised(run, marker))
                previous = self.glyphs[end]
                index = end + 1
                continue
            parts.append(glyph.text)
            previous = glyph
            index += 1
        return "".join(parts)

    @property
    def plain(self) -> str:
        """The text with raised characters as printed."""
        return self.text()

    @property
    def tracking(self) -> float:
        """The usual gap between neighbouring glyphs of the line (letter-spacing, justification)."""
        visible = [g for g, up in zip(self.glyphs, self.raised) if g.text != " " and not up]
        gaps = [b.x0 - a.x1 for a, b in zip(visible, visible[1:])]
        return max(0.0, statistics.median(gaps)) if len(gaps) >= 3 else 0.0


def render_raised(run: str, marker: str) -> str:
    """A run of raised characters: markers one by one through ``marker``, anything else as it is."""
    pieces = regex.findall(r"[①-⑳㉑-㉟㊱-㊿]|\[[^\]]*\]|[^①-⑳㉑-㉟㊱-㊿\[]+", run)
    if pieces and all(_MARKER.match(piece) for piece in pieces):
        return "".join(marker.format(piece) for piece in pieces)
    return run


def is_han(char: str) -> bool:
    return bool(_HAN.match(char))


def gap(before: Glyph, after: Glyph, size: float, tracking: float = 0.0) -> str:
    """What stands for the gap between two glyphs of a line (``tracking``: the line's usual gap)."""
    space = after.x0 - before.x1 - tracking
    if space >= _WIDE_GAP * (size or after.size):
        return "    "
    if space > X_TOLERANCE and not (is_han(before.text[-1]) and is_han(after.text[0])):
        return " "
    if space >= _HAN_SPACE * (size or after.size):
        return " "  # names set apart in a list (编委：田晓峰  郑雅琴), a word gap in a heading
    return ""


def page_lines(page: PageContent, grids: Sequence[Grid] = ()) -> list[PrintedLine]:
    """The printed lines of a page in reading order, without the glyphs inside ``grids``."""
    glyphs = [g for g in page.glyphs if not any(_inside(g, grid.bbox) for grid in grids)]
    lines = _lines(page.index, glyphs)
    gutter = _gutter(lines, page.width)
    if gutter is None:
        return lines
    return _read_columns(page, lines, gutter)


def _lines(page: int, glyphs: list[Glyph], column: int = 0) -> list[PrintedLine]:
    rows = _attach_raised(_rows(glyphs))
    lines = [line for row in rows if (line := _line(page, row)) is not None]
    for line in lines:
        line.column = column
    return lines


def cell_text(glyphs: Iterable[Glyph]) -> str:
    """The text of a table cell: its lines joined (no space between Han, one between Latin words)."""
    rows = _attach_raised(_rows(list(glyphs)))
    texts = [line.text() for row in rows if (line := _line(0, row)) is not None]
    return join_texts(texts)


def join_texts(texts: Sequence[str]) -> str:
    """Lines of one paragraph or cell as one text."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and text[0].isascii() and text[0].isalpha():
            out += " "
        out += text
    return out


def glyphs_in(glyphs: Iterable[Glyph], box: BBox) -> list[Glyph]:
    return [g for g in glyphs if _inside(g, box)]


def _inside(glyph: Glyph, box: BBox) -> bool:
    x = (glyph.x0 + glyph.x1) / 2
    y = (glyph.top + glyph.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline (sorted top to bottom)."""
    rows: list[list[Glyph]] = []
    base = 0.0
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        if rows and abs(glyph.baseline - base) <= 0.3 * min(glyph.size, rows[-1][0].size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
            base = glyph.baseline
    return rows


def _size(row: Sequence[Glyph]) -> float:
    return statistics.median(g.size for g in row)


def _attach_raised(rows: list[list[Glyph]]) -> list[tuple[list[Glyph], list[bool]]]:
    """Rows with each row of small raised glyphs merged into the line it stands on."""
    out: list[tuple[list[Glyph], list[bool]]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        host = rows[index + 1] if index + 1 < len(rows) else None
        if host is not None and _raised_over(row, host):
            merged = sorted([(g, True) for g in row] + [(g, False) for g in host], key=lambda p: p[0].x0)
            out.append(([g for g, _ in merged], [r for _, r in merged]))
            index += 2
            continue
        out.append((row, [False] * len(row)))
        index += 1
    return out


def _raised_over(row: Sequence[Glyph], host: Sequence[Glyph]) -> bool:
    size = _size(host)
    rise = host[0].baseline - row[0].baseline
    if not (_RAISED * size <= rise <= 0.8 * size):
        return False
    if max(g.size for g in row) > _SMALL * size:
        return False
    left = min(g.x0 for g in host) - size
    right = max(g.x1 for g in host) + 2 * size
    return all(left <= g.x0 and g.x1 <= right for g in row)


def _line(page: int, row: tuple[list[Glyph], list[bool]] | list[Glyph]) -> PrintedLine | None:
    glyphs, raised = row if isinstance(row, tuple) else (row, [False] * len(row))
    if all(glyph.text == " " for glyph in glyphs):
        return None
    raised = _raised_within(glyphs, raised)
    pairs = sorted(zip(glyphs, raised), key=lambda p: p[0].x0)
    kept: list[tuple[Glyph, bool]] = []
    bold = 0
    for glyph, up in pairs:
        if kept and _duplicate(kept[-1][0], glyph):
            bold += 1
            continue
        kept.append((glyph, up))
    body = [g for g, up in kept if not up and g.text != " "] or [g for g, _ in kept]
    size = _size(body)
    line = PrintedLine(
        page=page,
        glyphs=[g for g, _ in kept],
        raised=[up for _, up in kept],
        bold=bold * 2 >= len(kept) or sum(_HEAVY.search(g.font) is not None for g in body) * 2 > len(body),
        size=size,
        baseline=statistics.median(g.baseline for g in body),
    )
    return line


def _raised_within(glyphs: Sequence[Glyph], raised: list[bool]) -> list[bool]:
    """Small glyphs set a little above the baseline of the full-size glyphs of their own row."""
    visible = [g for g in glyphs if g.text != " "]
    if not visible:
        return raised
    full = max(g.size for g in visible)
    body = [g.baseline for g in visible if g.size > _SMALL * full]
    if not body or len(body) == len(visible):
        return raised
    base = statistics.median(body)
    return [
        up or (g.text != " " and g.size <= _SMALL * full and base - g.baseline >= 0.1 * full)
        for g, up in zip(glyphs, raised)
    ]


def _duplicate(kept: Glyph, glyph: Glyph) -> bool:
    """The same character drawn again over itself, shifted a fraction of its width (fake bold), not ``jj``."""
    return (
        kept.text == glyph.text
        and abs(kept.x0 - glyph.x0) < min(0.25 * glyph.size, 0.5 * (glyph.x1 - glyph.x0))
        and abs(kept.baseline - glyph.baseline) < 0.25 * glyph.size
    )


def _gutter(lines: Sequence[PrintedLine], width: float) -> float | None:
    """The x of the gutter of a two-column page, or ``None``.

    A gutter is an x near the middle of the page that no glyph of many lines
    crosses, with wide text ending just left of it and wide text starting just
    right of it: the two parts of a line read across the gutter (when the
    columns share baselines) or lines of one column alone (when they do not).
    The left parts must mostly end near one x (column text, justified or
    ragged by less than two characters), so a table aligned with spaces,
    whose cells end anywhere, is not read as columns; nor is a TOC, whose page
    numbers are narrow.
    """
    if len(lines) < 8:
        return None
    near, wide = 0.1 * width, 0.2 * width
    ragged = 1.5 * statistics.median(line.size for line in lines)  # a column's lines end within this of its edge
    low, high = 0.3 * width, 0.7 * width
    # Where each line leaves x free within the middle of the page: (free from, free to, line).
    free: list[tuple[float, float, float, float]] = []  # free from, free to, and the line's left and right
    for line in lines:
        spans = _spans(line)
        if not spans:
            continue
        x0, x1 = spans[0][0], max(b for _, b in spans)
        edges = [(-1.0, spans[0][0])]
        edges += [(a[1], b[0]) for a, b in zip(spans, spans[1:]) if b[0] - a[1] >= 0.5 * line.size]
        edges.append((spans[-1][1], width + 1))
        free += [(a, b, x0, x1) for a, b in edges if b > low and a < high]
    if len(free) < 8:
        return None
    scores: list[tuple[int, float]] = []
    for step in range(int(low), int(high), 2):
        x = float(step)
        left_ends: list[float] = []
        right = 0
        for a, b, x0, x1 in free:
            if not a <= x <= b:
                continue
            if a >= 0 and x - near <= a and a - x0 >= wide:
                left_ends.append(a)
            if b <= width and b <= x + near and x1 - b >= wide:
                right += 1
        edge = max(left_ends, default=0.0)
        aligned = sum(1 for end in left_ends if edge - end <= ragged)
        score = min(len(left_ends), right)
        if score >= 4 and len(left_ends) + right >= 8 and 2 * aligned >= len(left_ends):
            scores.append((score, x))
    if not scores:
        return None
    best = max(score for score, _ in scores)
    tied = [x for score, x in scores if score == best]
    run = [tied[0]]  # the run of tied x that holds the first one: the gutter's width
    for x in tied[1:]:
        if x - run[-1] > 2:
            break
        run.append(x)
    return (run[0] + run[-1]) / 2


def _spans(line: PrintedLine) -> list[tuple[float, float]]:
    """The x extents of the line's glyphs, left to right (spaces left out)."""
    return [(g.x0, g.x1) for g in line.glyphs if g.text != " "]


def _read_columns(page: PageContent, lines: Sequence[PrintedLine], gutter: float) -> list[PrintedLine]:
    """The page's lines read band by band: the left column, then the right.

    Lines across the gutter and lines in the page's head or foot margin stay
    whole; the other glyphs are grouped into rows again within each column, so
    a line of one column never takes glyphs of the other. A band ends at a line
    across the gutter, at a rule across the gutter, and at a rule below the end
    of the other column (the rule over notes at the page foot); a rule inside
    one column, with the other column going on below it, stays in its column.
    """
    margin = 0.08 * page.height
    across = [
        line
        for line in lines
        if any(g.x0 < gutter < g.x1 for g in line.glyphs) or line.top < margin or line.bottom > page.height - margin
    ]
    kept = {id(line) for line in across}
    rest = [g for line in lines if id(line) not in kept for g in line.glyphs]
    columns = [
        *_lines(page.index, [g for g in rest if g.x1 <= gutter], 1),
        *_lines(page.index, [g for g in rest if g.x1 > gutter], 2),
    ]
    stops = sorted(
        rule.top
        for rule in page.rules
        if rule.bottom - rule.top <= 2
        and rule.x1 - rule.x0 >= 0.08 * page.width
        and (
            rule.x0 < gutter < rule.x1
            or not any(line.top > rule.top and (line.column == 2) == (rule.x0 < gutter) for line in columns)
        )
    )
    ordered: list[PrintedLine] = []
    left: list[PrintedLine] = []
    right: list[PrintedLine] = []

    def flush() -> None:
        ordered.extend(left)
        ordered.extend(right)
        left.clear()
        right.clear()

    for line in sorted([*across, *columns], key=lambda line: line.baseline):
        while stops and stops[0] < line.top:
            stops.pop(0)
            flush()
        if line.column == 0:
            flush()
            ordered.append(line)
        else:
            (left if line.column == 1 else right).append(line)
    flush()
    return ordered
