"""Side-by-side halves: two tables printed on one grid.

The Ministry of Finance's templates set 本年收入 beside 本年支出 in the 收支总表
(label, amount | label, amount(s)), and the 基本支出 table sets 人员经费 beside 公用
经费 (科目编码, 科目名称, 决算数 | 科目编码, 科目名称, 决算数). A 收入 row and the 支出
row printed beside it have nothing to do with each other, so each half is read as a
table of its own: a total on the left never owns the amounts on the right.

A grid is split where a header row repeats its first header further right (项目 …
项目, 科目编码 … 科目编码) with at least one column between, or where the top header
row names 收入 over the left columns and 支出 over the right ones. Each half keeps
the grid's index and its cells' locations, so findings still point at the printed
cell.
"""

from __future__ import annotations

import re

from auditlint.model import Cell, Table
from auditlint.numbers import parse_quantity

_HEADER_ROWS = 4  # a split is looked for in this many top rows
_SPACE = re.compile(r"\s+")
_CODE = re.compile(r"^\d{3,}$")  # a classification code (301, 30101) labels its row
# words that head the label column of a half
_LABEL_WORDS = ("项目", "科目", "名称", "编码", "收入", "支出", "类别", "内容")


def halves(table: Table) -> list[Table] | None:
    """The halves of a side-by-side grid, left to right; None when it is one table."""
    cut = _cut(table)
    if cut is None:
        return None
    return [_part(table, 0, cut), _part(table, cut, table.n_cols)]


def _squash(cell: Cell | None) -> str:
    return _SPACE.sub("", cell.text) if cell is not None else ""


def _cut(table: Table) -> int | None:
    n = table.n_cols
    if n < 4:
        return None
    for r in range(min(_HEADER_ROWS, table.n_rows)):
        row = table.rows[r]
        first = _squash(row[0]) if row else ""
        if not first or parse_quantity(first) is not None:
            continue
        for k in range(2, n - 1):
            other = _squash(table.cell(r, k))
            if other == first and any(w in first for w in _LABEL_WORDS) and _labels_below(table, r, k):
                return k
            if _income_over_spending(first, other) and _labels_below(table, r, k):
                return k
    return None


def _income_over_spending(left: str, right: str) -> bool:
    """"本年收入 … 本年支出", "财政拨款收入 … 财政拨款支出": the two sides of an account."""
    return left.endswith("收入") and right.endswith("支出") and left[:-2] == right[:-2]


def _labels_below(table: Table, header_row: int, k: int) -> bool:
    """Both halves' first columns hold words below the header, as label columns do."""
    def words(col: int) -> int:
        count = 0
        for r in range(header_row + 1, table.n_rows):
            text = _squash(table.cell(r, col))
            if text and (parse_quantity(text) is None or _CODE.match(text)):
                count += 1
        return count

    return words(0) >= 2 and words(k) >= 2


def _part(table: Table, start: int, end: int) -> Table:
    rows = [row[start:end] for row in table.rows]
    return Table(table.index, rows, table.location, table.uncertain_rows)
