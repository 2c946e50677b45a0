"""Package data tables (UTF-8 TSV with a ``# source:`` line and a header row), loaded once.

Tables are inputs to behaviour, never to the schema. Every file starts with
``# source: …``; further ``#`` lines are comments; the first other line is the
header.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Mapping
from types import MappingProxyType

Row = Mapping[str, str]


class DataTableError(ValueError):
    """A package data table is malformed (a packaging bug, not a data problem)."""


@functools.cache
def load_table(name: str) -> tuple[Row, ...]:
    """Rows of ``data/<name>.tsv`` as read-only mappings from column to value.

    >>> any(row["char"] == "％" for row in load_table("char_fold"))
    True
    """
    text = importlib.resources.files(__package__).joinpath(f"{name}.tsv").read_text("utf-8")
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# source:"):
        raise DataTableError(f"{name}.tsv: the first line must be '# source: …'")
    header: list[str] | None = None
    rows: list[Row] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise DataTableError(f"{name}.tsv:{number}: {len(cells)} cells, header has {len(header)}")
        rows.append(MappingProxyType(dict(zip(header, cells))))
    return tuple(rows)


def decode_cell(value: str) -> str:
    r"""Undo the escapes a TSV cell may use for invisible characters (``\u3000``, ``\t``).

    >>> decode_cell("\\u3000")
    '\u3000'
    """
    if "\\" not in value:
        return value
    return value.encode("ascii", "backslashreplace").decode("unicode_escape")
