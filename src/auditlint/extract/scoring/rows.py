"""The rows of a scoring table below its header, read into indicators, groups and totals."""

from __future__ import annotations

from auditlint.extract.headers import squash
from auditlint.extract.scoring.cells import label, number, role_cell, row_snippet, serial_depth
from auditlint.extract.scoring.groups import group_weight_role, open_group_cells, split_inline
from auditlint.extract.scoring.model import LEVEL_ROLES, Group, Indicator, ScoringColumn, ScoringTable
from auditlint.extract.scoring.placement import placed
from auditlint.extract.scoring.rules import parse_rule
from auditlint.extract.scoring.spans import spanned_row
from auditlint.extract.scoring.totals import is_subtotal_label, is_total_label, total_row
from auditlint.extract.scoring.vocabulary import vocabulary
from auditlint.memo import memo_while
from auditlint.model import Cell

_ROW_ROLES = ("weight", "score", "target", "actual", "deviation", "rule", "explain", "code")  # an indicator's cells


def read_rows(st: ScoringTable, levels: list[ScoringColumn]) -> None:
    """Read the rows below the header into ``st``; ``levels``: the table's level columns,
    left to right (the last holds the indicators' names)."""
    reader = _RowReader(st, levels)
    for r in range(st.header_rows, st.table.n_rows):
        reader.read(r)
    # a 合计 with indicators after it totals a group, not the table
    last = st.indicators[-1].row if st.indicators else -1
    st.totals = [t for t in st.totals if t.row > last]


class _RowReader:
    """Reads a table's rows in order, keeping the groups the next row falls under."""

    def __init__(self, st: ScoringTable, levels: list[ScoringColumn]) -> None:
        self.st = st
        self.levels = levels
        self.name_col = levels[-1].index
        self.open_groups: dict[int, Group] = {}  # level → the group rows currently fall under
        self.headings: dict[int, Group] = {}  # serial depth → the numbered heading rows currently fall under

    def read(self, r: int) -> None:
        """Row ``r``: a total, a subtotal, a numbered heading, or group cells and an indicator."""
        st = self.st
        row = st.table.rows[r]
        text, label_cell = label(row)
        if label_cell is not None and is_total_label(text):
            st.totals.append(total_row(st, r, text, label_cell))
            return
        if is_subtotal_label(text) or (label_cell is not None and self._heading(row, label_cell)):
            return
        row, guessed, short = self._placed(r, row)
        spanned = None if guessed or short else spanned_row(st, row, self.levels, self.open_groups)
        row = spanned or row
        open_group_cells(st, row, self.levels, self.open_groups, guessed)
        named = self._name(r, row, guessed)
        if named is None:
            return
        name_cell, own_weight = named
        if not any(c.text.strip() for k, c in enumerate(row) if k < len(st.columns)
                   and st.columns[k].role not in LEVEL_ROLES and c is not name_cell):
            return  # a heading printed in the name column: nothing is assessed on it
        self._add(r, row, name_cell, own_weight, guessed, inferred=short or spanned is not None)

    def _heading(self, row: list[Cell], label_cell: Cell) -> bool:
        """A numbered row closes the headings of its own depth and deeper: it is their
        sibling. True when it is itself a heading (and now open)."""
        depth = serial_depth(label_cell.text)
        if depth is None:
            return False
        for d in [d for d in self.headings if d >= depth]:
            del self.headings[d]
        if not _heading_row(row, label_cell):
            return False
        # 一、决策（15分） / （一）项目立项（6分） printed alone on its row, across the table or
        # in its name column: it heads the rows below it, down to the next heading of its
        # depth or above
        gname, gweight = split_inline(label_cell.text)
        self.headings[depth] = Group(0, gname, label_cell, gweight)
        self.st.groups.append(self.headings[depth])
        self.open_groups.clear()
        return True

    def _placed(self, r: int, row: list[Cell]) -> tuple[list[Cell], bool, bool]:
        """The row with its cells where they belong, whether it is still placed by guess,
        and whether it is a short row under the groups open above it (its name the only
        cell printed in a level column, at a level that cannot be told)."""
        if r not in self.st.table.uncertain_rows:
            return row, False, False
        found = placed(self.st, r, self.levels)
        if found is None:
            return row, True, False
        placed_row, sure_groups = found
        if sure_groups:
            return placed_row, False, False
        if self.open_groups and _name_only(row, placed_row, self.levels):
            return placed_row, False, True  # printed short below merged group cells (see spans.py)
        # the row's group cells could sit at more than one level: the groups open
        # above it may or may not hold it
        for group in self.open_groups.values():
            group.uncertain = True
        self.open_groups.clear()
        return placed_row, False, False

    def _name(self, r: int, row: list[Cell], guessed: bool) -> tuple[Cell, Cell | None] | None:
        """The row's name cell and, when a group cell is its name, the 分值 printed beside
        that group's column; None when the row is no indicator."""
        st = self.st
        name_cell = row[self.name_col] if self.name_col < len(row) else None
        if name_cell is not None and name_cell.text.strip():
            return name_cell, None
        # no name of its own: when scored, the deepest group cell printed on the row is the
        # indicator (a two-level table, or a level-2 indicator beside level-3 ones)
        numbers = not guessed and (number(role_cell(st, row, "weight")) is not None
                                   or number(role_cell(st, row, "score")) is not None)
        opened = [g for g in self.open_groups.values() if any(g.cell is c for c in row)]
        if numbers and not opened:
            st.unread.append(r)
        if not numbers or not opened:
            return None
        own = max(opened, key=lambda g: g.level)
        st.groups.remove(own)
        del self.open_groups[own.level]
        return own.cell, role_cell(st, row, group_weight_role(self.levels[own.level - 1].role or ""))

    def _add(self, r: int, row: list[Cell], name_cell: Cell, own_weight: Cell | None, guessed: bool,
             inferred: bool = False) -> None:
        """The row as an indicator, under the headings and groups open above it
        (``inferred``: under the groups because it was printed short below their cells)."""
        st = self.st
        weight_cell = role_cell(st, row, "weight")
        ind = _indicator(st, r, row, name_cell, guessed, self.open_groups)
        if (ind.weight is None and not guessed and number(own_weight) is not None
                and not (weight_cell and weight_cell.text.strip())):
            ind.weight, ind.cells["weight"] = number(own_weight), own_weight  # type: ignore[assignment]
        ind.path = tuple(h.name for _, h in sorted(self.headings.items())) + ind.path
        pos = len(st.indicators)
        st.indicators.append(ind)
        for group in [*self.headings.values(), *self.open_groups.values()]:
            group.members.append(pos)
        for group in self.open_groups.values() if inferred else ():
            group.inferred.append(pos)


def _name_only(printed: list[Cell], placed_row: list[Cell], levels: list[ScoringColumn]) -> bool:
    """Of the row's printed cells, only one went to no column but a level's: its name."""
    level_cols = {c.index for c in levels}
    outside = {id(c) for k, c in enumerate(placed_row) if k not in level_cols}
    return sum(1 for c in printed if not c.merged and c.text.strip() and id(c) not in outside) == 1


def _heading_row(row: list[Cell], label_cell: Cell | None) -> bool:
    """A row that prints its label and nothing else: no weight, score, target or result."""
    return label_cell is not None and not any(c.text.strip() for c in row if c is not label_cell and not c.merged)


def _indicator(st: ScoringTable, r: int, row: list[Cell], name_cell: Cell, guessed: bool,
               open_groups: dict[int, Group]) -> Indicator:
    name, inline = split_inline(name_cell.text)
    path = tuple(g.name for _, g in sorted(open_groups.items())) + (name,)
    ind = Indicator(row=r, name=name, path=path, snippet=row_snippet(row))
    ind.cells["name"] = name_cell
    for role in _ROW_ROLES:
        cell = role_cell(st, row, role)
        if cell is not None:
            ind.cells[role] = cell
    ind.guessed = guessed
    weight_cell = ind.cells.get("weight")
    if not guessed:
        ind.weight = number(weight_cell)
        ind.score = number(ind.cells.get("score"))
    if ind.weight is None and inline is not None and (weight_cell is None or not weight_cell.text.strip()):
        ind.weight, ind.weight_inline = inline, True
    ind.target = ind.cells["target"].text if "target" in ind.cells else ""
    ind.actual = ind.cells["actual"].text if "actual" in ind.cells else ""
    if "rule" in ind.cells and ind.cells["rule"].text.strip():
        ind.rule_text = ind.cells["rule"].text
        ind.rule = parse_rule(ind.rule_text)
    ind.unweighted = _unweighted(_PATH_SEP.join(path))
    return ind


_PATH_SEP = "\x00"  # joins a path's names: no vocabulary word holds it, so none is found across two names


# asked of every indicator row; a template's rows carry the same names in every report
@memo_while(vocabulary)
def _unweighted(names: str) -> bool:
    """Does one of the names (joined by ``_PATH_SEP``) name a row that carries no weight?"""
    squashed = squash(names)
    return any(w in squashed for w in vocabulary().unweighted_rows)
