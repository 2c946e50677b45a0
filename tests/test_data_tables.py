"""The package data tables the fact recogniser reads: sources, units, codes, parents."""

from __future__ import annotations

from decimal import Decimal

import pytest
import regex

from agglo_extract.data import load_table

CANONICAL = {"km", "km2", "m2", "t", "t_km", "CNY", "USD", "person", "person_trip", "item", "percent"}
CANONICAL |= {"percentage_point", "times"}
QUALIFIERS = {"about", "at_least", "more_than", "nearly", "at_most", "less_than"}
TABLES = ["units", "qualifiers", "gazetteer", "city_clusters", "domain_terms"]


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_with_rows(name: str) -> None:
    assert load_table(name)


def test_units_are_canonical_or_a_chinese_word() -> None:
    rows = load_table("units")
    assert len({row["raw_unit"] for row in rows}) == len(rows)
    for row in rows:
        assert row["unit"] in CANONICAL or regex.fullmatch(r"\p{Han}{1,4}", row["unit"]), row
        assert Decimal(row["factor"]) > 0
        assert row["kind"] in {"quantity", "money", "percent", "count", "ratio", "difference"}
    assert {row["unit"] for row in rows} >= CANONICAL


def test_units_convert_as_the_contract_says() -> None:
    units = {row["raw_unit"]: (row["unit"], Decimal(row["factor"])) for row in load_table("units")}
    assert units["平方公里"] == ("km2", Decimal(1))
    assert units["个百分点"] == ("percentage_point", Decimal(1))
    assert units["倍"] == ("times", Decimal(1))
    assert units["吨公里"] == ("t_km", Decimal(1))
    assert units["座"][0] == "座"


def test_qualifiers_use_contract_words() -> None:
    rows = load_table("qualifiers")
    assert len({(row["position"], row["word"]) for row in rows}) == len(rows)
    assert {row["qualifier"] for row in rows} == QUALIFIERS
    assert {row["position"] for row in rows} == {"before", "after", "inside"}


def test_gazetteer_codes_unique_and_parents_exist() -> None:
    rows = load_table("gazetteer")
    codes = {row["adcode"] for row in rows}
    assert len(codes) == len(rows) > 3000
    for row in rows:
        assert regex.fullmatch(r"\d{6}", row["adcode"]), row
        assert row["level"] in {"province", "prefecture", "county"}
        assert (row["parent"] == "") == (row["level"] == "province"), row
        assert not row["parent"] or row["parent"] in codes, row
        assert row["short_name"] == "" or row["name"].startswith(row["short_name"]), row
    assert sum(row["level"] == "province" for row in rows) == 34
    for row in rows:
        assert regex.fullmatch(r"(\d{4})?", row["valid_from"]) and regex.fullmatch(r"(\d{4})?", row["valid_to"]), row
    assert any(row["valid_to"] for row in rows)


def test_city_clusters_ids_unique_and_names_not_divisions() -> None:
    rows = load_table("city_clusters")
    assert len({row["id"] for row in rows}) == len(rows)
    names = [row["name"] for row in rows] + [alias for row in rows for alias in row["aliases"].split("|") if alias]
    assert len(set(names)) == len(names)
    divisions = {row["name"] for row in load_table("gazetteer")}
    assert not divisions & set(names)


def test_domain_terms_unique_with_known_types() -> None:
    rows = load_table("domain_terms")
    assert len({row["term"] for row in rows}) == len(rows)
    assert {row["type"] for row in rows} <= {"metric", "verb", "function", "subject_suffix", "scope"}
