"""A footnote or reference-list entry as a GB/T 7714 citation."""

from __future__ import annotations

from ._base import IsoDate, Location, Model


class FootnoteCitation(Model):
    """A note printed under a page (or in a 参考文献 list), read as a GB/T 7714 reference.

    ``marker`` is ``""`` for a citation parsed on its own (``parse_citation``).
    """

    marker: str = ""
    raw: str
    authors: tuple[str, ...] = ()
    title: str | None = None
    type_code: str | None = None
    carrier: str | None = None
    container: str | None = None
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    date: IsoDate | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    url: str | None = None
    doi: str | None = None
    access_date: IsoDate | None = None
    update_date: IsoDate | None = None
    warnings: tuple[str, ...] = ()
    location: Location | None = None
