"""Articles of a bulletin body: boundaries from the TOC titles, then headings and paragraphs.

A paragraph that does not end where a sentence can end was cut by a page
break: it is joined with the next paragraph. Headings printed between the cut
and the continuation (a subheading set at the page bottom, before the page's
footnote block) are moved after the joined paragraph when a footnote block
shows that a page ended there.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from .. import patterns
from .lines import ends_sentence, join_texts
from .raw import RawBlock, RawDiagnostic, RawMarker, RawTocEntry, Span
from .units import NoteUnit, TableUnit, TextUnit, Unit

_TITLE_MIN_SIMILARITY = 0.8
_HEADING_MAX = 24
_HEADING_WITH_COMMA_MAX = 18
_NUMBERED_HEADING_MAX = 40
_QUESTION_HEADING_MAX = 15
_KEY_DROP = patterns.compile(r"[\p{P}\p{S}\s]+")
_SUBTITLE = patterns.compile(r"[ ]*(?:——|—|--|：|:)[ ]*")
_LOOK_FOR_EXACT = 3
"""Text lines searched past a near match for the exact title (a section label before it is near)."""


def title_key(text: str) -> str:
    """A title reduced for comparison: no spaces, punctuation or symbols.

    >>> title_key("看看啥是“城市群” ")
    '看看啥是城市群'
    """
    return str(_KEY_DROP.sub("", text))


def title_similarity(a: str, b: str) -> float:
    """How alike two titles are (1.0 when their keys are equal, or one is the other with a subtitle).

    >>> title_similarity("城市群发展新坐标——来自一线的观察", "城市群发展新坐标")
    1.0
    """
    key_a, key_b = title_key(a), title_key(b)
    if not key_a or not key_b:
        return 0.0
    if key_a == key_b or _with_subtitle(a, b) or _with_subtitle(b, a):
        return 1.0
    return difflib.SequenceMatcher(None, key_a, key_b, autojunk=False).ratio()


def _with_subtitle(longer: str, title: str) -> bool:
    """``longer`` is ``title`` followed by a subtitle after a dash or colon (——, —, ：)."""
    parts = _SUBTITLE.split(longer.strip(), maxsplit=1)
    return len(parts) == 2 and bool(parts[1].strip()) and title_key(parts[0]) == title_key(title)


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """Where a TOC entry's article starts: the unit index of its title."""

    entry: int
    unit: int
    similarity: float


def locate_titles(units: list[Unit], toc: list[RawTocEntry], start: int = 0) -> list[TitleMatch]:
    """Match TOC entries, in order, to the first body line alike enough to each title."""
    found: list[TitleMatch] = []
    cursor = start
    for entry_index, entry in enumerate(toc):
        limit = len(title_key(entry.title)) * 1.6 + 4
        for unit_index in range(cursor, len(units)):
            unit = units[unit_index]
            if not isinstance(unit, TextUnit) or len(title_key(unit.text)) > limit:
                continue
            similarity = title_similarity(unit.text, entry.title)
            if similarity >= _TITLE_MIN_SIMILARITY:
                if similarity < 1.0:
                    unit_index, similarity = _exact_after(units, unit_index, entry.title) or (unit_index, similarity)
                found.append(TitleMatch(entry_index, unit_index, similarity))
                cursor = unit_index + 1
                break
    return found


def _exact_after(units: list[Unit], index: int, title: str) -> tuple[int, float] | None:
    """The exact title among the next few text lines after a near match at ``index``."""
    seen = 0
    for later in range(index + 1, len(units)):
        unit = units[later]
        if not isinstance(unit, TextUnit):
            continue
        if title_similarity(unit.text, title) == 1.0:
            return later, 1.0
        seen += 1
        if seen >= _LOOK_FOR_EXACT:
            break
    return None


def classify(text: str) -> tuple[Literal["heading", "paragraph"], int | None]:
    """``("heading", level)`` or ``("paragraph", None)`` for a printed line.

    Numbered headings take their level from the numbering (一、 1, （一） 2,
    1. 3, (1) 4); other headings are short lines that end no sentence.

    >>> classify("（二）北美五大湖城市群"), classify("总结"), classify("城市群是指以核心城市为中心的城市集合。")
    (('heading', 2), ('heading', 1), ('paragraph', None))
    """
    numbered = patterns.HEADING_NUMBER.match(text)
    if numbered and len(text) <= _NUMBERED_HEADING_MAX and not text.endswith(("。", "；", ";")):
        level = next(i for i, name in enumerate(("l1", "l2", "l3", "l4"), start=1) if numbered[name])
        return "heading", level
    if len(text) > _HEADING_MAX or "。" in text or text.endswith(("，", "、", "：", ":", ",", "；", ";", "！", "!")):
        return "paragraph", None
    if text.endswith(("？", "?")) and len(text) > _QUESTION_HEADING_MAX:
        return "paragraph", None
    if "，" in text and len(text) > _HEADING_WITH_COMMA_MAX:
        return "paragraph", None
    return "heading", 1


@dataclass(slots=True)
class _Draft:
    type: Literal["heading", "paragraph"]
    text: str
    level: int | None
    markers: list[RawMarker]
    first: Span
    last: Span

    def freeze(self) -> RawBlock:
        span = Span(self.first.line, self.first.start, self.last.end, self.first.page)
        return RawBlock(self.type, self.text, span, self.level, tuple(self.markers))

    def extend(self, unit: TextUnit) -> None:
        joined = join_texts(self.text, unit.text)
        shift = len(joined) - len(unit.text)
        self.markers.extend(RawMarker(m.offset + shift, m.marker, m.note_id) for m in unit.markers)
        self.text = joined
        self.last = unit.span


@dataclass(slots=True)
class BlockBuilder:
    """Headings and paragraphs of one article, with cut sentences joined back."""

    blocks: list[_Draft] = field(default_factory=list)
    diagnostics: list[RawDiagnostic] = field(default_factory=list)
    _pending: _Draft | None = None
    _deferred: list[_Draft] = field(default_factory=list)
    _page_ended: bool = False

    def add(self, unit: Unit) -> None:
        if isinstance(unit, NoteUnit):
            self._page_ended = self._pending is not None
            return
        if isinstance(unit, TableUnit):
            return
        kind, level = classify(unit.text)
        draft = _Draft(kind, unit.text, level, list(unit.markers), unit.span, unit.span)
        if kind == "heading":
            if self._pending is not None:
                self._deferred.append(draft)
            else:
                self.blocks.append(draft)
            return
        pending = self._pending
        if pending is not None and (self._page_ended or not self._deferred):
            pending.extend(unit)
            self._flush()
            self._pending = None if ends_sentence(pending.text) else pending
            return
        self._flush()
        self._pending = None
        self.blocks.append(draft)
        self._pending = None if ends_sentence(draft.text) else draft

    def _flush(self) -> None:
        self.blocks.extend(self._deferred)
        self._deferred.clear()
        self._page_ended = False

    def finish(self) -> tuple[RawBlock, ...]:
        if self._pending is not None and not self._deferred:
            self.diagnostics.append(
                RawDiagnostic(
                    "info",
                    "paragraph-incomplete",
                    "paragraph ends without a sentence end and nothing continues it",
                    self._pending.last,
                )
            )
        self._flush()
        self._pending = None
        return tuple(draft.freeze() for draft in self.blocks)
