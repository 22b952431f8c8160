"""``--format xlsx``: the findings sheet (ranked, filtered, frozen header, the
arithmetic in columns) and a sheet per table with findings, the offending cells
filled and commented; read back with openpyxl, and opened by LibreOffice when
it is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from auditlint.cli import main
from auditlint.engine.run import FileResult
from auditlint.findings import Evidence, Finding, Severity
from auditlint.model import Location
from auditlint.report.xlsx import HIT_FILL, RELATED_FILL, render_xlsx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "examples" / "department-2024.txt"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("xlsx") / "findings.xlsx"
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "xlsx", "-o", str(out), "--no-config"])
    assert result.exit_code == 1, result.output  # findings at error level
    return out


def _fill(cell) -> str:  # noqa: ANN001
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else ""


def test_the_findings_sheet(workbook):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["问题清单", "表1", "表2", "表3", "表4"]
    ws = wb["问题清单"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:13] == ("序号", "文件", "位置", "检查", "名称", "级别", "排序分", "问题", "算式", "报告数", "重算数",
                            "差额", "四舍五入允许的误差")
    assert len(rows) == 11 and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:O11"
    ranks = [r[6] for r in rows[1:]]
    assert ranks == sorted(ranks, reverse=True)
    by_check = {(r[3], r[9]): r for r in rows[1:]}
    identity = by_check[("AL103", "282.80")]
    assert identity[8:13] == ("268.00 + 20.00 - 15.20", "282.80", "272.80", "10.00", "0.02")
    assert identity[2] == "第49行第2列 · 表1 第5行第6列"
    # the location links to the offending cell of the table's sheet
    row = next(i for i, r in enumerate(rows, 1) if r is identity)
    assert ws.cell(row=row, column=3).hyperlink.location == "'表1'!F5"
    # a narrative finding has no table: no link
    narrative = next(i for i, r in enumerate(rows, 1) if r[3] == "AL102")
    assert ws.cell(row=narrative, column=3).hyperlink is None


def test_the_table_sheets_fill_and_comment_the_offending_cells(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["表1"]
    assert [c.value for c in ws[1]][:3] == ["序号", "项目", "预算资金"]
    commented = {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}
    assert sorted(commented) == ["F5", "F6", "G6"]
    assert ws["F5"].value == "282.80" and _fill(ws["F5"]) == HIT_FILL
    assert commented["F5"].splitlines() == [
        "AL103 row-identity-mismatch [错误]",
        "项目支出：年初预算数 268.00 + 追加 20.00 − 扣减 15.20 = 272.80，但调整后预算数为 282.80（差 10.00）",
        "268.00 + 20.00 - 15.20 = 272.80；报告为 282.80，相差 10.00（按四舍五入允许的误差 ±0.02）",
    ]
    assert commented["G6"].startswith("AL101 table-total-mismatch") and "518.36 + 241.57 = 759.93" in commented["G6"]
    # the cells a total was checked against, in the lighter tone; the rest untouched
    filled = {c.coordinate: _fill(c) for row in ws.iter_rows() for c in row if _fill(c)}
    assert filled == {"F5": HIT_FILL, "F6": HIT_FILL, "G6": HIT_FILL,
                      "F4": RELATED_FILL, "G4": RELATED_FILL, "G5": RELATED_FILL}
    scores = wb["表4"]
    assert _fill(scores["G10"]) == HIT_FILL and "得分 16 超过权重 15" in scores["G10"].comment.text
    assert _fill(scores["E10"]) == RELATED_FILL


def test_english_labels_and_text_that_is_never_a_formula(tmp_path):
    loc = Location(path="r.txt", line=3, column=1)
    finding = Finding(loc, message_zh="=1+1 不是公式", message_en="=1+1 is no formula",
                      evidence=Evidence("-6.77 - 4.82", "-11.59", "-11.60", "0.01"), check_id="AL101",
                      name="table-total-mismatch", severity=Severity.ERROR, fingerprint="abc")
    results = [FileResult("r.txt", [finding]), FileResult("gone.docx", error="no such file")]
    out = tmp_path / "en.xlsx"
    out.write_bytes(render_xlsx(results, "en"))
    ws = openpyxl.load_workbook(out)["findings"]
    assert [c.value for c in ws[1]][:4] == ["#", "file", "location", "check"]
    assert ws["H2"].value == "=1+1 is no formula" and ws["H2"].data_type == "s"
    assert ws["I2"].value == "-6.77 - 4.82" and ws["I2"].data_type == "s"
    assert (ws["B3"].value, ws["H3"].value) == ("gone.docx", "cannot be read: no such file")


def test_a_workbook_is_refused_on_a_terminal():
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "xlsx", "--no-config"])
    assert result.exit_code == 2
    assert result.output.strip() == "auditlint: --format xlsx 生成的是工作簿，不是终端文本：请加 -o findings.xlsx"


def test_a_workbook_report_keeps_its_sheet_names(tmp_path):
    out = tmp_path / "book.xlsx"
    book = ROOT / "corpus" / "examples" / "self-eval-2024.xlsx"
    result = CliRunner().invoke(main, ["check", str(book), "--format", "xlsx", "-o", str(out), "--no-config"])
    assert result.exit_code == 1, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["问题清单", "预算执行", "项目支出", "三公经费", "自评表"]
    rows = list(wb["问题清单"].iter_rows(values_only=True))
    assert sorted(r[2] for r in rows[1:]) == sorted(["三公经费!C5", "自评表!A3", "自评表!F7", "自评表!G11", "项目支出!E6",
                                                     "预算执行!F7", "预算执行!F8", "预算执行!G8"])
    # the sheet holds the table without its caption rows: the comment names the original cell
    comment = wb["预算执行"]["F5"].comment.text
    assert comment.splitlines()[0] == "AL103 row-identity-mismatch [错误] 预算执行!F7"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_with_its_fills_and_comments(workbook, tmp_path):
    out = tmp_path / "out"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(workbook)],
                   check=True, capture_output=True, timeout=300)
    again = openpyxl.load_workbook(out / workbook.name)
    assert again.sheetnames == ["问题清单", "表1", "表2", "表3", "表4"]
    assert again["问题清单"]["H2"].value == "公务接待费：实际执行数 -0.42 为负数"
    cell = again["表1"]["F5"]
    assert cell.value == "282.80" and _fill(cell) == HIT_FILL
    assert "AL103" in cell.comment.text
