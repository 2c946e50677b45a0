"""Bad input: a clear AggloExtractError or a document with diagnostics, never a bare traceback."""

from __future__ import annotations

import contextlib

import pytest

from agglo_extract import AggloExtractError, BulletinIssue, parse, to_json
from agglo_extract.errors import DecodeError, EmptyInput


def codes(document: BulletinIssue) -> set[str]:
    return {d.code for d in document.diagnostics}


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\n", "", "\u3000\n"], ids=["empty-bytes", "blank-bytes", "empty-str", "ideographic-space"]
)
def test_empty_input_is_an_error(data: bytes | str) -> None:
    with pytest.raises(EmptyInput):
        parse(data)


def test_random_bytes_are_a_decode_error() -> None:
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(DecodeError):
        parse(data)


def test_text_with_no_masthead() -> None:
    document = parse("城市群是指以超大城市为核心、由若干大城市组成的城市集合。这一段没有刊头。\n\n第二段也是正文。\n")
    assert isinstance(document, BulletinIssue)
    assert {"masthead-missing", "toc-missing"} <= codes(document)
    assert document.title == ""
    placed = [b.text for b in document.unplaced] + [b.text for a in document.articles for b in a.blocks]
    assert any("这一段没有刊头" in text for text in placed)


def test_ragged_pipe_table_is_kept_with_a_diagnostic() -> None:
    text = (
        "信息参考\n\n目录\n\n专题\n\n| | |\n|---|---|\n| 城市概况 | 2 |\n\n"
        "城市概况\n\n表1 城市功能\n\n| 城市 | 主要优势 | 功能定位 |\n|---|---|---|\n"
        "| 柳州 | 工业基础雄厚 | 制造业基地 |\n| 桂林 | 旅游资源丰富 |\n| 梧州 | 区位 | 门户 | 多余一格 |\n"
    )
    document = parse(text)
    assert isinstance(document, BulletinIssue)
    assert "table-ragged" in codes(document)
    (table,) = document.articles[0].tables
    assert table.rows[1] == ("桂林", "旅游资源丰富")
    assert table.rows[2][-1] == "多余一格"
    assert [r.city for r in table.city_roles] == ["柳州", "桂林", "梧州"]
    assert table.city_roles[1].roles is None


def test_marker_with_no_note() -> None:
    text = "信息参考\n\n目录\n\n专题\n\n| | |\n|---|---|\n| 城市概况 | 2 |\n\n城市概况^①\n\n正文一段。\n"
    document = parse(text)
    assert isinstance(document, BulletinIssue)
    assert "marker-unlinked" in codes(document)
    (marker,) = document.articles[0].title_markers
    assert marker.footnote_index is None


@pytest.mark.parametrize(
    "text",
    ["^①", "| | |", "|---|", "编者按：", "目录\n\n| a | b |", "表1\n| 城市 |\n", "^{①②}^{③}", "①" * 50, "\x00\x01abc"],
)
def test_odd_fragments_never_crash(text: str) -> None:
    with contextlib.suppress(AggloExtractError):
        parse(text)


# Found by the fuzz properties (tests/property/test_fuzz.py, test_nothing_lost.py)


def test_private_use_characters_and_noncharacters_are_text() -> None:
    """The cleaner's marker placeholder is a noncharacter; a private-use character of the input is kept."""
    document = parse("城市概况^①\n\n正文\ue000一段\ufdd0。^①\n\n^①张三. 港口研究[J]. 港口经济, 2017(3): 12-18.\n")
    assert isinstance(document, BulletinIssue)
    (article,) = document.articles
    assert "\ue000" in article.blocks[0].text and "\ufffd" in article.blocks[0].text
    assert article.blocks[0].markers[0].footnote_index == 0


def test_a_lone_surrogate_does_not_stop_the_json() -> None:
    document = parse("信息参考\n\n城市\ud800群发展。\n")
    assert "\ud800" not in to_json(document)
    assert "城市\ufffd群发展" in to_json(document)


@pytest.mark.parametrize("row", ["| |12|", "| 城市概况 | 港口 |"], ids=["no-title", "page-not-a-number"])
def test_a_toc_row_not_understood_is_kept_unplaced(row: str) -> None:
    document = parse(f"信息参考\n\n目录\n\n| 城市概况 | 2 |\n{row}\n\n城市概况\n\n正文一段。\n")
    assert isinstance(document, BulletinIssue)
    assert [block.text for block in document.unplaced] == [row]
    assert "text-unplaced" in codes(document)


def test_a_second_masthead_value_is_kept_not_overwritten() -> None:
    masthead = "信息参考\n\n2018\n\n甲研究院主办\n\n乙图书馆主办\n\n1900年第3期\n\n"
    document = parse(masthead + "目录\n\n| 城市概况 | 2 |\n\n城市概况\n\n正文。\n")
    assert isinstance(document, BulletinIssue)
    assert (document.year, document.publisher) == (2018, "甲研究院")
    kept = [document.title, document.theme, document.category, *(block.text for block in document.unplaced)]
    assert "乙图书馆主办" in kept and "1900年第3期" in kept


def test_a_control_character_after_a_full_stop_does_not_join_two_paragraphs() -> None:
    first, second = "第一段说的是城市群的发展情况，内容很长很长。", "第二段说的是都市圈的建设情况，内容也很长。"
    text = f"信息参考\n\n{first}\x7f\n\n{second}\n"
    document = parse(text)
    assert isinstance(document, BulletinIssue)
    paragraphs = [block.text for article in document.articles for block in article.blocks]
    assert len(paragraphs) == 2 and paragraphs[1].startswith("第二段")


def test_a_note_that_explains_is_noted_as_such_not_as_a_failed_citation() -> None:
    note = "^①本文所称城市群，包括甲、乙、丙三市的中心城区，下同。"
    text = f"信息参考\n\n正文说明了城市群的范围^{{①}}，后文再议。\n\n{note}\n"
    document = parse(text)
    found = {d.code: d.level for d in document.diagnostics}
    assert found.get("note-explanatory") == "info"
    assert "citation-unparsed" not in found
