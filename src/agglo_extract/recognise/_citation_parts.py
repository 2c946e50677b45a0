"""Rule functions for the parts of a GB/T 7714 entry: dates, authors, title, numbers.

Each function reads one part and appends what it repaired to ``warnings``
(``"<code>: <message>"``; the code before the colon is stable).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import _citation_patterns as P


@dataclass(slots=True)
class Fields:
    """The fields read so far from one entry (plain values, no validation)."""

    authors: tuple[str, ...] = ()
    et_al: bool = False
    title: str | None = None
    number: str | None = None
    translators: tuple[str, ...] = ()
    type_code: str | None = None
    carrier: str | None = None
    container: str | None = None
    container_authors: tuple[str, ...] = ()
    edition: str | None = None
    place: str | None = None
    publisher: str | None = None
    year: int | None = None
    date: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    url: str | None = None
    doi: str | None = None
    access_date: str | None = None
    update_date: str | None = None
    warnings: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def read_date(text: str, warnings: list[str]) -> str | None:
    """``text`` (a whole date as printed) as ISO 8601, or None when it is no date.

    grammar: year [sep? month [sep? day [日]]] with sep one of ``- . / 年 月``.
    Anything but ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` is repaired with a
    ``date-repaired`` warning.

    >>> w: list[str] = []
    >>> read_date("201711-10", w), w
    ('2017-11-10', ["date-repaired: '201711-10' read as 2017-11-10"])
    >>> read_date("2017-13-01", [])
    """
    match = P.DATE.fullmatch(text)
    if match is None:
        return None
    year: str = match["year"]
    month: str | None = match["month"]
    day: str | None = match["day"]
    if month is None:
        iso = year
    else:
        if not 1 <= int(month) <= 12 or (day is not None and not 1 <= int(day) <= 31):
            return None
        iso = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day is not None else "")
    if iso != text:
        warnings.append(f"date-repaired: {text!r} read as {iso}")
    return iso


def read_authors(text: str) -> tuple[tuple[str, ...], bool]:
    """Names in an author list and whether it ends in ``等`` / ``et al.``.

    grammar: name (sep name)* [sep? 等 | sep et al.], sep one of ``, ， 、 ; ；``.

    >>> read_authors("王强, 李 明, 等")
    (('王强', '李明'), True)
    >>> read_authors("SMITH J, DOE A, et al")
    (('SMITH J', 'DOE A'), True)

    Spaces between Han characters join one name (``韦 江``) unless every
    space-separated part is a name of two to four characters (``易东 王南``).

    >>> read_authors("易东 王南")
    (('易东', '王南'), False)
    """
    names: list[str] = []
    et_al = False
    for piece in P.AUTHOR_SEPARATOR.split(text.strip()):
        name = piece.strip()
        if " " in name:
            parts = name.split(" ")
            if all(2 <= len(part) <= 4 and P.HAN_NAME.fullmatch(part) for part in parts):
                names.extend(parts[:-1])
                name = parts[-1]
            else:
                name = P.HAN_INNER_SPACE.sub("", name)
        if not name:
            continue
        if P.ET_AL.match(name):
            et_al = True
            continue
        if name.endswith("等") and len(name) >= 3:
            name, et_al = name[:-1], True
        names.append(name)
    return tuple(names), et_al


def ends_in_abbreviation(text: str, end: int, *, title_word: bool = False) -> bool:
    """Whether the dot at ``text[end]`` ends an abbreviation (``U.S.``, ``Inc.``; ``Proc.`` if ``title_word``)."""
    if end == 0 or not ("A" <= text[end - 1] <= "Z" or "a" <= text[end - 1] <= "z"):
        return False
    pattern = P.TITLE_ABBREVIATION_BEFORE if title_word else P.ABBREVIATION_BEFORE
    return pattern.search(text, max(0, end - 12), end) is not None


def ends_in_org_suffix(text: str, end: int) -> bool:
    """Whether the dot at ``text[end]`` ends a company name (``Apple Inc.``)."""
    if end < 2 or not ("a" <= text[end - 1] <= "z" or "A" <= text[end - 1] <= "Z"):
        return False
    return P.ORG_SUFFIX_BEFORE.search(text, max(0, end - 6), end) is not None


def split_author_title(text: str) -> tuple[str | None, str]:
    """``(authors, title)`` of the part before the type bracket; authors is None when absent.

    The authors end at the first full stop that is not an abbreviation dot
    (``U.S.``, ``Dr.``); the dot of a company suffix (``Apple Inc.``) both
    ends the name and the list. A would-be author list that holds a digit is
    a title.
    """
    for match in P.FULL_STOP.finditer(text):
        if ends_in_org_suffix(text, match.start()):
            head = text[: match.end()]
        elif ends_in_abbreviation(text, match.start()):
            continue
        else:
            head = text[: match.start()]
        tail = text[match.end() :].lstrip(" .")
        if not head.strip() or not tail or P.ASCII_DIGIT.search(head):
            return None, text.strip()
        return head.strip(), tail.strip()
    return None, text.strip()


def split_number(title: str, type_code: str | None) -> tuple[str, str | None, str | None]:
    """``(title, number, country)``: a standard, patent or report number after the title's last colon.

    Also reads the 2025 form that prints a standard number before the title.

    >>> split_number("文献著录: 第4部分 非书资料: GB/T 3792.4—2009", "S")
    ('文献著录: 第4部分 非书资料', 'GB/T 3792.4—2009', None)
    >>> split_number("一种装置: 中国, 88105607.3", "P")
    ('一种装置', '88105607.3', '中国')
    """
    if type_code not in {"S", "P", "R"}:
        return title, None, None
    cut = max(title.rfind(": "), title.rfind("："))
    if cut > 0:
        head, tail = title[:cut].rstrip(), title[cut + 1 :].strip()
        short_digits = tail.isdigit() and len(tail) < 6  # a year such as 2018 is a subtitle, not a number
        if P.NUMBER.fullmatch(tail) and P.ASCII_DIGIT.search(tail) and not short_digits:
            return head, tail, None
        pair = P.COUNTRY_NUMBER.fullmatch(tail)
        if pair and type_code == "P":
            return head, pair["number"], pair["country"]
    if type_code == "S":
        leading = P.LEADING_STANDARD_NUMBER.fullmatch(title)
        if leading:
            return leading["title"], leading["number"], None
    return title, None, None


def read_pages(text: str) -> str:
    """Pages with dashes made ASCII and spaces taken out of ranges (``15–24`` -> ``15-24``)."""
    pages = text.strip()
    if any(c in pages for c in " –—－~～"):
        pages = P.PAGE_DASH.sub("-", pages)
    return pages


def read_place_publisher(head: str) -> tuple[str | None, str | None]:
    """``(place, publisher)`` from ``place: publisher``, or ``(None, head)`` without a colon."""
    match = P.PLACE_PUBLISHER.fullmatch(head)
    if match is None:
        return None, head or None
    return match["place"].strip(), match["publisher"].strip()


# The brackets of the grammar: type code, issue, dates, URL. Quotes and 《》 belong to titles, which may hold
# one alone (《城市群》发展报告 cut at a subtitle), so they are not checked.
_OPENERS = {"[": "]", "(": ")", "（": "）", "<": ">", "【": "】"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}


def unbalanced_brackets(text: str) -> str | None:
    """A ``brackets-unbalanced`` warning when a bracket of ``text`` is never closed or never opened.

    >>> unbalanced_brackets("城市群研究[J]. 地理学报, 2017(3): 1-9.") is None
    True
    >>> unbalanced_brackets("港口研究[J. 港口经济, 2017((3): 12-18.")
    "brackets-unbalanced: '[' at 4 is never closed; '(' at 18 is never closed"
    >>> unbalanced_brackets("报告]M].")
    "brackets-unbalanced: ']' at 2 has no opening bracket; ']' at 4 has no opening bracket"
    """
    open_at: list[tuple[str, int]] = []
    said: list[str] = []
    for index, char in enumerate(text):
        if char in _OPENERS:
            open_at.append((char, index))
        elif char in _CLOSERS:
            if open_at and open_at[-1][0] == _CLOSERS[char]:
                open_at.pop()
            elif any(opened == _CLOSERS[char] for opened, _ in open_at):  # closes an outer one: the inner ones are open
                while open_at[-1][0] != _CLOSERS[char]:
                    opened, at = open_at.pop()
                    said.append(f"{opened!r} at {at} is never closed")
                open_at.pop()
            else:
                said.append(f"{char!r} at {index} has no opening bracket")
    said.extend(f"{opened!r} at {at} is never closed" for opened, at in open_at)
    if not said:
        return None
    shown = "; ".join(said[:3]) + (f"; and {len(said) - 3} more" if len(said) > 3 else "")
    return f"brackets-unbalanced: {shown}"
