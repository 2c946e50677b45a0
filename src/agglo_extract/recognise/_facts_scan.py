"""Find number + unit spans in text: the first stage of fact recognition.

Works on a copy of the text with full-width digits folded one for one, so
spans are the same in the original. Every candidate has a unit, a magnitude
(4600 万) or is a percentage, fraction or rank; a bare number (a year, a page,
a footnote, a phone number, a postcode) is no fact.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from .. import patterns
from ..data import load_table
from .numbers import MAGNITUDES, NumberSyntaxError, fold_digits, parse_cn_decimal
from .places import starts_place

__all__ = ["Candidate", "UnitRow", "find_candidates", "units"]


@dataclass(frozen=True, slots=True)
class UnitRow:
    unit: str
    factor: Decimal
    kind: str


@dataclass(slots=True)
class Candidate:
    """A number with its unit, before context (kind, metric, subject, period) is known."""

    start: int
    end: int
    value: Decimal
    unit: str
    raw_unit: str
    kind: str
    qualifier: str | None = None
    value_max: Decimal | None = None
    per: str | None = None
    chinese: bool = False


@functools.cache
def units() -> dict[str, UnitRow]:
    """``data/units.tsv`` as raw unit → row."""
    return {row["raw_unit"]: UnitRow(row["unit"], Decimal(row["factor"]), row["kind"]) for row in load_table("units")}


@functools.cache
def _qualifiers() -> dict[tuple[str, str], str]:
    return {(row["position"], row["word"]): row["qualifier"] for row in load_table("qualifiers")}


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


@functools.cache
def _pattern() -> patterns.Pattern:
    qualifiers = _qualifiers()
    before = _alternation([word for position, word in qualifiers if position == "before"])
    after = _alternation([word for position, word in qualifiers if position == "after"])
    unit_words = _alternation(list(units()))
    return patterns.compile(
        rf"""
        (?P<per> 每 (?:秒钟?|分钟|小时|天|日|周|月|年) \s? )?         # a rate: 每秒 500 单
        (?: (?P<before> (?<![最附]) (?:{before}) (?<!超(?=过)) ) \s? )?  # 约, 近, 超过 … (qualifiers.tsv)
        (?:
            (?P<fraction>                                            # 五分之一, 1/4, 百分之三十
                (?P<den> \d{{1,3}} | [一二两三四五六七八九十百千]{{1,4}} ) 分之
                (?P<numer> \d{{1,3}}(?:\.\d+)? | [一二两三四五六七八九十]{{1,3}} )
                | (?<![\d./]) (?P<slash_num>\d{{1,2}}) / (?P<slash_den>\d{{1,3}}) (?![\d/])
            )
          | (?P<half> (?: (?<![\p{{Han}}]) | (?<=[占约近超过逾的]) ) 一半 )                          # 约占全省的一半
          | (?P<tenths> (?<![十百千第\d]) (?P<tenths_num> [二两三四五六七八九] | \d ) 成           # 三成
                (?![为功本员立效果绩熟就长都市型分])
            )
          | (?P<num>
                (?<![A-Za-z0-9_.．/]) \d{{1,3}} (?: ,\d{{3}} )+ (?: \.\d+ )?     # 1,243.8
              | (?<![A-Za-z0-9_.．/]) \d{{1,15}} (?: \s?\.\s?\d{{1,8}} )?        # 1243.8, 65. 7 (PDF text)
              | (?<![第\d几数零〇一二两三四五六七八九十百千万亿]) (?P<cn>
                    (?: [一二两三四五六七八九十] | (?<=近|逾|约|过|达|破|上) [百千] )      # 十二, 近千
                    (?: [零〇一二两三四五六七八九十百万亿] | 千(?![米克瓦升]) ){{0,10}}  # 两万七千, 四十二万
                )
            )
            (?: \s? (?P<inside1> 多 | 余 ) )?                          # 20 多个, 100余家
            (?: \s? (?P<magnitude> 万亿 | 千万 | 百万 | 亿 | 万 | 千(?![米克瓦]) ) )?
            (?: \s? (?P<inside2> 多 | 余 ) )?                          # 8300 多万单
            (?: \s? (?P<unit> {unit_words} ) )?
        )
        (?: \s? (?P<after> {after} ) (?![容部地陆涵外在需]) )?         # 以上, 左右 …
        """,
        regex.VERBOSE,
    )


_RANGE_JOIN = patterns.compile(r"\s? [-－—–～~至到] \s?  # 3-5, 10%～15%, 20至30", regex.VERBOSE)
_RANK = patterns.compile(
    r"""
    (?: (?: 位居 | 位列 | 居于? | 排名? | 名列 | 排在 | 列 )     # a verb of ranking
        [^，。；：,;:\d第]{0,12}?                                # where: 四川省, 全国
        (?P<rank> 第 \s? (?P<n> \d{1,4} | [一二三四五六七八九十]{1,3} ) \s? (?P<unit> 位 | 名 )?
                | (?P<first> 首 ) (?P<first_unit> 位 ) )                  # 居全国城市首位
      | (?: 全国 | 全省 | 全区 | 全球 | 世界 )                          # or a whole, then an ordinal:
        (?P<ordinal> 第 \s? (?P<on> \d{1,4} | [一二三四五六七八九十]{1,3} ) \s? (?P<ounit> 个 | 位 | 名 | 座 ) )
    )                                                                   # 成为全国第 16 个万亿级城市
    """,
    regex.VERBOSE,
)
_SKIP = patterns.compile(
    r"""
    https?://[^\s<>，。]{1,300} | www\.[^\s<>，。]{1,300}      # addresses
    | [\w.+-]{1,64}@[\w.-]{1,255}                               # email
    | \^\{[^}]{0,20}\}                                          # footnote markers ^{①}
    | \[\d{1,3}\]                                               # [1]
    | (?:表|图|附件|附表|注)\s?\d{1,3}                             # 表 1
    | \d{3,4}-\d{7,8}                                           # phone 0771-5860411
    | \d{4}-\d{2}-\d{2} | \d{6}-\d{2}                            # ISO dates, 201711-10
    | \d{1,3}\s?\+\s?\d{1,3}                                     # “4+2”城市
    """,
    regex.VERBOSE,
)
_TRAILING_MAGNITUDE = patterns.compile(
    r"(?: 万亿 | 亿 | 万 ) $  # 一百二十万: the magnitude of the raw unit", regex.VERBOSE
)
_TIME_UNITS = {"年", "天", "小时", "分钟", "秒", "个月"}


def find_candidates(text: str, masked: list[tuple[int, int]]) -> list[Candidate]:
    """Number + unit spans outside the ``masked`` spans (periods, dates), in text order."""
    folded = fold_digits(text)
    blocked = bytearray(len(folded) + 1)
    for start, end in [*masked, *(m.span() for m in _SKIP.finditer(folded))]:
        blocked[start:end] = b"\x01" * (end - start)
    found: list[Candidate] = []
    for match in _RANK.finditer(folded):
        start, end = match.span("ordinal") if match["ordinal"] else match.span("rank")
        if _overlaps(start, end, blocked):
            continue
        number = match["n"] or match["on"] or "1"
        value = Decimal(number) if number.isdigit() else parse_cn_decimal(number)
        raw = match["unit"] or match["first_unit"] or match["ounit"] or ""
        found.append(Candidate(start, end, value, raw if raw in {"位", "名"} else "位", raw, "rank"))
        blocked[start:end] = b"\x01" * (end - start)
    for match in _pattern().finditer(folded):
        candidate = _candidate(match, folded)
        if candidate is None or _overlaps(candidate.start, candidate.end, blocked) or _quoted(folded, match.start()):
            continue
        found.append(candidate)
    found.sort(key=lambda c: c.start)
    return _join_ranges(found, folded)


def _quoted(folded: str, start: int) -> bool:
    """Inside a short quotation: a slogan (“300米见绿”, “六个一”), not a statistic."""
    opening = folded.rfind("“", max(0, start - 15), start)
    if opening < 0 or folded.rfind("”", opening, start) >= 0:
        return False
    closing = folded.find("”", start, start + 15)
    return closing >= 0


def _overlaps(start: int, end: int, blocked: bytearray) -> bool:
    return blocked.find(1, start, end) >= 0


def _candidate(match: regex.Match[str], folded: str) -> Candidate | None:
    qualifiers = _qualifiers()
    start, end = match.span()
    if match["before"] and not (match["num"] or match["fraction"] or match["tenths"] or match["half"]):
        return None
    qualifier = None
    if match["before"]:
        qualifier = qualifiers[("before", match["before"])]
    inside = match["inside1"] or match["inside2"]
    if inside:
        qualifier = qualifiers[("inside", inside)]
    if match["after"]:
        qualifier = qualifiers[("after", match["after"])]
    per = match["per"].strip()[1:] if match["per"] else None
    if match["fraction"]:
        try:
            if match["slash_num"]:
                numerator, denominator = Decimal(match["slash_num"]), Decimal(match["slash_den"])
            else:
                numerator, denominator = parse_cn_decimal(match["numer"]), parse_cn_decimal(match["den"])
        except NumberSyntaxError:
            return None
        if denominator == 0 or numerator > denominator:
            return None
        value = numerator * 100 / denominator
        return Candidate(start, end, value, "percent", "", "percent", qualifier, per=per)
    if match["half"]:
        return Candidate(start, end, Decimal(50), "percent", "", "percent", qualifier, per=per)
    if match["tenths"]:
        digit = match["tenths_num"]
        value = Decimal(digit) * 10 if digit.isdigit() else parse_cn_decimal(digit) * 10
        return Candidate(start, end, value, "percent", "成", "percent", qualifier, per=per)
    unit_word, magnitude = match["unit"] or "", match["magnitude"] or ""
    chinese = bool(match["cn"])
    if not unit_word and not magnitude and not (chinese and match["cn"].endswith(("万", "亿"))):
        return None
    try:
        number = parse_cn_decimal(match["num"])
    except NumberSyntaxError:
        return None
    trailing = _TRAILING_MAGNITUDE.search(match["cn"]) if chinese and not magnitude else None
    if chinese and not _chinese_ok(match["cn"], number, unit_word, magnitude or bool(trailing), folded, start):
        return None
    if unit_word in _TIME_UNITS and (magnitude or _is_year_like(match["num"], unit_word, folded, match.end("unit"))):
        return None
    if not unit_word and magnitude == "千":
        return None
    value = number * MAGNITUDES[magnitude] if magnitude else number
    if trailing is not None:
        magnitude = trailing.group()
    row = units().get(unit_word) if unit_word else None
    if row is not None:
        value *= row.factor
    unit, kind = (row.unit, row.kind) if row is not None else ("", "quantity")
    if not unit_word and match["after"] in {"内"}:
        qualifier = None
    raw_unit = magnitude + unit_word
    return Candidate(start, end, value, unit, raw_unit, kind, qualifier, per=per, chinese=chinese)


def _chinese_ok(numeral: str, value: Decimal, unit: str, magnitude: str | bool, folded: str, start: int) -> bool:
    """Chinese numerals count only with a unit, not as the idiomatic 一 (一批, 一系列), not in place names."""
    if not unit and not magnitude:
        return False
    if value == 1 and not magnitude:
        return False
    if numeral in {"十"} and not unit:
        return False
    return not starts_place(folded, start)


def _is_year_like(number: str, unit: str, folded: str, unit_end: int) -> bool:
    """2016年 is a date, 80 年代 an era: neither is a duration."""
    if unit != "年":
        return False
    digits = number.replace(" ", "")
    if len(digits) == 4 and digits.isdigit():
        return True
    return folded[unit_end : unit_end + 1] in {"代", "度", "级"}


def _join_ranges(found: list[Candidate], folded: str) -> list[Candidate]:
    """``3-5年``, ``10%～15%``, ``20至30万人``: two candidates (or a bare number and one) become one."""
    joined: list[Candidate] = []
    for candidate in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind != "rank"
            and _RANGE_JOIN.fullmatch(folded[previous.end : candidate.start])
            and previous.unit == ""
            and candidate.unit != ""
            and previous.raw_unit == candidate.raw_unit[: len(previous.raw_unit)]
        ):  # 2 万至 3 万套: the low end takes the unit of the high end
            row = units().get(candidate.raw_unit[len(previous.raw_unit) :])
            previous.value *= row.factor if row else 1
            previous.unit, previous.raw_unit, previous.kind = candidate.unit, candidate.raw_unit, candidate.kind
        if (
            previous is not None
            and previous.kind != "rank"
            and _RANGE_JOIN.fullmatch(folded[previous.end : candidate.start])
            and previous.unit == candidate.unit
            and previous.value <= candidate.value
        ):
            previous.value_max, previous.end = candidate.value, candidate.end
            previous.qualifier = previous.qualifier or candidate.qualifier
            continue
        bare = _bare_low_end(candidate, folded)
        if bare is not None:
            candidate.value_max = candidate.value
            candidate.value, candidate.start = bare
        joined.append(candidate)
    return joined


_LOW_END = patterns.compile(
    r"""
    (?<![A-Za-z0-9_.．/,])
    (?P<n> \d{1,3}(?:,\d{3})+(?:\.\d{1,8})? | \d{1,8}(?:\.\d{1,8})?     # 5,000 到 8,000 人; 3-5年
         | [一二两三四五六七八九十百千]{1,6} )                               # 三至五年
    \s?[-－—–～~至到]\s?$
    """,
    regex.VERBOSE,
)


def _bare_low_end(candidate: Candidate, folded: str) -> tuple[Decimal, int] | None:
    """``3-5年``: the 3 before the dash has no unit of its own; it takes the unit of 5年."""
    if candidate.kind == "rank" or candidate.raw_unit == "":
        return None
    head = folded[max(0, candidate.start - 12) : candidate.start]
    match = _LOW_END.search(head)
    if match is None or match["n"][0].isdigit() == candidate.chinese:
        return None
    try:
        low = parse_cn_decimal(match["n"])
    except NumberSyntaxError:
        return None
    magnitude = candidate.raw_unit[:2] if candidate.raw_unit[:2] in MAGNITUDES else candidate.raw_unit[:1]
    factor = MAGNITUDES.get(magnitude, Decimal(1))
    row = units().get(candidate.raw_unit[len(magnitude) :] if magnitude in MAGNITUDES else candidate.raw_unit)
    low_value = low * (factor if magnitude in MAGNITUDES else 1) * (row.factor if row else 1)
    if low_value > candidate.value:
        return None
    return low_value, candidate.start - (len(head) - match.start())
