"""Raw segments and recognised pieces into validated models; diagnostics gathered.

The only stage that builds pydantic models from the segmenter's values. It
adds no interpretation of its own: footnote indexes are resolved from note
ids, spans become ``Location`` values, and every diagnostic is attached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .models import (
    Article,
    BibliographyEntry,
    Block,
    BulletinIssue,
    CityRole,
    Contact,
    Diagnostic,
    Editorial,
    FootnoteCitation,
    JournalArticle,
    Location,
    MarkerRef,
    NumericFact,
    Source,
    Table,
    TocEntry,
)
from .segment.raw import (
    RawArticle,
    RawBlock,
    RawDiagnostic,
    RawFootnote,
    RawIssue,
    RawJournal,
    RawMarker,
    RawTable,
    Span,
)


@dataclass(frozen=True, slots=True)
class Recognised:
    """What the recognisers made of the segments.

    ``citations`` by note id; ``facts`` per article (or one list for a journal
    article); ``city_roles`` per table.
    """

    citations: Mapping[int, FootnoteCitation] = field(default_factory=dict)
    facts: Sequence[Sequence[NumericFact]] = ()
    city_roles: Mapping[RawTable, tuple[CityRole, ...]] = field(default_factory=dict)
    bibliography: tuple[BibliographyEntry, ...] = ()
    diagnostics: Sequence[Diagnostic] = ()


def location(span: Span | None) -> Location | None:
    """The model form of a segment span."""
    if span is None:
        return None
    return Location(page=span.page, line=span.line, start=span.start, end=span.end)


def diagnostic(raw: RawDiagnostic) -> Diagnostic:
    """The model form of a segment diagnostic."""
    return Diagnostic(level=raw.level, code=raw.code, message=raw.message, location=location(raw.span))


def assemble_bulletin(
    raw: RawIssue, source: Source, recognised: Recognised, *first: Diagnostic
) -> BulletinIssue:
    """A ``BulletinIssue`` from a segmented issue and what was recognised in it."""
    articles = tuple(
        _article(article, recognised, recognised.facts[i] if i < len(recognised.facts) else ())
        for i, article in enumerate(raw.articles)
    )
    editorial = raw.editorial
    return BulletinIssue(
        source=source,
        diagnostics=(*first, *(diagnostic(d) for d in raw.diagnostics), *recognised.diagnostics),
        furniture=raw.furniture,
        title=raw.title or "",
        theme=raw.theme,
        category=raw.category,
        issue_number=raw.issue_number,
        year=raw.year,
        publication_date=raw.publication_date,
        publisher=raw.publisher,
        notice=raw.notice,
        editorial=Editorial.model_validate(editorial) if editorial else None,
        contact=Contact.model_validate({k: v for k, v in raw.contact.items() if k in Contact.model_fields})
        if raw.contact
        else None,
        toc=tuple(TocEntry(section=e.section, title=e.title, page=e.page) for e in raw.toc),
        editor_note=raw.editor_note,
        articles=articles,
        unplaced=tuple(_block(b, {}) for b in raw.unplaced),
        bibliography=recognised.bibliography,
    )


def assemble_journal(
    raw: RawJournal, source: Source, recognised: Recognised, *first: Diagnostic
) -> JournalArticle:
    """A ``JournalArticle`` from a segmented article and what was recognised in it."""
    index = {note.note_id: position for position, note in enumerate(raw.footnotes)}
    metadata = {key: value for key, value in raw.metadata.items() if value is not None}
    return JournalArticle.model_validate(
        {
            **metadata,
            "source": source,
            "diagnostics": (*first, *(diagnostic(d) for d in raw.diagnostics), *recognised.diagnostics),
            "furniture": raw.furniture,
            "title": raw.title or "",
            "title_markers": _markers(raw.title_markers, index),
            "blocks": tuple(_block(b, index) for b in raw.blocks),
            "footnotes": tuple(_footnote(n, recognised) for n in raw.footnotes),
            "tables": tuple(_table(t, recognised) for t in raw.tables),
            "facts": tuple(recognised.facts[0]) if recognised.facts else (),
            "unplaced": tuple(_block(b, {}) for b in raw.unplaced),
        }
    )


def _article(raw: RawArticle, recognised: Recognised, facts: Sequence[NumericFact]) -> Article:
    index = {note.note_id: position for position, note in enumerate(raw.footnotes)}
    return Article(
        title=raw.title,
        title_markers=_markers(raw.title_markers, index),
        section=raw.section,
        page=raw.page,
        authors=raw.authors,
        blocks=tuple(_block(b, index) for b in raw.blocks),
        footnotes=tuple(_footnote(n, recognised) for n in raw.footnotes),
        tables=tuple(_table(t, recognised) for t in raw.tables),
        facts=tuple(facts),
        location=location(raw.span),
    )


def _markers(markers: Sequence[RawMarker], index: Mapping[int, int]) -> tuple[MarkerRef, ...]:
    return tuple(
        MarkerRef(
            offset=m.offset,
            marker=m.marker,
            footnote_index=index.get(m.note_id) if m.note_id is not None else None,
        )
        for m in markers
    )


def _block(raw: RawBlock, index: Mapping[int, int]) -> Block:
    return Block(
        type=raw.type,
        text=raw.text,
        level=raw.level,
        markers=_markers(raw.markers, index),
        location=location(raw.span),
    )


def _footnote(raw: RawFootnote, recognised: Recognised) -> FootnoteCitation:
    citation = recognised.citations.get(raw.note_id)
    if citation is None:
        return FootnoteCitation(marker=raw.marker, raw=raw.raw, location=location(raw.span))
    return citation.model_copy(update={"marker": raw.marker, "raw": raw.raw, "location": location(raw.span)})


def _table(raw: RawTable, recognised: Recognised) -> Table:
    return Table(
        number=raw.number,
        caption=raw.caption,
        header=raw.header,
        rows=raw.rows,
        city_roles=recognised.city_roles.get(raw, ()),
        location=location(raw.span),
    )
