"""Compare a document parsed from a PDF with the same document parsed from its text.

What must agree (page breaks and provenance may differ, and a PDF restarts
its note numbers on each page, so a marker's symbol may differ): metadata,
TOC titles and sections, article titles, headings, paragraphs, footnote
citations (all fields but the marker), marker links (offset and the note
they point to), tables with their city roles (trailing blank cells aside),
and numeric facts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from agglo_extract import BulletinIssue, JournalArticle

Document = BulletinIssue | JournalArticle

_NOT_METADATA = {
    "source",
    "diagnostics",
    "furniture",
    "articles",
    "toc",
    "unplaced",
    "bibliography",
    "blocks",
    "footnotes",
    "tables",
    "facts",
    "title_markers",
    "pages",
}
_FACT_FIELDS = ("text", "value", "unit", "qualifier", "metric", "subject", "period", "kind", "value_max", "per")


@dataclass
class Score:
    """Matched out of expected, per part, with what did not match."""

    matched: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, Any]] = field(default_factory=list)
    extras: list[tuple[str, Any]] = field(default_factory=list)
    """What the PDF gave that the text did not (a paragraph cut in two shows here as well)."""

    def add(self, part: str, expected: Iterable[Any], got: Iterable[Any]) -> None:
        want = Counter(expected)
        have = Counter(got)
        self.total[part] += 0  # every part is listed, even an empty one
        for item, count in want.items():
            hit = min(count, have.get(item, 0))
            self.matched[part] += hit
            self.total[part] += count
            if hit < count:
                self.misses.append((part, item))
        for item, count in have.items():
            if count > want.get(item, 0):
                self.extras.append((part, item))

    def share(self, part: str) -> float:
        return self.matched[part] / self.total[part] if self.total[part] else 1.0


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items() if k != "location"))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _articles(document: Document) -> Iterator[Any]:
    if isinstance(document, BulletinIssue):
        yield from document.articles
    else:
        yield document


def _metadata(document: Document) -> list[Any]:
    dumped = document.model_dump(mode="json")
    return [(key, _freeze(value)) for key, value in dumped.items() if key not in _NOT_METADATA]


def _citation(note: Any) -> Any:
    dumped = note.model_dump(mode="json", exclude={"marker", "location"})
    return _freeze(dumped)


def _table(table: dict[str, Any]) -> Any:
    """A table with trailing blank cells dropped from each row: a ruled grid prints every cell of a
    row, blank or not, where a converter's pipe row may just stop (both read the same)."""
    for key in ("rows", "header"):
        if isinstance(table.get(key), list):
            table[key] = [_trimmed(row) if isinstance(row, list) else row for row in table[key]]
    return _freeze(table)


def _trimmed(row: list[Any]) -> list[Any]:
    while row and row[-1] in ("", None):
        row = row[:-1]
    return row


def compare(text_doc: Document, pdf_doc: Document) -> Score:
    """How far the PDF's document agrees with the text's."""
    score = Score()
    score.add("metadata", _metadata(text_doc), _metadata(pdf_doc))
    if isinstance(text_doc, BulletinIssue) and isinstance(pdf_doc, BulletinIssue):
        score.add("toc", [(e.section, e.title) for e in text_doc.toc], [(e.section, e.title) for e in pdf_doc.toc])
        score.add(
            "articles",
            [(a.title, a.section) for a in text_doc.articles],
            [(a.title, a.section) for a in pdf_doc.articles],
        )
    for part, pick in (
        ("headings", lambda a: [(b.text, b.level) for b in a.blocks if b.type == "heading"]),
        ("paragraphs", lambda a: [b.text for b in a.blocks if b.type == "paragraph"]),
        ("footnotes", lambda a: [_citation(n) for n in a.footnotes]),
        ("markers", _marker_links),
        ("tables", lambda a: [_table(t.model_dump(mode="json")) for t in a.tables]),
        ("facts", lambda a: [tuple(getattr(f, k) for k in _FACT_FIELDS) for f in a.facts]),
    ):
        score.add(
            part, [x for a in _articles(text_doc) for x in pick(a)], [x for a in _articles(pdf_doc) for x in pick(a)]
        )
    return score


def _marker_links(article: Any) -> list[Any]:
    links = []
    blocks = [("title", None, article.title_markers)] if hasattr(article, "title_markers") else []
    blocks += [(b.type, b.text, b.markers) for b in article.blocks]
    for _, text, markers in blocks:
        for marker in markers:
            note = article.footnotes[marker.footnote_index].raw if marker.footnote_index is not None else None
            links.append((text, marker.offset, note))
    return links
