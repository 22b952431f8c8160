"""Group rows in a scoring table with one indicator column: a row whose label heads a group
(决策（30分）, 一、产出) and whose 分值 and 得分 are the sums of the rows under it is the
group's subtotal, not an indicator (false alarm FA03 of the third red-team round)."""

from __future__ import annotations

from decimal import Decimal

from scoring_reports import by_id, copy, facts_of, line_of, lint, scoring_report

D = Decimal
HEADER = ["指标名称", "分值", "评分标准", "得分"]

# our own numbers: three groups whose rows carry the group's weight in brackets
INLINE = [
    HEADER,
    ["决策（30分）", "30", "", "27"],
    ["立项规范性", "12", "程序规范得12分", "12"],
    ["目标明确性", "18", "目标明确得18分，每缺一项扣3分", "15"],
    ["过程（30分）", "30", "", "28.5"],
    ["资金到位率", "15", "到位率×15分", "15"],
    ["财务监控有效性", "15", "每发现一处问题扣1.5分", "13.5"],
    ["效果（40分）", "40", "", "36"],
    ["受益群众满意度", "40", "满意度×40分", "36"],
    ["合计", "100", "", "91.5"],
]

# the same table numbered 一、二、三、 with no weight in the label, one group holding two
# numbered subgroups
NUMBERED = [
    HEADER,
    ["一、决策", "30", "", "27"],
    ["（一）项目立项", "12", "", "12"],
    ["立项规范性", "12", "程序规范得12分", "12"],
    ["（二）绩效目标", "18", "", "15"],
    ["目标明确性", "10", "目标明确得10分", "9"],
    ["目标合理性", "8", "目标合理得8分", "6"],
    ["二、过程", "30", "", "28.5"],
    ["资金到位率", "15", "到位率×15分", "15"],
    ["财务监控有效性", "15", "每发现一处问题扣1.5分", "13.5"],
    ["三、效果", "40", "", "36"],
    ["受益群众满意度", "40", "满意度×40分", "36"],
    ["合计", "100", "", "91.5"],
]


def findings(text: str, check_id: str):
    return by_id(lint(text, "AL104,AL4"), check_id)


def test_group_rows_with_an_inline_weight_are_groups_not_indicators():
    text = scoring_report(INLINE)
    (st,) = facts_of(text).scoring
    assert [i.name for i in st.indicators] == ["立项规范性", "目标明确性", "资金到位率", "财务监控有效性", "受益群众满意度"]
    assert st.indicators[1].path == ("决策", "目标明确性")
    assert [(g.name, g.weight.value, len(g.members)) for g in st.groups] == [
        ("决策", D(30), 2), ("过程", D(30), 2), ("效果", D(40), 1)]
    assert lint(text, "AL104,AL4") == []


def test_numbered_group_rows_nest_and_are_groups():
    text = scoring_report(NUMBERED)
    (st,) = facts_of(text).scoring
    assert [i.name for i in st.indicators] == [
        "立项规范性", "目标明确性", "目标合理性", "资金到位率", "财务监控有效性", "受益群众满意度"]
    assert st.indicators[2].path == ("决策", "绩效目标", "目标合理性")
    assert {g.name: len(g.members) for g in st.groups} == {"决策": 3, "项目立项": 1, "绩效目标": 2, "过程": 2, "效果": 1}
    assert lint(text, "AL104,AL4") == []


def test_a_wrong_leaf_weight_is_still_caught_at_the_total():
    rows = copy(INLINE)
    rows[3][1] = "19"  # 目标明确性: the leaves no longer add up to 决策's 30
    text = scoring_report(rows)
    (f,) = findings(text, "AL406")
    assert (f.evidence.stated, f.evidence.computed) == ("100", "131")  # the 决策 row stays an indicator
    assert f.location.line == line_of(text, "合计") + 1


def test_a_wrong_leaf_score_under_a_group_is_caught_at_the_total():
    rows = copy(INLINE)
    rows[8][3] = "35"  # 受益群众满意度 35 under 效果 36: 效果 no longer adds up
    text = scoring_report(rows)
    (f,) = findings(text, "AL407")
    assert (f.evidence.stated, f.evidence.computed) == ("91.5", "126.5")
    assert f.location.line == line_of(text, "合计") + 3


def test_leaves_that_miss_the_printed_total_are_caught_without_the_group_rows():
    rows = copy(INLINE)
    rows[-1][3] = "92.5"
    text = scoring_report(rows)
    (f,) = findings(text, "AL407")
    assert (f.evidence.stated, f.evidence.computed) == ("92.5", "91.5")
    assert f.evidence.expression == "12 + 15 + 15 + 13.5 + 36" and findings(text, "AL406") == []


def test_a_group_row_whose_bracketed_weight_does_not_add_up_stays_a_row_and_is_caught():
    # no 分值 printed on the group row: its weight is the one in brackets, 32 over 12 + 18;
    # a group row that does not add up is not taken for a group, so the total shows it
    rows = copy(INLINE)
    rows[1] = ["决策（32分）", "", "", "27"]
    text = scoring_report(rows)
    (f,) = findings(text, "AL406")
    assert (f.evidence.stated, f.evidence.computed) == ("100", "132")
    assert f.location.line == line_of(text, "合计") + 1


def test_plain_rows_after_a_numbered_row_are_not_its_group():
    # numbered indicators of equal rank: none has rows of a deeper kind under it
    rows = [HEADER, ["1.立项规范性", "50", "", "45"], ["2.目标明确性", "50", "", "50"], ["合计", "100", "", "95"]]
    (st,) = facts_of(scoring_report(rows)).scoring
    assert len(st.indicators) == 2 and st.groups == []


def test_several_indicator_columns_are_left_as_they_were():
    rows = [["一级指标", "二级指标", "分值", "得分"],
            ["决策（10分）", "立项规范性（10分）", "10", "9"],
            ["", "目标明确性", "10", "9"],
            ["合计", "", "20", "18"]]
    (st,) = facts_of(scoring_report(rows)).scoring
    assert [i.name for i in st.indicators] == ["立项规范性", "目标明确性"]
