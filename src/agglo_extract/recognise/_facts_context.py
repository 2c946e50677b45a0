"""Context of a number: its kind (growth, share, difference), metric and subject.

Clause structure does most of the work. In ``[时间，][主体][指标][动词][约]数 单位``
the subject is a place (gazetteer, city clusters) at the start of the clause,
possibly extended (北部湾经济区 + 四市, 郑州 + 经开区); the metric is the
run of content words just before the verb (jieba tokens, with the domain
terms kept whole); counted things may follow the unit instead (9家企业,
4234 公里的海岸线). A clause without a metric of its own (比去年同期增长
26.16%, 占全区 27%) takes the previous fact's in the same sentence.
"""

from __future__ import annotations

import functools

import regex

from .. import patterns
from ..data import load_table
from ._facts_scan import Candidate
from ._jieba import tokenize
from .places import PlaceMatch, place_names

__all__ = ["apply_kind", "metric_for", "subject_at"]

_GROWTH = patterns.compile(
    r"""
    (?: 增长 | 增加 | 提高 | 提升 | 上升 | 上涨 | 增 ) 了? \s? $       # a rise
    | (?P<fall> 下降 | 降低 | 减少 | 回落 | 下滑 | 缩减 | 减 ) 了? \s? $   # a fall
    """,
    regex.VERBOSE,
)
_GROWTH_RATE = patterns.compile(
    r"""
    (?: 增速 | 增幅 | 涨幅 | 年均增长率? )   # a rate of growth
    (?: 为 | 达到? | 是 )? \s? $          # 增速为 8%
    """,
    regex.VERBOSE,
)
_DIFFERENCE = patterns.compile(
    r"""
    高于 | 低于 | 高出 | 低出 | 快于 | 慢于 | 多于 | 少于         # 高于全国平均水平 5.2 个百分点
    | (?: 比 | 较 ) [^，。；]{0,12} (?: 高 | 低 | 快 | 慢 | 多 | 少 ) \s? $
    """,
    regex.VERBOSE,
)
_SHARE = patterns.compile(
    r"""
    占 (?! 地(?!区) | 用 | 据 | 领 | 有 )                          # 占全国的 65.7%, not 占地
    | (?: 占比 | 比重 | 份额 ) (?: 为 | 达到? | 是 )? \s? $
    """,
    regex.VERBOSE,
)
_WHOLE = patterns.compile(
    r"""
    全 (?: 国 | 省 | 区 | 市 | 疆 | 州 | 球 )   # the whole the share is of
    [^，。；\d]{0,4} $                         # 集聚了全区四分之三的人口
    """,
    regex.VERBOSE,
)
_WORDLIKE = patterns.compile(r"[\p{Han}A-Za-z]  # a word, not punctuation or a number", regex.VERBOSE)
_RANK_CUT = patterns.compile(r"^ (?: 在 | 居 | 排 | 位 | 名列 )  # 在西北省会城市中排第 5 位", regex.VERBOSE)
_COMPARISON = {"是", "高于", "低于", "高出", "低出", "快于", "慢于", "比", "较", "比去年同期", "比上年", "较上年"}
_SUBJECT_COUNT = patterns.compile(
    r"""
    \s? [一二三四五六七八九十两\d]{1,2} \s? (?: 个 | 座 )? (?: 城市 | 省市 | 市 | 县 | 区 )   # 8 市
    """,
    regex.VERBOSE,
)
_SUBJECT_TAIL = patterns.compile(
    r"""
    (?: \s? [一二三四五六七八九十两\d]{1,2} \s? (?: 个 | 座 )? (?: 城市 | 省市 | 市 | 县 | 区 ) )?  # 四市, 11 省市
    (?: \p{Han}{0,8}? (?: 新区 | 高新区 | 经开区 | 开发区 | 先行区 | 工业园区 | 工业园 | 产业园 | 园区 | 港务区
                        | 港区 | 科技城
                        | 中心城区 | 主城区 | 城区 | 试验区 | 自贸区 | 机场 | 港(?!口) )
      | 城市群 | 经济区 | 都市圈 | 都市区 | 全市 | 市 | 省 )?
    """,
    regex.VERBOSE,
)
_GENERIC_SUBJECT = patterns.compile(
    r"""
    (?: 该 | 这个 | 这一 | 此 ) (?: 城市群 | 经济区 | 地区 | 市 | 区 | 省 | 园区 | 新区 )    # a pronoun
    | 城市群 (?! 发展 | 建设 | 规划 | 是 | 的 )                                        # bare: the one in view
    | (?! 取消 | 包括 | 推进 | 推动 | 建设 | 形成 | 实现 | 带动 | 打造 | 一定 | 要求 | 支持 | 提出 )
      [^\P{Han}了的在是为把将被和与对以]{2,10}?                     # 美国大西洋沿岸城市群
      (?: 城市群 | 经济区 | 经济带 | 都市圈 | 湾区 | 试验区 | 开发区 | 经开区 | 新区 )
    """,
    regex.VERBOSE,
)
_LISTED = patterns.compile(
    r"""
    (?: 、 [^、，。；：\d]{1,8} ){1,12}                              # 、珠三角、京津冀 …
    等 \s? [一二三四五六七八九十两\d]{1,2} \s? (?: 大 | 个 | 座 )?     # 等七大
    (?: 城市群 | 经济区 | 城市 | 省市 | 省区 | 市 )                     # 城市群
    """,
    regex.VERBOSE,
)
"""A list of places closed by 等N大城市群 is one subject."""
_LEAD = patterns.compile(
    r"""
    (?: \s | 截至 | 截止 | 到 | 在 | 于 | 从 | 自 | 其中 | 同时 | 此外 | 另外 | 目前 | 当前
      | 数据显示 | 据统计 | 统计显示 | 预计 | 而且 | 并且 | 而 | 但 | 且 | 由于 | 其 | 我国 ){0,6}
    """,
    regex.VERBOSE,
)


@functools.cache
def _term_types() -> dict[str, str]:
    types = {row["term"]: row["type"] for row in load_table("domain_terms")}
    for row in load_table("qualifiers"):
        types.setdefault(row["word"], "function")
    return types


def apply_kind(candidate: Candidate, before: str) -> None:
    """Set growth, difference or share from the words just before the number (``before``)."""
    if candidate.kind == "rank" or candidate.unit not in {"percent", "times", "percentage_point"}:
        return
    growth = _GROWTH.search(before)
    if growth is not None:
        candidate.kind = "growth"
        if growth["fall"]:
            candidate.value = -candidate.value
            if candidate.value_max is not None:
                candidate.value_max = -candidate.value_max
        return
    if candidate.unit == "percentage_point" and _DIFFERENCE.search(before):
        candidate.kind = "difference"
        return
    if _GROWTH_RATE.search(before):
        candidate.kind = "growth"
        return
    if _SHARE.search(before) or _WHOLE.search(before):
        candidate.kind = "share"
        if candidate.qualifier is None and ("约占" in before):
            candidate.qualifier = "about"  # 约占全省的 1/3


def subject_at(text: str, start: int, end: int, places: dict[int, PlaceMatch]) -> tuple[str | None, int, bool]:
    """The subject that opens the clause ``text[start:end]``: (subject, where it ends, is a pronoun)."""
    lead = _LEAD.match(text, start, end)
    position = start if start in places else (lead.end() if lead else start)  # 自贡 is no 自 + 贡
    place = places.get(position)
    if place is not None and place.end <= end:
        while place.end in places and places[place.end].end <= end:  # 昆明市五华区
            place = places[place.end]
        listed = _LISTED.match(text, place.end, end)
        if listed is not None:
            return text[position : listed.end()], listed.end(), False
        tail = _SUBJECT_TAIL.match(text, place.end, end)
        stop = tail.end() if tail else place.end
        counted = _SUBJECT_COUNT.match(text, stop, end) if stop > place.end else None  # 合肥都市圈 8 市
        stop = counted.end() if counted else stop
        return text[position:stop], stop, False
    generic = _GENERIC_SUBJECT.match(text, position, end)
    if generic is not None:
        pronoun = generic.group().startswith(("该", "这", "此")) or generic.group() == "城市群"
        if not pronoun and any(index in places for index in range(position + 3, generic.end())):
            return None, start, False  # 三省就共建长江中游城市群 is a verb phrase; 大西安都市圈 a name
        if pronoun:
            return None, generic.end(), True
        counted = _SUBJECT_COUNT.match(text, generic.end(), end)  # 合肥都市圈 8 市
        stop = counted.end() if counted else generic.end()
        return text[position:stop], stop, False
    return None, start, False


@functools.cache
def _places() -> frozenset[str]:
    return frozenset(place_names())


def _is_content(word: str) -> bool:
    if not word.strip() or not _WORDLIKE.match(word) or word in _places():
        return False
    return _term_types().get(word) not in {"verb", "function", "scope"}


def _may_extend(run: list[str], word: str) -> bool:
    """Two words, or three that make six characters (铝产业产值), or eight of two-character words (工业机器人产量)."""
    if len(run) < 2:
        return True
    size = len("".join(run)) + len(word)
    return len(run) == 2 and (size <= 6 or (size <= 8 and all(len(w) >= 2 for w in [*run, word])))


_WHOLE_METRIC = 12
"""A noun phrase that fills the clause up to this many characters is the metric as a whole."""


def _run_before(words: list[str]) -> str | None:
    """The content words at the end of ``words``, after dropping trailing verbs and function words.

    When every word from the start of ``words`` is content (the clause is
    subject + noun phrase + verb + number), the whole noun phrase is the
    metric (数字经济核心产业营业收入); a longer run keeps its last two or three
    words.
    """
    while words and not _is_content(words[-1]):
        words.pop()
    singles = next((index for index, word in enumerate(words) if len(word) > 1), len(words))
    if singles >= 2:
        del words[:singles]  # 新开国际航线 is split 新/开/国际/航线: single characters in a row are verbs
    if words and all(_is_content(word) for word in words) and len("".join(words)) <= _WHOLE_METRIC:
        return "".join(words) if len("".join(words)) >= 2 else None
    run: list[str] = []
    while words and _is_content(words[-1]) and _may_extend(run, words[-1]):
        run.insert(0, words.pop())
    metric = "".join(run)
    return metric if len(metric) >= 2 else None


def _run_after(words: list[str]) -> str | None:
    """The counted thing after a unit: ``企业`` in 9家企业, ``海岸线`` in 4234 公里的海岸线."""
    run: list[str] = []
    for word in words:
        if not _is_content(word) or len(run) == 2 or (run and len(word) < 2):
            break
        run.append(word)
    metric = "".join(run)
    return metric if 2 <= len(metric) <= 8 else None


def metric_for(candidate: Candidate, text: str, before_start: int, after_end: int, inherited: str | None) -> str | None:
    """What the number measures, from ``text[before_start:candidate.start]`` and what follows it.

    ``inherited`` is the metric of the previous fact in the sentence, taken
    when this clause names none (比去年同期增长 26.16%).
    """
    words = [word for word, _, _ in tokenize(text[before_start : candidate.start])]
    share_tail: list[str] = []
    for index, word in enumerate(words):
        if word in _COMPARISON or (candidate.kind == "rank" and _RANK_CUT.match(word)):
            words = words[:index]
            break
        if word.startswith("占") and candidate.kind == "share":
            words, share_tail = words[:index], words[index + 1 :]
            break
    after = text[candidate.end : after_end]
    follows = after.lstrip(" 的") if after.lstrip().startswith("的") else after
    metric = None
    if follows and (after.lstrip().startswith("的") or candidate.kind == "count"):
        metric = _run_after([word for word, _, _ in tokenize(follows[:16])])
    if metric is None:
        metric = _run_before(words)
    if metric is None:
        metric = inherited
    if metric is None and share_tail:
        metric = _run_before([word for word in share_tail if word != "的"])
    if metric is None and candidate.raw_unit.endswith("人口"):
        metric = "人口"
    return metric
