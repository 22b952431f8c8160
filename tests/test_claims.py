"""AL501 claim-contradicts-data, AL502 target-differs, AL504 full-marks-target-missed,
and the scoring table's rows joining AL304/AL305/AL506/AL603: where they fire, with
the exact numbers and lines, and where they stay silent. The last tests are issue 9's
acceptance on the real seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.engine.registry import get
from auditlint.engine.run import RunOptions, lint_file
from claims_reports import BUDGET, BUDGET_ADD_CUT, SANGONG_ONLY, table, with_tables
from reports import SANGONG, cell_lines
from scoring_reports import GROUPED, RULES, copy, scoring_report
from xref_reports import HEADER, by_id, facts_of, line_of, lint, row


def al501(text: str):
    return sorted(by_id(lint(text, "AL501"), "AL501"), key=lambda f: f.location.line)


# ---------------------------------------------------------------------------
# AL501 against the knowledge base


def test_al501_execution_rate_against_the_budget_table():
    text = with_tables(row("预算执行率", "=100%", "100%"), tables=table(BUDGET))
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed) == ("100%", "98.19%")
    assert f.location.line == line_of(text, "\t100%")  # the completion, not the table's 100.00%
    assert f.evidence.expression == "2613.26 ÷ 2661.53 × 100"
    assert f.severity == "error" and f.confidence == 0.95
    assert [r.location.line for r in f.related] == [line_of(text, "2613.26"), line_of(text, "2661.53")]
    assert ("actual: 预算总金额 / 实际支出数", "2613.26") in f.evidence.operands
    assert "98.19%" in f.message_zh and "98.19%" in f.message_en


# 年初预算 and its 调整数, with no adjusted-budget column: 1133.47 ÷ (1100.00 + 65.00) = 97.29%
ADJUSTED_BY_COLUMN = [
    ["资金来源", "年初预算（万元）", "调整数（万元）", "实际执行（万元）"],
    ["中央补助资金", "600.00", "+85.00", "662.34"],
    ["省级补助资金", "500.00", "-20.00", "471.13"],
    ["合计", "1100.00", "+65.00", "1133.47"],
]


def test_al501_the_initial_budget_as_adjusted_by_the_table_s_own_adjustments():
    assert al501(with_tables(row("预算执行率", "=100%", "97.29%"), tables=table(ADJUSTED_BY_COLUMN))) == []
    text = with_tables(row("预算执行率", "=100%", "90.00%"), tables=table(ADJUSTED_BY_COLUMN))
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("90.00%", "103.04%", line_of(text, "90.00%"))
    assert "1133.47 ÷ (1100.00 + 65.00) × 100 = 97.29%" in f.message_zh


def test_al501_carryover_and_adjustment_claims_of_zero():
    text = with_tables(row("结转结余率", "=0%", "0%"), row("预算调整率", "=0%", "0%"), tables=table(BUDGET))
    carry, adjust = al501(text)
    assert (carry.evidence.stated, carry.evidence.computed) == ("0%", "1.81%")
    assert carry.evidence.expression == "(2661.53 - 2613.26) ÷ 2661.53 × 100"
    # every variant contradicts 0%: the signed change is shown first, the others named
    assert (adjust.evidence.stated, adjust.evidence.computed) == ("0%", "-2.29%")
    assert "abs(-62.46) ÷ 2723.99 × 100 = 2.29%" in adjust.message_zh


def test_al501_carryover_stated_in_the_narrative_wins_over_budget_minus_actual():
    # budget − actual is 0 here, but the narrative says 51.43 was carried over: that is the fact
    text = with_tables(row("结转结余率", "＝0%", "＝0%"), tables=table(BUDGET_ADD_CUT),
                       narrative="2024年年末结转结余51.43万元。")
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed) == ("＝0%", "2.89%")
    assert f.confidence == 0.85  # a number read from a sentence
    assert line_of(text, "年末结转结余51.43万元") in [r.location.line for r in f.related]


def test_al501_a_range_claim_is_contradicted_only_from_outside():
    text = with_tables(row("“三公经费”变动率", "≤0%", "≤0%"), tables=table(SANGONG))
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed) == ("≤0%", "378.75%")
    assert f.evidence.expression == "(3.83 - 0.8) ÷ 0.8 × 100"
    # the change is negative: "≤0%" holds
    down = [["三公经费小计", "1.5", "0.27", "18%", "0.8"] if r[0] == "三公经费小计" else r for r in SANGONG]
    assert al501(with_tables(row("“三公经费”变动率", "≤0%", "≤0%"), tables=table(down))) == []


def test_al501_staff_above_posts():
    text = with_tables(row("在职人员控制率", "=100%", "100%"),
                       narrative="本局行政编制25名，机关公益性岗位编制数5名。2024年末实有行政在职30名，机关公益性岗位人员5名。")
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("100%", "120.00%", "30名 ÷ 25名 × 100")


@pytest.mark.parametrize(("actual", "why"), [
    ("98.19%", "the same value"),
    ("98.2%", "a coarser print of it"),
    ("98%", "98 stands for [97.5, 98.5]"),
    (">=95%", "a range that holds"),
    ("健全", "text"),
    ("", "nothing printed"),
])
def test_al501_silent_where_the_claim_holds(actual, why):
    assert al501(with_tables(row("预算执行率", "=100%", actual), tables=table(BUDGET))) == [], why


def test_al501_silent_where_the_data_cannot_decide():
    # no table: nothing to recompute from
    assert al501(with_tables(row("预算执行率", "=100%", "100%"), row("结转结余率", "=0%", "0%"))) == []
    # no prior-year figure: no 变动率
    no_prior = [r[:4] for r in SANGONG_ONLY]
    assert al501(with_tables(row("“三公经费”变动率", "<=0%", "0%"), tables=table(no_prior))) == []
    # no post count: no 控制率
    assert al501(with_tables(row("在职人员控制率", "=100%", "100%"), narrative="2024年末实有行政在职30名。")) == []
    # the two readings of "实有" disagree and one of them holds
    assert al501(with_tables(row("财政供养人员控制率", "≤100%", "100%"),
                             narrative="至2024年12月底，机关核定行政编制55名，实有55名，另核定编外员额6名、实有6名。")) == []


def test_al501_silent_when_the_tables_disagree_and_one_agrees():
    second = [["项目", "年终核定数", "实际执行数"], ["合计", "1776.73", "1776.73"]]
    text = with_tables(row("预算执行率", "=100%", "93.19%"), tables=table(BUDGET_ADD_CUT) + "表2\n" + table(second))
    # table 1 gives 100%, table 2 (its 年终核定数 1906.62 … here 1776.73) gives 100%; the claim 93.19% is contradicted by both
    assert [f.evidence.stated for f in al501(text)] == ["93.19%"]
    third = [["项目", "年终核定数", "实际执行数"], ["合计", "1906.62", "1776.73"]]
    text = with_tables(row("预算执行率", "=100%", "93.19%"), tables=table(BUDGET_ADD_CUT) + "表2\n" + table(third))
    assert al501(text) == []  # 1776.73 ÷ 1906.62 = 93.19%: one table bears it out


def test_al501_silent_on_an_indicator_printed_in_several_tables():
    # one 自评表 per project: its 预算执行率 may be the project's, not the department's
    project = ("项目一自评表\n" + cell_lines([HEADER, row("预算执行率", "=100%", "100%", reason="按合同进度支付")])
               + "\n\n说明：项目一的自评。\n")
    text = with_tables(row("预算执行率", "=100%", "100%"), tables=table(BUDGET) + project)
    assert len(facts_of(text).indicators) == 2
    assert al501(text) == []


# the department's staff: the establishment's figures, all kinds of posts

POSTS = "核定行政编制60名、事业编制140名，年末实有在职人员190人（行政58人、事业132人）。"
AUXILIARY = "截至2024年12月31日，编制内实有人员290人，核定编制300名；警务辅助人员控制数400名，实有380名。"


def test_al501_staff_rate_over_posts_of_two_kinds():
    # 190 ÷ (60 + 140) = 95.00%, not 190 ÷ 60
    assert al501(with_tables(row("在职人员控制率", "≤100%", "95.00%"), narrative=POSTS)) == []
    (f,) = al501(with_tables(row("在职人员控制率", "≤100%", "90.00%"), narrative=POSTS))
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("90.00%", "95.00%", "190人 ÷ 200名 × 100")


def test_al501_staff_rate_leaves_auxiliary_staff_out():
    # 290 ÷ 300 = 96.67%; the 380 auxiliary police are not staff in post
    assert al501(with_tables(row("在职人员控制率", "≤100%", "96.67%"), narrative=AUXILIARY)) == []
    text = with_tables(narrative=AUXILIARY + "在职人员控制率90.00%。")
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("90.00%", "96.67%", "290人 ÷ 300名 × 100")


# a department's rate and a table of its projects

PROJECTS = [["项目名称", "预算数", "实际支出", "执行率"],
            ["大气污染防治专项", "3000.00", "2900.00", "96.67%"],
            ["水污染防治专项", "2000.00", "1930.00", "96.50%"],
            ["合计", "5000.00", "4830.00", "96.60%"]]


def test_al501_a_department_s_rate_is_not_recomputed_from_its_project_table():
    # the projects' total (96.60%) is a part of the department's spending, not its rate
    text = with_tables(row("预算执行率", "≥98%", "98.22%"), tables=table(PROJECTS, "表2  2024年度项目支出明细（单位：万元）"))
    assert al501(text) == []
    # a project's own report: the same table is the project's, and 98.22% is contradicted
    project = text.replace("苏州市某某局整体支出绩效自评报告", "苏州市某某专项资金项目支出绩效自评报告")
    (f,) = al501(project)
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("98.22%", "96.60%", "4830.00 ÷ 5000.00 × 100")
    # a department's table of income and spending beside it: its 支出合计 bears the claim out,
    # and a claim both tables contradict is reported
    income = [["项目", "预算数", "决算数"], ["一、收入合计", "5100.00", "5150.00"], ["二、支出合计", "5100.00", "5009.22"],
              ["（一）基本支出", "100.00", "179.22"], ["（二）项目支出", "5000.00", "4830.00"]]
    both = table(income, "表1  部门收支总体情况（单位：万元）") + table(PROJECTS, "表2  项目支出明细（单位：万元）")
    assert al501(with_tables(row("预算执行率", "≥98%", "98.22%"), tables=both)) == []
    (f,) = al501(with_tables(row("预算执行率", "≥98%", "100%"), tables=both))
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("100%", "98.22%", "5009.22 ÷ 5100.00 × 100")
    # the department's own table still decides the department's rate
    (f,) = al501(with_tables(row("预算执行率", "≥98%", "100%"), tables=table(BUDGET) + table(PROJECTS, "表2  项目支出明细")))
    assert (f.evidence.stated, f.evidence.computed) == ("100%", "98.19%")


# a formula the report prints beside its rate

STATED = "2024年收入合计1000.00万元，实际支出950.00万元。年末结转结余32.00万元，结转结余率{rate}（年末结转结余÷{base}）。"


def test_al501_honours_the_formula_the_report_states():
    # 32 ÷ 1000 = 3.20% by the report's own formula; the budget table's 2661.53 is not its base
    assert al501(with_tables(tables=table(BUDGET), narrative=STATED.format(rate="3.20%", base="收入合计"))) == []
    text = with_tables(tables=table(BUDGET), narrative=STATED.format(rate="3.50%", base="收入合计"))
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("3.50%", "3.20%", "32.00万元 ÷ 1000.00万元 × 100")
    assert f.location.line == line_of(text, "结转结余率3.50%")
    # a term the report names no amount for: its formula cannot be followed, and no other is tried
    assert al501(with_tables(tables=table(BUDGET), narrative=STATED.format(rate="3.50%", base="事业基金"))) == []


# a definition the report states anywhere (not beside the figure) overrides the base's

DEFINED = "三、绩效分析\n预算调整率=各项目调整金额绝对值之和÷年初预算数。\n"


def test_al501_honours_a_definition_stated_elsewhere_in_the_report():
    # 基本支出 +93.14 and 项目支出 −155.60: (93.14 + 155.60) ÷ 2723.99 = 9.13%, not the net −2.29%
    claim = row("预算调整率", "≤10%", "9.13%")
    assert al501(with_tables(claim, tables=table(BUDGET))) != []  # the base's net readings alone disagree
    assert al501(with_tables(claim, tables=table(BUDGET), narrative=DEFINED)) == []
    text = with_tables(row("预算调整率", "≤10%", "5.00%"), tables=table(BUDGET), narrative=DEFINED)
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("5.00%", "9.13%", "248.74 ÷ 2723.99 × 100")
    assert f.location.line == line_of(text, "5.00%")
    # stated in the narrative too: the same definition
    text = with_tables(tables=table(BUDGET), narrative=DEFINED + "2024年预算调整率为5.00%。")
    assert [(f.evidence.stated, f.evidence.computed) for f in al501(text)] == [("5.00%", "9.13%")]


def test_al501_silent_when_a_stated_definition_names_no_figure():
    # the report's own terms answer to no amount: its meaning cannot be followed, no other formula is tried
    odd = "预算调整率=调整事项涉及资金÷部门预算总规模。\n"
    assert al501(with_tables(row("预算调整率", "≤10%", "5.00%"), tables=table(BUDGET), narrative=odd)) == []
    # a definition of another indicator leaves this one to the base
    other = "预算执行率=实际支出数÷调整预算数。\n"
    (f,) = al501(with_tables(row("预算调整率", "≤10%", "5.00%"), tables=table(BUDGET), narrative=other))
    assert (f.evidence.stated, f.evidence.computed) == ("5.00%", "-2.29%")


def test_the_report_is_searched_for_definitions_once(monkeypatch: pytest.MonkeyPatch):
    # three rows and a sentence ask for the report's definitions: its text is read for them once
    from auditlint.extract.kb import definitions

    reads = []
    real = definitions._texts
    monkeypatch.setattr(definitions, "_texts", lambda facts: reads.append(1) or real(facts))
    rows = [row("预算调整率", "≤10%", "5.00%"), row("预算执行率", "≥90%", "98.19%"), row("结转结余率", "≤5%", "1.81%")]
    text = with_tables(*rows, tables=table(BUDGET), narrative=DEFINED + "2024年预算调整率为5.00%。")
    found = al501(text)
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [("5.00%", "9.13%")]  # row and sentence: one finding
    assert len(reads) == 1


def test_al501_adjustment_rate_counts_cuts_printed_with_a_minus_sign():
    # 扣减 printed "-129.89": the gross 调增 + 调减 (129.89 ÷ 1906.62 = 6.81%) is one of the accepted readings, and a
    # claim none of them gives is still reported
    signed = [r[:4] + [("-" + r[4]) if r[4] not in ("0", "扣减") else r[4]] + r[5:] for r in BUDGET_ADD_CUT]
    assert al501(with_tables(row("预算调整率", "≤10%", "6.81%"), tables=table(signed))) == []
    (f,) = al501(with_tables(row("预算调整率", "≤10%", "3.00%"), tables=table(signed)))
    assert (f.evidence.stated, f.evidence.computed) == ("3.00%", "-6.81%")


def test_al501_narrative_claim():
    text = with_tables(tables=table(BUDGET), narrative="2024年，预算执行率100%，各项工作顺利完成。")
    (f,) = al501(text)
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("100%", "98.19%", line_of(text, "预算执行率100%"))
    assert "文中" in f.message_zh


def test_al501_leaves_a_rate_stated_with_its_own_figures_to_al201():
    text = with_tables(tables=table(BUDGET), narrative="2024年调整预算2661.53万元，实际支出2613.26万元，预算执行率100%。")
    assert al501(text) == []
    assert [f.check_id for f in lint(text, "AL201")] == ["AL201"]


def test_al501_scoring_row_with_full_marks_and_a_sentence_as_completion():
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "权重", "完成情况", "得分"],
            ["过程", "预算执行", "部门预算执行率", "＝100%", "2", "部门预算执行率100%", "2"],
            ["", "", "结转结余率", "＝0%", "2", "＝0%", "2"]]
    text = scoring_report(rows, narrative="2024年度部门预算执行情况如下。\n" + table(BUDGET) + "以上单位为万元。",
                          title=TITLE)
    got = al501(text)
    assert [(f.evidence.stated, f.evidence.computed) for f in got] == [
        ("部门预算执行率100%", "98.19%"), ("＝0%", "1.81%")]
    assert "并得满分 2 分" in got[1].message_zh and "full marks (2)" in got[1].message_en


# ---------------------------------------------------------------------------
# AL501 against a sentence stating the same quantity


HOTLINE = [["一级指标", "二级指标", "三级指标", "全年指标值", "权重", "指标值完成情况", "自评得分"],
           ["履职", "咨询服务", "来电量", "＝100万元", "5", "＝100万元", "5"],
           ["", "", "接通率", "＞95%", "5", "＞95%", "5"],
           ["", "", "服务满意度", "＞95%", "4", "＞95%", "4"],
           ["", "集中结算", "结算额", "＝280亿元", "5", "＝280亿元", "5"]]
TITLE = "2024年度部门整体支出绩效自评报告"
HOTLINE_TEXT = ("2024年，12393热线来电总量99.54万个，人工接通率94.98%，综合接通率95.91%，服务满意度达99.83%，群众满意度94.27%。"
                "集中结算金额达370亿元，累计完成5家试点医疗机构直接结算金额2.86亿元。")


def test_al501_a_completion_against_the_narrative_s_count_and_amount():
    text = scoring_report(HOTLINE, narrative=HOTLINE_TEXT, title=TITLE)
    calls, settled = al501(text)
    assert (calls.evidence.stated, calls.evidence.computed, calls.location.line) == ("＝100万元", "99.54万个",
                                                                                    line_of(text, "＝100万元", 2))
    assert "12393热线来电总量99.54万个" in calls.message_zh
    assert (settled.evidence.stated, settled.evidence.computed) == ("＝280亿元", "370亿元")
    assert "集中结算金额370亿元" in settled.message_zh  # the closest name, not 直接结算金额


def test_al501_rates_match_only_their_very_name():
    # 接通率 ＞95% is neither 人工接通率 (94.98%) nor 综合接通率 (95.91%); 服务满意度 99.83% meets ＞95%,
    # and 群众满意度 94.27% is another rate
    text = scoring_report(HOTLINE, narrative=HOTLINE_TEXT, title=TITLE)
    assert {f.evidence.stated for f in al501(text)} == {"＝100万元", "＝280亿元"}


def test_al501_silent_when_the_narrative_agrees_or_is_approximate():
    agree = [r if r[2] != "来电量" else r[:5] + ["99.54万次", "5"] for r in HOTLINE]
    assert "＝100万元" not in {f.evidence.stated for f in al501(scoring_report(agree, narrative=HOTLINE_TEXT, title=TITLE))}
    approx = HOTLINE_TEXT.replace("来电总量99.54万个", "来电总量近99.54万个").replace("金额达370亿元", "金额超370亿元")
    assert al501(scoring_report(HOTLINE, narrative=approx, title=TITLE)) == []
    other_year = HOTLINE_TEXT.replace("2024年，", "2023年，")
    assert "＝100万元" not in {f.evidence.stated for f in al501(scoring_report(HOTLINE, narrative=other_year, title=TITLE))}


# ---------------------------------------------------------------------------
# AL502


NARRATIVE_TARGET = "集中结算金额达370亿元，同比增加38亿元，完成年度目标任务的115%（320亿元）。"


def test_al502_fires_on_a_target_given_twice():
    text = scoring_report(HOTLINE, narrative=NARRATIVE_TARGET)
    (f,) = by_id(lint(text, "AL502"), "AL502")
    assert (f.evidence.stated, f.evidence.computed) == ("＝280亿元", "320亿元")
    assert f.location.line == line_of(text, "＝280亿元")  # the target cell
    assert f.related[0].location.line == line_of(text, "320亿元")
    assert f.severity == "warning" and "集中结算金额" in f.message_zh


@pytest.mark.parametrize("narrative", [
    "集中结算金额达370亿元，完成年度目标任务的115%（280亿元）。",  # the same target (and 370 ÷ 280 is not 115%: not read)
    "集中结算金额达322亿元，完成年度目标任务的115%（280亿元）。",  # agrees: 322 ÷ 280 = 115%
    "集中结算金额达370亿元，完成年度目标任务的90%（320亿元）。",  # 370 ÷ 320 is not 90%: which is the target is unclear
    "南京专区采购金额达177.31亿元，已超额完成年度目标任务（120亿元）。",  # no indicator of that name
    "集中结算金额达370亿元。",  # no target stated
])
def test_al502_silent(narrative):
    assert by_id(lint(scoring_report(HOTLINE, narrative=narrative), "AL502"), "AL502") == []


def test_al502_target_after_a_colon_and_in_an_indicator_table():
    text = with_tables(row("培训人次", "≥500人次", "520人次"), narrative="全年培训人次达520人次，年度目标为600人次。")
    (f,) = by_id(lint(text, "AL502"), "AL502")
    assert (f.evidence.stated, f.evidence.computed) == ("≥500人次", "600人次")


LISTED = "自治区下达的年度绩效目标为：扶持农业产业化龙头企业{n}，带动农户不少于5,000户。"


def test_al502_a_target_in_a_list_of_targets():
    text = with_tables(row("扶持龙头企业数量", "≥8家", "12家"), row("带动农户数", "≥5000户", "6214户"),
                       narrative=LISTED.format(n="不少于10家"))
    (f,) = by_id(lint(text, "AL502"), "AL502")
    assert (f.evidence.stated, f.evidence.computed) == ("≥8家", "不少于10家")
    assert f.location.line == line_of(text, "≥8家")
    assert f.related[0].location.line == line_of(text, "不少于10家")


@pytest.mark.parametrize(("narrative", "why"), [
    (LISTED.format(n="不少于8家"), "the same target"),
    (LISTED.format(n="10家"), "an exact count is not the table's lower bound"),
    ("项目总体目标为：扶持农业产业化龙头企业不少于30家。", "the whole project's target, not the year's"),
    ("2023年度绩效目标为：扶持农业产业化龙头企业不少于10家。", "another year's target"),
    ("绩效目标为：培育新型农业经营主体不少于10家。", "no indicator of that name"),
])
def test_al502_silent_on_a_list_of_targets(narrative, why):
    text = with_tables(row("扶持龙头企业数量", "≥8家", "12家"), narrative=narrative)
    assert by_id(lint(text, "AL502"), "AL502") == [], why


# ---------------------------------------------------------------------------
# AL504


NO_RULE = [["一级指标", "二级指标", "三级指标", "指标值", "权重", "完成情况", "得分"],
           ["产出", "数量", "完成课题报告数量", "=2篇", "5", "1篇", "5"],
           ["", "", "检查覆盖率", "≥95%", "4", "90%", "4"],
           ["", "", "结转结余率", "≤5%", "2", "6.2%", "2"],
           ["", "", "培训覆盖率", "≥95%", "3", "90%", "2"],
           ["", "", "信息公开率", "=100%", "2", "100%", "2"],
           ["", "", "预算调整率", "＝0%", "2", "≥0%", "2"]]


def test_al504_fires_on_full_marks_for_a_miss():
    text = scoring_report(NO_RULE)
    fs = sorted(by_id(lint(text, "AL504"), "AL504"), key=lambda f: f.location.line)
    assert [(f.evidence.stated, f.evidence.computed, f.location.line) for f in fs] == [
        ("5", "< 5", line_of(text, "\t5", 2)), ("4", "< 4", line_of(text, "\t4", 2)), ("2", "< 2", line_of(text, "\t2", 2))]
    assert "“完成课题报告数量”完成值“1篇”未达到目标值“=2篇”，却得满分 5 分" == fs[0].message_zh
    assert fs[2].evidence.operands == (("目标值", "≤5%"), ("完成值", "6.2%"), ("权重", "2"))  # lower is better
    assert all(f.severity == "warning" for f in fs)


def test_al504_leaves_rows_al403_reports():
    rules = copy(RULES)
    rules[3] = ["履职", "参保水平", "参保人数", "363.21万人", "4", "参保人数不低于360万人，得4分", "2023年底，参保人数362.95万人", "4"]
    text = scoring_report(rules)
    assert [f.check_id for f in lint(text, "AL403,AL504") if "参保人数" in f.message_zh] == ["AL403"]


def test_al504_a_sentence_completion_without_a_rule():
    rows = [NO_RULE[0], ["履职", "参保", "生育保险参保人数", "363.21万人", "4", "2023年底，生育保险参保人数362.95万人", "4"]]
    (f,) = by_id(lint(scoring_report(rows), "AL504"), "AL504")
    assert "362.95万人" in f.message_zh


# ---------------------------------------------------------------------------
# scoring rows join AL304, AL305, AL506, AL603


def test_scoring_rows_join_the_indicator_checks():
    rows = copy(GROUPED)
    rows += [["", "", "来电量", "＝100万元", "5", "＝100万元", "5"],
             ["", "", "检查覆盖率", "＞100%", "2", "100%", "2"],
             ["", "", "接通率", "＞90%", "1", "96%", "1"]]
    text = scoring_report(rows)
    got = sorted((f.check_id, f.location.line, f.evidence.stated) for f in lint(text, "AL304,AL305,AL506,AL603"))
    assert got == sorted([
        ("AL506", line_of(text, "≥0%"), "≥0%"), ("AL506", line_of(text, "≤100%"), "≤100%"),
        ("AL506", line_of(text, "＞95%", 2), "＞95%"), ("AL506", line_of(text, "＞95%", 4), "＞95%"),
        ("AL305", line_of(text, "＝100万元"), "＝100万元"),
        ("AL304", line_of(text, "＞100%"), "＞100%"),
        ("AL603", line_of(text, "接通率", 2), "＞90% 96%"),
    ])


def test_al506_wording_on_a_scoring_table():
    text = scoring_report(GROUPED)
    fs = {f.evidence.stated: f for f in lint(text, "AL506")}
    assert fs["≥0%"].message_zh == "“预算调整率”的完成值“≥0%”是一个范围，不是实际达到的数值，据此也无法判断是否达到目标值“＝0%”"
    copied = [f for f in lint(text, "AL506") if f.evidence.stated == "＞95%"][0]
    assert copied.message_zh.endswith("与目标值相同，疑为照抄目标值；所评满分 5 分无从核实")
    assert copied.message_en.endswith("the target copied; the full marks (5) cannot be checked")


# ---------------------------------------------------------------------------
# registration, robustness


@pytest.mark.parametrize("check_id", ["AL501", "AL502", "AL503", "AL504"])
def test_registered_with_examples(check_id):
    spec = get(check_id)
    assert spec is not None and spec.family == "cross-reference"
    for lang in ("zh", "en"):
        text = spec.explanation[lang]
        assert ("错误示例" in text and "正确示例" in text) if lang == "zh" else ("Bad:" in text and "Good:" in text)


_FRAGMENTS = st.sampled_from([
    "预算执行率", "结转结余率", "“三公经费”变动率", "在职人员控制率", "来电量", "结算额", "\t", "\n", "\n\n", "=100%", "≤0%",
    "100%", "0%", "98.19%", "2661.53", "2613.26", "行政编制25名", "实有30名", "年末结转结余51.43万元", "目标任务的115%（320亿元）",
    "\t指标名称", "\t指标目标值", "\t指标完成值", "\t权重", "\t得分", "\t实际支出数", "\t调整预算数", "\t合计", "，", "。", "2024年",
])


@settings(max_examples=40, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=60))
def test_no_input_makes_these_checks_crash(parts):
    text = "某局2024年度绩效自评报告\n" + "".join(parts)
    for f in lint(text, "AL501,AL502,AL503,AL504,AL506"):
        assert f.location.line is not None and f.message_zh and f.message_en and f.evidence is not None


# ---------------------------------------------------------------------------
# the seeds (issue 9)


def _run(path, select="AL501,AL502,AL503,AL504"):
    # AL403 runs too, as in a default run: AL504 defers to it on the rows it reports
    wanted = set(select.split(","))
    result = lint_file(path, RunOptions(select=frozenset(wanted | {"AL403"}), plugins=False))
    assert result.error is None
    return sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in result.findings
                  if f.check_id in wanted)


def test_suzhou(seeds):
    assert _run(seeds / "suzhou-bureau-2024.txt") == [
        ("AL501", 410, "100%", "120.00%"),  # 在职人员控制率: 30 in post for 25 posts
        ("AL501", 500, "0%", "-2.29%"),  # 预算调整率 with −62.46 (+93.14 / −155.6) adjustments
        ("AL501", 518, "100%", "98.19%"),  # 预算执行率
        ("AL501", 527, "0%", "1.81%"),  # 结转结余率: 48.27 unspent
    ]


def test_nanjing_center(seeds):
    assert _run(seeds / "nanjing-center-2024.txt") == [
        ("AL501", 308, "＝0%", "2.88%"),  # 结转结余率 with 51.43 carried over (of 1782.77; 2.70% of 1906.62)
        ("AL501", 324, "≤0%", "378.75%"),  # “三公经费”变动率: 0.8 → 3.83
        ("AL501", 485, "＝280亿元", "370亿元"),  # 结算额 completion against the narrative's 370亿
        ("AL501", 509, "＝100万元", "99.54万个"),  # 来电量 against 来电总量99.54万个
        ("AL502", 483, "＝280亿元", "320亿元"),  # 结算额 target: 280 in the table, 320 in the narrative
        ("AL503", 12, "709.66", "715.69"),  # 基本支出 709.66 against the tables' 715.69
    ]


def test_nanjing_bureau(seeds):
    # 部门预算资金到位率 100%, 预算执行率 100%, 财政供养人员控制率 100% with 55/55: they hold, or cannot be decided
    assert _run(seeds / "nanjing-bureau-2023.txt") == []
