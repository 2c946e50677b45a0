"""The journal-article layout: plain text from a PDF of an academic paper → :class:`RawJournal`.

Steps, each over the lines of the normalised text:

1. page furniture (:mod:`.furniture`) is set aside and gives journal, year,
   issue and pages;
2. labelled blocks (摘要, 关键词, 中图分类号 …, also 基金项目 at a page bottom and
   an English abstract after the references) are read wherever they stand;
3. the top gives column, title (its ``∗`` mark taken off), authors and
   affiliations;
4. the notes or references section at the end gives the footnotes;
5. everything else is the body: lines are unwrapped into headings (by their
   numbering, ``一、`` 1, ``（一）`` 2, ``1.`` 3, ``(1)`` 4) and paragraphs. A
   paragraph ends where a line ends a sentence and falls short of its
   column, or the next line is indented or opens a heading; furniture and
   page-bottom notes between two lines do not end it.

Every span indexes the source text; markers index the clean block text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalise import NormalisedText
from . import journal_patterns as jp
from ._journal_body import Draft, drafts
from ._journal_front import (
    Front,
    LabelBlock,
    english_head,
    english_title,
    find_label_blocks,
    parse_front,
    split_list,
)
from ._journal_notes import Note, find_notes_start, link, page_bottom_notes, parse_notes
from ._journal_text import (
    Line,
    clean,
    column_widths,
    join_lines,
    span_of,
    split_lines,
    width,
)
from .furniture import Furniture, find_furniture
from .raw import RawBlock, RawDiagnostic, RawFootnote, RawJournal, RawMarker, Span

Metadata = dict[str, str | int | tuple[str, ...] | None]

_NO_FIELD = frozenset({"author_note", "received"})
"""Labels JournalArticle has no field for (作者简介, 收稿日期): kept as unplaced blocks."""
_FRONT_GAP = 3
"""Unknown lines allowed between two top labels (they are kept as unplaced)."""
_TOP_KINDS = frozenset({"abstract", "keywords", "classification", "document_code", "article_id", "doi"})


def segment_journal(normalised: NormalisedText, *, source_text: str) -> RawJournal:
    """Segment a journal article; ``normalised`` is ``normalise(source_text)``."""
    del source_text  # spans come from the offset map; kept for a uniform segmenter signature
    lines = split_lines(normalised)
    furniture = find_furniture([line.text for line in lines])
    furniture_lines = furniture.indices
    content = [line for line in lines if not line.blank and line.index not in furniture_lines]
    breaks = [False] + [
        any(index in furniture_lines for index in range(a.index + 1, b.index)) for a, b in zip(content, content[1:])
    ]
    columns = column_widths([width(line.text) for line in content])
    labels = find_label_blocks(content, columns, breaks)
    labelled = {position for block in labels for position in block.positions}
    front = parse_front(content, labelled)
    taken = labelled | set(front.positions)

    english: dict[int, list[int]] = {}
    for block in labels:
        if block.kind == "english_abstract":
            head = english_head(content, block.positions[0], taken)
            english[block.positions[0]] = head
            taken |= set(head)

    first = max(front.positions) + 1 if front.positions else 0
    body_start, unplaced_positions = _body_start(first, labels, taken, len(content))
    body_end = min((p for p in _english_starts(english) if p >= body_start), default=len(content))
    notes_heading, notes_first = find_notes_start(content, body_start, body_end)
    notes_start = notes_heading if notes_heading is not None else notes_first
    body_stop = notes_start if notes_start is not None else body_end

    bottom = page_bottom_notes(content, breaks, body_start, body_stop)
    bottom_positions = {p for note in bottom for p in note.positions}
    body = [p for p in range(body_start, body_stop) if p not in taken and p not in bottom_positions]
    end_notes: list[Note] = []
    if notes_first is not None:
        note_positions = [p for p in range(notes_first, body_end) if p not in taken]
        end_notes, stray = parse_notes(content, note_positions, plain=notes_heading is not None)
        unplaced_positions.extend(stray)
    unplaced_positions.extend(p for p in range(body_end, len(content)) if p not in taken)

    notes = sorted(bottom, key=lambda note: note.positions[0]) + end_notes
    body_blocks, leftover = drafts(content, body)
    unplaced_positions.extend(leftover)
    return _assemble(normalised, content, furniture, front, labels, english, body_blocks, notes, unplaced_positions)


def _english_starts(english: dict[int, list[int]]) -> set[int]:
    return {(head[0] if head else start) for start, head in english.items()}


def _body_start(first: int, labels: Sequence[LabelBlock], taken: set[int], count: int) -> tuple[int, list[int]]:
    """Where the body starts after the top labels, and the lines between them that fit nowhere.

    The top labels (摘要, 关键词, 中图分类号 …) follow each other with at most
    :data:`_FRONT_GAP` unknown lines between; a top label further down (a
    classification printed at the end) does not pull the body start down.
    """
    frontier = first
    unplaced: list[int] = []
    for block in sorted((b for b in labels if b.kind in _TOP_KINDS), key=lambda b: b.positions[0]):
        if block.positions[0] >= frontier:
            gap = [p for p in range(frontier, block.positions[0]) if p not in taken]
            if len(gap) > _FRONT_GAP:
                break
            unplaced.extend(gap)
        frontier = max(frontier, block.positions[-1] + 1)
    while frontier < count and frontier in taken:
        frontier += 1
    return frontier, unplaced


# --- output -------------------------------------------------------------


def _assemble(
    normalised: NormalisedText,
    content: Sequence[Line],
    furniture: Furniture,
    front: Front,
    labels: Sequence[LabelBlock],
    english: dict[int, list[int]],
    drafts: Sequence[Draft],
    notes: Sequence[Note],
    unplaced_positions: list[int],
) -> RawJournal:
    pages = furniture.page_of_line

    def span(first: int, last: int) -> Span:
        line = content[first]
        return span_of(normalised, line, content[last], pages[line.index] if line.index < len(pages) else None)

    footnotes = tuple(
        RawFootnote(index, note.marker, note.raw, span(note.positions[0], note.positions[-1]))
        for index, note in enumerate(notes)
    )
    cleaned = [clean(join_lines([piece.text for piece in draft.pieces])) for draft in drafts]
    in_text = [marker for _, markers in cleaned for _, marker in markers]
    targets = iter(link(in_text, [note.marker for note in notes]))
    blocks: list[RawBlock] = []
    for draft, (text, markers) in zip(drafts, cleaned):
        positions = [p for piece in draft.pieces for p in piece.positions]
        raw_markers = tuple(RawMarker(offset, marker, next(targets)) for offset, marker in markers)
        blocks.append(RawBlock(draft.type, text, span(positions[0], positions[-1]), draft.level, raw_markers))

    metadata = _metadata(front, labels, furniture, content, english)
    unplaced: list[RawBlock] = []
    diagnostics = _link_diagnostics(blocks, footnotes)
    leftovers = {(p, p) for p in unplaced_positions}
    seen: set[str] = set()
    for block in labels:  # labels without a field, and a second label of a kind, stay in the output
        if block.kind in _NO_FIELD or block.kind in seen:
            leftovers.add((block.positions[0], block.positions[-1]))
        seen.add(block.kind)
    for number, head in enumerate(english.values()):
        rest = english_title([content[p].text for p in head])[1] if number == 0 else head
        leftovers.update((p, p) for p in head[len(head) - len(rest) :])
    for first, last in sorted(leftovers):
        text = join_lines([content[p].stripped for p in range(first, last + 1)])
        where = span(first, last)
        unplaced.append(RawBlock("unplaced", text, where))
        diagnostics.append(RawDiagnostic("info", "text-unplaced", f"kept as unplaced: {text[:60]}", where))
    title_markers = tuple(
        RawMarker(len(front.title or ""), mark) for mark in front.title_marks if front.title is not None
    )
    return RawJournal(
        title=front.title,
        title_markers=title_markers,
        metadata=metadata,
        blocks=tuple(blocks),
        footnotes=footnotes,
        unplaced=tuple(unplaced),
        furniture=furniture.distinct,
        diagnostics=tuple(diagnostics),
    )


def _link_diagnostics(blocks: Sequence[RawBlock], footnotes: Sequence[RawFootnote]) -> list[RawDiagnostic]:
    """``marker-unlinked`` for a marker with no note, ``footnote-unlinked`` for a note no marker names."""
    diagnostics: list[RawDiagnostic] = []
    linked: set[int] = set()
    for block in blocks:
        for marker in block.markers:
            if marker.note_id is None:
                message = f"no note {marker.marker} found for this marker"
                diagnostics.append(RawDiagnostic("warning", "marker-unlinked", message, block.span))
            else:
                linked.add(marker.note_id)
    for note in footnotes:
        if note.note_id not in linked:
            message = f"no marker in the text names note {note.marker}"
            diagnostics.append(RawDiagnostic("info", "footnote-unlinked", message, note.span))
    return diagnostics


def _metadata(
    front: Front,
    labels: Sequence[LabelBlock],
    furniture: Furniture,
    content: Sequence[Line],
    english: dict[int, list[int]],
) -> Metadata:
    values: dict[str, str] = {}
    for block in labels:
        if block.kind not in values:
            values[block.kind] = block.text
    metadata: Metadata = {
        "column": front.column,
        "authors": tuple(front.authors),
        "affiliations": tuple(front.affiliations),
        "journal": furniture.journal,
        "year": furniture.year,
        "issue": furniture.issue,
        "volume": furniture.volume,
        "pages": furniture.pages,
    }
    for kind in ("funding", "abstract", "classification", "document_code", "article_id", "doi"):
        text = values.get(kind)
        value = clean(text, take_markers=False)[0] if text else None
        if value and kind not in ("abstract", "funding"):
            value = value.rstrip("。.;；")
        metadata[kind] = value or None
    metadata["keywords"] = tuple(split_list(values["keywords"])) if "keywords" in values else ()
    metadata["english_keywords"] = tuple(split_list(values["english_keywords"])) if "english_keywords" in values else ()
    english_abstract = next((b for b in labels if b.kind == "english_abstract"), None)
    metadata["english_abstract"] = (
        _join_latin([english_abstract.pieces[0], *english_abstract.pieces[1:]]) if english_abstract else None
    )
    metadata["english_title"] = None
    for head in english.values():
        metadata["english_title"] = english_title([content[p].stripped for p in head])[0]
        break
    article_id = jp.ARTICLE_ID.search(str(metadata.get("article_id") or ""))
    if article_id is not None:
        if metadata["year"] is None:
            metadata["year"] = int(article_id["year"])
        if metadata["issue"] is None:
            metadata["issue"] = str(int(article_id["issue"]))
        if metadata["pages"] is None:
            first = int(article_id["first"])
            metadata["pages"] = f"{first}-{first + int(article_id['count']) - 1}"
    return metadata


def _join_latin(pieces: Sequence[str]) -> str | None:
    """Join English lines; lines cut inside words at a fixed width are joined without spaces."""
    pieces = [piece.strip() for piece in pieces if piece.strip()]
    if not pieces:
        return None
    cut = sum(1 for a, b in zip(pieces, pieces[1:]) if a[-1].isalpha() and b[0].isalpha() and b[0].islower())
    lengths = sorted(len(piece) for piece in pieces[1:-1])
    steady = len(lengths) >= 2 and lengths[-1] - lengths[0] <= 4
    wrapped = len(pieces) > 2 and steady and cut * 2 >= len(pieces) - 1
    text = "".join(pieces) if wrapped else join_lines(pieces)
    return " ".join(text.split()) or None
