"""Tell a bulletin issue from a journal article by what the text holds.

A journal article carries front-matter labels (摘要, 关键词, 中图分类号, 文献标识码,
文章编号, DOI, Abstract, Key words), often a column line (``【区域经济】``)
and a running head naming year and issue. A bulletin carries a masthead: a
table of contents (目录 / CONTENTS, pipe-table or dotted-leader lines), an
editor's note (编者按) and an editorial board (主编, 主办). Each sign counts
once; the side with more signs wins, a TOC counting double because a journal
article never has one. With no sign either way the text is read as a bulletin
(the default layout) and the rule says so.

>>> detect_kind("题目\\n摘要：城市群。\\n关键词：城市群；发展\\n正文")
('journal_article', 'journal-front-matter: 摘要, 关键词')
>>> detect_kind("信息参考\\n目录\\n| 标题 | 2 |\\n| 另一题 | 5 |\\n编者按：本期……")
('bulletin_issue', 'bulletin-masthead: 目录, TOC lines, 编者按')
>>> detect_kind("只有一段正文。")
('bulletin_issue', 'default-bulletin: no journal front matter or bulletin masthead')
"""

from __future__ import annotations

from typing import Literal

from .. import patterns
from ..normalise import normalise
from . import journal_patterns as jp
from .furniture import find_furniture

Kind = Literal["bulletin_issue", "journal_article"]

_LABEL_NAMES = {
    "abstract": "摘要",
    "keywords": "关键词",
    "classification": "中图分类号",
    "document_code": "文献标识码",
    "article_id": "文章编号",
    "doi": "DOI",
    "english_abstract": "Abstract",
    "english_keywords": "Key words",
}


def _journal_signs(lines: list[str]) -> list[str]:
    signs: dict[str, None] = {}
    for line in lines:
        stripped = line.strip()
        matches = list(jp.LABEL.finditer(stripped))
        if not matches or matches[0].start() != 0:
            continue
        for match in matches:
            for group, name in _LABEL_NAMES.items():
                if match[group] is not None:
                    signs.setdefault(name, None)
    if any(jp.COLUMN_LINE.match(line) for line in lines[:5]):
        signs.setdefault("column line", None)
    furniture = find_furniture(lines)
    issue_lines = [line for line in furniture.lines if line.kind == "issue-line"]
    if issue_lines and (len(issue_lines) > 1 or any(line.page is not None for line in furniture.lines)):
        signs.setdefault("year/issue running head", None)  # repeated, or with a page number: not a masthead
    return list(signs)


def _bulletin_signs(lines: list[str]) -> list[str]:
    signs: list[str] = []
    if any(patterns.TOC_HEADING.match(line) for line in lines):
        signs.append("目录")
    toc_lines = sum(
        1
        for line in lines
        if (patterns.PIPE_ROW.match(line) and not patterns.PIPE_SEPARATOR.match(line))
        or patterns.DOTTED_TOC_LINE.match(line)
    )
    if toc_lines >= 2:
        signs.append("TOC lines")
    if any(patterns.EDITOR_NOTE.match(line) for line in lines):
        signs.append("编者按")
    if any(patterns.PUBLISHER_LINE.match(line.strip()) for line in lines):
        signs.append("主办")
    return signs


def _weight(signs: list[str]) -> int:
    return sum(2 if sign in ("目录", "TOC lines") else 1 for sign in signs)


def detect_kind(text: str) -> tuple[Kind, str]:
    """``("journal_article" | "bulletin_issue", rule)`` for normalised or raw ``text``.

    The rule names the side that decided and the signs it saw, to be quoted
    in a diagnostic.
    """
    lines = normalise(text).text.split("\n")
    journal = _journal_signs(lines)
    bulletin = _bulletin_signs(lines)
    if len(journal) > _weight(bulletin) or (journal and not bulletin):
        return "journal_article", "journal-front-matter: " + ", ".join(journal)
    if bulletin:
        return "bulletin_issue", "bulletin-masthead: " + ", ".join(bulletin)
    return "bulletin_issue", "default-bulletin: no journal front matter or bulletin masthead"
