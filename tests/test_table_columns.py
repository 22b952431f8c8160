"""Columns of a budget table (AL101): amounts or counts under headers no role names
(合同金额, 服务人数) still add up, prices, standards and averages do not, and header rows
that span or stop short name the columns they cover and no others. Each is silent
where the table is right and fires with the exact numbers where it is not."""

from __future__ import annotations

from reports import lint, report

# ---------------------------------------------------------------------------
# columns of amounts or counts no role names still add up

CONTRACTS = [
    ["服务包", "承接机构", "服务人数", "合同金额（元）", "结算金额（元）"],
    ["第一包", "甲服务中心", "420", "1,260,000.00", "1,231,500.00"],
    ["第二包", "乙服务公司", "380", "1,140,000.00", "1,120,200.00"],
    ["第三包", "丙社工中心", "250", "750,000.00", "741,000.00"],
    ["合计", "", "1,050", "3,150,000.00", "3,092,700.00"],
]


def test_a_contract_table_adds_up_in_columns_no_role_names():
    assert lint(report(CONTRACTS), "AL101") == []
    rows = [r[:] for r in CONTRACTS]
    rows[4][3] = "3,510,000.00"
    (f,) = lint(report(rows), "AL101")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.difference) == ("3,510,000.00", "3150000.00", "360000.00")
    assert "合同金额" in f.message_zh and f.severity == "error"


def test_prices_standards_and_averages_are_not_sums():
    rows = [
        ["乡镇", "补贴面积", "补贴标准（元/亩）", "补贴金额", "户均面积"],
        ["甲镇", "1,000.00", "105.00", "105,000.00", "5.00"],
        ["乙镇", "2,000.00", "105.00", "210,000.00", "8.00"],
        ["合计", "3,000.00", "105.00", "315,000.00", "6.50"],
    ]
    # 补贴标准 is a standard by its header; 户均面积 prints an average (6.50 < 8.00)
    assert lint(report(rows), "AL101") == []


def test_a_column_no_role_names_is_checked_only_when_another_column_adds_up():
    rows = [r[:] for r in CONTRACTS]
    rows[4][2], rows[4][3], rows[4][4] = "1,150", "3,510,000.00", "3,192,700.00"
    assert lint(report(rows), "AL101") == []  # nothing adds up: the table is not understood


def test_two_columns_claiming_one_role_still_add_up():
    rows = [
        ["项目", "2024年预算数", "2024年决算数", "2023年决算数"],
        ["合计", "76.50", "74.04", "53.61"],
        ["1.因公出国（境）费", "0.00", "0.00", "0.00"],
        ["2.公务用车购置及运行维护费", "74.50", "69.18", "52.37"],
        ["3.公务接待费", "2.00", "0.86", "1.24"],
    ]
    (f,) = lint(report(rows), "AL101")
    assert (f.evidence.stated, f.evidence.computed) == ("74.04", "70.04")
    assert "2024年决算数" in f.message_zh


def test_a_second_header_row_names_the_parts_of_a_span():
    rows = [
        ["年度", "资金安排", "", "", "实际支出"],
        ["", "专项债券", "市级资金", "小计", ""],
        ["2023年", "800.00", "150.00", "950.00", "930.00"],
        ["2024年", "600.00", "320.00", "920.00", "880.00"],
        ["合计", "1,400.00", "740.00", "1,870.00", "1,810.00"],
    ]
    (f,) = lint(report(rows), "AL101")
    assert (f.evidence.stated, f.evidence.computed) == ("740.00", "470.00")
    assert "市级资金" in f.message_zh


def test_an_upper_header_row_that_stops_short_does_not_name_the_columns():
    # "项目 | 2024年 | 2023年" over four columns: which year a column is under is unknown
    rows = [
        ["项目", "2024年", "2023年", "", ""],
        ["", "预算数", "决算数", "预算数", "决算数"],
        ["财政拨款收入", "2000.00", "2100.00", "1900.00", "1950.00"],
        ["其他收入", "15.00", "18.00", "12.00", "14.00"],
        ["合计", "2015.00", "2181.00", "1912.00", "1964.00"],
    ]
    (f,) = lint(report(rows), "AL101")
    assert (f.evidence.stated, f.evidence.computed) == ("2181.00", "2118.00")
    assert "2023年" not in f.message_zh



def test_al101_message_writes_the_sum_with_the_tables_separators():
    text = report([
        ["乡镇", "补贴户数", "补贴金额"],
        ["东镇", "1,200", "840,000.00"],
        ["西镇", "800", "570,000.00"],
        ["合计", "2,000", "1,401,000.00"],
    ], before="一、补贴发放情况\n表1  补贴发放情况（金额单位：元）\n")
    [f] = lint(text, "AL101")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.difference) == ("1,401,000.00", "1410000.00", "9000.00")
    assert "1,410,000.00（差 9,000.00）" in f.message_zh and "1,410,000.00 (off by 9,000.00)" in f.message_en
