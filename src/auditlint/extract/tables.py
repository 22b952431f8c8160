"""Budget-execution, 三公 and share tables: column roles and row hierarchy.

A table is classified by its header words (vocabulary in ``checks/data/headers.yaml``)
and each column gets a canonical role. Rows get a label, a kind (total, subtotal,
group header, item, 其中 line) and a parent, from their serial numbers and labels
where printed and from the numbers where not ("which rows does 项目支出 total?":
the block of rows that adds up to it in some column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from auditlint.model import Cell, Table
from auditlint.numbers import Quantity

# Canonical column roles. Amount roles add up down a column; the others do not.
AMOUNT_ROLES = ("budget_initial", "add", "cut", "adjust", "budget_adjusted", "actual", "prior_actual")
RATE_ROLES = ("rate",)
SHARE_ROLES = ("share",)
ROLES = ("serial", "label", *AMOUNT_ROLES, *RATE_ROLES, *SHARE_ROLES, "note")


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
    kind: str = "item"  # "total" | "subtotal" | "group" | "item" | "of_which"
    cells: dict[str, Cell] = field(default_factory=dict)
    values: dict[str, Quantity] = field(default_factory=dict)
    parent: int | None = None  # position in CanonicalTable.rows of the row that totals this one
    children: list[int] = field(default_factory=list)  # positions in CanonicalTable.rows

    def has(self, role: str) -> bool:
        q = self.values.get(role)
        return q is not None and q.is_number


@dataclass
class CanonicalTable:
    table: Table
    kind: str  # "budget" | "sangong" | "unknown"
    header_rows: int
    columns: list[Column]
    rows: list[Row]  # data rows, in order
    unit: str | None = None  # table-wide unit ("单位：万元"), when stated

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

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


def extract_tables(doc) -> list[CanonicalTable]:  # filled in below
    raise NotImplementedError
