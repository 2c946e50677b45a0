"""A numeric fact found in a sentence."""

from __future__ import annotations

from ._base import Model


class NumericFact(Model):
    """A number with its unit and what it measures.

    ``blocks[block_index].text[start:end] == text`` always holds.
    """

    text: str
    block_index: int = 0
    start: int
    end: int
    value: float
    unit: str
    raw_unit: str
    kind: str
    qualifier: str | None = None
    metric: str | None = None
    subject: str | None = None
    period: str | None = None
