"""The values the segmenter hands to the recognisers and to ``assemble``.

Plain frozen dataclasses, cheap and unvalidated. Offsets (``start``/``end``)
index the decoded input text (not the normalised one); ``line`` is 1-based.
A footnote's ``note_id`` is unique within a document; a marker names the note
it links to by that id (``None`` when no note was found for it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Span:
    """Where a piece stands in the decoded input."""

    line: int
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class RawDiagnostic:
    """Something odd, reported as a value."""

    level: Literal["info", "warning", "error"]
    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class RawMarker:
    """A footnote marker at ``offset`` in a clean text, linked to note ``note_id``."""

    offset: int
    marker: str
    note_id: int | None = None


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A heading, paragraph or unplaced text, already clean."""

    type: Literal["heading", "paragraph", "unplaced"]
    text: str
    span: Span
    level: int | None = None
    markers: tuple[RawMarker, ...] = ()


@dataclass(frozen=True, slots=True)
class RawFootnote:
    """A note as printed (``raw`` whitespace-normalised, lines joined)."""

    note_id: int
    marker: str
    raw: str
    span: Span


@dataclass(frozen=True, slots=True)
class RawTable:
    """A table grid as printed."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    span: Span
    number: int | None = None
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class RawTocEntry:
    """A line of the table of contents."""

    section: str | None
    title: str
    page: int | None
    span: Span


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article: its title and everything between it and the next one."""

    title: str
    span: Span
    title_markers: tuple[RawMarker, ...] = ()
    section: str | None = None
    page: int | None = None
    authors: tuple[str, ...] = ()
    blocks: tuple[RawBlock, ...] = ()
    footnotes: tuple[RawFootnote, ...] = ()
    tables: tuple[RawTable, ...] = ()


@dataclass(frozen=True, slots=True)
class RawIssue:
    """A bulletin issue as segmented."""

    title: str | None = None
    theme: str | None = None
    category: str | None = None
    issue_number: int | None = None
    running_number: int | None = None
    year: int | None = None
    publication_date: str | None = None
    publisher: str | None = None
    notice: str | None = None
    editorial: dict[str, tuple[str, ...] | str] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    toc: tuple[RawTocEntry, ...] = ()
    editor_note: str | None = None
    articles: tuple[RawArticle, ...] = ()
    unplaced: tuple[RawBlock, ...] = ()
    furniture: tuple[str, ...] = ()
    diagnostics: tuple[RawDiagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class RawJournal:
    """A journal article as segmented (metadata fields are named as in ``JournalArticle``)."""

    title: str | None = None
    title_markers: tuple[RawMarker, ...] = ()
    metadata: dict[str, str | int | tuple[str, ...] | None] = field(default_factory=dict)
    blocks: tuple[RawBlock, ...] = ()
    footnotes: tuple[RawFootnote, ...] = ()
    tables: tuple[RawTable, ...] = ()
    unplaced: tuple[RawBlock, ...] = ()
    furniture: tuple[str, ...] = ()
    diagnostics: tuple[RawDiagnostic, ...] = ()
