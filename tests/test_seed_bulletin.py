"""Seed 000 (a real bulletin in converter text): the structure the foundation issue asks for.

Skipped when ../shared/seeds is absent. Expectations are about structure
(counts, links, joins); the few strings checked are read from the seed itself.
"""

from __future__ import annotations

import re

import pytest

from agglo_extract import BulletinIssue, parse
from helpers import seed_path

pytestmark = pytest.mark.seed


@pytest.fixture(scope="module")
def seed_text() -> str:
    return seed_path("000_7cf66135544dacb7.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def issue(seed_text: str) -> BulletinIssue:
    document = parse(seed_text)
    assert isinstance(document, BulletinIssue)
    return document


def test_masthead(issue: BulletinIssue) -> None:
    assert (issue.title, issue.theme, issue.category) == ("信息参考", "聚焦北部湾城市群", "专题信息")
    assert (issue.issue_number, issue.year, issue.publication_date) == (11, 2017, "2017-11-25")
    assert issue.publisher == "广西壮族自治区图书馆"
    assert issue.notice is not None and "内部资料" in issue.notice


def test_editorial_and_contact(issue: BulletinIssue) -> None:
    assert issue.editorial is not None and issue.contact is not None
    assert issue.editorial.editor_in_chief == ("韦江",)
    assert issue.editorial.deputy_editors == ("黄艳",)
    assert issue.editorial.board == ("洗育华", "马小红")
    assert issue.editorial.issue_editors == ("马小红",)
    assert issue.editorial.edited_by == "广西壮族自治区图书馆信息服务部"
    assert issue.contact.postcode == "530022"
    assert issue.contact.phone == "0771-5860411" and issue.contact.fax == "0771-5860397"
    assert issue.contact.email == "gxtsgxxfbw@163.com"
    assert issue.contact.address is not None and issue.contact.address.endswith("号")


def test_toc_and_articles(issue: BulletinIssue) -> None:
    assert len(issue.toc) == 9
    assert [e.section for e in issue.toc].count(None) == 0
    assert len({e.section for e in issue.toc}) == 3
    assert [e.page for e in issue.toc] == [2, 3, 5, 7, 9, 13, 17, 21, 23]
    assert len(issue.articles) == 9
    for entry, article in zip(issue.toc, issue.articles):
        assert (article.section, article.page) == (entry.section, entry.page)
        assert article.title == entry.title


def test_editor_note(issue: BulletinIssue, seed_text: str) -> None:
    assert issue.editor_note is not None
    assert not issue.editor_note.startswith("编者按")
    assert issue.editor_note.count("\n") == 1
    first = seed_text.split("编者按：", 1)[1].split("。", 1)[0]
    assert issue.editor_note.startswith(first.replace(" ", ""))


def test_all_notes_attached_and_taken_out_of_paragraphs(issue: BulletinIssue, seed_text: str) -> None:
    printed = re.findall(r"^\^[①-⑳]", seed_text, flags=re.MULTILINE)
    assert len(printed) == 16
    assert sum(len(a.footnotes) for a in issue.articles) == 16
    assert [len(a.footnotes) for a in issue.articles] == [2, 4, 1, 3, 2, 1, 1, 1, 1]
    for article in issue.articles:
        for block in article.blocks:
            assert "[N/OL]" not in block.text and "http" not in block.text and "^" not in block.text
            assert "[J]" not in block.text


def test_every_marker_links_to_its_note(issue: BulletinIssue) -> None:
    markers = 0
    for article in issue.articles:
        refs = [*article.title_markers, *(m for b in article.blocks for m in b.markers)]
        for ref in refs:
            markers += 1
            assert ref.footnote_index is not None
            assert article.footnotes[ref.footnote_index].marker == ref.marker
        linked = {ref.footnote_index for ref in refs}
        assert linked == set(range(len(article.footnotes)))
    assert markers == 16
    assert not [d for d in issue.diagnostics if d.code in ("marker-unlinked", "text-unplaced")]


def test_city_table(issue: BulletinIssue) -> None:
    tables = [t for a in issue.articles for t in a.tables]
    assert len(tables) == 1
    table = tables[0]
    assert table.number == 1 and table.caption and not table.caption.startswith("表")
    assert table.header[0] == "城市" and len(table.rows) == 4
    assert [r.city for r in table.city_roles] == [row[0] for row in table.rows]
    assert all(r.roles and r.advantages for r in table.city_roles)


def test_no_front_matter_or_toc_lines_in_paragraphs(issue: BulletinIssue) -> None:
    toc_titles = {e.title for e in issue.toc}
    for article in issue.articles:
        for block in article.blocks:
            assert block.text not in toc_titles
            assert "主办" not in block.text[:6] and "邮 编" not in block.text
            assert not block.text.startswith("|")


def test_cut_sentences_are_whole_again(issue: BulletinIssue, seed_text: str) -> None:
    """Every paragraph that a page break cut (the line after a note block or blank) is joined back."""
    paragraphs = [b for a in issue.articles for b in a.blocks if b.type == "paragraph"]
    lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    cuts = 0
    for before, after in zip(lines, lines[1:]):
        if len(before) > 40 and not before.startswith(("^", "|", "<")) and before[-1] not in "。！？；：”）":
            continuation = next(
                (line for line in lines[lines.index(after):] if not line.startswith(("^", "<", "|"))
                 and len(line) > 5 and line[-1] in "。！？"), None)
            assert continuation is not None
            head = before.replace(" ", "")[-6:]
            tail = continuation.replace(" ", "")[:6]
            joined = [p for p in paragraphs if head + tail in p.text.replace(" ", "")]
            if joined:
                cuts += 1
    assert cuts >= 12
    for paragraph in paragraphs[:-1]:
        assert paragraph.text[-1] in "。！？；：”）", paragraph.text[-30:]
