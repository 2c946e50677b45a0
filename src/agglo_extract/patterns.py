"""Every compiled pattern of the segmenter, in one place, each piece commented.

Patterns are linear (no nested quantifiers); the inputs they run on are single
lines or short spans.
"""

from __future__ import annotations

import regex

_FLAGS = regex.VERBOSE | regex.VERSION1

HAN = r"\p{Han}"
CJK_PUNCT = r"，。、；：？！“”‘’《》（）【】…—"

# Spaces with a Han character (or CJK punctuation) on both sides.
HAN_GAP = regex.compile(
    rf"""
    (?<=[{HAN}{CJK_PUNCT}])   # after a Han character or CJK punctuation
    [ ]+                       # the spaces to remove
    (?=[{HAN}{CJK_PUNCT}])    # before a Han character or CJK punctuation
    """,
    _FLAGS,
)

# Stray spaces inside a number: "65. 7" and "7 %".
NUMBER_GAP = regex.compile(
    r"""
    (?<=\d\.)[ ]+(?=\d)   # between a decimal point and the next digit
    | (?<=\d)[ ]+(?=%)    # between a digit and a percent sign
    """,
    _FLAGS,
)

# The same, treating a marker placeholder (U+E000, used while cleaning) as Han.
HAN_GAP_AROUND_MARKERS = regex.compile(
    rf"(?<=[{HAN}{CJK_PUNCT}\ue000])[ ]+(?=[{HAN}{CJK_PUNCT}\ue000])",
    _FLAGS,
)

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# A superscript marker group written by a converter: ^{①②} or ^①.
SUPERSCRIPT_MARKERS = regex.compile(
    rf"""
    \^ \{{ [ ]* (?P<markers>[{CIRCLED}]+ (?:[ ,，]*[{CIRCLED}])*) [ ]* \}}   # ^{{①②}}
    | \^ [ ]? (?P<single>[{CIRCLED}])                                      # ^①
    """,
    _FLAGS,
)

# A marker printed without ^ (other converters): a circled number right after a word,
# not one opening an enumerated item (after punctuation or at a line start).
PLAIN_MARKER = regex.compile(
    rf"""
    (?<=[{HAN}A-Za-z0-9”’）》」{CIRCLED}])   # after a word, a closing quote or bracket, or a marker
    (?P<single>[{CIRCLED}])        # the marker
    """,
    _FLAGS,
)

# A line of a table aligned with spaces: cells apart by two or more spaces.
ALIGNED_CELL_GAP = regex.compile(r"[ ]{2,}", _FLAGS)

# A footnote line at a page bottom: ^① text (a space may follow the marker).
FOOTNOTE_LINE = regex.compile(
    rf"""
    ^ [ ]* \^ (?:\{{ [ ]* (?P<marker>[{CIRCLED}]) [ ]* \}} | (?P<marker>[{CIRCLED}]))   # ^① or ^{{①}}
    [ ]* (?P<body>\S.*)$                                                               # the note itself
    """,
    _FLAGS,
)

# A footnote line without the caret (other converters): ①text that reads as a citation.
PLAIN_FOOTNOTE_LINE = regex.compile(
    rf"""
    ^ [ ]* (?P<marker>[{CIRCLED}]) [ ]* (?P<body>\S.*)$
    """,
    _FLAGS,
)

# What makes a line a citation rather than a sentence: a type code or a URL.
CITATION_SHAPE = regex.compile(
    r"""
    \[ [A-Za-z]{1,3} (?:/[A-Za-z]{1,3})? \]   # [J], [N/OL], [EB/OL]
    | https?://                               # a URL
    | www\.
    """,
    _FLAGS,
)

# A line that only continues a note: a URL (maybe in <>) or a DOI.
NOTE_CONTINUATION = regex.compile(
    r"""
    ^ [ ]* (?: <? https?:// | <? www\. | doi: | DOI: ) \S* [ ]* $
    """,
    _FLAGS,
)

# A markdown pipe-table row and its separator row.
PIPE_ROW = regex.compile(r"^ [ ]* \| .* \| [ ]* $", _FLAGS)
PIPE_SEPARATOR = regex.compile(r"^ [ ]* \| (?: [ ]* :? -+ :? [ ]* \| )+ [ ]* $", _FLAGS)

# A table caption: 表1 title, 表 1：title.
TABLE_CAPTION = regex.compile(
    r"""
    ^ [ ]* 表 [ ]* (?P<number>\d{1,3}) [ ]* [:：.．、]? [ ]* (?P<caption>.*?) [ ]* $
    """,
    _FLAGS,
)

# A table-of-contents line with a dotted leader: 标题……12, 标题 .......... 12.
DOTTED_TOC_LINE = regex.compile(
    r"""
    ^ [ ]* (?P<title>\S.*?) [ ]* (?:[.…·．]{2,}|[ ]{4,}) [ ]* (?P<page>\d{1,4}) [ ]* $
    """,
    _FLAGS,
)

# A label: value line of the editorial and contact blocks (the label may be spaced: 主 编：).
LABEL_LINE = regex.compile(
    rf"""
    ^ [ ]* (?P<label>(?:[{HAN}A-Za-z\-][ ]*){{1,8}}) [:：] [ ]* (?P<value>.*?) [ ]* $
    """,
    _FLAGS,
)

# 编者按 and its variants, with the colon.
EDITOR_NOTE = regex.compile(r"^ [ ]* (?:编[ ]*者[ ]*按|编[ ]*者[ ]*的[ ]*话|卷[ ]*首[ ]*语) [ ]* [:：] [ ]*", _FLAGS)

# Masthead lines.
ISSUE_NUMBER = regex.compile(r"^ (?:第 [ ]*)? (?P<number>\d{1,3}) [ ]* (?:期)? $", _FLAGS)
YEAR_LINE = regex.compile(r"^ (?P<year>(?:19|20)\d\d) [ ]* 年? $", _FLAGS)
YEAR_AND_ISSUE = regex.compile(
    r"^ (?P<year>(?:19|20)\d\d) [ ]* 年 [ ]* 第 [ ]* (?P<number>\d{1,3}) [ ]* 期 $", _FLAGS
)
FULL_DATE = regex.compile(
    r"(?P<year>(?:19|20)\d\d) [ ]* 年 [ ]* (?P<month>\d{1,2}) [ ]* 月 [ ]* (?P<day>\d{1,2}) [ ]* 日", _FLAGS
)
PUBLISHER_LINE = regex.compile(r"^ (?P<publisher>.+?) [ ]* 主[ ]*办 $", _FLAGS)
TOC_HEADING = regex.compile(r"^ [ ]* (?:目[ ]*录|CONTENTS|Contents) [ ]* $", _FLAGS)
# A line that addresses readers and opens the notice (尊敬的读者：).
NOTICE_OPENING = regex.compile(rf"^ [ ]* (?:尊敬的|亲爱的)? [{HAN}]{{0,6}} 读者 [{HAN}]{{0,4}} [:：，,] [ ]* $", _FLAGS)

# Headings by their numbering: 一、 （一） 1. (1).
HEADING_NUMBER = regex.compile(
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
NAME_SEPARATOR = regex.compile(r"[、，,；;/]+ | [ ]{2,}", _FLAGS)
