"""Administrative divisions and city clusters: name → code, and mentions in running text.

The gazetteer (``data/gazetteer.tsv``) holds provinces, prefecture-level and
county-level units with their National Bureau of Statistics codes;
``data/city_clusters.tsv`` the national city clusters and economic zones.

>>> city_code("南宁")
'450100'
>>> city_code("南宁市")
'450100'
>>> city_code("朝阳区") is None   # 北京 and 长春 both have one
True
>>> [(p.text, p.code) for p in find_places("北部湾经济区四市和泸州")]
[('北部湾经济区', 'EZ01'), ('泸州', '510500')]
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from ..data import load_table

__all__ = ["Place", "PlaceMatch", "city_code", "find_places", "place_names", "starts_place"]

_LEVEL_ORDER = ("prefecture", "province", "county")
_DIVISION_SUFFIXES = ("市", "县", "区", "旗", "省")


@dataclass(frozen=True, slots=True)
class Place:
    """A division (``level`` province/prefecture/county) or a cluster (``level`` city_cluster/economic_zone).

    ``valid_to`` is the last year of a division that no longer exists (崇文区: 2010).
    """

    code: str
    name: str
    level: str
    valid_to: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in text: ``text == source[start:end]``; ``code`` is None when the name is ambiguous."""

    start: int
    end: int
    text: str
    code: str | None
    level: str


@functools.cache
def _index() -> tuple[Mapping[str, tuple[Place, ...]], Mapping[str, tuple[Place, ...]]]:
    """(full names and cluster names, short names) → places."""
    full: dict[str, list[Place]] = {}
    short: dict[str, list[Place]] = {}
    for row in load_table("gazetteer"):
        place = Place(row["adcode"], row["name"], row["level"], row["valid_to"])
        full.setdefault(row["name"], []).append(place)
        if row["short_name"]:
            short.setdefault(row["short_name"], []).append(place)
    for row in load_table("city_clusters"):
        place = Place(row["id"], row["name"], row["kind"])
        full.setdefault(row["name"], []).append(place)
        for alias in filter(None, row["aliases"].split("|")):
            full.setdefault(alias, []).append(place)
    return (
        {name: tuple(places) for name, places in full.items()},
        {name: tuple(places) for name, places in short.items()},
    )


def _choose(places: tuple[Place, ...]) -> Place | None:
    """The one place a name means: current before abolished, prefecture before province before county.

    A tie is ambiguous (None).
    """
    places = tuple(p for p in places if not p.valid_to) or places
    if len({p.code for p in places}) == 1:
        return places[0]
    for level in _LEVEL_ORDER:
        at_level = {p.code: p for p in places if p.level == level}
        if len(at_level) == 1:
            return next(iter(at_level.values()))
        if at_level:
            return None
    return None


def city_code(name: str) -> str | None:
    """The division code of a place name, full (南宁市) or short (南宁); None when unknown or ambiguous.

    >>> city_code("防城港"), city_code("吉林"), city_code("北京")
    ('450600', '220200', '110000')
    """
    key = "".join(name.split())
    full, short = _index()
    places = tuple(p for p in full.get(key, ()) if p.level in _LEVEL_ORDER)
    if not places:
        places = short.get(key, ())
    chosen = _choose(places) if places else None
    return chosen.code if chosen else None


@functools.cache
def _lengths_by_first_character() -> Mapping[str, tuple[int, ...]]:
    """For each first character of a matchable name, the name lengths, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in _matchable()[0]:
        lengths.setdefault(name[0], set()).add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


@functools.cache
def _matchable() -> tuple[Mapping[str, tuple[Place, ...]], int]:
    """Names found in free text: full names, clusters, and short names of provinces and prefectures.

    County short names (新建, 东方…) are too often ordinary words; they only
    match with their suffix, and two-character county names (城区, 郊区) not at all.
    """
    full, short = _index()
    names: dict[str, tuple[Place, ...]] = {
        name: places for name, places in full.items() if len(name) > 2 or places[0].level != "county"
    }
    for name, places in short.items():
        kept = tuple(p for p in places if p.level != "county")
        if kept and name not in names:
            names[name] = kept
    return names, max(len(name) for name in names)


def place_names() -> tuple[str, ...]:
    """Every name :func:`find_places` can match (for a tokenizer's user dictionary)."""
    return tuple(_matchable()[0])


def find_places(text: str) -> list[PlaceMatch]:
    """Place mentions in ``text``, longest match first, left to right, never overlapping."""
    names = _matchable()[0]
    lengths = _lengths_by_first_character()
    matches: list[PlaceMatch] = []
    index, size = 0, len(text)
    while index < size:
        for length in lengths.get(text[index], ()):
            if index + length > size:
                continue
            candidate = text[index : index + length]
            places = names.get(candidate)
            if places is None or text[index + length : index + length + 1] == "群":
                continue  # 沿海城市群 is no mention of 海城市
            chosen = _choose(places)
            matches.append(
                PlaceMatch(
                    index,
                    index + length,
                    candidate,
                    chosen.code if chosen else None,
                    chosen.level if chosen else places[0].level,
                )
            )
            index += length
            break
        else:
            index += 1
    return matches


def starts_place(text: str, index: int) -> bool:
    """Whether a place name (full, or short name of a province or prefecture) starts at ``index`` (七台河)."""
    names = _matchable()[0]
    return any(
        text[index : index + length] in names
        for length in _lengths_by_first_character().get(text[index : index + 1], ())
    )
