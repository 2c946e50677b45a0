"""Tables, and the city-role rows read from a city table."""

from __future__ import annotations

from ._base import Location, Model


class CityRole(Model):
    """One city of a city-role table: its advantages and functional role (功能定位)."""

    city: str
    advantages: str | None = None
    roles: str | None = None
    city_code: str | None = None


class Table(Model):
    """A table as printed, with its caption (``表1 …``) when there is one."""

    number: int | None = None
    caption: str | None = None
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    city_roles: tuple[CityRole, ...] = ()
    location: Location | None = None
