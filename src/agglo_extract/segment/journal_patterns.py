"""Compiled patterns of the journal-article layout, each piece commented.

Every pattern is linear (no nested quantifiers) and runs on one normalised
line (full-width digits, Latin letters and ``％．`` already folded to ASCII,
ideographic spaces to spaces). Labels may be letter-spaced (``摘　 要``), so
their characters are joined by ``[ ]*``.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..patterns import CIRCLED

_FLAGS = regex.VERBOSE | regex.VERSION1

HAN = r"\p{Han}"

# --- page furniture -------------------------------------------------------

# A line that is only a page number, maybe decorated: 22, - 22 -, ·22·, 第 22 页.
LONE_PAGE_NUMBER = patterns.compile(
    r"""
    ^ [ ]*
    (?: [-—–·•][ ]* )?          # an optional leading dash or dot
    (?: 第[ ]* )?                # 第 … 页
    (?P<page>\d{1,4})            # the number
    (?: [ ]*页 )?
    (?: [ ]*[-—–·•] )?          # an optional trailing dash or dot
    [ ]* $
    """,
    _FLAGS,
)

# A year and issue as journals print them in running heads and footers:
# 2018 年第 7 期, 2018年 第40卷 第3期, 2018, Vol. 40, No. 3, No. 7 2018.
ISSUE_REFERENCE = patterns.compile(
    r"""
    (?P<year>(?:19|20)\d\d) [ ]* 年? [ ]* [,，]? [ ]*          # the year (年 optional)
    (?: 第[ ]* (?P<volume>\d{1,4}) [ ]* 卷 [ ]* [,，]? [ ]* )?  # an optional volume: 第 40 卷
    (?: 第[ ]* (?P<issue>\d{1,3}) [ ]* 期                       # 第 7 期
      | (?:Vol\.?[ ]* (?P<volume_en>\d{1,4}) [ ]* [,，]? [ ]*)? # or Vol. 40,
        No\.?[ ]* (?P<issue_en>\d{1,3})                         # No. 3
    )
    | (?:Vol\.?[ ]* (?P<volume_first>\d{1,4}) [ ]* [,，]? [ ]*)? # or Vol. 40, (optional)
      No\.?[ ]* (?P<issue_first>\d{1,3}) [ ]* [,，]? [ ]*        # No. 7 (then the year)
      (?: [A-Za-z]{3,9}\.? [ ]* )?                              # an optional month: Jul.
      (?P<year_last>(?:19|20)\d\d)
    """,
    _FLAGS,
)

# A page number at either end of a running head: "22 某某学刊 …" or "… 研究 23".
EDGE_NUMBER = patterns.compile(
    r"""
    ^ [ ]* (?P<first>\d{1,4}) [ ]+ (?=\D)     # a number, a space, then text
    | (?<=\D) [ ]+ (?P<last>\d{1,4}) [ ]* $   # text, a space, then a number
    """,
    _FLAGS,
)

# Digits to mask when comparing running heads across pages.
DIGITS = patterns.compile(r"\d+", _FLAGS)

# A Han character or a Latin letter (a running head has words).
WORD_CHAR = patterns.compile(r"[\p{Han}A-Za-z]", _FLAGS)

# Any run of spaces (for comparing lines).
SPACES = patterns.compile(r"[ ]+", _FLAGS)

# --- front matter -----------------------------------------------------------

# A column (section) line at the top: 【区域经济】 or [城市研究].
COLUMN_LINE = patterns.compile(
    r"""
    ^ [ ]* (?: [【\[] [ ]* (?P<column>[^【】\[\]]{1,24}?) [ ]* [】\]]              # 【区域经济】
             | [·•] [ ]* (?P<column>[^·•]{1,24}?) [ ]* [·•] ) [ ]* $           # ·城市群研究·
    """,
    _FLAGS,
)

# Labels of the front matter, letter-spacing allowed; each alternative names a field.
LABEL = patterns.compile(
    r"""
    (?: ^ | (?<=[ ]) )                          # at the start of the line or after a space
    (?P<mark>[*＊※①])? [ ]*                      # a funding mark: ∗基金项目, ①基金项目
    (?P<open>[【\[])? [ ]*                      # an optional bracket: 【摘要】, [关键词]
    (?:
        (?P<abstract>摘[ ]*要 | 提[ ]*要 | 内[ ]*容[ ]*提[ ]*要)
      | (?P<keywords>关[ ]*键[ ]*词 | 关[ ]*键[ ]*字 | 主[ ]*题[ ]*词)
      | (?P<classification>中[ ]*图[ ]*分[ ]*类[ ]*号 | 分[ ]*类[ ]*号)
      | (?P<document_code>文[ ]*献[ ]*标[ ]*识[ ]*码 | 文[ ]*献[ ]*标[ ]*志[ ]*码)
      | (?P<article_id>文[ ]*章[ ]*编[ ]*号)
      | (?P<doi>DOI | doi)
      | (?P<funding>基[ ]*金[ ]*项[ ]*目 | 项[ ]*目[ ]*基[ ]*金 | 基[ ]*金)
      | (?P<author_note>作[ ]*者[ ]*简[ ]*介)
      | (?P<received>收[ ]*稿[ ]*日[ ]*期)
      | (?P<english_abstract>(?i:abstract))                 # Abstract, ABSTRACT
      | (?P<english_keywords>(?i:key[ ]?words?))            # Key words, Key Words, KEYWORDS
    )
    [ ]* (?: (?(open) [】\]] [ ]* [:：]? | [:：] ) )   # a colon; after a closing bracket it may be left out
    [ ]*
    """,
    _FLAGS,
)

# A funding mark before a note (∗基金项目：…) or after a title (…研究∗).
FUNDING_MARK = patterns.compile(r"[*＊※]", _FLAGS)

# Marks printed after a title: ∗, ①, or a bracketed 1 (kept to one or two).
TITLE_MARKS = patterns.compile(
    rf"""
    [ ]* (?P<marks>(?:[*＊※{CIRCLED}]){{1,3}}) [ ]* $    # marks at the end of the title
    """,
    _FLAGS,
)

# An affiliation line: the whole line in parentheses, （单位，城市 邮编）.
AFFILIATION_LINE = patterns.compile(
    r"""
    ^ [ ]* [（(] (?P<body>[^（）()]{2,120}) [）)] [ ]* $
    """,
    _FLAGS,
)

# Between affiliations: ；; or a numbered item (1. 2.).
AFFILIATION_SEPARATOR = patterns.compile(r"[；;] [ ]* (?:\d{1,2}[.．][ ]*)? | ^ [ ]* \d{1,2}[.．] [ ]*", _FLAGS)

# Between names or keywords: 、，,；; or two or more spaces.
LIST_SEPARATOR = patterns.compile(r"[ ]* [、，,；;] [ ]* | [ ]{2,}", _FLAGS)

# A name as printed, maybe with affiliation digits or marks after it: 张三1, 李四∗.
NAME_TOKEN = patterns.compile(
    rf"""
    ^ (?P<name>[{HAN}·]{{2,6}}) (?:[ ]* [\d,*{CIRCLED}]{{1,4}})? $   # 2–6 Han characters, then marks
    """,
    _FLAGS,
)

# Affiliation digits or marks after a name: 王立新1, 李四∗, 张三1,2.
NAME_MARKS = patterns.compile(rf"[ ]* [\d*{CIRCLED}] [\d,*{CIRCLED}]{{0,4}} [ ]* $", _FLAGS)

# The CAJ-CD article number: ISSN(year)issue-first page-page count: 1003-0751(2018)07-0021-06.
ARTICLE_ID = patterns.compile(
    r"""
    (?P<issn>\d{4}-\d{3}[\dXx]) [ ]*             # the ISSN
    [(（] [ ]* (?P<year>\d{4}) [ ]* [)）] [ ]*   # (year)
    (?P<issue>\d{1,3}) [ ]* - [ ]*               # issue
    (?P<first>\d{1,4}) [ ]* - [ ]*               # first page
    (?P<count>\d{1,3})                           # number of pages
    """,
    _FLAGS,
)

# --- body -------------------------------------------------------------------

# A heading by its numbering (after folding: １． → 1.): 一、 （一） 1. (1).
HEADING = patterns.compile(
    r"""
    ^ [ ]* (?:
        (?P<l1>[一二三四五六七八九十]{1,3} [ ]* [、.])          # 一、
      | (?P<l2>[（(] [ ]* [一二三四五六七八九十]{1,3} [ ]* [）)])   # （一）
      | (?P<l3>\d{1,2} [ ]* [.、] (?![ ]*\d))                 # 1. (not 1.5 or 1. 5)
      | (?P<l4>[（(] [ ]* \d{1,2} [ ]* [）)])                  # (1)
    ) [ ]*
    """,
    _FLAGS,
)

# The heading of the notes or references section.
NOTES_HEADING = patterns.compile(
    r"""
    ^ [ ]* [【\[]? [ ]*
    (?: 注[ ]*释 | 注 | 参[ ]*考[ ]*文[ ]*献 | 引[ ]*用[ ]*文[ ]*献 | 文[ ]*献 | References | REFERENCES )
    [ ]* [】\]]? [ ]* [:：]? [ ]* $
    """,
    _FLAGS,
)

# The marker that opens a note: ① or [1] or 1. (the last only inside a notes section).
NOTE_START = patterns.compile(
    rf"""
    ^ [ ]* (?:
        (?P<circled>[{CIRCLED}])                 # ①
      | \[ [ ]* (?P<number>\d{{1,3}}) [ ]* \]   # [1]
      | (?P<plain>\d{{1,3}}) [.．] (?![ ]*\d)   # 1.
    ) [ ]*
    """,
    _FLAGS,
)

# In-text markers: ① or a bracketed citation [1] [1,2] [1-3] [1, 3-5].
TEXT_MARKER = patterns.compile(
    rf"""
    (?P<circled>[{CIRCLED}])                                            # ①
    | \[ [ ]* (?P<numbers>\d{{1,3}} (?:[ ]* [,，\-–—~] [ ]* \d{{1,3}}){{0,8}}) [ ]* \]   # [1,2] [1-3]
    """,
    _FLAGS,
)

# Numbers and ranges inside a bracketed citation marker.
MARKER_NUMBER = patterns.compile(r"(?P<first>\d{1,3}) (?: [ ]* [\-–—~] [ ]* (?P<last>\d{1,3}) )?", _FLAGS)

# Spaces between a Han character or CJK punctuation and a digit, Latin letter or a marker placeholder.
HAN_ASCII_GAP = patterns.compile(
    r"""
    (?<=[\p{Han}，。、；：？！“”‘’《》（）【】…—\ufdd0]) [ ]+ (?=[0-9A-Za-z%\ufdd0])  # Han, then ASCII
    | (?<=[0-9A-Za-z%.\ufdd0]) [ ]+ (?=[\p{Han}，。、；：？！“”‘’《》（）【】…—\ufdd0])  # ASCII, then Han
    """,
    _FLAGS,
)

# Spaces next to a marker placeholder (patterns.SENTINEL, U+FDD0) on a Han side.
MARKER_GAP = patterns.compile(r"[ ]+ (?=\ufdd0) | (?<=\ufdd0) [ ]+ (?=[\p{Han}，。、；：？！“”《》（）])", _FLAGS)

# The start of a URL cut at a line end: h, ht, http:, https:/ … (joined to the next line without a space).
URL_CUT = patterns.compile(
    r"""
    (?:^|[ (<])                                   # the token starts the text or follows a space
    (?: h | ht | htt | https? | https?: | https?:/   # a scheme cut short
      | https?://\S* | www\.\S* | \S*://\S*     # or a URL already begun
    ) $
    """,
    _FLAGS,
)

# Runs of spaces to fold to one.
SPACE_RUN = patterns.compile(r"[ ]{2,}", _FLAGS)
