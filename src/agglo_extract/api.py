"""parse(source): load → normalise → segment → recognise → assemble. Orchestration only."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .assemble import Recognised, assemble_bulletin
from .errors import EmptyInput
from .load.text import LoadedText, load_text, read_source
from .models import BulletinIssue, JournalArticle, Source
from .normalise import normalise
from .assemble import diagnostic
from .models import Diagnostic, FootnoteCitation
from .recognise.citation import parse_footnote
from .recognise.facts import find_facts_in_blocks
from .recognise.places import city_code
from .recognise.tables import find_city_roles
from .segment.bulletin import segment_bulletin
from .segment.raw import RawDiagnostic, RawFootnote, RawIssue

Kind = Literal["bulletin_issue", "journal_article"]


def parse(
    source: str | bytes | Path, *, kind: Kind | None = None, facts: bool = True
) -> BulletinIssue | JournalArticle:
    """Parse a bulletin issue or journal article.

    ``source`` is a path (``Path``), the bytes of a file, or a ``str`` of text
    (a ``str`` is never taken as a path). ``facts=False`` skips the numeric
    facts (and so the loading of jieba).
    """
    data, path = read_source(source)
    loaded = load_text(data, path=path)
    if not loaded.text.strip():
        raise EmptyInput("the input holds no text", path=path)
    normalised = normalise(loaded.text)
    raw = segment_bulletin(normalised)
    return assemble_bulletin(raw, _source(loaded), _recognise_bulletin(raw, facts=facts))


def _source(loaded: LoadedText) -> Source:
    return Source(path=loaded.path, sha256=loaded.sha256, format="text", pages=None, encoding=loaded.encoding)


def _recognise_bulletin(raw: RawIssue, *, facts: bool) -> Recognised:
    city_roles = {
        table: roles
        for article in raw.articles
        for table in article.tables
        if (roles := find_city_roles(table.header, table.rows, city_code=city_code))
    }
    diagnostics: list[Diagnostic] = []
    citations = {
        note.note_id: _citation(note, diagnostics) for article in raw.articles for note in article.footnotes
    }
    article_facts = [
        find_facts_in_blocks([block.text for block in article.blocks], issue_date=raw.publication_date)
        if facts
        else []
        for article in raw.articles
    ]
    return Recognised(citations=citations, facts=article_facts, city_roles=city_roles, diagnostics=diagnostics)


def _citation(note: RawFootnote, diagnostics: list[Diagnostic]) -> FootnoteCitation:
    citation = parse_footnote(note.raw, marker=note.marker)
    level: Literal["info", "warning"]
    if citation.warnings and citation.title is None:
        level, code = "warning", "citation-unparsed"
    elif citation.warnings:
        level, code = "info", "citation-repaired"
    else:
        return citation
    message = f"note {note.marker}: " + "; ".join(citation.warnings)
    diagnostics.append(diagnostic(RawDiagnostic(level, code, message, note.span)))
    return citation
