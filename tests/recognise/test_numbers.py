"""Chinese and Arabic numerals: parse_cn_number, format_cn, fold_digits."""

from __future__ import annotations

import pytest

from agglo_extract.errors import AggloExtractError
from agglo_extract.recognise.numbers import NumberSyntaxError, cn_number, fold_digits, format_cn, parse_cn_number

NUMBERS = [
    ("0", 0.0),
    ("1243.8", 1243.8),
    ("1,243.8", 1243.8),
    ("2,153,600", 2153600.0),
    ("６５．７", 65.7),
    ("６５． ７", 65.7),
    ("9 .3", 9.3),
    ("二十三", 23.0),
    ("十二", 12.0),
    ("十", 10.0),
    ("一百零八", 108.0),
    ("两千零五十", 2050.0),
    ("一百二十万", 1200000.0),
    ("两万七千", 27000.0),
    ("十万零一", 100001.0),
    ("三亿五千万", 350000000.0),
    ("三万亿", 3e12),
    ("1.2万", 12000.0),
    ("1.62万亿", 1.62e12),
    ("3千", 3000.0),
    ("1.5百万", 1500000.0),
    ("千万", 1e7),
    ("二〇一六", 2016.0),
    ("三点五万", 35000.0),
    ("零点二五", 0.25),
    ("五分之一", 0.2),
    ("三分之二", 2 / 3),
    ("1/4", 0.25),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS, ids=[text for text, _ in NUMBERS])
def test_parse_cn_number(text: str, value: float) -> None:
    assert parse_cn_number(text) == pytest.approx(value, rel=1e-12)
    assert cn_number(text) == parse_cn_number(text)


BAD = ["", "x", "万", "十十", "一二十", "百千", "1/0", "点五", "五分之", "一" * 481]


@pytest.mark.parametrize("text", BAD, ids=[repr(text)[:12] for text in BAD])
def test_not_a_number_raises(text: str) -> None:
    with pytest.raises(NumberSyntaxError) as caught:
        parse_cn_number(text)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, AggloExtractError)


RENDERED = [
    (0, "零"),
    (10, "十"),
    (15, "十五"),
    (105, "一百零五"),
    (1010, "一千零一十"),
    (2050, "两千零五十"),
    (1_200_000, "一百二十万"),
    (100_001, "十万零一"),
    (3.25, "三点二五"),
]


@pytest.mark.parametrize(("value", "text"), RENDERED, ids=[text for _, text in RENDERED])
def test_format_cn(value: float, text: str) -> None:
    assert format_cn(value) == text
    assert parse_cn_number(text) == value


@pytest.mark.parametrize("value", [-1.0, float("nan"), float("inf")])
def test_format_cn_rejects_what_has_no_numeral(value: float) -> None:
    with pytest.raises(ValueError, match="cannot render"):
        format_cn(value)


def test_fold_digits_keeps_length() -> None:
    text = "占全国的 ６５． ７％，１，２４３"
    folded = fold_digits(text)
    assert len(folded) == len(text)
    assert folded == "占全国的 65. 7％，1，243"
