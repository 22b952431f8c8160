"""Excel workbooks: every sheet read as the report's blocks, merged cells as in
DOCX, numbers as the cell's format prints them, findings at ``Sheet!A1``; and
the round trip: a 自评表 kept as .xlsx gives the findings of its text form."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from auditlint.engine.run import RunOptions, lint_document, lint_file
from auditlint.model import Document, Paragraph, Table
from auditlint.readers import ReadError, read, read_data
from auditlint.readers.numfmt import printed
from auditlint.report.wording import where
from fixture_docs import Grid, parity_report, to_docx, to_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "examples" / "department-2024.txt"

_PERCENT = re.compile(r"^-?\d+(?:\.(\d+))?%$")
_DECIMAL = re.compile(r"^-?\d+\.(\d+)$")
_GROUPED = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.(\d+))?$")


def _typed(text: str) -> tuple[object, str]:
    """The number a spreadsheet would hold for a printed figure and the format
    that prints it back, with noise below the printed precision (97.01% held as
    0.970103…), so the reader must round as the format does."""
    if m := _PERCENT.match(text):
        places = len(m.group(1) or "")
        value = Decimal(text[:-1]) / 100
        noise = Decimal("0.3") * Decimal(10) ** -(places + 3)
        return float(value + (noise if value >= 0 else -noise)), "0." + "0" * places + "%" if places else "0%"
    for pattern, fmt in ((_GROUPED, "#,##0"), (_DECIMAL, "0")):
        if m := pattern.match(text):
            places = len(m.group(1) or "")
            value = Decimal(text.replace(",", ""))
            noise = Decimal("0.3") * Decimal(10) ** -(places + 1)
            return float(value + (noise if value >= 0 else -noise)), fmt + ("." + "0" * places if places else "")
    if re.fullmatch(r"-?[1-9]\d{0,5}|0", text):
        return int(text), "General"
    return text, "General"


def _put(ws, row: int, col: int, text: str) -> None:  # noqa: ANN001
    value, fmt = _typed(text)
    cell = ws.cell(row=row, column=col, value=value)
    cell.number_format = fmt


def _write_table(ws, row: int, rows: list[list[str]], spans: dict[tuple[int, int], tuple[int, int]]) -> int:  # noqa: ANN001
    covered = Grid(rows, spans).covered()
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text and (r, c) not in covered:
                _put(ws, row + r, c + 1, text)
    for (r, c), (rs, cs) in spans.items():
        ws.merge_cells(start_row=row + r, start_column=c + 1, end_row=row + r + rs - 1, end_column=c + cs)
    return row + len(rows)


def workbook_of(blocks: list, title: str = "", sheet: str = "自评表", gap: int = 1) -> bytes:
    """One sheet holding a report's blocks in order: a paragraph a row with its
    text in column A, a table its grid (with merges), ``gap`` empty rows before it
    and one after."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    row = 1
    if title:
        ws.cell(row=1, column=1, value=title)
        row = 2
    for block in blocks:
        if isinstance(block, Table):
            block = Grid(block.texts(), _doc_spans(block))
        if isinstance(block, Grid):
            row = _write_table(ws, row + gap, block.rows, block.spans) + 1
        else:
            ws.cell(row=row, column=1, value=block.text if isinstance(block, Paragraph) else block)
            row += 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _doc_spans(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    # a cell covered from the left widens its neighbour's span, as Word merged it
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(table.rows):
        c = 0
        while c < len(row):
            width = 1
            while c + width < len(row) and row[c + width].merged:
                width += 1
            if width > 1:
                spans[(r, c)] = (1, width)
            c += width
    return spans


def _summary(findings: list) -> list[tuple[str, str, str, str, str]]:
    return sorted((f.check_id, f.message_zh, f.evidence.stated if f.evidence else "",
                   f.evidence.computed if f.evidence else "", f.fingerprint) for f in findings)


def _blocks(doc: Document) -> list:
    return [("T", b.texts()) if isinstance(b, Table) else ("P", b.text) for b in doc.blocks]


# ---------------------------------------------------------------------------
# the round trip


def test_the_example_report_as_a_workbook_gives_the_findings_of_its_text(tmp_path):
    text_doc = read(EXAMPLE)
    path = tmp_path / "department-2024.xlsx"
    path.write_bytes(workbook_of(text_doc.blocks))
    options = RunOptions(plugins=False)
    from_text = lint_file(EXAMPLE, options)
    from_xlsx = lint_file(path, options)
    assert from_xlsx.error is None, from_xlsx.error
    assert _blocks(read(path)) == _blocks(text_doc)
    assert len(from_text.findings) == 10
    assert _summary(from_xlsx.findings) == _summary(from_text.findings)
    # the planted rate mistake: 769.93 ÷ 793.70 printed as 100%, found from cells holding noisy floats
    rate = next(f for f in from_xlsx.findings if f.check_id == "AL501")
    assert (rate.evidence.stated, rate.evidence.computed) == ("100%", "97.01%")


def test_the_parity_report_with_its_merges_gives_the_findings_of_its_text(tmp_path):
    report = parity_report()
    (tmp_path / "r.txt").write_text(to_text(report), encoding="utf-8")
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(workbook_of(report.blocks, title=report.title))
    options = RunOptions(plugins=False)
    text = lint_file(tmp_path / "r.txt", options)
    book = lint_file(xlsx, options)
    assert book.error is None, book.error
    assert text.findings and _summary(book.findings) == _summary(text.findings)
    doc_text, doc_book = read(tmp_path / "r.txt"), read(xlsx)
    assert _blocks(doc_book) == _blocks(doc_text)
    # merges as Word knows them (a short text row's merges can only be guessed)
    doc_word = read_data(to_docx(report), "r.docx", ".docx")
    merged = [[c.merged for c in row] for t in doc_book.tables for row in t.rows]
    assert any(any(row) for row in merged)
    assert merged == [[c.merged for c in row] for t in doc_word.tables for row in t.rows]


def test_a_budget_table_on_its_own_sheet_under_a_title_row():
    grid = Grid([["项目", "年初预算数", "调整后预算数", "实际支出数", "执行率"],
                 ["基本支出", "512.40", "520.90", "518.36", "99.51%"],
                 ["项目支出", "268.00", "272.80", "241.57", "88.55%"],
                 ["合计", "780.40", "793.70", "769.93", "97.01%"]])
    data = workbook_of(["表1 预算执行情况（单位：万元）", grid], sheet="预算执行", gap=0)
    doc = read_data(data, "budget.xlsx", ".xlsx")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]
    assert doc.tables[0].texts() == grid.rows
    # 520.90 + 272.80 = 793.70 and 518.36 + 241.57 = 759.93, printed 769.93
    findings = lint_document(doc, RunOptions(plugins=False))
    total = [f for f in findings if f.check_id == "AL101"]
    assert [(f.evidence.stated, f.evidence.computed) for f in total] == [("769.93", "759.93")]
    assert where(total[0].location, "budget.xlsx") == "budget.xlsx:预算执行!D5"


def test_the_example_workbook_points_at_its_cells():
    import yaml

    from auditlint.report.wording import sheet_ref

    spec = yaml.safe_load((EXAMPLE.parent / "self-eval-2024.expected.yaml").read_text(encoding="utf-8"))
    book = EXAMPLE.parent / spec["report"]
    result = lint_file(book, RunOptions(plugins=False))
    assert result.error is None, result.error
    got = sorted((f.check_id, sheet_ref(f.location), f.evidence.stated, f.evidence.computed) for f in result.findings)
    assert got == sorted((e["check"], e["cell"], e["stated"], e["computed"]) for e in spec["findings"])
    # the workbook holds department-2024's tables, and their findings keep the text's fingerprints
    assert [t.texts() for t in read(book).tables] == [t.texts() for t in read(EXAMPLE).tables]
    text_prints = {f.fingerprint for f in lint_file(EXAMPLE, RunOptions(plugins=False)).findings}
    assert {f.fingerprint for f in result.findings} <= text_prints


# ---------------------------------------------------------------------------
# the reader


def _book(build) -> bytes:  # noqa: ANN001
    wb = openpyxl.Workbook()
    build(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_sheets_blocks_merges_and_cell_references():
    def build(wb):  # noqa: ANN001, ANN202
        ws = wb.active
        ws.title = "Sheet1"
        ws["B2"] = "表1 收支情况"
        ws.merge_cells("B2:E2")
        ws["B3"], ws["C3"], ws["E3"] = "项目", "预算数", "执行数"
        ws.merge_cells("C3:D3")  # a heading over two columns
        ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "基本支出", 1, 2, 3
        ws["B5"], ws["C5"], ws["D5"], ws["E5"] = "合计", 4, 5, 6
        ws.merge_cells("B4:B5")  # a label down two rows
        ws["B6"] = "注：数据来源于财务系统。"
        ws.merge_cells("B6:E6")
        notes = wb.create_sheet("说明 附表")
        notes["A1"] = "第二张表只有文字。"
        hidden = wb.create_sheet("scratch")
        hidden["A1"] = "草稿"
        hidden.sheet_state = "hidden"

    doc = read_data(_book(build), "book.xlsx", ".xlsx")
    assert doc.format == "xlsx"
    assert _blocks(doc) == [
        ("P", "表1 收支情况"),
        ("T", [["项目", "预算数", "", "执行数"], ["基本支出", "1", "2", "3"], ["", "4", "5", "6"]]),
        ("P", "注：数据来源于财务系统。"),
        ("P", "第二张表只有文字。"),
    ]
    table = doc.tables[0]
    assert [c.merged for c in table.rows[0]] == [False, False, True, False]
    assert [c.merged for c in table.rows[2]] == [False, False, False, False]  # a vMerge continuation, as in DOCX
    assert (table.rows[2][3].location.row, table.rows[2][3].location.col) == (3, 4)
    assert table.rows[2][3].location.cell == "E5" and table.rows[2][3].location.sheet == "Sheet1"
    assert where(table.rows[2][3].location, "book.xlsx") == "book.xlsx:Sheet1!E5"
    assert where(doc.paragraphs[2].location, "book.xlsx") == "book.xlsx:'说明 附表'!A1"
    # the workbook fields join the JSON location only where they are known
    assert table.rows[2][3].location.to_dict()["cell"] == "E5"
    assert "cell" not in read(EXAMPLE).tables[0].rows[0][0].location.to_dict()


def test_numbers_as_their_format_prints_them_and_formulas_by_their_saved_value(tmp_path):
    def build(wb):  # noqa: ANN001, ANN202
        ws = wb.active
        ws.append(["项目", "执行率", "金额", "份额", "人数"])
        ws.append(["信息系统运维", 0.970133064, 1234567.891, 1 / 3, 12.0])
        ws["B2"].number_format = "0.00%"
        ws["C2"].number_format = "#,##0.00"
        ws["E2"].number_format = "General"

    doc = read_data(_book(build), "n.xlsx", ".xlsx")
    assert doc.tables[0].texts()[1] == ["信息系统运维", "97.01%", "1,234,567.89", "0.3333333333", "12"]


def test_formulas_without_saved_results_are_refused_and_saved_ones_read(tmp_path):
    def build(wb):  # noqa: ANN001, ANN202
        ws = wb.active
        ws.append(["项目", "金额"])
        ws.append(["合计", "=1+1"])

    with pytest.raises(ReadError, match=r"^formulas without saved results .*open it in Excel or WPS, save it"):
        read_data(_book(build), "f.xlsx", ".xlsx")
    # as Excel saves it: the formula and its value; and a formula whose result is an empty string
    saved = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(io.BytesIO(_book(build))) as z, zipfile.ZipFile(saved, "w") as out:
        for item in z.infolist():
            body = z.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>")
                body = body.replace(b"</row></sheetData>",
                                    b'<c r="C2" t="str"><f>""</f><v></v></c></row></sheetData>')
            out.writestr(item, body)
    assert read(saved).tables[0].texts() == [["项目", "金额"], ["合计", "2"]]


@pytest.mark.parametrize("value, fmt, shown", [
    (0.970133, "0.00%", "97.01%"),
    (2.675, "0.00", "2.68"),  # half away from zero on the decimal value, as Excel
    (-0.42, "0.00", "-0.42"),
    (-1234.5, "#,##0.00;[Red](#,##0.00)", "(1,234.50)"),
    (0, '0.00;-0.00;"-"', "-"),
    (793.7, "0.00_ ", "793.70"),
    (1234.5, "[$¥-804]#,##0.00", "¥1,234.50"),
    (12.5, "0.0#", "12.5"),
    (12, "0.0#", "12.0"),
    (88.55, '0.00"%"', "88.55%"),
    (5_000_000, "#,##0,", "5,000"),
    (0.30000000000000004, "General", "0.3"),
    (True, "General", "TRUE"),
])
def test_printed(value, fmt, shown):
    assert printed(value, fmt) == shown


def test_a_damaged_workbook_is_one_line_and_exit_2(tmp_path):
    from click.testing import CliRunner

    from auditlint.cli import main

    good = _book(lambda wb: wb.active.append(["项目", "金额"]))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(ReadError, match=r"^damaged \.xlsx") as info:
        read(broken)
    assert "\n" not in str(info.value)
    encrypted = tmp_path / "locked.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ReadError, match="password-protected workbook"):
        read(encrypted)
    result = CliRunner().invoke(main, ["check", str(encrypted)])
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == (
        f"auditlint: {encrypted}: 工作簿设有密码：请在 Excel 或 WPS 中取消密码后重新保存")
    # a ZIP that names a workbook but holds none
    fake = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("xl/workbook.xml", "<x/>")
    with pytest.raises(ReadError, match=r"^a damaged spreadsheet \(\.xlsx; \w+\): open it in Excel or WPS"):
        read(fake)
