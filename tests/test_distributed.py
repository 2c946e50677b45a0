"""The distributed recipe of docs/batch.md (a Dask bag over paths), run locally; parse results pickle.

The Dask tests run when the ``dask`` extra is installed (``pip install
agglo-extract[dask]``) and are skipped otherwise. The pickle tests always run:
they are what any engine (Dask, Spark, ``concurrent.futures``) relies on.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import agglo_extract
from agglo_extract.batch import Converted, convert
from agglo_extract.export.flat import FACT_COLUMNS, iter_facts
from agglo_extract.export.json import to_json
from helpers import FIXTURES

TEXTS = sorted(FIXTURES.glob("issues/*.txt")) + sorted(FIXTURES.glob("layouts/*.txt")) + sorted(
    FIXTURES.glob("journals/*.txt")
)
PDFS = sorted(FIXTURES.glob("pdf/*.pdf"))
GBK = FIXTURES / "issues" / "encodings" / "bulletin_changjiang.gbk.txt"
Doc = agglo_extract.BulletinIssue | agglo_extract.JournalArticle


def test_fixture_globs_are_not_empty() -> None:
    assert len(TEXTS) >= 5 and len(PDFS) >= 5


@pytest.fixture(scope="module")
def expected() -> dict[str, Doc]:
    """``parse`` of every fixture (texts, the GBK text and the PDFs), by path."""
    return {str(path): agglo_extract.parse(path) for path in [*TEXTS, GBK, *PDFS]}


def test_parse_results_pickle_round_trip_equal(expected: dict[str, Doc]) -> None:
    for document in expected.values():
        again = pickle.loads(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(again) is type(document)
        assert again == document
        assert to_json(again) == to_json(document)


def test_converted_results_pickle_round_trip_equal(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for result in (convert(PDFS[0]), convert(TEXTS[0]), convert(empty), convert(tmp_path / "missing.pdf")):
        assert pickle.loads(pickle.dumps(result)) == result


def test_parse_is_pure(expected: dict[str, Doc]) -> None:
    """The same input gives the same document, whatever was parsed before: what lets an engine retry or move work."""
    for path in reversed(list(expected)):
        assert agglo_extract.parse(Path(path)) == expected[path]


# --- the recipe (docs/batch.md, "Beyond one machine: a Dask bag") -----------------------------------------------


def _recipe(paths: list[str], out: Path, scheduler: str) -> tuple[list[Converted], list[str]]:
    """What docs/batch.md shows, with its scheduler chosen: results in input order and the JSON Lines written."""
    dask = pytest.importorskip("dask")
    db = pytest.importorskip("dask.bag")

    results = db.from_sequence(paths, npartitions=4).map(convert)
    lines = results.filter(lambda result: result.ok).map(lambda result: to_json(result.document, indent=None))
    writes = lines.to_textfiles(str(out / "part-*.jsonl"), compute=False)
    converted, _ = dask.compute(results, writes, scheduler=scheduler)  # one pass: each file is parsed once
    return list(converted), sorted(str(p) for p in out.glob("part-*.jsonl"))


def _jsonl(files: list[str]) -> Iterator[dict[str, Any]]:
    for name in files:
        for line in Path(name).read_text("utf-8").splitlines():
            yield json.loads(line)


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_bag_recipe(expected: dict[str, Doc], tmp_path: Path, scheduler: str) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes((FIXTURES / "pdf" / "bad" / "truncated.pdf").read_bytes())
    paths = [*expected, str(bad)]
    results, files = _recipe(paths, tmp_path / "out", scheduler)

    assert [result.path for result in results] == paths  # the bag keeps the input order
    for result in results[:-1]:
        assert result.document == expected[result.path]
    failure = results[-1].error
    assert failure is not None and failure.code == "pdf-damaged" and not failure.internal
    written = list(_jsonl(files))
    assert [document["source"]["path"] for document in written] == list(expected)
    assert written == [json.loads(to_json(document)) for document in expected.values()]


def test_dask_bag_of_fact_rows(expected: dict[str, Doc]) -> None:
    """Flat rows from a bag: plain dicts, ready for ``bag.to_dataframe()`` where pandas is installed."""
    db = pytest.importorskip("dask.bag")

    bag = db.from_sequence(list(expected), npartitions=3).map(convert).filter(lambda result: result.ok)
    rows = bag.map(lambda result: list(iter_facts(result.document))).flatten().compute(scheduler="synchronous")
    assert rows == [row for document in expected.values() for row in iter_facts(document)]
    assert rows and all(tuple(row) == FACT_COLUMNS for row in rows)


def test_docs_batch_md_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/batch.md: its examples (the Python API, the flat rows and the Dask recipe) run as written."""
    import doctest

    pytest.importorskip("dask.bag")
    root = FIXTURES.parent
    monkeypatch.chdir(root)  # the examples name fixtures/... relative to the repository
    failed, attempted = doctest.testfile(str(root / "docs" / "batch.md"), module_relative=False, verbose=False)
    assert attempted > 10 and failed == 0
