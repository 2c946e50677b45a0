"""The characters, rules and ruled tables of a PDF, page by page.

This is the only module that imports pdfplumber, and it does so on first use.
What it hands on is plain data (:class:`Glyph`, :class:`Rule`, :class:`Grid`,
:class:`PageContent`) behind the :class:`CharSource` interface, so that another
reader of characters (pypdfium2, say) can replace pdfplumber without touching
what comes after.

Pages are streamed: each page's pdfplumber objects are released before the
next page is read. Characters are never NFKC-folded here; full-width digits
and the like are left to :mod:`agglo_extract.normalise`.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any, Protocol

import regex

from ..errors import DamagedPdf, EncryptedPdf, NoPages, PdfError

BBox = tuple[float, float, float, float]
"""``(x0, top, x1, bottom)`` in PDF points, ``top`` measured down from the top of the page."""


@dataclass(frozen=True, slots=True)
class Glyph:
    """One printed character: its text, box, baseline (down from the page top), size and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    font: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A drawn straight line (or a thin rectangle), horizontal or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: the box of each cell, row by row (``None`` where a merged cell spans)."""

    bbox: BBox
    rows: tuple[tuple[BBox | None, ...], ...]


@dataclass(frozen=True, slots=True)
class PageContent:
    """What one page holds; ``index`` is 0-based."""

    index: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...] = ()
    grids: tuple[Grid, ...] = ()
    error: str | None = None
    rotated: str = ""
    """Text set at an angle (a side note, a vertical label), not read into lines but kept."""
    unmapped: int = 0
    """Characters whose font has no map to Unicode (pdfminer writes them ``(cid:N)``)."""


class CharSource(Protocol):
    """A PDF opened for reading: how many pages, and the pages one at a time."""

    page_count: int

    def pages(self) -> Iterator[PageContent]:
        """Each page in order; a page that cannot be read has ``error`` set and no glyphs."""
        ...

    def close(self) -> None:
        """Release the file."""
        ...


@cache
def _pdfplumber() -> ModuleType:
    import pdfplumber

    return pdfplumber


_NONCHARACTER = regex.compile(r"[\ufdd0-\ufdef\ufffe\uffff]")
"""Characters Unicode reserves for a program's own use: the layout marks markers with them."""
_RULE_THICKNESS = 2.0
"""A rectangle this thin or thinner is a rule."""


def open_pdf(data: bytes, *, path: str | None = None) -> CharSource:
    """Open PDF bytes, or raise the :class:`PdfError` that says why they cannot be read."""
    pdfplumber = _pdfplumber()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except Exception as error:  # pdfminer raises many unrelated types; each is mapped below
        raise _pdf_error(error, path) from error
    if count == 0:
        pdf.close()
        raise NoPages("the PDF has no pages", path=path)
    return _PlumberSource(pdf, count, path)


def _pdf_error(error: Exception, path: str | None) -> PdfError:
    cause = getattr(error, "args", ())
    inner = cause[0] if cause and isinstance(cause[0], Exception) else error
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return EncryptedPdf("the PDF is encrypted and cannot be opened without its password", path=path)
    return DamagedPdf(f"the PDF is damaged or truncated ({name}: {inner})", path=path)


class _PlumberSource:
    """pdfplumber (pdfminer.six) as a :class:`CharSource`."""

    def __init__(self, pdf: Any, count: int, path: str | None) -> None:
        self._pdf = pdf
        self.page_count = count
        self.path = path

    def pages(self) -> Iterator[PageContent]:
        for index in range(self.page_count):
            page = self._pdf.pages[index]
            try:
                yield _page_content(index, page)
            except Exception as error:  # one damaged page must not cost the others
                yield PageContent(index, float(page.width), float(page.height), (), error=f"{type(error).__name__}")
            finally:
                page.close()

    def close(self) -> None:
        self._pdf.close()


def _page_content(index: int, page: Any) -> PageContent:
    height = float(page.height)
    offset = float(page.bbox[1]) if page.bbox else 0.0
    printed = [c for c in page.chars if c["text"].strip() or c["text"] == " "]
    chars = [c for c in printed if c.get("upright", True)]
    rotated = "".join(c["text"] for c in printed if not c.get("upright", True)).strip()
    descent = _descents(chars, height + offset)
    glyphs = tuple(
        Glyph(
            text=_NONCHARACTER.sub("\ufffd", char["text"]),
            x0=float(char["x0"]),
            x1=float(char["x1"]),
            top=float(char["top"]),
            bottom=float(char["bottom"]),
            baseline=float(char["bottom"]) - descent.get(char.get("fontname", ""), 0.0) * float(char["size"] or 1),
            size=round(float(char["size"]), 2),
            font=str(char.get("fontname", "")),
        )
        for char in chars
    )
    rules = tuple(_rules(page))
    grids = tuple(_grids(page, rules)) if _may_hold_grid(rules) else ()
    unmapped = sum(1 for c in chars if c["text"].startswith("(cid:"))
    return PageContent(index, float(page.width), height, glyphs, rules, grids, rotated=rotated, unmapped=unmapped)


def _descents(chars: list[dict[str, Any]], top_of_page: float) -> dict[str, float]:
    """Per font, how far below the baseline a glyph's box reaches, in ems (the usual value on the page).

    The text matrix gives the baseline, but not the text rise a superscript is
    set with; the box does. Box bottom minus the usual descent is the baseline
    the glyph is really printed on.
    """
    seen: dict[str, Counter[float]] = {}
    for char in chars:
        size = float(char["size"] or 1)
        ratio = round((float(char["bottom"]) - (top_of_page - float(char["matrix"][5]))) / size, 3)
        seen.setdefault(char.get("fontname", ""), Counter())[ratio] += 1
    return {font: ratios.most_common(1)[0][0] for font, ratios in seen.items()}


def _rules(page: Any) -> Iterator[Rule]:
    for line in page.lines:
        yield Rule(float(line["x0"]), float(line["top"]), float(line["x1"]), float(line["bottom"]))
    for rect in page.rects:
        x0, top, x1, bottom = (float(rect[k]) for k in ("x0", "top", "x1", "bottom"))
        if min(x1 - x0, bottom - top) <= _RULE_THICKNESS:
            yield Rule(x0, top, x1, bottom)
        else:  # a box drawn as a rectangle: its four sides are rules
            yield from (Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom))
            yield from (Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom))


def _may_hold_grid(rules: tuple[Rule, ...]) -> bool:
    """A ruled table needs at least two horizontal and two vertical rules; most pages have neither."""
    horizontal = sum(1 for rule in rules if rule.horizontal)
    return horizontal >= 2 and len(rules) - horizontal >= 2


def _grids(page: Any, rules: tuple[Rule, ...]) -> Iterator[Grid]:
    for table in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
        rows = tuple(tuple(tuple(map(float, cell)) if cell else None for cell in row.cells) for row in table.rows)
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            yield Grid(tuple(map(float, table.bbox)), rows)  # type: ignore[arg-type]
