"""AL505 on an indicator table's source column: a row that is itself about an earlier
period — the prior year's figure shown for comparison (去年…, 上年同期…, 2023年…) or a
baseline (基期…) — may cite that period's source; a row of the year evaluated citing an
earlier year's source is still reported, with the years named."""

from __future__ import annotations

import pytest

from scoring_reports import by_id, line_of, lint

TITLE = "青山县农村饮水安全巩固提升项目2024年度绩效自评报告"


def _report(rows: list[list[str]]) -> str:
    table = "\n".join("\t".join(r) for r in [["指标名称", "年度指标值", "实际完成值", "数据来源"], *rows])
    return (f"{TITLE}\n\n一、项目概况\n本项目改造农村供水管网，提升农村自来水普及率。\n二、绩效指标完成情况\n"
            f"表1 绩效指标完成情况\n{table}\n三、其他需要说明的情况\n无。\n")


# the year's own row, sourced from the year's records: never reported
OWN = ["农村自来水普及率（%）", "≥92", "93.1", "2024年度水利统计年报"]


@pytest.mark.parametrize("row", [
    ["去年农村自来水普及率（%）", "—", "91.4", "2023年度水利统计年报"],
    ["上年同期供水保证率（%）", "—", "95.0", "2023年水利统计年报"],
    ["2023年农村自来水普及率（%）", "—", "91.4", "2023年度水利统计年报"],
    ["2022年水质达标率基期值（%）", "—", "88.0", "2022年度水质监测报告"],
    ["水质达标率基期值（%）", "—", "88.0", "2021年度水质监测报告"],
])
def test_a_row_about_an_earlier_period_may_cite_that_periods_source(row):
    assert by_id(lint(_report([OWN, row]), "AL505"), "AL505") == []


@pytest.mark.parametrize("row, stated", [
    # the year's own figure from last year's records
    (["水质达标率（%）", "≥90", "91.2", "2023年度水质监测报告"], "2023年度水质监测报告"),
    # a change over the prior year is measured in the year evaluated
    (["农村自来水普及率较上年提高（百分点）", "≥1", "1.7", "2023年度水利统计年报"], "2023年度水利统计年报"),
    # funds carried over from last year are spent in the year evaluated
    (["上年结转资金支出率（%）", "100", "100", "2023年度部门决算报告"], "2023年度部门决算报告"),
    # a prior-year row whose source is of yet another year
    (["去年农村自来水普及率（%）", "—", "91.4", "2021年度水利统计年报"], "2021年度水利统计年报"),
])
def test_a_row_of_the_year_evaluated_citing_an_earlier_source_is_still_reported(row, stated):
    text = _report([OWN, row])
    found = by_id(lint(text, "AL505"), "AL505")
    assert len(found) == 1
    f = found[0]
    assert f.location.line == line_of(text, row[0])
    assert f.evidence.stated == stated
    assert f.evidence.computed == "2024年"
    assert f"“{row[0]}”评价的是2024年" in f.message_zh
