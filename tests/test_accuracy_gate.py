"""The accuracy gate: on the generated mutation corpus, every check family that has
checks in the registry reaches precision ≥ 0.95 and recall ≥ 0.95, and clean
reports give no finding at all.

The eval table is printed at the end of every pytest run (see conftest.py), and it is
appended as Markdown to the file named by $AUDITLINT_EVAL_SUMMARY (or
$GITHUB_STEP_SUMMARY) when set. Mutations whose check does not exist yet appear
as "no check yet" and do not count here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from corpusgen.synth.corpus import FORMATS, build, reader_available, writer_available

from auditlint.accuracy.evaluate import evaluate, gate_failures, markdown, table
from conftest import EVAL_TABLES

pytestmark = pytest.mark.slow  # pytest -m "not slow" skips it (README)

SEEDS = tuple(range(1, 7))  # 5 shapes × 6 seeds × (clean + up to 13 mistakes)
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


def test_accuracy_gate(tmp_path: Path, pytestconfig):
    formats = tuple(f for f in FORMATS if reader_available(f) and writer_available(f))
    build(tmp_path, SEEDS, formats)
    result = evaluate(tmp_path, formats=formats)
    pytestconfig.stash.setdefault(EVAL_TABLES, []).append(("accuracy gate (generated mutation corpus)", table(result)))
    target = os.environ.get("AUDITLINT_EVAL_SUMMARY") or os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(markdown(result))

    assert result.outcomes, "the generator wrote no reports"
    assert not [o.report for o in result.outcomes if o.error], "generated reports must all be readable"
    labelled = sum(1 for o in result.outcomes for _ in [*o.hits, *o.misses, *o.no_check])
    assert labelled > 100, "the mutation corpus is suspiciously small"
    failures = gate_failures(result, MIN_PRECISION, MIN_RECALL)
    assert not failures, "accuracy gate: " + "; ".join(failures)
