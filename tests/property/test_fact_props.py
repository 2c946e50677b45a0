"""Properties of numbers and facts: numerals round-trip, spans are exact, nothing raises."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agglo_extract.recognise.facts import find_facts, find_facts_in_blocks
from agglo_extract.recognise.numbers import MAGNITUDES, cn_number, format_cn, parse_cn_number

pytestmark = pytest.mark.property

integers = st.integers(min_value=0, max_value=2**53)  # exact as a float
decimals = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)


@given(integers)
def test_integer_in_chinese_numerals_parses_back(value: int) -> None:
    assert cn_number(format_cn(value)) == value


@given(decimals)
def test_decimal_in_chinese_numerals_parses_back(value: Decimal) -> None:
    number = float(value)
    assert cn_number(format_cn(number)) == number


@given(st.floats(min_value=0, max_value=2**53, allow_nan=False, allow_infinity=False))
def test_any_float_in_chinese_numerals_parses_back(value: float) -> None:
    assert cn_number(format_cn(value)) == value


@given(st.decimals(min_value=0, max_value=99999, places=2), st.sampled_from(sorted(MAGNITUDES)))
def test_arabic_number_with_magnitude_parses_to_its_value(value: Decimal, magnitude: str) -> None:
    assert parse_cn_number(f"{value}{magnitude}") == float(value * MAGNITUDES[magnitude])


FRAGMENTS = st.sampled_from(
    [
        "泸州市", "北部湾城市群", "2016年", "1-11月", "上半年", "“十三五”末", "截至", "同比增长", "下降", "占全国的",
        "高于全省", "位居全省第", "2位", "约", "近", "以上", "左右", "11.66", " ", "万", "亿元", "平方公里", "%",
        "个百分点", "倍", "家", "三成", "五分之一", "两千零五十", "，", "。", "；", "、", "“", "”", "１２．３", "％",
        "-", "～", "至", "每秒", "单", "^{①}", "0771-5860411", "第", "一", "十", "人次", "吨公里",
    ]
)  # fmt: skip


@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_fact_spans_are_exact_in_bulletin_like_text(text: str) -> None:
    for fact in find_facts(text):
        assert text[fact.start : fact.end] == fact.text
        assert fact.block_index == 0


@given(st.lists(st.lists(FRAGMENTS, max_size=15).map("".join), max_size=5))
def test_block_fact_spans_are_exact(blocks: list[str]) -> None:
    for fact in find_facts_in_blocks(blocks, issue_date="2017-11-25"):
        assert blocks[fact.block_index][fact.start : fact.end] == fact.text


@given(st.text(max_size=200))
def test_find_facts_never_raises(text: str) -> None:
    for fact in find_facts(text):
        assert text[fact.start : fact.end] == fact.text
