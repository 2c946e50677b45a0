"""Front matter of a journal article: column, title, authors, affiliations and labelled blocks.

Labelled blocks (摘要, 关键词, 中图分类号, 文献标识码, 文章编号, DOI, 基金项目,
作者简介, 收稿日期, Abstract, Key words) are found wherever they stand: at the
top, in the note zone at the bottom of the first page, or after the
references (English abstracts). Several labels may share a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import patterns
from . import journal_patterns as jp
from ._journal_text import Line, clean, ends_sentence, is_latin, is_short, join_lines, width

_SINGLE = frozenset({"classification", "document_code", "article_id", "doi", "received"})
_LIST = frozenset({"keywords", "english_keywords"})
_PAGE_NOTES = frozenset({"funding", "author_note", "received"})
_KINDS = (
    "abstract",
    "keywords",
    "classification",
    "document_code",
    "article_id",
    "doi",
    "funding",
    "author_note",
    "received",
    "english_abstract",
    "english_keywords",
)
_LIST_ENDS = tuple("；;，,、")


@dataclass(slots=True)
class LabelBlock:
    """A labelled block: its kind, the content positions it covers, and its text after the label."""

    kind: str
    positions: list[int]
    pieces: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines(self.pieces)


def _label_kind(match: Any) -> str:
    for kind in _KINDS:
        if match[kind] is not None:
            return kind
    raise AssertionError("a label match names a kind")


def label_segments(text: str) -> list[tuple[str, str]]:
    """``(kind, value)`` for each label on a line that opens with a label, else ``[]``.

    >>> label_segments("中图分类号：F299.2 文献标识码：A")
    [('classification', 'F299.2'), ('document_code', 'A')]
    >>> label_segments("城市群的摘要：不是标签")
    []
    """
    stripped = text.strip()
    matches = list(jp.LABEL.finditer(stripped))
    if not matches or matches[0].start() != 0:
        return []
    segments: list[tuple[str, str]] = []
    for number, match in enumerate(matches):
        end = matches[number + 1].start() if number + 1 < len(matches) else len(stripped)
        segments.append((_label_kind(match), stripped[match.end() : end].strip()))
    return segments


def find_label_blocks(content: Sequence[Line], columns: Sequence[float], breaks: Sequence[bool]) -> list[LabelBlock]:
    """Every labelled block among ``content`` lines.

    ``columns[i]`` is the column width around line ``i``; ``breaks[i]`` says
    furniture (a page break) stands between line ``i - 1`` and line ``i``.
    """
    blocks: list[LabelBlock] = []
    position = 0
    while position < len(content):
        segments = label_segments(content[position].text)
        if not segments:
            position += 1
            continue
        for kind, value in segments[:-1]:
            blocks.append(LabelBlock(kind, [position], [value]))
        kind, value = segments[-1]
        block = LabelBlock(kind, [position], [value])
        blocks.append(block)
        position += 1
        while position < len(content) and _continues(block, content, columns, breaks, position):
            block.positions.append(position)
            block.pieces.append(content[position].text)
            position += 1
    return blocks


def _continues(
    block: LabelBlock, content: Sequence[Line], columns: Sequence[float], breaks: Sequence[bool], position: int
) -> bool:
    line = content[position]
    if block.kind in _SINGLE or label_segments(line.text) or jp.NOTES_HEADING.match(line.text):
        return False
    previous = content[block.positions[-1]].text.strip()
    if block.kind in _LIST:  # after a separator, or an English list wrapped between words
        return previous.endswith(_LIST_ENDS) or (previous[-1:].isascii() and line.text.strip()[:1].islower())
    if block.kind in _PAGE_NOTES:
        return not breaks[position] and not ends_sentence(previous)
    if not ends_sentence(previous):
        return True
    block_width = max(width(content[p].text) for p in block.positions)
    # a block of three lines or more is its own measure (an abstract may be set narrower than the page)
    column = block_width if len(block.positions) >= 3 else max(block_width, columns[block.positions[-1]])
    return not (is_short(previous, column) or line.indent >= 2 or jp.HEADING.match(line.text))


def split_names(text: str) -> list[str]:
    """Author names on a line, letter-spacing undone, marks taken off; ``[]`` if not a name line.

    >>> split_names("王 小 明"), split_names("张三1，李四2"), split_names("王 五  赵六")
    (['王小明'], ['张三', '李四'], ['王五', '赵六'])
    >>> split_names("韦 海 宁1， 黎 秋 实1，2")
    ['韦海宁', '黎秋实']
    >>> split_names("某某城市群协同发展的路径研究")
    []
    """
    names: list[str] = []
    for chunk in jp.LIST_SEPARATOR.split(text.strip()):
        if not chunk:
            continue
        chunk = jp.NAME_MARKS.sub("", chunk)
        if not chunk.strip() and names:
            continue  # a second affiliation mark of the name before (黎秋实1，2)
        parts = chunk.split(" ")
        pieces = [chunk.replace(" ", "")] if all(len(p) == 1 for p in parts) else parts
        for piece in pieces:
            match = jp.NAME_TOKEN.match(piece)
            if match is None:
                return []
            names.append(match["name"])
    return names if 0 < len(names) <= 12 else []


def split_affiliations(body: str) -> list[str]:
    """Affiliations in a parenthesised line, numbering taken off.

    >>> split_affiliations("1.某某大学 经济学院，北京 100000；2.某某研究院，上海 200000")
    ['某某大学经济学院，北京100000', '某某研究院，上海200000']
    """
    parts = [clean(part, take_markers=False)[0] for part in jp.AFFILIATION_SEPARATOR.split(body)]
    return [part for part in parts if part]


def split_list(text: str) -> list[str]:
    """Keywords from a keyword line.

    >>> split_list("城市群；高质量发展； 协调体系")
    ['城市群', '高质量发展', '协调体系']
    >>> split_list("城市群 都市圈 协同发展")
    ['城市群', '都市圈', '协同发展']
    """
    cleaned = text.strip().rstrip("。.")
    if is_latin(cleaned):
        parts = [part.strip() for part in cleaned.replace("；", ";").replace("，", ",").split(";")]
        if len(parts) == 1:
            parts = [part.strip() for part in cleaned.split(",")]
        return [" ".join(part.split()) for part in parts if part.strip()]
    parts = jp.LIST_SEPARATOR.split(cleaned)
    if len(parts) == 1:  # keywords set apart by single spaces only
        parts = cleaned.split(" ")
    return [clean(part, take_markers=False)[0] for part in parts if part.strip()]


@dataclass(slots=True)
class Front:
    """The top of the article, as content positions consumed and what they say."""

    column: str | None = None
    title: str | None = None
    title_marks: str = ""
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)


def parse_front(content: Sequence[Line], labelled: set[int]) -> Front:
    """Column, title, authors and affiliations from the first content lines."""
    front = Front()
    position = 0
    if position < len(content) and (match := jp.COLUMN_LINE.match(content[position].text)):
        front.column = clean(match["column"], take_markers=False)[0]
        front.positions.append(position)
        position += 1
    title_pieces: list[str] = []
    while (
        position < len(content)
        and position not in labelled
        and len(title_pieces) < 3
        and not (title_pieces and split_names(content[position].text))
        and not jp.AFFILIATION_LINE.match(content[position].text)
    ):
        title_pieces.append(content[position].text)
        front.positions.append(position)
        position += 1
        if jp.TITLE_MARKS.search(title_pieces[-1]) or (position < len(content) and split_names(content[position].text)):
            break  # the title's mark (∗) ends it, or a line of names follows
    if title_pieces:
        title = join_lines(title_pieces)
        marks = jp.TITLE_MARKS.search(title)
        if marks is not None:
            front.title_marks = marks["marks"]
            title = title[: marks.start()]
        front.title = clean(title, take_markers=False)[0]
    while position < len(content) and position not in labelled and len(front.authors) < 12:
        names = split_names(content[position].text)
        if not names:
            break
        front.authors.extend(names)
        front.positions.append(position)
        position += 1
    if position < len(content) and (match := jp.AFFILIATION_LINE.match(content[position].text)):
        front.affiliations = split_affiliations(match["body"])
        front.positions.append(position)
    return front


def english_head(content: Sequence[Line], abstract_position: int, taken: set[int]) -> list[int]:
    """Positions of the Latin lines just before an English abstract (title, names, affiliations)."""
    positions: list[int] = []
    position = abstract_position - 1
    while position >= 0 and position not in taken and is_latin(content[position].text):
        text = content[position].text.strip()
        if "/" in text and " " not in text:
            break  # a URL cut at a line end closes the notes above: no title is one token with a slash
        positions.insert(0, position)
        position -= 1
    return positions


_FUNCTION_WORDS = frozenset({"of", "and", "the", "in", "on", "for", "to", "with", "from", "under", "a", "an"})


_NAMES_OR_PLACE = patterns.compile(r"^\s*(?:[A-Z]{2,}[\s,]|[(（])")
"""A line of authors' names (the surname in capitals: ZHANG San) or of an affiliation in brackets."""


def english_title(lines: Sequence[str]) -> tuple[str | None, list[str]]:
    """Split the Latin lines before an English abstract into the title and the rest (names, units).

    The title runs on to the first line of names (a surname in capitals) or
    of an affiliation in brackets; without one, it is the first line and the
    next ones while a line ends in a function word or a hyphen.

    >>> english_title(["On the Growth of", "Urban Clusters", "ZHANG San", "(Some University, Beijing 100000)"])
    ('On the Growth of Urban Clusters', ['ZHANG San', '(Some University, Beijing 100000)'])
    >>> english_title(["Spatial Structure of the Central", "Yunnan Region", "LI Si"])
    ('Spatial Structure of the Central Yunnan Region', ['LI Si'])
    """
    if not lines:
        return None, []
    names = next((i for i, line in enumerate(lines) if i and _NAMES_OR_PLACE.match(line)), None)
    if names is not None:  # the title runs on to the names (ZHANG San) or the affiliation in brackets
        return join_lines(lines[:names]), list(lines[names:])
    count = 1
    while count < len(lines):
        words = lines[count - 1].split()
        if not words or not (words[-1].lower() in _FUNCTION_WORDS or words[-1].endswith("-")):
            break
        count += 1
    return join_lines(lines[:count]), list(lines[count:])
