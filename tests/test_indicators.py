"""Indicator tables (extract/indicators.py): which tables are indicator tables, their
rows, level paths, values with comparators, and the row protocol."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract.indicators import IndicatorRowLike, IndicatorTable, indicator_rows, indicator_table
from auditlint.model import Cell, Location, Table
from auditlint.numbers import Quantity
from reports import cell_lines
from xref_reports import facts_of, line_of, row, self_eval


def test_self_evaluation_table_rows_paths_and_values():
    text = self_eval(
        ["分解目标", "决策", "中长期规划制定健全性", "健全", "健全", "《十四五规划》", "0%", ""],
        row("绩效管理覆盖率", "=100%", "100%", deviation="0.00%"),
        ["", "过程", "职工住院费用基金支付比例", "＞85%", "89%", "医保统计年报", "4.71%", ""],
        row("完成课题报告数量", "=2篇", "1篇", deviation="-50.00%", reason="一项课题顺延"),
        row("成本调查公立医院数量", ">=2", "2"),
    )
    facts = facts_of(text)
    (it,) = facts.indicators
    assert it.kind == "self_eval" and not it.has_score
    assert [r.name for r in it.rows] == ["中长期规划制定健全性", "绩效管理覆盖率", "职工住院费用基金支付比例",
                                         "完成课题报告数量", "成本调查公立医院数量"]
    first, cover, share, reports, hospitals = it.rows
    # level columns carry down merged (empty) cells; the unlabelled first column is a level too
    assert first.path == ("分解目标", "决策")
    assert cover.path == ("分解目标", "决策")
    assert share.path == ("分解目标", "过程")
    # text values stay text; numbers keep their comparator and unit
    assert first.target is None and first.text("target") == "健全"
    assert (cover.target.comparator, cover.target.value, cover.target.unit) == ("=", Decimal(100), "%")
    assert (share.target.comparator, share.target.value) == (">", Decimal(85))
    assert (reports.target.comparator, reports.target.value, reports.target.unit) == ("=", Decimal(2), "篇")
    assert (reports.actual.value, reports.actual.unit) == (Decimal(1), "篇")
    assert reports.deviation.value == Decimal("-50.00") and reports.reason == "一项课题顺延"
    assert (hospitals.target.comparator, hospitals.target.value, hospitals.target.unit) == (">=", Decimal(2), None)
    assert first.source == "《十四五规划》"
    # every cell knows its line
    assert reports.cells["actual"].location.line == line_of(text, "\t1篇")
    assert reports.cells["target"].location.line == line_of(text, "\t=2篇")


def test_goal_table_with_three_levels():
    text = "一、绩效目标完成情况\n" + cell_lines([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
        ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次"],
        ["", "", "印发手册", "=2000册", "2000册"],
        ["", "质量指标", "培训合格率", "≥95%", "97.5%"],
        ["效益指标", "社会效益", "政策知晓率", "提高", "提高"],
    ])
    (it,) = facts_of(text).indicators
    assert it.kind == "goal"
    assert [(r.path, r.name) for r in it.rows] == [
        (("产出指标", "数量指标"), "培训人次"), (("产出指标", "数量指标"), "印发手册"),
        (("产出指标", "质量指标"), "培训合格率"), (("效益指标", "社会效益"), "政策知晓率")]
    assert it.rows[0].target.unit == "人次" and it.rows[2].actual.value == Decimal("97.5")


def test_scoring_and_budget_tables_are_not_claimed():
    scoring = cell_lines([
        ["一级指标", "二级指标", "三级指标", "全年指标值", "权重", "指标值完成情况", "自评得分"],
        ["决策（12分）", "计划制定（4分）", "中长期规划制定健全性", "健全", "2", "健全", "2"],
    ])
    budget = cell_lines([
        ["项目", "年初预算数", "调整预算数", "实际支出数", "执行率"],
        ["基本支出", "100.00", "100.00", "95.00", "95.00%"],
    ])
    tasks = cell_lines([["对应部门主要职责", "任务名称", "完成情况"], ["价格管理", "成本调查", "已完成成本调查"]])
    facts = facts_of("一、附表\n" + scoring + "\n\n说明\n" + budget + "\n\n说明\n" + tasks)
    assert facts.indicators == []
    assert [t.kind for t in facts.tables] == ["budget"]


def test_two_columns_claiming_one_role_make_no_table():
    text = cell_lines([["指标名称", "目标值", "完成值", "实际完成值"], ["覆盖率", "=100%", "100%", "99%"]])
    assert facts_of("一、表\n" + text).indicators == []


def test_a_table_without_an_actual_column_is_not_an_indicator_table():
    text = cell_lines([["指标名称", "目标值", "备注"], ["覆盖率", "=100%", ""]])
    assert facts_of("一、表\n" + text).indicators == []


def _table(rows: list[list[str]], uncertain: frozenset[int] = frozenset()) -> Table:
    grid = [[Cell(t, Location("x", line=10 * r + c + 1)) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Table(1, grid, Location("x", line=1), uncertain)


def test_uncertain_rows_give_no_numbers_and_total_rows_are_skipped():
    t = _table([["指标名称", "目标值", "完成值", "偏差"], ["覆盖率", "=100%", "90%", "-10%"],
                ["满意度", "≥90%", "95%", "0%"], ["合计", "", "", ""]], frozenset({1}))
    it = indicator_table(t)
    assert [r.name for r in it.rows] == ["覆盖率", "满意度"]
    assert it.rows[0].uncertain and it.rows[0].target is None
    assert it.rows[1].actual.value == Decimal(95)


def test_indicator_rows_yield_protocol_rows_from_both_kinds_of_table():
    text = self_eval(row("绩效管理覆盖率", "=100%", "100%"))
    facts = facts_of(text)

    class ScoringRow:  # what a scoring table's row offers in the second wave
        def __init__(self, name: str, target: Quantity | None, actual: Quantity | None):
            self.name, self.target, self.actual = name, target, actual
            self.cells = {"name": Cell(name, Location("t.txt", line=99))}

    class Scoring:
        table = None
        rows = [ScoringRow("预算执行率", None, None), object()]  # a row without the protocol is passed over

    facts.scoring.append(Scoring())
    got = list(indicator_rows(facts))
    assert [r.name for _k, r in got] == ["绩效管理覆盖率", "预算执行率"]
    assert all(isinstance(r, IndicatorRowLike) for _k, r in got)
    assert [r.name for _k, r in indicator_rows(facts, scored=False)] == ["绩效管理覆盖率"]
    assert [r.name for _k, r in indicator_rows(facts, scored=True)] == ["预算执行率"]


def test_rows_whose_attributes_have_other_types_are_passed_over():
    text = self_eval(row("绩效管理覆盖率", "=100%", "100%"))
    facts = facts_of(text)

    class Odd:
        name, target, actual, cells = "覆盖率", "=100%", "100%", {}

    class Scoring:
        rows = [Odd()]

    facts.scoring.append(Scoring())
    assert [r.name for _k, r in indicator_rows(facts)] == ["绩效管理覆盖率"]


_cell_text = st.one_of(
    st.sampled_from(["", "健全", "=100%", "＞85%", ">=2", "1篇", "<=10%", "—", "NaN%", "合计", "指标名称", "90%-100%"]),
    st.text(alphabet="0123456789.%＝=<>≥≤-篇人次万元健全指标值完成", max_size=8),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_cell_text, min_size=4, max_size=4), min_size=1, max_size=6))
def test_any_cells_under_an_indicator_header_never_crash(data_rows):
    t = _table([["指标名称", "目标值", "完成值", "偏差情况"], *data_rows])
    it = indicator_table(t)
    assert it is None or isinstance(it, IndicatorTable)
    for r in it.rows if it else []:
        assert r.name and r.cells["name"].text.strip() == r.name
        for q in (r.target, r.actual, r.deviation):
            assert q is None or q.is_number


def test_suzhou_self_evaluation_table(seeds):
    text = (seeds / "suzhou-bureau-2024.txt").read_text(encoding="utf-8")
    (it,) = facts_of(text).indicators
    assert it.kind == "self_eval" and len(it.rows) == 44
    by_name = {r.name: r for r in it.rows}
    r = by_name["完成课题报告数量"]
    assert (r.path, str(r.target), str(r.actual), str(r.deviation)) == (("分解目标", "履职"), "=2篇", "1篇", "-50.00%")
    assert r.cells["actual"].location.line == 608
    assert by_name["市区两定机构检查覆盖率"].target.comparator == ">"
    assert by_name["预算偏差率"].actual.comparator == "<="
    assert by_name["医保新政宣传时效性"].target is None


def test_seeds_scoring_tables_are_left_to_the_scoring_extractor(seeds):
    for name in ("nanjing-center-2024.txt", "nanjing-bureau-2023.txt"):
        assert facts_of((seeds / name).read_text(encoding="utf-8")).indicators == []
