"""Fixture documents we wrote: golden JSON beside each, and hand-written truth.

Regenerate the golden files with ``AGGLO_GEN_GOLDEN=1 pytest tests/test_fixtures.py``
and review the diff like code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agglo_extract import BulletinIssue, parse
from agglo_extract.export.json import from_json, to_json
from helpers import FIXTURES, GEN_GOLDEN

BULLETINS = sorted((FIXTURES / "issues").glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt"))


def test_fixture_glob_is_not_empty() -> None:
    assert len(BULLETINS) >= 3


def test_golden_flag_is_off() -> None:
    assert not GEN_GOLDEN, "AGGLO_GEN_GOLDEN=1 rewrites the golden files: unset it before committing"


def _golden(path: Path) -> Path:
    return path.with_suffix(".json")


JOURNALS = sorted((FIXTURES / "journals").glob("*.txt"))


@pytest.mark.parametrize("path", BULLETINS + JOURNALS, ids=[p.stem for p in BULLETINS + JOURNALS])
def test_fixture_matches_golden_json(path: Path) -> None:
    document = parse(path.read_bytes())
    text = to_json(document) + "\n"
    golden = _golden(path)
    if GEN_GOLDEN:
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run with AGGLO_GEN_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")
    assert from_json(text) == document


def _same(value: Any, truth: Any) -> bool:
    """Compare a parsed value with a hand-written one (numbers may be written as strings)."""
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, int) and isinstance(truth, str):
        return str(value) == truth
    return bool(value == truth)


@pytest.mark.parametrize("path", BULLETINS, ids=[p.stem for p in BULLETINS])
def test_fixture_matches_hand_written_truth(path: Path) -> None:
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    issue = parse(path.read_bytes())
    assert isinstance(issue, BulletinIssue)
    for name in ("title", "theme", "category", "issue_number", "year", "publication_date", "publisher"):
        assert _same(getattr(issue, name), truth[name]), name
    assert issue.editorial is not None and issue.contact is not None
    for name, expected in truth["editorial"].items():
        assert _same(getattr(issue.editorial, name), expected), name
    for name, expected in truth["contact"].items():
        assert _same(getattr(issue.contact, name), expected), name
    assert [(e.section, e.title, e.page) for e in issue.toc] == [
        (e["section"], e["title"], int(e["page"])) for e in truth["toc"]
    ]
    assert issue.editor_note is not None
    assert issue.editor_note.startswith(truth["editor_note_starts"])
    assert issue.editor_note.endswith(truth["editor_note_ends"])
    assert len(issue.articles) == len(truth["articles"])
    for article, expected in zip(issue.articles, truth["articles"]):
        assert article.title == expected["title"]
        assert (article.section, article.page) == (expected["section"], int(expected["page"]))
        assert [m.marker for m in article.title_markers] == expected["title_markers"]
        assert [b.text for b in article.blocks if b.type == "heading"] == expected["headings"]
        paragraphs = [b.text for b in article.blocks if b.type == "paragraph"]
        assert len(paragraphs) == expected["paragraph_count"], article.title
        assert paragraphs == expected["paragraphs"], article.title
        assert [f.marker for f in article.footnotes] == expected["footnote_markers"]
        tables = [(t.number, t.caption, [r.city for r in t.city_roles]) for t in article.tables]
        assert tables == [(int(t["number"]), t["caption"], t["cities"]) for t in expected["tables"]]
        for joined in expected["joined_sentences"]:
            assert any(joined in p for p in paragraphs), joined


def test_gbk_copy_gives_the_same_document() -> None:
    utf8 = parse((FIXTURES / "issues" / "bulletin_changjiang.txt").read_bytes())
    gbk = parse((FIXTURES / "issues" / "encodings" / "bulletin_changjiang.gbk.txt").read_bytes())
    assert gbk.source.encoding == "gb18030"
    assert to_json(gbk.model_copy(update={"source": utf8.source})) == to_json(utf8)


@pytest.mark.parametrize("path", BULLETINS + JOURNALS, ids=[p.stem for p in BULLETINS + JOURNALS])
def test_every_fact_span_is_exact_in_its_block(path: Path) -> None:
    document = parse(path.read_bytes())
    parts = document.articles if isinstance(document, BulletinIssue) else [document]
    found = 0
    for part in parts:
        for fact in part.facts:
            assert part.blocks[fact.block_index].text[fact.start : fact.end] == fact.text
            found += 1
    assert found > 10


@pytest.mark.parametrize("path", BULLETINS + JOURNALS, ids=[p.stem for p in BULLETINS + JOURNALS])
def test_every_diagnostic_code_is_registered(path: Path) -> None:
    from agglo_extract.models import DIAGNOSTIC_CODES

    document = parse(path.read_bytes())
    assert {d.code for d in document.diagnostics} <= DIAGNOSTIC_CODES
