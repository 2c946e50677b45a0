"""A footnote or reference-list entry as a GB/T 7714 citation."""

from __future__ import annotations

from ._base import IsoDate, Location, Model


class FootnoteCitation(Model):
    """A note printed under a page (or in a 参考文献 list), read as a GB/T 7714 reference.

    ``marker`` is ``""`` for a citation parsed on its own (``parse_citation``).

    ``year`` is filled whenever the publication year is known; ``date`` only
    when more than a year is printed (``2017-04-20``, ``2017-04``), and then
    ``year == int(date[:4])``. ``update_date`` is the ``(2017-03-01)`` of an
    online resource, ``access_date`` the ``[2017-10-26]`` (or the trailing
    ``, 2017-10-26`` after a URL).

    Fields beyond the contract: ``et_al`` (the author list ends in ``等`` /
    ``et al.``), ``container_authors`` (the editors after ``//``), ``edition``
    (版本项 such as ``2版``, ``3rd ed``), ``number`` (a standard, patent or
    report number such as ``GB/T 3792.4—2009``) and ``translators`` (the
    其他责任者 statement ``方海萍, 译``).
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
    et_al: bool = False
    container_authors: tuple[str, ...] = ()
    edition: str | None = None
    number: str | None = None
    translators: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    location: Location | None = None
