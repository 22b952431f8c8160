"""A report's scoring tables: each grid tried as one, and a grid that continues the
table above it after a page break joined to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditlint.extract.meta import evaluated_year
from auditlint.extract.scoring.columns import columns_of, header_span
from auditlint.extract.scoring.funding import funding_rows
from auditlint.extract.scoring.groups import group_rows
from auditlint.extract.scoring.model import LEVEL_ROLES, NUMBER_ROLES, ScoringTable
from auditlint.extract.scoring.rows import read_rows
from auditlint.extract.scoring.spans import settle_spans
from auditlint.model import Table

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

_PAGE_NOISE = 20  # a paragraph this short between two grids is a page header, footer or number


def scoring_table(table: Table, year: int | None = None) -> ScoringTable | None:
    """The table as a scoring table, or None when it is not one. ``year``: the year the
    report evaluates, which tells the year's target column from another period's."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    first, n = header_span(table)
    if not n:
        return None
    cols = columns_of(table, first, n, year)
    roles = {c.role for c in cols}
    levels = [c for c in cols if c.role in LEVEL_ROLES]
    if not levels or not (roles & set(NUMBER_ROLES)):
        return None
    st = ScoringTable(table, first + n, cols, parts=[table])
    st.indicators.extend(funding_rows(table, first))
    funding = len(st.indicators)
    read_rows(st, sorted(levels, key=lambda c: c.index))
    if len(st.indicators) == funding:
        return None
    return st


def extract_into(facts: Facts) -> None:
    """Fill ``facts.scoring``."""
    previous: ScoringTable | None = None
    between: list[str] = []
    year = evaluated_year(facts.meta)
    for block in facts.document.blocks:
        if not isinstance(block, Table):
            if block.text.strip():
                between.append(block.text.strip())
            continue
        st = scoring_table(block, year)
        if st is None:
            previous, between = None, []
            continue
        continues = (previous is not None and not previous.totals and previous.roles() == st.roles()
                     and all(len(t) <= _PAGE_NOISE for t in between))
        if continues and previous is not None:
            previous.absorb(st)
        else:
            facts.scoring.append(st)
            previous = st
        between = []
    for st in facts.scoring:
        settle_spans(st)
        group_rows(st, sum(1 for c in st.columns if c.role in LEVEL_ROLES))
