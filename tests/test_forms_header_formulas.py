"""Headers that letter their columns and state the formulas between them (issue 15,
forms2 (b)): 年初预算数(A) 上年结转(B) 调整数(C) 全年预算数(D=A+B+C) 执行数(E)
执行率(F=E/D). The stated formula is better evidence than the identity a check infers
from the column names: AL103 adds the columns the header names, AL201 divides by the
column the header names. Minimal repros written for these tests."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.coverage import coverage_of
from auditlint.extract.header_marks import UNRESOLVED, Mark, mark_of, stated_ratio, stated_sum
from auditlint.extract.headers import header_rows
from auditlint.readers.text import read_bytes

TAIL = "二、绩效目标完成情况\n本年完成了全部目标。\n"
CARRIED = """一、预算执行情况
	项目	年初预算数(A)	上年结转(B)	调整数(C)	全年预算数(D=A+B+C)	执行数(E)	执行率(F=E/D)
	基本支出	700.00	30.00	20.00	750.00	720.00	96.00%
	项目支出	300.00	10.00	-20.00	{project}	261.00	90.00%
	合计	1000.00	40.00	0.00	1040.00	981.00	94.33%
""" + TAIL


def _doc(text: str):  # noqa: ANN202
    return read_bytes(text.encode("utf-8"), "r.txt")


def _findings(text: str) -> list:
    return lint_document(_doc(text), RunOptions())


def test_a_sum_the_header_states_with_a_column_no_role_names_is_not_a_mismatch() -> None:
    # before: 年初预算 + 调整数 ≠ 全年预算数 on every row (上年结转 left out): three errors
    assert _findings(CARRIED.format(project="290.00")) == []


def test_a_row_against_the_stated_sum_is_an_error_with_every_stated_column() -> None:
    findings = _findings(CARRIED.format(project="300.00"))
    al103 = [f for f in findings if f.check_id == "AL103"]
    assert len(al103) == 1
    f = al103[0]
    assert f.severity.value == "error" and f.location.line == 4
    assert (f.evidence.expression, f.evidence.computed, f.evidence.stated, f.evidence.difference) == (
        "300.00 + 10.00 - 20.00", "290.00", "300.00", "10.00")
    assert "上年结转(B) 10.00" in f.message_zh
    # the rate follows the stated divisor, D: 261.00 ÷ 300.00
    al201 = [f for f in findings if f.check_id == "AL201"]
    assert [(f.evidence.stated, f.evidence.computed) for f in al201] == [("90.00%", "87.00%")]
    assert al201[0].message_zh.startswith("项目支出：执行率(F=E/D)为 90.00%")  # the "/" of the formula is no header break


RATE = """一、预算执行情况
	项目	年初预算数(A)	调整数(B)	全年预算数(C=A+B)	执行数(D)	执行率(E={base})
	基本支出	700.00	20.00	720.00	684.00	97.71%
	项目支出	300.00	0.00	300.00	270.00	90.00%
	公用经费	100.00	0.00	100.00	50.00	50.00%
""" + TAIL


def test_rates_over_the_initial_budget_the_header_states_are_not_flagged() -> None:
    # before: most rows agree with either budget, so the adjusted one was taken and 基本支出
    # (over its initial budget, as the header says) was warned about
    assert _findings(RATE.format(base="D/A")) == []


def test_rates_over_another_budget_than_the_header_states_are_flagged() -> None:
    findings = _findings(RATE.format(base="D/C"))
    assert [(f.check_id, f.severity.value, f.location.line, f.evidence.computed) for f in findings] == [
        ("AL201", "warning", 3, "95.00%")]


def test_a_formula_that_cannot_be_followed_leaves_the_column_alone() -> None:
    # G marks no column: which amount the rate is over is unknown, so nothing is said
    assert _findings(RATE.format(base="D/G").replace("50.00%", "40.00%")) == []
    assert _findings(CARRIED.format(project="300.00").replace("(D=A+B+C)", "(D=A+B+C+G)")
                     .replace("(F=E/D)", "(F=E/G)").replace("	合计	1000.00	40.00	0.00	1040.00", "	合计	1000.00	40.00	0.00	1050.00")) == []


def test_inspect_shows_the_stated_formulas_with_the_roles() -> None:
    cov = coverage_of(extract(_doc(CARRIED.format(project="290.00"))), read_all=True)
    assert ("全年预算数(D=A+B+C)", "budget_adjusted") in cov.tables[0].columns
    assert ("执行率(F=E/D)", "rate") in cov.tables[0].columns


def test_marks_and_formulas_as_printed() -> None:
    assert mark_of("全年预算数（C=A+B）") == Mark("C", "A+B")
    assert mark_of("执行率(%)(E=D/C×100%)") == Mark("E", "D/C")
    assert mark_of("执行数(D)") == Mark("D", None)
    assert mark_of("全年预算数（Ｃ＝Ａ＋Ｂ）") == Mark("C", "A+B")
    assert mark_of("执行率(%)") is None and mark_of("预算数（万元）") is None
    assert header_rows("预算资金/执行率(E=D/C)") == ["预算资金", "执行率(E=D/C)"]
    facts = extract(_doc(CARRIED.format(project="290.00")))
    ct = facts.tables[0]
    assert [(sign, col.header) for sign, col in stated_sum(ct, "budget_adjusted")] == [
        (1, "年初预算数(A)"), (1, "上年结转(B)"), (1, "调整数(C)")]
    num, den = stated_ratio(ct, "rate")
    assert (num.role, den.role) == ("actual", "budget_adjusted")
    assert stated_sum(ct, "actual") is None
    assert stated_ratio(extract(_doc(RATE.format(base="D/G"))).tables[0], "rate") is UNRESOLVED
