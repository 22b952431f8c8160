"""Small reports for the indicator, meta, cross-reference and structure tests."""

from __future__ import annotations

from reports import by_id as by_id
from reports import cell_lines
from reports import facts_of as facts_of
from reports import line_of as line_of
from reports import lint as lint

HEADER = ["", "类别", "指标名称", "指标目标值", "指标完成值", "完成值来源", "偏差情况", "原因分析"]


def row(name: str, target: str, actual: str, source: str = "2024年度决算报告", deviation: str = "0%", reason: str = "",
        category: str = "") -> list[str]:
    return ["", category, name, target, actual, source, deviation, reason]


def self_eval(*rows: list[str], year: int = 2024, before: str = "", after: str = "") -> str:
    """A 2024 whole-department report: title, two sections, a 自评表."""
    return (
        f"苏州市某某局整体支出绩效自评报告\n（{year}年度）\n\n"
        f"一、部门概况\n本局{year}年度认真履行职责。\n{before}"
        "二、部门整体自评表\n" + cell_lines([HEADER, *rows]) + "\n\n" + after
    )
