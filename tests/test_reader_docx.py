"""The DOCX reader: body order, merged cells, automatic numbering, what Word
shows (and what it does not: headers, footers, deleted text), damaged files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import given
from hypothesis import strategies as st

from auditlint.model import Table
from auditlint.numbers import parse_cn_int
from auditlint.readers import ReadError, read_data
from auditlint.readers.docx import format_number
from fixture_docs import parity_report, to_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _save(d) -> bytes:  # noqa: ANN001 - python-docx Document
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _read(data: bytes):
    return read_data(data, "report.docx", ".docx")


def test_body_order_paragraphs_and_tables():
    doc = _read(to_docx(parity_report()))
    kinds = ["T" if isinstance(b, Table) else b.text for b in doc.blocks]
    report = parity_report()
    assert kinds == [report.title, *("T" if not isinstance(b, str) else b for b in report.blocks)]
    assert [p.location.paragraph for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))


def test_merged_cells_resolved_into_the_grid():
    budget, scoring = _read(to_docx(parity_report())).tables
    head = [[(c.text, c.merged) for c in row] for row in budget.rows[:2]]
    assert head[0][2:6] == [("预算资金", False), ("", True), ("", True), ("合计", False)]
    assert head[1] == [("", False), ("", False), ("预算数", False), ("追加", False), ("扣减", False),
                       ("", False), ("", False), ("", False), ("", False)]
    # 决策（15分） spans three rows: its text once, the rows below it empty
    assert [row[0].text for row in scoring.rows[1:4]] == ["决策（15分）", "", ""]
    assert [(c.text, c.merged) for c in scoring.rows[-1][:4]] == [("合计", False), ("", True), ("", True), ("", False)]
    cell = scoring.rows[-1][4]
    assert (cell.text, cell.location.table, cell.location.row, cell.location.col) == ("100", 2, 12, 5)


def _numbering_doc(paragraphs: list[tuple[str, str | None, int]], override: int | None = None) -> bytes:
    """Paragraphs (text, numId, level) with two lists: 1 = 一、/（一）/1., 2 = the same
    definition restarted (a startOverride) when ``override`` is given."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimalEnclosedCircle", "%4")]
    lvls = "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'<w:suff w:val="nothing"/></w:lvl>' for k, (fmt, text) in enumerate(levels))
    numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                               f'<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="71"><w:abstractNumId w:val="90"/></w:num>'))
    restart = (f'<w:lvlOverride w:ilvl="2"><w:startOverride w:val="{override}"/></w:lvlOverride>' if override else "")
    numbering.append(parse_xml(f'<w:num {W} w:numId="72"><w:abstractNumId w:val="90"/>{restart}</w:num>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="73"><w:abstractNumId w:val="91"/></w:num>'))
    for text, num, level in paragraphs:
        p = d.add_paragraph(text)
        if num is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
    return _save(d)


def test_automatic_numbering_is_kept_as_text():
    data = _numbering_doc([
        ("单位概况", "71", 0), ("基本情况", "71", 1), ("主要职能", "71", 1), ("职能一", "71", 2), ("职能二", "71", 2),
        ("收支情况", "71", 0), ("收入", "71", 1), ("无编号的段落", None, 0), ("支出", "71", 1),
        ("列表项", "73", 0), ("结余", "72", 1),
    ])
    assert [p.text for p in _read(data).paragraphs] == [
        "一、单位概况", "（一）基本情况", "（二）主要职能", "1.职能一", "2.职能二",
        "二、收支情况", "（一）收入", "无编号的段落", "（二）支出", "列表项",
        "（三）结余",  # a second list on the same definition continues it, as in Word
    ]


def test_a_start_override_restarts_the_level():
    data = _numbering_doc([("甲", "71", 2), ("乙", "71", 2), ("丙", "72", 2), ("丁", "72", 2)], override=5)
    assert [p.text for p in _read(data).paragraphs] == ["1.甲", "2.乙", "5.丙", "6.丁"]


@pytest.mark.parametrize("n, fmt, text", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (105, "chineseCounting", "一百零五"), (110, "chineseCounting", "一百一十"),
    (3, "chineseLegalSimplified", "叁"), (12, "ideographDigital", "一二"), (10, "ideographDigital", "一〇"),
    (2, "ideographTraditional", "乙"), (3, "decimalEnclosedCircle", "③"), (7, "decimalFullWidth", "７"),
    (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (27, "lowerLetter", "aa"), (2, "upperLetter", "B"),
    (3, "decimalZero", "03"), (5, "bullet", ""),
])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_counting_reads_back(n):
    assert parse_cn_int(format_number(n, "chineseCounting")) == n


def test_headers_footers_and_deleted_text_are_not_read():
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉：单位内部资料 1782.77"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    p = d.add_paragraph("本年支出")
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="a"><w:r><w:delText>1000.00</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="a"><w:r><w:t>1782.77</w:t></w:r></w:ins>'))
    p.add_run("万元。")
    assert [x.text for x in _read(_save(d)).paragraphs] == ["本年支出1782.77万元。"]


def test_line_breaks_split_paragraphs_and_join_cell_lines():
    d = docx.Document()
    d.add_paragraph("一、预算执行情况\n本年支出1782.77万元。")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "一级\n指标"
    t.cell(0, 1).text = "权重"
    t.cell(1, 0).paragraphs[0].text = "决策"
    t.cell(1, 0).add_paragraph("（15分）")
    t.cell(1, 1).text = "15"
    doc = _read(_save(d))
    assert [p.text for p in doc.paragraphs] == ["一、预算执行情况", "本年支出1782.77万元。"]
    cells = doc.tables[0].rows
    assert (cells[0][0].text, cells[0][0].raw) == ("一级指标", "一级\n指标")
    assert cells[1][0].text == "决策（15分）"


def test_rows_that_start_later_and_nested_tables():
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["项目", "预算数", "实际数"], ["甲", "1.00", "1.00"], ["删", "合计", "1.00"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    # Word's gridBefore: the last row starts in the second column
    tr = t.rows[2]._tr
    tr.remove(tr.tc_lst[0])
    tr.insert(0, parse_xml(f'<w:trPr {W}><w:gridBefore w:val="1"/></w:trPr>'))
    inner = t.cell(1, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "子项"
    inner.cell(0, 1).text = "0.50"
    doc = _read(_save(d))
    rows = doc.tables[0].texts()
    assert rows[2] == ["", "合计", "1.00"]
    assert rows[1][0] == "甲子项 0.50"  # a table inside a cell is read as lines of that cell


def test_a_one_cell_table_is_a_frame_not_a_table():
    d = docx.Document()
    frame = d.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "说明：本报告金额单位为万元。"
    inner = frame.cell(0, 0).add_table(rows=2, cols=2)
    for r, row in enumerate([["项目", "金额"], ["合计", "1.00"]]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    doc = _read(_save(d))
    assert [p.text for p in doc.paragraphs] == ["说明：本报告金额单位为万元。"]
    assert len(doc.tables) == 1 and doc.tables[0].texts() == [["项目", "金额"], ["合计", "1.00"]]


def test_content_controls_are_read_through():
    d = docx.Document()
    body = d.element.body
    sdt = parse_xml(f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>单位名称：某市数据管理中心</w:t></w:r></w:p>'
                    f'</w:sdtContent></w:sdt>')
    body.insert(0, sdt)
    assert _read(_save(d)).paragraphs[0].text == "单位名称：某市数据管理中心"


def _zip_with(document_xml: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(_save(docx.Document())))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            out.writestr(item, document_xml if item.filename == "word/document.xml" else src.read(item))
    return buf.getvalue()


@pytest.mark.parametrize("data, message", [
    (b"this is not a zip at all", "not a .docx file"),
    (lambda: _save(docx.Document())[:2000], "damaged .docx"),
    (lambda: _zip_with(b"<w:document><unclosed>"), "malformed docx|not a .docx"),
])
def test_damaged_documents_give_one_line(data, message):
    raw = data() if callable(data) else data
    with pytest.raises(ReadError, match=message) as info:
        _read(raw)
    assert "\n" not in str(info.value)


def test_an_empty_document_has_nothing_to_check():
    with pytest.raises(ReadError, match="no text found"):
        _read(_save(docx.Document()))
