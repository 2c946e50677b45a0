"""Journal notes and references: numbered lines, and lines that only look numbered."""

from __future__ import annotations

from agglo_extract.segment._journal_notes import join_note_lines, parse_notes
from agglo_extract.segment.lines import Line


def lines(*texts: str) -> list[Line]:
    return [Line(number, text, 0) for number, text in enumerate(texts)]


def test_a_page_range_cut_at_its_dash_is_not_a_new_note() -> None:
    content = lines("1. 张三. 题名[J]. 城市规划, 2019: 8-", "11.", "2. 李四. 题名[M]. 北京: 科学出版社, 2018.")
    notes, unplaced = parse_notes(content, range(3), plain=True)
    assert [note.marker for note in notes] == ["[1]", "[2]"]
    assert notes[0].raw == "张三. 题名[J]. 城市规划, 2019: 8-11."
    assert unplaced == []


def test_the_next_number_after_a_cut_still_opens_a_note() -> None:
    content = lines("1. 张三. 城市群研究[M]. 北京:", "2. 李四. 题名[J]. 地理学报, 2018(3): 1-9.")
    notes, _ = parse_notes(content, range(2), plain=True)
    assert [note.marker for note in notes] == ["[1]", "[2]"]


def test_a_type_code_cut_inside_its_brackets_is_joined_whole() -> None:
    assert join_note_lines(["王五. 规划[EB/O", "L]. (2019-01-02)."]) == "王五. 规划[EB/OL]. (2019-01-02)."
