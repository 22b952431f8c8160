"""Rows printed short under a merged group cell, and which of them its group covers.

A cell-per-line text of a Word table prints a group cell merged over several rows
(决策（15分）, 项目立项（5分）) once, on its first row; the rows below it print only their
own cells, so they come out short and the reader sets their first cell, the indicator's
name, in the outermost column: "预算编制规范性 | · | · | 2 | 2" under "决策（5分） | 资金管理
（5分） | 预算编制科学性 | 3 | 3". Such a row, after a group row, with only merged
placeholders between its name and the indicator column, is an indicator of the groups
open above it. That is inferred, not printed (the same grid is a Word row whose name
cell spans the level columns and heads no group): ``settle_spans`` keeps, for each
group, the rows up to the last one that makes its weight agree, and a group none
makes agree keeps its inferred rows in ``Group.inferred`` so a finding on it is at
most a warning.
"""

from __future__ import annotations

from auditlint.extract.scoring.cells import number, points_of, role_cell
from auditlint.extract.scoring.model import Group, ScoringColumn, ScoringTable
from auditlint.model import Cell
from auditlint.numbers import asum, compare


def spanned_row(st: ScoringTable, row: list[Cell], levels: list[ScoringColumn],
                open_groups: dict[int, Group]) -> list[Cell] | None:
    """The row with its name moved to the indicator column, when it is a short row under
    the groups open above it; None when it is not one. ``levels``: the level columns,
    left to right."""
    if len(levels) < 2 or not open_groups:
        return None
    name_col = levels[-1].index
    if name_col >= len(row) or not row[name_col].merged or row[name_col].text.strip():
        return None
    printed = [c.index for c in levels if c.index < len(row) and row[c.index].text.strip()]
    if len(printed) != 1:
        return None
    col = printed[0]
    level = next(k for k, c in enumerate(levels, start=1) if c.index == col)
    if level not in open_groups or any(not row[c].merged or row[c].text.strip() for c in range(col + 1, name_col)):
        return None
    if number(role_cell(st, row, "weight")) is None and number(role_cell(st, row, "score")) is None:
        return None  # a heading or a note: nothing scored on it
    moved = list(row)
    moved[name_col] = row[col]
    moved[col] = Cell("", row[col].location, merged=True)
    return moved


def settle_spans(st: ScoringTable) -> None:
    """For each group with inferred rows, the rows it covers: all of them when its weight
    agrees with them, else the longest run of them from the top that makes it agree; a
    row a group drops leaves the groups inside it too. A group whose weight cannot be
    compared, or that no run makes agree, keeps them all, still marked inferred."""
    for group in sorted(st.groups, key=lambda g: g.level):
        if not group.inferred:
            continue
        keep = _agreeing_run(st, group)
        if keep is None:
            continue
        dropped = group.inferred[keep:]
        for g in st.groups:
            if g is group or (g.level > group.level and any(m in g.members for m in dropped)):
                for m in dropped:
                    if m in g.members:
                        _leave(st, m, g.name)
                g.members = [m for m in g.members if m not in dropped]
                g.inferred = [m for m in g.inferred if m not in dropped]
        group.inferred = []  # its weight agrees with the rows it now covers


def _agreeing_run(st: ScoringTable, group: Group) -> int | None:
    """How many of the group's inferred rows, from the top, make its weight agree (all of
    them first); None when it cannot be compared or no number of them does."""
    stated = points_of(group.weight)
    if stated is None:
        return None
    sure = [m for m in group.members if m not in group.inferred]
    for keep in range(len(group.inferred), -1, -1):
        members = [st.indicators[m] for m in sure + group.inferred[:keep] if not st.indicators[m].unweighted]
        parts = [points_of(i.weight) for i in members]
        if not members or any(p is None for p in parts):
            return None
        if compare(stated, asum(p for p in parts if p is not None)).ok:
            return keep
    return None


def _leave(st: ScoringTable, position: int, name: str) -> None:
    """Take the group's name out of an indicator's path."""
    ind = st.indicators[position]
    path = list(ind.path[:-1])
    if name in path:
        path.remove(name)
        ind.path = (*path, ind.path[-1])
