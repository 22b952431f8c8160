"""Groups of indicators and their weights, in the three ways tables print them:

- a group cell with its weight in brackets (决策（15分）), merged over its rows, blank
  below its first row, or repeated on each;
- a group's weight in its own 分值 column right of the group's column
  (一级指标 | 分值 | 二级指标 | 分值 | …);
- in a table with one indicator column, a group row: a label that heads a group
  (一、决策, 决策（20分）) whose 分值 and 得分 are the sums of the rows under it.
"""

from __future__ import annotations

import re

from auditlint.extract.headers import squash
from auditlint.extract.scoring.cells import number, points_of, role_cell, serial_depth
from auditlint.extract.scoring.model import LEVEL_ROLES, Group, Indicator, ScoringColumn, ScoringTable
from auditlint.extract.tables import split_serial
from auditlint.extract.tables.codes import indicator_code_depth
from auditlint.model import Cell
from auditlint.numbers import Quantity, asum, compare, normalize, parse_quantity

# a name with its weight in brackets: 决策（15分）, 立项依据充分性（2.5）
INLINE = re.compile(r"^(?P<name>.*?)\s*[（(]\s*(?P<w>\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$")


def split_inline(text: str) -> tuple[str, Quantity | None]:
    """"决策（15分）" → ("决策", 15). A name without a weight in brackets comes back whole."""
    t = normalize(text).strip()
    m = INLINE.match(t)
    if not m or not m.group("name").strip():
        return text.strip(), None
    q = parse_quantity(m.group("w"))
    return text.strip()[: len(m.group("name"))].strip(), q


# ---------------------------------------------------------------------------
# weights in their own column


def group_weight_role(level_role: str) -> str:
    """The role of the 分值 column printed right after a group level's column."""
    return f"weight_{level_role}"


def group_weights(cols: list[ScoringColumn]) -> None:
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分: with several weight columns,
    one printed right after a group level's column is that level's weight; the one after
    the deepest level stays the indicator's."""
    weights = [c for c in cols if c.role == "weight"]
    levels = [c for c in cols if c.role in LEVEL_ROLES]
    if len(weights) < 2 or not levels:
        return
    deepest = max(levels, key=lambda c: c.index)
    for w in weights:
        before = cols[w.index - 1] if w.index > 0 else None
        if before is not None and before.role in LEVEL_ROLES and before is not deepest:
            w.role = group_weight_role(before.role)


# ---------------------------------------------------------------------------
# group cells


def open_group_cells(st: ScoringTable, row: list[Cell], levels: list[ScoringColumn], open_groups: dict[int, Group],
                     guessed: bool) -> None:
    """The group cells printed on a row: each opens a group at its level (``open_groups``:
    level → the group rows currently fall under) and closes the deeper ones. ``guessed``:
    the row's cells were placed by guess, so a weight beside a group cell is not taken."""
    for k, col in enumerate(levels[:-1], start=1):
        cell = row[col.index] if col.index < len(row) else None
        if cell is None or not cell.text.strip():
            continue
        gname, gweight = split_inline(cell.text)
        current = open_groups.get(k)
        if current is not None and squash(current.cell.text) == squash(cell.text):
            continue  # the group's name printed again on each of its rows, not merged
        gweight_cell = None
        if gweight is None and not guessed:
            gweight_cell = role_cell(st, row, group_weight_role(col.role or ""))
            gweight = number(gweight_cell)
        group = Group(k, gname, cell, gweight, weight_cell=gweight_cell if gweight is not None else None)
        st.groups.append(group)
        open_groups[k] = group
        for deeper in [lv for lv in open_groups if lv > k]:
            del open_groups[deeper]


# ---------------------------------------------------------------------------
# group rows


def group_rows(st: ScoringTable, levels: int) -> None:
    """Group rows in a table with one indicator column: a row that heads a group by its
    label — a serial number (一、决策) or a weight in brackets (决策（20分）) — and prints its
    group's 分值 and 得分, each the sum of the rows under it, is the group's subtotal, not an
    indicator. The rows under it are those down to the next label of its kind or an outer
    one (the kinds nest in the order they first appear). Nested heads are read innermost
    first, so an outer one adds up the indicators only; bonus and penalty rows (加分项) are no
    group's. A row that does not add up stays an indicator: its numbers are then the table's
    to check."""
    if levels != 1:
        return
    heads, spans = _heads(st.indicators)
    if heads:
        _make_groups(st, heads, spans)


def _heads(rows: list[Indicator]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """(row position → the indicators' positions under it, row position → every row
    under it, nested heads too) for the rows that head a group and add up."""
    rank = _ranks(rows)
    heads: dict[int, list[int]] = {}
    spans: dict[int, list[int]] = {}
    for i in range(len(rows) - 1, -1, -1):
        r = rank[i]
        if r is None:
            continue
        span: list[int] = []
        for j in range(i + 1, len(rows)):
            other = rank[j]
            if other is not None and other <= r:
                break
            span.append(j)
        members = [j for j in span if j not in heads and not rows[j].unweighted]
        # a code (A over A1 over A11) states the group; else its numbers must add up
        if members and (_coded(rows[i]) or _heads_its_rows(rows[i], [rows[j] for j in members])):
            heads[i], spans[i] = members, span
    return heads, spans


def _ranks(rows: list[Indicator]) -> list[int | None]:
    """Each row's outline rank: its kind of group label, numbered in the order the kinds
    first appear (the outermost first); None for a plain name or a row placed by guess."""
    kinds = [None if i.guessed else _outline_kind(i) for i in rows]
    order: list[tuple[str, int]] = []
    for k in kinds:
        if k is not None and k not in order:
            order.append(k)
    return [order.index(k) if k is not None else None for k in kinds]


def _heads_its_rows(head: Indicator, members: list[Indicator]) -> bool:
    """The head prints a weight or a score, and each it prints is the sum of its members'."""
    checks = [_adds_up(head.weight, [m.weight for m in members]),
              _adds_up(head.score, [m.score for m in members])]
    return False not in checks and any(checks)


def _make_groups(st: ScoringTable, heads: dict[int, list[int]], spans: dict[int, list[int]]) -> None:
    """Turn the head rows into groups: out of the indicators, into the paths of the rows
    under them."""
    rows = st.indicators
    keep = [j for j in range(len(rows)) if j not in heads]
    new_pos = {j: n for n, j in enumerate(keep)}
    for g in st.groups:
        g.members = [new_pos[m] for m in g.members if m in new_pos]
        g.inferred = [new_pos[m] for m in g.inferred if m in new_pos]
    for i in sorted(heads):
        head = rows[i]
        cell = head.cells["name"]
        name, inline = split_inline(cell.text)
        name = split_serial(normalize(name))[1] or name
        weight, weight_cell = head.weight, head.cells.get("weight") if not head.weight_inline else None
        if weight is None:
            weight, weight_cell = inline, None
        group = Group(0, name, cell, weight, [new_pos[j] for j in heads[i]], weight_cell=weight_cell)
        st.groups.append(group)
        for j in spans[i]:
            rows[j].path = (*head.path[:-1], name, *rows[j].path[len(head.path) - 1:])
    st.indicators = [rows[j] for j in keep]


def _outline_kind(ind: Indicator) -> tuple[str, int] | None:
    """How a scored row's label marks a possible group head: its serial number's depth
    (一、决策 → ("serial", 1)), or a weight in brackets after its name (决策（20分） →
    ("inline", 0)); None for a plain name."""
    code = _coded(ind)
    if code is not None:
        return ("code", code)
    cell = ind.cells.get("name")
    if cell is None:
        return None
    depth = serial_depth(cell.text)
    if depth is not None:
        return ("serial", depth)
    if split_inline(cell.text)[1] is not None:
        return ("inline", 0)
    return None


def _coded(ind: Indicator) -> int | None:
    """The level the row's indicator code states (extract/tables/codes.py), if it prints one."""
    cell = ind.cells.get("code")
    return indicator_code_depth(cell.text) if cell is not None else None


def _adds_up(head: Quantity | None, parts: list[Quantity | None]) -> bool | None:
    """Whether a group row's weight (or score) is the sum of its rows': None when it prints none."""
    if head is None:
        return None
    stated = points_of(head)
    values = [points_of(q) for q in parts]
    if stated is None or any(v is None for v in values):
        return False
    return compare(stated, asum(v for v in values if v is not None)).ok
