"""An issue written back in the converter layout (the inverse of the bulletin segmenter).

``format_text(issue, page_breaks=...)`` prints the masthead, notice, TOC,
editorial and contact blocks, 编者按, section labels, articles with their
markers as ``^{①②}``, tables under their ``表N`` captions, and at every page
break the notes whose markers stood on that page, as ``^①`` lines after three
blank lines. A break may fall inside a paragraph (mid-sentence), as it does
in converter text.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..models import Article, Block, BulletinIssue, MarkerRef, Table

PageBreak = tuple[int, int, int]
"""``(article_index, block_index, offset)``: a page ends at ``offset`` in that block's text."""

_EDITORIAL_LABELS = (
    ("editor_in_chief", "主 编"),
    ("deputy_editors", "副 主 编"),
    ("board", "编 委"),
    ("issue_editors", "本期责编"),
)
_CONTACT_LABELS = (("address", "地 址"), ("postcode", "邮 编"), ("phone", "电 话"), ("fax", "传 真"),
                   ("email", "电子邮箱"))


@dataclass
class _Page:
    """Notes waiting for the end of the current page."""

    notes: list[tuple[str, str]]

    def close(self, out: list[str]) -> None:
        if not self.notes:
            return
        out.extend(["", "", ""])
        for marker, raw in self.notes:
            out.extend([f"^{marker}{raw}", ""])
        self.notes.clear()


def format_text(issue: BulletinIssue, *, page_breaks: Collection[PageBreak] = ()) -> str:
    """The issue as converter text; notes are printed at each page break and at the end."""
    out: list[str] = []
    _front(issue, out)
    page = _Page([])
    section: str | None = None
    breaks = sorted(page_breaks)
    for article_index, article in enumerate(issue.articles):
        if article.section and article.section != section:
            out.extend([article.section, ""])
        section = article.section
        out.extend([_marked(article.title, article.title_markers), ""])
        _queue(page, article, article.title_markers)
        for block_index, block in enumerate(article.blocks):
            cuts = [offset for a, b, offset in breaks if (a, b) == (article_index, block_index)]
            _block(block, article, cuts, page, out)
        for table in article.tables:
            _table(table, out)
    page.close(out)
    return "\n".join(out).rstrip("\n") + "\n"


def _front(issue: BulletinIssue, out: list[str]) -> None:
    numbers: tuple[object, ...] = (issue.issue_number, issue.year)
    if issue.running_number is not None and issue.issue_number is not None and issue.year is not None:
        numbers = (f"{issue.year}年第{issue.issue_number}期（总第{issue.running_number}期）",)
    for value in (issue.title, issue.theme, issue.category, *numbers):
        if value is not None:
            out.extend([str(value), ""])
    out.extend(["", ""])
    if issue.publisher:
        out.extend([f"{issue.publisher}主办", ""])
    if issue.publication_date and len(issue.publication_date) == 10:
        year, month, day = issue.publication_date.split("-")
        out.extend([f"{year}年{int(month)}月{int(day)}日", ""])
    out.extend(["", ""])
    if issue.notice:
        for line in issue.notice.split("\n"):
            out.extend([line, ""])
    if issue.toc:
        out.extend(["目录", "", "CONTENTS", ""])
        section: str | None = None
        for entry in issue.toc:
            if entry.section != section or not out[-1].startswith("|"):
                if entry.section:
                    out.extend(["", entry.section, ""] if out[-1].startswith("|") else [entry.section, ""])
                out.extend(["| | |", "|---|---|"])
                section = entry.section
            out.append(f"| {entry.title} | {entry.page if entry.page is not None else ''} |")
        out.append("")
    if issue.publisher:
        out.append(f"主办单位：{issue.publisher}")
    editorial = issue.editorial
    if editorial is not None:
        if editorial.edited_by:
            out.append(f"编辑出版：{editorial.edited_by}")
        out.append("")
        for name, label in _EDITORIAL_LABELS:
            names: Sequence[str] = getattr(editorial, name)
            if names:
                out.append(f"{label}：{' '.join(names)}")
        out.append("")
    if issue.contact is not None:
        for name, label in _CONTACT_LABELS:
            value = getattr(issue.contact, name)
            if value:
                out.append(f"{label}：{value}")
        out.append("")
    if issue.editor_note:
        first, *rest = issue.editor_note.split("\n")
        out.extend([f"编者按：{first}", ""])
        for paragraph in rest:
            out.extend([paragraph, ""])


def _queue(page: _Page, article: Article, markers: Sequence[MarkerRef]) -> None:
    for marker in markers:
        if marker.footnote_index is not None:
            note = article.footnotes[marker.footnote_index]
            page.notes.append((marker.marker, note.raw))


def _marked(text: str, markers: Sequence[MarkerRef]) -> str:
    """``text`` with its markers put back as ``^{①②}`` groups."""
    pieces: list[str] = []
    position = 0
    groups: dict[int, str] = {}
    for marker in markers:
        groups[marker.offset] = groups.get(marker.offset, "") + marker.marker
    for offset in sorted(groups):
        pieces.append(text[position:offset])
        group = groups[offset]
        pieces.append(f"^{{{group}}}" if len(group) > 1 else f"^{group}")
        position = offset
    pieces.append(text[position:])
    return "".join(pieces)


def _block(block: Block, article: Article, cuts: list[int], page: _Page, out: list[str]) -> None:
    """Print a block, ending the page at each cut; a marker at a cut stays with the text before it."""
    start = 0
    for cut in [*sorted(set(cuts)), None]:
        end = len(block.text) if cut is None else cut
        if end > start or cut is None:
            inside = [m for m in block.markers if (start < m.offset or m.offset == start == 0) and m.offset <= end]
            shifted = [m.model_copy(update={"offset": m.offset - start}) for m in inside]
            out.extend([_marked(block.text[start:end], shifted), ""])
            _queue(page, article, inside)
        if cut is not None:
            page.close(out)
        start = end


def _table(table: Table, out: list[str]) -> None:
    if table.number is not None:
        out.extend([f"表{table.number} {table.caption or ''}".rstrip(), ""])
    width = len(table.header) or max((len(row) for row in table.rows), default=1)
    header = table.header or ("",) * width
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * width)
    for row in table.rows:
        out.append("| " + " | ".join(row) + " |")
    out.append("")
