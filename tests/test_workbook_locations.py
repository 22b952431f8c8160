"""A finding on an .xlsx names its cell as Excel does (``预算执行!D5``) in every
machine-readable output: SARIF's ``logicalLocations``, its message text and
location properties, and the CSV/JSON Lines ``sheet``/``cell`` columns."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from auditlint.engine.registry import all_checks
from auditlint.engine.run import RunOptions, lint_file
from auditlint.report.sarif import sarif_log
from auditlint.report.tabular import FIELDS, to_csv, to_jsonl

EXAMPLE = Path(__file__).resolve().parents[1] / "corpus" / "examples" / "department-2024.txt"
ROWS = [["项目", "年初预算数", "调整后预算数", "实际支出数", "执行率"],
        ["基本支出", 512.40, 520.90, 518.36, "99.51%"],
        ["项目支出", 268.00, 272.80, 241.57, "88.55%"],
        ["合计", 780.40, 793.70, 769.93, "97.01%"]]


def _write_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "预算执行"
    ws.cell(row=1, column=1, value="表1 预算执行情况（单位：万元）")
    for r, row in enumerate(ROWS, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, float):
                cell.number_format = "0.00"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    path = _write_workbook(tmp_path_factory.mktemp("book") / "budget.xlsx")
    res = lint_file(path, RunOptions(plugins=False), display_path="budget.xlsx")
    assert res.error is None, res.error
    return res


def _total(result):
    # 518.36 + 241.57 = 759.93, printed 769.93 in 合计's 实际支出数: sheet row 5, column D
    found = [f for f in result.findings if f.check_id == "AL101"]
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [("769.93", "759.93")]
    return found[0]


def test_the_finding_knows_its_sheet_and_cell(result):
    f = _total(result)
    assert (f.location.sheet, f.location.cell) == ("预算执行", "D5")


def test_sarif_names_the_cell_in_logical_locations_message_and_properties(result, tmp_path):
    log = sarif_log([result], all_checks(), "zh", root=tmp_path)
    fp = _total(result).fingerprint
    res = next(r for r in log["runs"][0]["results"] if r["partialFingerprints"]["auditlint/v1"] == fp)
    loc = res["locations"][0]
    assert loc["logicalLocations"] == [{"name": "D5", "fullyQualifiedName": "预算执行!D5", "kind": "element"}]
    assert loc["properties"]["sheet"] == "预算执行" and loc["properties"]["cell"] == "D5"
    assert res["message"]["text"].startswith("预算执行!D5：")
    # an .xlsx has no lines a viewer could show: the region is the snippet, at line 1
    assert loc["physicalLocation"]["region"]["startLine"] == 1
    assert "769.93" in loc["physicalLocation"]["region"]["snippet"]["text"]


def test_a_sheet_name_with_a_space_is_quoted_as_excel_quotes_it():
    from auditlint.model import Location
    from auditlint.report.sarif import sarif_location

    loc = Location(path="b.xlsx", table=1, row=4, col=4, sheet="附表 1", cell="D5")
    got = sarif_location(loc, "b.xlsx", None)["logicalLocations"]
    assert got == [{"name": "D5", "fullyQualifiedName": "'附表 1'!D5", "kind": "element"}]


def test_csv_and_jsonl_have_sheet_and_cell_columns(result):
    assert FIELDS.index("sheet") == FIELDS.index("paragraph") + 1 and FIELDS.index("cell") == FIELDS.index("sheet") + 1
    rows = list(csv.DictReader(io.StringIO(to_csv([result]).lstrip("\ufeff"))))
    total = next(r for r in rows if r["check_id"] == "AL101")
    assert (total["sheet"], total["cell"], total["stated"]) == ("预算执行", "D5", "769.93")
    lines = [json.loads(line) for line in to_jsonl([result]).splitlines()]
    total = next(r for r in lines if r["check_id"] == "AL101")
    assert (total["sheet"], total["cell"]) == ("预算执行", "D5")


def test_other_formats_leave_the_columns_empty():
    res = lint_file(EXAMPLE, RunOptions(plugins=False))
    rows = list(csv.DictReader(io.StringIO(to_csv([res]).lstrip("\ufeff"))))
    assert rows and all(r["sheet"] == "" and r["cell"] == "" for r in rows)


def test_the_workbook_log_is_valid_sarif(result, tmp_path):
    from test_sarif import consistent, schema_errors

    log = sarif_log([result], all_checks(), "zh", root=tmp_path)
    assert schema_errors(log) == []
    consistent(log)


@pytest.mark.slow  # the Multitool (.NET)
def test_the_multitool_accepts_the_workbook_log(result, tmp_path):
    from outputs import missing_tool
    from test_sarif import multitool, multitool_problems

    tool = multitool()
    if tool is None:
        missing_tool("SARIF Multitool not installed (README's ci:tools step)")
    log = sarif_log([result], all_checks(), "zh", root=tmp_path)
    problems = multitool_problems(tool, log, tmp_path / "mt")
    assert [p for p in problems if p[0] in ("error", "warning")] == []


def test_batch_findings_csv_has_sheet_and_cell_columns(tmp_path):
    from batch_support import batch, read_csv

    folder = tmp_path / "in"
    folder.mkdir()
    _write_workbook(folder / "budget.xlsx")
    res = batch(str(folder), "-o", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    rows = [r for r in read_csv(tmp_path / "out" / "findings.csv") if r["check_id"] == "AL101"]
    assert [(r["sheet"], r["cell"], r["stated"], r["computed"]) for r in rows] == [("预算执行", "D5", "769.93", "759.93")]
