"""Rows of a scoring table that leave out the weight or score its column promises: the
column is filled in most rows, and the row prints the other number (a row with neither is
a heading or a row not assessed)."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.extract.facts import Facts
from auditlint.extract.score_totals import scored
from auditlint.extract.scoring import Indicator, ScoringTable
from auditlint.model import Cell
from auditlint.numbers import PLACEHOLDERS


def _blank(cell: Cell | None) -> bool:
    if cell is None:
        return True
    t = cell.text.strip()
    return not t or t in PLACEHOLDERS


def missing(facts: Facts, role: str, other: str) -> Iterator[tuple[ScoringTable, Indicator, Cell | None]]:
    """Rows without a ``role`` number that print the ``other`` one (a row with neither is
    a heading or a row not assessed), in tables that fill the column elsewhere."""
    for st in facts.scoring:
        if not st.has(role):
            continue
        rows = [i for i in scored(st) if not i.guessed]
        filled = [i for i in rows if getattr(i, role) is not None]
        if len(filled) < 3 or len(filled) * 2 < len(rows):
            continue  # a column this sparse is not a column the table promises to fill
        for ind in rows:
            cell = ind.cells.get(role)
            if getattr(ind, role) is None and getattr(ind, other) is not None and _blank(cell):
                yield st, ind, cell
