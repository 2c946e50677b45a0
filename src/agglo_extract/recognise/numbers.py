"""Chinese and Arabic numerals, with 万/亿/千 magnitudes, to exact values.

``parse_cn_number`` reads one whole number (failure raises
``NumberSyntaxError``); ``format_cn`` renders a value in Chinese numerals and
is its inverse: ``parse_cn_number(format_cn(v)) == v``.

>>> parse_cn_number("两千零五十")
2050.0
>>> parse_cn_number("1.2万")
12000.0
>>> parse_cn_number("６５． ７")
65.7
>>> parse_cn_number("五分之一")
0.2
>>> format_cn(120_0000)
'一百二十万'
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from .. import patterns
from ..errors import AggloExtractError

__all__ = [
    "MAGNITUDES",
    "NumberSyntaxError",
    "cn_number",
    "fold_digits",
    "format_cn",
    "parse_cn_decimal",
    "parse_cn_number",
]


class NumberSyntaxError(AggloExtractError, ValueError):
    """A string that is not one number."""

    code = "number-syntax"


DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES: dict[str, Decimal] = {
    "千": Decimal(1000),
    "万": Decimal(10) ** 4,
    "百万": Decimal(10) ** 6,
    "千万": Decimal(10) ** 7,
    "亿": Decimal(10) ** 8,
    "万亿": Decimal(10) ** 12,
}
"""Magnitude words that may follow a number (``1.2万``, ``4 亿``)."""

_MAX_LENGTH = 480
"""Longer strings are no number (the longest float, 5e-324, renders in 340 numerals)."""
_FOLD = str.maketrans("０１２３４５６７８９．", "0123456789.")  # not "，": it ends clauses

_ARABIC = patterns.compile(
    r"""
    \d{1,3} (?: , \d{3} )+ (?: \. \d+ )?    # thousands separators: 1,243.8
    | \d+ (?: \. \d+ )?                     # plain: 1243.8
    """,
    regex.VERBOSE,
)
_SECTION_TOKEN = patterns.compile(
    r"""
    \d+ (?: \. \d+ )?          # an Arabic number inside a Chinese one: 1.5千
    | [零〇一二两三四五六七八九]  # a digit
    | [十百千]                  # a unit below 万
    """,
    regex.VERBOSE,
)
_FRACTION = patterns.compile(
    r"""
    (?P<den> [^分]{1,12} )   # the denominator comes first: 五 in 五分之一
    分之
    (?P<num> [^分]{1,12} )   # then the numerator
    """,
    regex.VERBOSE,
)
_POINT = patterns.compile(
    r"""
    (?P<whole> [^点]{1,80} )        # the integer part, any numeral
    点
    (?P<decimals> [零〇一二三四五六七八九]{1,400} )  # digits read one by one
    (?P<magnitude> 万亿 | 亿 | 万 | 千 )?        # 三点五万
    """,
    regex.VERBOSE,
)


def fold_digits(s: str) -> str:
    """Full-width digits and point to ASCII, one character for one (offsets are kept).

    >>> fold_digits("６５．７")
    '65.7'
    """
    return s.translate(_FOLD)


def cn_number(s: str) -> float:
    """Alias of :func:`parse_cn_number` (the name cn2an users look for)."""
    return parse_cn_number(s)


def parse_cn_number(s: str) -> float:
    """The value of one number written in Arabic or Chinese numerals, or both.

    Accepts separators and decimals (``1,243.8``), full-width digits and a
    stray space around the point (``６５． ７``), Chinese numerals with
    magnitudes (``一百二十万``, ``1.2万``, ``三万亿``), digit strings
    (``二〇一六``) and fractions (``五分之一``, ``1/4``).

    >>> parse_cn_number("二十三")
    23.0
    >>> parse_cn_number("x")
    Traceback (most recent call last):
    ...
    agglo_extract.recognise.numbers.NumberSyntaxError: not a number: 'x'
    """
    return float(parse_cn_decimal(s))


def parse_cn_decimal(s: str) -> Decimal:
    """Like :func:`parse_cn_number`, exact: a ``Decimal``."""
    text = "".join(fold_digits(s).split())
    if not text or len(text) > _MAX_LENGTH:
        raise NumberSyntaxError(f"not a number: {s!r}")
    fraction = _FRACTION.fullmatch(text)
    if fraction is None and "/" in text:
        numerator, _, denominator = text.partition("/")
        fraction_parts: tuple[str, str] | None = (numerator, denominator)
    elif fraction is not None:
        fraction_parts = (fraction["num"], fraction["den"])
    else:
        fraction_parts = None
    if fraction_parts is not None:
        top, bottom = (_value(part, s) for part in fraction_parts)
        if bottom == 0:
            raise NumberSyntaxError(f"zero denominator: {s!r}")
        return top / bottom
    return _value(text, s)


def _value(text: str, original: str) -> Decimal:
    if _ARABIC.fullmatch(text):
        return Decimal(text.replace(",", ""))
    point = _POINT.fullmatch(text)
    if point is not None:
        decimals = "".join(str(DIGITS[d]) for d in point["decimals"])
        value = _value(point["whole"], original) + Decimal("0." + decimals)
        return value * MAGNITUDES[point["magnitude"]] if point["magnitude"] else value
    if "万亿" not in text and "亿" in text:
        head, _, tail = text.rpartition("亿")
        return _times(head, MAGNITUDES["亿"], original) + _tail(tail, original)
    if "万亿" in text:
        head, _, tail = text.rpartition("万亿")
        return _times(head, MAGNITUDES["万亿"], original) + _tail(tail, original)
    if "万" in text:
        head, _, tail = text.rpartition("万")
        return _times(head, MAGNITUDES["万"], original) + _tail(tail, original)
    return _section(text, original)


def _times(head: str, magnitude: Decimal, original: str) -> Decimal:
    if not head:
        raise NumberSyntaxError(f"magnitude without a number: {original!r}")
    return _value(head, original) * magnitude


def _tail(tail: str, original: str) -> Decimal:
    tail = tail.lstrip("零〇")  # 十万零一: the 零 only marks the gap
    return _value(tail, original) if tail else Decimal(0)


def _section(text: str, original: str) -> Decimal:
    """A number below 万: ``两千零五十``, ``十二``, ``1.5千``, or a digit string ``二〇一六``."""
    tokens = _SECTION_TOKEN.findall(text)
    if not tokens or "".join(tokens) != text:
        raise NumberSyntaxError(f"not a number: {original!r}")
    if all(token in DIGITS for token in tokens):
        if len(tokens) > 1 and tokens[0] in "零〇":
            raise NumberSyntaxError(f"leading zero: {original!r}")
        return Decimal("".join(str(DIGITS[token]) for token in tokens))
    total = Decimal(0)
    pending: Decimal | None = None
    last_unit = 10_000
    for token in tokens:
        if token in SMALL_UNITS:
            unit = SMALL_UNITS[token]
            if unit >= last_unit:
                raise NumberSyntaxError(f"units out of order: {original!r}")
            if pending is None:
                if total or (token != "十" and len(tokens) > 1 and last_unit != 10_000):
                    raise NumberSyntaxError(f"unit without a digit: {original!r}")
                pending = Decimal(1)  # 十二, and 千 in 近千亿
            total += pending * unit
            pending, last_unit = None, unit
        elif token in DIGITS and DIGITS[token] == 0:
            pending = None
        else:
            if pending is not None:
                raise NumberSyntaxError(f"two digits in a row: {original!r}")
            pending = Decimal(DIGITS[token]) if token in DIGITS else _arabic(token, original)
    return total + (pending or 0)


def _arabic(token: str, original: str) -> Decimal:
    try:
        return Decimal(token)
    except InvalidOperation as error:  # pragma: no cover - the token pattern only matches numbers
        raise NumberSyntaxError(f"not a number: {original!r}") from error


_CN_DIGITS = "零一二三四五六七八九"


def format_cn(value: float) -> str:
    """A non-negative value in Chinese numerals (``120.5`` → ``一百二十点五``).

    Integers use 十/百/千 with 万, 亿 and 万亿 sections; decimals are read
    digit by digit after 点, from the shortest repr of the float.

    >>> format_cn(2050)
    '两千零五十'
    >>> format_cn(0.25)
    '零点二五'
    """
    if value < 0 or value != value or value in (float("inf"),):
        raise ValueError(f"cannot render {value!r} in Chinese numerals")
    text = format(Decimal(repr(float(value))), "f")
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    rendered = _format_integer(int(whole))
    if decimals:
        rendered += "点" + "".join(_CN_DIGITS[int(d)] for d in decimals)
    return rendered


def _format_integer(number: int) -> str:
    if number == 0:
        return "零"
    groups: list[tuple[int, str]] = []
    for size, name in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        if number >= size:
            groups.append((number // size, name))
            number %= size
    head = "".join(_format_integer(group) + name for group, name in groups)
    # the rest below the last section: needs 零 when it does not fill the section's top place
    if head and number:
        head += ("零" if number < 1000 else "") + _format_section(number)
    elif number:
        head = _format_section(number)
    return head


def _format_section(number: int) -> str:
    """1..9999 in Chinese numerals, 两 for a leading 2 before 千 (两千零五十)."""
    out = ""
    zero = False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        word = "两" if digit == 2 and place == 1000 and not out else _CN_DIGITS[digit]
        if place == 10 and digit == 1 and not out and number < 20:
            word = ""
        out += word + name
    return out
