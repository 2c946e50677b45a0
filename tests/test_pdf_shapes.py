"""PDFs of other kinds than ours give a document with diagnostics, never a traceback.

Each PDF is drawn here with reportlab (a test dependency) in a shape real
Chinese PDFs take: a standard with merged-cell tables, a report with a
running header on every page, a prospectus with dense tables, rotated and
overlapping text, a blank page among printed ones, a page of nothing but
figures. The text is ours.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from agglo_extract import AggloExtractError, BulletinIssue, JournalArticle, parse

pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
W, H = A4
SENTENCES = [
    "城市群是新型城镇化的主体形态，2019年常住人口达到1.2亿人。",
    "都市圈内部通勤联系增强，轨道交通里程增长18.5%。",
    "本标准规定了城市群规划编制的基本要求、内容和程序。",
    "区域协调发展基金规模约为50亿元，重点支持跨界基础设施。",
]


def canvas(buffer: io.BytesIO) -> Canvas:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    made = Canvas(buffer, pagesize=A4, invariant=1)
    made.setFont(FONT, 10.5)
    return made


def lines_of_text(c: Canvas, top: float, count: int, *, size: float = 10.5, left: float = 72) -> float:
    c.setFont(FONT, size)
    y = top
    for number in range(count):
        c.drawString(left, y, SENTENCES[number % len(SENTENCES)])
        y -= size * 1.6
    return y


def grid(c: Canvas, left: float, top: float, widths: list[float], rows: int, height: float) -> None:
    xs = [left]
    for width in widths:
        xs.append(xs[-1] + width)
    for row in range(rows + 1):
        c.line(xs[0], top - row * height, xs[-1], top - row * height)
    for x in xs:
        c.line(x, top, x, top - rows * height)


def standard_with_merged_cells(c: Canvas) -> None:
    for page in range(2):
        c.setFont(FONT, 9)
        c.drawString(72, H - 40, "GB/T 00000—2019  城市群规划编制规范")  # running header
        c.drawCentredString(W / 2, 30, f"{page + 1}")
        y = lines_of_text(c, H - 90, 6)
        c.setFont(FONT, 10.5)
        c.drawString(72, y - 10, f"表{page + 1} 城市功能分工")
        top = y - 20
        grid(c, 72, top, [80, 160, 200], 5, 22)
        c.setFillGray(1)
        c.rect(153, top - 66 + 1, 358, 43, stroke=0, fill=1)  # a merged cell: the inner rules wiped out
        c.setFillGray(0)
        c.line(152, top - 66, 512, top - 66)
        for row, (city, role) in enumerate([("城市", "功能定位"), ("甲市", "核心城市"), ("乙市", "节点城市")]):
            c.drawString(76, top - 16 - row * 22, city)
            c.drawString(158, top - 16 - row * 22, role)
        c.showPage()


def report_with_headers_on_every_page(c: Canvas) -> None:
    for page in range(6):
        c.setFont(FONT, 9)
        c.drawString(72, H - 40, "某市国民经济和社会发展统计公报")
        c.drawRightString(W - 72, H - 40, "2019年")
        c.line(72, H - 44, W - 72, H - 44)
        lines_of_text(c, H - 80, 30)
        c.setFont(FONT, 9)
        c.drawCentredString(W / 2, 30, f"— {page + 1} —")
        c.showPage()


def prospectus_with_dense_tables(c: Canvas) -> None:
    c.setFont(FONT, 7)
    widths = [40.0] * 11
    grid(c, 60, H - 60, widths, 40, 16)
    for row in range(40):
        for col in range(11):
            c.drawString(62 + col * 40, H - 72 - row * 16, f"{row * 11 + col:,}.{col}")
    c.showPage()
    grid(c, 60, H - 60, widths, 30, 16)  # continued, no header
    for row in range(30):
        c.drawString(62, H - 72 - row * 16, f"第{row}行")
    c.showPage()


def rotated_and_overlapping_text(c: Canvas) -> None:
    lines_of_text(c, H - 80, 10)
    c.saveState()
    c.translate(W - 40, H / 2)
    c.rotate(90)
    c.drawString(0, 0, "侧边竖排说明文字，2019年")
    c.restoreState()
    c.drawString(72, H - 80, "叠印文字叠印文字")  # drawn over the first line
    c.setFont(FONT, 4)
    c.drawString(72, 100, "极小字号的说明" * 8)
    c.showPage()
    c.showPage()  # a blank page among printed ones
    lines_of_text(c, H - 80, 5)
    c.showPage()


def figures_only_then_text(c: Canvas) -> None:
    for x in range(10):
        c.rect(60 + x * 45, 300, 40, 40 + x * 20, fill=1)
    c.showPage()
    lines_of_text(c, H - 80, 12)
    c.showPage()


def two_columns_with_a_spanning_table(c: Canvas) -> None:
    for column, left in enumerate((60, 310)):
        y = H - 80
        c.setFont(FONT, 10)
        for number in range(30):
            text = SENTENCES[(number + column) % len(SENTENCES)]
            c.drawString(left, y, text[:21])
            y -= 16
            if number == 14 and column == 0:
                y -= 60  # room the table spans below
    grid(c, 60, H - 330, [160, 160, 160], 2, 20)
    c.drawString(64, H - 344, "城市")
    c.drawString(224, H - 344, "人口")
    c.showPage()


SHAPES: dict[str, Callable[[Canvas], None]] = {
    "standard-merged-cells": standard_with_merged_cells,
    "report-running-headers": report_with_headers_on_every_page,
    "prospectus-dense-tables": prospectus_with_dense_tables,
    "rotated-overlapping-blank": rotated_and_overlapping_text,
    "figures-only-page": figures_only_then_text,
    "two-columns-spanning-table": two_columns_with_a_spanning_table,
}


def pdf_of(shape: Callable[[Canvas], None]) -> bytes:
    buffer = io.BytesIO()
    c = canvas(buffer)
    shape(c)
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_pdf_of_another_shape_gives_a_document(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_of(SHAPES[name]))
    try:
        document = parse(path)
    except AggloExtractError as error:  # a clear error is allowed; a bare traceback is not
        pytest.fail(f"{name}: {error.code}: {error}")
    assert isinstance(document, BulletinIssue | JournalArticle)
    assert document.source.format == "pdf"
    dumped = document.model_dump_json()
    # Nothing lost: the numbers printed in the body text are somewhere in the output.
    assert "1.2" in dumped or "18.5" in dumped or "50" in dumped or name.startswith("prospectus")


def test_running_headers_on_every_page_are_furniture() -> None:
    document = parse(pdf_of(report_with_headers_on_every_page))
    assert any("统计公报" in line for line in document.furniture)
    texts = (
        [b.text for b in document.blocks]
        if isinstance(document, JournalArticle)
        else [b.text for a in document.articles for b in a.blocks]
    )
    assert not any("统计公报" in text for text in texts)


def test_a_blank_page_is_reported_not_fatal() -> None:
    document = parse(pdf_of(rotated_and_overlapping_text))
    codes = {d.code for d in document.diagnostics}
    assert "no-text-layer" in codes
    blank = [d for d in document.diagnostics if d.code == "no-text-layer"]
    assert blank[0].location is not None and blank[0].location.pdf_page == 2


def city_table_without_rules(c: Canvas) -> None:
    y = lines_of_text(c, H - 80, 4)
    c.setFont(FONT, 10.5)
    c.drawString(72, y - 10, "表1 城市群主要城市功能定位")
    rows = [
        ("城市", "比较优势", "功能定位"),
        ("甲市", "科教资源丰富", "区域中心城市"),
        ("乙市", "制造业基础雄厚", "先进制造业基地"),
        ("丙市", "生态环境优良", "生态旅游城市"),
    ]
    for number, row in enumerate(rows):
        for x, cell in zip((72, 180, 330), row):
            c.drawString(x, y - 34 - number * 18, cell)
    lines_of_text(c, y - 130, 3)
    c.showPage()


def test_a_table_aligned_without_rules_is_a_table_with_its_caption() -> None:
    document = parse(pdf_of(city_table_without_rules))
    tables = [t for a in document.articles for t in a.tables] if isinstance(document, BulletinIssue) else []
    assert len(tables) == 1
    table = tables[0]
    assert (table.number, table.caption) == (1, "城市群主要城市功能定位")
    assert table.header == ("城市", "比较优势", "功能定位")
    assert [role.city for role in table.city_roles] == ["甲市", "乙市", "丙市"]
    assert table.location is not None and table.location.pdf_page == 1


def test_text_set_at_an_angle_is_kept_in_a_diagnostic() -> None:
    document = parse(pdf_of(rotated_and_overlapping_text))
    rotated = [d for d in document.diagnostics if d.code == "pdf-text-rotated"]
    assert len(rotated) == 1
    assert "侧边竖排说明文字，2019年" in rotated[0].message
    assert rotated[0].location is not None and rotated[0].location.pdf_page == 1


def test_text_inside_a_table_but_in_no_cell_is_kept_and_flagged() -> None:
    from agglo_extract.load.pdf import Glyph, Grid, PageContent
    from agglo_extract.load.pdf_layout import read_layout

    def glyphs(text: str, x: float, top: float) -> list[Glyph]:
        return [Glyph(ch, x + 10 * i, x + 10 * i + 10, top, top + 10, top + 9, 10.0, "F") for i, ch in enumerate(text)]

    cells = ((100.0, 100.0, 200.0, 120.0), (200.0, 100.0, 300.0, 120.0))
    grid = Grid((100.0, 100.0, 300.0, 160.0), (cells,))  # the cells cover only the top of the ruling
    page = PageContent(0, 595.0, 842.0, tuple(glyphs("城市", 105, 105) + glyphs("注：合计", 105, 140)), (), (grid,))

    class Source:
        page_count = 1

        def pages(self):  # type: ignore[no-untyped-def]
            yield page

    layout = read_layout(Source())  # type: ignore[arg-type]
    (table,) = layout.pages[0].tables
    assert table.rows[-1][0] == "注：合计"
    assert any(note.code == "text-unplaced" and "注：合计" in note.message for note in layout.notes)


JOURNAL_LINES = [
    "城市群是推进新型城镇化的主体形态，也是区域经济发展的重",
    "要引擎。近年来，中部地区城市群的人口和经济规模持续扩大，",
    "二〇一九年地区生产总值增长了百分之七左右。",
]


def journal_foot_notes(c):
    for page in range(2):
        c.setFont(FONT, 9)
        c.drawString(72, H - 40, "区域经济评论 2020年第2期")
        if page == 0:
            c.setFont(FONT, 16)
            c.drawCentredString(W / 2, H - 90, "中部城市群协同发展研究")
            c.setFont(FONT, 10.5)
            c.drawCentredString(W / 2, H - 115, "张明")
            c.drawString(72, H - 140, "摘要：本文研究中部城市群的协同发展问题，提出了若干建议。")
            c.drawString(72, H - 158, "关键词：城市群；协同发展；中部地区")
            c.drawString(72, H - 176, "中图分类号：F127    文献标识码：A    文章编号：1234-5678（2020）02-0011-05")
            y = H - 210
        else:
            y = H - 80
        c.setFont(FONT, 10.5)
        c.drawString(72 + 21, y, JOURNAL_LINES[0])
        y -= 18
        c.drawString(72, y, JOURNAL_LINES[1])
        y -= 18
        c.drawString(72, y, JOURNAL_LINES[2])
        w = pdfmetrics.stringWidth(JOURNAL_LINES[2], FONT, 10.5)
        t = c.beginText(72 + w, y)
        t.setFont(FONT, 6.5)
        t.setRise(4)
        t.textOut("①")
        c.drawText(t)
        y -= 18
        for k in range(20):
            c.drawString(
                72 + (21 if k % 5 == 0 else 0),
                y,
                "城市群内部的产业分工与合作机制仍需完善，协调发展任重道远。"
                if k % 5 == 4
                else "城市群内部的产业分工与合作机制仍需进一步完善和加强，各城市",
            )
            y -= 18
        c.line(72, 110, 200, 110)
        c.setFont(FONT, 8)
        c.drawString(
            72,
            98,
            [
                "①国家统计局. 中国统计年鉴2019[M]. 北京: 中国统计出版社, 2019.",
                "①李华. 城市群协同发展的机制[J]. 经济地理, 2018(3): 1-9.",
            ][page],
        )
        c.setFont(FONT, 9)
        c.drawCentredString(W / 2, 40, str(11 + page))
        c.showPage()


def test_a_journal_with_notes_at_each_page_foot_links_each_marker_to_its_page_note() -> None:
    document = parse(pdf_of(journal_foot_notes))
    assert isinstance(document, JournalArticle)
    assert document.title == "中部城市群协同发展研究"
    assert [note.raw[:6] for note in document.footnotes] == ["国家统计局.", "李华. 城市"]
    linked = [(m.marker, m.footnote_index) for b in document.blocks for m in b.markers]
    assert linked == [("①", 0), ("①", 1)]
    assert not any("国家统计局" in line for line in document.furniture)
