"""A numeric fact found in a sentence."""

from __future__ import annotations

from ._base import Location, Model


class NumericFact(Model):
    """A number with its unit and what it measures.

    ``blocks[block_index].text[start:end] == text`` always holds; ``location``
    is where the fact stands in the input (line, offsets, and for a PDF the
    page and the box of the printed line).

    ``value`` is scaled by 万/亿/千 and the unit factor into ``unit``; a fall
    (下降, 减少 with a percent, times or percentage-point unit) is negative.
    A range (``3-5年``, ``10%～15%``) has its low end in ``value`` and its
    high end in ``value_max``. A rate (``每秒 500 单``) names its time unit in
    ``per``.
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
    value_max: float | None = None
    per: str | None = None
    location: Location | None = None
