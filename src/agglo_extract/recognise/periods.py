"""Time expressions → ISO dates and intervals: years, months, quarters, plan periods.

``find_periods`` searches running text and returns every time expression
with its span and its ISO form (``2016``, ``2016-11``, ``2016-01/2016-11``,
``2017-02-10``, and ``2010/..`` for 2010年以来, an interval open at its
end). A period without its own year (``1-11月``, ``一季度``) takes the last
year stated before it (or ``default_year``); relative words
(今年, 去年, 明年) resolve from ``issue_date`` and are left unresolved
without it. ``比去年同期`` is a comparison base, not a period, and is skipped.

>>> [p.period for p in find_periods("2016年1-11月增长11.2%，一季度增长10.4%")]
['2016-01/2016-11', '2016-01/2016-03']
>>> [p.period for p in find_periods("预计到“十三五”末，“十三五”期间")]
['2020', '2016/2020']
>>> [p.period for p in find_periods("今年上半年", issue_date="2017-11-25")]
['2017', '2017-01/2017-06']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import patterns
from .numbers import NumberSyntaxError, fold_digits, parse_cn_number

__all__ = ["PeriodMatch", "find_periods"]


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    """A time expression: ``text == source[start:end]``; ``period`` is None when it cannot be resolved.

    ``is_date`` marks a full date (2017年2月10日); ``has_year`` says whether the
    text stated its own year; ``is_base`` marks the base of a comparison
    (比2015年增加, 较上年), which is not the period of what is compared.
    """

    start: int
    end: int
    text: str
    period: str | None
    has_year: bool
    is_date: bool = False
    is_base: bool = False


_PERIOD = patterns.compile(
    r"""
    (?P<date> (?P<dy>(?:19|20)\d{2}) \s?年 \s?(?P<dm>\d{1,2}) \s?月 \s?(?P<dd>\d{1,2}) \s?[日号] )
    | (?P<ymr> (?P<ry>(?:19|20)\d{2}) \s?年 \s?(?P<m1>\d{1,2}) \s?[-－—–～~至到] \s?(?P<m2>\d{1,2}) \s?月份? )
    | (?P<ym> (?P<my>(?:19|20)\d{2}) \s?年 \s?(?P<mm>\d{1,2}) \s?月份? )
    | (?P<yr> (?P<y1>(?:19|20)\d{2}) \s?年? \s?[-－—–～~至到] \s?(?P<y2>(?:19|20)\d{2}) \s?年 )
    | (?P<decade> (?P<century>\d{2}) \s?世纪 \s?(?P<dec>\d)0 \s?年代 | (?P<dec4>(?:19|20)\d0) \s?年代 )
    | (?P<yp> (?P<py>(?:19|20)\d{2}) \s?年 (?!代)                          # 2016年, 2017年上半年, 2016年底
        (?: \s?(?P<part> 上半年 | 下半年 | 前三季度 | 第?[一二三四1-4]季度 | 年初 | 年底 | 年末 | 年中
                        | 全年 | 初 | 底 | 末 | 度 ) )? (?P<since> 以来 )? )             # 2010年以来
    | (?P<plan> [“"]? (?P<five>十[一二三四五]|[一二三四五六七八九])五 [”"]?
        (?P<plan_tail> 规划 | 时期 | 期间 | 期末 | 末 )? )                   # “十三五”末
    | (?P<mr> (?<![\d.]) (?P<n1>\d{1,2}) \s?[-－—–～~至到] \s?(?P<n2>\d{1,2}) \s?月份? )  # 1-11月
    | (?P<m> (?<![\d.第]) (?P<mon>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]) \s?月份?   # 5 月, 十一月
        (?:\s?(?P<mday>\d{1,2})\s?[日号])? (?![\p{Han}]?[亮光球饼]) )                    # 10月12日
    | (?P<half> 上半年 | 下半年 | 前三季度 | 第?[一二三四1-4]季度 )
    | (?P<rel> (?<![比较同于与]) (?P<relword>今年|去年|上年|明年|前年|本年) (?!同期|同比|的) )
    """,
    regex.VERBOSE,
)
"""Alternatives in order of preference; every repeat is bounded."""

_PARTS = {
    "上半年": ("01", "06"),
    "下半年": ("07", "12"),
    "前三季度": ("01", "09"),
    "一季度": ("01", "03"),
    "二季度": ("04", "06"),
    "三季度": ("07", "09"),
    "四季度": ("10", "12"),
}
_BASE = patterns.compile(r"(?: 比 | 较 | 与 | 同 | 相比 | 对比 ) \s? $  # 比2015年: a comparison base", regex.VERBOSE)
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_WORD_MONTHS = "一二三四五六七八九"


def _part_period(year: str, part: str) -> str:
    key = part.lstrip("第").translate(str.maketrans("1234", "一二三四"))
    if key in _PARTS:
        first, last = _PARTS[key]
        return f"{year}-{first}/{year}-{last}"
    return year


def _plan_period(five: str, tail: str | None) -> str | None:
    """The n-th five-year plan: 一五 1953–1957, 二五 1958–1962, 三五 from 1966 on."""
    number = int(parse_cn_number(five))
    if number > 15:
        return None
    start = {1: 1953, 2: 1958}.get(number, 1966 + 5 * (number - 3))
    if tail in {"末", "期末"}:
        return str(start + 4)
    return f"{start}/{start + 4}"


def _month(value: str) -> int:
    try:
        return int(value) if value.isdigit() else int(parse_cn_number(value))
    except NumberSyntaxError:  # pragma: no cover - the pattern only admits month numerals
        return 0


def find_periods(text: str, *, issue_date: str | None = None, default_year: str | None = None) -> list[PeriodMatch]:
    """Every time expression in ``text``, in order, with its ISO period.

    ``default_year`` is the year a year-less period takes when no year is
    stated before it in ``text`` (the caller passes the paragraph's).
    """
    folded = fold_digits(text)
    issue_year = int(issue_date[:4]) if issue_date and issue_date[:4].isdigit() else None
    year = default_year
    found: list[PeriodMatch] = []
    for match in _PERIOD.finditer(folded):
        start, end = match.span()
        period: str | None
        has_year, is_date = True, False
        if match["date"]:
            month, day = int(match["dm"]), int(match["dd"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            period, year, is_date = f"{match['dy']}-{month:02d}-{day:02d}", match["dy"], True
        elif match["ymr"]:
            first, last = int(match["m1"]), int(match["m2"])
            if not 1 <= first < last <= 12:
                continue
            year = match["ry"]
            period = f"{year}-{first:02d}/{year}-{last:02d}"
        elif match["ym"]:
            month = int(match["mm"])
            if not 1 <= month <= 12:
                continue
            year = match["my"]
            period = f"{year}-{month:02d}"
        elif match["yr"]:
            period, year = f"{match['y1']}/{match['y2']}", match["y2"]
        elif match["decade"]:
            if match["dec4"]:
                first_year = int(match["dec4"])
            else:
                first_year = (int(match["century"]) - 1) * 100 + int(match["dec"]) * 10
            period = f"{first_year}/{first_year + 9}"
        elif match["yp"]:
            year = match["py"]
            period = f"{year}/.." if match["since"] else _part_period(year, match["part"] or "")
        elif match["plan"]:
            if not match["plan"].startswith(("“", '"')) and not match["plan_tail"] and len(match["five"]) < 2:
                continue  # 五 alone is a numeral, not a plan
            if match["five"] == "十" and not match["plan"].startswith(("“", '"')):
                continue  # 十五 unquoted is fifteen
            period = _plan_period(match["five"], match["plan_tail"])
            if period is None:
                continue
            has_year = False
        elif match["mr"]:
            first, last = int(match["n1"]), int(match["n2"])
            if not 1 <= first < last <= 12:
                continue
            period = f"{year}-{first:02d}/{year}-{last:02d}" if year else None
            has_year = False
        elif match["m"]:
            month = _month(match["mon"])
            if not 1 <= month <= 12 or (match["mon"] in _WORD_MONTHS and folded[end : end + 1] == "份"):
                continue
            period = f"{year}-{month:02d}" if year else None
            if match["mday"]:
                is_date = True
                period = f"{period}-{int(match['mday']):02d}" if period else None
            has_year = False
        elif match["half"]:
            period = _part_period(year, match["half"]) if year else None
            has_year = False
        else:
            offset = _RELATIVE[match["relword"]]
            period = str(issue_year + offset) if issue_year else None
            if period:
                year = period
        is_base = _BASE.search(folded, max(0, start - 3), start) is not None
        found.append(PeriodMatch(start, end, text[start:end], period, has_year, is_date, is_base))
    return found
