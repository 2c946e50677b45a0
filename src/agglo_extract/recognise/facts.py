"""Numeric facts in running Chinese text: value, unit, kind, qualifier, metric, subject, period.

>>> [(f.text, f.value, f.unit, f.metric) for f in find_facts("这个城市群陆域面积 11.66 万平方公里。")]
[('11.66 万平方公里', 116600.0, 'km2', '陆域面积')]
>>> f = find_facts("2016年1-11月，泸州市规模以上工业增加值增长11.2%。")[0]
>>> f.kind, f.value, f.unit, f.subject, f.period
('growth', 11.2, 'percent', '泸州市', '2016-01/2016-11')

Stages: periods and dates are found first and masked (``recognise.periods``);
number + unit spans are found in what is left (``_facts_scan``); then each
gets its kind, metric and subject from its clause (``_facts_context``).
Nothing here raises on odd input: text that is not understood gives fewer
facts.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .. import patterns
from ..limits import PatternTimeout
from ..models.diagnostics import Diagnostic
from ..models.fact import NumericFact
from ._facts_context import apply_kind, metric_for, subject_at
from ._facts_scan import Candidate, find_candidates
from .periods import PeriodMatch, find_periods
from .places import PlaceMatch, find_places

__all__ = ["find_facts", "find_facts_in_blocks"]

_SENTENCE_END = patterns.compile(r"[。！？!?\n]  # a sentence ends (；only ends a clause)", regex.VERBOSE)
_CLAUSE_END = patterns.compile(r"[，,：:。！？!?；;\n]  # a clause ends", regex.VERBOSE)
_LIST_SEP = patterns.compile(r"[、（）()“”]  # a list item or an aside ends", regex.VERBOSE)
_CLAUSE_LEAD = patterns.compile(
    r"""
    \s{0,4} (?: 截至 | 截止 | 到 | 在 | 从 | 自 | 于 )? \s{0,4}   # 截至 before 2016年底
    """,
    regex.VERBOSE,
)
_ISO_DATE = patterns.compile(r"\d{4} (?: -\d{2} ){0,2} $  # 2017, 2017-11, 2017-11-25", regex.VERBOSE)
_MAX_TEXT = 2_000_000
_RELATIVE_KINDS = {"growth", "share", "difference"}
"""Kinds whose number says nothing without a metric: they may take the previous sentence's."""
_CLUSTER_WORDS = ("城市群", "经济区", "都市圈", "经济带")
_COUNTED_PEOPLE = {"人次": "person_trip", "人口": "person", "人数": "person"}
"""A number with only a magnitude (4600 万) takes its unit from a metric ending in these."""


@dataclass(slots=True)
class _Context:
    """What a paragraph hands on: the year and subject it stated, the heading's subject."""

    heading_subject: str | None = None
    issue_date: str | None = None


def find_facts(text: str, *, issue_date: str | None = None) -> list[NumericFact]:
    """Every numeric fact in ``text``, in order; ``text[f.start:f.end] == f.text``; ``block_index`` 0.

    ``issue_date`` (ISO) resolves relative words such as 今年 and 去年.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _block_facts(text[:_MAX_TEXT], 0, _Context(issue_date=_iso(issue_date)))
    except TimeoutError as error:
        raise PatternTimeout("the fact search ran out of time (Limits.pattern_timeout)") from error


def find_facts_in_blocks(
    texts: Sequence[str], *, issue_date: str | None = None, diagnostics: list[Diagnostic] | None = None
) -> list[NumericFact]:
    """The facts of an article's blocks (headings and paragraphs, in reading order), with ``block_index``.

    A clause without a subject inherits its sentence's or paragraph's, then the
    last heading's (泸州：… sets 泸州 for the paragraphs under it). A block
    whose search runs out of time is skipped with a ``pattern-timeout``
    diagnostic appended to ``diagnostics``.
    """
    context = _Context(issue_date=_iso(issue_date))
    facts: list[NumericFact] = []
    for index, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            continue
        text = text[:_MAX_TEXT]
        try:
            if _is_heading(text):
                places = find_places(text[:20])
                context.heading_subject = places[0].text if places and places[0].start <= 2 else None
            facts.extend(_block_facts(text, index, context))
        except TimeoutError:
            if diagnostics is not None:
                message = f"block {index}: the fact search ran out of time: no facts taken from it"
                diagnostics.append(Diagnostic(level="warning", code="pattern-timeout", message=message))
    return facts


def _iso(issue_date: str | None) -> str | None:
    if isinstance(issue_date, str) and _ISO_DATE.match(issue_date):
        return issue_date
    return None


def _is_heading(text: str) -> bool:
    return len(text) <= 40 and "。" not in text


def _spans(pattern: patterns.Pattern, text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in pattern.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _containing(spans: list[tuple[int, int]], starts: list[int], position: int) -> tuple[int, int]:
    """The span (from consecutive, sorted ``spans`` starting at ``starts``) that holds ``position``."""
    return spans[max(0, bisect.bisect_right(starts, position) - 1)]


def _block_facts(text: str, block_index: int, context: _Context) -> list[NumericFact]:
    try:
        return _block_facts_unsafe(text, block_index, context)
    except (ValueError, ArithmeticError, IndexError, KeyError):  # pragma: no cover - a bug: report no facts
        return []


def _block_facts_unsafe(text: str, block_index: int, context: _Context) -> list[NumericFact]:
    periods = find_periods(text, issue_date=context.issue_date)
    candidates = find_candidates(text, [(p.start, p.end) for p in periods])
    if not candidates:
        return []
    sentences = _spans(_SENTENCE_END, text)
    clauses = _spans(_CLAUSE_END, text)
    sentence_starts, clause_starts = [span[0] for span in sentences], [span[0] for span in clauses]
    resolved = [p for p in periods if p.period is not None and not p.is_date and not p.is_base]
    resolved_ends = [p.end for p in resolved]
    period_ends = [p.end for p in periods]
    places = find_places(text)
    place_at = {place.start: place for place in places}
    subjects = _clause_subjects(text, clauses, periods, place_at, context.heading_subject)
    subject_starts = sorted(start for start, found in subjects.items() if found[0] is not None)
    facts: list[NumericFact] = []
    previous: tuple[Candidate, str | None, str | None, tuple[int, int]] | None = None
    first_metric: str | None = None  # of the sentence of the previous fact
    last_sentence_metric: str | None = None  # of the sentence before that
    for candidate in candidates:
        sentence = _containing(sentences, sentence_starts, candidate.start)
        clause = _containing(clauses, clause_starts, candidate.start)
        same_sentence = previous is not None and previous[3] == sentence
        local_start = clause[0]
        if previous is not None and previous[0].end > local_start:
            local_start = previous[0].end
        last_period = bisect.bisect_right(period_ends, candidate.start) - 1
        if last_period >= 0 and periods[last_period].start >= local_start:
            local_start = periods[last_period].end
        subject: str | None
        subject_here, subject_end, pronoun = subjects.get(clause[0], (None, clause[0], False))
        if (subject_here is not None or pronoun) and subject_end <= candidate.start:
            local_start = max(local_start, subject_end)
            subject = subject_here
        elif subject_here is not None and subject_end - len(subject_here) < candidate.start:
            subject = subject_here[: len(subject_here) - (subject_end - candidate.start)].strip()  # 中原城市群 30 座
        else:
            subject = _inherited_subject(subjects, subject_starts, clause[0], context.heading_subject)
        list_start = max((m.end() for m in _LIST_SEP.finditer(text, local_start, candidate.start)), default=None)
        before_start = list_start if list_start is not None else local_start
        apply_kind(candidate, text[local_start : candidate.start])
        after_end = _CLAUSE_END.search(text, candidate.end)
        if not same_sentence:
            last_sentence_metric, first_metric = first_metric or last_sentence_metric, None
        inherited = previous[1] if same_sentence and previous is not None else None
        if inherited is None and candidate.kind in _RELATIVE_KINDS:
            inherited = last_sentence_metric  # 外贸进出口 1,000 亿元。一季度增长 20%
        metric = metric_for(candidate, text, before_start, after_end.start() if after_end else len(text), inherited)
        if subject is None and same_sentence and previous is not None:
            subject = previous[2]
        if candidate.unit == "" and metric and metric.endswith(tuple(_COUNTED_PEOPLE)):
            candidate.unit = _COUNTED_PEOPLE[metric[-2:]]
            candidate.kind = "count"
        fact = NumericFact(
            text=text[candidate.start : candidate.end],
            block_index=block_index,
            start=candidate.start,
            end=candidate.end,
            value=float(candidate.value),
            value_max=float(candidate.value_max) if candidate.value_max is not None else None,
            unit=candidate.unit,
            raw_unit=candidate.raw_unit,
            kind=candidate.kind,
            qualifier=candidate.qualifier,
            metric=metric,
            subject=subject,
            period=_period_for(candidate, resolved, resolved_ends, sentence, clause),
            per=candidate.per,
        )
        facts.append(fact)
        if first_metric is None:
            first_metric = metric
        previous = (candidate, metric, subject, sentence)
    return facts


def _clause_subjects(
    text: str,
    clauses: list[tuple[int, int]],
    periods: list[PeriodMatch],
    place_at: dict[int, PlaceMatch],
    heading_subject: str | None,
) -> dict[int, tuple[str | None, int, bool]]:
    """For each clause start: the subject that opens it (after its time words), a pronoun resolved."""
    found: dict[int, tuple[str | None, int, bool]] = {}
    current = heading_subject
    cluster = heading_subject if heading_subject and heading_subject.endswith(_CLUSTER_WORDS) else None
    city = None if cluster else heading_subject
    period_ends = {p.start: p.end for p in periods}
    for start, end in clauses:
        position = start
        for _ in range(3):  # skip 截至2016年底 / 2016 年 before the subject
            if position in place_at:
                break  # 自贡 is a place, not 自 + 贡
            skipped = _CLAUSE_LEAD.match(text, position, end)
            position = skipped.end() if skipped else position
            if position in period_ends:
                position = period_ends[position]
        subject, stop, pronoun = subject_at(text, position, end, place_at)
        if pronoun:  # 该市 is the city in view; 城市群, 该城市群 the cluster in view
            subject = cluster if text[position:stop].endswith(_CLUSTER_WORDS) else (city or current)
        if subject is not None or pronoun:
            current = subject
            found[start] = (subject, stop, pronoun)
        if subject is not None and subject.endswith(_CLUSTER_WORDS):
            cluster = subject
        elif subject is not None:
            city = subject
    return found


def _inherited_subject(
    subjects: dict[int, tuple[str | None, int, bool]],
    subject_starts: list[int],
    clause_start: int,
    heading_subject: str | None,
) -> str | None:
    index = bisect.bisect_left(subject_starts, clause_start) - 1
    return subjects[subject_starts[index]][0] if index >= 0 else heading_subject


def _period_for(
    candidate: Candidate,
    resolved: list[PeriodMatch],
    resolved_ends: list[int],
    sentence: tuple[int, int],
    clause: tuple[int, int],
) -> str | None:
    """The last period before the number in its sentence; else one after it in its clause; else the paragraph's.

    ``resolved`` are the periods that can date a fact (no event dates, no
    comparison bases), in text order, ``resolved_ends`` their ends.
    """
    before = bisect.bisect_right(resolved_ends, candidate.start) - 1
    if before >= 0 and resolved[before].start >= sentence[0]:
        return resolved[before].period
    after = before + 1
    while after < len(resolved) and resolved[after].start < candidate.end:
        after += 1
    if after < len(resolved) and resolved[after].end <= clause[1]:
        return resolved[after].period
    while before >= 0 and resolved[before].end > sentence[0]:
        before -= 1
    return resolved[before].period if before >= 0 else None
