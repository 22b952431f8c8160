"""The edited copy of ../shared/real's final accounts against the published report: the
mistakes edited in that the reading finds beyond tests/test_real_edits.py's (a table the
contents lists but the body dropped, the 三公 table's 合计 预算数 blanked while the text
states 0.95, a doubled 。), and silence on the published report where the same places
are right. Skipped when the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.engine.run import RunOptions, lint_document
from auditlint.readers import read

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"
EDITED = "putuo-finance-2024-final-accounts-edited.pdf"
PUBLISHED = "putuo-finance-2024-final-accounts.pdf"
OTHERS = ["putuo-planning-2024-final-accounts.pdf", "putuo-social-work-2024-final-accounts.pdf",
          "final-accounts-template-2024.pdf", "putuo-2026-department-budget.pdf", "putuo-2026-unit-budget.pdf"]

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is absent")


def _found(name: str, check_id: str) -> list[tuple[int | None, str, str, str]]:
    findings = lint_document(read(str(REAL / name)), RunOptions(plugins=False))
    return sorted((f.location.page, f.severity.value, f.evidence.stated, f.evidence.computed)
                  for f in findings if f.check_id == check_id)


def test_the_dropped_expenditure_table_is_found():
    assert (2, "warning", "（无）", "三、支出决算表") in _found(EDITED, "AL604")


def test_the_blanked_sangong_budget_is_found():
    assert _found(EDITED, "AL602") == [(15, "warning", "（空）", "0.95万元")]


@pytest.mark.parametrize("name", [PUBLISHED, *OTHERS])
def test_the_real_reports_have_no_blank_stated_cell_and_no_missing_table(name):
    # the published 三公 table prints 0.95; the social-work one is blank where the text states no figure
    assert _found(name, "AL602") == []
    assert [f for f in _found(name, "AL604") if f[2] == "（无）"] == []


def test_the_doubled_full_stop_is_found_and_only_there():
    assert _found(EDITED, "AL606") == [(25, "info", "。。", "。")]
    assert _found(PUBLISHED, "AL606") == []


@pytest.mark.parametrize("name", OTHERS)
def test_the_other_real_reports_print_no_doubled_mark_but_one(name):
    # verified by hand: the 2026 department budget prints two 。 glyphs side by side after
    # "…运行维护等方面的支出" (page 8), a slip of its own; the template's "。。" are table cells
    expected = [(8, "info", "。。", "。")] if name == "putuo-2026-department-budget.pdf" else []
    assert _found(name, "AL606") == expected
