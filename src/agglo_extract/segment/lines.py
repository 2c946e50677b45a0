"""Lines of normalised text, and the cleaning every printed text goes through.

Cleaning takes superscript markers out of a text (remembering where they
stood), removes spaces between Han characters and stray spaces inside numbers,
and trims the ends.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import patterns
from ..normalise import NormalisedText, collapse_han_spaces, join_number_gaps
from .raw import Span

_SENTINEL = patterns.SENTINEL


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the normalised text: ``start`` indexes the normalised text."""

    index: int
    text: str
    start: int

    @property
    def number(self) -> int:
        """The 1-based line number (the same in the input: only ``\\r\\n`` is folded)."""
        return self.index + 1

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        """Leading spaces (an ideographic space is already one space)."""
        return len(self.text) - len(self.text.lstrip(" "))


def split_lines(normalised: NormalisedText) -> list[Line]:
    """The lines of ``normalised`` with their start offsets."""
    lines: list[Line] = []
    start = 0
    for index, text in enumerate(normalised.text.split("\n")):
        lines.append(Line(index, text, start))
        start += len(text) + 1
    return lines


def span_of(normalised: NormalisedText, first: Line, last: Line | None = None, page: int | None = None) -> Span:
    """The input span from the first printed character of ``first`` to the last of ``last``."""
    last = last or first
    begin = first.start + first.indent
    end = last.start + len(last.text.rstrip(" "))
    if end <= begin:
        end = begin + 1 if begin < len(normalised.text) else begin
    source_start, source_end = normalised.to_source(begin, end)
    return Span(first.index + 1, source_start, source_end, page)


def clean(text: str, *, plain_markers: bool = False) -> tuple[str, list[tuple[int, str]]]:
    """Clean printed text; return it with the (offset, marker) of each marker taken out.

    ``plain_markers``: also take circled numbers printed without ``^`` right after a
    word (the layout of converters that drop superscripts).

    >>> clean("城市群 发展 概况^{①②} 研究^③")
    ('城市群发展概况研究', [(7, '①'), (7, '②'), (9, '③')])
    """
    found: list[str] = []

    def take(match: regex.Match[str]) -> str:
        groups = match.groupdict()
        markers = groups.get("markers") or groups["single"]
        found.extend(char for char in markers if char in patterns.CIRCLED)
        return _SENTINEL * sum(1 for char in markers if char in patterns.CIRCLED)

    text = patterns.SUPERSCRIPT_MARKERS.sub(take, text)
    if plain_markers:
        text = patterns.PLAIN_MARKER.sub(take, text)
    text = join_number_gaps(collapse_han_spaces(" ".join(text.split())))
    text = patterns.HAN_GAP_AROUND_MARKERS.sub("", text)
    out: list[str] = []
    offsets: list[tuple[int, str]] = []
    markers = iter(found)
    for char in text.strip():
        if char == _SENTINEL:
            offsets.append((len(out), next(markers)))
        else:
            out.append(char)
    return "".join(out).rstrip(), [(min(o, len(out)), m) for o, m in offsets]


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends where a sentence may end.

    >>> ends_sentence("建设完成。"), ends_sentence("加快北部湾城市群"), ends_sentence("他说：“好。”")
    (True, False, True)
    """
    text = text.rstrip(_CONTROLS)  # a stray control character (DEL) after the full stop
    return bool(text) and text[-1] in patterns.SENTENCE_END


_CONTROLS = "".join(map(chr, range(32))) + "\x7f"


def join_texts(left: str, right: str) -> str:
    """Join two pieces of one sentence: no space, except between two Latin letters (two words).

    >>> join_texts("确定", "了南宁"), join_texts("20", "17年"), join_texts("Bosh", "wash")
    ('确定了南宁', '2017年', 'Bosh wash')
    """
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right
