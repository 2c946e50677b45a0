"""Telling a bulletin issue from a journal article by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from agglo_extract.segment.kind import detect_kind
from helpers import FIXTURES, seed_path

JOURNAL = """ 【区域研究】

某城市群协同发展研究∗

张 三

摘　 要：本文研究某城市群的协同发展。

关键词：城市群；协同发展

中图分类号：Ｆ１２７　　文献标识码：Ａ

正文第一段。
"""

BULLETIN_PIPE = """信息参考

目录

| | |
|---|---|
| 看看城市群 | 2 |
| 城市群概况 | 3 |

编者按：本期聚焦城市群。
"""

BULLETIN_DOTTED = """信息参考
2019年第3期
目  录
城市群发展概况……………………2
城市群协同问题……………………5
某某图书馆主办
"""


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        (JOURNAL, "journal_article", "journal-front-matter"),
        (BULLETIN_PIPE, "bulletin_issue", "bulletin-masthead"),
        (BULLETIN_DOTTED, "bulletin_issue", "bulletin-masthead"),
        ("只有一段正文，没有任何版面标志。", "bulletin_issue", "default-bulletin"),
        ("", "bulletin_issue", "default-bulletin"),
    ],
    ids=["journal", "bulletin-pipe-toc", "bulletin-dotted-toc", "plain", "empty"],
)
def test_detect_kind(text: str, kind: str, rule: str) -> None:
    detected, why = detect_kind(text)
    assert detected == kind
    assert why.startswith(rule + ":")


def test_rule_names_the_signs() -> None:
    _, why = detect_kind(JOURNAL)
    for sign in ("摘要", "关键词", "中图分类号", "文献标识码", "column line"):
        assert sign in why
    _, why = detect_kind(BULLETIN_PIPE)
    assert "目录" in why
    assert "编者按" in why


def test_a_bulletin_quoting_a_journal_label_stays_a_bulletin() -> None:
    text = BULLETIN_PIPE + "\n摘要：一篇转载文章的摘要。\n"
    assert detect_kind(text)[0] == "bulletin_issue"


def test_a_masthead_issue_line_is_no_running_head() -> None:
    assert detect_kind("信息参考\n2019年第3期\n某某图书馆\n正文一段。")[0] == "bulletin_issue"
    _, why = detect_kind("正文，\n\n22\n\n某某学刊 2018 年第 7 期\n\n摘要：一句。")
    assert "year/issue running head" in why


def test_label_inside_a_sentence_is_no_sign() -> None:
    assert detect_kind("本文的摘要：不在行首，不算。")[0] == "bulletin_issue"


@pytest.mark.seed
@pytest.mark.parametrize(
    ("name", "kind"),
    [("000_7cf66135544dacb7.txt", "bulletin_issue"), ("002_0c12cb4a807f2411.txt", "journal_article")],
)
def test_seeds(name: str, kind: str) -> None:
    assert detect_kind(seed_path(name).read_text("utf-8"))[0] == kind


FIXTURE_TEXTS = sorted(path for path in FIXTURES.glob("*/*.txt") if path.name.startswith(("journal_", "bulletin_")))


@pytest.mark.skipif(not FIXTURE_TEXTS, reason="no fixture texts")
@pytest.mark.parametrize("path", FIXTURE_TEXTS, ids=[p.stem for p in FIXTURE_TEXTS])
def test_fixtures_by_their_name(path: Path) -> None:
    expected = "journal_article" if path.name.startswith("journal_") else "bulletin_issue"
    assert detect_kind(path.read_text("utf-8"))[0] == expected
