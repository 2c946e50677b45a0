"""GB/T 7714 references (2005, 2015 and 2025 editions) read into ``FootnoteCitation``.

Grammar of one entry, as this module reads it (``sep`` is a full stop, ``. ``;
``,`` ``:`` ``(`` ``)`` may be full-width, as the 2025 edition writes them)::

    entry     = [authors sep] title [": " number] "[" code ["/" carrier] "]"
                ("//" [authors sep] container | sep) segment (sep segment)* ["."]
    segment   = edition                                   2版, 3rd ed
              | [head ","] when ["," volume] ["(" issue ")"] [":" pages] [access]
              | "(" update ")" [access] | access
              | url ["," access] | "DOI:" doi
              | container                                 a journal, newspaper or site
    head      = place ":" publisher | publisher | container
    when      = a year or a date (2017, 2017-04-20; 201711-10 is repaired)
    access    = "[" date "]"

A note in the 《》 style of Chinese social-science journals
(``作者：《题名》，《刊名》2018年第7期。``) is read by ``_citation_cn``.

Repairs (each adds a warning ``"<code>: <message>"``): ``type-code-unknown``,
``type-code-lowercase``, ``carrier-unknown``, ``date-repaired``,
``type-code-missing`` (a type guessed from the shape, see ``_citation_infer``),
``full-stop-missing``, ``full-stop-doubled``, ``punctuation-full-width``,
``url-angle-brackets``, ``url-line-break``, ``segment-unplaced``, ``marker-in-text``
(a ``[1]`` or ``①`` left at the start), ``lead-in`` (``资料来源：``, ``参见``),
``comma-missing`` (before the year), ``colon-missing`` (before the pages), ``brackets-unbalanced``
(a bracket never closed or never opened; reported, the fields are read as they stand).

>>> c = parse_citation("方园. 城市群协同研究[J]. 地理学刊, 2017, 36(1/2): 15-24.")
>>> c.authors, c.container, c.year, c.volume, c.issue, c.pages
(('方园',), '地理学刊', 2017, '36', '1/2', '15-24')
"""

from __future__ import annotations

import functools

import regex

from ..data import load_table
from ..errors import CitationSyntaxError
from ..models.citation import FootnoteCitation
from . import _citation_patterns as P
from ._citation_cn import read_cn_note
from ._citation_infer import infer_type
from ._citation_parts import (
    Fields,
    ends_in_abbreviation,
    ends_in_org_suffix,
    read_authors,
    read_date,
    read_pages,
    read_place_publisher,
    split_author_title,
    split_number,
    unbalanced_brackets,
)

__all__ = ["is_explanation", "parse_citation", "parse_footnote"]

_FOLD_ALNUM = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    }
)
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "．": ".",
        "。": ".",
        "［": "[",
        "］": "]",
        "／": "/",
        "＜": "<",
        "＞": ">",
    }
)

_PERIODICAL = frozenset({"J", "N"})
"""Types whose publication head is always the container (journal, newspaper)."""


@functools.cache
def _known_codes() -> tuple[frozenset[str], frozenset[str]]:
    """Type codes and carrier codes from ``data/gbt7714_types.tsv`` and ``data/carriers.tsv``."""
    types = frozenset(row["code"] for row in load_table("gbt7714_types"))
    carriers = frozenset(row["code"] for row in load_table("carriers"))
    return types, carriers


def parse_citation(text: str) -> FootnoteCitation:
    """Read one GB/T 7714 reference; raise ``CitationSyntaxError`` when ``text`` is none.

    ``raw`` is ``text`` with runs of whitespace made one space; ``marker`` is ``""``.

    >>> parse_citation("一图看懂城市群[EB/OL]. http://example.org/a.htm, 2017-10-26.").access_date
    '2017-10-26'
    >>> parse_citation("同上")
    Traceback (most recent call last):
    ...
    agglo_extract.errors.CitationSyntaxError: no type code such as [J] or [M/OL]
        同上
        ^^
    """
    raw = " ".join(text.split())
    try:
        fields = _read(raw, text)
    except TimeoutError as error:  # a pattern ran past P.TIMEOUT on pathological text
        raise CitationSyntaxError(f"pattern timeout: {error}", text=raw, span=(0, len(raw))) from error
    if (unbalanced := unbalanced_brackets(raw)) is not None:
        fields.warnings.append(unbalanced)
    return FootnoteCitation(
        raw=raw,
        authors=fields.authors,
        title=fields.title,
        type_code=fields.type_code,
        carrier=fields.carrier,
        container=fields.container,
        publisher=fields.publisher,
        place=fields.place,
        year=fields.year,
        date=fields.date,
        volume=fields.volume,
        issue=fields.issue,
        pages=fields.pages,
        url=fields.url,
        doi=fields.doi,
        access_date=fields.access_date,
        update_date=fields.update_date,
        et_al=fields.et_al,
        container_authors=fields.container_authors,
        edition=fields.edition,
        number=fields.number,
        translators=fields.translators,
        warnings=tuple(fields.warnings),
    )


def parse_footnote(raw: str, *, marker: str) -> FootnoteCitation:
    """Read a footnote body leniently: never raises.

    A note that is no citation comes back with only ``marker``, ``raw`` and a
    warning starting ``not a citation:``.

    >>> parse_footnote("同上。", marker="②").warnings
    ('not a citation: no type code such as [J] or [M/OL]',)
    """
    try:
        citation = parse_citation(raw)
    except CitationSyntaxError as error:
        return FootnoteCitation(
            marker=marker,
            raw=" ".join(raw.split()),
            warnings=(f"not a citation: {error.message}",),
        )
    return citation.model_copy(update={"marker": marker})


def is_explanation(raw: str) -> bool:
    """Whether a note that is no citation explains instead (本文所称…，下同。): prose ending a sentence,
    with no type code, URL or publication details.

    >>> is_explanation("本文所称城市群包括五个设区市，下同。"), is_explanation("张三. 城市群研究. 2015")
    (True, False)
    >>> is_explanation("某厅：《某省统计公报》，2019 年 5 月。")
    False
    """
    text = " ".join(raw.split())
    if not text or text[-1] not in "。！？" or _CITATION_SIGNS.search(text):
        return False
    han = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    return han * 2 >= len(text)


_CITATION_SIGNS = regex.compile(r"\[[A-Za-z/]{1,5}\]|https?://|www\.|doi|[.．]\s|出版社|[:：]\s*[\d《]|》\s*[，,]")
"""What a citation has and an explanation does not: a type code, a URL, a DOI, GB/T 7714's '. ', a publisher,
an author before a 《title》 (机构：《报告》), details after it (《报告》，2019 年)."""


def _read(raw: str, original: str, repaired: str | None = None) -> Fields:
    """The fields of ``raw`` (``original`` only tells where lines were broken; ``repaired`` is a first warning)."""
    if not raw:
        raise CitationSyntaxError("empty note", text=raw, span=(0, 0))
    if repaired is not None:
        fields = _read(raw, original)
        fields.warnings.insert(0, repaired)
        return fields
    marker = P.LEADING_MARKER.match(raw)
    if marker is not None and marker.end() < len(raw):
        return _read(raw[marker.end() :], original, f"marker-in-text: {marker[0].strip()!r} at the start taken out")
    lead_in = P.LEAD_IN.match(raw)
    if lead_in is not None and lead_in.end() < len(raw) and ("[" in raw or "《" in raw or "［" in raw):
        return _read(raw[lead_in.end() :], original, f"lead-in: {lead_in[0].strip()!r} at the start taken out")
    if "《" in raw and P.TYPE_BRACKET.search(raw) is None:
        noted = read_cn_note(raw.translate(_FOLD_ALNUM))
        if noted is not None:
            return noted
    fields = Fields()
    warnings = fields.warnings
    text = raw
    if "\n" in original and "://" in original:
        if P.URL_AFTER_BREAK.search(original):
            warnings.append("url-line-break: the URL stood on a line of its own")
        for broken in P.URL_BROKEN.finditer(original, timeout=P.TIMEOUT):
            text = text.replace(f"{broken['head']} {broken['tail']}", broken["head"] + broken["tail"], 1)
            warnings.append(f"url-line-break: the URL was broken across lines after {broken['head']!r}")
    if P.FOLDABLE.search(text):
        if P.FULL_WIDTH_DELIMITERS.search(text):
            warnings.append("punctuation-full-width: full-width ．［］／＜＞ or 。 read as half-width")
        text = text.translate(_FOLD)
    if (".." in text or ". ." in text) and P.DOUBLED_FULL_STOP.search(text):
        warnings.append("full-stop-doubled: a doubled full stop read as one")
        text = P.DOUBLED_FULL_STOP.sub(".", text)
    bracket = P.TYPE_BRACKET.search(text)
    if bracket is None:
        guess = infer_type(text)
        if guess is None:
            raise CitationSyntaxError("no type code such as [J] or [M/OL]", text=raw, span=(0, len(raw)))
        code, at = guess
        warnings.append(f"type-code-missing: no type code; read as [{code}]")
        text = f"{text[:at]}[{code}]{text[at:]}"
        bracket = P.TYPE_BRACKET.search(text)
        if bracket is None:  # the inferred code did not read as a type bracket where it was put
            raise CitationSyntaxError("no type code such as [J] or [M/OL]", text=raw, span=(0, len(raw)))
    if not text[: bracket.start()].strip():
        raise CitationSyntaxError("no title before the type code", text=raw, span=bracket.span())
    _read_type(bracket["code"], bracket["carrier"], fields)
    authors, title = split_author_title(text[: bracket.start()])
    if authors is not None:
        fields.authors, fields.et_al = read_authors(authors)
    fields.title, fields.number, country = split_number(title, fields.type_code)
    if country is not None:
        fields.place = country
    _read_after(text[bracket.end() :], fields)
    if not text.endswith("."):
        warnings.append("full-stop-missing: the entry does not end with a full stop")
    return fields


def _read_type(code: str, carrier: str | None, fields: Fields) -> None:
    """``[code/carrier]``: upper-cased, checked against the data tables."""
    types, carriers = _known_codes()
    written = code + (f"/{carrier}" if carrier else "")
    if not written.isupper():
        fields.warnings.append(f"type-code-lowercase: [{written}] read as [{written.upper()}]")
    fields.type_code = code.upper()
    fields.carrier = carrier.upper() if carrier else None
    if fields.type_code not in types:
        fields.warnings.append(f"type-code-unknown: {fields.type_code} is not a GB/T 7714 type code")
    if fields.carrier is not None and fields.carrier not in carriers:
        fields.warnings.append(f"carrier-unknown: {fields.carrier} is not a GB/T 7714 carrier code")


def _read_after(after: str, fields: Fields) -> None:
    """Everything after the type bracket: container, publication, dates, URL, DOI."""
    rest = after.strip()
    analytic = rest.startswith("//")
    if analytic:
        rest = rest[2:]
    elif rest.startswith("."):
        rest = rest[1:]
    elif rest:
        fields.warnings.append("full-stop-missing: no full stop after the type code")
    rest = _take_url_and_doi(rest, fields)
    free: list[str] = []
    for piece in _segments(rest, periodical=fields.type_code in _PERIODICAL):
        segment = _read_segment(piece, fields)
        if segment:
            free.append(segment)
    if analytic and len(free) >= 2:
        fields.container_authors = read_authors(free.pop(0))[0]
    if free and fields.container is None:
        fields.container = free.pop(0)
    for segment in free:
        fields.unplaced.append(segment)
        fields.warnings.append(f"segment-unplaced: {segment!r} was not read as any field")


def _take_url_and_doi(rest: str, fields: Fields) -> str:
    """Take the URL (and an access date after it) and the DOI out of ``rest``."""
    url = P.URL.search(rest) if "://" in rest else None
    if url is not None:
        if url["angled"]:
            fields.warnings.append("url-angle-brackets: the URL was written in <>")
        if url["angled"]:
            fields.url, end = url["angled"], url.end()
        else:
            fields.url = url["bare"].rstrip(".,;")
            end = url.start() + len(fields.url)
        tail = rest[end:]
        rest = rest[: url.start()]
        access = P.URL_ACCESS.match(tail)
        if access is not None:
            fields.access_date = read_date(access["access"], fields.warnings)
            tail = tail[access.end() :]
        rest = f"{rest} . {tail}"
    doi = P.DOI.search(rest) if "DOI" in rest or "doi" in rest else None
    if doi is not None:
        fields.doi = doi["doi"].rstrip(".,;")
        rest = f"{rest[: doi.start()]} . {rest[doi.end() :]}"
    return rest


def _segments(text: str, *, periodical: bool = False) -> list[str]:
    """The non-empty ``.``-separated segments of ``text`` (an abbreviation dot separates nothing).

    In a ``periodical`` (J, N) a dot after an abbreviated title word followed
    by a capital (``Proc. Natl.``) is part of the journal title.
    """
    pieces: list[str] = []
    start = 0
    for stop in P.FULL_STOP.finditer(text):
        if ends_in_org_suffix(text, stop.start()):
            pieces.append(text[start : stop.end()].strip())
            start = stop.end()
            continue
        if ends_in_abbreviation(text, stop.start()):
            continue
        if (
            periodical
            and text[stop.end() : stop.end() + 2][-1:].isupper()
            and ends_in_abbreviation(text, stop.start(), title_word=True)
        ):
            continue
        pieces.append(text[start : stop.start()].strip())
        start = stop.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _read_segment(segment: str, fields: Fields) -> str:
    """Read one ``.``-separated segment into ``fields``; what is left is free text (or ``""``)."""
    dates = P.TRAILING_DATES.search(segment) if segment.endswith("]") else None
    if dates is not None:
        fields.access_date = read_date(dates["access"], fields.warnings)
        if dates["update"]:
            fields.update_date = read_date(dates["update"], fields.warnings)
        segment = segment[: dates.start()].rstrip()
        if not segment:
            return ""
    update = P.UPDATE_ONLY.fullmatch(segment) if segment[0] in "(（" else None
    if update is not None:
        fields.update_date = read_date(update["update"], fields.warnings)
        return ""
    if not fields.translators and (segment.endswith("译") or segment.endswith(("trans", "trans.", "tr."))):
        translators = P.TRANSLATORS.fullmatch(segment)
        if translators is not None:
            fields.translators = read_authors(translators["names"])[0]
            return ""
    if (
        fields.edition is None
        and fields.type_code not in _PERIODICAL
        and _may_be_edition(segment)
        and P.EDITION.fullmatch(segment)
    ):
        fields.edition = segment
        return ""
    if fields.year is None:
        if len(segment) <= P.SHORT:
            publication = P.PUBLICATION.fullmatch(segment)
        else:
            publication = P.PUBLICATION.fullmatch(segment, timeout=P.TIMEOUT)
        if publication is not None and _read_publication(publication, fields):
            return ""
    return segment


def _may_be_edition(segment: str) -> bool:
    """A cheap test before ``EDITION``: the segment names 版, 本 or ed."""
    return "版" in segment or "本" in segment or "ed" in segment.lower()


def _read_publication(match: regex.Match[str], fields: Fields) -> bool:
    """``[head,] when [, volume] [(issue)] [: pages]``; False when ``when`` is no date."""
    group = match.group
    when = read_date(group("when"), fields.warnings)
    if when is None:
        return False
    fields.year = int(when[:4])
    if len(when) > 4:
        fields.date = when
    fields.volume = group("volume")
    issue, pages = group("issue"), group("pages")
    if issue is not None and fields.type_code == "N" and pages is None:
        issue, pages = None, issue
    fields.issue = issue or group("issue_cn")
    if group("pages_bare") is not None:
        pages = group("pages_bare")
        fields.warnings.append("colon-missing: no colon before the pages")
    fields.pages = read_pages(pages) if pages is not None else None
    head = group("head").strip()
    if head and "," not in group("gap") and "，" not in group("gap"):
        fields.warnings.append("comma-missing: no comma before the year")
    if head:
        types, _ = _known_codes()
        code = fields.type_code or ""
        colon = ":" in head or "：" in head
        if code in _PERIODICAL or code not in types or (code == "EB" and not colon):
            fields.container = head
        else:
            fields.place, fields.publisher = read_place_publisher(head)
    return True
