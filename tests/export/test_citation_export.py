"""Citations out: GB/T 7714 text (three editions), CSL-JSON, BibTeX, and the type tables behind them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agglo_extract.data import load_table
from agglo_extract.export.bibtex import bibtex_keys, to_bibtex
from agglo_extract.export.csl import to_csl_json
from agglo_extract.export.gbt7714 import citations_text, format_gbt7714
from agglo_extract.models import FootnoteCitation
from agglo_extract.recognise.citation import parse_citation, parse_footnote

ROOT = Path(__file__).resolve().parents[2]
CASES = [
    json.loads(line)
    for path in sorted((ROOT / "fixtures" / "citations").glob("*.jsonl"))
    for line in path.read_text("utf-8").splitlines()
    if line.strip()
]
CITATION_CASES = [c for c in CASES if not c["expected"].get("error")]
DOI = "DOI: 10.1000/geo.2017.01."

JOURNAL = FootnoteCitation(
    raw="", authors=("方园", "李明"), et_al=True, title="城市群协同发展的测度", type_code="J",
    container="地理研究", year=2017, volume="36", issue="1", pages="15-24", doi="10.1000/geo.2017.01",
)  # fmt: skip
CHAPTER = FootnoteCitation(
    raw="", authors=("DURANTON G",), title="Micro-foundations", type_code="C",
    container_authors=("HENDERSON J V",), container="Handbook of urban economics",
    place="Amsterdam", publisher="Elsevier", year=2004, pages="2063-2117",
)  # fmt: skip
WEB = FootnoteCitation(
    raw="", title="一图看懂城市群", type_code="EB", carrier="OL", update_date="2016-05-12",
    access_date="2017-10-26", url="http://www.example.gov.cn/a.htm",
)  # fmt: skip
BOOK_PART = FootnoteCitation(
    raw="", authors=("程刚",), title="珠三角城市的分工", type_code="M", container_authors=("许文",),
    container="城市群研究文集", edition="2版", place="广州", publisher="广东人民出版社", year=2009, pages="32-36",
)  # fmt: skip
STANDARD = FootnoteCitation(
    raw="", title="量和单位", number="GB 3100—1993", type_code="S", place="北京",
    publisher="中国标准出版社", year=1994,
)  # fmt: skip
PATENT = FootnoteCitation(
    raw="", authors=("姜洲",), title="一种敷贴", place="中国", number="88105607.3", type_code="P",
    year=1989, date="1989-07-26",
)  # fmt: skip


@pytest.mark.parametrize(
    ("citation", "edition", "text"),
    [
        (JOURNAL, "2015", "方园, 李明, 等. 城市群协同发展的测度[J]. 地理研究, 2017, 36(1): 15-24. " + DOI),
        (JOURNAL, "2005", "方园, 李明, 等. 城市群协同发展的测度[J]. 地理研究, 2017, 36(1): 15-24."),
        (JOURNAL, "2025", "方园，李明，等. 城市群协同发展的测度[J]. 地理研究，2017，36（1）：15-24. " + DOI),
        (
            CHAPTER,
            "2025",
            "DURANTON G. Micro-foundations[C]//HENDERSON J V. Handbook of urban economics. "
            "Amsterdam: Elsevier, 2004: 2063-2117.",
        ),
        (WEB, "2015", "一图看懂城市群[EB/OL]. (2016-05-12)[2017-10-26]. http://www.example.gov.cn/a.htm."),
        (WEB, "2025", "一图看懂城市群[EB/OL]. （2016-05-12）[2017-10-26]. http://www.example.gov.cn/a.htm."),
        (BOOK_PART, "2015", "程刚. 珠三角城市的分工[M]//许文. 城市群研究文集. 2版. 广州: 广东人民出版社, 2009: 32-36."),
        (STANDARD, "2015", "量和单位: GB 3100—1993[S]. 北京: 中国标准出版社, 1994."),
        (PATENT, "2005", "姜洲. 一种敷贴: 中国, 88105607.3[P]. 1989-07-26."),
    ],
    ids=["journal-2015", "journal-2005", "journal-2025", "chapter-en-2025", "web-2015", "web-2025", "book-part",
         "standard", "patent-2005"],
)  # fmt: skip
def test_format_gbt7714(citation: FootnoteCitation, edition: Any, text: str) -> None:
    assert format_gbt7714(citation, edition) == text
    parsed = parse_citation(text)
    assert parsed.warnings == ()
    expected = citation.model_copy(update={"raw": text, "doi": None if edition == "2005" else citation.doi})
    assert parsed == expected


def test_format_of_an_unparsed_note_is_its_raw_text() -> None:
    note = parse_footnote("同上。", marker="②")
    assert format_gbt7714(note) == "同上。"


def test_format_rejects_an_unknown_edition() -> None:
    with pytest.raises(ValueError, match="edition"):
        format_gbt7714(JOURNAL, "1987")  # type: ignore[arg-type]


@pytest.mark.parametrize("edition", ["2005", "2015", "2025"])
@pytest.mark.parametrize("case", CITATION_CASES, ids=[c["id"] for c in CITATION_CASES])
def test_case_table_survives_format_then_parse(case: dict[str, Any], edition: Any) -> None:
    """Every field parsed from a real-world string comes back after rendering (warnings aside)."""
    first = parse_citation(case["text"])
    again = parse_citation(format_gbt7714(first, edition))
    assert {w.split(":")[0] for w in again.warnings} <= {"type-code-unknown", "carrier-unknown"}
    keep: dict[str, Any] = {"raw": "", "warnings": ()}
    if edition == "2005":
        keep["doi"] = None
    assert again.model_copy(update=keep) == first.model_copy(update=keep)


# ---- CSL-JSON ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "csl"),
    [("J", "article-journal"), ("N", "article-newspaper"), ("M", "book"), ("EB", "webpage"), ("D", "thesis"),
     ("R", "report"), ("C", "paper-conference"), ("S", "standard"), ("P", "patent"), ("DS", "dataset"),
     ("Q", "document")],
)  # fmt: skip
def test_csl_type_map(code: str, csl: str) -> None:
    assert to_csl_json(FootnoteCitation(raw="", title="t", type_code=code))["type"] == csl


def test_csl_journal_item() -> None:
    item = to_csl_json(JOURNAL)
    assert item["type"] == "article-journal"
    assert item["author"] == [{"literal": "方园"}, {"literal": "李明"}]
    assert item["issued"] == {"date-parts": [[2017]]}
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == ("地理研究", "36", "1", "15-24")
    assert item["DOI"] == "10.1000/geo.2017.01"
    assert "[J]" in item["note"] and "et al" in item["note"]
    assert item["language"] == "zh-CN"
    assert to_csl_json(CHAPTER)["language"] == "en"
    assert item["id"] == to_csl_json(JOURNAL)["id"]
    json.dumps(item, ensure_ascii=False)


def test_csl_names_dates_and_chapters() -> None:
    chapter = to_csl_json(CHAPTER)
    assert chapter["author"] == [{"family": "DURANTON", "given": "G"}]
    assert chapter["editor"] == [{"family": "HENDERSON", "given": "J V"}]
    assert chapter["type"] == "paper-conference"
    assert to_csl_json(BOOK_PART)["type"] == "chapter"
    web = to_csl_json(WEB)
    assert web["issued"] == {"date-parts": [[2016, 5, 12]]}
    assert web["accessed"] == {"date-parts": [[2017, 10, 26]]}
    assert web["URL"] == "http://www.example.gov.cn/a.htm"
    corporate = to_csl_json(FootnoteCitation(raw="", authors=("U.S. Census Bureau",), title="t", type_code="R"))
    assert corporate["author"] == [{"literal": "U.S. Census Bureau"}]


def test_csl_of_an_unparsed_note_keeps_its_text() -> None:
    item = to_csl_json(parse_footnote("同上。", marker="②"))
    assert item["title"] == "同上。"
    assert item["note"].startswith("not a citation:")


# ---- BibTeX -----------------------------------------------------------------------------------


def test_bibtex_journal() -> None:
    entry = to_bibtex(JOURNAL, key="fang2017")
    assert entry.startswith("@article{fang2017,\n")
    assert "  author = {{方园} and {李明} and others},\n" in entry
    assert "  pages = {15--24},\n" in entry
    assert "  journal = {地理研究},\n" in entry
    assert "  language = {zh},\n" in entry
    assert entry.endswith("}\n")


def test_bibtex_types_and_escapes() -> None:
    assert to_bibtex(BOOK_PART).startswith("@incollection{")
    assert to_bibtex(CHAPTER).startswith("@inproceedings{")
    assert "  author = {DURANTON, G},\n" in to_bibtex(CHAPTER)
    assert "  urldate = {2017-10-26},\n" in to_bibtex(WEB)
    odd = FootnoteCitation(raw="", title="R&D 100% {x}", type_code="Z")
    assert "  title = {R\\&D 100\\% (x)},\n" in to_bibtex(odd, key="k")


def test_bibtex_keys_are_distinct() -> None:
    keys = bibtex_keys([JOURNAL, JOURNAL, CHAPTER])
    assert len(set(keys)) == 3
    assert keys[2].startswith("duranton2004-")


# ---- citations_text (what the CLI prints) ---------------------------------------------------


def test_citations_text_formats() -> None:
    items = [JOURNAL, WEB, CHAPTER]
    lines = citations_text(items, "gbt7714").splitlines()
    assert lines[0].startswith("[1] 方园") and lines[2].startswith("[3] DURANTON G.")
    records = json.loads(citations_text(items, "csl-json"))
    assert [r["id"] for r in records] == ["ref1", "ref2", "ref3"]
    assert citations_text(items, "bibtex").count("\n@") == 2
    with pytest.raises(ValueError, match="format"):
        citations_text(items, "ris")  # type: ignore[arg-type]


# ---- the tables behind the maps ---------------------------------------------------------------

CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
    "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
}  # fmt: skip


def test_type_table() -> None:
    rows = load_table("gbt7714_types")
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))
    assert set(codes) == {"M", "C", "G", "N", "J", "D", "R", "S", "P", "DB", "CP", "EB", "A", "CM", "DS", "Z", "PP"}
    for row in rows:
        assert row["csl_type"] in CSL_TYPES, row
        assert row["name_zh"] and row["bibtex_type"].isalpha()


def test_carrier_table() -> None:
    assert [row["code"] for row in load_table("carriers")] == ["OL", "CD", "MT", "DK"]
