"""Normalisation: what is folded, what is kept, and the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agglo_extract.normalise import collapse_han_spaces, join_number_gaps, normalise


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("２０１７年增长６５．７％", "2017年增长65.7%"),
        ("ＧＤＰ总量", "GDP总量"),
        ("注释①②，“城市群”《规划》。", "注释①②，“城市群”《规划》。"),
        ("城市\u3000群", "城市 群"),
        ("城\u200b市", "城市"),
        ("\ufeff信息参考", "信息参考"),
        ("a\r\nb\rc", "a\nb\nc"),
    ],
    ids=["digits-percent", "latin", "cjk-punct-and-markers-kept", "ideographic-space", "zero-width", "bom", "newlines"],
)
def test_normalise_folds(source: str, expected: str) -> None:
    assert normalise(source).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("韦 江", "韦江"),
        ("广西 北部湾", "广西北部湾"),
        ("E 贸易", "E 贸易"),
        ("2017 年", "2017 年"),
        ("城市 ，群", "城市，群"),
    ],
)
def test_collapse_han_spaces(text: str, expected: str) -> None:
    assert collapse_han_spaces(text) == expected


def test_join_number_gaps() -> None:
    assert join_number_gaps(normalise("６５． ７％").text) == "65.7%"


@given(st.text(alphabet="城市１２３４５６７８９０％．①，。 \u3000\u200b\r\naZＺ", max_size=60))
def test_offset_map_is_exact(source: str) -> None:
    result = normalise(source)
    assert len(result.offsets) == len(result.text) + 1
    for index, char in enumerate(result.text):
        start, end = result.to_source(index, index + 1)
        original = source[start:end]
        assert normalise(original).text == char or (char == "\n" and original in ("\r", "\n"))


@given(st.text(max_size=80))
def test_normalise_is_idempotent(source: str) -> None:
    once = normalise(source).text
    assert normalise(once).text == once
