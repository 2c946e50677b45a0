"""Nothing lost: every Han character and digit of every input line is in the output.

A line counts as kept when its Han characters and digits, in order, stand in
the output (all text and numbers of the document, in order, squeezed the same
way), after removing what the parser turns into structure: the labels of the
editorial and contact blocks, 主办, 编者按, 目录, a journal's 摘要, 关键词 …, and a date written 年月日
(kept as an ISO date), 第…期 around an issue number, 表 before a table number,
a 2018年第3期 line kept as the year and issue number, the numbering of
an affiliation line (kept as list positions), [1] markers (kept as MarkerRef), and a journal's author line (kept as
``authors``; affiliation marks after a name are not modelled). Numbers are compared
by value (a page 05 is kept as the int 5). Page furniture is exempt when it is
listed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex
from hostile import FUZZ, documents
from hypothesis import given
from hypothesis import strategies as st

from agglo_extract import AggloExtractError, parse, patterns
from agglo_extract.data import load_table
from agglo_extract.normalise import normalise
from agglo_extract.segment._journal_front import split_names
from helpers import FIXTURES, SEEDS, output_strings

pytestmark = pytest.mark.property

_KEEP = regex.compile(r"[^\p{Han}\d]+")
_DATE = regex.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_JOURNAL_LABELS = {"摘要", "关键词", "中图分类号", "文献标识码", "文章编号", "收稿日期", "作者简介", "基金项目"}
_BULLETIN_LABELS = {row["label"] for row in load_table("frontmatter_labels")} | {"主办", "编者按", "目录"}
_LABELS = sorted(_BULLETIN_LABELS | _JOURNAL_LABELS, key=len)[::-1]


_LEADING_ZEROS = regex.compile(r"(?<!\d)0+(?=\d)")


def squeeze(text: str, *, by_value: bool = False) -> str:
    """The Han characters and digits of ``text``; ``by_value``: without a number's leading zeros (page 05 is 5)."""
    return str(_KEEP.sub("", _LEADING_ZEROS.sub("", text) if by_value else text))


def output_text(document: Any) -> tuple[str, str]:
    """All text and numbers of the document, in order, squeezed as written and by value."""
    pieces = output_strings(document)
    return squeeze("".join(pieces)), "".join(squeeze(piece, by_value=True) for piece in pieces)


def lost_lines(text: str) -> list[str]:
    """Input lines whose content is not in the output."""
    try:
        document = parse(text)
    except AggloExtractError:
        return []
    written, by_value = output_text(document)
    furniture = {squeeze(line) for line in document.furniture}
    lost = []
    for line in normalise(text).text.split("\n"):
        printed = squeeze(line)
        if not printed or printed in written or printed in furniture:
            continue
        structure = _structure_removed(line)
        if squeeze(structure) in written or squeeze(structure, by_value=True) in by_value:
            continue
        if _cells_kept(line, written):
            continue
        if not _year_and_issue_kept(line, document) and not _authors_kept(line, document):
            lost.append(line)
    return lost


_YEAR_ISSUE = regex.compile(
    r"\s*(?:总\s*第\s*(?P<run>\d+)\s*期\s*)?(?P<year>\d{4})\s*年\s*第\s*(?P<number>\d+)\s*期\s*(?:[（(]?\s*总\s*第\s*(?P<after>\d+)\s*期\s*[）)]?)?\s*"
)


def _cells_kept(line: str, written: str) -> bool:
    """A pipe row each of whose cells stands in the output (a header printed on two rows is merged)."""
    if not patterns.PIPE_ROW.match(line.strip()):
        return False
    cells = [squeeze(cell) for cell in line.strip().strip("|").split("|")]
    return all(cell in written for cell in cells if cell)


def _year_and_issue_kept(line: str, document: Any) -> bool:
    """A masthead line 2018年第3期 kept as the document's year and issue number."""
    match = _YEAR_ISSUE.fullmatch(line)
    if match is None:
        return False
    issue = document.issue_number if document.kind == "bulletin_issue" else document.issue
    running = match["run"] or match["after"]
    if running and getattr(document, "running_number", None) != int(running):
        return False
    return str(document.year) == str(int(match["year"])) and str(issue) == str(int(match["number"]))


def _authors_kept(line: str, document: Any) -> bool:
    """A journal's author line 王立新1，陈晓梅2 kept as its authors (the affiliation marks are not modelled)."""
    names = split_names(" ".join(line.split())) if document.kind == "journal_article" else []
    return bool(names) and all(name in document.authors for name in names)


def _structure_removed(line: str) -> str:
    """The line once what the parser turns into structure is taken away."""
    line = " ".join(line.split())
    if len(line) <= 20:  # a masthead date line is kept as an ISO date, 第 5 期 as the number 5
        line = _DATE.sub(lambda m: f"{m[1]}-{int(m[2])}-{int(m[3])}", line)
        line = regex.sub(r"^\s*第\s*(\d+)\s*期\s*$", r"\1", line)
    for label in _LABELS:
        if regex.match(r"\s*" + r"\s*".join(label), line):
            line = regex.sub(r"\s*".join(label), "", line, count=1)
    line = line.replace("主办", "") if line.rstrip().endswith("主办") else line
    line = regex.sub(r"^\s*表\s*(?=\d)", "", line)  # 表1 caption: the number is kept in Table.number
    line = regex.sub(r"\[\d{1,3}\]", "", line)  # a [1] marker is kept as a MarkerRef (or a note's marker)
    if regex.match(r"\s*[（(]\s*\d+\s*[.．]", line):  # （1. 某大学；2. 某学院）: numbers kept as list positions
        line = regex.sub(r"(?<=[（(；;]\s*)\d+\s*[.．]", "", line)
    return line


DOCUMENTS = sorted((FIXTURES / "issues").glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt"))


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_fixtures_lose_nothing(path: Path) -> None:
    assert lost_lines(path.read_text(encoding="utf-8")) == []


def test_seed_loses_nothing() -> None:
    seed = SEEDS / "000_7cf66135544dacb7.txt"
    if not seed.is_file():
        pytest.skip("../shared/seeds is absent")
    assert lost_lines(seed.read_text(encoding="utf-8")) == []


LINES = st.sampled_from([
    "信息参考", "城市群专题", "第 5 期", "2019", "某市图书馆主办", "2019年4月1日", "尊敬的读者：", "目录", "CONTENTS",
    "热点", "| | |", "|---|---|", "| 城市发展新格局 | 2 |", "| 港口物流 | ３ |", "主 编：王 明", "编 委：李华 赵强",
    "电 话：0871-1234567", "编者按：城市群是发展的主体形态。", "城市发展新格局", "港口物流^{①②}",
    "南宁港口吞吐量增长１２．５％，", "达到 3 亿吨。", "^①张三. 港口研究[J]. 港口经济, 2017(3): 12-18.",
    "<http://example.org/a.htm>.", "表1 城市功能", "| 城市 | 主要优势 | 功能定位 |", "| 柳州 | 工业 | 制造 |",
    "①②③", "^②", "（一）交通", "一、总体", "", " ", "\u3000", "。。。", "|||", "^{}", "编者按：",
])


@given(st.lists(LINES | st.text(alphabet="城市群港口１２３4５6.%％①^{}|-：， \u3000", max_size=12), max_size=40))
def test_hostile_line_mixes_lose_nothing(lines: list[str]) -> None:
    assert lost_lines("\n".join(lines)) == []


@FUZZ
@given(documents())
def test_hostile_documents_lose_nothing(text: str) -> None:
    """Mastheads, markers, notes, ragged pipe rows, full-width text and control characters, in any order."""
    assert lost_lines(text) == []
