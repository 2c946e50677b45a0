"""``agglo-extract convert`` over collections: folders, patterns, --jobs, JSON Lines, --skip-existing, flat exports."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from agglo_extract.cli import main
from agglo_extract.export.flat import CITY_ROLE_COLUMNS, FACT_COLUMNS
from helpers import FIXTURES

TEXTS = sorted(FIXTURES.glob("issues/*.txt")) + sorted(FIXTURES.glob("layouts/*.txt")) + sorted(
    FIXTURES.glob("journals/*.txt")
)
GBK = FIXTURES / "issues" / "encodings" / "bulletin_changjiang.gbk.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Good files (one of them GBK-encoded, one in a subfolder) with a corrupt PDF and an empty file among them."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for path in TEXTS:
        shutil.copy(path, folder / path.name)
    shutil.copy(GBK, folder / "sub" / GBK.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.json").write_text("{}")  # not an input: folders contribute .txt, .md and .pdf only
    return folder


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_with_bad_files_converts_the_good_ones(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    out = tmp_path / "issues.jsonl"
    assert main(["convert", str(corpus), "-o", str(out), "--jobs", jobs]) == 1
    documents = _lines(out)
    good = [p.name for p in TEXTS] + [GBK.name]
    assert sorted(Path(str(d["source"]["path"])).name for d in documents) == sorted(good)  # type: ignore[index]
    gbk = next(d for d in documents if str(d["source"]["path"]).endswith(GBK.name))  # type: ignore[index]
    assert gbk["source"]["encoding"] == "gb18030"  # type: ignore[index]
    err = capsys.readouterr().err
    assert f"{corpus / 'empty.txt'}: error empty: " in err
    broken = next(line for line in err.splitlines() if line.startswith(f"{corpus / 'broken.pdf'}: error "))
    assert any(code in broken for code in ("unsupported-format", "pdf-damaged", "pdf-unreadable"))
    summary = err.strip().splitlines()[-1]
    assert summary.startswith(f"agglo-extract: {len(good) + 2} files, {len(good)} ok, 2 failed, 0 skipped, ")
    assert " facts, " in summary and " footnotes, " in summary and summary.endswith(" s")


def test_jsonl_order_is_the_input_order_with_two_jobs(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["convert", str(corpus), "-o", str(one), "--jobs", "1", "-q"]) == 1
    assert main(["convert", str(corpus), "-o", str(two), "--jobs", "2", "-q"]) == 1
    assert one.read_text("utf-8") == two.read_text("utf-8")
    paths = [str(d["source"]["path"]) for d in _lines(one)]  # type: ignore[index]
    assert paths == sorted(paths, key=lambda p: Path(p).relative_to(corpus).as_posix())


def test_skip_existing_skips_a_file_whose_hash_is_in_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(TEXTS[0], folder / "a.txt")
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(folder), "-o", str(out)]) == 0
    shutil.copy(TEXTS[0], folder / "same_bytes.txt")  # another name, the same bytes: already converted
    shutil.copy(TEXTS[-1], folder / "b.txt")
    capsys.readouterr()
    assert main(["convert", str(folder), "-o", str(out), "--skip-existing", "--jobs", "2"]) == 0
    assert "3 files, 1 ok, 0 failed, 2 skipped" in capsys.readouterr().err
    assert [Path(str(d["source"]["path"])).name for d in _lines(out)] == ["a.txt", "b.txt"]  # type: ignore[index]
    assert main(["convert", str(folder), "-o", str(out), "--skip-existing"]) == 0
    assert len(_lines(out)) == 2
    assert main(["convert", str(folder), "-o", str(out)]) == 0  # without it, the file is written afresh
    assert len(_lines(out)) == 3


def test_skip_existing_in_a_folder_and_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    assert main(["convert", str(TEXTS[0]), str(TEXTS[1]), "-o", str(folder)]) == 0
    assert main(["convert", str(TEXTS[0]), str(TEXTS[1]), "-o", str(folder), "--skip-existing"]) == 0
    assert "2 skipped" in capsys.readouterr().err
    single = tmp_path / "one.json"
    assert main(["convert", str(TEXTS[0]), "-o", str(single)]) == 0
    assert main(["convert", str(TEXTS[0]), "-o", str(single), "--skip-existing"]) == 0
    assert "1 skipped" in capsys.readouterr().err
    assert main(["convert", str(TEXTS[0]), "--skip-existing"]) == 2


def test_an_interrupted_jsonl_line_is_passed_over(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"kind": "bulletin_issue", "sour', encoding="utf-8")
    assert main(["convert", str(TEXTS[0]), "-o", str(out), "--skip-existing", "-q"]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["source"]["path"] == str(TEXTS[0])


def test_folder_output_mirrors_subfolders_and_never_overwrites(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2017").mkdir(parents=True)
    (corpus / "2018").mkdir()
    shutil.copy(TEXTS[0], corpus / "2017" / "issue.txt")
    shutil.copy(TEXTS[1], corpus / "2018" / "issue.txt")
    shutil.copy(TEXTS[2], tmp_path / "issue.md")
    out = tmp_path / "out"
    assert main(["convert", str(corpus), str(tmp_path / "issue.md"), "-o", str(out), "-q"]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["2017/issue.json", "2018/issue.json", "issue.json"]
    assert main(["convert", str(TEXTS[0]), str(tmp_path / "issue.md"), str(corpus / "2017" / "issue.txt"),
                 "-o", str(tmp_path / "flat"), "-q"]) == 0
    names = sorted(p.name for p in (tmp_path / "flat").glob("*.json"))
    assert names == ["bulletin_changjiang.json", "issue-2.json", "issue.json"]


def test_glob_patterns_and_unmatched_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.jsonl"
    pattern = str(FIXTURES / "journals" / "*.txt")
    assert main(["convert", pattern, "-o", str(out), "-q"]) == 0
    assert len(_lines(out)) == len(list((FIXTURES / "journals").glob("*.txt")))
    assert main(["convert", pattern, str(tmp_path / "*.nothing"), "-o", str(out), "-q"]) == 1
    assert f"{tmp_path / '*.nothing'}: error no-input:" in capsys.readouterr().err


def test_usage_errors(tmp_path: Path) -> None:
    assert main(["convert", str(FIXTURES / "journals")]) == 2  # a folder needs -o
    assert main(["convert", str(TEXTS[0]), "--jobs", "-1"]) == 2


def test_flat_exports_from_the_command_line(corpus: Path, tmp_path: Path) -> None:
    facts, tables, citations = tmp_path / "facts.csv", tmp_path / "tables.csv", tmp_path / "refs.json"
    code = main(["convert", str(corpus), "--facts", str(facts), "--tables", str(tables), "--citations",
                 str(citations), "--jobs", "2", "-q"])
    assert code == 1  # the bad files; no -o: only the exports are written
    with facts.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames or ()) == FACT_COLUMNS
        rows = list(reader)
    assert len({row["source_path"] for row in rows}) == len(TEXTS) + 1
    with tables.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames or ()) == CITY_ROLE_COLUMNS
        assert {"长沙", "西安"} <= {row["city"] for row in reader}
    items = json.loads(citations.read_text("utf-8"))
    assert items and len({item["id"] for item in items}) == len(items)
    assert all({"id", "type", "title"} <= item.keys() for item in items)


def test_quiet_and_no_bar_off_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["convert", *map(str, TEXTS), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["convert", *map(str, TEXTS), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "file/s" not in err and "agglo-extract: " in err


def test_a_bar_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["convert", *map(str, TEXTS), "-o", str(tmp_path / "x.jsonl")]) == 0
    err = capsys.readouterr().err
    assert f"\r  0%|          | 0/{len(TEXTS)} " in err  # drawn, then cleared (leave=False) before the summary
    assert err.rstrip().splitlines()[-1].split("\r")[-1].startswith(f"agglo-extract: {len(TEXTS)} files")
