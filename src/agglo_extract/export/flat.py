"""Flat rows for analysts: one row per numeric fact, per city role, per footnote citation.

Each ``iter_*`` function yields plain dicts whose values are ``str``,
``int``, ``float`` or ``None``, keyed by the column names below in that order,
so ``pandas.DataFrame(iter_facts(doc))`` or ``csv.DictWriter`` take them as
they are (no pandas dependency here). ``write_csv`` writes them as UTF-8 with
a byte order mark, which Excel needs to show Chinese text and which
``pandas.read_csv`` and Python's ``csv`` (``encoding="utf-8-sig"``) skip.

Every row starts with the columns that say where it comes from:

==================== =========================================================
``source_path``      the input file (``source.path``); empty for standard input
``source_sha256``    hash of the input bytes (``source.sha256``)
``document_kind``    ``bulletin_issue`` or ``journal_article``
``publication``      the bulletin's title (信息参考) or the journal (中州学刊)
``publication_year`` the year of the issue
``publication_issue`` the issue: a bulletin's ``issue_number``, a journal's ``issue`` (text)
``publication_date`` ISO date of the issue, when printed
``article_index``    the article in ``issue.articles``; empty for a journal article
``article_title``    the article's title (a journal article's own title)
``page``             the printed page: the fact's, table's or note's own when
                     known (a PDF input), else its block's, else the article's
``pdf_page``         the 1-based page of a PDF input; empty for text
==================== =========================================================

``FACT_COLUMNS`` add ``block_index``, ``start``, ``end`` (``text`` is
``blocks[block_index].text[start:end]``, the blocks of the article, or of the
journal article), ``block_line`` (the input line the block starts on),
``line``, ``input_start``, ``input_end`` (where the fact stands in the decoded
input: for a PDF, the text its pages were laid out as) and the
fact's own fields: ``text``, ``value``, ``value_max``, ``unit``,
``raw_unit``, ``kind``, ``qualifier``, ``metric``, ``subject``, ``period``,
``per``.

``CITY_ROLE_COLUMNS`` add ``table_index`` (in the article's ``tables``),
``table_number`` (表1 → 1), ``caption``, ``role_index`` (in the table's
``city_roles``), ``city``, ``city_code``, ``advantages``, ``roles``, and where
the table stands in the decoded input: ``table_line``, ``table_start``,
``table_end``.

``CITATION_COLUMNS`` add ``footnote_index`` (in the article's ``footnotes``),
``note_line``, ``marker``, ``csl_id`` (the ``id`` of the item in the CSL-JSON
export, the same for the same work wherever it is cited; empty for a note
that is no reference), ``csl_type`` and the
citation's fields: ``authors`` (joined with ``"; "``), ``title``,
``type_code``, ``carrier``, ``container``, ``publisher``, ``place``, ``year``,
``date``, ``volume``, ``issue``, ``pages``, ``url``, ``doi``,
``access_date``, ``raw``, ``warnings`` (joined with ``"; "``).

>>> from pathlib import Path
>>> from agglo_extract import parse
>>> doc = parse(Path("fixtures/journals/journal_urban_economy.txt"))
>>> row = next(iter_facts(doc))
>>> list(row) == list(FACT_COLUMNS)
True
>>> doc.blocks[row["block_index"]].text[row["start"]:row["end"]] == row["text"]
True
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ..models import Block, BulletinIssue, FootnoteCitation, JournalArticle, Location, NumericFact, Table
from .csl import csl_type, item_id, to_csl_json

__all__ = [
    "CITATION_COLUMNS",
    "CITY_ROLE_COLUMNS",
    "DOCUMENT_COLUMNS",
    "FACT_COLUMNS",
    "Row",
    "iter_citations",
    "iter_city_roles",
    "iter_csl_items",
    "iter_facts",
    "write_csv",
]

Row = dict[str, str | int | float | None]
"""One flat row: column name → a plain value."""

DOCUMENT_COLUMNS = (
    "source_path", "source_sha256", "document_kind", "publication", "publication_year", "publication_issue",
    "publication_date", "article_index", "article_title", "page", "pdf_page",
)
FACT_COLUMNS = (
    *DOCUMENT_COLUMNS, "block_index", "start", "end", "block_line", "line", "input_start", "input_end", "text",
    "value", "value_max", "unit", "raw_unit", "kind", "qualifier", "metric", "subject", "period", "per",
)
CITY_ROLE_COLUMNS = (
    *DOCUMENT_COLUMNS, "table_index", "table_number", "caption", "role_index", "city", "city_code", "advantages",
    "roles", "table_line", "table_start", "table_end",
)
CITATION_COLUMNS = (
    *DOCUMENT_COLUMNS, "footnote_index", "note_line", "marker", "csl_id", "csl_type", "authors", "title", "type_code",
    "carrier", "container", "publisher", "place", "year", "date", "volume", "issue", "pages", "url", "doi",
    "access_date", "raw", "warnings",
)


@dataclass(frozen=True, slots=True)
class _Part:
    """An article of an issue, or a journal article seen as one: what rows are grouped by."""

    index: int | None
    title: str
    page: int | None
    blocks: Sequence[Block]
    facts: Sequence[NumericFact]
    tables: Sequence[Table]
    footnotes: Sequence[FootnoteCitation]


def _parts(document: BulletinIssue | JournalArticle) -> Iterator[_Part]:
    if isinstance(document, JournalArticle):
        yield _Part(None, document.title, None, document.blocks, document.facts, document.tables, document.footnotes)
        return
    for index, article in enumerate(document.articles):
        yield _Part(index, article.title, article.page, article.blocks, article.facts, article.tables,
                    article.footnotes)


def _document_row(document: BulletinIssue | JournalArticle) -> Row:
    if isinstance(document, JournalArticle):
        publication, issue = document.journal, document.issue
    else:
        publication = document.title
        issue = str(document.issue_number) if document.issue_number is not None else None
    return {
        "source_path": document.source.path,
        "source_sha256": document.source.sha256,
        "document_kind": document.kind,
        "publication": publication,
        "publication_year": document.year,
        "publication_issue": issue,
        "publication_date": document.publication_date,
    }


def _part_row(head: Row, part: _Part, *places: Location | None) -> Row:
    """The columns of ``head`` and ``part``; the page is taken from the first of ``places`` that knows it."""
    page = next((place.page for place in places if place is not None and place.page is not None), part.page)
    pdf_page = next((place.pdf_page for place in places if place is not None and place.pdf_page is not None), None)
    return {**head, "article_index": part.index, "article_title": part.title, "page": page, "pdf_page": pdf_page}


def iter_facts(document: BulletinIssue | JournalArticle) -> Iterator[Row]:
    """One row per numeric fact, in reading order (columns: ``FACT_COLUMNS``)."""
    head = _document_row(document)
    for part in _parts(document):
        for fact in part.facts:
            block = part.blocks[fact.block_index] if fact.block_index < len(part.blocks) else None
            place = block.location if block is not None else None
            own = fact.location
            row = _part_row(head, part, own, place)
            row.update({
                "block_index": fact.block_index, "start": fact.start, "end": fact.end,
                "block_line": place.line if place is not None else None,
                "line": own.line if own is not None else None,
                "input_start": own.start if own is not None else None,
                "input_end": own.end if own is not None else None,
                "text": fact.text, "value": fact.value, "value_max": fact.value_max, "unit": fact.unit,
                "raw_unit": fact.raw_unit, "kind": fact.kind, "qualifier": fact.qualifier, "metric": fact.metric,
                "subject": fact.subject, "period": fact.period, "per": fact.per,
            })
            yield row


def iter_city_roles(document: BulletinIssue | JournalArticle) -> Iterator[Row]:
    """One row per city of every city-role table (columns: ``CITY_ROLE_COLUMNS``)."""
    head = _document_row(document)
    for part in _parts(document):
        for table_index, table in enumerate(part.tables):
            place = table.location
            for role_index, role in enumerate(table.city_roles):
                row = _part_row(head, part, place)
                row.update({
                    "table_index": table_index, "table_number": table.number, "caption": table.caption,
                    "role_index": role_index, "city": role.city, "city_code": role.city_code,
                    "advantages": role.advantages, "roles": role.roles,
                    "table_line": place.line if place is not None else None,
                    "table_start": place.start if place is not None else None,
                    "table_end": place.end if place is not None else None,
                })
                yield row


def iter_citations(document: BulletinIssue | JournalArticle) -> Iterator[Row]:
    """One row per footnote citation, where it is printed (columns: ``CITATION_COLUMNS``).

    A work cited in several notes gives several rows with the same ``csl_id``;
    a note that is no reference (no title: an explanatory note, 同上) has none.
    """
    head = _document_row(document)
    for part in _parts(document):
        for footnote_index, citation in enumerate(part.footnotes):
            place = citation.location
            reference = citation.title is not None
            row = _part_row(head, part, place)
            row.update({
                "footnote_index": footnote_index, "note_line": place.line if place is not None else None,
                "marker": citation.marker,
                "csl_id": item_id(citation) if reference else None,
                "csl_type": csl_type(citation) if reference else None,
                "authors": "; ".join(citation.authors) or None, "title": citation.title,
                "type_code": citation.type_code, "carrier": citation.carrier, "container": citation.container,
                "publisher": citation.publisher, "place": citation.place, "year": citation.year,
                "date": citation.date, "volume": citation.volume, "issue": citation.issue, "pages": citation.pages,
                "url": citation.url, "doi": citation.doi, "access_date": citation.access_date, "raw": citation.raw,
                "warnings": "; ".join(citation.warnings) or None,
            })
            yield row


def iter_csl_items(document: BulletinIssue | JournalArticle) -> Iterator[dict[str, Any]]:
    """The CSL-JSON item (``to_csl_json``) of every footnote that is a reference, in reading order.

    Items of the same work have the same ``id`` (the rows' ``csl_id``): keep
    the first of each id for a collection's reference list.
    """
    for part in _parts(document):
        for citation in part.footnotes:
            if citation.title is not None:
                yield to_csl_json(citation)


def write_csv(
    file: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, object]], *, header: bool = True
) -> int:
    """Write ``rows`` to ``file`` (opened with ``newline=""``); ``None`` is an empty cell. Returns the row count.

    Open the file with ``encoding="utf-8-sig"`` for Excel (see the module docstring).
    """
    writer = csv.DictWriter(file, fieldnames=columns, extrasaction="raise")
    if header:
        writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
