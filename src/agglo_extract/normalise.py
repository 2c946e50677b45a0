"""Normalisation with an exact offset map back to the input.

What is folded (``data/char_fold.tsv``): full-width digits, Latin letters and
``％．`` to ASCII, ideographic and other wide spaces to a space; zero-width
characters are deleted; ``\\r\\n`` and ``\\r`` become ``\\n``; a Unicode noncharacter (U+FDD0…U+FDEF,
U+FFFE, U+FFFF: never text, and the segmenter's internal placeholders) and a lone surrogate (which a
``str`` may hold but UTF-8 cannot encode, so JSON output would fail) become U+FFFD. What is kept: Chinese
punctuation (，。“”《》：；？！、) and the circled markers ①…⑳. This is not NFKC,
which would turn ``，`` into ``,`` and ``①`` into ``1``.

Spaces between Han characters are removed by :func:`collapse_han_spaces`, which
the segmenter applies to prose (not to name lists or aligned table columns,
where a space separates items).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from . import patterns
from .data import decode_cell, load_table


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Text with an exact map back to the input it came from.

    Normalising only folds one character into one or deletes one (a
    zero-width character, the ``\\n`` of ``\\r\\n``), so the map is kept as the
    sorted output positions of the deletions (``deleted``): the character at
    ``i`` came from input index ``i`` plus the deletions at or before ``i``.
    """

    text: str
    deleted: tuple[int, ...] = ()

    @property
    def offsets(self) -> tuple[int, ...]:
        """The input index of every character, plus one entry for the end of the text."""
        return tuple(self.offset(index) for index in range(len(self.text) + 1))

    def offset(self, index: int) -> int:
        """The input index that ``text[index]`` came from (``len(text)``: the input's end)."""
        return index + bisect.bisect_right(self.deleted, index) if self.deleted else index

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The input span that ``text[start:end]`` came from.

        >>> n = normalise("２０１７年\\r\\n")
        >>> n.text, n.to_source(0, 4)
        ('2017年\\n', (0, 4))
        """
        if start >= end:
            return self.offset(start), self.offset(start)
        return self.offset(start), self.offset(end - 1) + 1


@functools.cache
def _fold_table() -> dict[str, str]:
    return {decode_cell(row["char"]): decode_cell(row["replacement"]) for row in load_table("char_fold")}


@functools.cache
def _translation() -> tuple[dict[int, str | None], str]:
    """``str.translate`` table (folds, deletions, ``\\r`` → ``\\n``) and the class of deleted characters."""
    table: dict[int, str | None] = {ord(k): v or None for k, v in _fold_table().items()}
    table[ord("\r")] = "\n"
    table.update(dict.fromkeys(map(ord, patterns.NONCHARACTERS), "\ufffd"))
    table.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))  # a lone surrogate (a str can hold one) is no text
    deleted = "".join(sorted(k for k, v in _fold_table().items() if not v))
    return table, deleted


def normalise(source: str) -> NormalisedText:
    """Fold ``source`` and keep the offset map. Linear, and no per-character Python objects.

    >>> normalise("６５． ７％").text
    '65. 7%'
    >>> normalise("注释①，“城市群”").text
    '注释①，“城市群”'
    >>> normalise("a\\u200bb\\r\\nc")
    NormalisedText(text='ab\\nc', deleted=(1, 3))
    """
    table, deleted_chars = _translation()
    deleted: list[int] = []
    for match in patterns.deletions(deleted_chars).finditer(source):
        index = match.end() - 1  # the zero-width character, or the \n of \r\n
        deleted.append(index - len(deleted))
    text = source.replace("\r\n", "\r").translate(table)
    return NormalisedText(text, tuple(deleted))


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
