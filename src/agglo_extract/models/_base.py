"""The base of every model: frozen, closed, typed; shared field types.

Nothing here parses: models describe what the library returns.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"
"""Version of the output contract; bump it and add a CHANGELOG line when schemas/ changes."""

IsoDate = Annotated[
    str,
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD"),
]


class Model(BaseModel):
    """Base of all output models: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(Model):
    """Where something stands in the input, so a user can check it against the page.

    ``start``/``end`` are indexes into the decoded input text (end exclusive);
    ``line`` is 1-based in that text; ``page`` is the printed page number when
    known and ``pdf_page`` the 1-based page index of a PDF.
    """

    page: int | None = None
    pdf_page: int | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None
    bbox: tuple[float, float, float, float] | None = None
