"""Rows a reader placed by guess (they print fewer cells than the table has columns),
placed again by what each column of the table holds."""

from __future__ import annotations

from itertools import combinations

from auditlint.extract.scoring.cells import number, numberish
from auditlint.extract.scoring.model import ScoringColumn, ScoringTable
from auditlint.model import Cell

_MAX_GAPS = 2  # cells a short row may leave out for its placements to be tried

Spread = list[Cell | None]  # a row's cells over the table's columns; None where it prints none


def placed(st: ScoringTable, r: int, levels: list[ScoringColumn]) -> tuple[list[Cell], bool] | None:
    """A row the reader placed by guess, placed again by what each column holds: in the
    rows the reader placed for sure, a column holds plain numbers only (分值, 得分) or never
    does (names, 目标值 with units, notes), and a name column never holds a figure. Every
    way of spreading the row's cells over the columns in order that keeps to this is
    tried; when all agree on every column but the group levels, that is the row (and, when
    they agree on those too, its groups are sure: the second value). Else None: the row
    stays unread."""
    table = st.table
    width = len(st.columns)
    printed = [c for c in table.rows[r] if not c.merged]
    gaps = width - len(printed)
    if not 0 < gaps <= _MAX_GAPS:
        return None
    level_cols = {c.index for c in levels}
    fits = _spreads(printed, width, _column_kinds(st, width), level_cols)
    if not fits:
        return None
    first = fits[0]
    others = [c for c in range(width) if c not in level_cols]
    if any(any(f[c] is not first[c] for c in others) or _name_of(f, level_cols) is not _name_of(first, level_cols)
           for f in fits[1:]):
        return None
    sure = all(all(f[c] is first[c] for c in level_cols) for f in fits[1:])
    blank = Cell("", table.rows[r][0].location, merged=True)
    row = [cell if cell is not None else blank for cell in first]
    if not sure:
        row = [blank if c in level_cols else cell for c, cell in enumerate(row)]
        row[levels[-1].index] = _name_of(first, level_cols) or blank
    return row, sure


def _column_kinds(st: ScoringTable, width: int) -> list[set[bool]]:
    """For each column, whether the cells the reader placed for sure hold plain numbers
    (True), something else (False), or both."""
    table = st.table
    kinds: list[set[bool]] = [set() for _ in range(width)]
    for k in range(st.header_rows, table.n_rows):
        if k in table.uncertain_rows:
            continue
        for c, cell in enumerate(table.rows[k][:width]):
            if not cell.merged and cell.text.strip():
                kinds[c].add(number(cell) is not None)
    return kinds


def _spreads(printed: list[Cell], width: int, kinds: list[set[bool]], level_cols: set[int]) -> list[Spread]:
    """Every way of spreading the printed cells over the columns, in order, that puts
    each where its kind of content belongs."""
    fits: list[Spread] = []
    for holes in combinations(range(width), width - len(printed)):
        it = iter(printed)
        spread = [None if c in holes else next(it) for c in range(width)]
        if all(_fits(cell, kinds[c], c in level_cols) for c, cell in enumerate(spread)):
            fits.append(spread)
    return fits


def _name_of(spread: Spread, level_cols: set[int]) -> Cell | None:
    """The deepest printed level cell: the row's name."""
    return next((cell for c in sorted(level_cols, reverse=True)
                 if (cell := spread[c]) is not None and cell.text.strip()), None)


def _fits(cell: Cell | None, kinds: set[bool], level: bool) -> bool:
    if cell is None or not cell.text.strip():
        return True
    if level:
        return not numberish(cell.text)
    is_number = number(cell) is not None
    return not kinds or is_number in kinds
