"""Results for the reporter tests: a real text report run through the engine, and a
hand-made result with PDF-style locations (page, table, row, col; no line)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint.cli import main
from auditlint.engine.run import FileResult, RunOptions, lint_file
from auditlint.findings import Evidence, Finding, Related, Severity
from auditlint.model import Cell, Document, Location, Paragraph, Table
from auditlint.rank import rank_of
from reports import report, write

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = REPO.parent / "shared" / "sarif" / "sarif-schema-2.1.0.json"

# 基本支出 710.52 + 0 − 0.86 = 709.66 but 715.69 (AL103), as in a real report
BAD = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"],
    ["基本支出", "710.52", "0", "0.86", "715.69", "715.69"],
    ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
    ["合计", "1906.62", "0", "129.89", "1782.77", "1782.77"],
]
# a second report: a negative amount (AL301) and a rate printed as NaN% (AL302)
WORSE = [
    ["项目", "调整预算数", "实际支出数", "执行率"],
    ["党团活动经费", "-1087.3", "1.79", "—"],
    ["专项租赁费", "0", "0", "NaN%"],
    ["培训费", "10.00", "9.50", "95.00%"],
]


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def bad_report(tmp_path: Path, name: str = "report.txt", rows: list[list[str]] = BAD) -> Path:
    return write(tmp_path, report(rows), name)


def run(paths: list[Path], keep_document: bool = True, **options) -> list[FileResult]:
    opts = RunOptions(plugins=False, keep_document=keep_document, **options)
    return [lint_file(p, opts) for p in paths]


def line_of(path: Path, lineno: int) -> str:
    return path.read_text(encoding="utf-8").split("\n")[lineno - 1]


def pdf_result(path: str = "scan/年报.pdf") -> FileResult:
    """A PDF-like result: cells located by page, table, row and column only."""

    def loc(row: int, col: int) -> Location:
        return Location(path, page=3, table=2, row=row, col=col)

    grid = [["项目", "预算数", "扣减", "调整后"], ["基本支出", "710.52", "0.86", "715.69"], ["合计", "710.52", "0.86", "715.69"]]
    table = Table(2, [[Cell(t, loc(r + 1, c + 1)) for c, t in enumerate(row)] for r, row in enumerate(grid)],
                  Location(path, page=3, table=2))
    para = Paragraph(1, "本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）。", Location(path, page=1, paragraph=1))
    doc = Document(path, "pdf", [para, table], pages=4)
    f = Finding(
        location=loc(2, 4),
        message_zh="基本支出：预算数 710.52 − 扣减 0.86 = 709.66，但调整后为 715.69（差 6.03）",
        message_en="基本支出: 710.52 − 0.86 = 709.66, but the adjusted budget is 715.69 (off by 6.03)",
        evidence=Evidence("710.52 - 0.86", "715.69", "709.66", "6.03", "0.015", (("预算数", "710.52"), ("扣减", "0.86"))),
        snippet="基本支出 710.52 0.86 715.69",
        related=[Related(Location(path, page=1, paragraph=1), "本年支出1782.77万元（基本支出709.66万元")],
        confidence=0.95, materiality=0.3, key=("基本支出", "identity", "2"),
        severity=Severity.ERROR, check_id="AL103", name="row-identity-mismatch",
    )
    f.rank = rank_of(f)
    f.fingerprint = f.compute_fingerprint()
    return FileResult(path, [f], None, "pdf", 4, document=doc)


def load_json(text: str) -> dict:
    return json.loads(text)


def missing_tool(reason: str) -> None:
    """Skip a test whose external tool is absent; .ci/run, having installed the
    tools, sets AUDITLINT_REQUIRE_TOOLS so that the skip becomes a failure."""
    if os.environ.get("AUDITLINT_REQUIRE_TOOLS"):
        pytest.fail(f"{reason}, although README's ci:tools step ran (AUDITLINT_REQUIRE_TOOLS is set)")
    pytest.skip(reason)
