"""Documents: a bulletin issue or a journal article, and their parts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ._base import SCHEMA_VERSION, IsoDate, Location, Model
from .citation import FootnoteCitation
from .diagnostics import Diagnostic
from .fact import NumericFact
from .source import Source
from .table import Table


class MarkerRef(Model):
    """Where a footnote marker (``①``, ``[1]``) stood in a text, and the note it links to."""

    offset: int
    marker: str
    footnote_index: int | None = None


class Block(Model):
    """A heading or paragraph in reading order.

    ``text`` is clean: no markers, no page furniture, a sentence cut by a page
    break or a footnote block joined back. ``unplaced`` blocks hold text the
    parser could not place (a diagnostic says why).
    """

    type: Literal["heading", "paragraph", "unplaced"]
    text: str
    level: int | None = None
    markers: tuple[MarkerRef, ...] = ()
    location: Location | None = None


class Editorial(Model):
    """The editorial board block (主编, 副主编, 编委, 本期责编, 编辑出版)."""

    editor_in_chief: tuple[str, ...] = ()
    deputy_editors: tuple[str, ...] = ()
    board: tuple[str, ...] = ()
    issue_editors: tuple[str, ...] = ()
    edited_by: str | None = None


class Contact(Model):
    """The contact block (地址, 邮编, 电话, 传真, 电子邮箱)."""

    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None


class TocEntry(Model):
    """A line of the table of contents."""

    section: str | None = None
    title: str
    page: int | None = None


class Article(Model):
    """An article of a bulletin issue."""

    title: str
    title_markers: tuple[MarkerRef, ...] = ()
    section: str | None = None
    page: int | None = None
    authors: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[FootnoteCitation, ...] = ()
    tables: tuple[Table, ...] = ()
    facts: tuple[NumericFact, ...] = ()
    location: Location | None = None


class FootnoteRef(Model):
    """Where a footnote is printed: ``issue.articles[article_index].footnotes[footnote_index]``."""

    article_index: int
    footnote_index: int


class BibliographyEntry(Model):
    """One distinct work cited in an issue, with every place it is printed."""

    citation: FootnoteCitation
    occurrences: tuple[FootnoteRef, ...] = ()


class BulletinIssue(Model):
    """An issue of an information bulletin (such as 信息参考)."""

    kind: Literal["bulletin_issue"] = "bulletin_issue"
    schema_version: str = SCHEMA_VERSION
    source: Source
    diagnostics: tuple[Diagnostic, ...] = ()
    furniture: tuple[str, ...] = ()
    title: str
    theme: str | None = None
    category: str | None = None
    issue_number: int | None = None
    running_number: int | None = None
    """The issue's number counted from the first issue (总第 56 期), when printed."""
    year: int | None = None
    publication_date: IsoDate | None = None
    publisher: str | None = None
    notice: str | None = None
    editorial: Editorial | None = None
    contact: Contact | None = None
    toc: tuple[TocEntry, ...] = ()
    editor_note: str | None = None
    articles: tuple[Article, ...] = ()
    unplaced: tuple[Block, ...] = ()
    bibliography: tuple[BibliographyEntry, ...] = ()


class JournalArticle(Model):
    """An academic journal article (such as one from 中州学刊)."""

    kind: Literal["journal_article"] = "journal_article"
    schema_version: str = SCHEMA_VERSION
    source: Source
    diagnostics: tuple[Diagnostic, ...] = ()
    furniture: tuple[str, ...] = ()
    title: str
    title_markers: tuple[MarkerRef, ...] = ()
    funding: str | None = None
    authors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    journal: str | None = None
    year: int | None = None
    issue: str | None = None
    volume: str | None = None
    pages: str | None = None
    column: str | None = None
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    classification: str | None = None
    document_code: str | None = None
    article_id: str | None = None
    doi: str | None = None
    english_title: str | None = None
    english_abstract: str | None = None
    english_keywords: tuple[str, ...] = ()
    publication_date: IsoDate | None = None
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[FootnoteCitation, ...] = ()
    tables: tuple[Table, ...] = ()
    facts: tuple[NumericFact, ...] = ()
    unplaced: tuple[Block, ...] = ()


Document = Annotated[BulletinIssue | JournalArticle, Field(discriminator="kind")]
"""The top-level union, discriminated by ``kind``; read JSON back with ``TypeAdapter(Document)``."""
