"""AL104 and AL401–AL410: where they fire, with the exact numbers and the line they
point at, where they must stay silent, and one finding per cause."""

from __future__ import annotations

import pytest

from scoring_reports import GROUPED, RULES, by_id, copy, line_of, lint, scoring_report

SCORING = "AL104,AL4"


def findings(text: str, check_id: str | None = None):
    fs = lint(text, SCORING)
    return by_id(fs, check_id) if check_id else fs


def test_clean_tables_are_silent():
    assert findings(scoring_report(GROUPED, narrative="2023年度自评得分为22分。")) == []
    assert findings(scoring_report(RULES, narrative="经综合评定，得分为18.82分。")) == []


# ---------------------------------------------------------------------------
# AL104


def test_al104_group_weight_differs_from_its_rows():
    rows = copy(GROUPED)
    rows[1][0] = "决策（9分）"
    text = scoring_report(rows)
    (f,) = findings(text, "AL104")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("9", "8", "2 + 2 + 2 + 2")
    assert f.location.line == line_of(text, "决策（9分）") and f.severity == "error"
    assert "决策" in f.message_zh and "8" in f.message_en


def test_al104_points_at_the_line_of_the_number_in_a_tall_group_cell():
    rows = copy(GROUPED)
    rows[5][0] = "过程\n（7分）"
    text = scoring_report(rows)
    (f,) = findings(text, "AL104")
    assert (f.evidence.stated, f.evidence.computed) == ("7", "6")
    assert f.location.line == line_of(text, "（7分）")


def test_al104_silent_when_a_weight_under_the_group_is_missing():
    rows = copy(GROUPED)
    rows[1][0] = "决策（9分）"
    rows[2][4] = ""
    assert findings(scoring_report(rows), "AL104") == []


# ---------------------------------------------------------------------------
# AL401, AL402


def test_al401_score_above_weight():
    rows = copy(GROUPED)
    rows[8][6] = "6"
    text = scoring_report(rows)
    (f,) = findings(text, "AL401")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.difference) == ("6", "≤ 5", "1")
    assert f.location.row == 9 and f.location.col == 7


def test_al401_alone_when_the_rule_promised_those_points():
    rows = copy(RULES)
    rows[3][5] = "参保人数不低于360万人，得5分"
    rows[3][7] = "5"
    fs = findings(scoring_report(rows))
    assert [f.check_id for f in fs if f.check_id != "AL407"] == ["AL401"]
    assert "评分标准最高给 5 分" in by_id(fs, "AL401")[0].message_zh


def test_al402_rule_cannot_reach_the_weight_on_a_full_score():
    rows = copy(RULES)
    rows[2][5] = "已制订管理办法，得1分；未制定，得0分。"
    text = scoring_report(rows)
    (f,) = findings(text, "AL402")
    assert (f.evidence.stated, f.evidence.computed) == ("1", "2")
    assert f.severity == "error" and f.location.line == line_of(text, "已制订管理办法，得1分")
    assert findings(text, "AL403") == []


def test_al402_additive_items_and_a_lower_score_is_a_warning():
    rows = copy(RULES)
    rows[1][5] = "共2项：1.建立决策制度，得1分，未建立不得分；2.制度科学可行，得1分，不可行不得分。"
    rows[1][7] = "2"
    rows[-1][7] = "17.82"
    (f,) = findings(scoring_report(rows), "AL402")
    assert (f.evidence.stated, f.evidence.computed, f.severity) == ("2", "3", "warning")
    assert "1 + 1 = 2" in f.evidence.expression


def test_al402_rule_promises_more_than_the_weight_and_no_al403():
    rows = copy(RULES)
    rows[4][5] = "支付比例不低于85%，得5分"
    text = scoring_report(rows)
    fs = findings(text)
    assert [(f.check_id, f.evidence.stated, f.evidence.computed) for f in fs] == [("AL402", "5", "4")]
    assert fs[0].location.line == line_of(text, "支付比例不低于85%，得5分")


@pytest.mark.parametrize(
    "rule",
    [
        "根据实际情况酌情打分。",  # unparsed
        "每发现一例违规扣除0.5分，扣完为止。",  # deductions from full marks
        "按完成率乘以权重计分。",  # proportional
        "制度健全得1分；执行到位得1分。",  # alternatives or additive: not guessed
    ],
)
def test_al402_silent_on_rules_whose_maximum_is_the_weight_or_unknown(rule):
    rows = copy(RULES)
    rows[2][5] = rule
    assert findings(scoring_report(rows), "AL402") == []


# ---------------------------------------------------------------------------
# AL403


def test_al403_proportional_rule():
    rows = copy(RULES)
    rows[6][6] = "超过90%。"
    rows[6][7] = "3"
    rows[-1][7] = "18"
    text = scoring_report(rows)
    (f,) = findings(text, "AL403")
    assert (f.evidence.stated, f.evidence.computed) == ("3", "> 3.6")
    assert f.location.line == line_of(text, "超过90%") + 1 and f.severity == "error"


def test_al403_banded_rule():
    rows = copy(RULES)
    rows[5][7] = "3"
    rows[-1][7] = "19.82"
    text = scoring_report(rows)
    (f,) = findings(text, "AL403")
    assert (f.evidence.stated, f.evidence.computed) == ("3", "2")
    assert "88.5%" in f.evidence.expression


def test_al403_full_marks_while_the_actual_misses_the_target():
    rows = copy(RULES)
    rows[3][6] = "2023年底，参保人数362.95万人"  # meets the rule's 360万 but not the target 363.21万
    text = scoring_report(rows)
    (f,) = findings(text, "AL403")
    assert (f.evidence.stated, f.evidence.computed, f.severity) == ("4", "misses target 363.21万人", "warning")
    assert f.location.line == line_of(text, "362.95万人") + 1


@pytest.mark.parametrize(
    ("row", "col", "value"),
    [
        (5, 6, "救助比例较上年提高"),  # no number in the actual
        (5, 6, "目标70%，实际88.5%"),  # two percentages
        (4, 3, "＝100%"),  # an equality target says nothing of direction
        (2, 6, "未制订"),  # worded rule: no award computed
    ],
)
def test_al403_silent_when_it_cannot_tell(row, col, value):
    rows = copy(RULES)
    rows[row][col] = value
    if (row, col) == (4, 3):
        # full marks on 98% against ＝100%, under a worded rule: which way is better is not said
        rows[4][5] = "按规定比例支付的，得4分；未按规定支付的，不得分。"
        rows[4][6] = "2023年底，支付比例为98%"
    assert findings(scoring_report(rows), "AL403") == []


def test_al403_direction_from_the_rule_when_the_target_has_none():
    rows = copy(RULES)
    rows[4][3] = "＝100%"
    rows[4][6] = "2023年底，支付比例为98%"  # the rule's 不低于85% says more is better
    (f,) = findings(scoring_report(rows), "AL403")
    assert (f.evidence.stated, f.evidence.computed) == ("4", "misses target 100%")


def test_al403_needs_a_printed_rule():
    rows = copy(GROUPED)
    rows[8][5] = "93%"  # 接通率 target ＞95%, full marks, no rule column
    assert findings(scoring_report(rows), "AL403") == []


# ---------------------------------------------------------------------------
# AL404, AL405


def test_al404_and_al405_missing_weight_and_score():
    rows = copy(GROUPED)
    rows[3][4] = ""
    rows[6][6] = "—"
    text = scoring_report(rows)
    (w,) = findings(text, "AL404")
    (s,) = findings(text, "AL405")
    assert "预算编制科学性" in w.message_zh and w.location.row == 4 and w.location.col == 5
    assert "支付进度符合率" in s.message_zh and s.location.line == line_of(text, "—")
    # a missing weight or score stops the totals being compared, not reported twice
    assert findings(text, "AL406") == [] and findings(text, "AL407") == []


def test_al404_silent_for_bonus_rows_inline_weights_and_sparse_columns():
    rows = copy(GROUPED)
    rows.insert(10, ["加分项", "", "创新工作", "", "", "获省级表彰", "1"])
    rows[-1] = ["得分", "23"]
    assert findings(scoring_report(rows), "AL404") == []
    sparse = [r[:] for r in GROUPED]
    for r in sparse[2:-1]:
        r[4] = ""
    assert findings(scoring_report(sparse), "AL404") == []


def test_al405_silent_for_bonus_rows_and_a_score_column_mostly_blank():
    rows = copy(GROUPED)
    rows.insert(10, ["加分项", "", "创新工作", "1", "", "获省级表彰", ""])
    assert findings(scoring_report(rows), "AL405") == []
    sparse = [r[:] for r in GROUPED]
    for r in sparse[2:-1]:
        r[6] = ""
    assert findings(scoring_report(sparse), "AL405") == []


# ---------------------------------------------------------------------------
# AL406, AL407


def test_al406_weights_against_the_printed_total():
    rows = copy(RULES)
    rows[2][4] = "3"
    rows[2][5] = "已制订管理办法，得3分；未制定，得0分。"
    text = scoring_report(rows)
    (f,) = findings(text, "AL406")
    assert (f.evidence.stated, f.evidence.computed) == ("20", "21")
    assert f.location.row == len(rows) and f.location.col == 5


def test_al406_against_100_when_the_report_scores_out_of_100():
    text = scoring_report(GROUPED[:-1], narrative="绩效评价结果实施百分制。")
    (f,) = findings(text, "AL406")
    assert (f.evidence.stated, f.evidence.computed) == ("100", "24")
    assert f.location.line == line_of(text, "权重")
    # without 百分制, no total, nothing to compare with
    assert findings(scoring_report(GROUPED[:-1]), "AL406") == []


def test_a_lone_total_matching_neither_sum_is_left_alone():
    rows = copy(GROUPED)
    rows[-1] = ["合计", "23"]  # weights 24, scores 22: which total is it?
    assert findings(scoring_report(rows), "AL406") == findings(scoring_report(rows), "AL407") == []


def test_al407_one_wrong_score_is_one_finding_at_the_table_total():
    rows = copy(RULES)
    rows[2][7] = "1"  # 管理制度健全性 1 of 2: the rule is worded, so no AL403
    text = scoring_report(rows, narrative="经综合评定，得分为18.82分，等级为“中”。")
    fs = [f for f in findings(text) if f.check_id != "AL410"]
    assert [(f.check_id, f.evidence.stated, f.evidence.computed) for f in fs] == [("AL407", "18.82", "17.82")]
    assert fs[0].location.row == len(rows) and fs[0].location.col == 8


def test_al407_narrative_against_the_table_total():
    text = scoring_report(GROUPED, narrative="2023年度自评得分为21分，等级为差。")
    (f,) = findings(text, "AL407")
    assert (f.evidence.stated, f.evidence.computed) == ("21", "22")
    assert f.location.line == line_of(text, "自评得分为21分")


def test_al407_narrative_against_the_sum_when_no_total_is_printed():
    text = scoring_report(GROUPED[:-1], narrative="经综合评定，得分为23分。")
    (f,) = findings(text, "AL407")
    assert (f.evidence.stated, f.evidence.computed) == ("23", "22")


# ---------------------------------------------------------------------------
# AL408


def test_al408_gap_and_overlap():
    rows = copy(RULES)
    rows[5][5] = "90%-100%得3分；80%-89%得2分；60%以下，不得分"
    text = scoring_report(rows)
    (f,) = findings(text, "AL408")
    assert (f.evidence.stated, f.evidence.computed) == ("60", "79") and "空档" in f.message_zh
    rows[5][5] = "80-100%得3分，50%-79%得2分，60%以下不得分"
    (f,) = findings(scoring_report(rows), "AL408")
    assert (f.evidence.stated, f.evidence.computed) == ("60", "49") and "重叠" in f.message_zh
    assert f.location.line == line_of(scoring_report(rows), "80-100%得3分")


# ---------------------------------------------------------------------------
# AL409


ANALYSIS = ("四、绩效指标分析\n"
            "（1）中长期规划制定健全性（分值2分，得分2分）：已制定规划，根据评分标准得2分。\n"
            "（2）预算调整率（分值2分，得分1分）：调整率超出目标，根据评分标准得1分。\n")


def test_al409_silent_when_the_narrative_repeats_the_table():
    assert findings(scoring_report(GROUPED, narrative=ANALYSIS), "AL409") == []


def test_al409_narrative_against_the_table_and_against_itself():
    bad = ANALYSIS.replace("（分值2分，得分1分）", "（分值3分，得分1分）").replace("标准得2分", "标准得1分")
    text = scoring_report(GROUPED, narrative=bad)
    fs = sorted(findings(text, "AL409"), key=lambda f: f.location.line)
    assert [(f.evidence.stated, f.evidence.computed) for f in fs] == [("1", "2"), ("3", "2")]
    assert fs[0].location.line == line_of(text, "（1）中长期") and "结论得分" in fs[0].message_zh
    assert fs[1].location.line == line_of(text, "（2）预算调整率") and "分值" in fs[1].message_zh


def test_al409_silent_on_names_the_table_does_not_have_and_on_breakdowns():
    narrative = ("（1）信息化建设（分值3分，得分2分）：已建设信息系统。\n"
                 "（2）决策指标（分值8分，得分8分）。其中，中长期规划制定健全性得2分。\n")
    assert findings(scoring_report(GROUPED, narrative=narrative), "AL409") == []


# ---------------------------------------------------------------------------
# AL410


def test_al410_grade_against_the_score():
    text = scoring_report(GROUPED[:-1] + [["得分", "87"]], narrative="自评得分为87分，等级为优。")
    (f,) = [f for f in findings(text) if f.check_id == "AL410"]
    assert (f.evidence.stated, f.evidence.computed) == ("优", "良")
    assert f.location.line == line_of(text, "等级为优")


def test_al410_the_reports_own_bands_win():
    narrative = "等级标准：85分(含)以上为优，70(含)-85分为良，60(含)-70分为中，60分以下为差。自评得分为87分，等级为优。"
    text = scoring_report(GROUPED[:-1] + [["得分", "87"]], narrative=narrative)
    assert by_id(lint(text), "AL410") == []


def test_al410_uses_the_table_total_when_the_sentence_gives_no_score():
    text = scoring_report(GROUPED, narrative="经自评，本单位评价等级为优。")  # the table says 22
    (f,) = by_id(lint(text), "AL410")
    assert (f.evidence.stated, f.evidence.computed) == ("优", "差")


# a score or grade stated for another year is not this year's (AL407, AL410)

Y2024 = "2024年度部门整体支出绩效自评报告"


@pytest.mark.parametrize(
    "sentence",
    [
        "财政部门对我单位2023年度整体支出评价得分为92.5分。",
        "2023年自评得分为88分。",
        "2023年度绩效自评得分91分，等级为“优”；2023年预算执行率为93.6%。",
        "市财政局2023年度重点评价得分为86分，等级为“良”，2024年整改后提高到98分。",
        "2023年度本单位经区财政局重点绩效评价，评价等级为“良”。",
        "2022年度部门整体绩效评价结果为“中”，2023年度评价等级为“良”。",
    ],
)
def test_al407_al410_silent_on_another_years_score_or_grade(sentence):
    # this year's total (22, the table's) and grade (差) are stated too, and agree
    narrative = sentence + "\n经自评，本年度综合得分22分，等级为“差”。"
    text = scoring_report(GROUPED, narrative=narrative, title=Y2024)
    assert findings(text, "AL407") == [] and findings(text, "AL410") == []


@pytest.mark.parametrize(
    ("sentence", "check_id", "stated", "computed"),
    [
        ("2024年度自评得分为21分。", "AL407", "21", "22"),
        ("本年度综合得分为23.5分。", "AL407", "23.5", "22"),
        ("2025年3月，经自评，综合得分为21分。", "AL407", "21", "22"),  # a date names no period
        ("与2023年度相比，今年自评得分为20分。", "AL407", "20", "22"),
        ("2024年度评价等级为“良”。", "AL410", "良", "差"),
        ("经自评，2024年度本单位评价等级为“优”。", "AL410", "优", "差"),
    ],
)
def test_al407_al410_still_fire_on_the_year_evaluated(sentence, check_id, stated, computed):
    text = scoring_report(GROUPED, narrative=sentence, title=Y2024)
    (f,) = findings(text, check_id)
    assert (f.evidence.stated, f.evidence.computed) == (stated, computed)
    assert f.location.line == line_of(text, sentence[:8])


def test_a_year_named_without_a_year_evaluated_is_not_taken_for_this_years():
    text = scoring_report(GROUPED, narrative="2023年度自评得分为21分。", title="部门整体支出绩效自评报告")
    assert findings(text, "AL407") == []
    assert findings(scoring_report(GROUPED, narrative="自评得分为21分。", title="部门整体支出绩效自评报告"), "AL407")


# ---------------------------------------------------------------------------
# the seeds


def _shown(fs):
    return sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in fs)


def test_bureau_seed(seeds):
    from auditlint.engine.run import RunOptions, lint_file

    fs = lint_file(seeds / "nanjing-bureau-2023.txt", RunOptions(select=frozenset({"AL104", "AL4"}), plugins=False)).findings
    al402 = [f for f in fs if f.check_id == "AL402"]
    assert len(al402) == 17
    assert {(f.location.line, f.evidence.stated, f.evidence.computed) for f in al402} >= {
        (349, "1", "2"), (335, "1", "2"), (318, "1", "2"), (667, "2", "3"), (583, "3", "4"), (601, "4", "3"),
        (610, "4", "3")}
    assert _shown(f for f in fs if f.check_id != "AL402") == [
        ("AL403", 557, "4", "misses target 363.21万人"), ("AL403", 708, "3", "> 3.6")]


def test_center_seed_scoring_is_silent(seeds):
    from auditlint.engine.run import RunOptions, lint_file

    fs = lint_file(seeds / "nanjing-center-2024.txt", RunOptions(select=frozenset({"AL104", "AL4"}), plugins=False)).findings
    assert fs == []


def test_suzhou_seed_scoring_is_silent(seeds):
    from auditlint.engine.run import RunOptions, lint_file

    fs = lint_file(seeds / "suzhou-bureau-2024.txt", RunOptions(select=frozenset({"AL104", "AL4"}), plugins=False)).findings
    assert fs == []


def test_al402_silent_when_levels_or_criteria_would_both_be_fair_readings():
    rows = copy(RULES)
    rows[1][5] = "建立决策制度得2分，未建立不得分；流程规范合理得1分，不合理不得分。"  # 2 + 1 = 3 as criteria
    assert findings(scoring_report(rows), "AL402") == []


def test_a_heading_row_is_no_indicator_and_leaves_the_totals_checked():
    rows = copy(GROUPED)
    rows.insert(8, ["", "", "（以下为履职指标）", "", "", "", ""])
    rows[-1] = ["得分", "21"]
    fs = findings(scoring_report(rows))
    assert [(f.check_id, f.evidence.stated, f.evidence.computed) for f in fs] == [("AL407", "21", "22")]


def test_al404_silent_on_a_row_with_neither_weight_nor_score():
    rows = copy(GROUPED)
    rows.insert(8, ["", "", "待评价指标", "＞95%", "", "", ""])
    assert findings(scoring_report(rows), "AL404") == []


# ---------------------------------------------------------------------------
# format independence


def _docx_like(report):
    """The Document a .docx reader gives for a generated report: the same cells, no lines."""
    from corpusgen.synth.model import Para
    from corpusgen.synth.render import _cell_text, _text

    from auditlint.model import Cell, Document, Location, Paragraph, Table, join_cell_lines

    blocks, paras, tables = [Paragraph(1, report.title, Location("r.docx", paragraph=1))], 1, 0
    for b in report.blocks:
        if isinstance(b, Para):
            paras += 1
            blocks.append(Paragraph(paras, _text(b.pieces), Location("r.docx", paragraph=paras)))
            continue
        tables += 1
        rows = [[Cell(join_cell_lines(_cell_text(spec).split("\n")), Location("r.docx", table=tables, row=r, col=c),
                      raw=_cell_text(spec)) for c, spec in enumerate(row, 1)] for r, row in enumerate(b.rows, 1)]
        blocks.append(Table(tables, rows, Location("r.docx", table=tables)))
    return Document("r.docx", "docx", blocks)


@pytest.mark.parametrize("shape", ["nanjing-rules", "project-evaluation", "guangdong-department", "jiangsu-department"])
def test_same_findings_and_fingerprints_without_line_numbers(shape):
    import random

    from corpusgen.synth.mutate import KINDS, plant
    from corpusgen.synth.render import render_text
    from corpusgen.synth.shapes import SHAPES

    from auditlint.engine.run import RunOptions, lint_document
    from auditlint.readers.text import read_bytes

    opts = RunOptions(select=frozenset({"AL104", "AL4"}), plugins=False)
    base = SHAPES[shape](2)
    reports = [base] + [p[0] for k in KINDS if (p := plant(base, k, random.Random(2))) is not None]
    seen = 0
    for rep in reports:
        text, _ = render_text(rep)
        as_text = lint_document(read_bytes(text.encode("utf-8"), "r.txt"), opts)
        as_docx = lint_document(_docx_like(rep), opts)
        assert sorted((f.check_id, f.evidence.stated, f.fingerprint) for f in as_text) == sorted(
            (f.check_id, f.evidence.stated, f.fingerprint) for f in as_docx)
        seen += len(as_text)
    assert seen > 0


def test_al409_a_longer_name_is_not_a_shorter_indicator():
    rows = copy(GROUPED)
    narrative = "（1）咨询服务满意度（分值3分，得分3分）：群众评价较好。"  # the table has 服务满意度 weight 5
    assert findings(scoring_report(rows, narrative=narrative), "AL409") == []
    narrative = "关于服务满意度（分值3分，得分5分）：群众评价较好。"
    (f,) = findings(scoring_report(rows, narrative=narrative), "AL409")
    assert (f.evidence.stated, f.evidence.computed) == ("3", "5")


def test_weights_beside_each_level_give_al401_al407_and_al104():
    from test_scoring_tables import PER_LEVEL

    assert findings(scoring_report(PER_LEVEL)) == []
    rows = copy(PER_LEVEL)
    rows[3][7] = "9"  # 资产管理规范性 9 of 8; the total still says 38
    text = scoring_report(rows)
    got = sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text))
    assert got == [("AL401", line_of(text, "\t9"), "9", "≤ 8"), ("AL407", line_of(text, "\t38"), "38", "41")]
    rows = copy(PER_LEVEL)
    rows[1][3] = "14"  # 预算执行 printed 14 over 8 + 4
    text = scoring_report(rows)
    (f,) = findings(text, "AL104")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("14", "12", line_of(text, "\t14"))


def test_the_central_template_total_includes_the_funds_points():
    from test_scoring_tables import CENTRAL

    assert findings(scoring_report(CENTRAL, narrative="经自评，本局部门整体支出绩效自评得分98.78分。")) == []
    rows = copy(CENTRAL)
    rows[-1][7] = "99.78"
    text = scoring_report(rows, narrative="经自评，本局部门整体支出绩效自评得分98.78分。")
    got = sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text))
    assert got == sorted([("AL407", line_of(text, "\t99.78"), "99.78", "98.78"),
                          ("AL407", line_of(text, "自评得分98.78分"), "98.78", "99.78")])


def test_al407_on_a_short_total_row_placed_by_guess():
    from test_scoring_tables import SHORT_TOTAL

    assert findings(scoring_report(SHORT_TOTAL, narrative="经综合评价，本单位自评得分9.97分。")) == []
    rows = copy(SHORT_TOTAL)
    rows[-1][-1] = "8.97"
    text = scoring_report(rows, narrative="经综合评价，本单位自评得分9.97分。")
    got = sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text))
    assert got == sorted([("AL407", line_of(text, "\t8.97"), "8.97", "9.97"),
                          ("AL407", line_of(text, "自评得分9.97分"), "9.97", "8.97")])


def test_a_funds_block_with_its_own_header_row_counts_in_the_totals():
    from test_scoring_tables import OWN_HEADER_BLOCK

    assert findings(scoring_report(OWN_HEADER_BLOCK)) == []
    rows = copy(OWN_HEADER_BLOCK)
    rows[2][6] = "8.74"  # the funds' score, printed one point low; the total still says 99.74
    text = scoring_report(rows)
    got = sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text))
    assert got == [("AL407", line_of(text, "\t99.74"), "99.74", "98.74")]
    rows = copy(OWN_HEADER_BLOCK)
    rows[-1][1] = "90"  # the weights' total leaving out the funds' 10 points
    text = scoring_report(rows)
    got = sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text))
    assert got == [("AL406", text.splitlines().index("\t90") + 1, "90", "100")]


def test_al104_on_numbered_heading_rows():
    from test_scoring_tables import NUMBERED_HEADINGS, SPANNING_HEADINGS

    assert findings(scoring_report(NUMBERED_HEADINGS)) == []
    assert findings(scoring_report(SPANNING_HEADINGS)) == []
    rows = copy(NUMBERED_HEADINGS)
    rows[2][0] = "（一）项目立项（5分）"  # over 3 + 3
    text = scoring_report(rows)
    got = [(f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text)]
    assert got == [("AL104", line_of(text, "（一）项目立项（5分）"), "5", "6")]
    rows = copy(SPANNING_HEADINGS)
    rows[4][0] = "二、产出（25分）"  # over 20 + 10
    text = scoring_report(rows)
    got = [(f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text)]
    assert got == [("AL104", line_of(text, "二、产出（25分）"), "25", "30")]


def test_al407_counts_a_short_row_placed_by_its_columns():
    from test_scoring_tables import SHORT_ROW

    narrative = "经自评，本局部门整体支出绩效自评得分99.62分。"
    assert findings(scoring_report(SHORT_ROW, narrative=narrative)) == []
    rows = copy(SHORT_ROW)
    rows[-1][2] = "96.92"  # digits transposed; the text keeps 99.62
    text = scoring_report(rows, narrative=narrative)
    got = sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text))
    assert got == sorted([("AL407", line_of(text, "\t96.92"), "96.92", "99.62"),
                          ("AL407", line_of(text, "自评得分99.62分"), "99.62", "96.92")])


# a scoring table without a 完成情况 column: the report's text states each result
NO_RESULT_COLUMN = [
    ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
    ["过程", "预算执行", "预算执行率", "10", "得分=预算执行率×分值。", "9.76"],
    ["产出", "数量指标", "社区活动场次", "10", "≥48场得10分；未完成按比例得分。", "10"],
    ["", "质量指标", "活动参与率", "15", "≥80%得15分；70%（含）-80%得10分；70%以下不得分。", "14.25"],
    ["满意度", "满意度", "居民满意度", "15", "≥90%得15分；85%（含）-90%得12分；85%以下得8分。", "12"],
    ["合计", "", "", "50", "", "46.01"],
]
NO_RESULT_TEXT = ("全年实际支出1,204.65万元，预算执行率97.57%。"
                  "居民满意度调查共回收有效问卷860份，满意度88.7%。居民满意度未达到90%的目标。")


def _al403(rows, narrative=NO_RESULT_TEXT):
    text = scoring_report(rows, narrative=narrative)
    return text, [(f.location.line, f.evidence.stated, f.evidence.computed) for f in findings(text, "AL403")]


def test_al403_reads_the_result_from_the_text_when_the_table_prints_none():
    assert _al403(NO_RESULT_COLUMN)[1] == []
    rows = copy(NO_RESULT_COLUMN)
    rows[4][5] = "15"  # 88.7% earns 12
    text, got = _al403(rows)
    assert got == [(line_of(text, "85%以下得8分") + 1, "15", "12")]  # the score's line, after the rule's
    rows = copy(NO_RESULT_COLUMN)
    rows[1][5] = "10"  # 97.57% × 10 = 9.76, and this table keeps two decimals
    text, got = _al403(rows)
    assert got == [(line_of(text, "得分=预算执行率×分值") + 1, "10", "9.76")]


def test_al403_stays_silent_when_the_text_does_not_state_one_result():
    rows = copy(NO_RESULT_COLUMN)
    rows[4][5] = "15"
    # a second figure in the sentence: the result on another basis
    assert _al403(rows, "居民满意度调查有效问卷860份，满意度88.7%，剔除无效样本后为91.2%。")[1] == []
    # two sentences, two results
    assert _al403(rows, "居民满意度88.7%。经复核，居民满意度为91.2%。")[1] == []
    # a target is not a result
    assert _al403(rows, "居民满意度目标90%。")[1] == []
    rows = copy(NO_RESULT_COLUMN)
    rows[1][5] = "10"
    rows[3][5], rows[-1][-1] = "14", "45.76"  # no score with decimals: 10 may be 9.76 rounded
    assert _al403(rows)[1] == []


def test_al403_from_text_takes_the_whole_bodys_figure_not_a_parts():
    rows = copy(NO_RESULT_COLUMN)
    rows[1][5] = "10"
    # a department scores its whole budget; the text gives only the project part's rate
    assert _al403(rows, "项目支出预算执行率97.57%。")[1] == []
    text, got = _al403(rows, "2023年度部门整体预算执行率97.57%。")
    assert got == [(line_of(text, "得分=预算执行率×分值") + 1, "10", "9.76")]
