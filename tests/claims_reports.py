"""Small reports for the claim and consistency tests (AL501–AL504): a budget table,
a 三公 table and narrative sentences around the 自评表 of ``xref_reports``.

Numbers are reused from the real reports; the words are our own.
"""

from __future__ import annotations

from reports import cell_lines
from xref_reports import self_eval

# a total printed first, 调整数 as one signed column, units in the headers
BUDGET = [
    ["项目", "年初预算数（万元）", "追加追减数（万元）", "调整预算数（万元）", "实际支出数（万元）", "执行率（%)"],
    ["预算总金额", "2723.99", "-62.46", "2661.53", "2613.26", "98.19%"],
    ["基本支出", "1470.68", "93.14", "1563.82", "1515.55", "96.91%"],
    ["项目支出", "1253.31", "-155.6", "1097.71", "1097.71", "100.00%"],
]

# 预算数 / 追加 / 扣减 / 合计 / 实际执行数 / 上年, no unit printed anywhere
BUDGET_ADD_CUT = [
    ["序号", "单位及项目", "预算数", "追加", "扣减", "合计", "实际执行数", "上年决算执行数"],
    ["（一）", "基本支出", "710.52", "0", "0.86", "709.66", "709.66", "712.40"],
    ["（二）", "项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07", "495.52"],
    ["", "合计", "1906.62", "0", "129.89", "1776.73", "1776.73", "1207.92"],
]

# the three 三公 items and their 合计 only, with the prior year
SANGONG_ONLY = [
    ["项目", "年初预算", "实际执行数", "执行进度", "上年决算执行数"],
    ["因公出国（境）费用", "0", "3.56", "", "0"],
    ["公务用车运行维护费", "0", "0", "", "0"],
    ["公务接待费", "1.5", "0.27", "18%", "0.8"],
    ["合计", "1.5", "3.83", "255.33%", "0.8"],
]


def table(rows: list[list[str]], caption: str = "") -> str:
    return (caption + "\n" if caption else "") + cell_lines(rows) + "\n\n"


def with_tables(*rows: list[str], tables: str = "", narrative: str = "", after: str = "", year: int = 2024) -> str:
    """A 2024 report: narrative, the given tables, then a 自评表 of ``rows``."""
    return self_eval(*rows, year=year, before=narrative + ("\n" if narrative and not narrative.endswith("\n") else "") + tables,
                     after=after)
