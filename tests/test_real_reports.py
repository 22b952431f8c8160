"""The real published PDFs of ../shared/real (Shanghai 部门决算 and 部门预算, the national
template): the published final accounts, the two budgets and the template give no
arithmetic, ratio or value finding (AL1xx/AL2xx/AL3xx); their tables are read, their
side-by-side halves apart. Skipped when the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.coverage import coverage_of
from auditlint.readers import read

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"
CLEAN = ["putuo-finance-2024-final-accounts.pdf", "putuo-2026-department-budget.pdf",
         "final-accounts-template-2024.pdf"]

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is absent")


@pytest.mark.parametrize("name", CLEAN)
def test_no_arithmetic_finding_on_a_real_report(name):
    findings = lint_document(read(str(REAL / name)), RunOptions(plugins=False))
    assert [(f.check_id, f.message_en) for f in findings if f.check_id[2] in "123"] == []


def test_the_unit_budget_s_one_real_mistake_is_found_and_nothing_else():
    # verified by hand in the PDF: row 204 06 01 行政运行 prints 项目支出 64,840,547.00 (the
    # whole 款's project spending) beside 合计 14,348,853.34 = 基本支出 14,348,853.34; the
    # same figure is printed in the 支出预算总表 (p.11) and the 一般公共预算支出 table (p.14)
    findings = lint_document(read(str(REAL / "putuo-2026-unit-budget.pdf")), RunOptions(plugins=False))
    got = [(f.check_id, f.location.page, f.evidence.stated, f.evidence.computed)
           for f in findings if f.check_id[2] in "123"]
    assert got == [("AL101", 11, "64,840,547.00", "129681094.00"), ("AL101", 14, "64,840,547.00", "129681094.00")]


def test_the_account_tables_are_read_as_halves():
    facts = extract(read(str(REAL / "putuo-finance-2024-final-accounts.pdf")))
    cov = coverage_of(facts, read_all=True)
    split = [t for t in cov.tables if t.halves]
    assert [t.table for t in split] == [2, 5, 7]  # 收入支出决算总表, 财政拨款收入支出决算总表, 基本支出
    totals = {(s.label, tuple(s.covers)) for h in split[0].halves for s in h.totals}
    assert ("总计", ("本年收入合计", "年初结转和结余")) in totals
    assert ("总计", ("本年支出合计", "年末结转和结余")) in totals
