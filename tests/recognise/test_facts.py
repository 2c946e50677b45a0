"""find_facts over the case table (fixtures/facts/*.jsonl), blocks, and odd input.

Each case lists every fact expected in its sentence. ``test_facts`` checks the
spans and the numbers (value, unit, raw unit, kind, qualifier, period);
``test_fact_context`` the metric and subject. A case that is a known failure
names the check in ``"xfail"`` and runs as a strict xfail, so a fix shows up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agglo_extract.models import NumericFact
from agglo_extract.recognise.facts import find_facts, find_facts_in_blocks

ROOT = Path(__file__).resolve().parents[2]
CASE_FILES = sorted((ROOT / "fixtures" / "facts").glob("*.jsonl"))
SEEDS = ROOT.parent / "shared" / "seeds"
NUMBER_FIELDS = ("raw_unit", "unit", "kind", "qualifier", "period", "per")


def _cases() -> list[dict[str, Any]]:
    return [json.loads(line) for path in CASE_FILES for line in path.read_text("utf-8").splitlines() if line]


CASES = _cases()


def _params(check: str) -> list[Any]:
    return [
        pytest.param(case, id=case["id"], marks=pytest.mark.xfail(strict=True, reason=case.get("note") or check))
        if check in case.get("xfail", [])
        else pytest.param(case, id=case["id"])
        for case in CASES
    ]


def test_case_table_is_big_and_well_formed() -> None:
    assert len(CASES) >= 300
    assert len({case["id"] for case in CASES}) == len(CASES)
    for case in CASES:
        for fact in case["expected"]:
            assert case["text"][fact["start"] : fact["end"]] == fact["text"], case["id"]


def _numbers(fact: NumericFact | dict[str, Any]) -> dict[str, Any]:
    def get(name: str) -> Any:
        return fact.get(name) if isinstance(fact, dict) else getattr(fact, name)

    out = {name: get(name) for name in NUMBER_FIELDS}
    out["text"], out["span"] = get("text"), (get("start"), get("end"))
    out["value"] = round(get("value"), 9)
    out["value_max"] = None if get("value_max") is None else round(get("value_max"), 9)
    return out


@pytest.mark.parametrize("case", _params("facts"))
def test_facts(case: dict[str, Any]) -> None:
    found = find_facts(case["text"], issue_date=case.get("issue_date"))
    assert [_numbers(fact) for fact in found] == [_numbers(fact) for fact in case["expected"]]


@pytest.mark.parametrize("case", _params("context"))
def test_fact_context(case: dict[str, Any]) -> None:
    found = {
        (f.start, f.end): (f.metric, f.subject) for f in find_facts(case["text"], issue_date=case.get("issue_date"))
    }
    expected = {(e["start"], e["end"]): (e["metric"], e["subject"]) for e in case["expected"]}
    assert {span: found.get(span) for span in expected} == expected


def test_find_facts_in_blocks_carries_block_index_heading_subject_and_year() -> None:
    blocks = [
        "柳州：打造西部汽车城",
        "2018年，全市汽车产量 215 万辆。",
        "一季度，汽车产量增长 6.5%，占全区的 60%。",
        "今年新增整车企业 2 家。",
    ]
    facts = find_facts_in_blocks(blocks, issue_date="2019-05-01")
    assert [(f.block_index, f.text) for f in facts] == [(1, "215 万辆"), (2, "6.5%"), (2, "60%"), (3, "2 家")]
    for fact in facts:
        assert blocks[fact.block_index][fact.start : fact.end] == fact.text
        assert fact.subject == "柳州"
    assert facts[0].period == "2018"
    assert facts[1].period is None  # a year-less quarter with no year stated in its paragraph
    assert facts[2].kind == "share"
    assert facts[2].metric == "汽车产量"
    assert facts[3].period == "2019"


def test_year_less_period_takes_the_year_of_its_paragraph() -> None:
    (fact,) = find_facts("2016年，泸县工业平稳发展，1-11月规模以上工业增加值增长 9.2%。")
    assert fact.period == "2016-01/2016-11"
    assert fact.kind == "growth"
    assert fact.metric == "规模以上工业增加值"


def test_relative_year_needs_the_issue_date() -> None:
    text = "今年上半年，钦州市外贸进出口增长 12%。"
    assert find_facts(text)[0].period is None
    assert find_facts(text, issue_date="2017-11-25")[0].period == "2017-01/2017-06"
    assert find_facts(text, issue_date="not a date")[0].period is None


def test_heading_without_a_place_ends_the_heading_subject() -> None:
    blocks = ["泸州：建设区域中心城市", "全市建成区面积 135 平方公里。", "国际经验", "该城市群总面积 14.5 万平方千米。"]
    facts = find_facts_in_blocks(blocks)
    assert [f.subject for f in facts] == ["泸州", None]


ODD = [
    "",
    " ",
    "\x00\x01",
    "。。。，，",
    "1" * 5000,
    "万" * 300,
    "第第第",
    "％％",
    "一二三四五六七八九十" * 50,
    "\ud800",
]


@pytest.mark.parametrize("text", ODD, ids=[repr(text)[:16] for text in ODD])
def test_odd_input_never_raises(text: str) -> None:
    for fact in find_facts(text):
        assert text[fact.start : fact.end] == fact.text


def test_no_facts_in_dates_years_phones_postcodes_and_footnotes() -> None:
    text = "2017年2月10日印发。电话：0771-5860411，邮编：530022。^{①}2016年，见表 1。"
    assert find_facts(text) == []


@pytest.mark.seed
@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is absent")
def test_seed_bulletin_facts() -> None:
    text = (SEEDS / "000_7cf66135544dacb7.txt").read_text("utf-8")
    blocks = [line for line in text.splitlines() if line.strip()]
    facts = find_facts_in_blocks(blocks, issue_date="2017-11-25")
    assert len(facts) > 100
    for fact in facts:
        assert blocks[fact.block_index][fact.start : fact.end] == fact.text
    area = [f for f in facts if f.unit == "km2" and f.value == 116600.0]
    assert area and area[0].metric == "陆域面积"
    growth = [f for f in facts if f.kind == "growth" and f.period == "2016-01/2016-11"]
    assert any(f.metric == "规模以上工业增加值" and f.value == 11.2 for f in growth)
    assert any(f.unit == "t_km" and f.value == 14985469400.0 for f in facts)
    assert not [f for f in facts if f.text.strip() in {"2017", "530022"}]


def test_a_list_closed_by_deng_is_one_subject() -> None:
    (fact,) = find_facts("2019年，南宁、北海、钦州、防城港等 4 市地区生产总值 5,000 亿元。")
    assert fact.subject == "南宁、北海、钦州、防城港等 4 市"
    assert fact.metric == "地区生产总值"
    assert fact.period == "2019"


def test_jieba_is_imported_only_when_facts_are_sought() -> None:
    import subprocess
    import sys

    code = "import sys, agglo_extract, agglo_extract.recognise.facts; print('jieba' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_bare_chengshiqun_means_the_cluster_in_view() -> None:
    blocks = ["滇中城市群概况", "昆明市是核心城市。城市群常住人口 2,100 万人，该市人口 680 万人。"]
    facts = find_facts_in_blocks(blocks)
    assert [(f.text, f.subject) for f in facts] == [("2,100 万人", "滇中城市群"), ("680 万人", "昆明市")]


def test_a_verb_phrase_ending_in_chengshiqun_is_no_subject() -> None:
    (fact,) = find_facts("三省就共建长江中游城市群签署合作项目 46 个。")
    assert fact.subject is None
