"""The mistakes of ../shared/real's final accounts, found: the edits in the edited copy (a
收入支出总计 stated as 0, a year-end state dated a year early, the headings AL604 finds,
the 决算数与预算数 words AL206 finds) and the published report's own 财政拨款收入支出总计
of 0.3万元 against its table's 2,961.68 (verified by hand: both halves of the
财政拨款收入支出决算总表 print 总计 2,961.68, and the sentence's figure is set on a line
of its own by the PDF's text layer). Skipped when the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.engine.run import RunOptions, lint_document
from auditlint.readers import read

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is absent")


def _found(name: str, *ids: str) -> list[tuple[str, int | None, str, str]]:
    findings = lint_document(read(str(REAL / name)), RunOptions(plugins=False))
    return sorted((f.check_id, f.location.page, f.evidence.stated, f.evidence.computed) for f in findings if f.check_id in ids)


def test_the_edited_copy_s_total_stated_as_zero_and_stale_year_end_are_found():
    got = _found("putuo-finance-2024-final-accounts-edited.pdf", "AL503", "AL505")
    assert got == [("AL503", 18, "0", "2995.39"), ("AL505", 24, "截至2023年12月31日", "2024年12月31日")]


def test_the_published_report_s_grant_total_is_found():
    assert _found("putuo-finance-2024-final-accounts.pdf", "AL503", "AL505") == [("AL503", 21, "0.3", "2961.68")]


@pytest.mark.parametrize("name", ["putuo-planning-2024-final-accounts.pdf", "putuo-social-work-2024-final-accounts.pdf",
                                  "final-accounts-template-2024.pdf"])
def test_totals_that_agree_are_silent(name):
    # their sentences are broken over lines ("…收入支出总" | "计307.82万元"): read joined, they agree
    assert _found(name, "AL503", "AL505") == []


def test_the_stale_year_end_quotes_its_whole_sentence():
    # the PDF breaks the sentence after "共有车辆"; the quote is the sentence, not its first line
    findings = lint_document(read(str(REAL / "putuo-finance-2024-final-accounts-edited.pdf")), RunOptions(plugins=False))
    (stale,) = [f for f in findings if f.check_id == "AL505"]
    assert "共有车辆0辆" in stale.snippet
