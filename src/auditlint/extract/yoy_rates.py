"""Year-on-year rate columns (增减率, 增长率, 同比增长%) of the document's tables, with
the rows that print all three numbers they relate (AL204): 本年, 上年 and the rate.

Which columns a rate compares is read by ``tables.yoy_columns`` from the headers;
this module reads each data row's three numbers as printed. Whether they agree is
the check's to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditlint.extract.percent import exact
from auditlint.extract.tables import YoyColumns, yoy_columns
from auditlint.model import Cell, Table
from auditlint.numbers import Quantity, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

KEY = "yoy_rates"


@dataclass(frozen=True)
class YoyRow:
    """A data row of a 增减率 column that prints this year's figure, last year's and the rate."""

    label: str
    current: Quantity
    prior: Quantity
    rate: Quantity
    current_cell: Cell
    prior_cell: Cell
    rate_cell: Cell
    snippet: str  # the row's non-blank cells


@dataclass(frozen=True)
class YoyRates:
    """One table's 增减率 column, the columns it compares, and its rows."""

    columns: YoyColumns
    rows: list[YoyRow]


def yoy_rows(cols: YoyColumns) -> list[YoyRow]:
    """The data rows (not those the reader is unsure of) that print all three numbers."""
    out = []
    for r in range(cols.header_rows, cols.table.n_rows):
        if r in cols.table.uncertain_rows:
            continue
        row = cols.table.rows[r]
        if max(cols.current, cols.prior, cols.rate) >= len(row):
            continue
        cur, prior, rate = (parse_quantity(row[c].text) if row[c].text.strip() else None
                            for c in (cols.current, cols.prior, cols.rate))
        if cur is None or prior is None or rate is None or not (exact(cur) and exact(prior) and exact(rate)):
            continue
        label = row[cols.label].text.strip() if cols.label < len(row) else ""
        snippet = " ".join(c.text for c in row if c.text.strip())
        out.append(YoyRow(label, cur, prior, rate, row[cols.current], row[cols.prior], row[cols.rate], snippet))
    return out


def yoy_rates(table: Table) -> YoyRates | None:
    cols = yoy_columns(table)
    return YoyRates(cols, yoy_rows(cols)) if cols is not None else None


def extract_into(facts: Facts) -> None:
    facts.extra[KEY] = [found for table in facts.document.tables if (found := yoy_rates(table)) is not None]
