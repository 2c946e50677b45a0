"""The front of a bulletin issue: masthead, notice, table of contents, editorial and contact blocks.

Read as a small state machine over lines; the front ends at the 编者按 line or
at the first line that belongs to none of these parts. Parts may come in any
order after the masthead.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .. import patterns
from ..data import load_table
from ..normalise import NormalisedText
from .lines import Line, clean, span_of
from .raw import RawBlock, RawDiagnostic, RawTocEntry


@dataclass(slots=True)
class FrontMatter:
    """What the front of an issue says, and where the body starts (``end``: a line index)."""

    end: int = 0
    title: str | None = None
    theme: str | None = None
    category: str | None = None
    issue_number: int | None = None
    running_number: int | None = None
    year: int | None = None
    publication_date: str | None = None
    publisher: str | None = None
    notice: str | None = None
    editorial: dict[str, tuple[str, ...] | str] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    toc: list[RawTocEntry] = field(default_factory=list)
    unplaced: list[RawBlock] = field(default_factory=list)
    diagnostics: list[RawDiagnostic] = field(default_factory=list)


@functools.cache
def _labels() -> dict[str, str]:
    return {row["label"]: row["field"] for row in load_table("frontmatter_labels")}




_MASTHEAD_LINE_MAX = 30
_NAME_FIELDS = frozenset({"editor_in_chief", "deputy_editors", "board", "issue_editors"})
_CONTACT_FIELDS = frozenset({"address", "postcode", "phone", "fax", "email", "website"})


def label_field(line: str) -> tuple[str, str] | None:
    """The field a ``label：value`` line fills and its value, when the label is known.

    >>> label_field("副 主 编：黄 艳")
    ('deputy_editors', '黄 艳')
    """
    match = patterns.LABEL_LINE.match(line)
    if not match:
        return None
    name = "".join(match["label"].split())
    found = _labels().get(name)
    return (found, match["value"]) if found else None


def split_names(value: str) -> tuple[str, ...]:
    """Names from a list as printed; a two-character name may be spaced out (``韦 江``).

    >>> split_names("洗育华 马小红"), split_names("韦 江"), split_names("黄 艳 李 明"), split_names("王五、赵六")
    (('洗育华', '马小红'), ('韦江',), ('黄艳', '李明'), ('王五', '赵六'))
    """
    names: list[str] = []
    for chunk in patterns.NAME_SEPARATOR.split(value):
        tokens = chunk.split()
        if not tokens:
            continue
        if all(len(token) == 1 for token in tokens):
            size = 2 if len(tokens) % 2 == 0 and len(tokens) > 3 else len(tokens)
            names.extend("".join(tokens[i : i + size]) for i in range(0, len(tokens), size))
            continue
        pending = ""
        for token in tokens:
            if len(token) == 1:
                pending += token
                continue
            if pending:
                names.append(pending)
                pending = ""
            names.append(token)
        if pending:
            names.append(pending)
    return tuple(names)


def read_front_matter(normalised: NormalisedText, lines: list[Line]) -> FrontMatter:
    """Read the front of an issue; ``end`` is the index of the first body line."""
    front = FrontMatter()
    masthead: list[Line] = []
    notice: list[str] = []
    state = "masthead"
    section: str | None = None
    section_line: Line | None = None
    last_field: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if not text:
            last_field = None
            index += 1
            continue
        if patterns.EDITOR_NOTE.match(text):
            break
        if patterns.TOC_HEADING.match(text):
            state = "toc"
        elif (labelled := label_field(text)) is not None:
            state = "editorial"
            last_field = labelled[0]
            fill_field(front, labelled[0], labelled[1])
        elif state == "editorial" and last_field is not None and not patterns.PIPE_ROW.match(text):
            fill_field(front, last_field, text, continuation=True)
        elif state in ("masthead", "notice") and patterns.NOTICE_OPENING.match(text):
            state = "notice"
            notice.append(clean(text)[0])
        elif state == "notice":
            notice.append(clean(text)[0])
        elif state == "masthead" and not patterns.PIPE_ROW.match(text):
            if len(text) > _MASTHEAD_LINE_MAX or "。" in text or patterns.FOOTNOTE_LINE.match(text):
                break  # prose: the issue has no TOC or notice and the body starts here
            masthead.append(line)
        elif state == "toc" and (label := _section_row(lines, index)) is not None:
            _check_section_used(normalised, front, section_line, section)
            section, section_line = label, line
        elif patterns.PIPE_ROW.match(text) or patterns.DOTTED_TOC_LINE.match(text):
            if not _read_toc_line(normalised, line, section, front):
                break
        elif state in ("toc", "editorial") and _next_is_toc_line(lines, index):
            _check_section_used(normalised, front, section_line, section)
            section, section_line = clean(text)[0], line
        else:
            break
        index += 1
    _check_section_used(normalised, front, section_line, section)
    front.end = index
    front.notice = "\n".join(notice) or None
    _read_masthead(normalised, masthead, front)
    return front


def _check_section_used(normalised: NormalisedText, front: FrontMatter, line: Line | None, section: str | None) -> None:
    """A TOC section label with no entry under it is kept as unplaced text."""
    if line is None or section is None or any(entry.section == section for entry in front.toc):
        return
    span = span_of(normalised, line)
    front.unplaced.append(RawBlock("unplaced", section, span))
    front.diagnostics.append(RawDiagnostic("warning", "text-unplaced", f"TOC section {section!r} has no entries", span))


def _next_is_toc_line(lines: list[Line], index: int) -> bool:
    for line in lines[index + 1 :]:
        text = line.text.strip()
        if text:
            return bool(patterns.PIPE_ROW.match(text) or patterns.DOTTED_TOC_LINE.match(text))
    return False


def _section_row(lines: list[Line], index: int) -> str | None:
    """A section label printed as a row of the TOC table (``| 规划解读 | |``): a title and no page,
    with an entry that has a page on the next row."""
    text = lines[index].text.strip()
    if not patterns.PIPE_ROW.match(text) or patterns.PIPE_SEPARATOR.match(text):
        return None
    cells = [cell.strip() for cell in text.strip("|").split("|")]
    if len(cells) < 2 or not cells[0] or any(cells[1:]):
        return None
    for later in lines[index + 1 :]:
        following = later.text.strip()
        if not following or patterns.PIPE_SEPARATOR.match(following):
            continue
        if not patterns.PIPE_ROW.match(following):
            return None
        last = following.strip("|").split("|")[-1].strip()
        return clean(cells[0])[0] if last.isdigit() else None
    return None


def _read_toc_line(normalised: NormalisedText, line: Line, section: str | None, front: FrontMatter) -> bool:
    """Add a TOC entry from a pipe row or dotted line; False when the line is no TOC line."""
    text = line.text.strip()
    if patterns.PIPE_SEPARATOR.match(text):
        return True
    if patterns.PIPE_ROW.match(text):
        cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
        if not any(cells):
            return True
        if len(cells) != 2 and not (len(cells) > 2 and cells[-1].isdigit() and not any(cells[1:-1])):
            return False  # a table of another shape: the body starts here
        title, page_text = cells[0], cells[-1]
    else:
        match = patterns.DOTTED_TOC_LINE.match(text)
        if match is None:
            return False
        title, page_text = match["title"], match["page"]
    title, page_text = clean(title)[0], page_text.strip()
    page = int(page_text) if page_text.isdigit() else None
    span = span_of(normalised, line)
    if not title or (page is None and page_text):
        # no title, or a page that is no number: the row is kept as it stands, not dropped
        front.unplaced.append(RawBlock("unplaced", text, span))
        said = f"TOC line not understood: {text[:40]}"
        front.diagnostics.append(RawDiagnostic("warning", "text-unplaced", said, span))
    else:
        front.toc.append(RawTocEntry(section, title, page, span))
    return True


def fill_field(front: FrontMatter, name: str, value: str, *, continuation: bool = False) -> None:
    """Put a labelled value (主编：…, 地址：…) into the editorial, contact or publisher field it names."""
    if name in _NAME_FIELDS:
        previous = front.editorial.get(name, ())
        names = split_names(value)
        front.editorial[name] = (*previous, *names) if isinstance(previous, tuple) else names
    elif name in ("edited_by", "publisher"):
        text = clean(value)[0]
        if name == "publisher":
            if front.publisher and (continuation or text not in front.publisher):
                front.publisher = f"{front.publisher}{'' if continuation else '；'}{text}"
            front.publisher = front.publisher or text
            return
        old = front.editorial.get(name)
        separator = "" if continuation else "；"
        front.editorial[name] = f"{old}{separator}{text}" if isinstance(old, str) else text
    elif name in _CONTACT_FIELDS:
        text = " ".join(value.split()) if name in ("email", "website") else clean(value)[0]
        old_contact = front.contact.get(name)
        separator = "" if continuation else "；"  # a label printed twice keeps both values
        front.contact[name] = f"{old_contact}{separator}{text}" if old_contact else text


def _roles(texts: list[str]) -> dict[str, int]:
    """Which of the masthead's remaining lines is the title, the theme and the category.

    In print order the title comes first (when it is a short line), then the
    theme, then the category; a single line after the title that ends like a
    category (专题信息) is the category. Content overrides the order where it
    is clear: of three lines, the one line naming a city cluster or region
    (城市群, 都市圈, 关注 …) is the theme; of the two others, the one made only
    of genre words (专题资料, 内部参考) is the category and the other the title,
    whatever corner each is printed in.
    """
    if not texts:
        return {}
    if len(texts[0]) > 20 or patterns.SENTENCE_END.intersection(texts[0][-1:]):
        return dict(zip(("theme", "category"), range(len(texts))))
    first = list(range(min(3, len(texts))))
    roles: dict[str, int] = {}
    themed = [i for i in first if _names_theme(texts[i])]
    if len(first) == 3 and len(themed) == 1:
        roles["theme"] = themed[0]
    left = [i for i in first if i not in roles.values()]
    generic = [i for i in left if _only_genre(texts[i])]
    if len(left) == 2 and len(generic) == 1 and (roles or len(first) == 2):
        roles["category"] = generic[0]
        roles["title"] = next(i for i in left if i != generic[0])
        return roles
    roles["title"] = left.pop(0)
    single = len(first) == 2 and texts[left[0]].endswith(_masthead_words("category"))
    for role in ("category",) if single or "theme" in roles else ("theme", "category"):
        if left:
            roles[role] = left.pop(0)
    return roles


def _names_theme(text: str) -> bool:
    return any(word in text for word in _masthead_words("theme")) or any(name in text for name in _cluster_names())


def _only_genre(text: str) -> bool:
    """Whether ``text`` is made only of genre words (专题 + 资料, 内部 + 参考)."""
    words = sorted((*_masthead_words("category"), *_masthead_words("genre")), key=len, reverse=True)
    while text:
        word = next((w for w in words if text.startswith(w)), None)
        if word is None:
            return False
        text = text[len(word) :]
    return True


@functools.cache
def _masthead_words(field: str) -> tuple[str, ...]:
    return tuple(row["suffix"] for row in load_table("masthead_words") if row["field"] == field)


@functools.cache
def _cluster_names() -> tuple[str, ...]:
    names = []
    for row in load_table("city_clusters"):
        names.append(row["name"])
        names.extend(alias for alias in row["aliases"].split("|") if len(alias) >= 2)
    return tuple(names)


def _read_masthead(normalised: NormalisedText, masthead: list[Line], front: FrontMatter) -> None:
    rest: list[Line] = []
    for line in masthead:
        text = clean(line.text)[0]
        # a value is taken once: a second, different one stays a line (title, theme or unplaced), never overwrites
        if (
            (match := patterns.YEAR_AND_ISSUE.match(text))
            and front.issue_number is None
            and front.year in (None, int(match["year"]))
        ):
            front.year, front.issue_number = int(match["year"]), int(match["number"])
            running = match["running"] or match["running_after"]
            front.running_number = int(running) if running else None
        elif (match := patterns.ISSUE_NUMBER.match(text)) and front.issue_number is None:
            front.issue_number = int(match["number"])
        elif (match := patterns.YEAR_LINE.match(text)) and front.year is None:
            front.year = int(match["year"])
        elif (match := patterns.FULL_DATE.search(text)) and front.publication_date is None and len(text) <= 20:
            front.publication_date = f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"
        elif (
            (match := patterns.PUBLISHER_LINE.match(text))
            and len(text) <= 40
            and (front.publisher is None or match["publisher"] in front.publisher)  # as the 主办单位 label says
        ):
            front.publisher = front.publisher or match["publisher"]
        else:
            rest.append(line)
    if front.year is None and front.publication_date:
        front.year = int(front.publication_date[:4])
    texts = [clean(line.text)[0] for line in rest]
    roles = _roles(texts)
    placed = set(roles.values())
    for role, index in roles.items():
        setattr(front, role, texts[index])
    for i, (line, text) in enumerate(zip(rest, texts)):
        if i in placed:
            continue
        front.unplaced.append(RawBlock("unplaced", text, span_of(normalised, line)))
        front.diagnostics.append(
            RawDiagnostic("warning", "text-unplaced", f"masthead line not understood: {text[:40]}",
                          span_of(normalised, line))
        )
