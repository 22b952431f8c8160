"""Scoring tables: detection, column roles, level paths, group weights, total rows,
page-split tables, cell lines, and the seeds' tables read as a reviewer reads them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as hs

from auditlint.extract.scoring import ScoringTable, cell_location, header_role, split_inline
from auditlint.extract.scoring.rules import Additive, Choice, Proportional, Threshold
from auditlint.readers import read
from scoring_reports import GROUPED, HEADER, RULES, copy, facts_of, line_of, scoring_report

D = Decimal


def only_table(text: str) -> ScoringTable:
    (st,) = facts_of(text).scoring
    return st


def test_header_roles():
    assert [header_role(h) for h in HEADER] == ["level1", "level2", "level3", "target", "weight", "actual", "score"]
    assert header_role("评分标准") == "rule" and header_role("分值（分）") == "weight"
    assert header_role("指标解释") == "explain" and header_role("决策（15分）") is None


def test_split_inline():
    name, w = split_inline("决策（15分）")
    assert name == "决策" and w is not None and w.value == 15
    name, w = split_inline("立项依据充分性(2.5分)")
    assert name == "立项依据充分性" and w is not None and w.value == D("2.5")
    assert split_inline("预算执行") == ("预算执行", None)
    assert split_inline("（15分）") == ("（15分）", None)


def test_the_package_s_vocabulary_is_the_loader_not_its_module():
    # the package has a module named vocabulary and re-exports the function of that name
    from auditlint.extract import scoring

    v = scoring.vocabulary()
    assert "合计" in v.total_labels and dict(v.roles)["weight"]


def test_grouped_table_paths_weights_and_groups():
    st = only_table(scoring_report(GROUPED))
    assert len(st.indicators) == 9
    first, last = st.indicators[0], st.indicators[-1]
    assert first.path == ("决策", "计划制定", "中长期规划制定健全性")
    assert last.path == ("履职", "咨询服务", "服务满意度")
    assert [(g.name, g.weight.value if g.weight else None, len(g.members)) for g in st.groups] == [
        ("决策", D(8), 4), ("计划制定", D(4), 2), ("预算编制", D(4), 2), ("过程", D(6), 3), ("预算执行", D(6), 3),
        ("履职", D(10), 2), ("咨询服务", None, 2)]
    assert sum(i.weight.value for i in st.indicators) == 24
    assert st.total is not None and st.total.score is not None and st.total.score.value == 22


def test_a_short_total_row_is_read_by_its_label():
    # "得分 22" and "合计 24" are printed as two cells: the reader cannot tell the column
    st = only_table(scoring_report(GROUPED))
    assert st.total.score.value == 22 and st.total.weight is None
    rows = copy(GROUPED)
    rows[-1] = ["合计", "24"]
    st = only_table(scoring_report(rows))
    assert st.total.either is not None and st.total.either.value == 24 and st.total.score is None


def test_a_group_name_repeated_on_every_row_is_one_group():
    rows = copy(GROUPED)
    for r in (2, 3, 4):
        rows[r][0] = "决策（8分）"
    st = only_table(scoring_report(rows))
    decision = [g for g in st.groups if g.name == "决策"]
    assert len(decision) == 1 and len(decision[0].members) == 4


def test_header_over_two_rows_and_a_title_row():
    rows = [["部门整体绩效评价指标体系得分情况"], ["指标", "权重", "得分"], ["一级指标", "二级指标", "三级指标", "", ""],
            ["决策", "目标设定", "绩效目标合理性", "5", "5"], ["", "", "绩效指标明确性", "5", "4"],
            ["合计", "", "", "10", "9"]]
    st = only_table(scoring_report(rows))
    assert [c.role for c in st.columns] == ["level1", "level2", "level3", "weight", "score"]
    assert [i.name for i in st.indicators] == ["绩效目标合理性", "绩效指标明确性"]
    assert st.total.weight.value == 10 and st.total.score.value == 9


def test_inline_indicator_weights_without_a_weight_column():
    rows = [["一级指标", "二级指标", "自评得分"],
            ["决策（4.5分）", "立项依据充分性（2.5分）", "2.5"],
            ["", "立项程序规范性（2分）", "2"]]
    st = only_table(scoring_report(rows))
    assert [(i.name, i.weight.value, i.weight_inline) for i in st.indicators] == [
        ("立项依据充分性", D("2.5"), True), ("立项程序规范性", D(2), True)]
    assert st.groups[0].weight.value == D("4.5") and st.groups[0].members == [0, 1]


def test_rules_targets_and_actuals():
    text = scoring_report(RULES)
    st = only_table(text)
    kinds = [type(i.rule).__name__ for i in st.indicators]
    assert kinds == ["Additive", "Choice", "Threshold", "Threshold", "Bands", "Proportional"]
    assert isinstance(st.indicators[0].rule, Additive) and isinstance(st.indicators[1].rule, Choice)
    assert isinstance(st.indicators[2].rule, Threshold) and isinstance(st.indicators[5].rule, Proportional)
    people = st.indicators[2]
    assert people.target_quantity.value == D("363.21") and people.target_quantity.unit == "万人"
    assert people.actual_quantity.value == D("364.02")  # the year is not the actual
    assert st.indicators[0].actual_quantity is None
    assert st.total.weight.value == 20 and st.total.score.value == D("18.82")


def test_the_line_of_a_number_inside_a_multi_line_cell():
    rows = copy(RULES)
    rows[1][5] = "共3项：\n1.建立决策制度，得1分；\n2.制度科学可行，得1分；\n3.流程规范合理，得1分。"
    text = scoring_report(rows)
    ind = only_table(text).indicators[0]
    offset = ind.rule_text.index("2.制度")
    assert ind.rule_location(offset).line == line_of(text, "2.制度科学可行")
    assert ind.rule_location(ind.rule.at).line == line_of(text, "1.建立决策制度")


def test_cell_location_falls_back_when_the_cell_has_no_lines():
    from auditlint.model import Cell, Location

    loc = Location("x.docx", table=1, row=2, col=3)
    assert cell_location(Cell("得1分", loc, raw=""), 2) == loc


def test_a_table_split_by_a_page_break_is_one_table():
    rows = copy(GROUPED)
    first, second = rows[:5], [HEADER, *rows[5:]]
    text = scoring_report(first) + scoring_report(second, between="第 2 页")
    st = only_table(text)
    assert len(st.indicators) == 9 and len(st.parts) == 2
    assert [len(g.members) for g in st.groups if g.name == "履职"] == [2]


def test_two_tables_with_text_between_are_two_tables():
    rows = copy(GROUPED)
    text = scoring_report(rows[:5], between="附表一：决策指标得分情况（本表为部门自评）") + scoring_report(
        [HEADER, *rows[5:]], between="附表二：过程与履职指标得分情况（本表为部门自评）")
    assert len(facts_of(text).scoring) == 2


def test_tables_that_are_not_scoring_tables_are_left_alone():
    budget = [["项目", "年初预算数", "调整预算数", "实际支出数"], ["基本支出", "100.00", "100.00", "95.00"]]
    indicators = [["指标名称", "指标目标值", "指标完成值", "偏差情况"], ["预算执行率", "=100%", "100%", "0%"]]
    assert facts_of(scoring_report(budget, indicators)).scoring == []


def test_a_row_placed_by_guess_gives_no_numbers():
    rows = copy(GROUPED)
    rows[2] = ["", "", "工作计划制定健全性", "2"]  # a short row: is 2 the weight or the score?
    st = only_table(scoring_report(rows))
    ind = next(i for i in st.indicators if i.name == "工作计划制定健全性")
    assert ind.guessed and ind.weight is None and ind.score is None


# ---------------------------------------------------------------------------
# the seeds


def test_bureau_seed_table(seeds):
    from auditlint.extract import extract

    facts = extract(read(seeds / "nanjing-bureau-2023.txt"))
    (st,) = facts.scoring
    assert len(st.indicators) == 41
    assert sum(i.weight.value for i in st.indicators) == 100
    assert sum(i.score.value for i in st.indicators) == 99
    # 合计 100 is printed short: it is the weight total (the scores add up to 99)
    assert st.total.either.value == 100
    ind = next(i for i in st.indicators if i.name == "生育保险参保人数")
    assert ind.path == ("履职", "参保水平", "生育保险参保人数")
    assert ind.rule.max_points(D(4)) == 4
    assert [i.name for i in st.indicators if i.rule is None] == []


def test_center_seed_table(seeds):
    from auditlint.extract import extract

    facts = extract(read(seeds / "nanjing-center-2024.txt"))
    (st,) = facts.scoring
    assert len(st.indicators) == 41
    assert sum(i.weight.value for i in st.indicators) == 100
    assert st.total.score.value == 98 == sum(i.score.value for i in st.indicators)
    inline = [(g.name, g.weight.value, sum(st.indicators[m].weight.value for m in g.members))
              for g in st.groups if g.weight is not None]
    assert len(inline) == 14 and all(w == s for _, w, s in inline)
    assert all(i.rule is None for i in st.indicators)


def test_suzhou_seed_has_no_scoring_table(seeds):
    from auditlint.extract import extract

    assert extract(read(seeds / "suzhou-bureau-2024.txt")).scoring == []


def test_subtotal_rows_are_neither_indicators_nor_the_table_total():
    rows = copy(GROUPED)
    rows.insert(5, ["决策小计", "", "", "", "8", "", "8"])
    rows.insert(9, ["过程合计", "", "", "", "6", "", "4"])
    st = only_table(scoring_report(rows))
    assert len(st.indicators) == 9
    assert [t.label for t in st.totals] == ["得分"]


def test_weight_and_score_totals_on_rows_of_their_own():
    from auditlint.extract.score_totals import printed_totals

    rows = copy(GROUPED)
    rows[-1] = ["总分", "", "", "", "24", "", ""]
    rows.append(["得分", "", "", "", "", "", "22"])
    st = only_table(scoring_report(rows))
    w, s = printed_totals(st)
    assert w[0].value == 24 and s[0].value == 22


def test_a_scored_row_without_a_name_leaves_the_sums_unknown():
    rows = copy(GROUPED)
    rows.insert(9, ["", "", "", "", "3", "", "3"])  # a weight and a score, but whose?
    text = scoring_report(rows)
    st = only_table(text)
    assert not st.complete and st.unread == [9]
    from scoring_reports import by_id, lint

    fs = lint(text, "AL104,AL4")
    assert by_id(fs, "AL104") == by_id(fs, "AL406") == by_id(fs, "AL407") == []


def test_a_label_column_left_of_the_levels_is_not_the_name():
    rows = [["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "得分"],
            ["绩效指标", "产出指标（6分）", "数量指标", "培训人次", "3", "3"],
            ["", "", "", "培训场次", "3", "2"],
            ["总分", "", "", "", "6", "5"]]
    st = only_table(scoring_report(rows))
    assert [c.role for c in st.columns] == [None, "level1", "level2", "level3", "weight", "score"]
    assert [i.path for i in st.indicators] == [("产出指标", "数量指标", "培训人次"), ("产出指标", "数量指标", "培训场次")]


# ---------------------------------------------------------------------------
# properties: generated tables read back exactly, and a consistent one is silent


_L1 = ["决策", "过程", "产出", "效益", "满意度"]
_L2 = ["目标设定", "预算编制", "预算执行", "资产管理", "社会效益", "服务对象"]


@hs.composite
def _tables(draw):
    tree = []
    for a in draw(hs.lists(hs.sampled_from(_L1), min_size=1, max_size=3, unique=True)):
        subs = draw(hs.lists(hs.sampled_from(_L2), min_size=1, max_size=2, unique=True))
        tree.append((a, [(f"{a}{b}", draw(hs.lists(hs.tuples(hs.integers(1, 8), hs.integers(0, 8)), min_size=1,
                                                           max_size=3))) for b in subs]))
    inline = draw(hs.booleans())
    return tree, inline


def _rows(tree, inline):
    rows = [["一级指标", "二级指标", "三级指标", "权重", "自评得分"]]
    k = 0
    for a, subs in tree:
        wa = sum(w for _, inds in subs for w, _ in inds)
        for i, (b, inds) in enumerate(subs):
            wb = sum(w for w, _ in inds)
            for j, (w, s) in enumerate(inds):
                k += 1
                first_a, first_b = i == 0 and j == 0, j == 0
                rows.append([(f"{a}（{wa}分）" if inline else a) if first_a else "",
                             (f"{b}（{wb}分）" if inline else b) if first_b else "",
                             f"指标{k}", str(w), str(min(s, w))])
    total_w = sum(w for _, subs in tree for _, inds in subs for w, _ in inds)
    total_s = sum(min(s, w) for _, subs in tree for _, inds in subs for w, s in inds)
    rows.append(["合计", "", "", str(total_w), str(total_s)])
    return rows, total_w, total_s


@settings(max_examples=40, deadline=None)
@given(_tables())
def test_generated_tables_read_back_and_are_silent(spec):
    from scoring_reports import lint

    tree, inline = spec
    rows, total_w, total_s = _rows(tree, inline)
    text = scoring_report(rows, narrative=f"经综合评定，得分为{total_s}分。")
    table = only_table(text)
    assert len(table.indicators) == len(rows) - 2
    assert sum(i.weight.value for i in table.indicators) == total_w
    assert [i.path[:2] for i in table.indicators] == [(a, b) for a, subs in tree for b, inds in subs for _ in inds]
    if inline:
        for g in table.groups:
            assert g.weight.value == sum(table.indicators[m].weight.value for m in g.members)
    assert lint(text, "AL104,AL4") == []


# a 分值 column beside each level: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分

PER_LEVEL = [
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评分标准", "自评得分"],
    ["预算管理", "20", "预算执行", "12", "预算执行率", "8", "执行率≥95%，得8分；90%以下不得分。", "8"],
    ["", "", "", "", "预算调整率", "4", "预算调整率≤10%的，得4分。", "4"],
    ["", "", "资产管理", "8", "资产管理规范性", "8", "资产账实相符的，得8分；否则酌情扣分。", "6"],
    ["履职效果", "20", "满意度", "20", "", "", "满意度≥90%，得20分；80%以下不得分。", "20"],
    ["合计", "40", "", "", "", "", "", "38"],
]


def test_a_weight_column_beside_each_level():
    st = only_table(scoring_report(PER_LEVEL))
    assert st.roles() == ("level1", "weight_level1", "level2", "weight_level2", "level3", "weight", "rule", "score")
    assert [(i.name, i.weight.value, i.score.value) for i in st.indicators] == [
        ("预算执行率", 8, 8), ("预算调整率", 4, 4), ("资产管理规范性", 8, 6), ("满意度", 20, 20)]
    assert [(g.name, g.weight.value, g.members) for g in st.groups] == [
        ("预算管理", 20, [0, 1, 2]), ("预算执行", 12, [0, 1]), ("资产管理", 8, [2]), ("履职效果", 20, [3])]
    assert (st.total.weight.value, st.total.score.value) == (40, 38)


def test_one_weight_column_after_the_first_level_stays_the_indicator_s():
    rows = [["一级指标", "分值", "三级指标", "得分"], ["决策", "10", "立项依据充分性", "9"], ["合计", "10", "", "9"]]
    st = only_table(scoring_report(rows))
    assert st.roles() == ("level1", "weight", "level3", "score")
    assert [(i.name, i.weight.value) for i in st.indicators] == [("立项依据充分性", 10)]


# the central 部门（项目）支出绩效自评表: unit and funding rows above the indicator header, the
# funds' execution scored (分值 10, 得分 9.78) and counted in the total

CENTRAL = [
    ["部门（单位）名称", "某县农业农村局", "", "", "", "", "", "", ""],
    ["年度预算金额（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "4130.20", "4585.94", "4483.03", "10", "97.76%", "9.78", ""],
    ["", "其中：当年财政拨款", "4066.20", "4335.74", "4251.02", "—", "98.05%", "—", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "新建高标准农田面积", "≥2.2万亩", "2.35万亩", "45", "45", ""],
    ["", "效益指标", "社会效益指标", "农村卫生厕所普及率", "≥99%", "98.2%", "45", "44", "部分村改厕进度慢"],
    ["总分", "", "", "", "", "", "100", "98.78", ""],
]


def test_the_central_template_with_its_funding_block():
    st = only_table(scoring_report(CENTRAL))
    assert st.header_rows == 5
    assert [(i.name, i.weight.value, i.score.value) for i in st.indicators] == [
        ("年度资金总额", 10, D("9.78")), ("新建高标准农田面积", 45, 45), ("农村卫生厕所普及率", 45, 44)]
    assert (st.total.weight.value, st.total.score.value) == (100, D("98.78"))
    assert st.indicators[1].path == ("产出指标", "数量指标", "新建高标准农田面积")


def test_a_funding_block_without_points_adds_no_row():
    rows = [list(r) for r in CENTRAL]
    rows[1][5] = rows[1][7] = ""  # no 分值 / 得分 in the funding header
    rows[2][5] = rows[2][7] = ""
    st = only_table(scoring_report(rows))
    assert [i.name for i in st.indicators] == ["新建高标准农田面积", "农村卫生厕所普及率"]


# a 合计 label merged over three columns, printed as a short row the reader places by guess
SHORT_TOTAL = [
    ["一级指标", "二级指标", "三级指标", "全年指标值", "权重", "评分标准", "完成情况", "自评得分"],
    ["过程（6分）", "预算执行", "预算执行率", "≥95%", "3", "执行率达到100%的，得满分；每低1%扣除5%的权重分，扣完为止。", "99.77%", "2.97"],
    ["", "", "预算调整率", "≤10%", "3", "预算调整率≤10%，得3分；10%以上，不得分。", "7.70%", "3"],
    ["履职（4分）", "履职目标", "参保人数", "≥412万人", "4", "达到目标值的，得4分；每低1万人扣1分。", "413.68万人", "4"],
    ["合计", "", "10", "", "", "9.97"],
]


def test_a_short_total_row_placed_by_guess_is_read_by_its_columns_order():
    st = only_table(scoring_report(SHORT_TOTAL))
    # the reader now places a short total row by the kind of its numbers (bare numbers under
    # 权重/得分, not under the ≥-targets and %-results); the extractor reads it either way
    assert (st.total.weight.value, st.total.score.value) == (10, D("9.97"))


def test_a_guessed_total_row_is_left_alone_when_other_columns_hold_numbers():
    rows = [list(r) for r in SHORT_TOTAL]
    rows[0][3] = "扣分"  # a column of plain numbers besides 权重 and 自评得分
    for r, v in zip(rows[1:4], ("0.03", "0", "0"), strict=True):
        r[3] = v
    st = only_table(scoring_report(rows))
    assert st.total.weight is None and st.total.score is None


# the same template where the funds block prints its own header row of seven cells above an
# eight-column indicator header: the reader cannot place the block's rows by column, but the
# block's data row prints one cell under each of its own headings
OWN_HEADER_BLOCK = [
    ["单位名称", "某市某区档案馆"],
    ["年度预算执行情况（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "862.40", "905.10", "881.63", "10", "97.41%", "9.74"],
    ["其中：财政拨款", "862.40", "905.10", "881.63", "—", "—", "—"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"],
    ["产出指标", "数量指标", "档案数字化页数", "≥120万页", "126万页", "60", "60", ""],
    ["满意度指标", "服务对象满意度指标", "查档群众满意度", "≥95%", "96.3%", "30", "30", ""],
    ["总分", "100", "99.74", ""],
]


def test_a_funds_block_with_its_own_header_row_is_read_by_that_row():
    st = only_table(scoring_report(OWN_HEADER_BLOCK))
    assert [(i.name, i.weight.value, i.score.value) for i in st.indicators] == [
        ("年度资金总额", 10, D("9.74")), ("档案数字化页数", 60, 60), ("查档群众满意度", 30, 30)]
    assert (st.total.weight.value, st.total.score.value) == (100, D("99.74"))


def test_a_funds_row_that_does_not_print_a_cell_per_heading_gives_no_points():
    rows = copy(OWN_HEADER_BLOCK)
    rows[2] = ["年度资金总额", "862.40", "905.10", "881.63", "10", "9.74"]  # 执行率 left out: 10 and 9.74 could be anything
    st = only_table(scoring_report(rows))
    assert [i.name for i in st.indicators] == ["档案数字化页数", "查档群众满意度"]


# numbered heading rows printed alone on their row (across the table, or in its one name
# column) head the indicators below them, down to the next heading of their depth or above
NUMBERED_HEADINGS = [
    ["指标", "分值", "评分依据", "得分"],
    ["一、决策（10分）", "", "", ""],
    ["（一）项目立项（6分）", "", "", ""],
    ["1.立项依据充分性", "3", "依据充分，得3分", "3"],
    ["2.立项程序规范性", "3", "程序规范，得3分", "3"],
    ["（二）绩效目标（4分）", "", "", ""],
    ["3.绩效目标合理性", "4", "目标合理，得4分", "4"],
    ["二、过程（20分）", "", "", ""],
    ["4.资金到位率", "10", "到位率×10", "10"],
    ["5.预算执行率", "10", "执行率×10", "9.6"],
    ["三、服务对象满意度", "10", "满意度×10", "9.5"],
    ["合计", "40", "", "39.1"],
]


def test_numbered_heading_rows_are_groups():
    st = only_table(scoring_report(NUMBERED_HEADINGS))
    assert [i.name for i in st.indicators] == [
        "1.立项依据充分性", "2.立项程序规范性", "3.绩效目标合理性", "4.资金到位率", "5.预算执行率", "三、服务对象满意度"]
    assert [(g.name, g.weight.value, g.members) for g in st.groups] == [
        ("一、决策", 10, [0, 1, 2]), ("（一）项目立项", 6, [0, 1]), ("（二）绩效目标", 4, [2]),
        ("二、过程", 20, [3, 4])]  # 三、 is a scored row, the heading's sibling
    assert st.indicators[0].path == ("一、决策", "（一）项目立项", "1.立项依据充分性")
    assert st.indicators[-1].path == ("三、服务对象满意度",)


# the same headings spanning a table with 二级/三级指标 columns
SPANNING_HEADINGS = [
    ["二级指标", "三级指标", "分值", "目标值", "实际完成值", "得分"],
    ["一、投入（10分）"],
    ["预算编制", "预算编制科学性", "5", "科学合理", "科学合理", "5"],
    ["人员控制", "在职人员控制率", "5", "≤100%", "97.30%", "5"],
    ["二、产出（30分）"],
    ["数量", "巡查河道长度", "20", "≥360公里", "372公里", "20"],
    ["", "清理河道垃圾", "10", "≥1500吨", "1618吨", "10"],
    ["合计", "", "40", "", "", "40"],
]


def test_a_heading_spanning_the_table_heads_the_level_groups_below_it():
    st = only_table(scoring_report(SPANNING_HEADINGS))
    assert [(g.name, g.weight.value if g.weight else None, g.members) for g in st.groups] == [
        ("一、投入", 10, [0, 1]), ("预算编制", None, [0]), ("人员控制", None, [1]),
        ("二、产出", 30, [2, 3]), ("数量", None, [2, 3])]
    assert st.indicators[3].path == ("二、产出", "数量", "清理河道垃圾")


# the last indicator's name merged over 二级 and 三级指标: its row prints one cell fewer than
# the header, and the reader cannot tell which column it left out; the plain numbers 10 and
# 9.62 can only sit under 分值 and 得分, the figures 100% and 96.15% only under the target
# and the result
SHORT_ROW = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"],
    ["产出指标", "数量指标", "新建校舍面积", "≥12000平方米", "12360平方米", "40", "40", "无"],
    ["", "质量指标", "竣工验收合格率", "100%", "100%", "30", "30", "无"],
    ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "93.1%", "20", "20", "无"],
    ["预算执行", "预算执行率", "100%", "96.15%", "10", "9.62", "执行率×分值"],
    ["合计", "100", "99.62", ""],
]


def test_a_short_row_is_placed_by_what_its_columns_hold():
    st = only_table(scoring_report(SHORT_ROW))
    last = st.indicators[-1]
    assert (last.name, last.weight.value, last.score.value, last.target, last.actual) == (
        "预算执行率", 10, D("9.62"), "100%", "96.15%")
    assert (st.total.weight.value, st.total.score.value) == (100, D("99.62"))


def test_a_short_row_that_fits_two_ways_stays_unread():
    rows = copy(SHORT_ROW)
    rows[4] = ["预算执行", "预算执行率", "100%", "96.15%", "10", "9.62"]  # note and one more cell left out
    rows[1][7] = rows[2][7] = rows[3][7] = "1"  # notes that are plain numbers: 9.62 may be the note
    st = only_table(scoring_report(rows))
    assert st.indicators[-1].score is None
