"""``agglo-extract convert`` over collections: folders, patterns, --jobs, JSON Lines, --skip-existing, flat exports."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from agglo_extract import JournalArticle, parse
from agglo_extract.cli import main
from agglo_extract.export.flat import CITY_ROLE_COLUMNS, FACT_COLUMNS
from helpers import FIXTURES

TEXTS = sorted(FIXTURES.glob("issues/*.txt")) + sorted(FIXTURES.glob("layouts/*.txt")) + sorted(
    FIXTURES.glob("journals/*.txt")
)
GBK = FIXTURES / "issues" / "encodings" / "bulletin_changjiang.gbk.txt"


GOOD_PDF = FIXTURES / "pdf" / "journal_urban_economy.pdf"
TRUNCATED = FIXTURES / "pdf" / "bad" / "truncated.pdf"
NOT_A_PDF = FIXTURES / "pdf" / "bad" / "not_really.pdf"
BAD = {"broken.pdf": "pdf-damaged", "sub/truncated.pdf": "pdf-damaged", "empty.txt": "empty"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Good files (a GBK text and a PDF among them, some in a subfolder) with corrupt PDFs and an empty file."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for path in TEXTS:
        shutil.copy(path, folder / path.name)
    shutil.copy(GBK, folder / "sub" / GBK.name)
    shutil.copy(GOOD_PDF, folder / "sub" / GOOD_PDF.name)
    shutil.copy(NOT_A_PDF, folder / "broken.pdf")
    shutil.copy(TRUNCATED, folder / "sub" / TRUNCATED.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.json").write_text("{}")  # not an input: folders contribute .txt, .md and .pdf only
    return folder


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_with_bad_files_converts_the_good_ones(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    """Acceptance: a corrupt PDF, an empty file and a GBK text among good files: all good ones converted,
    each bad one listed with its reason, exit code 1."""
    out = tmp_path / "issues.jsonl"
    assert main(["convert", str(corpus), "-o", str(out), "--jobs", jobs]) == 1
    documents = _lines(out)
    good = [p.name for p in TEXTS] + [GBK.name, GOOD_PDF.name]
    assert sorted(Path(str(d["source"]["path"])).name for d in documents) == sorted(good)  # type: ignore[index]
    gbk = next(d for d in documents if str(d["source"]["path"]).endswith(GBK.name))  # type: ignore[index]
    assert gbk["source"]["encoding"] == "gb18030"  # type: ignore[index]
    pdf = next(d for d in documents if str(d["source"]["path"]).endswith(GOOD_PDF.name))  # type: ignore[index]
    assert pdf["source"]["format"] == "pdf" and pdf["facts"]  # type: ignore[index]
    err = capsys.readouterr().err
    for name, code in BAD.items():
        head = f"{corpus / name}: error {code}: "
        assert any(line.startswith(head) and len(line) > len(head) for line in err.splitlines()), name
    assert sum(": error " in line for line in err.splitlines()) == len(BAD)
    summary = err.strip().splitlines()[-1]
    assert summary.startswith(f"agglo-extract: {len(good) + len(BAD)} files, {len(good)} ok, {len(BAD)} failed, "
                              "0 skipped, ")
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


def test_flat_exports_from_the_command_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Acceptance: the CSV files have the documented columns (read with the csv module, as pandas would read them)
    and every CSL-JSON item has the CSL shape."""
    facts, tables, citations = tmp_path / "facts.csv", tmp_path / "tables.csv", tmp_path / "refs.json"
    code = main(["convert", str(corpus), "--facts", str(facts), "--tables", str(tables), "--citations",
                 str(citations), "--jobs", "2", "-q"])
    assert code == 1  # the bad files; no -o: only the exports are written
    assert capsys.readouterr().out == ""
    assert facts.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark, for Excel
    with facts.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames or ()) == FACT_COLUMNS
        rows = list(reader)
    assert {"publication", "publication_issue", "article_index", "article_title", "page", "pdf_page", "block_index",
            "start", "end", "input_start", "input_end"} <= set(FACT_COLUMNS)
    assert len({row["source_path"] for row in rows}) == len(TEXTS) + 2  # the GBK text and the PDF
    for row in rows:
        assert row["publication"] and row["article_title"] and row["text"] and row["unit"]
        assert int(row["start"]) < int(row["end"]) and int(row["input_start"]) < int(row["input_end"])
        float(row["value"])
    pdf_rows = [row for row in rows if row["source_path"].endswith(GOOD_PDF.name)]
    document = parse(GOOD_PDF)
    assert isinstance(document, JournalArticle)
    assert [(row["text"], row["page"], row["pdf_page"]) for row in pdf_rows] == [
        (f.text, str(f.location.page), str(f.location.pdf_page)) for f in document.facts if f.location is not None
    ]
    issue_rows = [row for row in rows if row["document_kind"] == "bulletin_issue"]
    assert issue_rows and all(row["publication_issue"] and row["article_index"] and row["page"] for row in issue_rows)
    with tables.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames or ()) == CITY_ROLE_COLUMNS
        assert {"长沙", "西安"} <= {row["city"] for row in reader}
    items = json.loads(citations.read_text("utf-8"))
    assert items and len({item["id"] for item in items}) == len(items)
    for item in items:
        assert {"id", "type", "title"} <= item.keys()
        assert all(set(name) in ({"literal"}, {"family", "given"}) for name in item.get("author", []))
        assert "issued" not in item or isinstance(item["issued"]["date-parts"][0][0], int)
    assert sum("author" in item for item in items) > len(items) // 2
    assert sum("issued" in item for item in items) > len(items) // 2


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


def test_exports_are_the_same_with_one_or_two_jobs(corpus: Path, tmp_path: Path) -> None:
    written = []
    for jobs in ("1", "2"):
        names = [tmp_path / f"{jobs}-{kind}" for kind in ("facts.csv", "tables.csv", "refs.json", "out.jsonl")]
        main(["convert", str(corpus), "--facts", str(names[0]), "--tables", str(names[1]), "--citations",
              str(names[2]), "-o", str(names[3]), "--jobs", jobs, "-q"])
        written.append([name.read_bytes() for name in names])
    assert written[0] == written[1]


def test_one_input_with_an_export_still_prints_its_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = tmp_path / "facts.csv"
    assert main(["convert", str(TEXTS[0]), "--facts", str(facts), "-q", "--indent", "0"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["source"]["path"] == str(TEXTS[0]) and facts.stat().st_size > 0
