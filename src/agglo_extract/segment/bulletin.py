"""A bulletin issue in converter text: front matter, editor's note, articles.

Articles start at the body lines that match the TOC titles (in TOC order); a
section label line standing right before a title closes the article before
it. Notes go to the article whose marker links to them, or else to the
article they are printed in.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .. import patterns
from ..normalise import NormalisedText
from .articles import BlockBuilder, TitleMatch, classify, locate_titles, title_key
from .footnotes import NoteIndex
from .frontmatter import FrontMatter, fill_field, label_field, read_front_matter
from .lines import Line, clean, ends_sentence, split_lines
from .raw import RawArticle, RawBlock, RawDiagnostic, RawFootnote, RawIssue, RawMarker, RawTable, RawTocEntry, Span
from .units import NoteUnit, TableUnit, TextUnit, Unit, read_units


def segment_bulletin(normalised: NormalisedText) -> RawIssue:
    """Segment a bulletin issue printed as converter text."""
    lines = split_lines(normalised)
    front = read_front_matter(normalised, lines)
    plain_notes = not any(patterns.FOOTNOTE_LINE.match(line.text) for line in lines)
    body = read_units(normalised, lines, front.end, plain_notes=plain_notes)
    diagnostics = [*front.diagnostics, *body.diagnostics]
    _link_markers(body.units, NoteIndex(body.notes), diagnostics)
    units = _editorial_at_end(body.units, front, lines)

    titles = locate_titles(units, front.toc)
    matched = {match.entry for match in titles}
    for entry_index, entry in enumerate(front.toc):
        if entry_index not in matched:
            diagnostics.append(
                RawDiagnostic("warning", "toc-entry-unmatched", f"no article title in the body matches {entry.title!r}",
                              entry.span)
            )
    for match in titles:
        if match.similarity < 1.0:
            unit = units[match.unit]
            assert isinstance(unit, TextUnit)
            diagnostics.append(
                RawDiagnostic("info", "article-title-fuzzy",
                              f"title {unit.text!r} matched TOC entry {front.toc[match.entry].title!r}", unit.span)
            )
    if not front.toc:
        diagnostics.append(RawDiagnostic("warning", "toc-missing", "no table of contents: articles found by headings"))
        titles = _titles_without_toc(units)

    starts = [_section_label_before(units, match, front.toc) for match in titles]
    body_start = starts[0] if starts else len(units)
    editor_note, unplaced = _editor_note(units[:body_start], diagnostics)

    owner = _note_owners(units, titles)
    articles = []
    for position, match in enumerate(titles):
        end = starts[position + 1] if position + 1 < len(titles) else len(units)
        toc_entry = front.toc[match.entry] if front.toc else None
        articles.append(_article(units, match, end, toc_entry.section if toc_entry else None,
                                 toc_entry.page if toc_entry else None,
                                 [n for n in body.notes if owner.get(n.note_id) == position], diagnostics))
    for note in body.notes:
        if note.note_id not in owner:
            unplaced.append(RawBlock("unplaced", note.raw, note.span))
            diagnostics.append(RawDiagnostic("warning", "text-unplaced", "a note printed before the first article",
                                             note.span))
    if front.title is None:
        diagnostics.insert(0, RawDiagnostic("warning", "masthead-missing", "no masthead title at the top of the text"))

    editorial = front.editorial
    return RawIssue(
        title=front.title,
        theme=front.theme,
        category=front.category,
        issue_number=front.issue_number,
        running_number=front.running_number,
        year=front.year,
        publication_date=front.publication_date,
        publisher=front.publisher,
        notice=front.notice,
        editorial=editorial,
        contact=front.contact,
        toc=tuple(front.toc),
        editor_note=editor_note,
        articles=tuple(articles),
        unplaced=tuple([*front.unplaced, *unplaced]),
        diagnostics=tuple(diagnostics),
    )


def _editorial_at_end(units: list[Unit], front: FrontMatter, lines: list[Line]) -> list[Unit]:
    """The units without an editorial or contact block printed at the issue's end (主编：…, 地址：…),
    which fills the same fields as one at the front: two labelled lines or more close the text."""
    texts = [unit.text if isinstance(unit, TextUnit) else None for unit in units]
    start = len(units)
    while start > 0 and (text := texts[start - 1]) is not None and (
        label_field(text) is not None or (len(text) <= 20 and not ends_sentence(text))
    ):
        start -= 1
    labelled_at = [i for i in range(start, len(units)) if label_field(texts[i] or "") is not None]
    if len(labelled_at) < 2:
        return units
    start = labelled_at[0]  # the block opens with a label
    field: str | None = None
    for unit in units[start:]:
        assert isinstance(unit, TextUnit)
        printed = lines[unit.span.line - 1].text.strip()  # as printed: names apart by spaces
        labelled = label_field(printed)
        if labelled is not None:
            field = labelled[0]
            fill_field(front, *labelled)
        elif field is not None:
            fill_field(front, field, printed, continuation=True)  # a value run on to the next line
    return units[:start]


def _link_markers(units: list[Unit], notes: NoteIndex, diagnostics: list[RawDiagnostic]) -> None:
    for unit in units:
        if not isinstance(unit, TextUnit) or not unit.markers:
            continue
        linked = []
        for marker in unit.markers:
            note_id = notes.link(marker.marker, unit.span.line)
            if note_id is None:
                diagnostics.append(RawDiagnostic("warning", "marker-unlinked",
                                                 f"no note {marker.marker} printed after this marker", unit.span))
            linked.append(replace(marker, note_id=note_id))
        unit.markers = linked


_TITLED, _UNTITLED = -1, -2  # TitleMatch.entry of the one article of an issue without a TOC


def _titles_without_toc(units: list[Unit]) -> list[TitleMatch]:
    """With no TOC the body is one article, titled by its first line when that is a heading.

    The match's ``entry`` says which: ``_TITLED`` (``unit`` is the title) or
    ``_UNTITLED`` (the article has no printed title and starts at ``unit``).
    """
    for index, unit in enumerate(units):
        if isinstance(unit, TextUnit) and not patterns.EDITOR_NOTE.match(unit.text):
            if classify(unit.text)[0] == "heading":
                return [TitleMatch(_TITLED, index, 1.0)]
            return [TitleMatch(_UNTITLED, index, 0.0)]
    return []


def _section_label_before(units: list[Unit], match: TitleMatch, toc: list[RawTocEntry]) -> int:
    """The unit index where the article starts: its section label line if one stands before its title."""
    if match.entry < 0:
        return match.unit
    if match.unit > 0 and toc:
        previous = units[match.unit - 1]
        section = toc[match.entry].section
        if isinstance(previous, TextUnit) and section and title_key(previous.text) == title_key(section):
            return match.unit - 1
    return match.unit


def _editor_note(units: list[Unit], diagnostics: list[RawDiagnostic]) -> tuple[str | None, list[RawBlock]]:
    parts: list[str] = []
    unplaced: list[RawBlock] = []
    for unit in units:
        if isinstance(unit, TextUnit) and (parts or patterns.EDITOR_NOTE.match(unit.text)):
            parts.append(patterns.EDITOR_NOTE.sub("", unit.text, count=1).strip() if not parts else unit.text)
        elif isinstance(unit, TextUnit):
            unplaced.append(RawBlock("unplaced", unit.text, unit.span))
            diagnostics.append(RawDiagnostic("warning", "text-unplaced",
                                             "text between the front matter and the first article", unit.span))
        elif isinstance(unit, TableUnit):
            table = unit.table
            caption = [f"表{table.number} {table.caption or ''}".strip()] if table.number is not None else []
            text = "\n".join([*caption, *(" | ".join(row) for row in (table.header, *table.rows))])
            unplaced.append(RawBlock("unplaced", text, unit.table.span))
            diagnostics.append(RawDiagnostic("warning", "text-unplaced", "a table before the first article",
                                             unit.table.span))
    return ("\n".join(parts) or None), unplaced


def _note_owners(units: list[Unit], titles: list[TitleMatch]) -> dict[int, int]:
    """Article position of every note: the first article whose marker links to it, else where it stands."""
    bounds = [match.unit for match in titles]
    placed = [(bisect.bisect_right(bounds, index) - 1, unit) for index, unit in enumerate(units)]
    owner: dict[int, int] = {}
    for article, unit in placed:
        if article >= 0 and isinstance(unit, TextUnit):
            for marker in unit.markers:
                if marker.note_id is not None:
                    owner.setdefault(marker.note_id, article)
    for article, unit in placed:
        if article >= 0 and isinstance(unit, NoteUnit):
            owner.setdefault(unit.note.note_id, article)
    return owner


def _article(
    units: list[Unit],
    match: TitleMatch,
    end: int,
    section: str | None,
    page: int | None,
    notes: list[RawFootnote],
    diagnostics: list[RawDiagnostic],
) -> RawArticle:
    untitled = match.entry == _UNTITLED
    title_unit = TextUnit("", [], Span(0, 0, 0)) if untitled else units[match.unit]
    assert isinstance(title_unit, TextUnit)
    first_body_unit = match.unit if untitled else match.unit + 1
    builder = BlockBuilder()
    tables: list[RawTable] = []
    for unit in units[first_body_unit:end]:
        builder.add(unit)
        if isinstance(unit, TableUnit):
            tables.append(unit.table)
    blocks = builder.finish()
    diagnostics.extend(builder.diagnostics)
    title_markers = tuple(RawMarker(m.offset, m.marker, m.note_id) for m in title_unit.markers)
    return RawArticle(
        title=clean(title_unit.text)[0],
        span=_first_span(units[match.unit : end]) if untitled else title_unit.span,
        title_markers=title_markers,
        section=section,
        page=page,
        blocks=blocks,
        footnotes=tuple(sorted(notes, key=lambda note: note.span.line)),
        tables=tuple(tables),
    )


def _first_span(units: list[Unit]) -> Span:
    for unit in units:
        if isinstance(unit, TextUnit):
            return unit.span
    return Span(0, 0, 0)
