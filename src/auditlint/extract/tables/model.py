"""What a budget table is read into: canonical column roles, the table's kind, and
the ``CanonicalTable`` of ``Column``s and ``Row``s that checks read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from auditlint.model import Cell, Table
from auditlint.numbers import Quantity

# Canonical column roles. Amount roles add up down a column; the others do not.
AMOUNT_ROLES = ("budget_initial", "add", "cut", "adjust", "budget_adjusted", "received", "actual", "prior_actual")
RATE_ROLES = ("rate",)
SHARE_ROLES = ("share",)
# received_rate (到位率) is recognised so that 资金到位率 is not taken for the funds
# received; nothing recomputes it yet
# code: a classification code (科目编码, or its 类 | 款 | 项 parts), see ``codes``
ROLES = ("serial", "label", "code", *AMOUNT_ROLES, *RATE_ROLES, "received_rate", *SHARE_ROLES, "note")
# what an execution rate is taken over, in order of preference: the adjusted budget
# when the table prints one ("执行率" against 调整预算数), else the initial budget (三公
# tables: 执行进度 against 年初预算), else the funds received (到位数: "实际支出÷到位资金")
RATE_BASES = ("budget_adjusted", "budget_initial", "received")
# table kinds: budget execution, 三公/会议/培训, a spending-structure table of shares,
# and an income table (收入合计 over 财政拨款收入, 事业收入 …: its amounts are income,
# not spending, though it is read like the others)
KINDS = ("budget", "sangong", "share", "income", "other")
# A column of amounts or counts whose header names none of the roles above (合同金额,
# 补贴面积（亩）, 地方政府专项债券 under 资金安排), or one of two columns claiming the same
# role (2024年决算数 and 2023年决算数), still adds up down the table: it gets the role
# "sum:<column index>", which only the table-total check (AL101) and the hierarchy
# read. A table whose amounts are all such columns is of kind "other" and is shared
# in ``facts.extra["sum_tables"]``, not ``facts.tables``: nothing but its sums is
# understood.
SUM_PREFIX = "sum:"


def is_sum_role(role: str | None) -> bool:
    """Is it the role of a column that only adds up (see SUM_PREFIX)?"""
    return role is not None and role.startswith(SUM_PREFIX)


def summable(role: str | None) -> bool:
    """Does the column add up down the table (an amount role or a ``sum:`` column)?"""
    return role in AMOUNT_ROLES or is_sum_role(role)


@dataclass
class Column:
    index: int  # 0-based column of the grid
    header: str  # header text, header rows joined with "/"
    role: str | None
    unit: str | None = None  # "万元" when the header says so
    decimals: int = 0  # most decimals printed in the column


@dataclass
class Row:
    index: int  # 0-based row of the grid
    label: str  # the item's name, serial number removed
    serial: str = ""  # "一", "（一）", "1" …
    level: int | None = None  # depth from the serial style; None when unlabelled
    code: str = ""  # classification code (2010601, 30101), its parts joined; see ``codes``
    kind: str = "item"  # "total" | "subtotal" | "group" | "item" | "of_which"
    cells: dict[str, Cell] = field(default_factory=dict)
    values: dict[str, Quantity] = field(default_factory=dict)
    parent: int | None = None  # position in CanonicalTable.rows of the row that totals this one
    children: list[int] = field(default_factory=list)  # positions in CanonicalTable.rows
    # the children are every row of the total's span, taken flat because neither the
    # printed marks (serials, 小计, 其中) nor the numbers showed a structure
    flat_guess: bool = False

    def has(self, role: str) -> bool:
        q = self.values.get(role)
        return q is not None and q.is_number


@dataclass
class CanonicalTable:
    table: Table
    kind: str  # one of KINDS
    header_rows: int
    columns: list[Column]
    rows: list[Row]  # data rows, in order
    unit: str | None = None  # table-wide unit ("单位：万元"), when stated
    # what checks derive from the table and share (checks/values.py validates each table
    # once for AL301–AL303); not part of the table's identity
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def column(self, role: str) -> Column | None:
        # a plain loop: asked for every cell of every row, where a generator costs more than the search
        for c in self.columns:
            if c.role == role:
                return c
        return None

    def roles(self) -> list[str]:
        return [c.role for c in self.columns if c.role]

    def value(self, row: Row, role: str) -> Quantity | None:
        """The row's number in that role, read at the column's precision."""
        q = row.values.get(role)
        col = self.column(role)
        if q is None or not q.is_number or col is None:
            return q
        return q.with_decimals(col.decimals)

    def total(self, role: str) -> Decimal | None:
        """The grand total of an amount column, for materiality."""
        for r in self.rows:
            if r.kind == "total" and r.has(role):
                return r.values[role].value
        vals = [abs(r.values[role].value) for r in self.rows if r.has(role)]
        return max(vals) if vals else None

    def rate_base(self) -> str | None:
        """The column an execution rate is taken over (see RATE_BASES)."""
        roles = self.roles()
        return next((b for b in RATE_BASES if b in roles), None)

    def top_totals(self) -> list[Row]:
        """Total rows that no other row totals: what shares are taken of."""
        return [r for r in self.rows if r.kind == "total" and r.parent is None and r.children]

