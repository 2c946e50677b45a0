"""Table-driven tests of the bulletin segmenter's stages: front matter, units, notes, blocks."""

from __future__ import annotations

import pytest

from agglo_extract.normalise import normalise
from agglo_extract.segment.articles import BlockBuilder, classify, locate_titles, title_similarity
from agglo_extract.segment.bulletin import segment_bulletin
from agglo_extract.segment.footnotes import NoteIndex, note_start
from agglo_extract.segment.frontmatter import label_field, read_front_matter, split_names
from agglo_extract.segment.lines import clean, split_lines
from agglo_extract.segment.raw import RawFootnote, RawTocEntry, Span
from agglo_extract.segment.units import NoteUnit, TableUnit, TextUnit, read_units


def front(text: str):  # type: ignore[no-untyped-def]
    normalised = normalise(text)
    return read_front_matter(normalised, split_lines(normalised))


MASTHEADS = [
    ("决策参考\n\n聚焦滇中城市群\n\n专题信息\n\n9\n\n2019\n\n云南省图书馆主办\n\n2019年6月3日\n",
     ("决策参考", "聚焦滇中城市群", "专题信息", 9, 2019, "2019-06-03", "云南省图书馆")),
    ("城市动态\n\n2018年第12期\n\n信息快报\n\n某研究院主办\n",
     ("城市动态", None, "信息快报", 12, 2018, None, "某研究院")),
    ("参考资讯\n\n关中平原城市群建设专辑\n\n专题信息\n\n第 5 期\n",
     ("参考资讯", "关中平原城市群建设专辑", "专题信息", 5, None, None, None)),
    # the category printed above the title, a running number before the issue, a spaced date
    ("内部参考\n\n城市发展观察\n\n聚焦北部湾城市群\n\n总第 56 期　2019 年第 4 期\n\n"
     "某研究院主办\n\n2019 年 4 月 20 日\n",
     ("城市发展观察", "聚焦北部湾城市群", "内部参考", 4, 2019, "2019-04-20", "某研究院")),
    ("区域经济参阅\n\n2019年第4期（总第56期）\n\n专题资料\n",
     ("区域经济参阅", None, "专题资料", 4, 2019, None, None)),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    MASTHEADS,
    ids=["full", "year-and-issue", "spaced-issue", "category-first", "running-number-after"],
)
def test_masthead(text: str, expected: tuple[object, ...]) -> None:
    f = front(text)
    assert (f.title, f.theme, f.category, f.issue_number, f.year, f.publication_date, f.publisher) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("主 编：韦 江", ("editor_in_chief", "韦 江")),
        ("副 主 编：黄 艳", ("deputy_editors", "黄 艳")),
        ("本期责编：马小红", ("issue_editors", "马小红")),
        ("电子邮箱：a@b.cn", ("email", "a@b.cn")),
        ("邮 编：530022", ("postcode", "530022")),
        ("产业结构：以制造业为主", None),
    ],
)
def test_label_lines(line: str, expected: tuple[str, str] | None) -> None:
    assert label_field(line) == expected


@pytest.mark.parametrize(
    ("value", "names"),
    [("韦 江", ("韦江",)), ("洗育华 马小红", ("洗育华", "马小红")), ("王五、赵六", ("王五", "赵六")),
     ("黄 艳 李 明", ("黄艳", "李明")), ("杨 兰 桥", ("杨兰桥",)), ("李 华  赵 强", ("李华", "赵强"))],
)
def test_split_names(value: str, names: tuple[str, ...]) -> None:
    assert split_names(value) == names


def test_toc_sections_and_editorial_continuation() -> None:
    text = (
        "信息参考\n\n目录\n\nCONTENTS\n\n动态\n\n| | |\n|---|---|\n| 甲城市发展 | 2 |\n| 乙城市发展 | 5 |\n\n"
        "观察\n\n| | |\n|---|---|\n| 丙城市发展 | 9 |\n\n主办单位：某馆\n编辑出版：某馆\n信息部\n\n编者按：正文。\n"
    )
    f = front(text)
    assert [(e.section, e.title, e.page) for e in f.toc] == [
        ("动态", "甲城市发展", 2), ("动态", "乙城市发展", 5), ("观察", "丙城市发展", 9)]
    assert f.editorial["edited_by"] == "某馆信息部"
    assert split_lines(normalise(text))[f.end].text.startswith("编者按")


def test_dotted_toc_lines() -> None:
    f = front("简报\n\n目 录\n\n要闻\n\n城市群规划获批……………2\n港口物流再提速 ........ 11\n")
    entries = [(e.section, e.title, e.page) for e in f.toc]
    assert entries == [("要闻", "城市群规划获批", 2), ("要闻", "港口物流再提速", 11)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）北美五大湖城市群", ("heading", 2)),
        ("一、强化区域优势，增强中心城市的辐射力", ("heading", 1)),
        ("1. 交通先行", ("heading", 3)),
        ("(2)产业协同", ("heading", 4)),
        ("总结", ("heading", 1)),
        ("郑州，凭什么？", ("heading", 1)),
        ("城市群是指以核心城市为中心的城市集合。", ("paragraph", None)),
        ("北部湾经济区是广西发展的龙头，2017 年年初国务院批复同意", ("paragraph", None)),
        ("产业结构：该城市群中心城市的金融业优势明显，集聚了众多金融机构", ("paragraph", None)),
        ("为什么城市群需要一个强有力的中心城市来带动区域发展？", ("paragraph", None)),
    ],
)
def test_classify(text: str, expected: tuple[str, int | None]) -> None:
    assert classify(text) == expected


@pytest.mark.parametrize(
    ("text", "marker"),
    [("^①作者. 题名[J]. 刊, 2017(1): 1-2.", "①"), ("^{②}作者. 题名[N]. 报. 2017-01-02.", "②"),
     ("^③ 作者. 题名[EB/OL]. http://a.cn, 2017-10-26.", "③"), ("①只是一句话。", None)],
)
def test_note_start(text: str, marker: str | None) -> None:
    found = note_start(text)
    assert (found.marker if found else None) == marker


def test_marker_links_to_next_note_with_its_marker() -> None:
    notes = [RawFootnote(i, m, "x", Span(line, 0, 0)) for i, (m, line) in enumerate([("①", 10), ("②", 11), ("①", 30)])]
    index = NoteIndex(notes)
    assert [index.link("①", 5), index.link("②", 5), index.link("①", 12), index.link("①", 31)] == [0, 1, 2, None]


def test_clean_takes_out_markers() -> None:
    assert clean("北部湾新型城市群发展概况^{①②③}") == ("北部湾新型城市群发展概况", [(12, "①"), (12, "②"), (12, "③")])
    assert clean("  广西布局 引领合作^① ") == ("广西布局引领合作", [(8, "①")])


def test_units_table_with_caption_and_wrapped_note() -> None:
    text = (
        "表2 指标对比\n\n| 指标 | 数值 |\n|---|---|\n| 面积 | 12 |\n\n"
        "^①作者. 题名[N/OL]. 报. 2017-01-02.\n<http://a.cn/x.htm>.\n\n正文。\n"
    )
    normalised = normalise(text)
    body = read_units(normalised, split_lines(normalised), 0)
    kinds = [type(u) for u in body.units]
    assert kinds == [TableUnit, NoteUnit, TextUnit]
    table = body.units[0]
    assert isinstance(table, TableUnit)
    assert (table.table.number, table.table.caption, table.table.header, table.table.rows) == (
        2, "指标对比", ("指标", "数值"), (("面积", "12"),))
    assert body.notes[0].raw == "作者. 题名[N/OL]. 报. 2017-01-02. <http://a.cn/x.htm>."


def _texts(*texts: str) -> list[TextUnit | NoteUnit]:
    units: list[TextUnit | NoteUnit] = []
    for line, text in enumerate(texts, start=1):
        if text.startswith("^"):
            units.append(NoteUnit(RawFootnote(line, text[1], text[2:], Span(line, 0, 0))))
        else:
            units.append(TextUnit(text, [], Span(line, 0, 0)))
    return units


JOINS = [
    (("规划提出了一湾双轴、一核两极的城市群框架格局，确定", "了南宁作为核心的地位。"),
     ["规划提出了一湾双轴、一核两极的城市群框架格局，确定了南宁作为核心的地位。"]),
    (("国家确定了六大战略任务，推动基础设施互联互通，深化海", "搭起城市群框架", "^①注", "陆双向开放合作。"),
     ["国家确定了六大战略任务，推动基础设施互联互通，深化海陆双向开放合作。", "搭起城市群框架"]),
    (("这一段没有句号但下一行是标题所以不连接起来", "新的小标题", "新的段落开始了。"),
     ["这一段没有句号但下一行是标题所以不连接起来", "新的小标题", "新的段落开始了。"]),
    (("第一段完整结束了。", "^①注", "第二段也完整。"), ["第一段完整结束了。", "第二段也完整。"]),
]


@pytest.mark.parametrize(("units", "blocks"), JOINS, ids=["blank-break", "heading-before-notes", "no-break", "whole"])
def test_cut_sentences_join(units: tuple[str, ...], blocks: list[str]) -> None:
    builder = BlockBuilder()
    for unit in _texts(*units):
        builder.add(unit)
    assert [b.text for b in builder.finish()] == blocks


def test_titles_found_in_toc_order_with_small_differences() -> None:
    titles = ("西安建设国家中心城市的新进展", "打造“一小时经济圈”")
    toc = [RawTocEntry("s", title, 1, Span(1, 0, 0)) for title in titles]
    units = _texts("西安建设国家中心城市新进展", "正文。", "打造一小时经济圈", "正文。")
    matches = locate_titles(units, toc)  # type: ignore[arg-type]
    assert [(m.entry, m.unit) for m in matches] == [(0, 0), (1, 2)]
    assert title_similarity("甲乙丙丁戊", "子丑寅卯辰") < 0.5


def test_notes_go_to_the_article_whose_marker_links_them() -> None:
    text = (
        "信息参考\n\n目录\n\n专题\n\n| | |\n|---|---|\n| 甲文 | 2 |\n| 乙文 | 2 |\n\n"
        "甲文\n\n甲的正文。^①\n\n乙文\n\n乙的正文。^②\n\n\n\n^①甲注. 题名[J]. 刊, 2017(1): 1-2.\n\n"
        "^②乙注. 题名[J]. 刊, 2017(1): 1-2.\n"
    )
    issue = segment_bulletin(normalise(text))
    assert [[n.raw[:2] for n in a.footnotes] for a in issue.articles] == [["甲注"], ["乙注"]]


def test_toc_sections_printed_as_rows_of_the_toc_table() -> None:
    text = (
        "城市参考\n\n目录\n\n| 栏目与文章 | 页码 |\n|---|---|\n| 规划解读 | |\n| 规划实施两年回望 | 2 |\n"
        "| 城市观察 | |\n| 甲市的转型 | 5 |\n| 乙市的开放 | 8 |\n\n编者按：本期选编三篇文章。\n"
    )
    f = front(text)
    assert [(e.section, e.title, e.page) for e in f.toc] == [
        ("规划解读", "规划实施两年回望", 2),
        ("城市观察", "甲市的转型", 5),
        ("城市观察", "乙市的开放", 8),
    ]


def _tables(text: str) -> list[tuple[int | None, tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    normalised = normalise(text)
    body = read_units(normalised, split_lines(normalised), 0)
    return [(u.table.number, u.table.header, u.table.rows) for u in body.units if isinstance(u, TableUnit)]


def test_a_table_cut_by_a_page_break_and_notes_is_one_table() -> None:
    text = (
        "表1 主要城市功能定位\n\n| 城市 | 比较优势 | 功能定位 |\n|---|---|---|\n| 甲市 | 科教 | 中心城市 |\n\n"
        "^①张三. 城市群研究[M]. 北京: 科学出版社, 2015.\n\n"
        "| 城市 | 比较优势 | 功能定位 |\n|---|---|---|\n| 乙市 | 制造 | 制造基地 |\n\n"
        "| 丙市 | 港口 | 门户城市 |\n|---|---|---|\n| 丁市 | 生态 | 旅游城市 |\n"
    )
    assert _tables(text) == [
        (1, ("城市", "比较优势", "功能定位"), (
            ("甲市", "科教", "中心城市"),
            ("乙市", "制造", "制造基地"),
            ("丙市", "港口", "门户城市"),
            ("丁市", "生态", "旅游城市"),
        )),
    ]


def test_a_continued_caption_continues_its_table() -> None:
    text = (
        "表2 指标\n\n| 指标 | 数值 |\n|---|---|\n| 人口 | 100 |\n\n正文一段，说明情况。\n\n"
        "表3 其他\n\n| 城市 | 定位 |\n|---|---|\n| 甲市 | 中心 |\n\n"
        "续表3\n\n| 城市 | 定位 |\n|---|---|\n| 乙市 | 节点 |\n"
    )
    tables = _tables(text)
    assert [(number, rows) for number, _, rows in tables] == [
        (2, (("人口", "100"),)),
        (3, (("甲市", "中心"), ("乙市", "节点"))),
    ]


def test_a_header_printed_on_two_rows_is_one_header() -> None:
    text = (
        "表4 指标\n\n| 指标 | 2017年 | | 2018年 | |\n|---|---|---|---|---|\n"
        "| | 总量 | 增长 | 总量 | 增长 |\n| 人口 | 10 | 1.2 | 11 | 1.5 |\n"
    )
    assert _tables(text) == [
        (4, ("指标", "2017年总量", "2017年增长", "2018年总量", "2018年增长"), (("人口", "10", "1.2", "11", "1.5"),)),
    ]


def test_a_note_cut_at_a_page_foot_goes_on_at_the_top_of_the_next_note_block() -> None:
    text = (
        "正文说明了城市群的范围^{①}，后文再议。\n\n\n\n"
        "^①本文所称城市群，包括甲、乙、丙 3 个\n\n"
        "下一页的正文继续写城市群的建设情况，内容较长。\n\n\n\n"
        "市的中心城区，下同。\n\n"
        "^①张三. 城市群研究[M]. 北京: 科学出版社, 2015.\n"
    )
    normalised = normalise(text)
    body = read_units(normalised, split_lines(normalised), 0)
    assert [note.raw for note in body.notes] == [
        "本文所称城市群，包括甲、乙、丙 3 个市的中心城区，下同。",
        "张三. 城市群研究[M]. 北京: 科学出版社, 2015.",
    ]
    texts = [unit.text for unit in body.units if isinstance(unit, TextUnit)]
    assert texts == ["正文说明了城市群的范围，后文再议。", "下一页的正文继续写城市群的建设情况，内容较长。"]


def test_a_finished_note_does_not_take_the_next_page_opening_text() -> None:
    text = (
        "^①张三. 城市群研究[M]. 北京: 科学出版社, 2015.\n\n\n\n"
        "下一页第一段写完了。\n\n"
        "^①李四. 都市圈研究[M]. 北京: 科学出版社, 2016.\n"
    )
    normalised = normalise(text)
    body = read_units(normalised, split_lines(normalised), 0)
    assert [unit.text for unit in body.units if isinstance(unit, TextUnit)] == ["下一页第一段写完了。"]


ISSUE_WITH_TAIL = """城市参考

2019年第4期

某研究院主办

目录

动态

甲市的新进展    2

乙市的新探索    4

编者按：本期选编两篇文章。

动态

甲市的新进展——来自一线的观察

甲市推进城市群建设取得新进展，各项工作稳步推进。

乙市的新探索

乙市探索都市圈协同发展的新路径，成效初步显现。

主　　编：王　明
副 主 编：李　华  赵　强
编辑出版：某研究院信息部
文献服务中心
地    址：某市某路 1 号
电    话：0000-1234567
"""


def test_a_body_title_with_a_subtitle_opens_its_article_and_a_closing_editorial_block_is_read() -> None:
    issue = segment_bulletin(normalise(ISSUE_WITH_TAIL))
    assert [a.title for a in issue.articles] == ["甲市的新进展——来自一线的观察", "乙市的新探索"]
    assert [len(a.blocks) for a in issue.articles] == [1, 1]
    assert issue.editorial is not None and issue.editorial["editor_in_chief"] == ("王明",)
    assert issue.editorial["deputy_editors"] == ("李华", "赵强")
    assert issue.editorial["edited_by"] == "某研究院信息部文献服务中心"
    assert issue.contact is not None and issue.contact["phone"] == "0000-1234567"
