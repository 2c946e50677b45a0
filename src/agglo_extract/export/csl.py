"""``FootnoteCitation`` to CSL-JSON (the item format of Zotero, citeproc and pandoc).

The item type comes from ``data/gbt7714_types.tsv``; a part of a book or
proceedings (``//``) is a ``chapter``. Things CSL has no variable for (the
GB/T 7714 type code and carrier, repair warnings) go into ``note``.
``language`` is ``zh-CN`` for an entry with Han characters in its names,
title or container (styles such as GB/T 7714 print 等 rather than et al.
for those), else ``en``.

>>> from agglo_extract.models import FootnoteCitation
>>> item = to_csl_json(FootnoteCitation(raw="", authors=("方园", "SMITH J"), title="城市群",
...                                     type_code="J", container="地理学刊", year=2017))
>>> item["type"], item["author"], item["issued"]
('article-journal', [{'literal': '方园'}, {'family': 'SMITH', 'given': 'J'}], {'date-parts': [[2017]]})
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from typing import Any

import regex

from .. import patterns
from ..data import load_table
from ..models.citation import FootnoteCitation
from .gbt7714 import is_chinese

__all__ = ["csl_type", "item_id", "split_name", "to_csl_json"]

_WESTERN = patterns.compile(
    r"""
    (?P<family>[A-Za-z][A-Za-z'\-]*)        # the family name, written first (SMITH, O'NEIL)
    [ ]+
    (?P<given>[A-Z]{1,3}(?:[ ][A-Z]{1,3})*) # initials (J, JR, J R)
    """,
    regex.VERBOSE | regex.VERSION1,
)
_ANALYTIC = frozenset({"M", "C", "G", "A", "Z"})


@functools.cache
def _types() -> Mapping[str, Mapping[str, str]]:
    return {row["code"]: row for row in load_table("gbt7714_types")}


def csl_type(citation: FootnoteCitation) -> str:
    """The CSL item type: from the type table; ``chapter`` for a part of a book; ``document`` if unknown."""
    code = citation.type_code or ""
    if code in _ANALYTIC and citation.container and code != "C":
        return "chapter"
    row = _types().get(code)
    return row["csl_type"] if row else "document"


def split_name(name: str) -> tuple[str, str] | None:
    """``(family, given)`` of a Western name written ``SMITH J``; None for Chinese or corporate names.

    >>> split_name("SMITH J R"), split_name("王强"), split_name("World Bank")
    (('SMITH', 'J R'), None, None)
    """
    match = _WESTERN.fullmatch(name)
    return (match["family"], match["given"]) if match else None


def _csl_names(names: tuple[str, ...]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for name in names:
        parts = split_name(name)
        out.append({"family": parts[0], "given": parts[1]} if parts else {"literal": name})
    return out


def _date_parts(iso: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(piece) for piece in iso.split("-")]]}


def item_id(citation: FootnoteCitation) -> str:
    """A stable id from the rendered fields (``raw`` when nothing was parsed)."""
    basis = "|".join((citation.title or citation.raw, *citation.authors, str(citation.year or ""), citation.url or ""))
    return "gbt-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def to_csl_json(citation: FootnoteCitation, *, id: str | None = None) -> dict[str, Any]:
    """The CSL-JSON item of ``citation`` (``id`` defaults to ``item_id(citation)``)."""
    item: dict[str, Any] = {"id": id or item_id(citation), "type": csl_type(citation)}
    if citation.title is not None:
        item["language"] = "zh-CN" if is_chinese(citation) else "en"
    if citation.title is not None:
        item["title"] = citation.title
    else:
        item["title"] = citation.raw
    if citation.authors:
        item["author"] = _csl_names(citation.authors)
    if citation.container_authors:
        item["editor"] = _csl_names(citation.container_authors)
    if citation.translators:
        item["translator"] = _csl_names(citation.translators)
    simple = {
        "container-title": citation.container,
        "publisher": citation.publisher,
        "publisher-place": citation.place,
        "volume": citation.volume,
        "issue": citation.issue,
        "page": citation.pages,
        "URL": citation.url,
        "DOI": citation.doi,
        "edition": citation.edition,
        "number": citation.number,
    }
    item.update({key: value for key, value in simple.items() if value})
    issued = citation.date or (str(citation.year) if citation.year is not None else None)
    issued = issued or citation.update_date
    if issued:
        item["issued"] = _date_parts(issued)
    if citation.access_date:
        item["accessed"] = _date_parts(citation.access_date)
    note = []
    if citation.type_code:
        mark = citation.type_code + (f"/{citation.carrier}" if citation.carrier else "")
        note.append(f"GB/T 7714 type: [{mark}]")
    if citation.et_al:
        note.append("authors: et al.")
    note.extend(citation.warnings)
    if note:
        item["note"] = "\n".join(note)
    return item
