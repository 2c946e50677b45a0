"""Page furniture found by what it is, never by a journal's name.

Three kinds of line are furniture:

- ``issue-line``: a short line naming a year and an issue (``某某学刊 2018 年第 7
  期``, ``Vol. 40, No. 3``), the running head or footer of a journal page,
  maybe with the page number at one end;
- ``running-head``: a short line printed again on other pages, the same once
  its numbers are masked (``城市群研究 23`` … ``城市群研究 25``), or the same
  line three times or more;
- ``page-number``: a line holding only a number (``22``, ``- 22 -``) when it
  stands next to other furniture or when such lines count up through the text.

The functions are pure, over lines of normalised text (full-width digits
folded), so the text path and a PDF path can share them.

>>> lines = ["正文第一行，", "", "22", "", "某某学刊 2018 年第 7 期", "正文接着写完。"]
>>> found = find_furniture(lines)
>>> sorted(found.indices), found.journal, found.year, found.issue, found.pages
([2, 4], '某某学刊', 2018, '7', '22-23')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from . import journal_patterns as jp

FurnitureKind = Literal["page-number", "issue-line", "running-head"]

MAX_WIDTH = 40
"""Furniture lines are short: at most this many characters once spaces are removed."""

_NEAR = 3
"""A lone number counts as a page number within this many content lines of other furniture."""

_MIN_GAP = 8
"""Repeats of a running head stand at least this many lines apart (one page or column)."""

_SENTENCE_PUNCT = frozenset("，。；！？")


@dataclass(frozen=True, slots=True)
class FurnitureLine:
    """A furniture line: its index in the lines given, the text as printed, and the page it names."""

    index: int
    text: str
    kind: FurnitureKind
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Furniture:
    """What :func:`find_furniture` found, and the metadata it gives."""

    lines: tuple[FurnitureLine, ...] = ()
    journal: str | None = None
    year: int | None = None
    issue: str | None = None
    volume: str | None = None
    pages: str | None = None
    page_of_line: tuple[int | None, ...] = ()

    @property
    def indices(self) -> frozenset[int]:
        """Indices of the furniture lines."""
        return frozenset(line.index for line in self.lines)

    @property
    def distinct(self) -> tuple[str, ...]:
        """The distinct furniture texts in order of first appearance (spaces folded)."""
        seen: dict[str, None] = {}
        for line in self.lines:
            seen.setdefault(jp.SPACES.sub(" ", line.text.strip()), None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class IssueLine:
    """The parts of a journal running head or footer."""

    journal: str | None
    year: int
    issue: str | None
    volume: str | None
    page: int | None


def _compact(text: str) -> str:
    return str(jp.SPACES.sub("", text))


def _short(text: str) -> bool:
    compact = _compact(text)
    return 0 < len(compact) <= MAX_WIDTH and not (_SENTENCE_PUNCT & set(compact))


def parse_issue_line(text: str) -> IssueLine | None:
    """The journal, year, issue and page of a running head or footer, or ``None``.

    >>> parse_issue_line("22 某某学刊 2018 年第 7 期")
    IssueLine(journal='某某学刊', year=2018, issue='7', volume=None, page=22)
    >>> parse_issue_line("城市研究 2019 年 第 40 卷 第 3 期")
    IssueLine(journal='城市研究', year=2019, issue='3', volume='40', page=None)
    >>> parse_issue_line("2016 年我国七大城市群") is None
    True
    """
    if not _short(text):
        return None
    match = jp.ISSUE_REFERENCE.search(text)
    if match is None:
        return None
    year = int(match["year"] or match["year_last"])
    issue = match["issue"] or match["issue_en"] or match["issue_first"]
    volume = match["volume"] or match["volume_en"] or match["volume_first"]
    rest = (text[: match.start()] + " " + text[match.end() :]).strip()
    page: int | None = None
    edge = jp.EDGE_NUMBER.search(rest)
    if edge is not None:
        page = int(edge["first"] or edge["last"])
        rest = (rest[: edge.start()] + rest[edge.end() :]).strip()
    elif (lone := jp.LONE_PAGE_NUMBER.match(rest)) is not None:
        page = int(lone["page"])
        rest = ""
    journal = rest.strip(" ·|-—,，") or None
    return IssueLine(journal, year, issue, volume, page)


def _lone_page_number(text: str) -> int | None:
    match = jp.LONE_PAGE_NUMBER.match(text)
    return int(match["page"]) if match else None


def _running_heads(lines: Sequence[str], taken: set[int]) -> dict[int, int | None]:
    """Lines that repeat once numbers are masked, numbers changing; or three exact repeats, or two that each
    stand beside a page number (a head that alternates with another from page to page)."""
    groups: defaultdict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(lines):
        if index in taken or not _short(text) or _lone_page_number(text) is not None:
            continue
        compact = _compact(text)
        if len(compact) < 2 or compact.startswith("|") or not jp.WORD_CHAR.search(compact):
            continue
        groups[jp.DIGITS.sub("#", compact)].append(index)
    found: dict[int, int | None] = {}
    for key, indices in groups.items():
        spread = [b - a for a, b in zip(indices, indices[1:])]
        if len(indices) < 2 or min(spread) < _MIN_GAP:
            continue
        texts = {_compact(lines[i]) for i in indices}
        if "#" in key and len(texts) > 1:
            for index in indices:
                edge = jp.EDGE_NUMBER.search(lines[index].strip())
                found[index] = int(edge["first"] or edge["last"]) if edge else None
        elif len(indices) >= 3 or all(_beside_page_number(lines, index) for index in indices):
            found.update(dict.fromkeys(indices))  # three copies, or two each beside a page number
    return found


def _beside_page_number(lines: Sequence[str], index: int) -> bool:
    """Whether a lone page number stands within two printed lines of ``lines[index]`` (a page break)."""
    near: list[int] = []
    for step in (-1, 1):
        probe, seen = index + step, 0
        while 0 <= probe < len(lines) and seen < 2:
            if lines[probe].strip():
                near.append(probe)
                seen += 1
            probe += step
    return any(_lone_page_number(lines[probe]) is not None for probe in near)


def _content_neighbours(lines: Sequence[str], index: int, furniture: set[int]) -> bool:
    """Whether furniture stands within ``_NEAR`` non-blank lines of ``index``."""
    for step in (-1, 1):
        seen = 0
        position = index + step
        while 0 <= position < len(lines) and seen < _NEAR:
            if position in furniture:
                return True
            if lines[position].strip():
                seen += 1
            position += step
    return False


def find_furniture(lines: Sequence[str], *, claimed: Collection[int] = ()) -> Furniture:
    """Furniture among ``lines`` (normalised text, one string a line) and what it says.

    ``claimed`` are indices a caller has already read as something else (a
    bulletin masthead's ``2019年第3期`` or issue number): they are never furniture.

    ``pages`` is ``first-last`` over the pages that hold text: with footers
    (furniture after the text of a page), text after the last footer is on the
    next page; with headers, text after a header is on its page.
    """
    claimed = set(claimed)
    issue_lines: dict[int, IssueLine] = {}
    for index, text in enumerate(lines):
        parsed = parse_issue_line(text) if index not in claimed else None
        if parsed is not None:
            issue_lines[index] = parsed
    taken = set(issue_lines)
    heads = _running_heads(lines, taken | claimed)
    taken |= set(heads)

    numbers = {i: n for i, text in enumerate(lines) if i not in claimed and (n := _lone_page_number(text)) is not None}
    order = list(numbers)
    counting = set()
    for a, b in zip(order, order[1:]):  # neighbouring lone numbers that count up are page numbers
        if 0 < numbers[b] - numbers[a] <= 3:
            counting |= {a, b}
    pages = {i: numbers[i] for i in numbers if i in counting or _content_neighbours(lines, i, taken)}

    found: list[FurnitureLine] = [FurnitureLine(i, lines[i], "issue-line", issue_lines[i].page) for i in issue_lines]
    found += [FurnitureLine(i, lines[i], "running-head", page) for i, page in heads.items()]
    found += [FurnitureLine(i, lines[i], "page-number", page) for i, page in pages.items()]
    found.sort(key=lambda line: line.index)

    journal, year, issue, volume = _issue_metadata(list(issue_lines.values()))
    page_of_line = _pages_of_lines(lines, found)
    known = [page for index, page in enumerate(page_of_line) if page is not None and lines[index].strip()]
    page_range = None
    if known:
        first, last = min(known), max(known)
        page_range = str(first) if first == last else f"{first}-{last}"
    return Furniture(tuple(found), journal, year, issue, volume, page_range, tuple(page_of_line))


def _issue_metadata(parsed: list[IssueLine]) -> tuple[str | None, int | None, str | None, str | None]:
    if not parsed:
        return None, None, None, None
    journals = Counter(p.journal for p in parsed if p.journal)
    years = Counter(p.year for p in parsed)
    issues = Counter(p.issue for p in parsed if p.issue)
    volumes = Counter(p.volume for p in parsed if p.volume)
    return (
        journals.most_common(1)[0][0] if journals else None,
        years.most_common(1)[0][0],
        issues.most_common(1)[0][0] if issues else None,
        volumes.most_common(1)[0][0] if volumes else None,
    )


def _pages_of_lines(lines: Sequence[str], found: list[FurnitureLine]) -> list[int | None]:
    """The page of every line, from the furniture groups and whether they are headers or footers."""
    pages: list[int | None] = [None] * len(lines)
    furniture = {line.index for line in found}
    groups: list[tuple[int, int, int | None]] = []  # first index, last index, page
    for line in found:
        if groups and all(i in furniture or not lines[i].strip() for i in range(groups[-1][1] + 1, line.index)):
            first, _, page = groups[-1]
            groups[-1] = (first, line.index, page if page is not None else line.page)
        else:
            groups.append((line.index, line.index, line.page))
    groups = [group for group in groups if group[2] is not None]
    if not groups:
        return pages
    first_text = next((i for i, text in enumerate(lines) if text.strip() and i not in furniture), len(lines))
    headers = groups[0][0] < first_text
    for number, (first, last, page) in enumerate(groups):
        assert page is not None
        if headers:
            end = groups[number + 1][0] if number + 1 < len(groups) else len(lines)
            for i in range(last + 1, end):
                pages[i] = page
        else:
            start = groups[number - 1][1] + 1 if number else 0
            for i in range(start, first):
                pages[i] = page
    if not headers:
        last_group = groups[-1]
        for i in range(last_group[1] + 1, len(lines)):
            pages[i] = (last_group[2] or 0) + 1
    return pages
