"""The layout round trip: ``parse(format_text(issue)) == issue`` for generated issues.

The strategy builds issues that the converter layout can represent and page
breaks anywhere a page can end: before a block, or inside a paragraph
(mid-sentence). Footnote markers are numbered from ① again on every page, as
printed bulletins do. This checks that the segmenter understands the layout,
not one document.

The domain excludes what the layout cannot say or what is recognised later,
not segmented: provenance, source and diagnostics, facts, citation fields
other than ``marker`` and ``raw``, the bibliography and city roles; paragraph
pieces before a mid-paragraph break are at least 25 characters long (a
shorter unpunctuated line reads as a heading, as it would to a person).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from agglo_extract import Article, Block, BulletinIssue, FootnoteCitation, MarkerRef, Source, Table, TocEntry, parse
from agglo_extract.export.text import PageBreak, format_text
from agglo_extract.models import Contact, Editorial
from agglo_extract.segment.articles import title_similarity

pytestmark = pytest.mark.property

WORDS = ("城市", "发展", "规划", "经济", "区域", "交通", "产业", "合作", "开放", "港口", "物流", "旅游", "金融",
         "建设", "协同", "江河", "湖泊", "山区", "枢纽", "新区", "创新", "生态", "绿色", "人才", "科技", "制造",
         "市场", "农业", "能源", "水运", "航空", "铁路", "园区", "文化", "服务", "贸易", "口岸", "通道")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SENTENCE_END = set("。！？!?…；;：:”’」』）)》.】")


def phrase(low: int, high: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=low, max_size=high).map("".join)


def sentence() -> st.SearchStrategy[str]:
    parts = st.lists(phrase(2, 6), min_size=1, max_size=3)
    number = st.integers(2, 9999).map(str)
    return st.tuples(parts, number).map(lambda p: "，".join(p[0]) + f"达到{p[1]}个" + "。")


paragraph_text = st.lists(sentence(), min_size=1, max_size=4).map("".join)
heading_text = st.tuples(st.sampled_from([("", 1), ("一、", 1), ("（二）", 2)]), phrase(2, 4)).map(
    lambda t: (t[0][0] + t[1], t[0][1])
)


@st.composite
def layout_issues(draw: st.DrawFn) -> tuple[BulletinIssue, list[PageBreak]]:
    sections = draw(st.lists(phrase(1, 2), min_size=1, max_size=3, unique=True))
    count = draw(st.integers(1, 4))
    titles = draw(st.lists(phrase(3, 5), min_size=count, max_size=count, unique=True))
    article_sections = sorted(draw(st.lists(st.integers(0, len(sections) - 1), min_size=count, max_size=count)))
    breaks: list[PageBreak] = []
    drafts: list[dict[str, Any]] = []
    for index, title in enumerate(titles):
        blocks: list[tuple[str, str, int | None]] = []
        for _ in range(draw(st.integers(1, 5))):
            if draw(st.booleans()) and (not blocks or blocks[-1][0] == "paragraph"):
                text, level = draw(heading_text)
                blocks.append(("heading", text, level))
            else:
                blocks.append(("paragraph", draw(paragraph_text), None))
        marked = {b: draw(st.lists(st.integers(1, len(blocks[b][1])), max_size=2, unique=True))
                  for b in range(len(blocks)) if draw(st.booleans())}
        title_marked = draw(st.booleans())
        for block_index, (kind, text, _) in enumerate(blocks):
            if draw(st.integers(0, 3)) == 0:
                breaks.append((index, block_index, 0))
            if kind == "paragraph" and draw(st.booleans()):
                cuts = [c for c in range(25, len(text)) if text[c - 1] not in SENTENCE_END]
                if cuts:
                    breaks.append((index, block_index, draw(st.sampled_from(cuts))))
        table = draw(st.none() | st.lists(st.tuples(phrase(1, 2), st.integers(1, 999).map(str)), min_size=1,
                                          max_size=3))
        drafts.append({"title": title, "blocks": blocks, "marked": marked, "title_marked": title_marked,
                       "section": sections[article_sections[index]], "table": table})
    for draft in drafts:
        for _, text, _ in draft["blocks"]:
            assume(all(title_similarity(text, other["title"]) < 0.6 for other in drafts))
    return _issue(draw, drafts, set(breaks)), sorted(set(breaks))


def _issue(draw: st.DrawFn, drafts: list[dict[str, Any]], breaks: set[PageBreak]) -> BulletinIssue:
    page_count = 0
    articles = []
    toc = []
    for index, draft in enumerate(drafts):
        notes: list[FootnoteCitation] = []

        def cite(offset: int, notes: list[FootnoteCitation] = notes) -> MarkerRef:
            nonlocal page_count
            marker = CIRCLED[page_count % len(CIRCLED)]
            page_count += 1
            author = draw(phrase(1, 1))
            title = draw(phrase(2, 4))
            notes.append(FootnoteCitation(marker=marker, raw=f"{author}. {title}[J]. 城市研究, 2017(3): 12-18."))
            return MarkerRef(offset=offset, marker=marker, footnote_index=len(notes) - 1)

        title_markers = (cite(len(draft["title"])),) if draft["title_marked"] else ()
        blocks = []
        for block_index, (kind, text, level) in enumerate(draft["blocks"]):
            cuts = sorted(c for a, b, c in breaks if (a, b) == (index, block_index))
            if 0 in cuts:
                page_count = 0
            refs = []
            offsets = sorted(draft["marked"].get(block_index, []))
            for cut in [c for c in cuts if c > 0] + [None]:
                for offset in [o for o in offsets if cut is None or o <= cut]:
                    refs.append(cite(offset))
                    offsets.remove(offset)
                if cut is not None:
                    page_count = 0
            blocks.append(Block(type=kind, text=text, level=level, markers=tuple(refs)))
        tables = ()
        if draft["table"]:
            tables = (Table(number=index + 1, caption=f"{draft['title']}指标", header=("指标", "数值"),
                            rows=tuple(draft["table"])),)
        page = index * 2 + 2
        articles.append(Article(title=draft["title"], title_markers=title_markers, section=draft["section"],
                                page=page, blocks=tuple(blocks), footnotes=tuple(notes), tables=tables))
        toc.append(TocEntry(section=draft["section"], title=draft["title"], page=page))
    return BulletinIssue(
        source=Source(sha256="0" * 64, format="text"),
        title="城市参考",
        theme="聚焦" + draw(phrase(1, 2)),
        category="专题信息",
        issue_number=draw(st.integers(1, 24)),
        year=2018,
        publication_date="2018-03-15",
        publisher="某省图书馆",
        notice="尊敬的读者：\n本刊为内部资料，仅供参考。",
        editorial=Editorial(editor_in_chief=("王明",), board=("李华", "赵强"), edited_by="某省图书馆信息部"),
        contact=Contact(postcode="650000", phone="0871-1234567", email="info@example.org"),
        toc=tuple(toc),
        editor_note=draw(st.lists(paragraph_text, min_size=1, max_size=2).map("\n".join)),
        articles=tuple(articles),
    )


def content(document: BulletinIssue) -> dict[str, Any]:
    """What the layout says: no provenance, source, diagnostics or recogniser output."""
    dropped = {"location", "source", "diagnostics", "facts", "bibliography", "city_roles"}

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            if "raw" in value and "marker" in value:
                return {"marker": value["marker"], "raw": value["raw"]}
            return {k: strip(v) for k, v in value.items() if k not in dropped}
        if isinstance(value, list | tuple):
            return [strip(v) for v in value]
        return value

    result: dict[str, Any] = strip(document.model_dump())
    return result


@given(layout_issues())
def test_parse_inverts_format_text(case: tuple[BulletinIssue, list[PageBreak]]) -> None:
    issue, breaks = case
    text = format_text(issue, page_breaks=breaks)
    parsed = parse(text)
    assert isinstance(parsed, BulletinIssue)
    assert content(parsed) == content(issue)
    assert not [d for d in parsed.diagnostics if d.level != "info"]
