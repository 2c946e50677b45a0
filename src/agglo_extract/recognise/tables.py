"""Tables: a printed grid as a ``Table``; a city table's rows as ``CityRole`` values.

A table is a city-role table when one header cell names a city column and
another names roles or advantages (words in ``data/table_headers.tsv``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from ..data import load_table
from ..models import CityRole

CityCode = Callable[[str], "str | None"]


@functools.cache
def _header_words() -> tuple[tuple[str, str], ...]:
    rows = [(row["word"], row["column"]) for row in load_table("table_headers")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def header_columns(header: Sequence[str]) -> dict[str, int]:
    """Which header cell holds the city, the advantages and the roles.

    >>> header_columns(["城市", "主要优势", "功能定位"])
    {'city': 0, 'advantages': 1, 'roles': 2}
    """
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        for word, column in _header_words():
            if word in cell:
                columns.setdefault(column, index)
                break
    return columns


def find_city_roles(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, city_code: CityCode | None = None
) -> tuple[CityRole, ...]:
    """City roles of a city table (empty for any other table).

    >>> roles = find_city_roles(["城市", "主要优势", "功能定位"], [["柳州", "工业基础雄厚", "先进制造业基地"]])
    >>> roles[0].city, roles[0].roles
    ('柳州', '先进制造业基地')
    """
    columns = header_columns(header)
    if "city" not in columns or not ({"roles", "advantages"} & columns.keys()):
        return ()

    def cell(row: Sequence[str], name: str) -> str | None:
        index = columns.get(name)
        return (row[index] or None) if index is not None and index < len(row) else None

    roles: list[CityRole] = []
    for row in rows:
        city = cell(row, "city")
        if not city:
            continue
        code = city_code(city) if city_code else None
        roles.append(CityRole(city=city, advantages=cell(row, "advantages"), roles=cell(row, "roles"), city_code=code))
    return tuple(roles)
