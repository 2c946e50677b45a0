"""The GB/T 7714 recogniser against the case table (fixtures/citations/*.jsonl) and seed 000.

Every case lists the fields it expects; a field it does not list must keep
its default. ``warnings`` are compared by code (the text before ``:``), in order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from agglo_extract.errors import CitationSyntaxError
from agglo_extract.export.gbt7714 import format_gbt7714
from agglo_extract.models import FootnoteCitation
from agglo_extract.recognise.bibliography import build_bibliography
from agglo_extract.recognise.citation import parse_citation, parse_footnote

ROOT = Path(__file__).resolve().parents[2]
CASE_FILES = sorted((ROOT / "fixtures" / "citations").glob("*.jsonl"))
SEED = ROOT.parent / "shared" / "seeds" / "000_7cf66135544dacb7.txt"

FIELDS = (
    "authors", "et_al", "title", "type_code", "carrier", "container", "container_authors", "edition",
    "place", "publisher", "year", "date", "volume", "issue", "pages", "number", "url", "doi",
    "access_date", "update_date", "translators", "warnings",
)  # fmt: skip


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in CASE_FILES:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                cases.append(json.loads(line))
    return cases


CASES = load_cases()


def actual_fields(citation: FootnoteCitation) -> dict[str, Any]:
    """The compared fields of a citation, as JSON values (tuples as lists, warnings as codes)."""
    values = citation.model_dump(mode="json", include=set(FIELDS))
    values["warnings"] = [w.split(":", 1)[0] for w in citation.warnings]
    return values


def expected_fields(expected: dict[str, Any]) -> dict[str, Any]:
    """``expected`` completed with the defaults of the fields it does not list."""
    defaults = FootnoteCitation(raw="x").model_dump(mode="json", include=set(FIELDS))
    return {**defaults, **expected}


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_case_table_is_large_and_well_formed() -> None:
    assert CASE_FILES, "no fixtures/citations/*.jsonl"
    assert len(CASES) >= 200
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert case["group"] in {"seed-like", "new", "bugs_caught"}
        assert set(case["expected"]) <= {*FIELDS, "error"}, case["id"]


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    if case["expected"].get("error"):
        with pytest.raises(CitationSyntaxError) as info:
            parse_citation(case["text"])
        start, end = info.value.span
        assert 0 <= start <= end <= len(case["text"])
        return
    citation = parse_citation(case["text"])
    assert actual_fields(citation) == expected_fields(case["expected"])
    assert citation.marker == ""
    assert citation.raw == " ".join(case["text"].split())


def test_citation_syntax_error_is_a_value_error_with_a_caret() -> None:
    with pytest.raises(ValueError, match="type code") as info:
        parse_citation("资料来源：统计公报")
    assert isinstance(info.value, CitationSyntaxError)
    assert info.value.span == (0, 9)
    assert "^^^^^^^^^" in str(info.value)


def test_parse_footnote_never_raises_and_keeps_the_marker() -> None:
    note = parse_footnote("同上。", marker="③")
    assert (note.marker, note.raw, note.title) == ("③", "同上。", None)
    assert note.warnings[0].startswith("not a citation:")
    cited = parse_footnote(" 方园. 城市群[J]. 学刊, 2017(1): 1-9.", marker="①")
    assert (cited.marker, cited.title, cited.raw) == ("①", "城市群", "方园. 城市群[J]. 学刊, 2017(1): 1-9.")


@pytest.mark.parametrize("text", ["", "[", "[J]", ". [J].", "[[[[J]]]]", "http://", "//[M]//", "a" * 5000 + "[J]"])
def test_parse_footnote_on_junk(text: str) -> None:
    note = parse_footnote(text, marker="①")
    assert note.marker == "①"


def test_repairs_come_with_warnings() -> None:
    plain = parse_citation("王强. 城市群[J]. 学刊, 2017(1): 1-9.")
    assert plain.warnings == ()
    repaired = parse_citation("王强. 城市群[J]. 学刊, 201701-09")
    codes = [w.split(":")[0] for w in repaired.warnings]
    assert codes == ["date-repaired", "full-stop-missing"]
    assert repaired.date == "2017-01-09"


# ---- seed 000: every note parsed, no wrong field --------------------------------------------

NOTE_START = re.compile(r"^\^\s*([①-⑳])\s*(.*)$")


def seed_notes() -> list[tuple[str, str]]:
    """``(marker, note)`` for every footnote of seed 000; a line that is only a URL continues the note."""
    notes: list[tuple[str, str]] = []
    for line in SEED.read_text("utf-8").splitlines():
        match = NOTE_START.match(line)
        if match:
            notes.append((match[1], match[2]))
        elif notes and re.match(r"^\s*<?https?://", line):
            marker, text = notes[-1]
            notes[-1] = (marker, f"{text}\n{line}")
    return notes


needs_seed = pytest.mark.skipif(not SEED.exists(), reason="seed folder ../shared/seeds is absent")


@pytest.mark.seed
@needs_seed
def test_seed_notes_all_parse() -> None:
    notes = seed_notes()
    assert len(notes) == 16
    for marker, text in notes:
        citation = parse_footnote(text, marker=marker)
        assert citation.title and citation.type_code, text
        assert not [w for w in citation.warnings if w.startswith(("not a citation", "segment-unplaced"))], text
        if citation.url is None:
            assert "http" not in text
        assert citation.year is not None or citation.access_date is not None, text


@pytest.mark.seed
@needs_seed
def test_seed_notes_fields() -> None:
    by_title = {}
    for marker, text in seed_notes():
        citation = parse_footnote(text, marker=marker)
        by_title[citation.title] = citation
    journal = next(c for c in by_title.values() if c.type_code == "J" and c.issue == "1")
    assert (journal.year, journal.pages, journal.volume, journal.carrier) == (2017, "15-24", None, None)
    spaced = next(c for c in by_title.values() if c.issue == "22")
    assert (spaced.year, spaced.pages) == (2015, "162-163")
    online = [c for c in by_title.values() if c.type_code == "EB"]
    assert online and all(c.access_date == "2017-10-26" and c.url and c.year is None for c in online)
    repaired = next(c for c in by_title.values() if any(w.startswith("date-repaired") for w in c.warnings))
    assert (repaired.date, repaired.year, len(repaired.authors)) == ("2017-11-10", 2017, 2)
    unknown = next(c for c in by_title.values() if c.type_code == "IN")
    assert any(w.startswith("type-code-unknown") for w in unknown.warnings)
    assert unknown.url is not None and unknown.url.endswith(".shtml") and unknown.date == "2014-03-26"
    paged = next(c for c in by_title.values() if c.pages == "010")
    assert (paged.date, paged.authors, paged.type_code, paged.carrier) == ("2017-01-16", (), "N", "OL")
    for citation in by_title.values():
        if citation.type_code == "N":
            assert citation.container and citation.date and citation.year == int(citation.date[:4])
            assert "-" in (citation.container or "") or len(citation.container or "") <= 8


SEED_WARNINGS = {"url-angle-brackets", "url-line-break", "date-repaired", "type-code-unknown"}


@pytest.mark.seed
@needs_seed
@pytest.mark.parametrize("index", range(16))
def test_seed_note_has_no_wrong_field(index: int) -> None:
    """Each seed note, field by field against its own text (no seed text is copied into this file).

    Every value must stand where the grammar puts it in the raw note, and the
    citation must survive rendering and reading back.
    """
    marker, text = seed_notes()[index]
    c = parse_footnote(text, marker=marker)
    raw = c.raw
    bracket = raw.index("[")
    assert c.title and raw.index(c.title) + len(c.title) == bracket
    assert c.type_code in {"J", "N", "EB", "IN"}
    assert f"[{c.type_code}/{c.carrier}]" in raw if c.carrier else f"[{c.type_code}]" in raw
    before_title = raw[: raw.index(c.title)]
    assert all(name in before_title for name in c.authors)
    assert len(before_title.strip(" .")) == 0 or c.authors
    after = raw[bracket:]
    for value in (c.container, c.pages, c.url, c.issue, c.volume):
        assert value is None or value in after
    if c.date is not None:
        assert c.year == int(c.date[:4])
        assert c.date in after or any(w.startswith("date-repaired") for w in c.warnings)
    if c.type_code == "J" and c.date is None:
        assert c.year is not None and f"{c.year}" in after and c.issue and c.pages
    if c.type_code in {"N", "IN"}:
        assert c.container and c.date
    if c.type_code == "EB":
        assert c.url and c.access_date and c.access_date in after and c.container is None
    assert "http" not in raw or (c.url and c.url.startswith("http"))
    assert {w.split(":")[0] for w in c.warnings} <= SEED_WARNINGS
    again = parse_footnote(format_gbt7714(c), marker=marker)
    codes = {w.split(":")[0] for w in again.warnings}
    assert codes <= {"type-code-unknown"}
    assert again.model_copy(update={"raw": raw, "warnings": c.warnings}) == c


@pytest.mark.seed
@needs_seed
def test_seed_repairs_are_exactly_the_two_known_defects() -> None:
    codes = [w.split(":")[0] for _, text in seed_notes() for w in parse_footnote(text, marker="①").warnings]
    assert codes.count("type-code-unknown") == 1
    assert codes.count("date-repaired") == 1


@pytest.mark.seed
@needs_seed
def test_seed_bibliography_has_one_entry_per_work() -> None:
    notes = [(0, i, parse_footnote(text, marker=m)) for i, (m, text) in enumerate(seed_notes())]
    entries = build_bibliography(notes)
    assert len(entries) == 14
    assert sorted(len(e.occurrences) for e in entries)[-2:] == [2, 2]
    assert all(e.citation.marker == "" for e in entries)


# ---- bibliography ----------------------------------------------------------------------------


def test_bibliography_merges_the_same_work_and_keeps_order() -> None:
    a = parse_footnote("周洁. 借力北部湾[N/OL]. 某报. 2017-03-03. http://www.example.cn/1.html.", marker="①")
    b = parse_footnote("周洁.借力北部湾[N/OL].某报,2017-03-03.<https://example.cn/1.html/>.", marker="②")
    c = parse_footnote("周洁. 借力北部湾[N/OL]. 某报. 2017-03-03. http://www.example.cn/2.html.", marker="③")
    d = parse_footnote("方园. 城市群[J]. 学刊, 2016(1): 1-9.", marker="①")
    e = parse_footnote("方园. 城市群[J]. 学刊, 2017(1): 1-9.", marker="②")
    f = parse_footnote("同上。", marker="④")
    g = parse_footnote("方园. 城市群[J]. 学刊, 1-9.", marker="⑤")
    entries = build_bibliography([(0, 0, a), (0, 1, d), (2, 0, b), (2, 1, c), (3, 0, e), (3, 1, f), (4, 0, g)])
    refs = [[(r.article_index, r.footnote_index) for r in entry.occurrences] for entry in entries]
    assert refs == [[(0, 0), (2, 0)], [(0, 1), (4, 0)], [(2, 1)], [(3, 0)]]
    assert entries[0].citation == a.model_copy(update={"marker": ""})
    assert build_bibliography([]) == ()


def test_a_pattern_timeout_is_a_syntax_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from agglo_extract.recognise import _citation_patterns

    monkeypatch.setattr(_citation_patterns, "SHORT", 0)
    monkeypatch.setattr(_citation_patterns, "TIMEOUT", 1e-9)
    text = "王强. 城市群[J]. 学刊, " + "2017, 1" * 200 + "."
    with pytest.raises(CitationSyntaxError, match="pattern timeout"):
        parse_citation(text)
    assert parse_footnote(text, marker="①").warnings[0].startswith("not a citation: pattern timeout")
