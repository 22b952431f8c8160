"""The PDF reader: paragraphs in reading order, ruled and unruled tables, tables
over page breaks, page furniture, locations, and one-line errors."""

from __future__ import annotations

import io
from functools import cache

import pytest
from reportlab.platypus import PageBreak, Spacer, TableStyle
from reportlab.platypus import Paragraph as P
from reportlab.platypus import Table as T

from auditlint.model import Paragraph, Table
from auditlint.readers import ReadError, read_data
from auditlint.readers.pdf import Line, PageContent, PageTable, _Stitched, assemble, build_lines
from fixture_docs import PROJECTS, parity_report, to_pdf


def _styles(size: float = 12):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=size, leading=size * 1.5, wordWrap="CJK",
                          firstLineIndent=2 * size)
    flush = ParagraphStyle("flush", parent=body, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    return body, flush, cell


def _build(story: list, furniture: bool = False, **kw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    def deco(c, doc):  # noqa: ANN001 - reportlab callback
        c.saveState()
        c.setFont("STSong-Light", 9)
        c.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        c.drawString(72, A4[1] - 40, "某市数据管理中心2024年度部门整体支出绩效自评报告")
        c.restoreState()

    buf = io.BytesIO()
    pages = {"onFirstPage": deco, "onLaterPages": deco} if furniture else {}
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, **kw).build(story, **pages)
    return buf.getvalue()


def _read(data: bytes):
    return read_data(data, "report.pdf", ".pdf")


FILLER = "本中心围绕数据资源体系建设和数字政府建设重点任务，按照年初确定的绩效目标组织实施各项工作，" * 3
SENTENCE = "2024年度本中心本年支出2066.77万元（基本支出705.20万元，项目支出1361.57万元）。"


@cache
def parity_doc():
    return _read(to_pdf(parity_report()))


# ---------------------------------------------------------------------------
# paragraphs


def test_wrapped_lines_are_one_paragraph_and_headings_start_new_ones():
    doc = parity_doc()
    texts = [p.text for p in doc.paragraphs]
    report = parity_report()
    expected = [report.title, *(b for b in report.blocks if isinstance(b, str))]
    assert texts == expected  # the long narrative paragraphs wrap over three lines in the PDF
    long = next(p for p in doc.paragraphs if p.text.startswith("本中心为市政府"))
    assert len(long.line_breaks) >= 2 and long.location.page == 1


def test_a_paragraph_continued_over_a_page_break_is_one_paragraph():

    body, flush, _ = _styles()
    story = [P(FILLER, body) for _ in range(9)] + [P(FILLER * 2 + SENTENCE, body), P("二、下一步工作", flush)]
    doc = _read(_build(story, furniture=True))
    last = doc.paragraphs[-2]
    assert last.text == FILLER * 2 + SENTENCE
    assert {loc.page for loc in last.line_locations} == {1, 2}
    at = last.location_at(last.text.index("1361.57"))
    assert at.page == 2 and at.line is not None and at.line > 1
    assert doc.paragraphs[-1].text == "二、下一步工作"


def test_running_headers_and_page_numbers_are_not_text():

    body, _, _ = _styles()
    doc = _read(_build([P(FILLER, body) for _ in range(14)], furniture=True))
    assert doc.pages == 2
    texts = " ".join(p.text for p in doc.paragraphs)
    assert "自评报告" not in texts and "- 1 -" not in texts and "- 2 -" not in texts
    assert all(p.text == FILLER for p in doc.paragraphs)


def test_a_full_line_then_a_heading_are_two_paragraphs():

    _, flush, _ = _styles()
    # the first paragraph fills its last line to the margin; the heading still starts anew
    full = "预算执行" * 11 + "总体良好。"
    doc = _read(_build([P(full, flush), P("（一）预算执行率", flush), P("（二）资金使用合规性", flush)]))
    assert [p.text for p in doc.paragraphs] == [full, "（一）预算执行率", "（二）资金使用合规性"]


def test_a_boxed_paragraph_is_a_paragraph_not_a_table():

    body, _, cell = _styles()
    box = T([[P("说明：本表金额单位为万元，执行率为实际支出数除以调整后预算数。", cell)]])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, "black")]))
    doc = _read(_build([P("一、说明", body), box]))
    assert not doc.tables
    assert doc.paragraphs[-1].text == "说明：本表金额单位为万元，执行率为实际支出数除以调整后预算数。"


# ---------------------------------------------------------------------------
# tables


def test_merged_header_and_vertical_merges_resolved_as_the_text_reader_sees_them():
    table = parity_doc().tables[0]
    head = [[(c.text, c.merged) for c in row] for row in table.rows[:2]]
    assert head[0] == [("序号", False), ("单位及项目", False), ("预算资金", False), ("", True), ("", True),
                       ("合计", False), ("实际执行数", False), ("执行率", False), ("上年决算执行数", False)]
    # the lower row of a vertical merge is an empty cell of its own row, as Word's text extraction prints it
    assert head[1] == [("", False), ("", False), ("预算数", False), ("追加", False), ("扣减", False),
                       ("", False), ("", False), ("", False), ("", False)]


def test_a_table_over_a_page_break_is_one_table_without_its_repeated_header():
    doc = parity_doc()
    assert doc.pages == 2
    budget = doc.tables[0]
    labels = [row[1].text for row in budget.rows]
    assert labels.count("单位及项目") == 1  # the header reportlab repeats on page 2 is dropped
    assert labels[-1] == "合计" and labels[-2] == PROJECTS[-1]
    assert len(budget.rows) == 2 + 1 + 3 + 1 + len(PROJECTS) + 1
    pages = [row[1].location.page for row in budget.rows]
    assert pages[0] == 1 and pages[-1] == 2 and pages == sorted(pages)
    assert [row.location.row for row in (r[0] for r in budget.rows)] == list(range(1, len(budget.rows) + 1))
    assert len(doc.tables) == 2


def test_cells_keep_signs_and_placeholders_as_printed():
    budget = parity_doc().tables[0]
    by_label = {row[1].text: row for row in budget.rows}
    assert by_label["设备购置"][6].text.startswith("-")
    assert by_label["网络安全保障"][7].text == "NaN%"


def test_text_inside_a_table_is_not_also_a_paragraph():
    doc = parity_doc()
    assert not any("档案数字化" in p.text or "109.91" in p.text for p in doc.paragraphs)


def test_locations_give_page_and_line_on_the_page():
    doc = parity_doc()
    budget = doc.tables[0]
    first = budget.rows[0][0].location
    assert (first.page, first.table, first.row, first.col) == (1, 1, 1, 1)
    caption = next(p for p in doc.paragraphs if p.text.startswith("表1"))
    # the table starts on the line after its caption; a cell's line is where its own text is printed
    assert budget.location.line == caption.location.line + 1 and first.line >= budget.location.line
    total = budget.rows[-1][5].location
    assert total.page == 2 and total.row == len(budget.rows) and total.col == 6 and total.line >= 1


def test_full_width_and_unicode_minus_signs_survive():

    _, _, cell = _styles()
    # (STSong-Light has no glyph for U+2212 "−": reportlab drops it, so it is tested on characters below)
    rows = [["项目", "预算数", "调整数", "调整后预算数"], ["甲项目", "１２.５０", "－2.50", "10.00"],
            ["乙项目", "8.00", "-1.00", "7.00"], ["合计", "20.50", "-3.50", "17.00"]]
    t = T([[P(x, cell) for x in r] for r in rows])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    doc = _read(_build([t]))
    assert doc.tables[0].texts() == rows


def test_a_row_broken_over_a_page_is_joined_but_a_group_row_is_not():

    _, _, cell = _styles()
    rule = "共3项：" + "1.部门建立了关于重大经济活动、重大资金安排的决策制度，得1分，未建立不得分；" * 6
    rows = [["指标", "分值", "评分标准", "得分"]]
    rows += [[f"指标{k + 1}", "2", "满足要求得2分；否则不得分。", "2"] for k in range(14)]
    rows += [["决策程序的科学规范性", "3", rule, "3"], ["（二）过程", "", "", ""], ["预算执行率", "5", "90%-100%得5分", "5"]]
    t = T([[P(x, cell) for x in r] for r in rows], colWidths=[90, 40, 260, 40], repeatRows=1, splitInRow=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = _read(_build([Spacer(1, 300), t]))
    assert doc.pages == 2 and len(doc.tables) == 1
    assert doc.tables[0].texts() == rows


def test_a_header_row_alone_at_the_foot_of_a_page_stays_with_its_table():
    _, _, cell = _styles()
    rows = [["一级\n指标", "三级指标", "权重", "自评得分"]] + [[f"指标{k}", f"三级{k}", "5", "5"] for k in range(6)]
    t = T([[P(x.replace("\n", "<br/>"), cell) for x in r] for r in rows], colWidths=[80, 120, 60, 60])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    doc = _read(_build([Spacer(1, 650), t]))  # room for the header row only
    assert doc.pages == 2 and not doc.paragraphs
    (table,) = doc.tables
    assert table.texts() == [["一级指标", "三级指标", "权重", "自评得分"]] + rows[1:]
    assert table.rows[0][0].location.page == 1 and table.rows[1][0].location.page == 2


def test_two_tables_printed_one_under_the_other_are_two_tables():
    _, _, cell = _styles()
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 0), (3, 0))])
    budget = [["项目", "预算资金", "", "", "实际支出数"], ["", "预算数", "追加", "扣减", ""], ["甲项目", "10.00", "1.00", "0.50", "10.20"]]
    scoring = [["一级指标", "三级指标", "权重", "评分标准", "得分"], ["过程", "预算执行率", "5", "90%-100%得5分", "5"]]
    a = T([[P(x, cell) for x in r] for r in budget], colWidths=[90, 60, 50, 50, 70], style=style)
    b = T([[P(x, cell) for x in r] for r in scoring], colWidths=[60, 90, 40, 100, 30],
          style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    doc = _read(_build([a, b]))  # no space between them: they share a rule, and pdfplumber one grid
    assert [t.texts() for t in doc.tables] == [budget, scoring]
    assert [t.index for t in doc.tables] == [1, 2]


def test_tables_on_consecutive_pages_with_other_columns_stay_apart():

    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), "STSong-Light", 9)])
    _styles()
    a = T([["项目", "预算数", "实际支出数"], ["基本支出", "1.00", "1.00"]], style=style)
    b = T([["指标", "权重", "得分", "备注"], ["预算执行率", "5", "5", ""]], style=style)
    doc = _read(_build([a, PageBreak(), b]))
    assert [t.n_cols for t in doc.tables] == [3, 4]


def test_a_continued_table_under_a_xubiao_caption_is_joined():

    _, flush, _ = _styles()
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), "STSong-Light", 9)])
    head = ["项目", "预算数", "实际支出数"]
    first = T([head] + [[f"项目{k}", "1.00", "1.00"] for k in range(3)], colWidths=[120, 80, 80], style=style)
    rest = T([head] + [[f"项目{k}", "1.00", "1.00"] for k in range(3, 6)], colWidths=[120, 80, 80], style=style)
    doc = _read(_build([Spacer(1, 640), first, PageBreak(), P("续表1", flush), rest]))
    assert len(doc.tables) == 1 and doc.tables[0].n_rows == 7
    assert not any(p.text.startswith("续表") for p in doc.paragraphs)


# ---------------------------------------------------------------------------
# tables without full rules


def _unruled(three_line: bool) -> bytes:

    body, flush, _ = _styles(10)
    rows = [["项目", "年初预算数", "调整预算数", "实际支出数", "执行率"],
            ["基本支出", "100.00", "100.00", "95.00", "95.00%"],
            ["项目支出", "200.00", "180.00", "175.00", "97.22%"],
            ["合计", "300.00", "280.00", "270.00", "96.43%"]]
    style = [("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    if three_line:
        style += [("LINEABOVE", (0, 0), (-1, 0), 1, "black"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black"),
                  ("LINEBELOW", (0, -1), (-1, -1), 1, "black")]
    return _build([P("一、预算执行情况", flush), P("表1 预算执行情况（单位：万元）", flush), T(rows, style=TableStyle(style)),
                   P("二、单位负责人：张三　　　　　　　填报人：李四", flush), P(FILLER, body)])


@pytest.mark.parametrize("three_line", [True, False])
def test_tables_without_rules_are_read_from_the_alignment(three_line):
    doc = _read(_unruled(three_line))
    assert len(doc.tables) == 1
    assert doc.tables[0].texts()[0] == ["项目", "年初预算数", "调整预算数", "实际支出数", "执行率"]
    assert doc.tables[0].texts()[-1] == ["合计", "300.00", "280.00", "270.00", "96.43%"]
    texts = [p.text for p in doc.paragraphs]
    assert "表1 预算执行情况（单位：万元）" in texts  # the caption stays text
    assert any(t.startswith("二、单位负责人") for t in texts)  # a line with wide gaps is not a table
    assert FILLER in texts


def test_a_list_with_numbers_is_not_a_table():

    _styles()
    rows = [["1.培训人数", "120人"], ["2.会议次数", "5次"], ["3.宣传材料", "3000份"]]
    doc = _read(_build([T(rows, style=TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10)]))]))
    assert not doc.tables and len(doc.paragraphs) == 3


# ---------------------------------------------------------------------------
# the line builder and stitching, on hand-made characters


def _char(text: str, x0: float, top: float = 100.0, size: float = 10.0, width: float | None = None) -> dict:
    w = size if width is None else width
    return {"text": text, "x0": x0, "x1": x0 + w, "top": top, "bottom": top + size, "size": size, "upright": True}


def test_spaces_come_from_gaps_only_where_a_reader_sees_one():
    chars = [_char("本", 0), _char("年", 10.5), _char("支", 21), _char("出", 31)]  # CJK, small gaps: none
    chars += [_char(c, 41 + 5 * k, width=5) for k, c in enumerate("1782.77")]  # digits right after: none
    chars += [_char("万", 76.5), _char("元", 87)]
    (line,) = build_lines(chars, 1)
    assert line.text == "本年支出1782.77万元"
    latin = [_char(c, 5 * k, width=5) for k, c in enumerate("total")] + [_char(c, 28 + 5 * k, width=5) for k, c in enumerate("cost")]
    assert build_lines(latin, 1)[0].text == "total cost"
    minus = [_char(c, 5 * k, width=5) for k, c in enumerate("−1087.3")]
    assert build_lines(minus, 1)[0].text == "−1087.3"
    tab = [_char("项", 0), _char("目", 10), _char("预", 60), _char("算", 70)]
    (line,) = build_lines(tab, 1)
    assert line.text == "项目 预算" and [s[2] for s in line.segments] == ["项目", "预算"]


def test_a_glyph_drawn_twice_for_bold_counts_once():
    chars = [_char("合", 0), _char("合", 0.3), _char("计", 10), _char("计", 10.3)]
    assert build_lines(chars, 1)[0].text == "合计"


def test_characters_of_mixed_sizes_on_one_baseline_are_one_line():
    chars = [_char("支", 0, top=100, size=12), _char("出", 12, top=100, size=12), _char("5", 24, top=101.5, size=9, width=5)]
    assert [ln.text for ln in build_lines(chars, 1)] == ["支出5"]


def _page_of(lines: list[tuple[float, float, str]], number: int = 1) -> PageContent:
    """A page of running text: (x0, x1, text) per line, 10.5pt, 15.75pt apart."""
    page = PageContent(number=number, width=595.3, height=841.9)
    for k, (x0, x1, text) in enumerate(lines):
        top = 100 + 15.75 * k
        page.lines.append(Line(number, top, top + 10.5, x0, x1, 10.5, text, 10.5, number=k + 1))
    return page


def test_ragged_cjk_line_ends_and_stray_lines_do_not_move_the_margins():
    # full lines end a character or so short of each other, one hangs a comma over the margin
    body = [
        (99.0, 506.9, "南京市医疗保障局现对2023年预算资金使"), (78.0, 246.0, "用情况开展自查。"),
        (99.0, 511.8, "南京市医疗保障局成立于2019年1月，行"), (78.0, 508.5, "政机关，隶属于南京市人民政府。市医疗"),
        (78.0, 523.9, "保障局负责贯彻落实中央关于医疗保障工作，"), (78.0, 288.0, "在履行职责过程中坚持党的领导。"),
        (78.0, 141.0, "一、单位概况"), (99.0, 509.1, "根据部门职责分工，本部门内设机构包括办"), (78.0, 301.3, "公室等。"),
    ]
    # and two stray lines left of the margin and past it (a table's loose header text)
    page = _page_of([*body, (63.6, 141.6, "一级 二级"), (63.6, 519.6, "指标 指标 三级指标 评分标准 完成情况"), *body])
    texts = [b.text for b in assemble([page], "x.pdf")]
    expected = ["南京市医疗保障局现对2023年预算资金使用情况开展自查。",
                "南京市医疗保障局成立于2019年1月，行政机关，隶属于南京市人民政府。市医疗保障局负责贯彻落实中央关于医疗保障工作，"
                "在履行职责过程中坚持党的领导。",
                "一、单位概况", "根据部门职责分工，本部门内设机构包括办公室等。"]
    assert texts == [*expected, "一级 二级", "指标 指标 三级指标 评分标准 完成情况", *expected]


def test_a_short_last_line_or_an_indent_ends_the_paragraph():
    page = _page_of([
        (78.0, 509.0, "本年度预算执行情况总体良好，各项支出均按照预算安排执行，未发"), (78.0, 300.0, "生超预算支出的情况。"),
        (78.0, 509.0, "第二段的第一行没有缩进但上一段的最后一行很短，所以这里是新的段"), (78.0, 509.0, "落，而且这一行也写满了整行的宽度，还要继续写到下一行去才能结"),
        (99.0, 400.0, "缩进的一行总是新段落的开始。"),
    ])
    texts = [b.text for b in assemble([page], "x.pdf")]
    assert len(texts) == 3 and texts[2] == "缩进的一行总是新段落的开始。"


def _part(page: int, rows: list[list[str]]) -> PageTable:
    def cell(text: str, r: int) -> list[Line]:
        return [Line(page, 100 + 20 * r, 110 + 20 * r, 0, 10, 10, t, 10) for t in text.split("\n") if t] if text else []

    grid = [[cell(t, r) for t in row] for r, row in enumerate(rows)]
    return PageTable(page, (0, 100, 300, 100 + 20 * len(rows)), [0, 100, 200, 300], grid)


def _texts(st: _Stitched) -> list[list[str]]:
    return [["\n".join(ln.text for ln in (c or [])) for c in row] for row in st.rows]


def test_stitching_drops_only_rows_that_repeat_the_header():
    first = _part(1, [["项目", "预算数", "实际数"], ["甲", "1.00", "1.00"]])
    st = _Stitched([first], list(first.grid))
    st.extend(_part(2, [["项目", "预算数", "实际数"], ["乙", "2.00", "2.00"]]))
    assert _texts(st) == [["项目", "预算数", "实际数"], ["甲", "1.00", "1.00"], ["乙", "2.00", "2.00"]]
    # a data row equal to the first data row is a duplicated row (a mistake to report), never dropped
    st.extend(_part(3, [["甲", "1.00", "1.00"]]))
    assert len(st.rows) == 4


@pytest.mark.parametrize("top, joined", [
    (["", "", "的剩余部分"], True),  # only text goes on, beyond the label columns: the rest of the row
    (["（二）项目支出", "", ""], False),  # a label alone: a group heading
    (["", "", "3.00"], False),  # a number: a row of its own
    (["丙", "", "未完"], False),  # a label of its own: a new row whose amount is blank
    (["", "2.00", ""], False),
])
def test_a_row_split_by_the_page_is_joined_only_when_it_is_a_remainder(top, joined):
    first = _part(1, [["项目", "预算数", "说明"], ["甲", "1.00", "说明文字"]])
    st = _Stitched([first], list(first.grid))
    st.extend(_part(2, [top]))
    assert (len(st.rows) == 2) == joined


# ---------------------------------------------------------------------------
# unreadable PDFs


def test_a_password_protected_pdf_says_so():
    from reportlab.lib import pdfencrypt

    body, _, _ = _styles()
    data = _build([P(SENTENCE, body)], encrypt=pdfencrypt.StandardEncryption("secret", "owner", canPrint=1))
    with pytest.raises(ReadError, match="password-protected PDF"):
        _read(data)


def test_a_pdf_with_only_an_owner_password_is_read():
    """Copy-protected PDFs open without a password. (In Helvetica: reportlab leaves a
    CID font's CIDSystemInfo strings unencrypted, which pdfminer then garbles.)"""
    from reportlab.lib import pdfencrypt
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("latin", fontName="Helvetica", fontSize=12, leading=16)
    data = _build([P("Total spending 1782.77 (basic 715.69, projects 1067.07).", style)],
                  encrypt=pdfencrypt.StandardEncryption("", "owner", canPrint=1, canCopy=0))
    assert _read(data).paragraphs[0].text == "Total spending 1782.77 (basic 715.69, projects 1067.07)."


def test_a_pdf_of_drawings_only_asks_for_ocr():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(72, 600, 400, 150)
    c.line(72, 580, 472, 580)
    c.showPage()
    c.save()
    with pytest.raises(ReadError, match="^no text layer: run OCR first"):
        _read(buf.getvalue())


def test_a_scanned_page_image_asks_for_ocr():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    # an inline grey image as a scanner writes one, drawn over the page
    c.drawInlineImage(_grey_image(), 0, 0, A4[0], A4[1])
    c.showPage()
    c.save()
    with pytest.raises(ReadError, match="^no text layer: run OCR first"):
        _read(buf.getvalue())


def _grey_image():
    from PIL import Image

    return Image.new("L", (40, 60), color=200)


@pytest.mark.parametrize("damage, message", [
    (lambda d: d[: len(d) // 2], "truncated PDF"),
    (lambda d: d[:9] + b"\x00" * (len(d) - 9 - 200) + d[-200:], "damaged PDF"),
    (lambda d: b"%PDF-1.4\n%%EOF\n", "damaged PDF|no text"),
])
def test_corrupt_pdfs_give_one_line(damage, message):

    body, _, _ = _styles()
    with pytest.raises(ReadError, match=message) as info:
        _read(damage(_build([P(SENTENCE, body)])))
    assert "\n" not in str(info.value)


def test_document_shape():
    doc = parity_doc()
    assert doc.format == "pdf"
    assert all(isinstance(b, Paragraph | Table) for b in doc.blocks)
    assert [b.index for b in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
