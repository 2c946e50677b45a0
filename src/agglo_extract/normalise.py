"""Normalisation with an exact offset map back to the input.

What is folded (``data/char_fold.tsv``): full-width digits, Latin letters and
``％．`` to ASCII, ideographic and other wide spaces to a space; zero-width
characters are deleted; ``\\r\\n`` and ``\\r`` become ``\\n``. What is kept: Chinese
punctuation (，。“”《》：；？！、) and the circled markers ①…⑳. This is not NFKC,
which would turn ``，`` into ``,`` and ``①`` into ``1``.

Spaces between Han characters are removed by :func:`collapse_han_spaces`, which
the segmenter applies to prose (not to name lists or aligned table columns,
where a space separates items).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import patterns
from .data import decode_cell, load_table


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Text with, for every character, the index in the input it came from.

    ``offsets`` has one entry per character plus one for the end of the text.
    """

    text: str
    offsets: tuple[int, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The input span that ``text[start:end]`` came from.

        >>> n = normalise("２０１７年\\r\\n")
        >>> n.text, n.to_source(0, 4)
        ('2017年\\n', (0, 4))
        """
        if start >= end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@functools.cache
def _fold_table() -> dict[str, str]:
    return {decode_cell(row["char"]): decode_cell(row["replacement"]) for row in load_table("char_fold")}


def normalise(source: str) -> NormalisedText:
    """Fold ``source`` and keep the offset map.

    >>> normalise("６５． ７％").text
    '65. 7%'
    >>> normalise("注释①，“城市群”").text
    '注释①，“城市群”'
    """
    fold = _fold_table()
    chars: list[str] = []
    offsets: list[int] = []
    previous = ""
    for index, char in enumerate(source):
        if char == "\n" and previous == "\r":
            previous = char
            continue
        previous = char
        replacement = "\n" if char == "\r" else fold.get(char, char)
        for piece in replacement:
            chars.append(piece)
            offsets.append(index)
    offsets.append(len(source))
    return NormalisedText("".join(chars), tuple(offsets))


def collapse_han_spaces(text: str) -> str:
    """Remove spaces standing between two Han characters (or Han and CJK punctuation).

    >>> collapse_han_spaces("韦 江 主编，E 贸易 2017 年")
    '韦江主编，E 贸易 2017 年'
    """
    return str(patterns.HAN_GAP.sub("", text))


def join_number_gaps(text: str) -> str:
    """Remove stray spaces inside a number from PDF text (``65. 7 %`` → ``65.7%``).

    >>> join_number_gaps("增长 65. 7 % ，达 1 2 亿")
    '增长 65.7% ，达 1 2 亿'
    """
    return str(patterns.NUMBER_GAP.sub("", text))
