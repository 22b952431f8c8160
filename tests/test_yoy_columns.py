"""Year-on-year columns (AL204): a 增减率 column against the two columns it compares,
between two years or over 决算数 and 上年决算数."""

from __future__ import annotations

from reports import lint, report

STATS = [
    ["指标", "单位", "2023年", "2024年", "增减率"],
    ["到馆读者", "万人次", "50.00", "55.00", "10.00%"],
    ["外借文献", "万册次", "40.00", "42.00", "5.00%"],
    ["阅读推广活动", "场", "200", "230", "15.00%"],
    ["新增持证读者", "人", "10,000", "9,500", "-5.00%"],
]


def test_al204_a_growth_column_between_two_years():
    assert lint(report(STATS), "AL204") == []
    rows = [r[:] for r in STATS]
    rows[2][4] = "50.00%"
    (f,) = lint(report(rows), "AL204")
    assert (f.evidence.stated, f.evidence.computed) == ("50.00%", "5.00%")
    assert f.location.row == 3 and f.location.col == 5


def test_al204_a_growth_column_over_actual_and_prior_actual():
    rows = [
        ["项目", "预算数", "决算数", "上年决算数", "增减率"],
        ["1.公务用车运行维护费", "42.00", "38.65", "40.13", "-3.68%"],
        ["2.公务接待费", "3.00", "1.29", "1.84", "-13.08%"],
        ["合计", "45.00", "39.94", "41.97", "-4.84%"],
    ]
    (f,) = lint(report(rows), "AL204")
    assert (f.evidence.stated, f.evidence.computed) == ("-13.08%", "-29.89%")


def test_al204_a_column_that_mostly_disagrees_is_not_understood():
    rows = [r[:] for r in STATS]
    rows[1][4], rows[2][4], rows[3][4] = "9.09%", "4.76%", "13.04%"  # over this year, not last
    assert lint(report(rows), "AL204") == []
