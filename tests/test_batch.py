"""parse_many: results in input order, one failure per bad path, pickling, workers that fail or die."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import agglo_extract
from agglo_extract import batch
from agglo_extract.batch import Converted, Failure, existing_hashes, expand_inputs, parse_many, sha256_of
from helpers import FIXTURES

TEXTS = sorted(FIXTURES.glob("issues/*.txt")) + sorted(FIXTURES.glob("layouts/*.txt")) + sorted(
    FIXTURES.glob("journals/*.txt")
)
GBK = FIXTURES / "issues" / "encodings" / "bulletin_changjiang.gbk.txt"
Doc = agglo_extract.BulletinIssue | agglo_extract.JournalArticle
needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin",
    reason="workers inherit a monkeypatch only when forked",
)


def test_fixture_glob_is_not_empty() -> None:
    assert len(TEXTS) >= 5


@pytest.fixture(scope="module")
def documents() -> list[Doc]:
    return [agglo_extract.parse(path) for path in TEXTS]


def test_every_document_pickles(documents: list[Doc]) -> None:
    for document in documents:
        again = pickle.loads(pickle.dumps(document))
        assert again == document
        assert type(again) is type(document)


def test_converted_and_failure_pickle(documents: list[Doc]) -> None:
    good = Converted("a.txt", documents[0], None, 0.5)
    bad = Converted("b.txt", None, Failure("empty", "the input holds no text", "EmptyInput"), 0.0)
    for result in (good, bad):
        assert pickle.loads(pickle.dumps(result)) == result
    assert good.ok and not bad.ok
    assert str(bad.error) == "empty: the input holds no text"


def _bad_files(tmp_path: Path) -> list[Path]:
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n\x00\x9c garbage \xff\xfe no objects here")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return [corrupt, empty, tmp_path / "missing.txt"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_in_input_order_with_errors_per_path(tmp_path: Path, jobs: int) -> None:
    corrupt, empty, missing = _bad_files(tmp_path)
    paths = [TEXTS[0], corrupt, TEXTS[1], GBK, empty, *TEXTS[2:], missing]
    results = list(parse_many(paths, jobs=jobs, chunksize=2))
    assert [r.path for r in results] == [str(p) for p in paths]
    failed = {r.path: r.error for r in results if r.error is not None}
    assert set(failed) == {str(corrupt), str(empty), str(missing)}
    assert not any(error.internal for error in failed.values())
    assert failed[str(empty)].code == "empty"
    assert failed[str(missing)].code == "load-failed"
    # a corrupt PDF: unsupported-format before PDF support, a PdfError code (pdf-damaged) after it
    assert failed[str(corrupt)].code in {"unsupported-format", "pdf-damaged", "pdf-unreadable"}
    for result in results:
        assert (result.document is None) == (result.error is not None)
        assert result.seconds >= 0
        if result.document is not None:
            assert result.document.source.path == result.path
    gbk = next(r for r in results if r.path == str(GBK))
    assert gbk.document is not None and gbk.document.source.encoding == "gb18030"


def test_pooled_results_equal_in_process_results() -> None:
    alone = [r.document for r in parse_many(TEXTS, jobs=1, facts=False)]
    pooled = [r.document for r in parse_many(TEXTS * 2, jobs=2, chunksize=1, facts=False)]
    assert pooled == alone * 2


def test_parse_options_reach_parse_and_bad_ones_fail_at_once(tmp_path: Path) -> None:
    (result,) = parse_many([TEXTS[0]], kind="journal_article", facts=False)
    assert result.document is not None and result.document.kind == "journal_article"
    with pytest.raises(TypeError):
        parse_many(TEXTS, jobs=2, no_such_option=True)
    with pytest.raises(ValueError, match="jobs"):
        parse_many(TEXTS, jobs=0)


def test_a_stream_of_paths_is_consumed_lazily() -> None:
    seen: list[Path] = []

    def paths() -> Iterator[Path]:
        for path in TEXTS * 4:
            seen.append(path)
            yield path

    results = parse_many(paths(), jobs=2, chunksize=1, facts=False)
    first = next(results)
    assert first.ok and len(seen) < len(TEXTS) * 4  # at most 2 * jobs + 1 chunks in flight
    assert len(list(results)) == len(TEXTS) * 4 - 1


def _explode(source: object, **options: object) -> object:
    if str(source).endswith("guanzhong.txt"):
        raise KeyError("a bug")
    return agglo_extract.parse(source, **options)  # type: ignore[arg-type]


@needs_fork
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_unexpected_exception_is_an_internal_failure_of_that_file(
    monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(batch, "parse", _explode)
    results = list(parse_many(TEXTS, jobs=jobs, facts=False))
    bad = [r for r in results if not r.ok]
    assert [Path(r.path).name for r in bad] == ["bulletin_guanzhong.txt"]
    error = bad[0].error
    assert error is not None and error.internal and error.code == "internal-error" and error.type == "KeyError"
    assert error.traceback is not None and "a bug" in error.traceback
    assert sum(r.ok for r in results) == len(TEXTS) - 1


def _die(source: object, **options: object) -> object:
    if str(source).endswith("guanzhong.txt"):
        os._exit(3)  # a worker killed mid-file (out of memory, a crash in C code)
    return agglo_extract.parse(source, **options)  # type: ignore[arg-type]


@needs_fork
def test_a_dead_worker_is_pinned_on_its_file_and_the_rest_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "parse", _die)
    paths = TEXTS * 2
    results = list(parse_many(paths, jobs=2, chunksize=2, facts=False))
    assert [r.path for r in results] == [str(p) for p in paths]
    bad = [r for r in results if not r.ok]
    assert {Path(r.path).name for r in bad} == {"bulletin_guanzhong.txt"} and len(bad) == 2
    assert all(r.error is not None and r.error.code == "worker-died" and r.error.internal for r in bad)


def test_convert_never_raises_for_a_bad_file(tmp_path: Path) -> None:
    assert batch.convert(tmp_path / "missing.txt").error is not None
    assert batch.convert(b"").error is not None and batch.convert(b"").path == "-"
    assert batch.convert(str(TEXTS[0]), facts=False).ok


def test_expand_inputs_folders_patterns_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / "deep" / "y.MD").write_text("y")
    (tmp_path / "a" / "deep" / "z.json").write_text("{}")
    (tmp_path / "a" / ".hidden").mkdir()
    (tmp_path / "a" / ".hidden" / "h.txt").write_text("h")
    (tmp_path / "b.txt").write_text("b")
    found, unmatched = expand_inputs(
        [str(tmp_path / "a"), str(tmp_path / "*.txt"), str(tmp_path / "a" / "x.txt"), str(tmp_path / "*.none"), "-"]
    )
    assert [item.relative.as_posix() for item in found] == ["deep/y.MD", "x.txt", "b.txt", "stdin"]
    assert found[-1].path is None
    assert unmatched == [str(tmp_path / "*.none")]
    missing, unmatched = expand_inputs([str(tmp_path / "missing.txt")])
    assert [item.name for item in missing] == [str(tmp_path / "missing.txt")] and not unmatched


def test_existing_hashes_of_jsonl_json_and_folder(tmp_path: Path) -> None:
    document = agglo_extract.parse(TEXTS[0], facts=False)
    line = agglo_extract.to_json(document, indent=None)
    (tmp_path / "out.jsonl").write_text(line + "\n" + line[:40], encoding="utf-8")
    (tmp_path / "folder" / "sub").mkdir(parents=True)
    (tmp_path / "folder" / "sub" / "x.json").write_text(agglo_extract.to_json(document), encoding="utf-8")
    (tmp_path / "folder" / "other.json").write_text("[1, 2]", encoding="utf-8")
    digest = sha256_of(TEXTS[0])
    assert digest == document.source.sha256
    assert existing_hashes(tmp_path / "out.jsonl") == {digest}
    assert existing_hashes(tmp_path / "folder") == {digest}
    assert existing_hashes(tmp_path / "folder" / "sub" / "x.json") == {digest}
    assert existing_hashes(tmp_path / "none.jsonl") == frozenset()
    assert sha256_of(tmp_path / "none.txt") is None


def test_import_of_the_package_does_not_load_batch_or_tqdm() -> None:
    import subprocess

    code = "import sys, agglo_extract; print(sorted(m for m in ('tqdm', 'agglo_extract.batch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert agglo_extract.parse_many is parse_many


def _summary(result: Converted) -> tuple[str, int | None, str | None]:
    """A module-level ``then``: it pickles, and only this small tuple crosses back from the worker."""
    document = result.document
    if document is None:
        return result.path, None, result.error.code if result.error else None
    return result.path, len(document.diagnostics), None


@pytest.mark.parametrize("jobs", [1, 2])
def test_then_runs_on_each_result_and_its_value_is_yielded(tmp_path: Path, jobs: int) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [*TEXTS, empty, *TEXTS]
    expected = [_summary(r) for r in parse_many(paths, facts=False)]
    assert [p for p, _, _ in expected] == [str(p) for p in paths]
    assert expected[len(TEXTS)] == (str(empty), None, "empty")
    assert list(parse_many(paths, jobs=jobs, chunksize=2, then=_summary, facts=False)) == expected


def _kept(result: Converted) -> str:
    return f"{Path(result.path).name}: {result.error.code if result.error else 'ok'}"


@needs_fork
def test_then_gets_the_result_of_a_file_whose_worker_died(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "parse", _die)
    results = list(parse_many(TEXTS, jobs=2, chunksize=1, then=_kept, facts=False))
    assert "bulletin_guanzhong.txt: worker-died" in results
    assert len(results) == len(TEXTS) and sum(r.endswith(": ok") for r in results) == len(TEXTS) - 1
