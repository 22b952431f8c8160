"""Great Expectations over the batch's budget tables: the suite is the pandera
rules, it fails exactly where AL301/AL302/AL303 fire, and Data Docs are written."""

from __future__ import annotations

import pytest

from auditlint.extract.value_rules import VALUE_RULES
from batch_support import batch, read_csv
from reports import report

pytestmark = pytest.mark.slow  # pytest -m "not slow" skips it (README)

gx = pytest.importorskip("great_expectations", reason="the gx extra is not installed")

NEGATIVE = [
    ["项目", "年初预算数", "调整预算数", "实际支出数", "执行率"],
    ["基本支出", "100.00", "100.00", "95.00", "95.00%"],
    ["党团活动经费", "3.70", "-1087.30", "1.79", "-0.16%"],
    ["专项租赁费", "0", "0", "0", "NaN%"],
    ["合计", "103.70", "-987.30", "96.79", "-9.80%"],
]
CLEAN = [
    ["项目", "年初预算数", "调整预算数", "实际支出数", "执行率"],
    ["基本支出", "100.00", "100.00", "95.00", "95.00%"],
    ["项目支出", "50.00", "50.00", "40.00", "80.00%"],
    ["合计", "150.00", "150.00", "135.00", "90.00%"],
]


def test_every_value_rule_has_an_expectation_on_its_column():
    from auditlint.batch.gx import expectation_for

    for rule in VALUE_RULES:
        e = expectation_for(gx, rule)
        assert e.column == rule.column and e.meta["check_id"] == rule.check_id
        if rule.op == "ge":
            assert type(e).__name__ == "ExpectColumnValuesToBeBetween" and e.min_value == rule.value
        elif rule.op == "le":
            assert type(e).__name__ == "ExpectColumnValuesToBeBetween" and e.max_value == rule.value
        else:
            assert type(e).__name__ == "ExpectColumnValuesToBeInSet" and list(e.value_set) == [rule.value]


def test_gx_fails_exactly_where_the_pandera_checks_fire_and_writes_data_docs(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "negative.txt").write_text(report(NEGATIVE), encoding="utf-8")
    (folder / "clean.txt").write_text(report(CLEAN), encoding="utf-8")
    out, docs = tmp_path / "out", tmp_path / "gx"
    res = batch(str(folder), "-o", str(out), "--gx-docs", str(docs), "--jobs", "1")
    assert res.exit_code == 0, res.output
    assert "Great Expectations:" in res.stderr and "unexpected values" in res.stderr
    assert (docs / "index.html").is_file()
    assert list((docs / "validations").rglob("*.html"))

    from auditlint.batch.gx import validate
    from auditlint.batch.runner import BatchConfig, run_batch
    from auditlint.engine.run import RunOptions

    outcome = run_batch(BatchConfig(inputs=(str(folder),), outdir=out, options=RunOptions(), gx_docs=docs))
    assert outcome.computed == 0  # frames were cached with the findings
    v = validate(outcome.rows, None)
    assert not v.success
    got = {(f.check_id, f.path.rsplit("/", 1)[-1], f.row) for f in v.failures}

    findings = read_csv(out / "findings.csv")
    want = set()
    for f in findings:
        if f["check_id"] in {r.check_id for r in VALUE_RULES}:
            # the row of the finding in the canonical frame: its label's position among the data rows
            label = f["message"].split("：")[0]
            want.add((f["check_id"], "negative.txt", [r[0] for r in NEGATIVE[1:]].index(label)))
    assert want and got == want
    # the negative line and the total it drags below zero; the NaN% rate
    assert sorted(float(f.value) for f in v.failures if f.check_id == "AL301") == [-1087.3, -987.3]
    assert [f.column for f in v.failures if f.check_id == "AL302"] == ["rate_undefined"]
    assert all(f.path.endswith("negative.txt") for f in v.failures)


def test_a_batch_without_budget_tables_validates_nothing(tmp_path):
    from auditlint.batch.gx import validate

    v = validate([{"path": "a.txt", "sha256": "0" * 64, "status": "ok", "frames": []}], tmp_path / "docs")
    assert v.success and v.expectations == 0 and v.failures == []
