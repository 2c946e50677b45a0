"""Every compiled pattern of the segmenter, in one place, each piece commented; and ``compile``.

``compile`` is how every module of the package compiles a pattern: it returns
a ``Pattern`` whose every call runs with the `regex` module's ``timeout``,
taken from ``limits.timeout_for`` (``Limits.pattern_timeout``, set by
``parse``). A call that runs out of time raises ``TimeoutError``, which the
recognisers and ``parse`` turn into a ``pattern-timeout`` diagnostic.

Reviewed for backtracking (issue 8): no nested quantifiers; where two
quantified pieces can take the same characters next to each other (spaces
before a leader of dots or spaces in ``DOTTED_TOC_LINE``, spaces around
``PIPE_SEPARATOR`` cells), the pieces are possessive or guarded by a
look-behind so a run is tried once. The inputs are single lines or short
spans; a pattern that runs on a whole text (``HAN_GAP``, ``NUMBER_GAP``) is a
character class with look-arounds, linear.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import regex

from .limits import timeout_for

BARE_CHARS = 1000
"""Calls on subjects up to this length run without ``timeout=`` (see the module docstring)."""

__all__ = ["COMPILED", "NONCHARACTERS", "SENTINEL", "Pattern", "compile", "deletions"]

SENTINEL = "\ufdd0"
"""Stands for a marker taken out of a line while it is cleaned. A Unicode noncharacter (reserved for a
program's internal use), so it never means anything in the input: ``normalise`` turns noncharacters into
U+FFFD, and a sentinel met in cleaned text is always one the cleaner put there."""
NONCHARACTERS = "".join(chr(c) for c in range(0xFDD0, 0xFDF0)) + "\ufffe\uffff"
"""The noncharacters of the Basic Multilingual Plane; ``normalise`` replaces each by U+FFFD."""


class Pattern:
    """A compiled pattern (``str`` only) whose calls pass ``timeout=``; the methods of ``regex.Pattern``.

    An explicit ``timeout`` (seconds) given to a call replaces the budget.
    """

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled

    def __repr__(self) -> str:
        return f"Pattern({self.compiled.pattern!r})"

    @property
    def pattern(self) -> str:
        source: str = self.compiled.pattern
        return source

    def search(
        self, string: str, pos: int | None = None, endpos: int | None = None, *, timeout: float | None = None
    ) -> regex.Match[str] | None:
        seconds = timeout or _budget(string, pos, endpos)
        if seconds is None:
            return self.compiled.search(string, pos, endpos)
        return self.compiled.search(string, pos, endpos, timeout=seconds)

    def match(
        self, string: str, pos: int | None = None, endpos: int | None = None, *, timeout: float | None = None
    ) -> regex.Match[str] | None:
        seconds = timeout or _budget(string, pos, endpos)
        if seconds is None:
            return self.compiled.match(string, pos, endpos)
        return self.compiled.match(string, pos, endpos, timeout=seconds)

    def fullmatch(
        self, string: str, pos: int | None = None, endpos: int | None = None, *, timeout: float | None = None
    ) -> regex.Match[str] | None:
        seconds = timeout or _budget(string, pos, endpos)
        if seconds is None:
            return self.compiled.fullmatch(string, pos, endpos)
        return self.compiled.fullmatch(string, pos, endpos, timeout=seconds)

    def finditer(
        self, string: str, pos: int | None = None, endpos: int | None = None, *, timeout: float | None = None
    ) -> Iterator[regex.Match[str]]:
        """The matches; the time-out covers the whole iteration (the caller's work between matches too)."""
        seconds = timeout or _budget(string, pos, endpos)
        matches: Iterator[regex.Match[str]]
        if seconds is None:
            matches = self.compiled.finditer(string, pos, endpos)
        else:
            matches = self.compiled.finditer(string, pos, endpos, timeout=seconds)
        return matches

    def findall(self, string: str, *, timeout: float | None = None) -> list[Any]:
        seconds = timeout or _budget(string)
        found: list[Any] = (
            self.compiled.findall(string) if seconds is None else self.compiled.findall(string, timeout=seconds)
        )
        return found

    def sub(
        self,
        repl: str | Callable[[regex.Match[str]], str],
        string: str,
        count: int = 0,
        *,
        timeout: float | None = None,
    ) -> str:
        seconds = timeout or _budget(string)
        result: str = (
            self.compiled.sub(repl, string, count)
            if seconds is None
            else self.compiled.sub(repl, string, count, timeout=seconds)
        )
        return result

    def subn(
        self,
        repl: str | Callable[[regex.Match[str]], str],
        string: str,
        count: int = 0,
        *,
        timeout: float | None = None,
    ) -> tuple[str, int]:
        seconds = timeout or _budget(string)
        result: tuple[str, int] = (
            self.compiled.subn(repl, string, count)
            if seconds is None
            else self.compiled.subn(repl, string, count, timeout=seconds)
        )
        return result

    def split(self, string: str, maxsplit: int = 0, *, timeout: float | None = None) -> list[str | Any]:
        seconds = timeout or _budget(string)
        pieces: list[str | Any] = (
            self.compiled.split(string, maxsplit)
            if seconds is None
            else self.compiled.split(string, maxsplit, timeout=seconds)
        )
        return pieces


def _budget(string: str, pos: int | None = None, endpos: int | None = None) -> float | None:
    """The time-out of a call on ``string[pos:endpos]``: none up to ``BARE_CHARS`` characters."""
    size = (len(string) if endpos is None else min(endpos, len(string))) - (pos or 0)
    return None if size <= BARE_CHARS else timeout_for(size)


COMPILED: list[Pattern] = []
"""Every pattern made by ``compile``, for the tests that check them all."""


def compile(pattern: str, flags: int = 0) -> Pattern:
    """``regex.compile`` with the time-out of every call taken from ``limits.timeout_for``."""
    compiled = Pattern(regex.compile(pattern, flags))
    COMPILED.append(compiled)
    return compiled


_FLAGS = regex.VERBOSE | regex.VERSION1

HAN = r"\p{Han}"
CJK_PUNCT = r"，。、；：？！“”‘’《》（）【】…—"

@functools.cache
def deletions(chars: str) -> Pattern:
    """What normalising deletes: the ``\\n`` of ``\\r\\n`` or one of ``chars`` (zero-width characters)."""
    return compile(r"\r\n" + (f"|[{regex.escape(chars)}]" if chars else ""))


# Spaces with a Han character (or CJK punctuation) on both sides.
HAN_GAP = compile(
    rf"""
    (?<=[{HAN}{CJK_PUNCT}])   # after a Han character or CJK punctuation
    [ ]+                       # the spaces to remove
    (?=[{HAN}{CJK_PUNCT}])    # before a Han character or CJK punctuation
    """,
    _FLAGS,
)

# Stray spaces inside a number: "65. 7" and "7 %".
NUMBER_GAP = compile(
    r"""
    (?<=\d\.)[ ]+(?=\d)   # between a decimal point and the next digit
    | (?<=\d)[ ]+(?=%)    # between a digit and a percent sign
    """,
    _FLAGS,
)

# The same, treating a marker placeholder (SENTINEL, used while cleaning) as Han.
HAN_GAP_AROUND_MARKERS = compile(
    rf"(?<=[{HAN}{CJK_PUNCT}{SENTINEL}])[ ]+(?=[{HAN}{CJK_PUNCT}{SENTINEL}])",
    _FLAGS,
)

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# A superscript marker group written by a converter: ^{①②} or ^①.
SUPERSCRIPT_MARKERS = compile(
    rf"""
    \^ \{{ [ ]* (?P<markers>[{CIRCLED}]+ (?:[ ,，]*[{CIRCLED}])*) [ ]* \}}   # ^{{①②}}
    | \^ [ ]? (?P<single>[{CIRCLED}])                                      # ^①
    """,
    _FLAGS,
)

# A marker printed without ^ (other converters): a circled number right after a word,
# not one opening an enumerated item (after punctuation or at a line start).
PLAIN_MARKER = compile(
    rf"""
    (?<=[{HAN}A-Za-z0-9”’）》」{CIRCLED}])   # after a word, a closing quote or bracket, or a marker
    (?P<single>[{CIRCLED}])        # the marker
    """,
    _FLAGS,
)

# A line of a table aligned with spaces: cells apart by two or more spaces.
ALIGNED_CELL_GAP = compile(r"[ ]{2,}", _FLAGS)

# A footnote line at a page bottom: ^① text (a space may follow the marker).
FOOTNOTE_LINE = compile(
    rf"""
    ^ [ ]* \^ (?:\{{ [ ]* (?P<marker>[{CIRCLED}]) [ ]* \}} | (?P<marker>[{CIRCLED}]))   # ^① or ^{{①}}
    [ ]* (?P<body>\S.*)$                                                               # the note itself
    """,
    _FLAGS,
)

# A footnote line without the caret (other converters): ①text that reads as a citation.
PLAIN_FOOTNOTE_LINE = compile(
    rf"""
    ^ [ ]* (?P<marker>[{CIRCLED}]) [ ]* (?P<body>\S.*)$
    """,
    _FLAGS,
)

# What makes a line a citation rather than a sentence: a type code or a URL.
CITATION_SHAPE = compile(
    r"""
    \[ [A-Za-z]{1,3} (?:/[A-Za-z]{1,3})? \]   # [J], [N/OL], [EB/OL]
    | https?://                               # a URL
    | www\.
    """,
    _FLAGS,
)

# A line that only continues a note: a URL (maybe in <>) or a DOI.
NOTE_CONTINUATION = compile(
    r"""
    ^ [ ]* (?: <? https?:// | <? www\. | doi: | DOI: ) \S* [ ]* $
    """,
    _FLAGS,
)

# A markdown pipe-table row and its separator row.
PIPE_ROW = compile(r"^ [ ]* \| .* \| [ ]* $", _FLAGS)
PIPE_SEPARATOR = compile(r"^ [ ]* \| (?: [ ]* :? -+ :? [ ]* \| )+ [ ]* $", _FLAGS)

# A table caption: 表1 title, 表 1：title.
TABLE_CAPTION = compile(
    r"""
    ^ [ ]* 表 [ ]* (?P<number>\d{1,3}) [ ]* [:：.．、]? [ ]* (?P<caption>.*?) [ ]* $
    """,
    _FLAGS,
)

# A continued table's caption: 续表1, 续表 1（续）.
CONTINUED_CAPTION = compile(
    r"^ [ ]* 续 [ ]* 表 [ ]* (?P<number>\d{1,3}) [ ]* (?:[（(] [ ]* 续 [ ]* [）)])? .{0,40} $",
    _FLAGS,
)

# A cell holding a number only (1,234.5, -3%, 12.0): a header row never does.
NUMBER_CELL = compile(r"^ [ ]* [-+]? \d[\d,.]* [ ]* %? [ ]* $", _FLAGS)

# A table-of-contents line with a dotted leader: 标题……12, 标题 .......... 12.
DOTTED_TOC_LINE = compile(
    r"""
    ^ [ ]* (?P<title>\S.*?)
    (?<![ ])                                    # the title ends at a printed character, so
    (?: [ ]*+ (?<![.…·．]) [.…·．]{2,}+        #   a leader of dots is tried once per run
      | [ ]{4,}+ )                              #   or of four or more spaces
    [ ]*+ (?P<page>\d{1,4}) [ ]* $
    """,
    _FLAGS,
)

# A label: value line of the editorial and contact blocks (the label may be spaced: 主 编：).
LABEL_LINE = compile(
    rf"""
    ^ [ ]* (?P<label>(?:[{HAN}A-Za-z\-][ ]*){{1,8}}) [:：] [ ]* (?P<value>.*?) [ ]* $
    """,
    _FLAGS,
)

# 编者按 and its variants, with the colon.
EDITOR_NOTE = compile(r"^ [ ]* (?:编[ ]*者[ ]*按|编[ ]*者[ ]*的[ ]*话|卷[ ]*首[ ]*语) [ ]* [:：] [ ]*", _FLAGS)

# Masthead lines.
ISSUE_NUMBER = compile(r"^ (?:第 [ ]*)? (?P<number>\d{1,3}) [ ]* (?:期)? $", _FLAGS)
YEAR_LINE = compile(r"^ (?P<year>(?:19|20)\d\d) [ ]* 年? $", _FLAGS)
YEAR_AND_ISSUE = compile(
    r"""
    ^ (?: 总 [ ]* 第 [ ]* (?P<running>\d{1,4}) [ ]* 期 [ ]* )?                  # 总第 56 期 (the running number)
    (?P<year>(?:19|20)\d\d) [ ]* 年 [ ]* 第 [ ]* (?P<number>\d{1,3}) [ ]* 期   # 2019 年第 4 期
    (?: [ ]* [（(]? [ ]* 总 [ ]* 第 [ ]* (?P<running_after>\d{1,4}) [ ]* 期 [ ]* [）)]? )? $  # （总第 56 期）
    """,
    _FLAGS,
)
FULL_DATE = compile(
    r"(?P<year>(?:19|20)\d\d) [ ]* 年 [ ]* (?P<month>\d{1,2}) [ ]* 月 [ ]* (?P<day>\d{1,2}) [ ]* 日", _FLAGS
)
PUBLISHER_LINE = compile(r"^ (?P<publisher>.+?) [ ]* 主[ ]*办 $", _FLAGS)
TOC_HEADING = compile(r"^ [ ]* (?:目[ ]*录|CONTENTS|Contents) [ ]* $", _FLAGS)
# A line that addresses readers and opens the notice (尊敬的读者：).
NOTICE_OPENING = compile(rf"^ [ ]* (?:尊敬的|亲爱的)? [{HAN}]{{0,6}} 读者 [{HAN}]{{0,4}} [:：，,] [ ]* $", _FLAGS)

# Headings by their numbering: 一、 （一） 1. (1).
HEADING_NUMBER = compile(
    r"""
    ^ (?:
        (?P<l1>[一二三四五六七八九十]{1,3} [、．.])            # 一、
      | (?P<l2>[（(] [一二三四五六七八九十]{1,3} [）)])        # （一）
      | (?P<l3>\d{1,2} [．.、] (?!\d))                         # 1. (not 1.5)
      | (?P<l4>[（(] \d{1,2} [）)])                             # (1)
    )
    """,
    _FLAGS,
)

# Where a sentence may end.
SENTENCE_END = frozenset("。！？!?…；;：:”’」』）)》.】")

# Between names in a list: 、，, ; or two or more spaces.
NAME_SEPARATOR = compile(r"[、，,；;/]+ | [ ]{2,}", _FLAGS)
