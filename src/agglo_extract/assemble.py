"""Raw segments and recognised pieces into validated models; diagnostics gathered.

The only stage that builds pydantic models from the segmenter's values. It
adds no interpretation of its own: footnote indexes are resolved from note
ids, spans become ``Location`` values (with the PDF page and box when the text
was written from a PDF), facts get the place they stand in the input, and
every diagnostic is attached.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import patterns
from .load.pdf_text import PageMap
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
from .normalise import normalise
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
    """The model form of a segment span (text input: no PDF page)."""
    if span is None:
        return None
    return Location(page=span.page, line=span.line, start=span.start, end=span.end)


class Locator:
    """Spans into ``Location`` values: with PDF pages and boxes when ``pages`` maps the text."""

    def __init__(self, text: str = "", pages: PageMap | None = None) -> None:
        self.text = text
        self.pages = pages
        self._newlines: array[int] | None = None

    def __call__(self, span: Span | None) -> Location | None:
        if span is None:
            return None
        return self.at(span.start, span.end, line=span.line, page=span.page)

    def at(self, start: int, end: int, *, line: int | None = None, page: int | None = None) -> Location:
        """The location of ``text[start:end]``."""
        if line is None:
            line = self._line(start)
        if self.pages is None:
            return Location(page=page, line=line, start=start, end=end)
        found = self.pages.locate(start, max(end, start + 1))
        if found is None:
            return Location(page=page, line=line, start=start, end=end)
        pdf_page, printed, bbox = found
        return Location(page=printed, pdf_page=pdf_page, line=line, start=start, end=end, bbox=bbox)

    def facts(self, facts: Sequence[NumericFact], blocks: Sequence[RawBlock]) -> tuple[NumericFact, ...]:
        """``facts`` with the place each stands in the input, found by aligning its block with its span."""
        if not self.text:
            return tuple(facts)
        aligned: tuple[int, list[int]] | None = None  # one block's alignment at a time: facts come block by block
        out = []
        for fact in facts:
            if fact.block_index >= len(blocks):
                out.append(fact)
                continue
            block = blocks[fact.block_index]
            if aligned is None or aligned[0] != fact.block_index:
                aligned = (fact.block_index, self._align(block))
            where = aligned[1]
            start = where[min(fact.start, len(where) - 1)]
            end = where[min(fact.end, len(where)) - 1] + 1 if fact.end > fact.start else start
            out.append(fact.model_copy(update={"location": self.at(start, max(end, start), page=block.span.page)}))
        return tuple(out)

    def _align(self, block: RawBlock) -> list[int]:
        """For each character of the block's text, its offset in the input.

        The block's text is the input of its span folded, with markers, page
        furniture, line breaks and spaces taken out: each character is matched
        to the next input character that folds to it.
        """
        span = block.span
        window = normalise(self.text[span.start : span.end])
        folded = window.text
        where: list[int] = []
        cursor = 0
        for char in block.text:
            found = folded.find(char, cursor, cursor + _LOOKAHEAD)
            if found == -1:
                where.append(span.start + window.to_source(min(cursor, max(0, len(folded) - 1)),
                                                           min(cursor, max(0, len(folded) - 1)) + 1)[0]
                             if folded else span.start)
                continue
            where.append(span.start + window.to_source(found, found + 1)[0])
            cursor = found + 1
        return where or [span.start]

    def _line(self, offset: int) -> int:
        if self._newlines is None:  # packed: a list of ints would cost ten times the text
            self._newlines = array("q", (match.start() for match in _NEWLINE.finditer(self.text)))
        return bisect.bisect_right(self._newlines, offset - 1) + 1


_NEWLINE = patterns.compile(r"\n")
_LOOKAHEAD = 120
"""Input characters searched for the next character of a block (furniture lines inside a paragraph are shorter)."""


def diagnostic(raw: RawDiagnostic) -> Diagnostic:
    """The model form of a segment diagnostic."""
    return Diagnostic(level=raw.level, code=raw.code, message=raw.message, location=location(raw.span))


def assemble_bulletin(
    raw: RawIssue, source: Source, recognised: Recognised, *first: Diagnostic, locator: Locator | None = None
) -> BulletinIssue:
    """A ``BulletinIssue`` from a segmented issue and what was recognised in it."""
    locate = locator or Locator()
    articles = tuple(
        _article(article, recognised, recognised.facts[i] if i < len(recognised.facts) else (), locate)
        for i, article in enumerate(raw.articles)
    )
    editorial = raw.editorial
    return BulletinIssue(
        source=source,
        diagnostics=(*first, *(_diagnostic(d, locate) for d in raw.diagnostics), *recognised.diagnostics),
        furniture=raw.furniture,
        title=raw.title or "",
        theme=raw.theme,
        category=raw.category,
        issue_number=raw.issue_number,
        running_number=raw.running_number,
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
        unplaced=tuple(_block(b, {}, locate) for b in raw.unplaced),
        bibliography=recognised.bibliography,
    )


def assemble_journal(
    raw: RawJournal, source: Source, recognised: Recognised, *first: Diagnostic, locator: Locator | None = None
) -> JournalArticle:
    """A ``JournalArticle`` from a segmented article and what was recognised in it."""
    locate = locator or Locator()
    facts = recognised.facts[0] if recognised.facts else ()
    index = {note.note_id: position for position, note in enumerate(raw.footnotes)}
    metadata = {key: value for key, value in raw.metadata.items() if value is not None}
    return JournalArticle.model_validate(
        {
            **metadata,
            "source": source,
            "diagnostics": (*first, *(_diagnostic(d, locate) for d in raw.diagnostics), *recognised.diagnostics),
            "furniture": raw.furniture,
            "title": raw.title or "",
            "title_markers": _markers(raw.title_markers, index),
            "blocks": tuple(_block(b, index, locate) for b in raw.blocks),
            "footnotes": tuple(_footnote(n, recognised, locate) for n in raw.footnotes),
            "tables": tuple(_table(t, recognised, locate) for t in raw.tables),
            "facts": _facts(facts, raw.blocks, locate),
            "unplaced": tuple(_block(b, {}, locate) for b in raw.unplaced),
        }
    )


def _diagnostic(raw: RawDiagnostic, locate: Locator) -> Diagnostic:
    return Diagnostic(level=raw.level, code=raw.code, message=raw.message, location=locate(raw.span))


def _facts(facts: Sequence[NumericFact], blocks: Sequence[RawBlock], locate: Locator) -> tuple[NumericFact, ...]:
    return locate.facts(facts, blocks)


def _article(raw: RawArticle, recognised: Recognised, facts: Sequence[NumericFact], locate: Locator) -> Article:
    index = {note.note_id: position for position, note in enumerate(raw.footnotes)}
    return Article(
        title=raw.title,
        title_markers=_markers(raw.title_markers, index),
        section=raw.section,
        page=raw.page,
        authors=raw.authors,
        blocks=tuple(_block(b, index, locate) for b in raw.blocks),
        footnotes=tuple(_footnote(n, recognised, locate) for n in raw.footnotes),
        tables=tuple(_table(t, recognised, locate) for t in raw.tables),
        facts=_facts(facts, raw.blocks, locate),
        location=locate(raw.span),
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


def _block(raw: RawBlock, index: Mapping[int, int], locate: Locator) -> Block:
    return Block(
        type=raw.type,
        text=raw.text,
        level=raw.level,
        markers=_markers(raw.markers, index),
        location=locate(raw.span),
    )


def _footnote(raw: RawFootnote, recognised: Recognised, locate: Locator) -> FootnoteCitation:
    citation = recognised.citations.get(raw.note_id)
    if citation is None:
        return FootnoteCitation(marker=raw.marker, raw=raw.raw, location=locate(raw.span))
    return citation.model_copy(update={"marker": raw.marker, "raw": raw.raw, "location": locate(raw.span)})


def _table(raw: RawTable, recognised: Recognised, locate: Locator) -> Table:
    return Table(
        number=raw.number,
        caption=raw.caption,
        header=raw.header,
        rows=raw.rows,
        city_roles=recognised.city_roles.get(raw, ()),
        location=locate(raw.span),
    )
