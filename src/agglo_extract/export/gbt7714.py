"""``FootnoteCitation`` back to a GB/T 7714 string: the inverse of ``recognise.citation``.

Layout (``sep`` = ``". "``)::

    [authors sep] title [": " number] "[" code ["/" carrier] "]" ["//" [editors sep] container]
    [sep translators ", 译"] [sep edition] [sep publication] [sep "(" update ")"] [access]
    [sep url] [sep "DOI: " doi] "."

    publication = [head ", "] when [", " volume] ["(" issue ")"] [": " pages]
    head        = container (J, N, EB) | place ": " publisher | publisher

Editions: ``"2015"`` is the canonical form. ``"2005"`` is the same layout
without the DOI (the 2005 edition has no DOI element). ``"2025"`` writes an
entry whose authors, title or container hold Han characters with
full-width ``，：（）`` in the publication part and between authors.

>>> from agglo_extract.models import FootnoteCitation
>>> c = FootnoteCitation(raw="", authors=("方园",), title="城市群研究", type_code="J",
...                      container="地理学刊", year=2017, volume="36", issue="1", pages="15-24")
>>> format_gbt7714(c)
'方园. 城市群研究[J]. 地理学刊, 2017, 36(1): 15-24.'
>>> format_gbt7714(c, edition="2025")
'方园. 城市群研究[J]. 地理学刊，2017，36（1）：15-24.'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Literal

import regex

from .. import patterns
from ..data import load_table
from ..models.citation import FootnoteCitation

__all__ = ["Edition", "Format", "citations_text", "format_gbt7714", "is_chinese"]

Edition = Literal["2005", "2015", "2025"]
Format = Literal["csl-json", "bibtex", "gbt7714"]

# A Han character: an entry with one in its names, title or container is a Chinese entry.
_HAN = patterns.compile(r"\p{Han}", regex.VERBOSE | regex.VERSION1)
_ANALYTIC = frozenset({"M", "C", "G", "A", "Z"})
"""Types whose container is a host book or proceedings, written after ``//``."""
_CONTAINER_HEAD = frozenset({"J", "N", "EB"})
"""Types whose publication part starts with the container (journal, newspaper, site)."""


@functools.cache
def _known_types() -> frozenset[str]:
    return frozenset(row["code"] for row in load_table("gbt7714_types"))


def is_chinese(citation: FootnoteCitation) -> bool:
    """Whether the authors, title or container hold Han characters."""
    text = "".join((*citation.authors, citation.title or "", citation.container or ""))
    return _HAN.search(text) is not None


def format_gbt7714(citation: FootnoteCitation, edition: Edition = "2015") -> str:
    """The GB/T 7714 string of ``citation`` (``raw`` itself when nothing was parsed).

    ``marker``, ``raw``, ``warnings`` and ``location`` are not rendered.
    """
    if citation.title is None or citation.type_code is None:
        return citation.raw
    if edition not in ("2005", "2015", "2025"):
        raise ValueError(f"unknown GB/T 7714 edition {edition!r}; use 2005, 2015 or 2025")
    full = edition == "2025" and is_chinese(citation)
    comma, colon, lparen, rparen = ("，", "：", "（", "）") if full else (", ", ": ", "(", ")")
    code = citation.type_code
    analytic = citation.container is not None and code in _ANALYTIC
    first = _authors(citation.authors, citation.et_al, comma)
    first += citation.title
    if citation.number is not None:
        country = f"{citation.place}{comma}" if code == "P" and citation.place else ""
        first += f"{colon}{country}{citation.number}"
    first += f"[{code}/{citation.carrier}]" if citation.carrier else f"[{code}]"
    if analytic:
        first += "//" + _authors(citation.container_authors, False, comma) + (citation.container or "")
    segments = [first]
    if citation.translators:
        role = "译" if any(_HAN.search(name) for name in citation.translators) else "trans"
        segments.append(f"{comma.join(citation.translators)}{comma}{role}")
    if citation.edition:
        segments.append(citation.edition)
    if citation.container and not analytic and code not in _CONTAINER_HEAD and code in _known_types():
        segments.append(citation.container)
    publication = _publication(citation, analytic, comma, colon, lparen, rparen)
    if publication:
        segments.append(publication)
    if citation.update_date is not None:
        access = f"[{citation.access_date}]" if citation.access_date else ""
        segments.append(f"{lparen}{citation.update_date}{rparen}{access}")
    elif citation.access_date is not None:
        if publication:
            segments[-1] += f"[{citation.access_date}]"
        else:
            segments.append(f"[{citation.access_date}]")
    if citation.url:
        segments.append(citation.url)
    if citation.doi and edition != "2005":
        segments.append(f"DOI: {citation.doi}")
    return ". ".join(segments) + "."


def _authors(names: Iterable[str], et_al: bool, comma: str) -> str:
    """``A, B, 等. `` (or ``et al``), or ``""`` for no names."""
    names = list(names)
    if not names:
        return ""
    if et_al:
        names.append("等" if any(_HAN.search(name) for name in names) else "et al")
    joined = comma.join(names)
    return joined + (" " if joined.endswith(".") else ". ")  # Apple Inc. takes no second full stop


def _publication(c: FootnoteCitation, analytic: bool, comma: str, colon: str, lparen: str, rparen: str) -> str:
    """``[head, ] when [, volume] [(issue)] [: pages]`` (``""`` when there is nothing to say)."""
    code = c.type_code or ""
    if code in _CONTAINER_HEAD or code not in _known_types():
        head = "" if analytic else (c.container or "")
        if code == "EB" and c.publisher:
            head = f"{c.place}{colon}{c.publisher}" if c.place else c.publisher
    else:
        head = f"{c.place}{colon}{c.publisher}" if c.place and c.publisher else (c.publisher or "")
    when = c.date or (str(c.year) if c.year is not None else "")
    if not when:
        return head
    text = f"{head}{comma}{when}" if head else when
    if c.volume:
        text += f"{comma}{c.volume}"
    pages = c.pages
    if code == "N" and pages and not c.issue:
        text += f"{lparen}{pages}{rparen}"
        pages = None
    if c.issue:
        text += f"{lparen}{c.issue}{rparen}"
    if pages:
        text += f"{colon}{pages}"
    return text


def citations_text(citations: Iterable[FootnoteCitation], fmt: Format = "gbt7714", *, edition: Edition = "2015") -> str:
    """Render citations as one text in ``fmt`` (what ``agglo-extract cite --format`` writes).

    ``gbt7714``: one entry a line, numbered ``[1]``; ``csl-json``: a JSON array
    (``ensure_ascii=False``); ``bibtex``: entries separated by a blank line.
    """
    items = list(citations)
    if fmt == "gbt7714":
        return "".join(f"[{n}] {format_gbt7714(c, edition)}\n" for n, c in enumerate(items, start=1))
    if fmt == "csl-json":
        import json

        from .csl import to_csl_json

        records = [to_csl_json(c, id=f"ref{n}") for n, c in enumerate(items, start=1)]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "bibtex":
        from .bibtex import bibtex_keys, to_bibtex

        keys = bibtex_keys(items)
        return "\n".join(to_bibtex(c, key=k) for c, k in zip(items, keys))
    raise ValueError(f"unknown citation format {fmt!r}; use csl-json, bibtex or gbt7714")
