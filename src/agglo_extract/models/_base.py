"""The base of every model: frozen, closed, typed; shared field types.

Nothing here parses: models describe what the library returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1.0"
"""Version of the output contract; bump it and add a CHANGELOG line when schemas/ changes."""

IsoDate = Annotated[
    str,
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD"),
]


class Model(BaseModel):
    """Base of all output models: immutable, no unknown fields.

    Every field of an output model counts as set (``model_fields_set`` is all
    of them, shared by the instances of a class): pydantic's own set per
    instance made up a third of a parsed document's memory.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", _all_fields(type(self)))

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied (not validated, as in pydantic)."""
        copied = super().model_copy(deep=deep)
        if update:
            copied.__dict__.update(update)
        return copied


@cache
def _all_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(model.model_fields)


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
