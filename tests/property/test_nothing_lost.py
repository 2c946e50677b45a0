"""Nothing lost: every Han character and digit of every input line is in the output.

A line counts as kept when its Han characters and digits, in order, stand in
the output (all text and numbers of the document, in order, squeezed the same
way), after removing what the parser turns into structure: the labels of the
editorial and contact blocks, 主办, 编者按, 目录, and a date written 年月日
(kept as an ISO date), 第…期 around an issue number, 表 before a table number.
Page furniture is exempt when it is listed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from agglo_extract import AggloExtractError, parse
from agglo_extract.data import load_table
from agglo_extract.normalise import normalise
from helpers import FIXTURES, SEEDS

pytestmark = pytest.mark.property

_KEEP = regex.compile(r"[^\p{Han}\d]+")
_DATE = regex.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_LABELS = sorted({row["label"] for row in load_table("frontmatter_labels")} | {"主办", "编者按", "目录"}, key=len)[::-1]


def squeeze(text: str) -> str:
    return str(_KEEP.sub("", text))


def output_text(document: Any) -> str:
    pieces: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in ("source", "location", "schema_version"):
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, str | int) and not isinstance(value, bool):
            pieces.append(str(value))

    walk(document.model_dump())
    return squeeze("".join(pieces))


def lost_lines(text: str) -> list[str]:
    """Input lines whose content is not in the output."""
    try:
        document = parse(text)
    except AggloExtractError:
        return []
    output = output_text(document)
    furniture = {squeeze(line) for line in document.furniture}
    lost = []
    for line in normalise(text).text.split("\n"):
        printed = squeeze(line)
        if printed and printed not in output and printed not in furniture and _structure_removed(line) not in output:
            lost.append(line)
    return lost


def _structure_removed(line: str) -> str:
    """The line's content once what the parser turns into structure is taken away."""
    line = " ".join(line.split())
    if len(line) <= 20:  # a masthead date line is kept as an ISO date, 第 5 期 as the number 5
        line = _DATE.sub(lambda m: f"{m[1]}{int(m[2]):02d}{int(m[3]):02d}", line)
        line = regex.sub(r"^\s*第\s*(\d+)\s*期\s*$", r"\1", line)
    for label in _LABELS:
        if regex.match(r"\s*" + r"\s*".join(label), line):
            line = regex.sub(r"\s*".join(label), "", line, count=1)
    line = line.replace("主办", "") if line.rstrip().endswith("主办") else line
    line = regex.sub(r"^\s*表\s*(?=\d)", "", line)  # 表1 caption: the number is kept in Table.number
    return squeeze(line)


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
