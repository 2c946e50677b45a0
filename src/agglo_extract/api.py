"""parse(source): load → normalise → segment → recognise → assemble. Orchestration only."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from .assemble import Locator, Recognised, assemble_bulletin, assemble_journal, diagnostic
from .errors import EmptyInput
from .limits import Limits, pattern_timeout
from .load.pdf import open_pdf
from .load.pdf_layout import PdfLayout, read_layout
from .load.pdf_text import PageMap, render
from .load.text import LoadedText, load_text, read_source
from .models import BulletinIssue, Diagnostic, FootnoteCitation, JournalArticle, Location, Source
from .normalise import normalise
from .recognise.bibliography import build_bibliography
from .recognise.citation import is_explanation, parse_footnote
from .recognise.facts import find_facts_in_blocks
from .recognise.places import city_code
from .recognise.tables import find_city_roles
from .segment.bulletin import segment_bulletin
from .segment.journal import segment_journal
from .segment.kind import Kind, detect_kind
from .segment.raw import RawArticle, RawBlock, RawDiagnostic, RawFootnote, RawIssue, RawJournal, RawTable, Span


def parse(
    source: str | bytes | Path, *, kind: Kind | None = None, facts: bool = True, limits: Limits | None = None
) -> BulletinIssue | JournalArticle:
    """Parse a bulletin issue or journal article.

    ``source`` is a path (``Path``), the bytes of a file, or a ``str`` of text
    (a ``str`` is never taken as a path). The layout is told from the content
    unless ``kind`` names it. ``facts=False`` skips the numeric facts (and so
    the loading of jieba). ``limits`` bounds the input's size (``InputTooLarge``)
    and each pattern's time (a ``pattern-timeout`` diagnostic); ``Limits()`` by default.
    """
    limits = limits or Limits()
    data, path = read_source(source, limits=limits)
    if isinstance(data, bytes) and data.startswith(b"%PDF-"):
        return _parse_pdf(data, path, kind, facts=facts, limits=limits)
    loaded = load_text(data, path=path, limits=limits)
    if not loaded.text.strip():
        raise EmptyInput("the input holds no text", path=path)
    with pattern_timeout(limits.pattern_timeout):
        try:
            document = _parse_text(loaded, kind, facts=facts)
        except TimeoutError:
            document = _timed_out(loaded, kind)
    return _with_decoding(document, loaded)


def _with_decoding(document: BulletinIssue | JournalArticle, loaded: LoadedText) -> BulletinIssue | JournalArticle:
    """Diagnostics for bytes the decoder had to replace, and for an encoding it had to guess."""
    if not loaded.replaced:
        return document
    said = [
        Diagnostic(
            level="warning",
            code="decoded-with-replacement",
            message=f"{loaded.replaced} byte sequence(s) not {loaded.encoding} text, each replaced by U+FFFD "
            f"(the first at {loaded.first_bad}): the file is damaged or truncated",
        )
    ]
    if loaded.guessed:
        said.append(
            Diagnostic(
                level="warning",
                code="decoded-with-fallback",
                message=f"no encoding reads the file whole; read as {loaded.encoding}, which needs the fewest "
                "replacements",
            )
        )
    return document.model_copy(update={"diagnostics": (*document.diagnostics, *said)})


def _parse_pdf(
    data: bytes, path: str | None, kind: Kind | None, *, facts: bool, limits: Limits
) -> BulletinIssue | JournalArticle:
    """A PDF: its pages sorted by geometry, written in the segmenter's layout, then parsed as that text."""
    pdf = open_pdf(data, path=path)
    try:
        limits.check_pages(pdf.page_count, path=path)
        layout = read_layout(pdf, path=path)
    finally:
        pdf.close()
    text, pages = render(layout, "bulletin_issue")
    rule = None
    if kind is None:
        kind, rule = detect_kind(normalise(text).text)
    if kind == "journal_article":
        text, pages = render(layout, "journal_article")
    if not text.strip():
        raise EmptyInput("the PDF holds no text", path=path)
    loaded = LoadedText(text, "utf-8", hashlib.sha256(data).hexdigest(), path, format="pdf")
    with pattern_timeout(limits.pattern_timeout):
        try:
            document = _parse_text(loaded, kind, facts=facts, pages=pages, rule=rule)
        except TimeoutError:
            document = _timed_out(loaded, kind)
    return _with_pdf(document, layout, pages)


def _with_pdf(
    document: BulletinIssue | JournalArticle, layout: PdfLayout, pages: PageMap
) -> BulletinIssue | JournalArticle:
    """The PDF's own facts added: source, page furniture and what the reader noticed."""
    source = document.source.model_copy(update={"format": "pdf", "pages": len(layout.pages), "encoding": None})
    said = tuple(
        Diagnostic(level=note.level, code=note.code, message=note.message,
                   location=None if note.pdf_page is None else Location(pdf_page=note.pdf_page))
        for note in layout.notes
    )
    furniture = tuple(dict.fromkeys((*layout.furniture, *document.furniture)))
    return document.model_copy(
        update={"source": source, "furniture": furniture, "diagnostics": (*document.diagnostics, *said)}
    )


def _parse_text(
    loaded: LoadedText, kind: Kind | None, *, facts: bool, pages: PageMap | None = None, rule: str | None = None
) -> BulletinIssue | JournalArticle:
    normalised = normalise(loaded.text)
    if kind is None:
        kind, rule = detect_kind(normalised.text)
    how = rule if rule is not None else "kind= given by the caller"
    decided = Diagnostic(level="info", code="layout-detected", message=f"read as {kind}: {how}")
    locator = Locator(loaded.text, pages)
    if kind == "journal_article":
        journal = segment_journal(normalised, source_text=loaded.text)
        recognised = _recognise(journal.blocks, journal.footnotes, journal.tables, None, facts=facts)
        return assemble_journal(journal, _source(loaded), recognised, decided, locator=locator)
    issue = segment_bulletin(normalised)
    recognised = _recognise_bulletin(issue.articles, issue.publication_date, facts=facts)
    return assemble_bulletin(issue, _source(loaded), recognised, decided, locator=locator)


def _timed_out(loaded: LoadedText, kind: Kind | None) -> BulletinIssue | JournalArticle:
    """The whole text as one ``unplaced`` block, when a pattern of the segmenter ran out of time."""
    text = loaded.text
    block = RawBlock("unplaced", text, Span(line=1, start=0, end=len(text)))
    said = (
        RawDiagnostic("error", "pattern-timeout", "a pattern ran out of time: the whole text is left unplaced"),
        RawDiagnostic("warning", "text-unplaced", "the whole text is unplaced", block.span),
    )
    if kind == "journal_article":
        return assemble_journal(RawJournal(unplaced=(block,), diagnostics=said), _source(loaded), Recognised())
    return assemble_bulletin(RawIssue(unplaced=(block,), diagnostics=said), _source(loaded), Recognised())


def _source(loaded: LoadedText) -> Source:
    return Source(path=loaded.path, sha256=loaded.sha256, format="text", pages=None, encoding=loaded.encoding)


def _recognise_bulletin(articles: Sequence[RawArticle], issue_date: str | None, *, facts: bool) -> Recognised:
    parts = [_recognise(a.blocks, a.footnotes, a.tables, issue_date, facts=facts) for a in articles]
    bibliography = build_bibliography(
        [
            (article_index, footnote_index, part.citations[note.note_id])
            for article_index, (article, part) in enumerate(zip(articles, parts))
            for footnote_index, note in enumerate(article.footnotes)
        ]
    )
    return Recognised(
        citations={k: v for part in parts for k, v in part.citations.items()},
        facts=[part.facts[0] for part in parts],
        city_roles={k: v for part in parts for k, v in part.city_roles.items()},
        bibliography=bibliography,
        diagnostics=[d for part in parts for d in part.diagnostics],
    )


def _recognise(
    blocks: Iterable[RawBlock],
    footnotes: Iterable[RawFootnote],
    tables: Iterable[RawTable],
    issue_date: str | None,
    *,
    facts: bool,
) -> Recognised:
    """Citations, facts and city roles of one article."""
    diagnostics: list[Diagnostic] = []
    citations = {note.note_id: _citation(note, diagnostics) for note in footnotes}
    texts = [block.text for block in blocks]
    found = find_facts_in_blocks(texts, issue_date=issue_date, diagnostics=diagnostics) if facts else []
    city_roles = {table: roles for table in tables if (roles := find_city_roles(table.header, table.rows,
                                                                               city_code=city_code))}
    return Recognised(citations=citations, facts=[found], city_roles=city_roles, diagnostics=diagnostics)


def _citation(note: RawFootnote, diagnostics: list[Diagnostic]) -> FootnoteCitation:
    citation = parse_footnote(note.raw, marker=note.marker)
    level: Literal["info", "warning"]
    if citation.warnings and citation.title is None and is_explanation(note.raw):
        level, code = "info", "note-explanatory"
        citation = citation.model_copy(update={"warnings": ("an explanation, not a citation",)})
    elif citation.warnings and citation.title is None:
        level, code = "warning", "citation-unparsed"
    elif citation.warnings:
        level, code = "info", "citation-repaired"
    else:
        return citation
    message = f"note {note.marker}: " + "; ".join(citation.warnings)
    diagnostics.append(diagnostic(RawDiagnostic(level, code, message, note.span)))
    return citation
