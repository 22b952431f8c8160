"""The hand-written realistic reports (corpus/realistic/): other provinces' templates and
layouts, written by five red-team rounds to hunt false alarms. Clean reports give no finding
at all, in every format they were written in (.txt, .docx, .pdf, .html), and the planted
copies are found: the same gate as the generated corpus. The table is printed at the end of
the test run. The committed files are what the generator (tools/corpusgen/realistic) writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpusgen.files import same_content
from corpusgen.realistic import reports
from corpusgen.realistic_corpus import report_files

from auditlint.accuracy.evaluate import evaluate, gate_failures, table
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


@pytest.mark.parametrize("module", reports(), ids=lambda m: m.NAME)
def test_committed_reports_are_what_the_generator_writes(module):
    # .pdf is left out for speed; .docx is compared without python-docx's ZIP time stamps
    folder = REALISTIC / module.NAME
    made = dict(report_files(module, formats=("txt", "html", "docx")))
    differ = [name for name, data in made.items() if not same_content(folder / name, data)]
    assert not differ, f"corpus/realistic/{module.NAME}: {differ} differ from the generator (python tools/corpus.py realistic)"
    written = {p.name for p in folder.iterdir() if p.suffix != ".pdf"}
    assert written == set(made), f"files the generator does not write: {sorted(written - set(made))}"
