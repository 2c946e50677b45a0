"""Where a document came from."""

from __future__ import annotations

from typing import Literal

from ._base import Model


class Source(Model):
    """The input a document was parsed from."""

    path: str | None = None
    sha256: str
    format: Literal["text", "pdf"]
    pages: int | None = None
    encoding: str | None = None
