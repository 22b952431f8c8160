"""How a budget table's column and row are named in a message: the column as the
report prints it (zh) or its role (en), the row as its cells read.
"""

from __future__ import annotations

from auditlint.extract.headers import UNIT_NOTE, header_rows
from auditlint.extract.tables.model import CanonicalTable, Row, is_sum_role

ROLE_NAMES = {
    "budget_initial": ("预算数", "initial budget"),
    "add": ("追加", "additions"),
    "cut": ("扣减", "cuts"),
    "adjust": ("调整数", "adjustments"),
    "budget_adjusted": ("调整后预算数", "adjusted budget"),
    "received": ("到位数", "funds received"),
    "actual": ("实际支出数", "actual spending"),
    "prior_actual": ("上年决算数", "prior-year actual"),
    "rate": ("执行率", "execution rate"),
    "share": ("占比", "share"),
}


def column_name(ct: CanonicalTable, role: str, lang: str) -> str:
    """The column as the report calls it (zh) or its role in English."""
    if lang == "en" and not is_sum_role(role):
        return ROLE_NAMES.get(role, (role, role))[1]
    col = ct.column(role)
    if col is not None and col.header:
        name = UNIT_NOTE.sub("", header_rows(col.header)[-1]).strip()
        if is_sum_role(role) and any(c is not col and header_rows(c.header)[-1] == header_rows(col.header)[-1] for c in ct.columns):
            return UNIT_NOTE.sub("", col.header.replace("/", "")).strip()  # 2024年决算数 beside 2023年决算数
        return name
    return ROLE_NAMES.get(role, (role, role))[0]


def row_snippet(ct: CanonicalTable, row: Row) -> str:
    """The row's printed cells, as one line."""
    cells = ct.table.rows[row.index]
    return " ".join(c.text for c in cells if c.text.strip())
