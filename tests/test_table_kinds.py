"""Kinds of budget table beside the spending table: an income table (income beyond the
budget is no overspending), an allocation table whose shares are of the funds
allocated, and the funds block of a 自评表 read as a budget table of its own."""

from __future__ import annotations

from reports import lint, report


def numbers(findings):
    return sorted((f.check_id, f.evidence.stated, f.evidence.computed) for f in findings)


# ---------------------------------------------------------------------------
# income tables, allocation tables and the funds block of a 自评表

INCOME = [
    ["项目", "预算数", "决算数", "完成预算%"],
    ["利润收入", "1,200.00", "1,300.00", "108.33"],
    ["股利、股息收入", "400.00", "380.00", "95.00"],
    ["收入合计", "1,600.00", "1,680.00", "105.00"],
]


def test_an_income_table_completion_rate_is_checked_and_income_beyond_budget_is_no_overspending():
    assert lint(report(INCOME), "AL201,AL303") == []
    rows = [r[:] for r in INCOME]
    rows[2][3] = "59.00"
    (f,) = lint(report(rows), "AL201,AL303")
    assert (f.check_id, f.evidence.stated, f.evidence.computed) == ("AL201", "59.00", "95.00%")


def test_shares_of_allocated_funds():
    rows = [
        ["县市", "分配资金", "实际支出", "执行率", "占分配总额比例"],
        ["甲县", "2,000.00", "1,900.00", "95.00%", "40.00%"],
        ["乙县", "3,000.00", "2,700.00", "90.00%", "60.00%"],
        ["合计", "5,000.00", "4,600.00", "92.00%", "100.00%"],
    ]  # the shares are of 分配资金 (the budget), not of 实际支出
    assert lint(report(rows), "AL201,AL203") == []
    rows[1][4] = "4.00%"
    assert ("AL203", "4.00%", "40.00%") in numbers(lint(report(rows), "AL203"))


FUNDS_BLOCK = [
    ["项目名称", "某专项资金", "", "", "", "", ""],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "600.00", "800.00", "760.00", "10", "95.00%", "9.50"],
    ["其中：当年财政拨款", "600.00", "800.00", "760.00", "—", "—", "—"],
    ["上年结转资金", "0.00", "0.00", "0.00", "—", "—", "—"],
    ["其他资金", "0.00", "0.00", "0.00", "—", "—", "—"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "90", "90"],
    ["总分", "", "", "", "", "100", "99.50"],
]


def test_the_funds_block_of_a_scoring_table_is_a_budget_table():
    assert lint(report(FUNDS_BLOCK), "AL101,AL201") == []
    rows = [r[:] for r in FUNDS_BLOCK]
    rows[2][5] = "100.00%"
    (f,) = lint(report(rows), "AL101,AL201")
    assert (f.check_id, f.evidence.stated, f.evidence.computed) == ("AL201", "100.00%", "95.00%")


def test_a_single_rate_over_another_base_of_its_table_is_not_reported():
    rows = [r[:] for r in FUNDS_BLOCK]
    rows[2][5] = "126.67%"  # 760 ÷ 600: over the initial budget
    assert lint(report(rows), "AL201") == []
