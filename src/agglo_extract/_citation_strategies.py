"""Hypothesis strategies that build valid ``FootnoteCitation`` values of every GB/T 7714 type.

Imported by tests only (the package never imports this module; it needs
``hypothesis``, from the ``test`` extra). ``footnote_citations()`` draws
fields from parts, renders them with ``format_gbt7714`` and sets ``raw`` to
that rendering, so ``parse_citation(format_gbt7714(c)) == c`` compares every
field, ``raw`` included.

The domain is what a well-formed GB/T 7714-2015 entry can say without
ambiguity, and excludes on purpose:

* delimiter characters inside values: ``[ ] . // < >`` in titles (a
  subtitle after ``: `` or ``：`` is in), and ``, : ( )`` in names,
  containers, places and publishers (the grammar uses them as separators;
  real entries that contain them are case-table material, not round-trip
  material). Names may carry abbreviation dots (``U.S. Census Bureau``,
  ``W.H.O. Regional Office``) but never end in one;
* ASCII digits in author names (an author list with a digit is read as a
  title) and ``等`` at the end of a Chinese name (read as "and others");
  ``et al.`` on editors (not modelled: ``et_al`` is for the authors);
* a title subtitle that looks like a standard or patent number
  (``: GB/T 1-2000``) on S, P and R entries, where it would be read as
  ``number``;
* combinations a printed entry cannot carry: ``date`` without ``year ==
  int(date[:4])``; pages, volume or issue without a year; place without
  publisher; a container on types other than J, N, EB (publication head) or
  M, C, G, A, Z (the ``//`` host); editors without a ``//`` container;
  a country (``place``) on a patent without a number; publisher without
  place on EB (it would read back as the site, i.e. ``container``);
* translators on types other than M, and corporate translators;
* ``marker``, ``location`` and ``warnings`` (a valid entry has none).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .export.gbt7714 import format_gbt7714
from .models.citation import FootnoteCitation

__all__ = ["footnote_citations"]

TYPES = ("M", "C", "G", "N", "J", "D", "R", "S", "P", "DB", "CP", "EB", "A", "CM", "DS", "Z", "PP")
CARRIERS = ("OL", "CD", "MT", "DK")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉建国红云海波宁东晓"
_HAN_WORDS = (
    "城市群",
    "协同",
    "发展",
    "研究",
    "区域",
    "经济",
    "北部湾",
    "高质量",
    "空间",
    "结构",
    "治理",
    "交通",
    "一体化",
    "产业",
    "分工",
    "生态",
    "政策",
    "评价",
    "机制",
    "路径",
    "中心城市",
    "开放",
)
_EN_WORDS = ("urban", "cluster", "growth", "policy", "regional", "economy", "china", "network", "spatial")
_ORGS = (
    "国家统计局",
    "中国互联网络信息中心",
    "全国信息与文献标准化技术委员会",
    "World Bank",
    "U.S. Census Bureau",
    "W.H.O. Regional Office",
    "Acme Planning Inc.",
)
_PLACES = ("北京", "上海", "南宁", "广州", "New York", "London", "Washington")
_PUBLISHERS = ("科学出版社", "人民出版社", "中国标准出版社", "广西人民出版社", "Springer", "MIT Press")
_CONTAINERS = (
    "地理学报",
    "经济地理",
    "城市规划学刊",
    "人民日报",
    "广西日报-广西新闻网",
    "中国经济网",
    "Urban Studies",
    "Regional Studies",
)

_han_name = st.builds(lambda s, g: s + g, st.sampled_from(_SURNAMES), st.text(_GIVEN, min_size=1, max_size=2))
_western_name = st.builds(
    lambda family, initials: f"{family} {initials}",
    st.text("ABCDEFGHIJKLMNOPRSTUVWY", min_size=3, max_size=8),
    st.sampled_from(("J", "A", "JR", "M K", "L")),
)
_name = st.one_of(_han_name, _han_name, _western_name, st.sampled_from(_ORGS))
_names = st.lists(_name, min_size=1, max_size=4, unique=True).map(tuple)

_words = st.one_of(
    st.lists(st.sampled_from(_HAN_WORDS), min_size=1, max_size=4).map("".join),
    st.lists(st.sampled_from(_EN_WORDS), min_size=1, max_size=5).map(" ".join),
)
_decorated = st.builds(
    lambda word, left, right: left + word + right,
    _words,
    st.sampled_from(("", "“", "《", "")),
    st.sampled_from(("", "”", "》", "（2016—2020年）", "？")),
)
_title = st.builds(
    lambda main, sub, sep: main + (sep + sub if sub else ""),
    _decorated,
    st.none() | _words,
    st.sampled_from((": ", "：", " ")),
)
_iso_day = st.dates().filter(lambda d: 1900 <= d.year <= 2030).map(lambda d: d.isoformat())
_iso = st.one_of(_iso_day, _iso_day.map(lambda d: d[:7]))
_url = st.builds(
    lambda host, path: f"http://www.{host}.cn/{path}.html",
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789_/", min_size=1, max_size=20).filter(
        lambda p: not p.startswith("/") and "//" not in p and not p.endswith("/")
    ),
)
_doi = st.builds(
    lambda reg, suffix: f"10.{reg}/{suffix}",
    st.integers(1000, 99999),
    st.text("abcdefghij0123456789", min_size=3, max_size=12),
)
_pages = st.one_of(
    st.integers(1, 999).map(str),
    st.builds(lambda a, n: f"{a}-{a + n}", st.integers(1, 900), st.integers(1, 50)),
)
_numbers = {
    "S": st.sampled_from(("GB/T 3792.4—2009", "GB/T 7714—2015", "GB 3100—1993", "ISO 690:2010")),
    "P": st.sampled_from(("200610171314.3", "CN1234567A", "88105607.3", "US6915001B2")),
    "R": st.sampled_from(("NASA-TM-2005-213456", "WHO-2017-03")),
}
_CONTAINER_HEAD = frozenset({"J", "N", "EB"})
_ANALYTIC = frozenset({"M", "C", "G", "A", "Z"})


@st.composite
def _fields(draw: st.DrawFn) -> dict[str, Any]:
    code = draw(st.sampled_from(TYPES))
    values: dict[str, Any] = {"type_code": code, "title": draw(_title)}
    values["carrier"] = draw(st.none() | st.sampled_from(CARRIERS))
    if draw(st.booleans()):
        values["authors"] = draw(_names)
        values["et_al"] = draw(st.booleans())
    if code in {"S", "P", "R"} and draw(st.booleans()):
        values["title"] = draw(_words)
        values["number"] = draw(_numbers[code])
        if code == "P" and draw(st.booleans()):
            values["place"] = draw(st.sampled_from(("中国", "美国", "日本")))
    if code in _CONTAINER_HEAD or (code in _ANALYTIC and draw(st.booleans())):
        values["container"] = draw(st.none() | st.sampled_from(_CONTAINERS))
        if code in _ANALYTIC and values["container"] is not None and draw(st.booleans()):
            values["container_authors"] = draw(_names)
    if code == "M" and draw(st.integers(0, 3)) == 0:
        values["translators"] = draw(_names.filter(lambda names: not any(n in _ORGS for n in names)))
    if code in {"M", "G", "C"} and draw(st.booleans()):
        values["edition"] = draw(st.sampled_from(("2版", "第3版", "修订版", "3rd ed", "2nd ed")))
    publication_place = code not in {"J", "N", "P"} and "place" not in values
    if publication_place and draw(st.booleans()):
        values["publisher"] = draw(st.sampled_from(_PUBLISHERS))
        if code == "EB" or draw(st.booleans()):
            values["place"] = draw(st.sampled_from(_PLACES))
        if code == "EB":
            values["container"] = None
    if draw(st.integers(0, 4)) > 0 or "publisher" in values:
        if draw(st.booleans()):
            values["date"] = draw(_iso)
            values["year"] = int(values["date"][:4])
        else:
            values["year"] = draw(st.integers(1900, 2030))
        if code == "J":
            values["volume"] = draw(st.none() | st.integers(1, 120).map(str))
            values["issue"] = draw(st.none() | st.sampled_from(("1", "06", "1/2", "增刊1", "S1", "12")))
        if code != "P" and draw(st.booleans()):
            values["pages"] = draw(_pages) if code != "N" else draw(st.sampled_from(("010", "A3", "5")))
    if draw(st.booleans()):
        values["url"] = draw(_url)
        if draw(st.booleans()):
            values["access_date"] = draw(_iso_day)
            if draw(st.booleans()):
                values["update_date"] = draw(_iso_day)
    elif draw(st.integers(0, 3)) == 0:
        values["access_date"] = draw(_iso_day)
    if code in {"J", "C", "M", "D", "PP", "DS"} and draw(st.booleans()):
        values["doi"] = draw(_doi)
    return values


@st.composite
def footnote_citations(draw: st.DrawFn, *, edition: str = "2015") -> FootnoteCitation:
    """A valid citation whose ``raw`` is its own GB/T 7714 rendering in ``edition``."""
    values = draw(_fields())
    bare = FootnoteCitation(raw="", **values)
    text = format_gbt7714(bare, edition)  # type: ignore[arg-type]
    return bare.model_copy(update={"raw": text})
