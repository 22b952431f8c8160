"""The year's target column (extract/indicators.year_target, used by extract/scoring/
too): a table that prints a mid-term (中期目标) or other period's target beside the year's
(年度目标) is judged against the year's; when which column is the year's cannot be told,
no check compares a completion with a target."""

from __future__ import annotations

import pytest

from scoring_reports import by_id, facts_of, lint

TARGET_CHECKS = "AL304,AL403,AL501,AL502,AL504,AL505,AL506,AL507"

TITLE = "临江县智慧农业平台建设项目2024年度绩效自评报告"


def _tabbed(rows: list[list[str]]) -> str:
    """A plain-text table, one row a line, cells separated by tabs."""
    return "\n".join("\t".join(r) for r in rows) + "\n"


def _html(header: str, rows: list[list[str]], title: str = TITLE) -> bytes:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            "<p>一、项目概况</p><p>本项目建设全县智慧农业服务平台。</p><p>二、绩效指标完成情况</p>"
            f"<table border='1'>{header}{body}</table><p>三、其他需要说明的情况</p><p>无。</p></body></html>"
            ).encode()


def _lint_bytes(data: bytes, name: str, select: str = TARGET_CHECKS):
    from auditlint.engine.run import RunOptions, lint_document
    from auditlint.readers import read_data

    return lint_document(read_data(data, name), RunOptions(select=frozenset(select.split(",")), plugins=False))


def _report(table: str, title: str = TITLE) -> str:
    return (f"{title}\n\n一、项目概况\n本项目建设全县智慧农业服务平台。\n二、绩效指标完成情况\n表2 绩效指标完成及评分情况\n"
            + table + "\n三、其他需要说明的情况\n无。\n")


# a scored table: the 年度目标 is met on every row; the 中期目标 is not
SCORED = [["接入监测站点数", "≥120个", "≥60个", "64个", "10", "10"],
          ["农户信息采集率", "100%", "≥90%", "93.5%", "10", "10"]]
# a row that misses the 年度目标 too, with full marks: AL504 must still say so
MISSED = ["病虫害预警发布次数", "≥40次", "≥20次", "16次", "10", "10"]


def _two_row_tabbed(rows: list[list[str]]) -> str:
    return _tabbed([["三级指标", "指标值", "", "实际完成值", "分值", "得分"],
                    ["", "中期目标（2026年）", "年度目标（2024年）", "", "", ""], *[[r[0], *r[1:]] for r in rows]])


def _one_row_tabbed(rows: list[list[str]]) -> str:
    return _tabbed([["三级指标", "中期目标（2026年）", "年度目标（2024年）", "实际完成值", "分值", "得分"], *rows])


SPANNING_HTML = ("<tr><td rowspan='2'>三级指标</td><td colspan='2'>指标值</td><td rowspan='2'>实际完成值</td>"
                 "<td rowspan='2'>分值</td><td rowspan='2'>得分</td></tr>"
                 "<tr><td>中期目标（2026年）</td><td>年度目标（2024年）</td></tr>")


@pytest.mark.parametrize("layout", [_two_row_tabbed, _one_row_tabbed])
def test_a_scored_table_is_judged_against_the_year_target_in_text(layout):
    text = _report(layout(SCORED))
    (st,) = facts_of(text).scoring
    assert [i.target for i in st.indicators] == ["≥60个", "≥90%"]
    assert lint(text, TARGET_CHECKS) == []


def test_a_spanning_target_header_in_html_is_judged_against_the_year_target():
    assert _lint_bytes(_html(SPANNING_HTML, SCORED), "t.html") == []


@pytest.mark.parametrize("layout", [_two_row_tabbed, _one_row_tabbed])
def test_full_marks_on_a_missed_year_target_is_still_found(layout):
    text = _report(layout([*SCORED, MISSED]))
    (f,) = by_id(lint(text, "AL504"), "AL504")
    assert f.message_zh == "“病虫害预警发布次数”完成值“16次”未达到目标值“≥20次”，却得满分 10 分"


def test_full_marks_on_a_missed_year_target_is_still_found_in_html():
    (f,) = by_id(_lint_bytes(_html(SPANNING_HTML, [*SCORED, MISSED]), "t.html", "AL504"), "AL504")
    assert f.message_zh == "“病虫害预警发布次数”完成值“16次”未达到目标值“≥20次”，却得满分 10 分"


# an indicator table without scores (绩效目标表 with 中期 and 年度 targets)
def _goal_table(rows: list[list[str]]) -> str:
    return _tabbed([["三级指标", "指标值", "", "实际完成值", "备注"],
                    ["", "中期目标（2026年）", "年度目标（2024年）", "", ""], *rows])


def test_an_indicator_table_is_judged_against_the_year_target():
    text = _report(_goal_table([["接入监测站点数", "≥120个", "≥60个", "64个", ""]]))
    (it,) = facts_of(text).indicators
    assert [(r.name, r.text("target"), r.text("actual")) for r in it.rows] == [("接入监测站点数", "≥60个", "64个")]
    assert lint(text, TARGET_CHECKS) == []


def test_a_missed_year_target_without_a_reason_is_still_found():
    text = _report(_goal_table([["接入监测站点数", "≥120个", "≥60个", "64个", ""],
                                ["病虫害预警发布次数", "≥40次", "≥20次", "16次", ""]]))
    (f,) = by_id(lint(text, "AL507"), "AL507")
    assert "病虫害预警发布次数" in f.message_zh and "16次" in f.message_zh and "≥20次" in f.message_zh
    assert "≥40次" not in f.message_zh


def test_when_the_year_column_cannot_be_told_no_target_is_compared():
    # two years under 指标值 and no year evaluated in the title: which one is the year's is unknown
    rows = [["三级指标", "指标值", "", "实际完成值", "分值", "得分"], ["", "2023年", "2024年", "", "", ""],
            ["病虫害预警发布次数", "≥20次", "≥40次", "16次", "10", "10"]]
    text = _report(_tabbed(rows), title="临江县智慧农业平台建设项目绩效自评报告")
    (st,) = facts_of(text).scoring
    assert [i.target for i in st.indicators] == [""]
    assert lint(text, TARGET_CHECKS) == []
    # with the year evaluated known, its column is the target
    dated = _report(_tabbed(rows))
    assert [i.target for i in facts_of(dated).scoring[0].indicators] == ["≥40次"]
    (f,) = by_id(lint(dated, "AL504"), "AL504")
    assert "“16次”未达到目标值“≥40次”" in f.message_zh


def test_year_target_rules():
    from auditlint.extract.indicators import year_target

    assert year_target({1: ["指标值", "中期目标（2026年）"], 2: ["指标值", "年度目标（2024年）"]}, None) == 2
    assert year_target({1: ["中期目标值"], 2: ["目标值"]}, 2024) == 2
    assert year_target({1: ["目标值"]}, 2024) == 1
    assert year_target({1: ["实施期目标值（2022—2025年）"]}, None) is None
    assert year_target({1: ["指标值", "2025年"], 2: ["指标值", "2024年"]}, 2024) == 2
    assert year_target({1: ["指标值", "2025年"], 2: ["指标值", "2024年"]}, None) is None
    assert year_target({1: ["目标值"], 2: ["指标值"]}, 2024) is None
    assert year_target({}, 2024) is None
