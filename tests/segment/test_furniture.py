"""Page furniture found by what it is: issue lines, running heads with changing numbers, lone page numbers."""

from __future__ import annotations

import pytest

from agglo_extract.segment.furniture import find_furniture, parse_issue_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("某某学刊 2018 年第 7 期", ("某某学刊", 2018, "7", None, None)),
        ("22 某某学刊 2018 年第 7 期", ("某某学刊", 2018, "7", None, 22)),
        ("某某学刊 2018 年第 7 期 23", ("某某学刊", 2018, "7", None, 23)),
        ("城市研究 2019 年 第 40 卷 第 3 期", ("城市研究", 2019, "3", "40", None)),
        ("Urban Studies, Vol. 40, No. 3, 2019", ("Urban Studies", 2019, "3", "40", None)),
        ("City Review No. 7 Jul. 2018", ("City Review", 2018, "7", None, None)),
    ],
    ids=["footer", "page-first", "page-last", "volume", "english-vol-no", "english-no-first"],
)
def test_issue_line(line: str, expected: tuple[object, ...]) -> None:
    parsed = parse_issue_line(line)
    assert parsed is not None
    assert (parsed.journal, parsed.year, parsed.issue, parsed.volume, parsed.page) == expected


@pytest.mark.parametrize(
    "line",
    [
        "据统计，2016 年第 3 期数据显示增长。",  # a sentence quoting an issue
        "2016 年我国七大城市群",  # a year without an issue
        "文章编号：1003-0751(2018)07-0021-06",  # an article number
        "某某学刊 2018 年第 7 期" + "很长的正文" * 10,  # too long for a running head
    ],
)
def test_not_an_issue_line(line: str) -> None:
    assert parse_issue_line(line) is None


def _page(number: int, text: str) -> list[str]:
    return [f"{text}第{number}页的一行正文，", "正文继续。", "", str(number), "", "某某学刊 2018 年第 7 期", ""]


def test_footers_give_metadata_pages_and_line_pages() -> None:
    lines = _page(21, "甲") + _page(22, "乙") + ["最后一页的正文。"]
    found = find_furniture(lines)
    kinds = {(line.index, line.kind) for line in found.lines}
    assert (3, "page-number") in kinds
    assert (5, "issue-line") in kinds
    assert (found.journal, found.year, found.issue, found.pages) == ("某某学刊", 2018, "7", "21-23")
    assert found.page_of_line[0] == 21
    assert found.page_of_line[7] == 22
    assert found.page_of_line[-1] == 23
    assert found.distinct == ("21", "某某学刊 2018 年第 7 期", "22")


def test_headers_put_text_on_their_page() -> None:
    lines = ["某某学刊 2018 年第 7 期 40", "页首之后的正文，", "继续。", "41 某某学刊 2018 年第 7 期", "下一页的正文。"]
    found = find_furniture(lines)
    assert found.indices == frozenset({0, 3})
    assert found.page_of_line[1] == 40
    assert found.page_of_line[4] == 41
    assert found.pages == "40-41"


def test_running_head_with_changing_number() -> None:
    body = [f"第{i}行正文，内容不同{i}。" for i in range(30)]
    lines = [*body[:10], "城市群研究 23", *body[10:20], "城市群研究 25", *body[20:]]
    found = find_furniture(lines)
    assert [(line.kind, line.page) for line in found.lines] == [("running-head", 23), ("running-head", 25)]


def test_repeated_line_without_number_needs_three_repeats() -> None:
    body = [f"第{i}行正文，内容不同{i}。" for i in range(40)]
    twice = [*body[:10], "城市群论坛", *body[10:20], "城市群论坛", *body[20:]]
    assert find_furniture(twice).lines == ()
    thrice = [*twice[:32], "城市群论坛", *twice[32:]]
    assert [line.kind for line in find_furniture(thrice).lines] == ["running-head"] * 3


@pytest.mark.parametrize(
    "lines",
    [
        ["信息参考", "11", "2017", "正文。"],  # a masthead issue number stands alone
        ["| | |", "|---|---|", "| 标题 | 2 |"] * 3,  # pipe tables repeat but are no running head
        ["正文，", "城市群", "正文。", "城市群"],  # close repeats are text
    ],
    ids=["masthead-number", "pipe-rows", "close-repeats"],
)
def test_not_furniture(lines: list[str]) -> None:
    assert find_furniture(lines).lines == ()


def test_lone_numbers_counting_up_are_page_numbers() -> None:
    lines = ["正文一，", "12", "正文二，", "13", "正文三。"]
    found = find_furniture(lines)
    assert [(line.index, line.page) for line in found.lines] == [(1, 12), (3, 13)]
    assert found.pages == "12-14"


def test_claimed_lines_are_never_furniture() -> None:
    lines = ["信息参考", "2019年第3期", "11", "正文。"]
    assert [line.index for line in find_furniture(lines).lines] == [1, 2]
    assert find_furniture(lines, claimed={1, 2}).lines == ()


def test_a_head_alternating_page_by_page_is_furniture_with_two_copies() -> None:
    # Even pages print the journal's issue line, odd pages the article's title, each beside the folio.
    body = [f"第{i}行正文，内容各不相同{i}。" for i in range(40)]
    lines = [
        *body[:10], "", "·35·", "", "城市群港口协同研究", "",
        *body[10:20], "", "·36·", "", "某某学刊 2021 年第 4 期", "",
        *body[20:30], "", "·37·", "", "城市群港口协同研究", "",
        *body[30:],
    ]
    found = find_furniture(lines)
    heads = {lines[i] for i in found.indices}
    assert "城市群港口协同研究" in heads
    assert not any(line.startswith("第") for line in heads)


def test_a_line_printed_twice_in_the_text_is_not_furniture() -> None:
    body = [f"第{i}行正文，内容各不相同{i}。" for i in range(40)]
    lines = [*body[:10], "（一）协同发展", *body[10:30], "（一）协同发展", *body[30:]]
    assert find_furniture(lines).indices == frozenset()
