"""The command line: convert one or several inputs, stdin, errors, exit codes, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agglo_extract.cli import main
from helpers import FIXTURES

SAMPLE = FIXTURES / "issues" / "bulletin_changjiang.txt"


def test_convert_one_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SAMPLE)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["kind"] == "bulletin_issue" and document["articles"]


def test_convert_several_into_a_folder_with_one_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    out = tmp_path / "out"
    assert main(["convert", str(SAMPLE), str(empty), "-o", str(out)]) == 1
    assert (out / "bulletin_changjiang.json").is_file()
    assert not (out / "empty.json").exists()
    assert "empty.txt: error empty" in capsys.readouterr().err


def test_diagnostics_go_to_stderr_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "x.txt"
    source.write_text("信息参考\n\n正文一段，没有目录。^①\n", encoding="utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path / "x.json")]) == 0
    err = capsys.readouterr().err
    assert f"{source}:3: warning marker-unlinked:" in err


def test_several_inputs_need_an_output_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SAMPLE), str(SAMPLE)]) == 2


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nonsense"]) == 2
    assert main([]) == 2


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert "bulletin_issue" in capsys.readouterr().out


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    assert main(["convert", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["path"] is None


def test_cite_prints_one_entry_per_distinct_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", str(FIXTURES / "issues" / "bulletin_guanzhong.txt"), "--format", "csl-json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records and all({"type", "title"} <= record.keys() for record in records)
    assert len({record["title"] for record in records}) == len(records)


def test_citation_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["citation", "张三. 城市群研究[M]. 北京: 科学出版社, 2015: 12-15."]) == 0
    assert json.loads(capsys.readouterr().out)["type_code"] == "M"
    assert main(["citation", "不是引文"]) == 1
