"""Hypothesis strategies for hostile inputs: plausible documents built wrong.

Real inputs come from converters and scanners: mastheads cut in half, markers
without notes, notes without markers, pipe rows with too many or too few
cells, full-width digits, stray control characters, lines of punctuation.
These strategies draw documents from such pieces, in any order, so that the
parser meets every layout rule with the wrong neighbours:

- ``masthead_lines``: title, issue, date, 主办 and editorial-board lines;
- ``toc_lines``: 目录, section names and pipe or dotted-leader TOC rows;
- ``marked_lines``: text carrying ``^{①②}`` / ``^①`` / ``[1]`` markers;
- ``footnote_lines``: ``^① 作者. 题名[J]. 刊名, 2017(3): 12-18.`` with parts
  missing, doubled or unbalanced;
- ``pipe_rows``: ``| a | b |`` rows with ragged columns and separator rows;
- ``journal_lines``: 摘要 / 关键词 / 中图分类号 front matter and 【栏目】 lines;
- ``noise_lines``: digits, full-width text, control characters, random text.

``documents()`` joins a list of such lines with ``\\n``, ``\\r\\n`` or blank
lines; ``citations()`` and ``fact_texts()`` feed the public recognisers.
Nothing here is taken from a real document: the words are generic.
"""

from __future__ import annotations

import os

from hypothesis import settings
from hypothesis import strategies as st

__all__ = [
    "CONTROL",
    "FUZZ",
    "FUZZ_EXAMPLES",
    "HAN",
    "citations",
    "documents",
    "encoded_documents",
    "fact_texts",
    "footnote_lines",
    "journal_lines",
    "lines",
    "marked_lines",
    "masthead_lines",
    "noise_lines",
    "pipe_rows",
    "toc_lines",
]

FUZZ_EXAMPLES = int(
    os.environ.get("AGGLO_FUZZ_EXAMPLES")
    or (5000 if settings.get_current_profile_name() == "ci" else settings.default.max_examples)
)
"""Examples per fuzz property: 5,000 in the "ci" profile, the profile's count otherwise; AGGLO_FUZZ_EXAMPLES sets it."""
FUZZ = settings(max_examples=FUZZ_EXAMPLES)
"""The settings of every fuzz property (the profile's, with ``FUZZ_EXAMPLES`` examples)."""

HAN = "城市群港口发展交通产业经济区域规划中心研究报告省市县湖江河山新东西南北一二三十百千万亿零两年月日期第"
"""Han characters the strategies draw from, numerals and date words included (they trigger rules)."""
RARE_HAN = "〇𠀀𪚥㐀"  # 〇 as a numeral, an Extension B character (two UTF-16 units), Extension A
FULL_WIDTH = "０１２３４５６７８９ＡＢＣａｂｃ％．，。：；（）【】《》“”、！？　"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑳⑴⒈"
CONTROL = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u200e\u2028\u2029\ufeff\ufffd\ue000\ue001\ufdd0\uffff\ud800\udfff"
)
"""NUL, bell, vertical tab, form feed, escape, DEL, NEL, zero-width space, LRM, Unicode line and paragraph
separators, a BOM in the middle, the replacement character, private-use characters, noncharacters and lone
surrogates."""
PUNCTUATION = ".,:;()[]<>/|-_*#^{}\\\"'`~!?@&=+ "

_han = st.text(alphabet=HAN + RARE_HAN, min_size=1, max_size=12)
_short_han = st.text(alphabet=HAN, min_size=1, max_size=5)
_digits = st.integers(min_value=0, max_value=99999).map(str)
_year = st.integers(min_value=1900, max_value=2100).map(str) | st.sampled_from(["0", "99999", "２０１８", "二〇一八"])
_month = st.integers(min_value=0, max_value=13).map(str)
_space = st.sampled_from(["", " ", "  ", "\u3000", "\t"])


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _template(form: str, *parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map(lambda values: form.format(*values))


def _wide_or_not(lines: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return lines | lines.map(_full_width)


# Every strategy is built once, here: hypothesis validates a strategy the first time it is drawn from,
# and building them inside a composite would pay for that on every draw.

_MASTHEAD = _wide_or_not(
    st.sampled_from(["决策参阅", "信息参考", "内部资料", "专题资料", "尊敬的读者：", "CONTENTS"])
    | _template("{}年第{}期", _year, _digits)
    | _template("第{}{}{}期", _space, _digits, _space)
    | _template("{}年{}月{}日", _year, _month, _month)
    | _template("{}-{}-{}", _year, _month, _month)
    | _template("总第{}期", _digits)
    | _year
    | _han.map(lambda h: h + "主办")
    | _template("{}{}{}", st.sampled_from(["主 编", "副 主 编", "编 委", "本期责编", "编辑出版", "主办单位",
                                           "地 址", "邮 编", "电 话", "传 真", "电子邮箱"]),
                st.sampled_from(["：", ":", " ", ""]), _han | _digits)
    | _han.map(lambda h: f"编者按：{h}。")
)

_page = _digits | st.just("") | _han
_TOC = (
    st.sampled_from(["目录", "目 录", "CONTENTS", "| | |", "|---|---|", "|---|"])
    | _template("| {} | {} |", _han, _page)
    | _template("{}{}{}", _han, st.integers(0, 40).map(lambda n: "…" * n), _page)
    | _template("{}{}{}", _han, st.integers(0, 40).map(lambda n: "." * n), _page)
    | _short_han
)

_marker = st.sampled_from(list(CIRCLED)) | st.integers(0, 120).map(lambda n: f"[{n}]")
_markers = st.lists(st.sampled_from(list(CIRCLED)), max_size=4).map(lambda ms: "^{" + "".join(ms) + "}")
_MARKED = st.lists(_han | _markers | _marker.map(lambda m: "^" + m) | _marker | _digits, min_size=1,
                   max_size=8).map("".join)

_brackets = st.sampled_from([("[", "]"), ("[", ""), ("", "]"), ("［", "］"), ("[[", "]"), ("(", ")")])
_code = st.sampled_from(["J", "N", "M", "EB/OL", "N/OL", "D", "IN", "j", "", "Z/CD", "[J]", "]"])
_CITATION_PIECES = st.sampled_from([
    # authors and the stop after them
    _template("{}{}", st.lists(_short_han | st.sampled_from(["Smith J", "等", "et al", ""]), max_size=4).map(", ".join),
              st.sampled_from([". ", ".", "．", "", ": ", "：《"])),
    # title[code] with balanced, half or doubled brackets
    st.tuples(_han, _brackets, _code, st.sampled_from([". ", "//", "", ".."])).map(
        lambda p: p[0] + p[1][0] + p[2] + p[1][1] + p[3]
    ),
    # container
    _template("{}{}", _han, st.sampled_from([", ", "，", ": ", ""])),
    # year, volume(issue) with stray parentheses
    _template("{}{}{}{}{}{}", _year, st.sampled_from([", ", "(", "((", ""]), _digits,
              st.sampled_from(["(", ")", "", "):", "("]), _digits, st.sampled_from([")", ""])),
    st.sampled_from(["", ": 12-18", ":", "：010", ": -"]),
    st.sampled_from(["", ".", ". ", "。"]),
    st.sampled_from(["", "[2018-01-20]", "(2015-04-16)[2018-01-20]. ", "[", "(", "<http://", "<", "DOI:"]),
    st.sampled_from(["", "http://example.org/a.htm", "<http://example.org/b>", "http://", "doi:10."]),
])
_WHOLE_CITATION = _template("{}{}{}{}{}{}", *(st.sampled_from(["", x]) for x in ("张三, 李四. ", "城市群研究[J]. ",
                            "地理学报, ", "2017, 36(1): ", "12-18", ".")))
_CITATION = st.tuples(
    st.lists(_CITATION_PIECES.flatmap(lambda piece: piece), max_size=10) | _WHOLE_CITATION.map(lambda c: [c]),
    st.sampled_from(["", "《", "》", "[", "]", "(", ")", "【"]),
).map(lambda p: "".join(p[0]) + p[1])

_FOOTNOTE = _template("{}{}{}", _marker.map(lambda m: "^" + m) | _marker | st.just(""), st.sampled_from(["", " "]),
                      _CITATION)

_cell = _han | _digits | st.just("") | _digits.map(lambda d: d + "%")
_edges = st.sampled_from([("| ", " |"), ("|", "|"), ("", " |"), ("| ", ""), ("||", "||")])
_PIPE = (
    st.tuples(_edges, st.lists(_cell, max_size=12)).map(lambda p: p[0][0] + " | ".join(p[1]) + p[0][1])
    | st.integers(0, 12).map(lambda n: "|" + "---|" * n)
    | _template("表{} {}", _digits, _han)
    | st.just("| 城市 | 主要优势 | 功能定位 |")
)

_label = st.sampled_from(["摘要", "摘　 要", "关键词", "中图分类号", "文献标识码", "文章编号", "DOI", "Abstract",
                          "Key words", "收稿日期", "作者简介", "基金项目", "参考文献"])
_JOURNAL = _wide_or_not(
    _template("{}{}{}", _label, st.sampled_from(["：", ":", " ", ""]), _han)
    | _short_han.map(lambda h: f"【{h}】")
    | _template("{}年第{}期", _year, _digits)
    | st.lists(_short_han, min_size=1, max_size=4).map(lambda ns: " ".join(" ".join(n) for n in ns))
    | _han.map(lambda h: f"（1. {h}， 湖北 武汉 430074）")
)

_noise_alphabet = HAN + RARE_HAN + FULL_WIDTH + CIRCLED + CONTROL + PUNCTUATION + "0123456789abcXYZ年月日%‰"
_NOISE = (
    st.text(alphabet=_noise_alphabet, max_size=40)
    | st.text(max_size=20)
    | st.text(alphabet=PUNCTUATION + "。，、；：…—", min_size=1, max_size=30)
    | st.text(alphabet=CONTROL, min_size=1, max_size=4)
    | _template("{}{}", _digits, st.sampled_from(["万", "亿", "%", "％", "万平方公里", "亿元", "个百分点", "倍", ""]))
)

_LINE = st.one_of(_MASTHEAD, _TOC, _MARKED, _FOOTNOTE, _PIPE, _JOURNAL, _NOISE, st.just(""))
_SEPARATOR = st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n", "\r"])


def masthead_lines() -> st.SearchStrategy[str]:
    """Masthead pieces: titles, 2018年第3期, 第 3 期, dates, 主办 and editorial lines, some in full width."""
    return _MASTHEAD


def toc_lines() -> st.SearchStrategy[str]:
    """Table-of-contents pieces: 目录, sections, pipe rows with page numbers, dotted leaders."""
    return _TOC


def marked_lines() -> st.SearchStrategy[str]:
    """Text with markers in odd places: at the start, doubled, empty ``^{}``, markers only."""
    return _MARKED


def citations() -> st.SearchStrategy[str]:
    """GB/T 7714-shaped strings, some whole, most broken: unbalanced brackets, empty fields, stray stops.

    The pieces (authors, title[code], container, year(issue), pages, stop, dates, URL) come in
    order, out of order, repeated or left out.
    """
    return _CITATION


def footnote_lines() -> st.SearchStrategy[str]:
    """Note lines ``^① 作者. 题名[J]. 刊名, 2017(3): 12-18.`` with parts missing, doubled or unbalanced."""
    return _FOOTNOTE


def pipe_rows() -> st.SearchStrategy[str]:
    """Pipe-table rows: ragged columns, separator rows, missing edges, empty cells, 表1 captions."""
    return _PIPE


def journal_lines() -> st.SearchStrategy[str]:
    """Journal front matter: 摘要, 关键词, 中图分类号, 文献标识码, 文章编号, 【栏目】, author and affiliation lines."""
    return _JOURNAL


def noise_lines() -> st.SearchStrategy[str]:
    """Digits, full-width text, control characters, punctuation only, any text at all."""
    return _NOISE


def lines() -> st.SearchStrategy[str]:
    """One line of any of the kinds above."""
    return _LINE


def documents(*, max_lines: int = 40) -> st.SearchStrategy[str]:
    """A document of hostile lines, joined by newlines, CRLF or blank lines."""
    return st.tuples(st.lists(_LINE, max_size=max_lines), _SEPARATOR).map(lambda p: p[1].join(p[0]))


@st.composite
def encoded_documents(draw: st.DrawFn) -> bytes:
    """A hostile document as bytes: UTF-8, GB18030, UTF-16 with or without BOM, sometimes cut or with a bad byte."""
    text = draw(documents(max_lines=20))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]))
    data = text.encode(encoding, errors="replace")
    damage = draw(st.sampled_from(["none", "cut", "byte", "prefix"]))
    if damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "byte" and data:
        where = draw(st.integers(0, len(data) - 1))
        data = data[:where] + bytes([draw(st.integers(0x80, 0xFF))]) + data[where + 1:]
    elif damage == "prefix":
        data = draw(st.binary(max_size=8)) + data
    return data


_number = st.one_of(
    _digits,
    st.floats(min_value=0, max_value=1e12, allow_nan=False).map(lambda f: f"{f:.3f}"),
    st.text(alphabet="一二三四五六七八九十百千万亿零〇两点几余多", min_size=1, max_size=8),
    st.sampled_from(["1e10", "1,234,567", "12.5.3", "０．５", "3-5", "3～5", "3至5", "-7", "99999999999999999999"]),
)
_unit = st.sampled_from(["万平方公里", "亿元", "万人", "%", "％", "个百分点", "倍", "成", "公里", "吨", "家",
                         "万标箱", "人次", "", "万亿美元", "‰", "平方米", "位"])
_lead = st.sampled_from(["", "约", "近", "超过", "达到", "增长", "下降", "比上年增长", "占", "第", "不足", "以上"])
_FACT_TEXT = st.lists(
    st.one_of(
        _template("{}{}{}", _lead, _number, _unit), _han, st.sampled_from(list("，。；、：（）")), _MASTHEAD, _NOISE
    ),
    max_size=25,
).map("".join)


def fact_texts() -> st.SearchStrategy[str]:
    """Running text thick with numbers: Chinese numerals, multipliers, ranges, percentages, qualifiers, dates."""
    return _FACT_TEXT
