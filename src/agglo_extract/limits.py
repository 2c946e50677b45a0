"""Limits on what one ``parse`` call may take: input size and pattern time.

``Limits`` is an option of ``parse``; a larger input raises ``InputTooLarge``
naming the limit and the size. Every compiled pattern runs with the `regex`
module's ``timeout``: the budget is read from a context variable that
``parse`` sets from ``Limits.pattern_timeout`` (the default applies to direct
calls of ``parse_citation`` and ``find_facts``). A pattern that runs out of
time raises ``TimeoutError`` inside the library; ``parse`` turns it into a
``pattern-timeout`` diagnostic, and the public recognisers into
``PatternTimeout`` (an ``AggloExtractError``).

>>> Limits().max_bytes
67108864
>>> Limits(max_bytes=10).check_size(11, what="the input")
Traceback (most recent call last):
...
agglo_extract.errors.InputTooLarge: the input is 11 bytes, above the limit max_bytes=10
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from .errors import AggloExtractError, InputTooLarge

__all__ = ["PATTERN_TIMEOUT_CHARS", "Limits", "PatternTimeout", "pattern_timeout", "timeout_for"]

PATTERN_TIMEOUT_CHARS = 65_536
"""``Limits.pattern_timeout`` is the budget of one pattern call on this many characters; longer texts get more."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Size and time limits of one ``parse`` call; ``None`` turns a limit off.

    - ``max_bytes``: the input's size (a ``str`` counts its UTF-8 bytes); 64 MiB.
    - ``max_chars``: the decoded text's length in characters; no limit by default.
    - ``max_line_chars``: the longest line, in characters; no limit by default.
    - ``max_pages``: pages of a PDF; 5,000.
    - ``pattern_timeout``: seconds one pattern may run on 64 Ki characters (a
      longer text gets proportionally more); 1 s. Running out of time gives a
      ``pattern-timeout`` diagnostic, never a hang.
    """

    max_bytes: int | None = 64 * 1024 * 1024
    max_chars: int | None = None
    max_line_chars: int | None = None
    max_pages: int | None = 5000
    pattern_timeout: float | None = 1.0

    def check_size(self, size: int, *, what: str = "the input", path: str | None = None) -> None:
        """Raise ``InputTooLarge`` when ``size`` bytes exceed ``max_bytes``."""
        _check(size, self.max_bytes, "max_bytes", f"{what} is {size:,} bytes", path)

    def check_text(self, text: str, *, path: str | None = None) -> None:
        """Raise ``InputTooLarge`` when the decoded text or one of its lines is too long."""
        _check(len(text), self.max_chars, "max_chars", f"the text is {len(text):,} characters", path)
        if self.max_line_chars is None or len(text) <= self.max_line_chars:
            return
        start, line = 0, 1
        while start <= len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            where = f"line {line}"
            _check(end - start, self.max_line_chars, "max_line_chars", f"{where} is {end - start:,} characters", path)
            start, line = end + 1, line + 1

    def check_pages(self, pages: int, *, path: str | None = None) -> None:
        """Raise ``InputTooLarge`` when a PDF has more than ``max_pages`` pages."""
        _check(pages, self.max_pages, "max_pages", f"the PDF has {pages:,} pages", path)


def _check(size: int, limit: int | None, name: str, said: str, path: str | None) -> None:
    if limit is not None and size > limit:
        raise InputTooLarge(f"{said}, above the limit {name}={limit:,}", path=path)


class PatternTimeout(AggloExtractError, TimeoutError):
    """A pattern ran longer than ``Limits.pattern_timeout`` (raised by ``parse_citation`` and ``find_facts``)."""

    code = "pattern-timeout"


_TIMEOUT: ContextVar[float | None] = ContextVar("agglo_extract_pattern_timeout", default=Limits().pattern_timeout)


@contextlib.contextmanager
def pattern_timeout(seconds: float | None) -> Iterator[None]:
    """Run the block with ``seconds`` as the pattern budget (``None``: no time-out)."""
    token = _TIMEOUT.set(seconds)
    try:
        yield
    finally:
        _TIMEOUT.reset(token)


def timeout_for(size: int) -> float | None:
    """The time-out of one pattern call on ``size`` characters: the budget, scaled past 64 Ki characters."""
    seconds = _TIMEOUT.get()
    if seconds is None or size <= PATTERN_TIMEOUT_CHARS:
        return seconds
    return seconds * size / PATTERN_TIMEOUT_CHARS
