"""Small reports in the cell-per-line text layout, for tests."""

from __future__ import annotations

from pathlib import Path

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.facts import Facts
from auditlint.model import Location, Paragraph
from auditlint.readers.text import read_bytes


def cell_lines(rows: list[list[str]]) -> str:
    return "\n\n".join("\n".join("\t" + c for c in row) for row in rows) + "\n"


def report(*tables: list[list[str]], before: str = "一、预算执行情况\n", after: str = "\n\n二、绩效目标完成情况\n") -> str:
    body = before
    for t in tables:
        body += cell_lines(t) + "\n\n说明：单位万元。\n"
    return body + after


def facts_of(text: str) -> Facts:
    return extract(read_bytes(text.encode("utf-8"), "t.txt"))


def lint(text: str, select: str | None = None):
    doc = read_bytes(text.encode("utf-8"), "t.txt")
    opts = RunOptions(select=frozenset(select.split(",")) if select else None, plugins=False)
    return lint_document(doc, opts)


def by_id(findings, check_id: str):
    return [f for f in findings if f.check_id == check_id]


def found(text: str, check_id: str):
    """One check's findings on a report, in reading order."""
    return sorted(by_id(lint(text, check_id), check_id), key=lambda f: (f.location.line or 0, f.location.column or 0))


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line holding ``needle`` (its nth occurrence)."""
    seen = 0
    for n, line in enumerate(text.split("\n"), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return n
    raise AssertionError(f"{needle!r} not in the report")


def para(text: str) -> Paragraph:
    return Paragraph(1, text, Location("t.txt", line=3, column=1))


def of(kind, statements):
    return [s for s in statements if isinstance(s, kind)]


def narrative(*lines: str) -> str:
    """A project report whose 项目概况 section holds ``lines``."""
    return "某某县某某项目2024年度绩效自评报告\n一、项目概况\n" + "\n".join(lines) + "\n二、绩效目标完成情况\n各项目标均已完成。\n"


def write(tmp_path: Path, text: str, name: str = "report.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# a total printed first, then 基本支出, then 项目支出 over three unlabelled projects
UNLABELLED = [
    ["项目", "年初预算数", "调整预算数", "实际支出数"],
    ["预算总金额", "300.00", "280.00", "270.00"],
    ["基本支出", "100.00", "100.00", "95.00"],
    ["项目支出", "200.00", "180.00", "175.00"],
    ["甲项目", "120.00", "100.00", "99.00"],
    ["乙项目", "50.00", "50.00", "47.00"],
    ["丙项目", "30.00", "30.00", "29.00"],
]


# a 三公 table with 会议费 and 培训费, its 小计 and 合计 progress printed as 100%
# (3.83 of 1.5 and 4.44 of 4.1): the shape of a real report's mistake
SANGONG = [
    ["项  目", "年初预算", "实际执行数", "执行进度", "上年决算执行数"],
    ["因公出国（境）费用", "0", "3.56", "", ""],
    ["公务用车运行维护费", "0", "0", "", ""],
    ["公务接待费", "1.5", "0.27", "18%", "0.8"],
    ["三公经费小计", "1.5", "3.83", "100%", "0.8"],
    ["会议费", "1.5", "0.48", "32%", "1.1"],
    ["培训费", "1.1", "0.13", "11.82%", "1.5"],
    ["合计", "4.1", "4.44", "100%", "3.4"],
]
