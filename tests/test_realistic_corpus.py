"""The hand-written realistic reports (corpus/realistic/): other provinces' templates and
layouts, written by two red-team rounds to hunt false alarms. Clean reports give no finding
at all, in every format they were written in (.txt, .docx, .pdf, .html), and the planted
copies are found: the same gate as the generated corpus. The table
is printed at the end of the test run."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.synth.evaluate import evaluate, gate_failures, table
from conftest import EVAL_TABLES

pytestmark = pytest.mark.slow  # pytest -m "not slow" skips it (README)

REALISTIC = Path(__file__).resolve().parents[1] / "corpus" / "realistic"


def test_realistic_reports_are_clean_where_clean_and_found_where_planted(pytestconfig):
    result = evaluate(REALISTIC, formats=("txt", "docx", "pdf", "html"))
    pytestconfig.stash.setdefault(EVAL_TABLES, []).append(("accuracy on corpus/realistic (hand-written)", table(result)))
    assert len(result.outcomes) > 150 and not [o.report for o in result.outcomes if o.error]
    clean = [(o.report, g.check, g.line) for o, g in result.clean_false_positives()]
    assert not clean, f"findings on clean realistic reports: {clean}"
    failures = gate_failures(result, 0.95, 0.95)
    assert not failures, "; ".join(failures)
