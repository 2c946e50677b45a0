"""``FootnoteCitation`` to a BibTeX entry (biblatex types, the fields the gbt7714 styles read).

The entry type comes from ``data/gbt7714_types.tsv`` (``incollection`` for a
part of a book). The GB/T 7714 type and carrier go into ``mark`` and
``medium``, which the ``gbt7714`` BibTeX package prints as ``[J/OL]``, and
``language`` (``zh`` / ``en``) lets it choose 等 or et al.
Chinese and corporate names are braced so BibTeX keeps them whole.

>>> from agglo_extract.models import FootnoteCitation
>>> print(to_bibtex(FootnoteCitation(raw="", authors=("方园", "SMITH J"), title="城市群",
...                                  type_code="J", container="地理学刊", year=2017), key="fang2017"))
@article{fang2017,
  author = {{方园} and SMITH, J},
  title = {城市群},
  journal = {地理学刊},
  year = {2017},
  language = {zh},
  mark = {J},
}
<BLANKLINE>
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping

import regex

from .. import patterns
from ..data import load_table
from ..models.citation import FootnoteCitation
from .csl import item_id, split_name
from .gbt7714 import is_chinese

__all__ = ["bibtex_keys", "to_bibtex"]

# A character BibTeX reads as markup, escaped with a backslash.
_SPECIAL = patterns.compile(r"( [%&#_$] )", regex.VERBOSE | regex.VERSION1)
_ANALYTIC = frozenset({"M", "G", "A", "Z"})


@functools.cache
def _types() -> Mapping[str, Mapping[str, str]]:
    return {row["code"]: row for row in load_table("gbt7714_types")}


def _escape(value: str) -> str:
    escaped: str = _SPECIAL.sub(r"\\\1", value.replace("{", "(").replace("}", ")"))
    return escaped


def _name(name: str) -> str:
    parts = split_name(name)
    return f"{parts[0]}, {parts[1]}" if parts else "{" + _escape(name) + "}"


def _entry_type(citation: FootnoteCitation) -> str:
    code = citation.type_code or ""
    if code in _ANALYTIC and citation.container:
        return "incollection"
    row = _types().get(code)
    return row["bibtex_type"] if row else "misc"


def default_key(citation: FootnoteCitation) -> str:
    """``smith2017`` from the first Western author, else ``ref2017``, plus a short hash."""
    parts = split_name(citation.authors[0]) if citation.authors else None
    stem = parts[0].lower() if parts else "ref"
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii") or "ref"
    return f"{stem}{citation.year or 'nd'}-{item_id(citation)[4:10]}"


def bibtex_keys(citations: Iterable[FootnoteCitation]) -> list[str]:
    """A distinct key for each citation (``-2``, ``-3`` appended to repeats)."""
    seen: dict[str, int] = {}
    keys = []
    for citation in citations:
        key = default_key(citation)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return keys


def to_bibtex(citation: FootnoteCitation, key: str | None = None) -> str:
    """One BibTeX entry ending in a newline (``key`` defaults to ``default_key``)."""
    entry = _entry_type(citation)
    container_field = {"article": "journal", "newspaper": "journal", "online": "organization"}.get(entry, "booktitle")
    fields: list[tuple[str, str | None]] = [
        ("author", " and ".join(_name(n) for n in citation.authors) + (" and others" if citation.et_al else "")),
        ("title", _escape(citation.title if citation.title is not None else citation.raw)),
        (container_field, _escape(citation.container) if citation.container else None),
        ("editor", " and ".join(_name(n) for n in citation.container_authors)),
        ("translator", " and ".join(_name(n) for n in citation.translators)),
        ("edition", _escape(citation.edition) if citation.edition else None),
        ("address", _escape(citation.place) if citation.place else None),
        ("publisher", _escape(citation.publisher) if citation.publisher else None),
        ("year", str(citation.year) if citation.year is not None else None),
        ("date", citation.date),
        ("volume", _escape(citation.volume) if citation.volume else None),
        ("number", _escape(citation.issue or citation.number or "") or None),
        ("pages", citation.pages.replace("-", "--") if citation.pages else None),
        ("url", citation.url),
        ("doi", citation.doi),
        ("urldate", citation.access_date),
        ("language", ("zh" if is_chinese(citation) else "en") if citation.title is not None else None),
        ("mark", citation.type_code),
        ("medium", citation.carrier),
    ]
    lines = [f"@{entry}{{{key or default_key(citation)},"]
    lines.extend(f"  {name} = {{{value}}}," for name, value in fields if value)
    lines.append("}")
    return "\n".join(lines) + "\n"
