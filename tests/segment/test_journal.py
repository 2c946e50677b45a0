"""The journal-article layout: front matter, unwrapping, headings, furniture, notes and markers.

Small inline articles written for these tests, then seed 002 (skipped when
../shared/seeds is absent; the strings checked are short or read from the
seed itself) and the fixture journals against their truth files.
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agglo_extract.normalise import normalise
from agglo_extract.segment._journal_text import width
from agglo_extract.segment.journal import segment_journal
from agglo_extract.segment.raw import RawJournal
from helpers import FIXTURES, seed_path

ARTICLE = """ 【城市研究】

某某城市群协同发展的路径研究∗

张 三１， 李 四２

（１． 甲大学 经济学院， 北京 １０００００； ２． 乙研究院， 上海 ２０００００）

摘　 要：本文讨论某某城市群的协同发展问题。 研究发现，城市群内部的分工
仍不明确，应当从规划、产业和治理三个方面入手。

关键词：城市群；协同发展； 治理

中图分类号：Ｆ１２７　　文献标识码：Ａ　　文章编号：１２３４－５６７８（２０２０）０３－００１１－０５

DOI：10.1234/j.cnki.test.2020.03.002

 　 　 城市群是区域发展的主体形态，近年来发展很快，２０１９
年的生产总值增长了 ６５． ７％，人口增长了 ９． ３ 亿人
次。①但是城市群内部的协调问题依然比较突出，需要
进一步研究。

一、城市群协同发展的现状

（一）产业分工

１．制造业分工

城市群制造业的分工格局正在形成，中心城市向服务
业转型的速度明显加快，外围城市承接制造业转移。[1]

（１）服务业

服务业的集聚程度不断提高，中心城市服务业的比重
已经超过一半，外围城市的服务业仍然比较薄弱，需

１１

某某学刊 ２０２０ 年第 ３ 期

要进一步培育。

注释

①某某统计局. 某某统计年鉴2019[M]. 北京: 某某出版
社, 2019.

参考文献：

[1]王五. 城市群分工研究[J]. 某某地理, 2018(2): 1-9.
"""


def segment(text: str) -> RawJournal:
    return segment_journal(normalise(text), source_text=text)


@pytest.fixture(scope="module")
def article() -> RawJournal:
    return segment(ARTICLE)


def paragraphs(raw: RawJournal) -> list[str]:
    return [block.text for block in raw.blocks if block.type == "paragraph"]


def test_front_matter(article: RawJournal) -> None:
    meta = article.metadata
    assert article.title == "某某城市群协同发展的路径研究"
    assert [(m.marker, m.offset) for m in article.title_markers] == [("*", len(article.title))]
    assert meta["column"] == "城市研究"
    assert meta["authors"] == ("张三", "李四")
    assert meta["affiliations"] == ("甲大学经济学院，北京100000", "乙研究院，上海200000")
    assert meta["abstract"] == (
        "本文讨论某某城市群的协同发展问题。研究发现，城市群内部的分工仍不明确，应当从规划、产业和治理三个方面入手。"
    )
    assert meta["keywords"] == ("城市群", "协同发展", "治理")
    assert (meta["classification"], meta["document_code"]) == ("F127", "A")
    assert meta["article_id"] == "1234-5678（2020）03-0011-05"
    assert meta["doi"] == "10.1234/j.cnki.test.2020.03.002"


def test_metadata_from_the_footer(article: RawJournal) -> None:
    meta = article.metadata
    assert (meta["journal"], meta["year"], meta["issue"], meta["pages"]) == ("某某学刊", 2020, "3", "11-12")
    assert article.furniture == ("11", "某某学刊 2020 年第 3 期")


def test_blocks_in_order_with_levels(article: RawJournal) -> None:
    shape = [(block.type, block.level) for block in article.blocks]
    assert shape == [
        ("paragraph", None),
        ("heading", 1),
        ("heading", 2),
        ("heading", 3),
        ("paragraph", None),
        ("heading", 4),
        ("paragraph", None),
    ]
    headings = [block.text for block in article.blocks if block.type == "heading"]
    assert headings == ["一、城市群协同发展的现状", "（一）产业分工", "1.制造业分工", "（1）服务业"]


def test_unwrapped_clean_text(article: RawJournal) -> None:
    first, second, third = paragraphs(article)
    assert first.startswith("城市群是区域发展的主体形态，近年来发展很快，2019年的生产总值增长了65.7%")
    assert "9.3亿人次。但是" in first
    assert "需要进一步研究。" in first
    assert "服务业转型" in second
    assert third.endswith("需要进一步培育。")  # cut by a page number and a footer, joined back
    for text in paragraphs(article):
        assert not re.search(r"[０-９％．]| {2,}", text)
        assert "某某学刊" not in text
        assert "11" not in text


def test_markers_link_to_notes(article: RawJournal) -> None:
    assert [(n.note_id, n.marker, n.raw) for n in article.footnotes] == [
        (0, "①", "某某统计局. 某某统计年鉴2019[M]. 北京: 某某出版社, 2019."),
        (1, "[1]", "王五. 城市群分工研究[J]. 某某地理, 2018(2): 1-9."),
    ]
    first = article.blocks[0]
    (marker,) = first.markers
    assert (marker.marker, marker.note_id) == ("①", 0)
    assert first.text[marker.offset - 1] == "。"
    assert first.text[marker.offset : marker.offset + 2] == "但是"
    (reference,) = article.blocks[4].markers
    assert (reference.marker, reference.note_id, reference.offset) == ("[1]", 1, len(article.blocks[4].text))


def test_spans_point_into_the_source(article: RawJournal) -> None:
    lines = ARTICLE.split("\n")
    for block in article.blocks:
        source = ARTICLE[block.span.start : block.span.end]
        assert source
        assert lines[block.span.line - 1].strip().startswith(source.split("\n")[0].strip())
    heading = article.blocks[1]
    assert ARTICLE[heading.span.start : heading.span.end] == "一、城市群协同发展的现状"
    for note in article.footnotes:
        assert ARTICLE[note.span.start] in "①["
    assert article.blocks[-1].span.page == 11
    assert ARTICLE[article.blocks[-1].span.end - 1] == "。"


def _body(*lines: str) -> str:
    return "题目∗\n\n张 三\n\n摘　 要：一句话的摘要。\n\n关键词：甲；乙\n\n" + "\n".join(lines) + "\n"


FULL = "城市群的发展进入了新的阶段，各地纷纷出台了规划"  # 24 cells: a full line


@pytest.mark.parametrize(
    ("lines", "shape"),
    [
        (("一、总论", FULL, "的意见。"), [("heading", 1), ("paragraph", None)]),
        (("（二）分论", FULL, "的意见。"), [("heading", 2), ("paragraph", None)]),
        (("2.小节", FULL, "的意见。"), [("heading", 3), ("paragraph", None)]),
        (("２．小节", FULL, "的意见。"), [("heading", 3), ("paragraph", None)]),
        (("(3)细目", FULL, "的意见。"), [("heading", 4), ("paragraph", None)]),
        (("（３）细目", FULL, "的意见。"), [("heading", 4), ("paragraph", None)]),
        # a heading wrapped onto a short second line
        (
            ("1.城市群发展的现状与面临的主要问题及其对策研", "究与展望", FULL, "的意见。"),
            [("heading", 3), ("paragraph", None)],
        ),
        # a numbered list item that runs on as a sentence is a paragraph
        (("（1）加强交通体系建设，积极构建和完善城市群之间", "的综合交通运输通道。"), [("paragraph", None)]),
        # a number opening a line inside an unfinished sentence is no heading
        ((FULL, "一、二线城市之间的差距仍然很大。"), [("paragraph", None)]),
        # a decimal number is no heading
        (("一、总论", "2.5倍的增长来自中心城市。"), [("heading", 1), ("paragraph", None)]),
    ],
    ids=["l1", "l2", "l3", "l3-wide", "l4", "l4-wide", "wrapped", "list-item", "mid-sentence", "decimal"],
)
def test_heading_levels(lines: tuple[str, ...], shape: list[tuple[str, int | None]]) -> None:
    raw = segment(_body(*lines))
    assert [(block.type, block.level) for block in raw.blocks] == shape


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a full line ending a sentence does not end the paragraph
        ((FULL + "。", FULL, "的意见。"), [FULL + "。" + FULL + "的意见。"]),
        # a short line ending a sentence does
        ((FULL, "的意见。", FULL, "的意见。"), [FULL + "的意见。", FULL + "的意见。"]),
        # an indented line opens a paragraph after a finished sentence
        ((FULL + "。", "　　" + FULL, "的意见。"), [FULL + "。", FULL + "的意见。"]),
        # Latin words keep one space across a line break, Han text none
        (("该模型称为 spatial", "interaction model，用于测度。"), ["该模型称为spatial interaction model，用于测度。"]),
        # a marker alone on a line belongs to the sentence before
        ((FULL, "的意见。", "②", FULL, "的意见。"), [FULL + "的意见。", FULL + "的意见。"]),
    ],
    ids=["full-line-sentence", "short-line", "indent", "latin", "marker-line"],
)
def test_unwrapping(lines: tuple[str, ...], expected: list[str]) -> None:
    assert paragraphs(segment(_body(*lines))) == expected


def test_text_that_cannot_be_placed_is_kept() -> None:
    text = "题目\n\n张 三\n\n一行无法归类的说明文字\n\n摘　 要：摘要。\n\n关键词：甲；乙\n\n正文。\n"
    raw = segment(text)
    assert [block.text for block in raw.unplaced] == ["一行无法归类的说明文字"]
    assert [d.code for d in raw.diagnostics] == ["text-unplaced"]
    assert raw.diagnostics[0].span == raw.unplaced[0].span
    assert raw.unplaced[0].span.line == 5


def test_a_second_label_of_a_kind_is_kept_as_unplaced() -> None:
    text = "题目\n\n张 三\n\n摘　 要：第一段摘要。\n\n关键词：甲；乙\n\n关键词：丙\n\n" + FULL + "\n的意见。\n"
    raw = segment(text)
    assert raw.metadata["keywords"] == ("甲", "乙")
    assert [b.text for b in raw.unplaced] == ["关键词：丙"]
    assert paragraphs(raw) == [FULL + "的意见。"]


def test_a_label_far_down_does_not_swallow_the_body() -> None:
    text = "题目\n\n张 三\n\n" + "\n".join([FULL, "的意见。"] * 3) + "\n\n中图分类号：F127\n"
    raw = segment(text)
    assert paragraphs(raw) == [FULL + "的意见。"] * 3
    assert raw.unplaced == ()
    assert raw.metadata["classification"] == "F127"


def test_first_page_notes_are_taken_out_of_the_body() -> None:
    text = _body(
        FULL,
        "的意见。城市群的发展进入了新阶段，各地纷纷",
        "基金项目：某某基金项目（12345）",
        "作者简介：张三，男，某某大学副教授。",
        "",
        "7",
        "",
        "某某学刊 2020 年第 3 期",
        "出台了规划。",
    )
    raw = segment(text)
    assert paragraphs(raw) == [FULL + "的意见。城市群的发展进入了新阶段，各地纷纷出台了规划。"]
    assert raw.metadata["funding"] == "某某基金项目（12345）"
    assert [block.text for block in raw.unplaced] == ["作者简介：张三，男，某某大学副教授。"]


@pytest.mark.parametrize("mark", ["∗", "＊", "①", ""])
def test_funding_note_with_its_mark(mark: str) -> None:
    text = (
        "题目"
        + mark
        + "\n\n张 三\n\n摘　 要：摘要。\n\n"
        + FULL
        + "\n的意见。\n"
        + mark
        + "基金项目：某某基金（123）\n"
    )
    raw = segment(text)
    assert raw.metadata["funding"] == "某某基金（123）"
    assert [m.marker for m in raw.title_markers] == ([normalise(mark).text] if mark else [])
    assert paragraphs(raw) == [FULL + "的意见。"]


def test_english_front_matter_after_the_references() -> None:
    text = _body(
        FULL,
        "的意见。[1]",
        "参考文献：",
        "[1]王五. 城市群研究[J]. 某某地理, 2018(2): 1-9.",
        "Research on the Coordinated Growth of",
        "Urban Clusters",
        "ZHANG San",
        "Abstract: Urban clusters grow fast. This paper stud",
        "ies how cities in a cluster share work and how t",
        "heir governments can coordinate the plans they m",
        "ake.",
        "Key words: urban cluster; coordination",
    )
    raw = segment(text)
    meta = raw.metadata
    assert meta["english_title"] == "Research on the Coordinated Growth of Urban Clusters"
    assert meta["english_abstract"] == (
        "Urban clusters grow fast. This paper studies how cities in a cluster share work and how "
        "their governments can coordinate the plans they make."
    )
    assert meta["english_keywords"] == ("urban cluster", "coordination")
    assert [n.marker for n in raw.footnotes] == ["[1]"]
    assert [block.text for block in raw.unplaced] == ["ZHANG San"]


def test_english_abstract_with_a_sentence_ending_a_full_line() -> None:
    text = _body(
        FULL,
        "的意见。",
        "Abstract: Urban clusters grow fast and they grow in many ways at once.",
        "Cities share work, roads and rivers, so their plans need to meet often.",
        "This paper asks how.",
        "Key words: cluster",
    )
    abstract = segment(text).metadata["english_abstract"]
    assert abstract == (
        "Urban clusters grow fast and they grow in many ways at once. "
        "Cities share work, roads and rivers, so their plans need to meet often. This paper asks how."
    )


def test_title_on_two_lines_with_a_subtitle() -> None:
    text = (
        "城市群协同发展的测度\n\n——基于某某城市群的分析∗\n\n王 五　 赵 六\n\n摘　 要：摘要。\n\n"
        + FULL
        + "\n的意见。\n"
    )
    raw = segment(text)
    assert raw.title == "城市群协同发展的测度——基于某某城市群的分析"
    assert raw.metadata["authors"] == ("王五", "赵六")


def test_english_front_matter_before_the_body() -> None:
    text = _body(
        "Coordinated Growth of Urban Clusters",
        "ZHANG San",
        "(Some University, Beijing 100000, China)",
        "Abstract: Urban clusters grow fast.",
        "Key words: urban cluster",
        "　　" + FULL,
        "的意见。",
    )
    raw = segment(text)
    assert raw.metadata["english_title"] == "Coordinated Growth of Urban Clusters"
    assert raw.metadata["english_abstract"] == "Urban clusters grow fast."
    assert paragraphs(raw) == [FULL + "的意见。"]
    assert [b.text for b in raw.unplaced] == ["ZHANG San", "(Some University, Beijing 100000, China)"]


def test_notes_without_a_heading_at_the_end() -> None:
    raw = segment(_body(FULL, "的意见。①", "①某某统计局. 某某年鉴[M]. 北京: 某某出版社, 2019."))
    assert [(n.marker, n.note_id) for n in raw.footnotes] == [("①", 0)]
    assert raw.blocks[-1].markers[0].note_id == 0
    assert paragraphs(raw) == [FULL + "的意见。"]


def test_a_lone_heading_word_without_notes_after_it_is_body() -> None:
    raw = segment(_body("一、城市群研究的相关", "文献", FULL, "的意见。"))
    assert raw.footnotes == ()
    assert [(b.type, b.text) for b in raw.blocks] == [
        ("heading", "一、城市群研究的相关文献"),
        ("paragraph", FULL + "的意见。"),
    ]


def test_unlinked_markers_and_notes_are_reported() -> None:
    raw = segment(_body(FULL, "的意见。③", "注释", "①某某统计局. 某某年鉴[M]. 北京: 某某出版社, 2019."))
    assert sorted((d.code, d.level) for d in raw.diagnostics) == [
        ("footnote-unlinked", "info"),
        ("marker-unlinked", "warning"),
    ]


def test_notes_at_a_page_bottom_are_taken_out_and_linked() -> None:
    raw = segment(
        _body(
            FULL,
            "的意见。①城市群的发展进入了新的阶段，各地纷纷出",
            "①张三. 城市群研究[M]. 北京: 某某出版社, 2019.",
            "",
            "8",
            "",
            "某某学刊 2020 年第 3 期",
            "台了规划。②",
            "",
            "注释",
            "②李四. 都市圈研究[J]. 某某地理, 2018(2): 1-9.",
        )
    )
    assert paragraphs(raw) == [FULL + "的意见。城市群的发展进入了新的阶段，各地纷纷出台了规划。"]
    assert [(n.note_id, n.marker) for n in raw.footnotes] == [(0, "①"), (1, "②")]
    assert [m.note_id for m in raw.blocks[0].markers] == [0, 1]
    assert raw.diagnostics == ()


@pytest.mark.parametrize(
    ("lines", "blocks", "notes"),
    [
        (("①", FULL, "的意见。"), [("paragraph", FULL + "的意见。", 1)], 0),
        (("[1]",), [], 0),
        ((FULL, "的意见。", "①"), [("paragraph", FULL + "的意见。", 1)], 0),
        (("①某某. 题名[M]. 北京: 某某出版社, 2019.",), [("paragraph", "某某.题名[M].北京: 某某出版社, 2019.", 1)], 0),
    ],
    ids=["marker-first", "marker-only", "marker-last", "note-without-body"],
)
def test_markers_at_the_edges(lines: tuple[str, ...], blocks: list[tuple[str, str, int]], notes: int) -> None:
    raw = segment(_body(*lines))
    assert [(b.type, b.text, len(b.markers)) for b in raw.blocks] == blocks
    assert len(raw.footnotes) == notes
    assert [b.text for b in raw.unplaced] == ([lines[0]] if not blocks else [])


def test_empty_text() -> None:
    raw = segment("")
    assert (raw.title, raw.blocks, raw.footnotes, raw.unplaced) == (None, (), (), ())


# --- seed 002 -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, RawJournal]:
    text = seed_path("002_0c12cb4a807f2411.txt").read_text("utf-8")
    return text, segment(text)


def compact(text: str) -> str:
    return "".join(normalise(text).text.split())


@pytest.mark.seed
def test_seed_front_matter(seed: tuple[str, RawJournal]) -> None:
    text, raw = seed
    meta = raw.metadata
    assert meta["column"] == "经济理论与实践"
    assert raw.title == "推进我国城市群高质量发展研究"
    assert [m.marker for m in raw.title_markers] == ["*"]
    assert meta["authors"] == ("杨兰桥",)
    assert (meta["journal"], meta["year"], meta["issue"]) == ("中州学刊", 2018, "7")
    # the abstract is whole: every line of it from the seed, folded, stands in it
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("摘"))
    last = next(i for i in range(first, len(lines)) if lines[i].rstrip().endswith("。") and i > first + 4)
    abstract = str(meta["abstract"])
    assert abstract.startswith(compact(lines[first].split("：", 1)[1])[:10])
    for line in lines[first + 1 : last + 1]:
        if line.strip():
            assert compact(line).replace("。", "")[:8] in abstract.replace("。", "")
    assert abstract.endswith(compact(lines[last])[-6:])


@pytest.mark.seed
def test_seed_headings(seed: tuple[str, RawJournal]) -> None:
    text, raw = seed
    expected = []
    for line in text.split("\n"):
        if re.match(r"^[一二三四五六七八九十]、", line):
            expected.append((compact(line), 1))
        elif re.match(r"^[１-９]．", line):
            expected.append((compact(line), 3))
    headings = [(block.text, block.level) for block in raw.blocks if block.type == "heading"]
    assert len(headings) == len(expected) == 20
    for (found, level), (start, expected_level) in zip(headings, expected):
        assert level == expected_level
        assert found.startswith(start)  # wrapped headings carry their second line too
    assert all(len(text) <= 30 for text, _ in headings)


HEADING_LINE = re.compile(r"^[一二三四五六七八九十]、|^[１-９]．")


@pytest.mark.seed
def test_seed_paragraphs_are_clean_and_whole(seed: tuple[str, RawJournal]) -> None:
    text, raw = seed
    blocks = [block.text for block in raw.blocks]
    body = paragraphs(raw)
    assert any("65.7%" in p for p in body)
    for paragraph in body:
        assert not re.search(r"[０-９％．]", paragraph)
        assert "中州学刊" not in paragraph
        assert not re.search(r"(?<![0-9.])22(?![0-9.])", paragraph)  # the lone page number
    assert set(raw.furniture) == {"22", "中州学刊 2018 年第 7 期"}
    # every join of two lines inside a sentence (across blank lines or the footer) is whole again
    lines = [line for line in text.split("\n") if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith(" 　"))
    content = [line for line in lines[start:] if compact(line) not in {compact(f) for f in raw.furniture}]
    joins = 0
    for before, after in zip(content, content[1:]):
        if compact(before).endswith(("。", "①", "②", "③")) or HEADING_LINE.match(after):
            continue
        if HEADING_LINE.match(before) and len(compact(before)) < 20:  # a heading on one line
            continue
        if len(compact(before)) < 10 and not re.search("[，、。]", before):  # the tail of a wrapped heading
            continue
        seam = compact(before)[-3:] + compact(after)[:3]
        assert any(seam in block for block in blocks), seam
        joins += 1
    assert joins > 250


@pytest.mark.seed
def test_seed_markers_without_notes(seed: tuple[str, RawJournal]) -> None:
    _, raw = seed
    markers = [m for block in raw.blocks for m in block.markers]
    assert [m.marker for m in markers] == ["①", "②", "③"]
    assert all(m.note_id is None for m in markers)  # the seed stops before its notes
    assert raw.footnotes == ()
    assert [d.code for d in raw.diagnostics] == ["marker-unlinked"] * 3


# --- fixture journals -------------------------------------------------------------

JOURNALS = sorted((FIXTURES / "journals").glob("*.txt"))


def _truth(path: Path) -> dict[str, object]:
    truth_path = path.with_suffix(".truth.json")
    if not truth_path.exists():
        pytest.skip(f"{truth_path.name} absent")
    result: dict[str, object] = json.loads(truth_path.read_text("utf-8"))
    return result


def fold(value: object) -> object:
    if isinstance(value, str):
        return compact(value)
    if isinstance(value, (list, tuple)):
        return [fold(item) for item in value]
    return value


@pytest.mark.skipif(not JOURNALS, reason="no fixture journals")
@pytest.mark.parametrize("path", JOURNALS, ids=[p.stem for p in JOURNALS])
def test_fixture_journal(path: Path) -> None:
    truth = _truth(path)
    raw = segment(path.read_text("utf-8"))
    meta = raw.metadata
    assert fold(raw.title) == fold(truth["title"])
    for key in ("column", "funding", "authors", "journal", "issue", "pages", "keywords", "doi"):
        assert fold(meta[key]) == fold(truth[key]), key
    assert meta["year"] == int(str(truth["year"]))
    abstract = str(meta["abstract"])
    assert abstract.startswith(compact(str(truth["abstract_starts"])))
    assert abstract.endswith(compact(str(truth["abstract_ends"])))
    headings = [(block.text, block.level) for block in raw.blocks if block.type == "heading"]
    assert headings == [(compact(h["text"]), h["level"]) for h in truth["headings"]]  # type: ignore[attr-defined]
    body = paragraphs(raw)
    for piece in truth["joined_sentences"]:  # type: ignore[attr-defined]
        assert any(compact(piece) in p for p in body), piece
    for value in truth["percent_values"]:  # type: ignore[attr-defined]
        assert any(value in p for p in body), value
    # the truth counts the 注释 notes (①…); numbered references ([1]…) are footnotes too here
    assert len([n for n in raw.footnotes if not n.marker.startswith("[")]) == truth["footnote_count"]
    markers = [m for block in raw.blocks for m in block.markers]
    assert markers
    assert all(m.note_id is not None for m in markers)
    assert all(raw.footnotes[m.note_id].marker == m.marker for m in markers if m.note_id is not None)


# --- any text -----------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("城市群发展摘要关键词注释参考文献基金项目一二、（）()【】。，；：*∗①②[]1２．.％% 　\n\nabAB年第期-")
)


@given(st.text(_ALPHABET, max_size=400))
def test_any_text_segments_with_spans_in_the_source(text: str) -> None:
    raw = segment(text)
    for block in (*raw.blocks, *raw.unplaced):
        assert 0 <= block.span.start <= block.span.end <= len(text)
        assert block.text.strip() == block.text
        for marker in block.markers:
            assert 0 <= marker.offset <= len(block.text)
            assert marker.note_id is None or raw.footnotes[marker.note_id].marker == marker.marker
    for note in raw.footnotes:
        assert 0 <= note.span.start < note.span.end <= len(text)
    assert all(block.text for block in raw.blocks)


@pytest.mark.seed
def test_seed_full_width_digits_are_half_a_cell_in_print(seed: tuple[str, RawJournal]) -> None:
    # A converter writes ６７．１％ for digits printed narrow: measured at half a cell a digit, the seed's
    # full lines with numbers are as wide as those without (at a whole cell they would stick out).
    text, _ = seed
    widths = [(width(normalise(line).text), any("０" <= c <= "９" for c in line)) for line in text.split("\n")]
    body = [(w, digits) for w, digits in widths if 20 <= w <= 30]
    plain = statistics.median(w for w, digits in body if not digits)
    numbers = sorted(w for w, digits in body if digits)
    assert abs(numbers[len(numbers) * 3 // 4] - plain) <= 1.5


LOST_INDENT_BODY = """一、城市群的现状与问题

（一）跨市通勤规模偏小，同城化程度有待提高和加强
与市域内部的通勤相比，中心城市与周边城市之间
跨市通勤规模明显偏小，通勤圈仍然以本市市域为主。
中心城市是全省的经济中心和重要的交通枢纽之一。
近年来，随着城际铁路的开通和公交线路的延伸，中心城
市与周边城市之间的人员往来明显增多，但是跨市通勤
的总量仍然有限，同城化还处在起步阶段。
"""


def test_a_converter_that_lost_the_paragraph_indents_still_gives_the_paragraphs() -> None:
    # Lines are 24 cells; a first line whose two-cell indent was lost is 22. The second paragraph's first
    # line is a whole sentence: it ends with 。 yet a full line follows, so it opens a paragraph that goes on.
    text = ARTICLE.replace(ARTICLE[ARTICLE.index(" 　 　 城市群是") : ARTICLE.index("注释")], LOST_INDENT_BODY + "\n")
    blocks = [(block.type, block.text) for block in segment(text).blocks]
    headings = [("heading", "一、城市群的现状与问题"), ("heading", "（一）跨市通勤规模偏小，同城化程度有待提高和加强")]
    assert blocks[:2] == headings
    paragraphs = [text for kind, text in blocks if kind == "paragraph"]
    assert [p[:6] for p in paragraphs] == ["与市域内部的", "中心城市是全"]
    assert paragraphs[0].endswith("通勤圈仍然以本市市域为主。")
    assert paragraphs[1].endswith("同城化还处在起步阶段。")


def test_an_author_with_two_affiliation_marks_and_a_title_closed_by_its_mark() -> None:
    # 黎 秋 实１，２: the comma between the marks is the comma between names; the title ends at its ∗.
    text = ARTICLE.replace("张 三１， 李 四２", "张 三１， 李 四２， 黎 秋 实１，２")
    raw = segment(text)
    assert raw.title == "某某城市群协同发展的路径研究"
    assert raw.metadata["authors"] == ("张三", "李四", "黎秋实")


def test_labels_in_full_width_brackets_without_a_colon_and_a_dotted_column_tag() -> None:
    text = (
        ARTICLE.replace(" 【城市研究】", "·城市研究·")
        .replace("摘　 要：", "［摘　要］")
        .replace("关键词：", "［关键词］")
        .replace("中图分类号：", "［中图分类号］")
        .replace("文献标识码：", "［文献标识码］")
        .replace("文章编号：", "［文章编号］")
        .replace("[1]", "［1］")
    )
    raw = segment(text)
    assert raw.metadata["column"] == "城市研究"
    assert raw.title == "某某城市群协同发展的路径研究"
    assert str(raw.metadata["abstract"]).startswith("本文讨论某某城市群的协同发展问题")
    assert raw.metadata["keywords"] == ("城市群", "协同发展", "治理")
    assert (raw.metadata["classification"], raw.metadata["document_code"]) == ("F127", "A")
    assert [note.marker for note in raw.footnotes][-1] == "[1]"


def test_a_page_foot_note_that_explains_is_a_note() -> None:
    # No citation shape in the note: a whole sentence under the page's text, numbered ①, cited above it.
    body = ARTICLE[: ARTICLE.index("注释")]
    text = body.replace("\n１１\n", "\n①本文所称城市群的范围以国家批复的规划为准，下同。\n\n１１\n")
    raw = segment(text)
    assert [note.raw for note in raw.footnotes][:1] == ["本文所称城市群的范围以国家批复的规划为准，下同。"]
    assert not any("本文所称" in block.text for block in raw.blocks)
