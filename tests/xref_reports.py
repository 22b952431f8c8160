"""Small reports for the indicator, meta, cross-reference and structure tests."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.facts import Facts
from auditlint.readers.text import read_bytes
from reports import cell_lines

HEADER = ["", "类别", "指标名称", "指标目标值", "指标完成值", "完成值来源", "偏差情况", "原因分析"]


def facts_of(text: str) -> Facts:
    return extract(read_bytes(text.encode("utf-8"), "t.txt"))


def lint(text: str, select: str | None = None):
    doc = read_bytes(text.encode("utf-8"), "t.txt")
    opts = RunOptions(select=frozenset(select.split(",")) if select else None, plugins=False)
    return lint_document(doc, opts)


def by_id(findings, check_id: str):
    return [f for f in findings if f.check_id == check_id]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line holding ``needle`` (its nth occurrence)."""
    seen = 0
    for n, line in enumerate(text.split("\n"), 1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return n
    raise AssertionError(f"{needle!r} not in the text")


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
