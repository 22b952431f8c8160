"""Small reports in the cell-per-line text layout, for tests."""

from __future__ import annotations

from pathlib import Path


def cell_lines(rows: list[list[str]]) -> str:
    return "\n\n".join("\n".join("\t" + c for c in row) for row in rows) + "\n"


def report(*tables: list[list[str]], before: str = "一、预算执行情况\n", after: str = "\n\n二、绩效目标完成情况\n") -> str:
    body = before
    for t in tables:
        body += cell_lines(t) + "\n\n说明：单位万元。\n"
    return body + after


def write(tmp_path: Path, text: str, name: str = "report.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p
