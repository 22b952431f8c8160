"""Round two of the table checks (AL101, AL201, AL203, AL204, AL303): the layouts the
second red team found, each silent where the table is right and firing with the
exact numbers where it is not."""

from __future__ import annotations

from reports import lint, report


def numbers(findings):
    return sorted((f.check_id, f.evidence.stated, f.evidence.computed) for f in findings)


# ---------------------------------------------------------------------------
# serial numbers mark what a total sums; unnumbered rows among them are details

NUMBERED = [
    ["项目", "年初预算", "调增", "调减", "调整后预算", "实际支出"],
    ["一、设备购置费", "500.00", "30.00", "0.00", "530.00", "512.00"],
    ["二、运行维护费", "300.00", "0.00", "50.00", "250.00", "240.00"],
    ["其中：软件维护", "80.00", "0.00", "10.00", "70.00", "66.00"],
    ["网络租赁", "120.00", "0.00", "30.00", "90.00", "88.00"],
    ["三、培训费", "40.00", "0.00", "0.00", "40.00", "31.00"],
    ["合计", "840.00", "30.00", "50.00", "820.00", "783.00"],
]


def test_unnumbered_detail_rows_under_a_numbered_row_are_not_added_to_the_total():
    # 其中 printed once, the next detail not indented: the total sums 一、二、三 only
    assert lint(report(NUMBERED), "AL101") == []


def test_a_wrong_total_over_numbered_rows_is_still_reported():
    rows = [r[:] for r in NUMBERED]
    rows[6][5] = "793.00"  # 512 + 240 + 31 = 783
    assert numbers(lint(report(rows), "AL101")) == [("AL101", "793.00", "783.00")]


def test_numbered_totals_head_their_sections():
    rows = [
        ["项目", "2024年预算数", "2024年决算数", "2023年决算数"],
        ["一、收入合计", "1000.00", "1020.00", "950.00"],
        ["（一）财政拨款收入", "900.00", "910.00", "880.00"],
        ["（二）其他收入", "100.00", "110.00", "70.00"],
        ["二、支出合计", "1000.00", "990.00", "940.00"],
        ["（一）基本支出", "600.00", "598.00", "560.00"],
        ["（二）项目支出", "400.00", "392.00", "380.00"],
        ["三、年末结转结余", "—", "30.00", "10.00"],
    ]
    assert lint(report(rows), "AL101") == []
    rows[5][2] = "588.00"  # 基本支出 598 → 588: 588 + 392 = 980, not 990
    assert numbers(lint(report(rows), "AL101")) == [("AL101", "990.00", "980.00")]


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


# ---------------------------------------------------------------------------
# AL204: a 增减率 column against the two columns it compares

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
