"""Budget-execution, 三公 and share tables: column roles and row hierarchy.

A table is classified by its header words (vocabulary in ``vocab/headers.yaml``)
and each column gets a canonical role (``roles``). Rows get a label, a kind (total,
subtotal, group header, item, 其中 line) (``labels``) and a parent, from their serial
numbers and labels where printed and from the numbers where not ("which rows does
项目支出 total?": the block of rows that adds up to it in some column) (``hierarchy``,
``sums``). ``canonical`` puts these together into a ``CanonicalTable`` (``model``);
``naming`` says how its columns and rows are called in a message; ``yoy`` finds the
year-on-year columns of any table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditlint.extract.halves import halves
from auditlint.extract.tables.canonical import canonical_table, funds_block, table_unit
from auditlint.extract.tables.hierarchy import infer_hierarchy
from auditlint.extract.tables.labels import row_kind, serial_cell, split_serial
from auditlint.extract.tables.model import (
    AMOUNT_ROLES,
    KINDS,
    RATE_BASES,
    RATE_ROLES,
    ROLES,
    SHARE_ROLES,
    SUM_PREFIX,
    CanonicalTable,
    Column,
    Row,
    is_sum_role,
    summable,
)
from auditlint.extract.tables.naming import ROLE_NAMES, column_name, row_snippet
from auditlint.extract.tables.roles import header_role
from auditlint.extract.tables.sums import adds_up, amount
from auditlint.extract.tables.vocabulary import Vocabulary, vocabulary
from auditlint.extract.tables.yoy import YoyColumns, yoy_columns

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts
    from auditlint.model import Table

__all__ = [
    "AMOUNT_ROLES",
    "KINDS",
    "RATE_BASES",
    "RATE_ROLES",
    "ROLES",
    "ROLE_NAMES",
    "SHARE_ROLES",
    "SUM_PREFIX",
    "CanonicalTable",
    "Column",
    "Row",
    "Vocabulary",
    "YoyColumns",
    "adds_up",
    "amount",
    "canonical_table",
    "column_name",
    "extract_into",
    "funds_block",
    "header_role",
    "infer_hierarchy",
    "is_sum_role",
    "row_kind",
    "row_snippet",
    "serial_cell",
    "split_serial",
    "sum_tables",
    "summable",
    "vocabulary",
    "yoy_columns",
]


def extract_into(facts: Facts) -> None:
    """Every budget, 三公 and share table into ``facts.tables``; tables whose sums alone
    are understood into ``facts.extra["sum_tables"]``. A 自评表 that is no budget table
    may carry a funds block that is one. A grid of side-by-side halves (收支总表: 收入 |
    支出) is read as its halves, each a table of its own (``facts.extra["halves"]``:
    grid index → the halves' tables, left to right)."""
    blocks = facts.document.blocks
    for grid in facts.document.tables:
        parts = halves(grid)
        if parts is not None:
            facts.extra.setdefault("halves", {})[grid.index] = parts
        for table in parts or [grid]:
            _read_into(facts, table, blocks, grid)


def _read_into(facts: Facts, table: Table, blocks: list, grid: Table) -> None:
    """One table (a grid, or one half of it) into the facts."""
    ct = canonical_table(table, blocks, grid=grid)
    if ct is None:
        text = "".join(c.text for r in table.rows for c in r)
        sub = funds_block(table) if any(w in text for w in vocabulary().not_budget) else None
        ct = canonical_table(sub, block=True) if sub is not None else None
        if ct is not None:
            ct.unit = table_unit(blocks, grid)
    if ct is None:
        return
    if ct.kind == "other":
        facts.extra.setdefault("sum_tables", []).append(ct)
    else:
        facts.tables.append(ct)


def sum_tables(facts: Facts) -> list[CanonicalTable]:
    """Every table whose sums can be checked: ``facts.tables`` and the tables of kind
    "other" (see SUM_PREFIX)."""
    return [*facts.tables, *facts.extra.get("sum_tables", [])]
