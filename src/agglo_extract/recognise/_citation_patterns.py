"""Every compiled pattern of the GB/T 7714 citation recogniser, each piece commented.

All patterns but two are linear (no nested quantifiers, no unbounded
backtracking), so they run without ``timeout=`` (which costs more than the
match on a note). ``PUBLICATION`` has a lazy head that retries the tail at
every position of one ``.``-separated segment, quadratic in the segment
length: it runs bare on segments up to ``SHORT`` characters (at most some
10^5 steps) and with ``timeout=TIMEOUT`` on longer ones. ``URL_BROKEN`` runs
on text with line breaks, always with ``timeout=TIMEOUT``.
"""

from __future__ import annotations

import regex

from .. import patterns

_FLAGS = regex.VERBOSE | regex.VERSION1

TIMEOUT = 0.05
"""Seconds allowed for one pattern call on one note (a note is a few hundred characters)."""

SHORT = 300
"""Segments up to this length run ``PUBLICATION`` without a timeout."""

# A line break directly before a URL (the URL was wrapped onto its own line).
URL_AFTER_BREAK = patterns.compile(
    r"""
    \n [\s\u3000]*     # a line break and any indent
    <? \s*             # an optional opening angle bracket
    (?:https?|ftp)://  # the scheme of the URL
    """,
    _FLAGS,
)

# A URL broken inside by a line break: the second line goes on with a path piece.
URL_BROKEN = patterns.compile(
    r"""
    (?P<head>(?:https?|ftp)://[^\s<>]*[^\s<>.,;，。])   # a URL that does not end in punctuation
    [ \t]* \n [\s\u3000]*                            # the line break
    (?P<tail>
        [A-Za-z0-9_\-.]* [/_=?&%#~] [^\s<>\p{Han}]*    # a piece with a path character (/ _ = ? & % # ~)
        | [A-Za-z0-9_\-]* \. (?:s?html?|php|aspx?|jsp|pdf) (?![A-Za-z0-9])   # or a file name: 1234.shtml
    )
    """,
    _FLAGS,
)

# A lead-in before the reference: 资料来源：, 参见, 转引自 (taken out with a warning).
LEAD_IN = patterns.compile(
    r"""
    ^ (?: (?:资料来源|数据来源|来源|参见|参看|详见|转引自|引自) [ ]* [：:]? | 见 [ ]* [：:] ) [ ]*
    """,
    _FLAGS,
)

# A note marker left at the start of the text: [1], ［12］, ①, ⑫ (the marker belongs in ``marker``).
LEADING_MARKER = patterns.compile(
    r"""
    ^ (?: \[ [0-9]{1,3} \] | ［ [0-9０-９]{1,3} ］ | [\u2460-\u2473] ) [ ]*   # [1] ［1］ ①-⑳
    """,
    _FLAGS,
)

# Full-width delimiters that a 2015-style entry must write half-width (a defect).
# ，：（） are not here: GB/T 7714-2025 writes Chinese entries with them.
FULL_WIDTH_DELIMITERS = patterns.compile(r"[．［］／＜＞。]", _FLAGS)

# Characters folded one for one before reading: those delimiters and full-width digits and letters.
FOLDABLE = patterns.compile(r"[．［］／＜＞。０-９Ａ-Ｚａ-ｚ]", _FLAGS)

# The type bracket: [J], [N/OL], [EB/OL], [j], [ J / OL ].
TYPE_BRACKET = patterns.compile(
    r"""
    \[ \s*
    (?P<code>[A-Za-z]{1,2})             # the document type code (GB/T 7714 Annex B.1)
    \s*
    (?: / \s* (?P<carrier>[A-Za-z]{2}) \s* )?   # the carrier code after a slash (Annex B.2)
    \]
    """,
    _FLAGS,
)

# A URL: in angle brackets (2005 style) or bare, up to whitespace or CJK punctuation.
URL = patterns.compile(
    r"""
    < \s* (?P<angled>(?:https?|ftp)://[^\s<>]+) \s* >   # <http://...>
    | (?P<bare>(?:https?|ftp)://[^\s<>，。；、）】]+)      # http://... bare
    """,
    _FLAGS,
)

# A DOI with its label: DOI: 10.1000/xyz, doi:10.1000/xyz.
DOI = patterns.compile(
    r"""
    (?:DOI|doi) \s* [:：] \s*       # the label
    (?P<doi>10\.\d{4,9}/[^\s<>]+)   # the DOI itself (trailing full stop removed later)
    """,
    _FLAGS,
)

# A full stop that separates two parts of an entry: not a decimal point or
# abbreviation dot between two ASCII letters/digits, and not a dot before
# ":" "," ";" ")" "." or their full-width forms (as in "D.C.:", "Inc.," or "Inc.，").
FULL_STOP = patterns.compile(
    r"""
    (?<! [A-Za-z0-9] ) \. (?! [:,;)\]./，：；）] )    # a dot after a non-alphanumeric (证券时报.2017)
    | \. (?! [A-Za-z0-9:,;)\]./，：；）] )            # a dot before a space, Han, <, ( or the end
    """,
    _FLAGS,
)

# A dot ending an abbreviated word of a journal title (Proc. Natl. Acad. Sci.): not a separator
# inside the publication part of a journal or newspaper entry.
TITLE_ABBREVIATION_BEFORE = patterns.compile(
    r"""
    (?<![A-Za-z]) [A-Z][a-z]{1,5} $   # Proc, Natl, Acad, Sci, Econ (a capital then 1-5 small letters)
    """,
    _FLAGS,
)

# The suffix that ends a company name (Apple Inc.): its dot may also end the author list.
ORG_SUFFIX_BEFORE = patterns.compile(r"\b (?:Inc|Ltd|Co|Corp|LLC|Plc) $   # Inc, Ltd, Co, Corp, LLC, Plc", _FLAGS)

# Two full stops with only spaces between (a doubled full stop).
DOUBLED_FULL_STOP = patterns.compile(r"\. [ ]* \. (?! \. )", _FLAGS)

# The token before a dot that makes the dot part of an abbreviation, not a separator.
ABBREVIATION_BEFORE = patterns.compile(
    r"""
    (?: (?<![A-Za-z]) (?:[A-Za-z]\.)+ [A-Za-z]     # U.S, U.K, e.g
    | \b (?:Inc|Co|Corp|Ltd|Dept|Univ|Jr|Sr|St|Mr|Dr|No|Vol|Ed|Eds) )   # common abbreviations
    $
    """,
    _FLAGS,
)

# Separators between authors.
AUTHOR_SEPARATOR = patterns.compile(r"\s* [,，、;；] \s*", _FLAGS)

# The "and others" mark at the end of an author list.
ET_AL = patterns.compile(r"^(?:等|et \s* al\.?|等人)$", _FLAGS | regex.IGNORECASE)

# Spaces between two Han characters inside a name (韦 江 -> 韦江).
HAN_INNER_SPACE = patterns.compile(r"(?<=\p{Han}) [ ]+ (?=\p{Han})", _FLAGS)

# A name written in Han characters only (with a middle dot for transliterated names).
HAN_NAME = patterns.compile(r"[\p{Han}·]+", _FLAGS)

# An ASCII digit (an author list never has one; a title may).
ASCII_DIGIT = patterns.compile(r"[0-9]", _FLAGS)

# A standard, patent or report number at the end of a title, after ": ".
NUMBER = patterns.compile(
    r"""
    (?: [A-Z][A-Za-z]{0,7} (?:/[A-Z]{1,3})? [ ]? )?   # GB/T, ISO, ISO/IEC, CN, NASA-style prefix
    [0-9A-Z] [0-9A-Za-z.\-—–/:]*                       # digits with . - — / : (3792.4—2009, 690:2010)
    """,
    _FLAGS,
)

# The 2005 patent form: country, number (中国, 88105607.3).
COUNTRY_NUMBER = patterns.compile(
    r"""
    (?P<country>\p{Han}{1,10}) \s* [,，] \s*   # the country
    (?P<number>[0-9A-Z][0-9A-Za-z.\-/]*)       # the patent number
    """,
    _FLAGS,
)

# A standard number printed before the title (2025 style): GB/T 7714—2025 信息与文献.
LEADING_STANDARD_NUMBER = patterns.compile(
    r"""
    (?P<number>(?:GB|GB/T|GB/Z|ISO|IEC|ISO/IEC|[A-Z]{2,4}/T) [ ]? [0-9][0-9.]* (?:[—–\-:][0-9]{4})?)
    [ ]+ (?P<title>\S.*)
    """,
    _FLAGS,
)

# A loosely written date: 2017-04-20, 201711-10, 2017.1.5, 2017年1月5日, 20171110, 2017-04.
DATE = patterns.compile(
    r"""
    (?P<year>(?:1[5-9]|20)[0-9]{2})        # the year
    (?: [-./年]? (?P<month>[0-9]{1,2})      # the month, separator optional (201711-10)
        (?: [-./月]? (?P<day>[0-9]{1,2}) 日? )?   # the day
        月?
    )?
    """,
    _FLAGS,
)

# The publication part of a segment: [head,] when [, volume] [(issue)] [: pages].
PUBLICATION = patterns.compile(
    r"""
    (?P<head>.*?)                                   # container, or place: publisher (may be empty)
    (?P<gap> (?<=\S) \s* [,，] \s*                   # a comma before the date,
      | (?<=[^\s,，]) \s+                              #   or only a space (comma-missing),
      | ^ )                                            #   or nothing at the start
    (?P<when>(?:1[5-9]|20)[0-9]{2}                   # the year ...
        (?:[-./年]?[0-9]{1,2}(?:[-./月]?[0-9]{1,2}日?)?月?)? )   # ... or a whole date
    (?! [0-9] )
    (?: 年 \s* 第 \s* (?P<issue_cn>[0-9A-Za-z增刊]{1,6}) \s* 期 | 年 (?=$|\s*[,，:：]) )?   # 2017年第1期, 2017年
    (?: \s* [,，] \s* (?P<volume>[^,，:：()（）\s][^,，:：()（）]*?) )?   # , volume
    (?: \s* [,，]? \s* [(（] \s* (?P<issue>[^()（）]+?) \s* [)）] )?      # (issue), or (page) of a newspaper
    (?: \s* [:：] \s* (?P<pages>\S.*?)                                  # : pages
      | (?<=[)）]) \s* (?P<pages_bare>[0-9A-Za-z][0-9A-Za-z\-–—~]*) )?   # or pages straight after (issue)
    \s*
    """,
    _FLAGS,
)

# place: publisher.
PLACE_PUBLISHER = patterns.compile(r"(?P<place>[^:：]+?) \s* [:：] \s* (?P<publisher>\S.*)", _FLAGS)

# An access date at the end of a segment: [2017-10-26], maybe after an update date (2017-03-01).
TRAILING_DATES = patterns.compile(
    r"""
    (?: [(（] \s* (?P<update>[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}) \s* [)）] \s* )?   # (update)
    \[ \s* (?P<access>[0-9]{4}[-./年]?[0-9]{1,2}(?:[-./月]?[0-9]{1,2}日?)?) \s* \]      # [access]
    \s* $
    """,
    _FLAGS,
)

# A segment that is only an update date: (2017-03-01).
UPDATE_ONLY = patterns.compile(
    r"""
    [(（] \s*
    (?P<update>[0-9]{4}[-./年]?[0-9]{1,2}(?:[-./月]?[0-9]{1,2}日?)?)   # the date it was updated
    \s* [)）]
    """,
    _FLAGS,
)

# An access date after a URL: ", 2017-10-26" (the form some bulletins use).
URL_ACCESS = patterns.compile(
    r"""
    ^ \s* [,，] \s*
    (?P<access>(?:1[5-9]|20)[0-9]{2}[-./年]?[0-9]{1,2}(?:[-./月]?[0-9]{1,2}日?)?)
    """,
    _FLAGS,
)

# A translator statement (其他责任者): 方海萍, 译 / 方海萍等译 / SMITH J, trans.
TRANSLATORS = patterns.compile(
    r"""
    (?P<names>[^\d\[\]《》]{1,80}?) \s* [,，]? \s*   # the translators
    (?: 等译 | 编译 | 译 | trans\.? | tr\. )            # the role word
    """,
    _FLAGS,
)

# An edition statement: 2版, 第3版, 修订版, 3rd ed, 2nd edition.
EDITION = patterns.compile(
    r"""
    第? [0-9一二三四五六七八九十]+ 版
    | [\p{Han}]{0,6} (?:修订版|增订版|修订本|增订本|影印本|节本|校注本|重印本)   # 神州增订版, 影印本
    | [0-9]+ (?:st|nd|rd|th) [ ] ed(?:ition|\.)?
    | Rev [ ] ed\.?
    """,
    _FLAGS | regex.IGNORECASE,
)

# Dashes and tildes in a page range (15–24, 15—24, 15~24, 15 - 24).
PAGE_DASH = patterns.compile(r"\s* [–—－~～] \s* | (?<=\w) \s+ - \s+ (?=\w)", _FLAGS)


# ---- 《》-style notes (作者：《题名》，《刊名》2018年第7期。) ------------------------------------

# A lead-in before the note proper: 参见, 见, 转引自.
CN_LEAD_IN = patterns.compile(r"^ (?:参见|参看|详见|转引自|引自|见) \s*", _FLAGS)

# A role word after the author names: 主编, 编著, 编, 著, 等.
CN_ROLE = patterns.compile(r"\s* (?:主编|编著|编|著|等著|等) \s* [：:]? \s* $ | \s* [：:] \s* $", _FLAGS)

# A book title in 《》 (a title inside a title is written 〈〉).
CN_BOOK_TITLE = patterns.compile(r"《 (?P<title>[^《》]+) 》", _FLAGS)

# The issue of a periodical: 2018年第7期, 2018年第36卷第2期, 2018年7月5日, 2018年第7期第3版.
CN_ISSUE = patterns.compile(
    r"""
    (?P<year>(?:1[5-9]|20)[0-9]{2}) \s* 年 \s*
    (?: 第 \s* (?P<volume>[0-9]+) \s* 卷 \s* )?
    (?: 第 \s* (?P<issue>[0-9A-Za-z增刊]+) \s* 期
      | (?P<month>[0-9]{1,2}) \s* 月 \s* (?: (?P<day>[0-9]{1,2}) \s* 日 )? )?
    """,
    _FLAGS,
)

# The volume of a book, straight after its title: 第1卷.
CN_VOLUME = patterns.compile(r"第 \s* (?P<volume>[0-9]+) \s* 卷", _FLAGS)

# A page or newspaper page: 第56页, 第56-58页, 第3版.
CN_PAGES = patterns.compile(r"第 \s* (?P<pages>[0-9A-Za-z]+(?:[-–—~][0-9A-Za-z]+)?) \s* (?P<unit>页|版)", _FLAGS)

# place：publisher, then a year: 北京：人民出版社，2004年 / 北京：人民出版社2004年版.
# A document number of a government paper: 国土资发〔2016〕147 号, 国发[2018]5号.
CN_DOC_NUMBER = patterns.compile(
    r"""
    ^ \s* (?P<number> [^\s，,。0-9]{1,12} \s*                            # 国土资发
    [〔\[［(（] \s* (?P<year>(?:19|20)[0-9]{2}) \s* [〕\]］)）] \s*     # 〔2016〕
    [0-9]{1,4} \s* 号 ) \s* $                                           # 147 号
    """,
    _FLAGS,
)

CN_IMPRINT = patterns.compile(
    r"""
    (?: (?P<place>[^，,：:《》]{1,12}) \s* [：:] \s* )?   # 北京：
    (?P<publisher>[^，,：:《》0-9]{2,40}?) \s* [，,]? \s*   # 人民出版社
    (?P<year>(?:1[5-9]|20)[0-9]{2}) \s* 年 \s* 版?       # 2004年 / 2004年版
    """,
    _FLAGS,
)
