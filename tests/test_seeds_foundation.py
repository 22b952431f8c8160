"""Issue 2's acceptance on the real reports (skips without ../shared)."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_file

FOUNDATION = frozenset({"AL101", "AL103", "AL301", "AL302"})


def run(path):
    result = lint_file(path, RunOptions(select=FOUNDATION, plugins=False))
    assert result.error is None
    return result.findings


def test_center(seeds):
    path = seeds / "nanjing-center-2024.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    fs = run(path)
    al103 = {f.key[0]: f for f in fs if f.check_id == "AL103"}
    f = al103["基本支出"]
    assert (f.evidence.expression, f.evidence.computed, f.evidence.stated) == ("710.52 + 0 - 0.86", "709.66", "715.69")
    assert lines[f.location.line - 1].strip() == "715.69"
    assert al103["合计"].evidence.computed == "1776.73"
    # 715.69 + 1067.07 = 1782.76 against 1782.77 is rounding
    assert not [f for f in fs if f.check_id == "AL101"]
    assert {f.check_id for f in fs} == {"AL103"}


def test_suzhou(seeds):
    path = seeds / "suzhou-bureau-2024.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    fs = run(path)
    (neg,) = [f for f in fs if f.check_id == "AL301"]
    assert neg.key[0] == "党团活动经费" and neg.evidence.stated == "-1087.3"
    assert lines[neg.location.line - 1].strip() == "-1087.3"
    nan = sorted(f.key[0] for f in fs if f.check_id == "AL302")
    assert nan == ["专项奖励表彰费", "专项租赁费", "公务出国（境）费"]
    totals = {(f.key[0], f.key[1]): f for f in fs if f.check_id == "AL101"}
    adjusted = totals[("项目支出", "调整预算数")]
    assert adjusted.severity == "error"
    assert (adjusted.evidence.stated, adjusted.evidence.computed) == ("1097.71", "8.63")
    assert "-1087.3" in [v for _, v in adjusted.evidence.operands]
    assert len(adjusted.evidence.operands) == 22
    assert not [f for f in fs if f.check_id == "AL103"]
    for f in fs:
        assert f.evidence is not None and f.location.line is not None


def test_bureau_has_no_budget_findings(seeds):
    assert run(seeds / "nanjing-bureau-2023.txt") == []
