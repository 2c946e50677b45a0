"""Regenerate ``src/agglo_extract/data/gazetteer.tsv`` from cpca's ``adcodes.csv``.

Source: the PyPI package ``cpca`` 0.5.5 (MIT, released 2021-02), whose
``cpca/resources/adcodes.csv`` carries the National Bureau of Statistics
administrative division codes (统计用区划代码) with 12-digit codes. We keep
provinces, prefecture-level units and county-level units (6-digit codes) and
drop the placeholder rows (市辖区, 县, 省直辖县级行政区划).

Usage::

    pip download --no-deps cpca==0.5.5 -d /tmp/cpca
    python scripts/build_gazetteer.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

Never imported by the package.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "agglo_extract" / "data" / "gazetteer.tsv"
SOURCE = (
    "# source: PyPI cpca 0.5.5 (MIT, 2021-02) cpca/resources/adcodes.csv, National Bureau of Statistics "
    "division codes (统计用区划代码); provinces, prefecture- and county-level units; "
    "regenerate with scripts/build_gazetteer.py; retrieved 2026-11-22"
)
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位"}
# Longest first: the suffix that is cut off to give the short name (南宁市 → 南宁).
SUFFIXES = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "林区", "地区", "新区", "省", "市", "盟", "县", "区", "旗",
)  # fmt: skip
# Ethnic names inside 自治州/自治县 names, cut after the suffix (延边朝鲜族自治州 → 延边).
ETHNIC = (
    "朝鲜族", "土家族", "苗族", "布依族", "侗族", "彝族", "藏族", "羌族", "傣族", "景颇族", "白族", "哈尼族",
    "壮族", "傈僳族", "回族", "蒙古族", "哈萨克族", "柯尔克孜族", "黎族", "瑶族", "满族", "畲族", "仡佬族",
    "水族", "纳西族", "拉祜族", "佤族", "普米族", "怒族", "独龙族", "仫佬族", "毛南族", "土族", "撒拉族",
    "东乡族", "保安族", "裕固族", "锡伯族", "达斡尔族", "鄂温克族", "鄂伦春族", "塔吉克族", "各族",
)  # fmt: skip


# Divisions abolished before the source's snapshot whose codes were not reused:
# (code, name, valid_from, valid_to), from the State Council approvals.
HISTORICAL = (
    ("110103", "崇文区", "", "2010"),  # merged into 东城区
    ("110104", "宣武区", "", "2010"),  # merged into 西城区
    ("310103", "卢湾区", "", "2011"),  # merged into 黄浦区
    ("310108", "闸北区", "", "2015"),  # merged into 静安区
    ("341400", "巢湖市", "", "2011"),  # prefecture split between 合肥, 芜湖, 马鞍山
)


def short_name(name: str) -> str:
    """The name without its administrative suffix, or '' when that leaves one character."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                changed = True
                while changed:
                    changed = False
                    for ethnic in ETHNIC:
                        if stem.endswith(ethnic) and len(stem) > len(ethnic):
                            stem, changed = stem[: -len(ethnic)], True
            return stem if len(stem) >= 2 else ""
    return ""


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def build(csv_text: str) -> list[tuple[str, ...]]:
    rows: dict[str, str] = {}
    for record in csv.DictReader(io.StringIO(csv_text)):
        code, name = record["adcode"][:6], record["name"].strip()
        if name in PLACEHOLDERS or not name:
            continue
        rows[code] = name
    out = []
    for code in sorted(rows):
        level = level_of(code)
        parent = ""
        if level == "prefecture":
            parent = code[:2] + "0000"
        elif level == "county":
            city = code[:4] + "00"
            parent = city if city in rows else code[:2] + "0000"
        out.append((code, rows[code], short_name(rows[code]), level, parent, "", ""))
    for code, name, valid_from, valid_to in HISTORICAL:
        if code not in rows:
            level = level_of(code)
            parent = code[:2] + "0000" if level != "province" else ""
            out.append((code, name, short_name(name), level, parent, valid_from, valid_to))
    return sorted(out)


def main(argv: list[str]) -> int:
    with zipfile.ZipFile(argv[1]) as wheel:
        csv_text = wheel.read("cpca/resources/adcodes.csv").decode("utf-8")
    rows = build(csv_text)
    lines = [SOURCE, "adcode\tname\tshort_name\tlevel\tparent\tvalid_from\tvalid_to"]
    lines += ["\t".join(row) for row in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
