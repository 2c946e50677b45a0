"""An issue's bibliography: one entry per distinct work, with every footnote that cites it.

Two notes cite the same work when their normalised title and authors agree
and neither their URLs nor their years differ (a missing one differs from
nothing). Normalising drops whitespace and
punctuation and folds case, so ``周骁骏,童政`` and ``周骁骏, 童政`` agree, and
a URL is compared without its scheme, ``www.`` and a trailing slash. A note
that is no citation (no title: an explanatory note, ``同上``) names no work
and has no entry; it stays among its article's footnotes.

>>> from agglo_extract.recognise.citation import parse_footnote
>>> a = parse_footnote("周洁. 借力北部湾[N]. 某报, 2017-03-03.", marker="①")
>>> b = parse_footnote("周洁.借力北部湾[N].某报.2017-03-03.", marker="②")
>>> [len(e.occurrences) for e in build_bibliography([(0, 0, a), (3, 1, b)])]
[2]
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .. import patterns
from ..models.citation import FootnoteCitation
from ..models.document import BibliographyEntry, FootnoteRef

__all__ = ["build_bibliography", "work_key"]

# Whitespace and punctuation (ASCII and CJK), dropped before comparing.
_NOISE = patterns.compile(r"[\s\p{P}\p{S}]+   # whitespace, punctuation and symbols", regex.VERBOSE | regex.VERSION1)
# The parts of a URL that do not tell two pages apart.
_URL_NOISE = patterns.compile(
    r"""
    ^ (?:https?|ftp)://   # the scheme
    (?:www\.)?            # a www. host prefix
    | /+ $                # a trailing slash
    """,
    regex.VERBOSE | regex.VERSION1 | regex.IGNORECASE,
)


def _normal(text: str | None) -> str:
    bare: str = _NOISE.sub("", text or "")
    return bare.casefold()


def _url(url: str | None) -> str | None:
    if not url:
        return None
    bare: str = _URL_NOISE.sub("", url.strip())
    return bare.casefold()


def work_key(citation: FootnoteCitation) -> tuple[str, ...]:
    """Title and authors, normalised (marker, location and spacing ignored)."""
    return (_normal(citation.title), "|".join(_normal(name) for name in citation.authors))


def _same_work(a: FootnoteCitation, b: FootnoteCitation) -> bool:
    """Two citations with one ``work_key`` name one work unless their URLs or years differ."""
    url_a, url_b = _url(a.url), _url(b.url)
    if url_a and url_b:
        return url_a == url_b
    return a.year is None or b.year is None or a.year == b.year


def build_bibliography(
    footnotes: Sequence[tuple[int, int, FootnoteCitation]],
) -> tuple[BibliographyEntry, ...]:
    """One entry per distinct work, in order of first citation; occurrences in input order.

    ``footnotes`` holds ``(article_index, footnote_index, citation)``; notes
    without a title are left out. An
    entry's ``citation`` is the first occurrence with ``marker`` and
    ``location`` cleared (they describe a place, not the work).
    """
    works: list[tuple[FootnoteCitation, list[FootnoteRef]]] = []
    by_key: dict[tuple[str, ...], list[int]] = {}
    for article_index, footnote_index, citation in footnotes:
        if citation.title is None:
            continue
        ref = FootnoteRef(article_index=article_index, footnote_index=footnote_index)
        candidates = by_key.setdefault(work_key(citation), [])
        for index in candidates:
            if _same_work(works[index][0], citation):
                works[index][1].append(ref)
                break
        else:
            candidates.append(len(works))
            works.append((citation.model_copy(update={"marker": "", "location": None}), [ref]))
    return tuple(BibliographyEntry(citation=c, occurrences=tuple(refs)) for c, refs in works)
