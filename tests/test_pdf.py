"""PDF input: the fixture PDFs read as their text forms do, with page provenance; unreadable PDFs fail clearly."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from agglo_extract import BulletinIssue, JournalArticle, parse
from agglo_extract.errors import AggloExtractError, DamagedPdf, EncryptedPdf, NoPages, NoTextLayer, PdfError
from pdf_compare import compare

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "fixtures" / "pdf"
BAD = PDFS / "bad"
FIXTURE_PDFS = sorted(PDFS.glob("*.pdf")) + sorted((PDFS / "embedded").glob("*.pdf"))
"""Ours in the referenced STSong-Light, and some set in an embedded TrueType font (embedded/)."""
Document = BulletinIssue | JournalArticle


def text_form(pdf: Path) -> Path:
    found = sorted(ROOT.glob(f"fixtures/*/{pdf.stem}.txt"))
    assert len(found) == 1, pdf
    return found[0]


@cache
def parsed(path: Path) -> Document:
    return parse(path)


def articles(document: Document) -> list[BulletinIssue | JournalArticle | object]:
    return list(document.articles) if isinstance(document, BulletinIssue) else [document]


def test_there_are_fixture_pdfs_of_both_kinds() -> None:
    kinds = {parsed(path).kind for path in FIXTURE_PDFS}
    assert kinds == {"bulletin_issue", "journal_article"}


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_fixture_pdf_reads_as_its_text_form(path: Path) -> None:
    score = compare(parsed(text_form(path)), parsed(path))
    assert {"metadata", "headings", "paragraphs", "footnotes", "markers", "tables", "facts"} <= set(score.total)
    assert score.misses == []
    assert score.extras == []


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_source_says_pdf_and_counts_pages(path: Path) -> None:
    document = parsed(path)
    assert document.source.format == "pdf"
    assert document.source.pages is not None and document.source.pages >= 2
    assert document.source.encoding is None


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_blocks_footnotes_tables_and_facts_have_a_page_and_a_box(path: Path) -> None:
    document = parsed(path)
    pages = document.source.pages or 0
    things: list[object] = []
    for article in articles(document):
        things += [*article.blocks, *article.footnotes, *article.tables, *article.facts]  # type: ignore[attr-defined]
    assert things
    for thing in things:
        location = thing.location  # type: ignore[attr-defined]
        assert location is not None, thing
        assert location.pdf_page is not None and 1 <= location.pdf_page <= pages, thing
        assert location.bbox is not None, thing
        x0, top, x1, bottom = location.bbox
        assert 0 <= x0 < x1 and 0 <= top < bottom, thing


def test_printed_page_numbers_are_kept_beside_the_pdf_index() -> None:
    # The bulletins number their pages from the contents page, so printed and PDF pages differ.
    document = parsed(PDFS / "bulletin_changjiang.pdf")
    assert isinstance(document, BulletinIssue)
    pairs = {(b.location.page, b.location.pdf_page) for a in document.articles for b in a.blocks if b.location}
    assert all(page is not None for page, _ in pairs)
    assert any(page != pdf_page for page, pdf_page in pairs)
    # The TOC's page for each article is the printed page its title stands on.
    for entry, article in zip(document.toc, document.articles):
        assert article.location is not None
        assert entry.page == article.location.page, article.title


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_fact_stands_inside_its_box_on_its_page(path: Path) -> None:
    import pdfplumber

    document = parsed(path)
    facts = [f for a in articles(document) for f in a.facts]  # type: ignore[attr-defined]
    with pdfplumber.open(path) as pdf:
        for fact in facts[:: max(1, len(facts) // 12)]:
            assert fact.location is not None and fact.location.bbox is not None
            page = pdf.pages[fact.location.pdf_page - 1]
            x0, top, x1, bottom = fact.location.bbox
            words = page.crop((x0 - 1, top - 1, x1 + 1, bottom + 1)).extract_text().replace("\n", "").replace(" ", "")
            text = fact.text.replace(" ", "")
            # A fact cut by a page break has its box on the page it starts on.
            shown = next(text[:n] for n in range(len(text), 0, -1) if text[:n] in words)
            assert shown == text or (len(shown) >= 2 and words.endswith(shown)), (fact.text, words[:80])


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_running_heads_and_page_numbers_are_furniture_not_text(path: Path) -> None:
    document = parsed(path)
    assert document.furniture
    paragraphs = [b.text for a in articles(document) for b in a.blocks]  # type: ignore[attr-defined]
    for line in document.furniture:
        if len(line) >= 6:
            assert not any(line in text for text in paragraphs), line


def test_two_column_pages_are_read_column_by_column() -> None:
    document = parsed(PDFS / "journal_regional_planning.pdf")
    assert isinstance(document, JournalArticle)
    # Interleaved columns would start paragraphs mid-sentence.
    assert document.blocks[0].type == "paragraph"
    assert not any(block.text.startswith(("、", "，", "。")) for block in document.blocks)


@pytest.mark.parametrize("path", FIXTURE_PDFS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_pdf_leaves_unplaced_what_the_text_leaves_unplaced(path: Path) -> None:
    def unplaced(document: Document) -> list[str]:
        return sorted(d.message for d in document.diagnostics if d.code == "text-unplaced")

    assert unplaced(parsed(path)) == unplaced(parsed(text_form(path)))


@pytest.mark.parametrize(
    ("name", "error", "code"),
    [
        ("encrypted.pdf", EncryptedPdf, "pdf-encrypted"),
        ("truncated.pdf", DamagedPdf, "pdf-damaged"),
        ("not_really.pdf", DamagedPdf, "pdf-damaged"),
        ("no_pages.pdf", NoPages, "pdf-no-pages"),
        ("scanned.pdf", NoTextLayer, "no-text-layer"),
    ],
)
def test_an_unreadable_pdf_gives_its_own_clear_error(name: str, error: type[PdfError], code: str) -> None:
    path = BAD / name
    with pytest.raises(error) as caught:
        parse(path)
    assert caught.value.code == code
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, AggloExtractError)


def test_a_scanned_pdf_says_ocr_is_needed() -> None:
    with pytest.raises(NoTextLayer, match="OCR"):
        parse(BAD / "scanned.pdf")


def test_pdf_bytes_parse_as_the_file_does() -> None:
    path = PDFS / "journal_urban_economy.pdf"
    from_bytes = parse(path.read_bytes())
    assert from_bytes.source.sha256 == parsed(path).source.sha256
    assert from_bytes.model_dump(exclude={"source"}) == parsed(path).model_dump(exclude={"source"})


def test_import_does_not_load_pdfplumber_or_jieba() -> None:
    names = "('pdfplumber', 'pdfminer', 'jieba')"
    code = f"import sys, agglo_extract; print(sorted(m for m in {names} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
