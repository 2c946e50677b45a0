"""Hypothesis strategies for every public model, in the order of ``models/``.

They build *valid* models from parts: CJK text from a small alphabet of
common characters (so examples stay readable), ISO dates, small integers.
The domain excludes control characters and text that only the segmenter could
produce (for the layout round trip, see ``tests/property``). Importing this
module needs hypothesis (the ``test`` extra); the package never imports it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from . import models as m

HAN = "城市群发展规划经济区域中心交通产业合作开放港口物流旅游金融人口面积增长建设协同南北东西江河湖海山省"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

han_text = st.text(alphabet=HAN, min_size=1, max_size=20)
short_text = st.text(alphabet=HAN + "，、“”《》0123456789.%", min_size=1, max_size=40)
maybe_text = st.none() | short_text
iso_dates = st.dates().map(lambda d: d.isoformat()) | st.integers(1950, 2100).map(str)
small = st.integers(0, 10_000)


def locations() -> st.SearchStrategy[m.Location]:
    bbox = st.tuples(*[st.floats(0, 1000, allow_nan=False)] * 4)
    return st.builds(
        m.Location,
        page=st.none() | small,
        pdf_page=st.none() | small,
        line=st.none() | small,
        start=st.none() | small,
        end=st.none() | small,
        bbox=st.none() | bbox,
    )


def sources() -> st.SearchStrategy[m.Source]:
    return st.builds(
        m.Source,
        path=st.none() | st.text(alphabet="abc/._-", min_size=1, max_size=20),
        sha256=st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
        format=st.sampled_from(["text", "pdf"]),
        pages=st.none() | small,
        encoding=st.none() | st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    )


def diagnostics() -> st.SearchStrategy[m.Diagnostic]:
    return st.builds(
        m.Diagnostic,
        level=st.sampled_from(["info", "warning", "error"]),
        code=st.sampled_from(sorted(m.DIAGNOSTIC_CODES)),
        message=short_text,
        location=st.none() | locations(),
    )


def footnote_citations() -> st.SearchStrategy[m.FootnoteCitation]:
    return st.builds(
        m.FootnoteCitation,
        marker=st.sampled_from(["", *CIRCLED]),
        raw=short_text,
        authors=st.lists(han_text, max_size=3).map(tuple),
        title=maybe_text,
        type_code=st.none() | st.sampled_from(["J", "N", "M", "EB"]),
        year=st.none() | st.integers(1900, 2100),
        date=st.none() | iso_dates,
        url=st.none() | st.just("http://example.org/a.htm"),
        location=st.none() | locations(),
    )


def numeric_facts() -> st.SearchStrategy[m.NumericFact]:
    return st.builds(
        m.NumericFact,
        text=short_text,
        block_index=small,
        start=small,
        end=small,
        value=st.floats(allow_nan=False, allow_infinity=False),
        unit=st.sampled_from(["km2", "CNY", "percent", "座"]),
        raw_unit=short_text,
        kind=st.sampled_from(["quantity", "money", "percent", "growth"]),
        qualifier=st.none() | st.sampled_from(["about", "at_least", "nearly"]),
        metric=maybe_text,
        subject=maybe_text,
        period=st.none() | iso_dates,
    )


def city_roles() -> st.SearchStrategy[m.CityRole]:
    return st.builds(m.CityRole, city=han_text, advantages=maybe_text, roles=maybe_text,
                     city_code=st.none() | st.from_regex(r"\A[1-8]\d{5}\Z"))


def tables() -> st.SearchStrategy[m.Table]:
    cells = st.lists(short_text, min_size=1, max_size=4).map(tuple)
    return st.builds(
        m.Table,
        number=st.none() | st.integers(1, 20),
        caption=maybe_text,
        header=cells,
        rows=st.lists(cells, max_size=4).map(tuple),
        city_roles=st.lists(city_roles(), max_size=3).map(tuple),
        location=st.none() | locations(),
    )


def marker_refs() -> st.SearchStrategy[m.MarkerRef]:
    return st.builds(m.MarkerRef, offset=small, marker=st.sampled_from(CIRCLED),
                     footnote_index=st.none() | st.integers(0, 9))


def blocks() -> st.SearchStrategy[m.Block]:
    return st.builds(
        m.Block,
        type=st.sampled_from(["heading", "paragraph", "unplaced"]),
        text=short_text,
        level=st.none() | st.integers(1, 4),
        markers=st.lists(marker_refs(), max_size=3).map(tuple),
        location=st.none() | locations(),
    )


def editorials() -> st.SearchStrategy[m.Editorial]:
    names = st.lists(han_text, max_size=3).map(tuple)
    return st.builds(m.Editorial, editor_in_chief=names, deputy_editors=names, board=names,
                     issue_editors=names, edited_by=maybe_text)


def contacts() -> st.SearchStrategy[m.Contact]:
    return st.builds(m.Contact, address=maybe_text, postcode=st.none() | st.from_regex(r"\A\d{6}\Z"),
                     phone=maybe_text, fax=maybe_text, email=st.none() | st.emails())


def toc_entries() -> st.SearchStrategy[m.TocEntry]:
    return st.builds(m.TocEntry, section=st.none() | han_text, title=short_text, page=st.none() | st.integers(1, 99))


def articles() -> st.SearchStrategy[m.Article]:
    return st.builds(
        m.Article,
        title=short_text,
        title_markers=st.lists(marker_refs(), max_size=2).map(tuple),
        section=st.none() | han_text,
        page=st.none() | st.integers(1, 99),
        authors=st.lists(han_text, max_size=2).map(tuple),
        blocks=st.lists(blocks(), max_size=3).map(tuple),
        footnotes=st.lists(footnote_citations(), max_size=2).map(tuple),
        tables=st.lists(tables(), max_size=1).map(tuple),
        facts=st.lists(numeric_facts(), max_size=2).map(tuple),
        location=st.none() | locations(),
    )


def footnote_refs() -> st.SearchStrategy[m.FootnoteRef]:
    return st.builds(m.FootnoteRef, article_index=st.integers(0, 9), footnote_index=st.integers(0, 9))


def bibliography_entries() -> st.SearchStrategy[m.BibliographyEntry]:
    return st.builds(m.BibliographyEntry, citation=footnote_citations(),
                     occurrences=st.lists(footnote_refs(), max_size=3).map(tuple))


def bulletin_issues() -> st.SearchStrategy[m.BulletinIssue]:
    return st.builds(
        m.BulletinIssue,
        source=sources(),
        diagnostics=st.lists(diagnostics(), max_size=2).map(tuple),
        title=short_text,
        theme=maybe_text,
        issue_number=st.none() | st.integers(1, 60),
        running_number=st.none() | st.integers(1, 999),
        year=st.none() | st.integers(1990, 2100),
        publication_date=st.none() | iso_dates,
        editorial=st.none() | editorials(),
        contact=st.none() | contacts(),
        toc=st.lists(toc_entries(), max_size=3).map(tuple),
        editor_note=maybe_text,
        articles=st.lists(articles(), max_size=2).map(tuple),
        bibliography=st.lists(bibliography_entries(), max_size=2).map(tuple),
    )


def journal_articles() -> st.SearchStrategy[m.JournalArticle]:
    return st.builds(
        m.JournalArticle,
        source=sources(),
        title=short_text,
        authors=st.lists(han_text, max_size=3).map(tuple),
        journal=maybe_text,
        year=st.none() | st.integers(1990, 2100),
        issue=st.none() | st.integers(1, 12).map(str),
        abstract=maybe_text,
        keywords=st.lists(han_text, max_size=4).map(tuple),
        blocks=st.lists(blocks(), max_size=3).map(tuple),
        footnotes=st.lists(footnote_citations(), max_size=2).map(tuple),
    )


STRATEGIES: dict[type[m.Model], Any] = {
    m.Location: locations,
    m.Source: sources,
    m.Diagnostic: diagnostics,
    m.FootnoteCitation: footnote_citations,
    m.NumericFact: numeric_facts,
    m.CityRole: city_roles,
    m.Table: tables,
    m.MarkerRef: marker_refs,
    m.Block: blocks,
    m.Editorial: editorials,
    m.Contact: contacts,
    m.TocEntry: toc_entries,
    m.Article: articles,
    m.FootnoteRef: footnote_refs,
    m.BibliographyEntry: bibliography_entries,
    m.BulletinIssue: bulletin_issues,
    m.JournalArticle: journal_articles,
}
"""The strategy for each public model class."""
