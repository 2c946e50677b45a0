"""The one place that imports jieba: a private tokenizer with our user dictionary.

jieba is imported on first use, not when the package is imported. The
tokenizer is private (``jieba.Tokenizer()``), so the caller's global jieba
dictionary is never touched; its user words are the gazetteer's place names,
the city clusters and ``data/domain_terms.tsv``, so that 防城港 or
规模以上工业增加值 stay whole. jieba's dictionary cache goes to the user's
cache directory (``$XDG_CACHE_HOME/agglo_extract``) or the temp directory,
never into the package.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from ..data import load_table
from .places import place_names

__all__ = ["load_seconds", "tokenize"]

_PLACE_FREQ = 20_000
_TERM_FREQ = 50_000
_load_seconds: list[float] = []


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    directory = Path(base) / "agglo_extract"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return tempfile.gettempdir()
    return str(directory) if os.access(directory, os.W_OK) else tempfile.gettempdir()


@functools.cache
def _tokenizer() -> Any:
    import time

    started = time.perf_counter()
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = _cache_dir()
    tokenizer.initialize()
    for name in place_names():
        tokenizer.add_word(name, _PLACE_FREQ)
    for row in load_table("domain_terms"):
        if row["type"] in {"metric", "subject_suffix", "scope"}:
            tokenizer.add_word(row["term"], _TERM_FREQ)
    _load_seconds.append(time.perf_counter() - started)
    return tokenizer


def load_seconds() -> float | None:
    """How long the first load took (None before it)."""
    return _load_seconds[0] if _load_seconds else None


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for every word of ``text`` (no HMM: unknown words stay as characters)."""
    if not text:
        return []
    return [(word, start, end) for word, start, end in _tokenizer().tokenize(text, HMM=False)]
