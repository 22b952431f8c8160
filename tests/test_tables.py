"""Budget-table understanding: column roles and which rows a total covers."""

from __future__ import annotations

from auditlint.extract import extract
from auditlint.extract.tables import header_role, row_kind, split_serial
from auditlint.readers.text import read_bytes
from reports import UNLABELLED, report


def facts_of(text: str):
    return extract(read_bytes(text.encode("utf-8"), "t.txt"))


def test_header_roles_from_vocabulary():
    assert header_role("年初预算数（万元）") == "budget_initial"
    assert header_role("调整预算数（万元）") == "budget_adjusted"
    assert header_role("上年度结转及当年预算追加追减数") == "adjust"
    assert header_role("上年决算执行数") == "prior_actual"
    assert header_role("执行率（%)") == "rate"
    assert header_role("占总支出比例") == "share"
    assert header_role("年终核定数") == "budget_adjusted"
    assert header_role("实际支出数") == "actual"


def test_serials_and_row_kinds():
    assert split_serial("（一）基本支出") == ("（一）", "基本支出", 2)
    assert split_serial("一、部门预算") == ("一", "部门预算", 1)
    assert split_serial("三公经费小计")[2] is None
    assert row_kind("合计") == "total" and row_kind("预算总金额") == "total"
    assert row_kind("三公经费小计") == "subtotal" and row_kind("其中：人员经费") == "of_which"


CENTER_LIKE = [
    ["序号", "单位及项目", "预算资金", "合计", "实际执行数"],
    ["", "", "预算数", "追加", "扣减", "", ""],
    ["一", "部门预算", "", "", "", "", ""],
    ["（一）", "基本支出", "710.52", "0", "0.86", "709.66", "715.69"],
    ["（二）", "项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
    ["合计", "1906.62", "0", "129.89", "1776.73", "1782.77"],
]


def test_merged_budget_header_gives_roles_and_the_sum_column_is_the_adjusted_budget():
    (ct,) = facts_of(report(CENTER_LIKE)).tables
    assert [c.role for c in ct.columns] == ["serial", "label", "budget_initial", "add", "cut", "budget_adjusted", "actual"]
    # a column of zeros is read at its neighbours' precision
    assert ct.column("add").decimals == 2
    total = next(r for r in ct.rows if r.kind == "total")
    assert [ct.rows[i].label for i in total.children] == ["基本支出", "项目支出"]


def test_unlabelled_blocks_are_inferred_from_a_column_that_adds_up():
    (ct,) = facts_of(report(UNLABELLED)).tables
    by = {r.label: r for r in ct.rows}
    assert [ct.rows[i].label for i in by["预算总金额"].children] == ["基本支出", "项目支出"]
    assert [ct.rows[i].label for i in by["项目支出"].children] == ["甲项目", "乙项目", "丙项目"]


def test_subtotal_rows_close_their_block():
    rows = [
        ["项  目", "年初预算", "实际执行数", "上年决算执行数"],
        ["因公出国（境）费用", "0", "3.56", "0"],
        ["公务用车运行维护费", "0", "0", "0"],
        ["公务接待费", "1.5", "0.27", "0.8"],
        ["三公经费小计", "1.5", "3.83", "0.8"],
        ["会议费", "1.5", "0.48", "1.1"],
        ["培训费", "1.1", "0.13", "1.5"],
        ["合计", "4.1", "4.44", "3.4"],
    ]
    (ct,) = facts_of(report(rows)).tables
    assert ct.kind == "sangong"
    by = {r.label: r for r in ct.rows}
    assert len(by["三公经费小计"].children) == 3
    assert [ct.rows[i].label for i in by["合计"].children] == ["三公经费小计", "会议费", "培训费"]


def test_scoring_and_indicator_tables_are_not_budget_tables():
    rows = [["一级指标", "二级指标", "三级指标", "权重", "自评得分"], ["决策", "计划", "规划", "2", "2"]]
    assert facts_of(report(rows)).tables == []


def test_a_table_without_amount_columns_is_left_alone():
    rows = [["对应部门主要职责", "任务名称", "完成情况"], ["甲", "乙", "丙"], ["丁", "戊", "己"]]
    assert facts_of(report(rows)).tables == []


def test_a_spending_structure_table_of_one_amount_and_its_shares():
    rows = [["项目", "实际支出数", "占总支出比例"], ["人员经费", "399.87", "27.91%"], ["公用经费", "87.59", "6.11%"],
            ["项目支出", "945.22", "65.98%"], ["合计", "1432.68", "100.00%"]]
    (ct,) = facts_of(report(rows)).tables
    assert ct.kind == "share" and [c.role for c in ct.columns] == ["label", "actual", "share"]
    (total,) = ct.top_totals()
    assert [ct.rows[i].label for i in total.children] == ["人员经费", "公用经费", "项目支出"]


def test_one_amount_column_alone_is_not_a_budget_table():
    rows = [["项目", "实际支出数", "备注"], ["甲", "10.00", "无"], ["乙", "20.00", "无"]]
    assert facts_of(report(rows)).tables == []


def test_rate_base_is_the_adjusted_budget_when_printed():
    (ct,) = facts_of(report(UNLABELLED)).tables
    assert ct.rate_base() == "budget_adjusted"
    rows = [["项  目", "年初预算", "实际执行数", "执行进度"], ["会议费", "1.5", "0.48", "32%"], ["培训费", "1.1", "0.13", "11.82%"]]
    (ct,) = facts_of(report(rows)).tables
    assert ct.rate_base() == "budget_initial" and ct.kind == "sangong"  # 会议费 and 培训费 rows make a 三公-style table


def test_blocks_from_coarse_numbers_must_leave_the_total_adding_up():
    # "1" stands for [0.5, 1.5], so 甲 = 乙 + 丙 looks possible; the total 3 says the rows are flat
    rows = [["项目", "实际支出数", "占总支出比例"], ["甲", "1", "33.33%"], ["乙", "1", "33.33%"], ["丙", "1", "33.33%"],
            ["合计", "3", "100.00%"]]
    (ct,) = facts_of(report(rows)).tables
    assert [ct.rows[i].label for i in ct.top_totals()[0].children] == ["甲", "乙", "丙"]
    assert all(not r.children for r in ct.rows if r.kind != "total")


def test_a_row_without_a_label_is_named_by_its_serial_or_its_place():
    from auditlint.extract.tables import canonical_table
    from auditlint.readers.text import read_bytes
    from reports import report

    grid = [["序号", "项目", "调整预算数", "实际支出数", "执行率"],
            ["1", "", "100.00", "120.00", "120.00%"],
            ["", "", "50.00", "40.00", "80.00%"]]
    doc = read_bytes(report(grid).encode(), "t.txt")
    ct = canonical_table(doc.tables[0], doc.blocks)
    assert [r.label for r in ct.rows] == ["1", "第3行"]


# ---------------------------------------------------------------------------
# a whole number among amounts printed to the cent may be rounded to the unit

CENTS = [
    ["项目", "年初预算数", "实际支出数"],
    ["基本支出", "14,348,853.34", "14,348,853.34"],
    ["项目支出", "7,770,008.00", "7,770,008.00"],
    ["合计", "22,118,861.34", "22,118,861.34"],
]


def al101(rows):
    from reports import lint

    return sorted((f.evidence.stated, f.evidence.computed) for f in lint(report(rows), "AL101"))


def test_a_total_whose_cell_dropped_the_cents_is_read_as_rounded():
    rows = [r[:] for r in CENTS]
    rows[3][2] = "22,118,861"  # 22,118,861.34 shown to the yuan
    assert al101(rows) == []


def test_a_whole_number_still_off_by_more_than_its_rounding_is_reported():
    rows = [r[:] for r in CENTS]
    rows[3][2] = "22,118,863"  # 22,118,861.34: 1.66 off, beyond the half yuan of rounding
    assert al101(rows) == [("22,118,863", "22118861.34")]
    rows[3][2] = "22,118,861.00"  # printed to the cent: it says .00, and .34 is a mistake
    assert al101(rows) == [("22,118,861.00", "22118861.34")]


# ---------------------------------------------------------------------------
# a 总计 after a 合计: which rows does it cover?

def test_a_grand_total_covers_the_total_above_it_and_the_rows_after():
    rows = [
        ["项目", "预算数", "决算数"],
        ["一、财政拨款收入", "900.00", "880.00"],
        ["二、其他收入", "100.00", "95.00"],
        ["本年收入合计", "1,000.00", "975.00"],
        ["年初结转和结余", "40.00", "40.00"],
        ["总计", "1,040.00", "1,015.00"],
    ]
    ct = facts_of(report(rows)).tables[0]
    total = ct.rows[-1]
    assert [ct.rows[i].label for i in total.children] == ["本年收入合计", "年初结转和结余"]
    assert al101(rows) == []
    rows[5][2] = "1,025.00"
    assert al101(rows) == [("1,025.00", "1015.00")]


def test_a_grand_total_of_the_rows_after_the_total_alone_is_another_plausible_reading():
    # 总计 sums the two 合计 sections' own rows here: the rows between add up, the chain
    # does not, and the table is right
    rows = [
        ["项目", "预算数", "决算数"],
        ["甲项目", "300.00", "280.00"],
        ["乙项目", "200.00", "190.00"],
        ["项目合计", "500.00", "470.00"],
        ["丙项目", "120.00", "110.00"],
        ["丁项目", "380.00", "360.00"],
        ["总计", "500.00", "470.00"],
    ]
    ct = facts_of(report(rows)).tables[0]
    assert [ct.rows[i].label for i in ct.rows[-1].children] == ["丙项目", "丁项目"]
    assert al101(rows) == []
