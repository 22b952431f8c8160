"""The header of a scoring table: where it starts, how many rows it takes, and the role
of each column (一级/二级/三级指标, 分值, 得分, 年度目标, 实际完成值, 评分标准 …)."""

from __future__ import annotations

import re

from auditlint.extract.headers import first_role, squash
from auditlint.extract.indicators import year_target
from auditlint.extract.scoring.cells import numberish
from auditlint.extract.scoring.groups import INLINE, group_weights
from auditlint.extract.scoring.model import LEVEL_ROLES, NUMBER_ROLES, ScoringColumn
from auditlint.extract.scoring.vocabulary import vocabulary
from auditlint.memo import memo_while
from auditlint.model import Table
from auditlint.numbers import parse_quantity

# a unit note after a header: （分）, （%）; and （分值）/（权重） after a name column's header
# (评价指标（分值）: the names carry their weights in brackets, 1.可研报告（7分）)
_UNIT_NOTE = re.compile(r"[（(]\s*(?:分|分值|权重|%|％|万元|元)\s*[)）]")


# asked of every cell of the rows a header could start at, in every table, by each
# reading of the header: a function of the text and the vocabulary only
@memo_while(vocabulary)
def header_role(header: str) -> str | None:
    """The role a header names; None for none, and for a group name with its weight
    (决策（15分）), which heads rows, not a column."""
    h = squash(_UNIT_NOTE.sub("", header))  # a scoring header's note may be （分）
    if not h or INLINE.match(h):
        return None
    return first_role(h, vocabulary().roles)


def _header_rows_at(table: Table, first: int) -> int:
    """How many header rows start at row ``first`` (0: none): rows without numbers whose
    cells name roles, the first of them at least two."""
    n = 0
    for r in range(first, min(table.n_rows, first + 4)):
        texts = [c.text for c in table.rows[r]]
        if r > first and _names_under_target(table, first, r):
            n += 1
            continue
        if any(numberish(t) for t in texts):
            break
        hits = sum(1 for t in texts if header_role(t))
        if (r == first and hits < 2) or hits == 0:
            break
        n += 1
    return n


def _names_under_target(table: Table, first: int, r: int) -> bool:
    """Row ``r`` names the columns under a target header spanning them in the rows above
    (指标值 over 2023年 | 2024年): it prints only under that header (or the blank right of
    it), no figure but a year, and nothing in its first column."""
    row = table.rows[r]
    printed = [c for c, cell in enumerate(row) if cell.text.strip()]
    if not printed or 0 in printed:
        return False
    for c in printed:
        q = parse_quantity(row[c].text.strip()) if numberish(row[c].text) else None
        if q is not None and q.unit != "年":
            return False
        heads = []
        for k in range(first, r):
            left = c
            while left > 0 and (table.cell(k, left) is None or not table.cell(k, left).text.strip()):  # type: ignore[union-attr]
                left -= 1
            cell = table.cell(k, left)
            heads.append(header_role(cell.text) if cell is not None else None)
        if "target" not in heads:
            return False
    return True


_PREAMBLE = 12  # rows a 自评表 may print above its indicator header (title, unit, the funding block)


def header_span(table: Table) -> tuple[int, int]:
    """(first header row, number of header rows); (0, 0) when the table has no
    scoring header. A title row spanning the table may come first; in the central
    部门（项目）支出绩效自评表 the indicator header comes after the unit and funding rows."""
    found = (0, 0)
    for first in (0, 1):
        n = _header_rows_at(table, first)
        if n:
            found = (first, n)
            break
    if found[1] and _scores_by_level(table, *found):
        return found
    for first in range(2, min(table.n_rows, _PREAMBLE)):
        n = _header_rows_at(table, first)
        if n and _scores_by_level(table, first, n):
            return first, n
    return found


def _scores_by_level(table: Table, first: int, n: int) -> bool:
    roles = {c.role for c in columns_of(table, first, n)}
    return bool(roles & set(LEVEL_ROLES)) and bool(roles & set(NUMBER_ROLES))


def _spanned_target(table: Table, r: int, c: int, end: int, left: str) -> bool:
    """A blank header cell right of a target header (指标值) over a column that the header
    rows below name (中期目标 | 年度目标): in plain text the spanning cell prints once, and
    the blank beside it is under it."""
    cell = table.cell(r, c)
    if cell is None or cell.text.strip() or not left.strip() or header_role(left) != "target":
        return False
    return any((below := table.cell(k, c)) is not None and below.text.strip() for k in range(r + 1, end))


def columns_of(table: Table, first: int, n: int, year: int | None = None) -> list[ScoringColumn]:
    """The columns named by the ``n`` header rows from row ``first``, each with its role.
    ``year``: the year the report evaluates, which tells the year's target column."""
    cols, targets = _named(_header_parts(table, first, n))
    # the year's target only: 指标值 over 中期目标（2026年） | 年度目标（2024年） is scored
    # against the 年度目标; when which column is the year's cannot be told, none is a target
    year_col = year_target(targets, year)
    for c in targets:
        if c != year_col:
            cols[c].role = None
    # a role claimed twice: a level keeps its rightmost column (a 绩效指标 label column left
    # of 一级/二级/三级指标), other words their first; two weight or score columns make
    # the table ambiguous for numbers
    for col in reversed(cols):
        if col.role in LEVEL_ROLES and any(c.role == col.role for c in cols if c.index > col.index):
            col.role = None
    group_weights(cols)
    _one_column_per_role(cols)
    return cols


def _header_parts(table: Table, first: int, n: int) -> list[list[str]]:
    """Each column's header texts, top down: a merged cell (or the blank right of a
    spanning target header) repeats the text left of it."""
    width = table.n_cols
    parts: list[list[str]] = [[] for _ in range(width)]
    for r in range(first, first + n):
        carry = ""
        for c in range(width):
            cell = table.cell(r, c)
            if cell is None:
                continue
            text = carry if cell.merged or _spanned_target(table, r, c, first + n, carry) else cell.text
            if not cell.merged:
                carry = text
            if text and (not parts[c] or parts[c][-1] != text):
                parts[c].append(text)
    return parts


def _named(parts: list[list[str]]) -> tuple[list[ScoringColumn], dict[int, list[str]]]:
    """The columns with the role of their lowest header part that names one, and the
    target columns (column → its header parts from the one naming the target down)."""
    cols: list[ScoringColumn] = []
    targets: dict[int, list[str]] = {}
    for c, ps in enumerate(parts):
        role = None
        for k in range(len(ps) - 1, -1, -1):
            role = header_role(ps[k])
            if role:
                if role == "target":
                    targets[c] = ps[k:]
                break
        cols.append(ScoringColumn(c, "/".join(ps), role))
    return cols, targets


def _one_column_per_role(cols: list[ScoringColumn]) -> None:
    """A role claimed again is dropped, except a weight or score: two of those make every
    weight and score column unknown."""
    seen: dict[str, int] = {}
    for col in cols:
        if col.role is None:
            continue
        seen[col.role] = seen.get(col.role, 0) + 1
        if seen[col.role] > 1:
            col.role = "ambiguous" if col.role in NUMBER_ROLES else None
    if any(c.role == "ambiguous" for c in cols):
        for col in cols:
            if col.role in NUMBER_ROLES or col.role == "ambiguous":
                col.role = None
