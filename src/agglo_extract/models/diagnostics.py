"""Diagnostics: what was odd about the data, as values in the output.

Codes are stable kebab-case names registered here once; tests match on codes,
never on messages.
"""

from __future__ import annotations

from typing import Final, Literal

from ._base import Location, Model


class DiagnosticCode:
    """The registry of diagnostic codes."""

    DECODED_WITH_FALLBACK: Final = "decoded-with-fallback"
    DECODED_WITH_REPLACEMENT: Final = "decoded-with-replacement"  # bytes no encoding reads, replaced by U+FFFD
    TEXT_EMPTY: Final = "text-empty"
    MASTHEAD_MISSING: Final = "masthead-missing"
    TOC_MISSING: Final = "toc-missing"
    TOC_ENTRY_UNMATCHED: Final = "toc-entry-unmatched"
    ARTICLE_TITLE_FUZZY: Final = "article-title-fuzzy"
    TEXT_UNPLACED: Final = "text-unplaced"
    FOOTNOTE_UNLINKED: Final = "footnote-unlinked"
    MARKER_UNLINKED: Final = "marker-unlinked"
    PARAGRAPH_INCOMPLETE: Final = "paragraph-incomplete"
    TABLE_RAGGED: Final = "table-ragged"
    CITATION_UNPARSED: Final = "citation-unparsed"
    NOTE_EXPLANATORY: Final = "note-explanatory"  # a note that explains, not a citation (info)
    CITATION_REPAIRED: Final = "citation-repaired"
    LAYOUT_DETECTED: Final = "layout-detected"
    PATTERN_TIMEOUT: Final = "pattern-timeout"
    FACT_UNRESOLVED: Final = "fact-unresolved"
    NO_TEXT_LAYER: Final = "no-text-layer"
    PDF_PAGE_UNREADABLE: Final = "pdf-page-unreadable"
    PDF_FURNITURE: Final = "pdf-furniture"
    PDF_TABLE_CONTINUED: Final = "pdf-table-continued"
    PDF_COLUMNS: Final = "pdf-columns"
    PDF_TEXT_ROTATED: Final = "pdf-text-rotated"
    PDF_GLYPHS_UNMAPPED: Final = "pdf-glyphs-unmapped"


DIAGNOSTIC_CODES: Final[frozenset[str]] = frozenset(
    value for name, value in vars(DiagnosticCode).items() if name.isupper()
)


class Diagnostic(Model):
    """Something odd about the input, reported instead of raised."""

    level: Literal["info", "warning", "error"]
    code: str
    message: str
    location: Location | None = None
