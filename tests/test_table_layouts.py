"""Everyday table layouts realistic reports print and a reader can misread (其中 lists
without repeated 其中, rates over the funds received, headers one cell short or nested,
序号 columns, short total rows, text after a table, category columns): each is read
right, it raises no false alarm, and a real mistake in the same layout is still
reported with the exact numbers and line."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.tables import header_role
from auditlint.model import Paragraph, Table
from auditlint.readers.text import parse_text, read_bytes
from reports import cell_lines, report


def lint(text: str, select: str):
    doc = read_bytes(text.encode("utf-8"), "t.txt")
    return lint_document(doc, RunOptions(select=frozenset(select.split(",")), plugins=False))


def facts_of(text: str):
    return extract(read_bytes(text.encode("utf-8"), "t.txt"))


def line_of(text: str, f) -> str:
    return text.split("\n")[f.location.line - 1].strip()


def summary(fs):
    return sorted((f.check_id, f.key[0], f.evidence.stated, f.evidence.computed, f.severity.value) for f in fs)


def tables(blocks) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


# ---------------------------------------------------------------------------
# a 其中 list that goes on over indented rows without repeating 其中

OF_WHICH = [
    ["项目", "预算数", "决算数"],
    ["合计", "900.00", "860.00"],
    ["一、基本支出", "600.00", "590.00"],
    ["其中：工资福利支出", "450.00", "448.00"],
    ["    商品和服务支出", "150.00", "142.00"],
    ["二、项目支出", "300.00", "270.00"],
    ["1.设备购置", "200.00", "185.00"],
    ["2.业务培训", "100.00", "85.00"],
]


def test_indented_rows_after_a_of_which_row_continue_its_list():
    (ct,) = facts_of(report(OF_WHICH)).tables
    by = {r.label: r for r in ct.rows}
    assert by["商品和服务支出"].kind == "of_which"
    assert [ct.rows[i].label for i in by["合计"].children] == ["基本支出", "项目支出"]
    assert [ct.rows[i].label for i in by["项目支出"].children] == ["设备购置", "业务培训"]
    assert lint(report(OF_WHICH), "AL101") == []


def test_a_wrong_total_over_a_continued_of_which_list_is_still_reported():
    rows = [r[:] for r in OF_WHICH]
    rows[1][2] = "880.00"  # 590.00 + 270.00 = 860.00
    text = report(rows)
    (f,) = lint(text, "AL101")
    assert summary([f]) == [("AL101", "合计", "880.00", "860.00", "error")]
    assert f.evidence.expression == "590.00 + 270.00" and line_of(text, f) == "880.00"


def test_unindented_rows_continue_a_of_which_list_when_they_add_up_to_its_row():
    rows = [r[:] for r in OF_WHICH]
    rows[4][0] = "商品和服务支出"  # Word's own indentation is lost in many extractions
    (ct,) = facts_of(report(rows)).tables
    assert {r.label: r.kind for r in ct.rows}["商品和服务支出"] == "of_which"
    assert lint(report(rows), "AL101") == []


def test_a_partial_indented_of_which_list_is_not_summed_either():
    # 其中 lists may name some items only: 450 + 100 < 600
    rows = [r[:] for r in OF_WHICH]
    rows[4][1:] = ["100.00", "95.00"]
    (ct,) = facts_of(report(rows)).tables
    assert {r.label: r.kind for r in ct.rows}["商品和服务支出"] == "of_which"
    assert lint(report(rows), "AL101") == []


def test_an_unindented_row_that_does_not_add_up_is_not_taken_into_the_list():
    rows = [r[:] for r in OF_WHICH]
    rows[4] = ["商品和服务支出", "100.00", "95.00"]
    (ct,) = facts_of(report(rows)).tables
    assert {r.label: r.kind for r in ct.rows}["商品和服务支出"] == "item"


# the rows overshoot the total in every column: a level was counted twice, the table is not understood
UNMARKED = [
    ["项目", "预算数", "决算数"],
    ["合计", "900.00", "860.00"],
    ["基本支出", "600.00", "590.00"],
    ["工资福利支出", "450.00", "448.00"],
    ["项目支出", "300.00", "270.00"],
]


def test_rows_over_the_total_in_every_column_are_a_misread_structure_not_a_mistake():
    assert lint(report(UNMARKED), "AL101") == []


def test_rows_off_in_one_column_only_are_still_reported():
    rows = [["项目", "预算数", "决算数"], ["合计", "900.00", "870.00"], ["基本支出", "600.00", "590.00"],
            ["项目支出", "300.00", "270.00"]]
    (f,) = lint(report(rows), "AL101")
    assert summary([f]) == [("AL101", "合计", "870.00", "860.00", "error")]


def test_one_amount_column_over_its_total_is_still_reported_softly():
    rows = [["项目", "决算数", "占比"], ["合计", "800.00", "100.00%"], ["基本支出", "590.00", "68.60%"],
            ["项目支出", "270.00", "31.40%"]]
    (f,) = lint(report(rows), "AL101")
    assert summary([f]) == [("AL101", "合计", "800.00", "860.00", "warning")]


# ---------------------------------------------------------------------------
# rates taken over the funds received (到位数)

RECEIVED = [
    ["资金来源", "预算数", "到位数", "实际支出", "执行率"],
    ["中央资金", "800.00", "800.00", "760.00", "95.00%"],
    ["市级资金", "400.00", "300.00", "270.00", "90.00%"],
    ["区级资金", "200.00", "100.00", "98.00", "98.00%"],
    ["合计", "1400.00", "1200.00", "1128.00", "94.00%"],
]


def test_rates_over_funds_received_are_not_mistakes():
    (ct,) = facts_of(report(RECEIVED)).tables
    assert [c.role for c in ct.columns] == ["label", "budget_initial", "received", "actual", "rate"]
    assert lint(report(RECEIVED), "AL2,AL3") == []


def test_a_wrong_rate_over_funds_received_is_reported_over_them():
    rows = [r[:] for r in RECEIVED]
    rows[2][4] = "99.00%"
    text = report(rows)
    (f,) = lint(text, "AL201")
    assert summary([f]) == [("AL201", "市级资金", "99.00%", "90.00%", "error")]
    assert "270.00 ÷ 到位数 300.00" in f.message_zh and line_of(text, f) == "99.00%"


def test_a_row_whose_rate_is_over_its_funds_received_is_silent_where_the_rest_are_over_the_budget():
    rows = [["资金来源", "预算数", "到位数", "实际支出", "执行率"],
            ["中央资金", "800.00", "800.00", "760.00", "95.00%"],
            ["省级资金", "500.00", "500.00", "450.00", "90.00%"],
            ["市级资金", "400.00", "300.00", "270.00", "90.00%"],
            ["合计", "1700.00", "1600.00", "1480.00", "87.06%"]]
    # 3 of 4 rates are over 预算数; 市级 is 270 ÷ 300, another base, not a mistake
    assert lint(report(rows), "AL201") == []
    rows[3][4] = "80.00%"  # neither 270 ÷ 400 = 67.50% nor 270 ÷ 300 = 90.00%
    (f,) = lint(report(rows), "AL201")
    assert summary([f]) == [("AL201", "市级资金", "80.00%", "67.50%", "error")]


def test_half_the_rates_agreeing_is_not_enough_to_choose_a_base():
    rows = [["资金来源", "预算数", "拨付数", "实际支出", "执行率"],  # 拨付数: a column with no role
            ["中央资金", "800.00", "800.00", "760.00", "95.00%"],
            ["市级资金", "400.00", "300.00", "270.00", "90.00%"]]
    assert lint(report(rows), "AL201") == []


def test_received_vocabulary():
    assert header_role("到位数（万元）") == "received" and header_role("实际到位资金") == "received"
    assert header_role("资金到位率") == "received_rate"


# ---------------------------------------------------------------------------
# a row-per-line header one cell short of its data rows

SHIFTED = (
    "一、预算执行情况\n"
    "表1 支出情况表\n"
    "项目\t调整后预算（元）\t实际支出（元）\t执行率\t结余（元）\n"
    "\t基本支出\t2,000,000.00\t1,960,000.00\t98.00%\t40,000.00\n"
    "\t项目支出\t1,000,000.00\t900,000.00\t90.00%\t100,000.00\n"
    "\t合计\t3,000,000.00\t2,860,000.00\t95.33%\t140,000.00\n"
    "二、绩效目标完成情况\n"
)


def test_a_header_that_lost_its_empty_corner_cell_sits_over_its_columns():
    (t,) = tables(parse_text(SHIFTED, "x.txt"))
    assert t.texts()[0] == ["", "项目", "调整后预算（元）", "实际支出（元）", "执行率", "结余（元）"]
    (ct,) = facts_of(SHIFTED).tables
    assert [c.role for c in ct.columns][1:5] == ["label", "budget_adjusted", "actual", "rate"]
    assert lint(SHIFTED, "AL1,AL2,AL3") == []


def test_a_wrong_rate_under_a_shifted_header_is_reported_on_its_row():
    text = SHIFTED.replace("90.00%", "96.00%")
    (f,) = lint(text, "AL201")
    assert summary([f]) == [("AL201", "项目支出", "96.00%", "90.00%", "error")]
    assert f.location.line == 5


def test_a_rate_column_of_amounts_means_the_table_is_not_understood():
    # the header sits one column off: 执行率 over amounts with thousands separators
    rows = [["项目", "预算数", "执行率", "结余"], ["基本支出", "2,000,000.00", "1,960,000.00", "98.00%"],
            ["项目支出", "1,000,000.00", "900,000.00", "90.00%"]]
    assert facts_of(report(rows)).tables == []
    assert lint(report(rows), "AL2,AL3") == []
    # and big numbers with no % anywhere under a rate header say the same
    rows = [["项目", "预算数", "执行率", "结余"], ["基本支出", "2000000", "1960000", "40000"],
            ["项目支出", "1000000", "900000", "100000"]]
    assert facts_of(report(rows)).tables == []


def test_an_amount_column_of_percentages_means_the_table_is_not_understood():
    rows = [["项目", "预算数", "实际支出", "备注"], ["基本支出", "200.00", "98.00%", "无"],
            ["项目支出", "100.00", "90.00%", "无"], ["合计", "300.00", "95.33%", "无"]]
    assert facts_of(report(rows)).tables == []


# ---------------------------------------------------------------------------
# a 序号 column numbered 1, 2, 3, with the 合计 label in it

def test_a_serial_column_of_numbers_keeps_its_role_and_its_total_is_read():
    rows = [["序号", "项目", "预算数", "实际支出数"], ["1", "办公设备购置", "60.00", "58.00"],
            ["2", "档案数字化", "40.00", "37.00"], ["合计", "", "100.00", "95.00"]]
    text = report(rows)
    (ct,) = facts_of(text).tables
    assert [c.role for c in ct.columns] == ["serial", "label", "budget_initial", "actual"]
    assert lint(text, "AL101") == []
    rows[3][3] = "98.00"
    text = report(rows)
    (f,) = lint(text, "AL101")
    assert summary([f]) == [("AL101", "合计", "98.00", "95.00", "error")]
    assert line_of(text, f) == "98.00"


def test_serials_in_a_serial_column_give_the_hierarchy():
    text = (
        "表1 预算执行情况表（单位：元）\n"
        "序号\t项目\t预算数\t实际支出\n"
        "一\t基本支出\t1,500.00\t1,450.00\n"
        "1\t工资福利支出\t1,000.00\t980.00\n"
        "2\t商品和服务支出\t500.00\t470.00\n"
        "二\t项目支出\t800.00\t700.00\n"
        "1\t设备购置\t800.00\t700.00\n"
        "合计\t\t2,300.00\t2,510.00\n"  # 1,450.00 + 700.00 = 2,150.00
        "二、绩效\n"
    )
    (ct,) = facts_of(text).tables
    by = {r.label: r for r in ct.rows}
    assert [ct.rows[i].label for i in by["合计"].children] == ["基本支出", "项目支出"]
    assert [ct.rows[i].label for i in by["基本支出"].children] == ["工资福利支出", "商品和服务支出"]
    (f,) = lint(text, "AL101")
    assert summary([f]) == [("AL101", "合计", "2,510.00", "2150.00", "error")]
    assert f.location.line == 8


def test_a_running_row_count_leaves_the_hierarchy_to_the_labels():
    rows = [["序号", "项目", "预算数", "实际支出数"], ["1", "（一）基本支出", "150.00", "145.00"],
            ["2", "1.人员经费", "100.00", "98.00"], ["3", "2.公用经费", "50.00", "47.00"],
            ["4", "（二）项目支出", "50.00", "45.00"], ["合计", "", "200.00", "190.00"]]
    (ct,) = facts_of(report(rows)).tables
    by = {r.label: r for r in ct.rows}
    assert by["人员经费"].level == 3 and by["基本支出"].level == 2
    assert [ct.rows[i].label for i in by["合计"].children] == ["基本支出", "项目支出"]
    assert lint(report(rows), "AL101") == []


# ---------------------------------------------------------------------------
# total and amount words of other templates

def test_total_and_amount_words_of_other_templates():
    assert header_role("全年预算") == "budget_adjusted"
    assert header_role("支出金额（万元）") == "actual" and header_role("决算金额") == "actual"
    assert header_role("占实际支出比例") == "share"
    text = (
        "表1 资金情况（单位：万元）\n"
        "资金来源\t全年预算数\t实际支出\n"
        "年度资金总额\t1000.00\t970.00\n"
        "1.中央资金\t600.00\t580.00\n"
        "2.省级资金\t400.00\t390.00\n"
        "二、绩效\n"
    )
    assert lint(text, "AL101") == []
    (f,) = lint(text.replace("970.00", "950.00"), "AL101")
    assert summary([f]) == [("AL101", "年度资金总额", "950.00", "970.00", "error")]
    assert f.location.line == 3


# ---------------------------------------------------------------------------
# a three-row header with nested merged cells, cell per line

NESTED = [
    ["项目", "预算数", "决算数", "执行率"],  # 预算数 spans four columns, 调整数 two
    ["", "年初预算", "调整数", "调整后预算", "", ""],
    ["", "", "调增", "调减", "", "", ""],
    ["基本支出", "500.00", "30.00", "—", "530.00", "520.00", "98.11%"],
    ["项目支出", "300.00", "—", "50.00", "250.00", "240.00", "96.00%"],
    ["合计", "800.00", "30.00", "50.00", "780.00", "760.00", "97.44%"],
]


def test_nested_header_spans_are_spread_over_their_sub_headers():
    (t,) = tables(parse_text(cell_lines(NESTED), "x.txt"))
    assert t.texts()[0] == ["项目", "预算数", "", "", "", "决算数", "执行率"]
    assert t.texts()[1] == ["", "年初预算", "调整数", "", "调整后预算", "", ""]
    (ct,) = facts_of(report(NESTED)).tables
    assert [c.role for c in ct.columns] == ["label", "budget_initial", "add", "cut", "budget_adjusted", "actual", "rate"]
    assert lint(report(NESTED), "AL1,AL2,AL3") == []


def test_a_wrong_rate_under_a_nested_header_is_reported():
    rows = [r[:] for r in NESTED]
    rows[4][6] = "92.00%"  # 240.00 ÷ 250.00 = 96.00%
    text = report(rows)
    (f,) = lint(text, "AL201")
    assert summary([f]) == [("AL201", "项目支出", "92.00%", "96.00%", "error")]
    assert line_of(text, f) == "92.00%"


# ---------------------------------------------------------------------------
# a short total row whose label is merged over the indicator columns

SCORES = [
    ["一级指标", "三级指标", "指标值", "权重", "评分标准", "完成情况", "得分"],
    ["产出", "培训人次", "≥500人次", "40", "完成得40分，每少10人次扣1分。", "520人次", "40"],
    ["效益", "满意度", "≥90%", "30", "90%以上得30分，每低1%扣2分。", "88%", "26"],
    ["", "结业率", "≥95%", "30", "95%以上得30分，否则不得分。", "97.5%", "30"],
    ["合计", "", "100", "", "", "96"],
]


def test_a_short_total_row_puts_its_numbers_under_the_columns_of_bare_numbers():
    (t,) = tables(parse_text(cell_lines(SCORES), "x.txt"))
    assert t.texts()[4] == ["合计", "", "", "100", "", "", "96"]
    assert t.uncertain_rows == frozenset()


def test_a_total_score_under_a_merged_total_label_is_checked():
    rows = [r[:] for r in SCORES]
    rows[4][5] = "98"  # 40 + 26 + 30 = 96
    text = report(rows)
    (f,) = lint(text, "AL407")
    assert (f.evidence.stated, f.evidence.computed) == ("98", "96") and line_of(text, f) == "98"


# ---------------------------------------------------------------------------
# the text after a table whose total row ends in an empty cell

def test_text_after_a_short_total_row_ending_in_an_empty_cell_is_not_swallowed():
    rows = [["一级指标", "三级指标", "分值", "得分", "偏差原因"], ["产出", "培训人次", "60", "60", ""],
            ["效益", "满意度", "40", "36", "样本偏少"], ["总分", "100", "96", ""]]
    text = "附表\n" + cell_lines(rows) + "\n\n三、偏差原因分析\n满意度低于目标4个百分点。\n四、下一步工作\n无。\n"
    blocks = parse_text(text, "x.txt")
    (t,) = tables(blocks)
    assert t.texts()[-1][-1] == "" and t.n_rows == 4
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert paragraphs[-4:] == ["三、偏差原因分析", "满意度低于目标4个百分点。", "四、下一步工作", "无。"]


def test_a_chapter_heading_after_a_blank_line_ends_a_table_even_after_a_short_row():
    rows = [["指标", "目标值", "完成值", "备注"], ["培训人次", "500", "520", ""], ["满意度", "90%", ""]]
    text = cell_lines(rows) + "\n\n五、其他需要说明的问题\n无。\n"
    blocks = parse_text(text, "x.txt")
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["五、其他需要说明的问题", "无。"]


def test_a_tall_cell_printed_after_blank_lines_is_still_its_rows():
    # a merged cell's text after blank lines, in an incomplete row, still belongs to it
    text = "\t指标\n\t说明\n\n\t甲\n\t\n\n\n第一行说明\n\n\t乙\n\t无\n"
    (t,) = tables(parse_text(text, "x.txt"))
    assert t.texts() == [["指标", "说明"], ["甲", "第一行说明"], ["乙", "无"]]


# ---------------------------------------------------------------------------
# a 支出类别 column merged down over its items; an income table

CATEGORY = (
    "表1 支出情况（单位：万元）\n"
    "支出类别\t项目名称\t预算数\t实际支出\n"
    "基本支出\t人员经费\t400.00\t398.00\n"
    "\t公用经费\t100.00\t95.00\n"
    "\t小计\t500.00\t493.00\n"
    "项目支出\t信息化建设\t300.00\t290.00\n"
    "\t小计\t300.00\t290.00\n"
    "合计\t\t800.00\t783.00\n"
    "二、绩效\n"
)


def test_a_category_column_names_the_group_not_the_row():
    (ct,) = facts_of(CATEGORY).tables
    assert [r.label for r in ct.rows] == ["人员经费", "公用经费", "基本支出小计", "信息化建设", "项目支出小计", "合计"]
    assert lint(CATEGORY, "AL1,AL503") == []


def test_an_income_table_is_not_taken_for_spending():
    rows = [["项目", "决算数", "占比"], ["财政拨款收入", "900.00", "90.00%"], ["事业收入", "100.00", "10.00%"],
            ["收入合计", "1000.00", "100.00%"]]
    (ct,) = facts_of(report(rows)).tables
    assert ct.kind == "income"
    spending = [["项目", "预算数", "决算数"], ["基本支出", "700.00", "690.00"], ["项目支出", "300.00", "260.00"],
                ["支出合计", "1000.00", "950.00"]]
    # the income total is not the spending total restated
    assert lint(report(rows, spending), "AL503") == []


def test_a_subtotal_that_leaves_a_row_out_in_every_column_is_still_reported():
    # printed structure (小计): rows over the subtotal everywhere is a row left out, not a misreading
    rows = [["项目", "预算数", "决算数"], ["人员经费", "400.00", "398.00"], ["公用经费", "100.00", "95.00"],
            ["培训费", "20.00", "18.00"], ["基本支出小计", "500.00", "493.00"], ["信息化建设", "300.00", "290.00"],
            ["合计", "800.00", "783.00"]]
    fs = lint(report(rows), "AL101")  # 400 + 100 + 20 = 520, 398 + 95 + 18 = 511
    assert summary(fs) == [("AL101", "基本支出小计", "493.00", "511.00", "warning"),
                           ("AL101", "基本支出小计", "500.00", "520.00", "warning")]
