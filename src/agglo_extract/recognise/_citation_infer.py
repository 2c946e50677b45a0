"""Guess the type code of an entry written without one (``作者. 题名. 刊名, 2017(1): 5-9.``).

The guess reads the first segment after the title that looks like a
publication part, or the URL:

* volume, issue or pages after a year -> ``J`` (a journal);
* ``place: publisher, year`` -> ``M`` (a book);
* a full date -> ``N`` (a newspaper);
* nothing but a URL -> ``EB/OL``;

``/OL`` is added when there is a URL. Anything else is not guessed (the
caller raises ``CitationSyntaxError``): a year alone is too little to tell a
citation from a sentence.
"""

from __future__ import annotations

from . import _citation_patterns as P
from ._citation_parts import ends_in_abbreviation


def _segment_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty ``.``-separated segments of ``text``, stripped."""
    spans: list[tuple[int, int]] = []
    start = 0
    cuts = [
        (stop.start(), stop.end())
        for stop in P.FULL_STOP.finditer(text)
        if not ends_in_abbreviation(text, stop.start())
    ]
    for cut_start, cut_end in [*cuts, (len(text), len(text))]:
        piece = text[start:cut_start]
        if piece.strip():
            left = start + len(piece) - len(piece.lstrip())
            spans.append((left, start + len(piece.rstrip())))
        start = cut_end
    return spans


def _shape(segment: str) -> str | None:
    """The type a publication segment suggests, or None when it is no publication part."""
    dates = P.TRAILING_DATES.search(segment)
    if dates is not None:
        segment = segment[: dates.start()].rstrip()
    match = P.PUBLICATION.fullmatch(segment, timeout=P.TIMEOUT)
    if match is None or match["when"] is None:
        return None
    head = match["head"]
    if ":" in head or "：" in head:
        return "M"
    if match["volume"] or match["issue"] or match["issue_cn"] or match["pages"]:
        return "J" if "-" not in match["when"] else "N"
    if "-" in match["when"] and head:
        return "N"
    return None


def infer_type(text: str) -> tuple[str, int] | None:
    """``(code, position)``: the type code to read ``text`` with and where its bracket goes.

    >>> infer_type("蔡文. 城市群发展新阶段. 城市问题, 2017(1): 5-9.")
    ('J', 12)
    >>> infer_type("据报道. 北京, 2017.") is None
    True
    """
    url = P.URL.search(text)
    head = text[: url.start()] if url else text
    spans = _segment_spans(head)
    code: str | None = None
    at = 0
    for index in range(1, len(spans)):
        code = _shape(head[spans[index][0] : spans[index][1]])
        if code is not None:
            at = index
            break
    if code is None:
        if url is None or not spans:
            return None
        code, at = "EB", len(spans)
    if url is not None:
        code += "/OL"
    before = spans[:at]
    title = 0 if len(before) == 1 or P.ASCII_DIGIT.search(head[slice(*before[0])]) else 1
    return code, before[title][1]
