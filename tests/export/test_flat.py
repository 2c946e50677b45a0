"""Flat rows and CSV for analysts; CSL-JSON items of every fixture citation have the CSL shape."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

import agglo_extract
from agglo_extract import BulletinIssue, JournalArticle
from agglo_extract.export.csl import to_csl_json
from agglo_extract.export.flat import (
    CITATION_COLUMNS,
    CITY_ROLE_COLUMNS,
    FACT_COLUMNS,
    iter_citations,
    iter_city_roles,
    iter_csl_items,
    iter_facts,
    write_csv,
)
from helpers import FIXTURES

TEXTS = sorted(FIXTURES.glob("issues/*.txt")) + sorted(FIXTURES.glob("layouts/*.txt")) + sorted(
    FIXTURES.glob("journals/*.txt")
)
Doc = BulletinIssue | JournalArticle

# The item types of the CSL 1.0.2 schema (csl-data.json).
CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage",
}


@pytest.fixture(scope="module")
def documents() -> list[Doc]:
    assert TEXTS
    return [agglo_extract.parse(path) for path in TEXTS]


def _blocks(document: Doc, article_index: object) -> tuple[agglo_extract.Block, ...]:
    if isinstance(document, JournalArticle):
        assert article_index in (None, "")
        return document.blocks
    return document.articles[int(str(article_index))].blocks


def _csv_rows(columns: tuple[str, ...], rows: Sequence[Mapping[str, object]]) -> list[dict[str, str]]:
    buffer = io.StringIO(newline="")
    assert write_csv(buffer, columns, rows) == len(rows)
    return list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))


def test_rows_are_plain_values_with_the_documented_columns(documents: list[Doc]) -> None:
    for columns, rows in (
        (FACT_COLUMNS, [r for d in documents for r in iter_facts(d)]),
        (CITY_ROLE_COLUMNS, [r for d in documents for r in iter_city_roles(d)]),
        (CITATION_COLUMNS, [r for d in documents for r in iter_citations(d)]),
    ):
        assert rows
        assert len(set(columns)) == len(columns)
        for row in rows:
            assert tuple(row) == columns
            assert all(value is None or type(value) in (str, int, float) for value in row.values())


def test_every_fact_row_points_into_its_block(documents: list[Doc]) -> None:
    count = 0
    for document in documents:
        rows = _csv_rows(FACT_COLUMNS, list(iter_facts(document)))
        facts = document.facts if isinstance(document, JournalArticle) else [
            f for a in document.articles for f in a.facts
        ]
        assert len(rows) == len(facts)
        for row in rows:
            text = _blocks(document, row["article_index"])[int(row["block_index"])].text
            assert text[int(row["start"]):int(row["end"])] == row["text"]
            assert row["source_sha256"] == document.source.sha256
            float(row["value"])
            count += 1
    assert count > 100


def test_fact_rows_name_issue_article_and_page(documents: list[Doc]) -> None:
    issue = next(d for d in documents if isinstance(d, BulletinIssue) and d.articles and d.articles[0].facts)
    row = next(iter_facts(issue))
    assert row["document_kind"] == "bulletin_issue"
    assert row["publication"] == issue.title and row["publication_issue"] == str(issue.issue_number)
    assert row["article_index"] == 0 and row["article_title"] == issue.articles[0].title
    assert row["page"] == issue.articles[0].page
    journal = next(d for d in documents if isinstance(d, JournalArticle) and d.facts)
    row = next(iter_facts(journal))
    assert row["article_index"] is None and row["article_title"] == journal.title
    assert row["publication"] == journal.journal


def test_every_city_role_row_points_into_its_table(documents: list[Doc]) -> None:
    for path, document in zip(TEXTS, documents):
        source = path.read_text("utf-8")
        for row in _csv_rows(CITY_ROLE_COLUMNS, list(iter_city_roles(document))):
            table_text = source[int(row["table_start"]):int(row["table_end"])]
            assert row["city"] in table_text
            assert source.splitlines()[int(row["table_line"]) - 1] in table_text
            assert row["caption"]


def test_citation_rows_link_to_the_csl_items(documents: list[Doc]) -> None:
    for document in documents:
        ids = {item["id"] for item in iter_csl_items(document)}
        rows = list(iter_citations(document))
        assert {row["csl_id"] for row in rows if row["csl_id"] is not None} == ids
        for row in rows:
            assert (row["csl_id"] is None) == (row["title"] is None)


def _citations(document: Doc) -> list[agglo_extract.FootnoteCitation]:
    if isinstance(document, JournalArticle):
        return list(document.footnotes)
    return [c for a in document.articles for c in a.footnotes] + [e.citation for e in document.bibliography]


def test_csl_items_have_the_csl_shape_for_every_fixture_citation(documents: list[Doc]) -> None:
    citations = [c for d in documents for c in _citations(d)]
    assert len(citations) > 30
    for citation in citations:
        item = to_csl_json(citation)
        assert isinstance(item["id"], str) and item["id"]
        assert item["type"] in CSL_TYPES
        assert isinstance(item["title"], str) and item["title"]
        if citation.authors:
            assert isinstance(item["author"], list) and len(item["author"]) == len(citation.authors)
            for name in item["author"]:
                assert set(name) in ({"literal"}, {"family", "given"})
                assert all(isinstance(part, str) and part for part in name.values())
        else:
            assert "author" not in item
        if citation.year is not None or citation.date is not None:
            parts = item["issued"]["date-parts"]
            assert isinstance(parts, list) and len(parts) == 1
            assert 1 <= len(parts[0]) <= 3 and all(isinstance(p, int) for p in parts[0])
            assert parts[0][0] == (citation.year if citation.year is not None else int(str(citation.date)[:4]))
        for key in ("accessed", "issued"):
            if key in item:
                assert set(item[key]) == {"date-parts"}


def test_write_csv_leaves_none_empty(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        write_csv(file, ("a", "b"), [{"a": "城市群", "b": None}, {"a": 1.5, "b": 2}])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.DictReader(file)) == [{"a": "城市群", "b": ""}, {"a": "1.5", "b": "2"}]


PDFS = sorted(FIXTURES.glob("pdf/*.pdf"))


@pytest.fixture(scope="module")
def pdf_documents() -> list[Doc]:
    assert PDFS
    return [agglo_extract.parse(path) for path in PDFS]


def _facts(document: Doc) -> list[agglo_extract.NumericFact]:
    if isinstance(document, JournalArticle):
        return list(document.facts)
    return [f for a in document.articles for f in a.facts]


def test_every_column_is_documented() -> None:
    from agglo_extract.export import flat

    doc = flat.__doc__ or ""
    for column in {*FACT_COLUMNS, *CITY_ROLE_COLUMNS, *CITATION_COLUMNS}:
        assert f"``{column}``" in doc, column


def test_fact_rows_of_a_pdf_carry_the_fact_s_own_printed_page(pdf_documents: list[Doc]) -> None:
    crossing = 0
    for document in pdf_documents:
        rows = _csv_rows(FACT_COLUMNS, list(iter_facts(document)))
        facts = _facts(document)
        assert len(rows) == len(facts) > 0
        for row, fact in zip(rows, facts):
            assert fact.location is not None and fact.location.page is not None
            assert row["page"] == str(fact.location.page)
            assert row["pdf_page"] == str(fact.location.pdf_page)
            assert (row["line"], row["input_start"], row["input_end"]) == (
                str(fact.location.line), str(fact.location.start), str(fact.location.end)
            )
            block = _blocks(document, row["article_index"])[int(row["block_index"])]
            assert block.text[int(row["start"]):int(row["end"])] == row["text"] == fact.text
            assert block.location is not None
            crossing += fact.location.page != block.location.page
    assert crossing  # a paragraph running over a page break: its later facts are on the next page


def test_fact_rows_of_a_text_point_into_the_input(documents: list[Doc]) -> None:
    for path, document in zip(TEXTS, documents):
        source = path.read_text("utf-8")
        for row in _csv_rows(FACT_COLUMNS, list(iter_facts(document))):
            assert row["pdf_page"] == ""
            quoted = source[int(row["input_start"]):int(row["input_end"])]
            # the same text but for folded full-width characters and, when a page break or a footnote block
            # stood inside it, what the block joined back over
            ends = [unicodedata.normalize("NFKC", text[i]) for text in (quoted, row["text"]) for i in (0, -1)]
            assert ends[:2] == ends[2:], (quoted, row["text"])
            assert int(row["block_line"]) <= int(row["line"])


def test_city_role_and_citation_rows_of_a_pdf_have_pages(pdf_documents: list[Doc]) -> None:
    roles = [r for d in pdf_documents for r in iter_city_roles(d)]
    citations = [r for d in pdf_documents for r in iter_citations(d)]
    assert roles and citations
    for row in roles + citations:
        assert isinstance(row["page"], int) and isinstance(row["pdf_page"], int)


def test_csl_items_of_the_pdf_fixtures_have_the_csl_shape(pdf_documents: list[Doc]) -> None:
    items = [to_csl_json(c) for d in pdf_documents for c in _citations(d)]
    assert len(items) > 30
    for item in items:
        assert item["type"] in CSL_TYPES and isinstance(item["title"], str) and item["title"]
        for name in item.get("author", []):
            assert set(name) in ({"literal"}, {"family", "given"})
        if "issued" in item:
            assert isinstance(item["issued"]["date-parts"][0][0], int)
