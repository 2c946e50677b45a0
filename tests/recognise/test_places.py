"""Gazetteer lookups: city_code and find_places."""

from __future__ import annotations

import pytest

from agglo_extract.recognise.places import city_code, find_places, starts_place

CODES = [
    ("南宁", "450100"),
    ("南宁市", "450100"),
    (" 南 宁 ", "450100"),
    ("防城港", "450600"),
    ("防城港市", "450600"),
    ("泸州", "510500"),
    ("北京", "110000"),
    ("广西壮族自治区", "450000"),
    ("广西", "450000"),
    ("吉林", "220200"),
    ("延边", "222400"),
    ("仙桃", "429004"),
    ("合江县", "510522"),
    ("巢湖", "340181"),
    ("崇文区", "110103"),
]


@pytest.mark.parametrize(("name", "code"), CODES, ids=[name.strip() for name, _ in CODES])
def test_city_code(name: str, code: str) -> None:
    assert city_code(name) == code


@pytest.mark.parametrize("name", ["朝阳区", "鼓楼区", "城区", "北部湾城市群", "纽约", "", "市"])
def test_city_code_none_when_ambiguous_or_unknown(name: str) -> None:
    assert city_code(name) is None


def test_find_places_spans_and_codes() -> None:
    text = "北部湾经济区四市和泸州、昆明市，以及长三角城市群"
    places = find_places(text)
    assert [(p.text, p.code) for p in places] == [
        ("北部湾经济区", "EZ01"),
        ("泸州", "510500"),
        ("昆明市", "530100"),
        ("长三角城市群", "CC02"),
    ]
    for place in places:
        assert text[place.start : place.end] == place.text


@pytest.mark.parametrize(
    "text",
    ["沿海城市群", "新建了三个公园", "东方明珠"],
    ids=["海城市 before 群", "county short name 新建", "county short name 东方"],
)
def test_find_places_skips_ordinary_words(text: str) -> None:
    assert find_places(text) == []


def test_starts_place() -> None:
    assert starts_place("七台河市", 0)
    assert not starts_place("七个统一", 0)
