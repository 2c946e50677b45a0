"""The catalogue of bad inputs (tests/bad_inputs/catalogue.toml): each gives its expected error or diagnostics."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import regex
import tomllib

from agglo_extract import AggloExtractError, errors, parse, to_json
from agglo_extract.models import DIAGNOSTIC_CODES
from helpers import ROOT, output_strings

CATALOGUE = ROOT / "tests" / "bad_inputs"
ENTRIES: list[dict[str, Any]] = tomllib.loads((CATALOGUE / "catalogue.toml").read_text("utf-8"))["entry"]
_KEYS = {"name", "file", "recipe", "error", "code", "diagnostics", "absent", "counts", "encoding", "kept",
         "table_columns", "citation_warnings", "max_seconds", "xfail"}
_HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d]")
_LEADING_ZEROS = regex.compile(r"(?<!\d)0+(?=\d)")


def build(recipe: dict[str, Any]) -> str:
    """The input a recipe describes: each part repeated ``times`` times or up to ``size`` UTF-8 bytes."""
    pieces: list[str] = []
    for part in recipe["parts"]:
        text: str = part["text"]
        times = -(-part["size"] // len(text.encode("utf-8"))) if "size" in part else part.get("times", 1)
        pieces.extend(text.format(i=i) if part.get("indexed") else text for i in range(times))
    return "".join(pieces)


def source_of(entry: dict[str, Any]) -> str | Path:
    if "recipe" in entry:
        return build(entry["recipe"])
    here = CATALOGUE / entry["file"]
    return here if here.exists() else ROOT / entry["file"]


def han_and_digits(texts: list[str]) -> Counter[str]:
    """Han characters and digits, a number's leading zeros left out (a page 05 is kept as the int 5)."""
    return Counter(char for text in texts for char in _HAN_OR_DIGIT.findall(_LEADING_ZEROS.sub("", text)))


_CAPTION_LABEL = regex.compile(r"(?m)^[ ]*表(?=[ ]*\d)")  # 表1 城市数据: the number is kept in Table.number


def input_text(entry: dict[str, Any], source: str | Path) -> str:
    text = source if isinstance(source, str) else source.read_bytes().decode(entry.get("encoding", "utf-8"), "replace")
    return str(_CAPTION_LABEL.sub("", text))


def test_every_entry_is_well_formed() -> None:
    assert len(ENTRIES) >= 14
    names = [entry["name"] for entry in ENTRIES]
    assert len(names) == len(set(names))
    for entry in ENTRIES:
        assert set(entry) <= _KEYS, entry["name"]
        assert ("file" in entry) != ("recipe" in entry), entry["name"]
        assert ("error" in entry) == ("code" in entry), entry["name"]
        expected = {*entry.get("diagnostics", ()), *entry.get("absent", ()), *entry.get("counts", {})}
        assert expected <= DIAGNOSTIC_CODES, entry["name"]
        if "file" in entry:
            source = source_of(entry)
            assert isinstance(source, Path) and source.is_file(), entry["name"]
            assert source.stat().st_size < 100_000, "big entries are generated from a recipe, not committed"


def _param(entry: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=entry["xfail"], strict=True)] if "xfail" in entry else []
    return pytest.param(entry, id=entry["name"], marks=marks)


@pytest.mark.parametrize("entry", [_param(entry) for entry in ENTRIES])
def test_entry_gives_its_expected_outcome(entry: dict[str, Any]) -> None:
    source = source_of(entry)
    started = time.perf_counter()
    if "error" in entry:
        error_class = getattr(errors, entry["error"])
        assert issubclass(error_class, AggloExtractError)
        with pytest.raises(error_class) as raised:
            parse(source)
        assert raised.value.code == entry["code"]
        assert raised.value.message
        return
    document = parse(source)
    seconds = time.perf_counter() - started
    codes = Counter(d.code for d in document.diagnostics)
    assert set(codes) <= DIAGNOSTIC_CODES
    assert set(entry.get("diagnostics", ())) <= set(codes)
    assert not set(entry.get("absent", ())) & set(codes)
    for code, count in entry.get("counts", {}).items():
        assert codes[code] == count, code
    if "encoding" in entry:
        assert document.source.encoding == entry["encoding"]
    if "max_seconds" in entry:
        assert seconds < entry["max_seconds"]
    if "table_columns" in entry:
        tables = [t for a in getattr(document, "articles", [document]) for t in a.tables]
        assert len(tables[0].header) == entry["table_columns"]
    for prefix, count in entry.get("citation_warnings", {}).items():
        notes = [n for a in getattr(document, "articles", [document]) for n in a.footnotes]
        assert sum(any(w.startswith(prefix) for w in n.warnings) for n in notes) == count
    if entry.get("kept", True):
        missing = han_and_digits([input_text(entry, source)]) - han_and_digits(output_strings(document))
        assert not missing, f"lost: {''.join(sorted(missing.elements()))[:200]}"
    to_json(document)
