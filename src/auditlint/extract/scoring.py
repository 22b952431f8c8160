"""Scoring tables (指标体系得分, 指标评分表) → ``facts.scoring``.

A table is a scoring table when its header names a weight (权重, 分值) or a score (得分)
column and at least one indicator-name column (一级/二级/三级指标, 指标名称). Header words
are data (``vocab/scoring.yaml``). Each data row becomes an ``Indicator`` with
its level path, weight (own column, or inline in its name: 立项依据充分性（2.5分）), target,
rule text and parsed rule, stated actual and score; group cells (决策（15分）) become
``Group``s with their inline weight and the indicators under them, whether the group
cell is merged, blank below its first row, or repeated; the total row (合计, 总分, 得分)
becomes a ``TotalRow``. In a table with one indicator column, a row whose label heads a
group (决策（20分）, 一、决策) and whose 分值 and 得分 are the sums of the rows under it is
that group's subtotal: a ``Group``, not an indicator. A row whose numbers a reader had to
place by guess gives no numbers, except a total row whose label says what its one number is.
The target column is the year's (``extract/indicators.year_target``): beside a 中期目标 it is
the 年度目标, whether the header prints them in one row or under a spanning 指标值; when which
target column is the year's cannot be told, the table has no target column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint import vocab
from auditlint.extract.headers import first_role, squash
from auditlint.extract.indicators import year_target
from auditlint.extract.meta import evaluated_year
from auditlint.extract.scoring_rules import Reading, Rule, parse_rule, reading_of, readings_in
from auditlint.extract.tables import split_serial
from auditlint.model import Cell, Location, Table
from auditlint.numbers import Approx, Quantity, asum, compare, find_quantities, normalize, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts


LEVEL_ROLES = ("level1", "level2", "level3")
NUMBER_ROLES = ("weight", "score")


# ---------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class Vocabulary:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    total_labels: frozenset[str]
    score_total_labels: frozenset[str]
    subtotal_labels: frozenset[str]
    unweighted_rows: tuple[str, ...]
    hundred_point_words: tuple[str, ...]
    grade_scales: tuple[tuple[tuple[str, Decimal], ...], ...]


@vocab.cached
def vocabulary() -> Vocabulary:
    """The words in ``vocab/scoring.yaml``."""
    data = vocab.load("scoring")
    scales = tuple(
        tuple(sorted(((str(k), Decimal(str(v))) for k, v in scale.items()), key=lambda kv: kv[1], reverse=True))
        for scale in data.get("grade_scales", [])
    )
    return Vocabulary(
        roles=tuple((role, tuple(words)) for role, words in data["roles"].items()),
        total_labels=frozenset(data.get("total_labels", [])),
        score_total_labels=frozenset(data.get("score_total_labels", [])),
        subtotal_labels=frozenset(data.get("subtotal_labels", [])),
        unweighted_rows=tuple(data.get("unweighted_rows", [])),
        hundred_point_words=tuple(data.get("hundred_point_words", [])),
        grade_scales=scales,
    )


_SPACE = re.compile(r"\s+")
_UNIT_NOTE = re.compile(r"[（(]\s*(?:分|%|％|万元|元)\s*[)）]")
_INLINE = re.compile(r"^(?P<name>.*?)\s*[（(]\s*(?P<w>\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$")


def header_role(header: str) -> str | None:
    h = squash(_UNIT_NOTE.sub("", header))  # a scoring header's note may be （分）
    if not h or _INLINE.match(h):
        return None
    return first_role(h, vocabulary().roles)


def split_inline(text: str) -> tuple[str, Quantity | None]:
    """"决策（15分）" → ("决策", 15). A name without a weight in brackets comes back whole."""
    t = normalize(text).strip()
    m = _INLINE.match(t)
    if not m or not m.group("name").strip():
        return text.strip(), None
    q = parse_quantity(m.group("w"))
    return text.strip()[: len(m.group("name"))].strip(), q


# ---------------------------------------------------------------------------
# the model


@dataclass
class ScoringColumn:
    index: int  # 0-based column of the grid
    header: str  # header parts joined with "/"
    role: str | None


@dataclass
class Indicator:
    """One scored row."""

    row: int  # 0-based row of its grid
    name: str
    path: tuple[str, ...]  # group names above it, then its own name
    snippet: str = ""  # the row's printed cells
    cells: dict[str, Cell] = field(default_factory=dict)  # by role, plus "name"
    weight: Quantity | None = None
    weight_inline: bool = False  # read from the name ("立项依据充分性（2.5分）")
    score: Quantity | None = None
    target: str = ""
    actual: str = ""
    rule_text: str = ""
    rule: Rule | None = None  # None: no rule printed for this row
    unweighted: bool = False  # a bonus or penalty row (加分项): no weight by design
    guessed: bool = False  # a reader placed the row's cells by guess: its numbers were not taken

    @property
    def target_readings(self) -> list[Reading]:
        return _readings(self.target)

    @property
    def actual_readings(self) -> list[Reading]:
        return _readings(self.actual)

    @property
    def target_quantity(self) -> Quantity | None:
        """The target as one number ("≥95%", "363.21万人"), when it is one."""
        return _one_quantity(self.target)

    @property
    def actual_quantity(self) -> Quantity | None:
        """The stated actual as one number, when it states exactly one."""
        return _one_quantity(self.actual)

    def weight_location(self) -> Location | None:
        cell = self.cells.get("weight") if not self.weight_inline else self.cells.get("name")
        return cell.location if cell is not None else None

    def rule_location(self, offset: int) -> Location | None:
        """Where the character at ``offset`` of the rule text is printed."""
        cell = self.cells.get("rule")
        return cell_location(cell, offset) if cell is not None else None


@dataclass
class Group:
    """A group header (一级/二级指标) and the indicators printed under it."""

    level: int  # 1-based position among the table's level columns
    name: str
    cell: Cell
    weight: Quantity | None = None  # inline: 决策（15分）, or in the 分值 column beside the group's
    members: list[int] = field(default_factory=list)  # positions in ScoringTable.indicators
    weight_cell: Cell | None = None  # the 分值 cell beside the group's, when the weight is printed there
    uncertain: bool = False  # a row below it was placed by guess and may belong to it: its sum is unknown


@dataclass
class TotalRow:
    row: int
    label: str
    label_cell: Cell
    snippet: str = ""
    weight: Quantity | None = None
    weight_cell: Cell | None = None
    score: Quantity | None = None
    score_cell: Cell | None = None
    # one number a reader could not place, under a label that does not say which total it is
    either: Quantity | None = None
    either_cell: Cell | None = None


@dataclass
class ScoringTable:
    table: Table  # the first grid, when a page break split the table and its header was printed again
    header_rows: int
    columns: list[ScoringColumn]
    indicators: list[Indicator] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    totals: list[TotalRow] = field(default_factory=list)
    parts: list[Table] = field(default_factory=list)  # every grid it was read from
    # rows with a weight or score that could not be read as an indicator: the table's
    # sums are then unknown
    unread: list[int] = field(default_factory=list)

    def column(self, role: str) -> ScoringColumn | None:
        return next((c for c in self.columns if c.role == role), None)

    def has(self, role: str) -> bool:
        return self.column(role) is not None

    @property
    def total(self) -> TotalRow | None:
        return self.totals[-1] if self.totals else None

    def roles(self) -> tuple[str | None, ...]:
        return tuple(c.role for c in self.columns)

    def absorb(self, other: ScoringTable) -> None:
        """Take in the rows of the grid that continues this table after a page break."""
        base = len(self.indicators)
        self.indicators.extend(other.indicators)
        for g in other.groups:
            g.members = [m + base for m in g.members]
        self.groups.extend(other.groups)
        self.totals.extend(other.totals)
        self.parts.extend(other.parts)
        self.unread.extend(other.unread)

    @property
    def complete(self) -> bool:
        """Every scored row was read: sums over the table mean something."""
        return not self.unread


def row_snippet(row: list[Cell]) -> str:
    return " ".join(c.text for c in row if c.text.strip())[:160]


def _readings(text: str) -> list[Reading]:
    if not text.strip():
        return []
    q = parse_quantity(text)
    if q is not None and q.is_number:
        r = reading_of(q)
        return [r] if r is not None else []
    return readings_in(text)


def _one_quantity(text: str) -> Quantity | None:
    if not text.strip():
        return None
    q = parse_quantity(text)
    if q is not None and q.is_number:
        return q
    found = [m.quantity for m in find_quantities(text) if m.quantity.unit not in ("年", "月", "日", "号")
             and (m.quantity.unit or m.quantity.comparator)]
    return found[0] if len(found) == 1 else None


def points_of(q: Quantity | None) -> Approx | None:
    """A weight or score as an interval: weights and scores stand for themselves
    ("2", "2.5"), but one printed with two or more decimals ("33.33") was rounded."""
    if q is None or q.value is None:
        return None
    return Approx.printed(q.value, q.decimals) if q.decimals >= 2 else Approx.exact(q.value)


def cell_location(cell: Cell, offset: int) -> Location:
    """The location of character ``offset`` of ``cell.text``: the cell's lines are
    rejoined as the reader joined them, so the line a number sits on is known."""
    loc = cell.location
    raw_lines = cell.raw.split("\n") if cell.raw else []
    if loc.line is None or not raw_lines:
        return loc
    pos = 0
    first = next((i for i, ln in enumerate(raw_lines) if ln.strip()), 0)
    starts: list[tuple[int, int]] = []
    out = ""
    for i, ln in enumerate(raw_lines):
        part = ln.strip()
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalpha():
            out += " "
        starts.append((len(out), i))
        out += part
    if out != cell.text:
        return loc
    idx = first
    for pos, i in starts:
        if pos <= offset:
            idx = i
    return loc.with_(line=loc.line + (idx - first), column=None)


# ---------------------------------------------------------------------------
# reading a table


def _numberish(text: str) -> bool:
    t = text.strip()
    if not t or not any(ch.isdigit() for ch in t):
        return False
    q = parse_quantity(t)
    return q is not None and q.is_number


def _header_rows_at(table: Table, first: int) -> int:
    """How many header rows start at row ``first`` (0: none): rows without numbers whose
    cells name roles, the first of them at least two."""
    n = 0
    for r in range(first, min(table.n_rows, first + 4)):
        texts = [c.text for c in table.rows[r]]
        if r > first and _names_under_target(table, first, r):
            n += 1
            continue
        if any(_numberish(t) for t in texts):
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
        q = parse_quantity(row[c].text.strip()) if _numberish(row[c].text) else None
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


def _header_span(table: Table) -> tuple[int, int]:
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
    roles = {c.role for c in _columns(table, first, n)}
    return bool(roles & set(LEVEL_ROLES)) and bool(roles & set(NUMBER_ROLES))


def _spanned_target(table: Table, r: int, c: int, end: int, left: str) -> bool:
    """A blank header cell right of a target header (指标值) over a column that the header
    rows below name (中期目标 | 年度目标): in plain text the spanning cell prints once, and
    the blank beside it is under it."""
    cell = table.cell(r, c)
    if cell is None or cell.text.strip() or not left.strip() or header_role(left) != "target":
        return False
    return any((below := table.cell(k, c)) is not None and below.text.strip() for k in range(r + 1, end))


def _columns(table: Table, first: int, n: int, year: int | None = None) -> list[ScoringColumn]:
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
    cols: list[ScoringColumn] = []
    targets: dict[int, list[str]] = {}  # column → its header parts from the one naming the target down
    for c, ps in enumerate(parts):
        role = None
        for k in range(len(ps) - 1, -1, -1):
            role = header_role(ps[k])
            if role:
                if role == "target":
                    targets[c] = ps[k:]
                break
        cols.append(ScoringColumn(c, "/".join(ps), role))
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
    _group_weights(cols)
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
    return cols


def group_weight_role(level_role: str) -> str:
    """The role of the 分值 column printed right after a group level's column."""
    return f"weight_{level_role}"


def _group_weights(cols: list[ScoringColumn]) -> None:
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


def _label(row: list[Cell]) -> tuple[str, Cell | None]:
    for cell in row:
        if cell.text.strip():
            if _numberish(cell.text):
                return "", None
            return squash(cell.text), cell
    return "", None


def _number(cell: Cell | None) -> Quantity | None:
    if cell is None or not cell.text.strip():
        return None
    q = parse_quantity(cell.text)
    if q is None or not q.is_number or q.comparator is not None or q.upper is not None:
        return None
    if q.unit not in (None, "分"):
        return None
    return q


def scoring_table(table: Table, year: int | None = None) -> ScoringTable | None:
    """The table as a scoring table, or None when it is not one. ``year``: the year the
    report evaluates, which tells the year's target column from another period's."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    first, n = _header_span(table)
    if not n:
        return None
    cols = _columns(table, first, n, year)
    roles = {c.role for c in cols}
    levels = [c for c in cols if c.role in LEVEL_ROLES]
    if not levels or not (roles & set(NUMBER_ROLES)):
        return None
    st = ScoringTable(table, first + n, cols, parts=[table])
    st.indicators.extend(_funding_rows(table, first))
    funding = len(st.indicators)
    _read_rows(st, sorted(levels, key=lambda c: c.index))
    if len(st.indicators) == funding:
        return None
    return st


def _outline_kind(ind: Indicator) -> tuple[str, int] | None:
    """How a scored row's label marks a possible group head: its serial number's depth
    (一、决策 → ("serial", 1)), or a weight in brackets after its name (决策（20分） →
    ("inline", 0)); None for a plain name."""
    cell = ind.cells.get("name")
    if cell is None:
        return None
    depth = _serial_depth(cell.text)
    if depth is not None:
        return ("serial", depth)
    if split_inline(cell.text)[1] is not None:
        return ("inline", 0)
    return None


def _adds_up(head: Quantity | None, parts: list[Quantity | None]) -> bool | None:
    """Whether a group row's weight (or score) is the sum of its rows': None when it prints none."""
    if head is None:
        return None
    stated = points_of(head)
    values = [points_of(q) for q in parts]
    if stated is None or any(v is None for v in values):
        return False
    return compare(stated, asum(v for v in values if v is not None)).ok


def _group_rows(st: ScoringTable, levels: int) -> None:
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
    rows = st.indicators
    kinds = [None if i.guessed else _outline_kind(i) for i in rows]
    order: list[tuple[str, int]] = []
    for k in kinds:
        if k is not None and k not in order:
            order.append(k)
    rank = [order.index(k) if k is not None else None for k in kinds]
    heads: dict[int, list[int]] = {}  # row position → the indicators' positions under it
    spans: dict[int, list[int]] = {}  # row position → every row under it, nested heads too
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
        if not members:
            continue
        checks = [_adds_up(rows[i].weight, [rows[j].weight for j in members]),
                  _adds_up(rows[i].score, [rows[j].score for j in members])]
        if False in checks or not any(checks):
            continue
        heads[i], spans[i] = members, span
    if not heads:
        return
    keep = [j for j in range(len(rows)) if j not in heads]
    new_pos = {j: n for n, j in enumerate(keep)}
    for g in st.groups:
        g.members = [new_pos[m] for m in g.members if m in new_pos]
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


def _funding_rows(table: Table, first: int) -> list[Indicator]:
    """The scored rows of the funding block above the indicator header (年度资金总额 |
    年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): the funds' execution is
    scored, and its points belong to the table's total. Each row is read by the block's
    own header row."""
    out: list[Indicator] = []
    weight_col = score_col = None
    printed = block_weight = block_score = 0  # cells the block's header row prints; where 分值 and 得分 are
    for r in range(first):
        row = table.rows[r]
        texts = [c.text for c in row]
        if not any(_numberish(t) for t in texts):
            roles = [header_role(t) for t in texts]
            if "weight" in roles and "score" in roles:
                weight_col, score_col = roles.index("weight"), roles.index("score")
                own = [header_role(c.text) for c in row if not c.merged]
                printed = len(own)
                block_weight, block_score = own.index("weight"), own.index("score")
            continue
        if weight_col is None or score_col is None:
            continue
        if r in table.uncertain_rows:
            # a block with its own header row, narrower than the indicator header below it:
            # the reader could not place the row by column, but a row printing one cell under
            # each of the block's headings is read by that header, in order
            cells = [c for c in row if not c.merged]
            if len(cells) != printed:
                continue
            weight_cell, score_cell = cells[block_weight], cells[block_score]
        elif max(weight_col, score_col) < len(row):
            weight_cell, score_cell = row[weight_col], row[score_col]
        else:
            continue
        label, label_cell = _label(row)
        weight, score = _number(weight_cell), _number(score_cell)
        if label_cell is None or weight is None or score is None:
            continue
        name = label_cell.text.strip()
        ind = Indicator(row=r, name=name, path=(name,), snippet=row_snippet(row), weight=weight, score=score)
        ind.cells.update(name=label_cell, weight=weight_cell, score=score_cell)
        out.append(ind)
    return out


def _read_rows(st: ScoringTable, levels: list[ScoringColumn]) -> None:
    v = vocabulary()
    table = st.table
    name_col = levels[-1].index
    open_groups: dict[int, Group] = {}  # level → the group rows currently fall under
    headings: dict[int, Group] = {}  # serial depth → the numbered heading rows currently fall under
    for r in range(st.header_rows, table.n_rows):
        row = table.rows[r]
        label, label_cell = _label(row)
        if label_cell is not None and (label in v.total_labels or label in v.score_total_labels
                                       or (len(label) > 2 and label.endswith(("合计", "总计")))):
            st.totals.append(_total_row(st, r, label, label_cell))
            continue
        if label in v.subtotal_labels or any(label.endswith(w) for w in v.subtotal_labels):
            continue
        depth = _serial_depth(label_cell.text) if label_cell is not None else None
        if depth is not None:
            # a numbered row closes the headings of its own depth and deeper: it is their sibling
            for d in [d for d in headings if d >= depth]:
                del headings[d]
            if _heading_row(row, label_cell):
                # 一、决策（15分） / （一）项目立项（6分） printed alone on its row, across the
                # table or in its name column: it heads the rows below it, down to the next
                # heading of its depth or above
                assert label_cell is not None
                gname, gweight = split_inline(label_cell.text)
                headings[depth] = Group(0, gname, label_cell, gweight)
                st.groups.append(headings[depth])
                open_groups.clear()
                continue
        guessed = r in table.uncertain_rows
        if guessed:
            placed = _placed(st, r, levels)
            if placed is not None:
                row, sure_groups = placed
                guessed = False
                if not sure_groups:
                    # the row's group cells could sit at more than one level: the groups
                    # open above it may or may not hold it
                    for group in open_groups.values():
                        group.uncertain = True
                    open_groups.clear()
        # group cells: a printed cell opens a group at its level and closes deeper ones
        name_cell = row[name_col] if name_col < len(row) else None
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
                gweight_cell = _role_cell(st, row, group_weight_role(col.role or ""))
                gweight = _number(gweight_cell)
            group = Group(k, gname, cell, gweight, weight_cell=gweight_cell if gweight is not None else None)
            st.groups.append(group)
            open_groups[k] = group
            for deeper in [lv for lv in open_groups if lv > k]:
                del open_groups[deeper]
        weight_cell = _role_cell(st, row, "weight")
        score_cell = _role_cell(st, row, "score")
        numbers = not guessed and (_number(weight_cell) is not None or _number(score_cell) is not None)
        own_weight: Cell | None = None  # the 分值 printed beside a group cell that is the row's indicator
        if name_cell is None or not name_cell.text.strip():
            # no name of its own: when scored, the deepest group cell printed on the row is
            # the indicator (a two-level table, or a level-2 indicator beside level-3 ones)
            opened = [g for g in open_groups.values() if any(g.cell is c for c in row)]
            if numbers and not opened:
                st.unread.append(r)
            if not numbers or not opened:
                continue
            own = max(opened, key=lambda g: g.level)
            st.groups.remove(own)
            del open_groups[own.level]
            name_cell = own.cell
            own_weight = _role_cell(st, row, group_weight_role(levels[own.level - 1].role or ""))
        if not any(c.text.strip() for k, c in enumerate(row) if k < len(st.columns)
                   and st.columns[k].role not in LEVEL_ROLES and c is not name_cell):
            continue  # a heading printed in the name column: nothing is assessed on it
        ind = _indicator(st, r, row, name_cell, weight_cell, score_cell, guessed, open_groups)
        if ind.weight is None and not guessed and _number(own_weight) is not None and not (weight_cell and weight_cell.text.strip()):
            ind.weight, ind.cells["weight"] = _number(own_weight), own_weight  # type: ignore[assignment]
        ind.path = tuple(h.name for _, h in sorted(headings.items())) + ind.path
        pos = len(st.indicators)
        st.indicators.append(ind)
        for group in [*headings.values(), *open_groups.values()]:
            group.members.append(pos)
    # a 合计 with indicators after it totals a group, not the table
    last = st.indicators[-1].row if st.indicators else -1
    st.totals = [t for t in st.totals if t.row > last]


_MAX_GAPS = 2  # cells a short row may leave out for its placements to be tried


def _placed(st: ScoringTable, r: int, levels: list[ScoringColumn]) -> tuple[list[Cell], bool] | None:
    """A row the reader placed by guess (it prints fewer cells than the table has columns),
    placed again by what each column holds: in the rows the reader placed for sure, a
    column holds plain numbers only (分值, 得分) or never does (names, 目标值 with units,
    notes), and a name column never holds a figure. Every way of spreading the row's
    cells over the columns in order that keeps to this is tried; when all agree on every
    column but the group levels, that is the row (and, when they agree on those too, its
    groups are sure: the second value). Else None: the row stays unread."""
    from itertools import combinations

    table = st.table
    width = len(st.columns)
    printed = [c for c in table.rows[r] if not c.merged]
    gaps = width - len(printed)
    if not 0 < gaps <= _MAX_GAPS:
        return None
    kinds: list[set[bool]] = [set() for _ in range(width)]
    for k in range(st.header_rows, table.n_rows):
        if k in table.uncertain_rows:
            continue
        for c, cell in enumerate(table.rows[k][:width]):
            if not cell.merged and cell.text.strip():
                kinds[c].add(_number(cell) is not None)
    level_cols = {c.index for c in levels}
    fits: list[list[Cell | None]] = []
    for holes in combinations(range(width), gaps):
        it = iter(printed)
        spread = [None if c in holes else next(it) for c in range(width)]
        if all(_fits(cell, kinds[c], c in level_cols) for c, cell in enumerate(spread)):
            fits.append(spread)
    if not fits:
        return None
    name_col = levels[-1].index

    def name_of(spread: list[Cell | None]) -> Cell | None:
        return next((cell for c in sorted(level_cols, reverse=True)
                     if (cell := spread[c]) is not None and cell.text.strip()), None)

    first = fits[0]
    others = [c for c in range(width) if c not in level_cols]
    if any(any(f[c] is not first[c] for c in others) or name_of(f) is not name_of(first) for f in fits[1:]):
        return None
    sure = all(all(f[c] is first[c] for c in level_cols) for f in fits[1:])
    blank = Cell("", table.rows[r][0].location, merged=True)
    row = [cell if cell is not None else blank for cell in first]
    if not sure:
        row = [blank if c in level_cols else cell for c, cell in enumerate(row)]
        row[name_col] = name_of(first) or blank
    return row, sure


def _fits(cell: Cell | None, kinds: set[bool], level: bool) -> bool:
    if cell is None or not cell.text.strip():
        return True
    if level:
        return not _numberish(cell.text)
    number = _number(cell) is not None
    return not kinds or number in kinds


def _serial_depth(text: str) -> int | None:
    """The depth of a row's serial number: 一、 1, （一） 2, 1. 3, （1） 4; None when unnumbered."""
    return split_serial(normalize(text))[2]


def _heading_row(row: list[Cell], label_cell: Cell | None) -> bool:
    """A row that prints its label and nothing else: no weight, score, target or result."""
    return label_cell is not None and not any(c.text.strip() for c in row if c is not label_cell and not c.merged)


def _role_cell(st: ScoringTable, row: list[Cell], role: str) -> Cell | None:
    col = st.column(role)
    if col is None or col.index >= len(row):
        return None
    return row[col.index]


def _indicator(st: ScoringTable, r: int, row: list[Cell], name_cell: Cell, weight_cell: Cell | None,
               score_cell: Cell | None, guessed: bool, open_groups: dict[int, Group]) -> Indicator:
    name, inline = split_inline(name_cell.text)
    path = tuple(g.name for _, g in sorted(open_groups.items())) + (name,)
    ind = Indicator(row=r, name=name, path=path, snippet=row_snippet(row))
    ind.cells["name"] = name_cell
    for role in ("weight", "score", "target", "actual", "deviation", "rule", "explain"):
        cell = _role_cell(st, row, role)
        if cell is not None:
            ind.cells[role] = cell
    ind.guessed = guessed
    if not guessed:
        ind.weight = _number(weight_cell)
        ind.score = _number(score_cell)
    if ind.weight is None and inline is not None and (weight_cell is None or not weight_cell.text.strip()):
        ind.weight, ind.weight_inline = inline, True
    ind.target = ind.cells["target"].text if "target" in ind.cells else ""
    ind.actual = ind.cells["actual"].text if "actual" in ind.cells else ""
    if "rule" in ind.cells and ind.cells["rule"].text.strip():
        ind.rule_text = ind.cells["rule"].text
        ind.rule = parse_rule(ind.rule_text)
    ind.unweighted = any(w in squash(part) for part in path for w in vocabulary().unweighted_rows)
    return ind


def _total_row(st: ScoringTable, r: int, label: str, label_cell: Cell) -> TotalRow:
    v = vocabulary()
    row = st.table.rows[r]
    total = TotalRow(r, label, label_cell, row_snippet(row))
    found = [(c, q) for c in row if (q := _number(c)) is not None]
    guessed = r in st.table.uncertain_rows
    score_label = label in v.score_total_labels
    if len(found) == 1 and (guessed or score_label):
        cell, q = found[0]
        if score_label:
            total.score, total.score_cell = q, cell
        else:
            total.either, total.either_cell = q, cell
        return total
    if guessed:
        pair = _weight_then_score(st, r, found)
        if pair is not None:
            (total.weight_cell, total.weight), (total.score_cell, total.score) = pair
        return total  # else several numbers placed by guess: nothing certain
    wc, sc = _role_cell(st, row, "weight"), _role_cell(st, row, "score")
    if _number(wc) is None:
        # the total of the weights printed under the first group level's 分值 (一级指标 | 分值 | …)
        outer = next((c for c in st.columns if c.role and c.role.startswith("weight_")), None)
        if outer is not None:
            wc = _role_cell(st, row, outer.role or "")
    total.weight, total.weight_cell = _number(wc), wc
    total.score, total.score_cell = _number(sc), sc
    return total


def _weight_then_score(st: ScoringTable, r: int, found: list[tuple[Cell, Quantity]]) -> tuple[tuple[Cell, Quantity], ...] | None:
    """A total row whose label spans several columns ("合计 | 100 | 99.97"), placed by guess:
    its two numbers are the weights' and the scores' totals, in the order of those columns,
    when they are the only columns of the rows above that hold plain numbers."""
    w, sc = st.column("weight"), st.column("score")
    if len(found) != 2 or w is None or sc is None or w.index > sc.index:
        return None
    table = st.table
    numeric = {c for k in range(st.header_rows, r) if k not in table.uncertain_rows
               for c, cell in enumerate(table.rows[k]) if _number(cell) is not None}
    if numeric != {w.index, sc.index}:
        return None
    return found[0], found[1]


_PAGE_NOISE = 20  # a paragraph this short between two grids is a page header, footer or number


def extract_into(facts: Facts) -> None:
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
        _group_rows(st, sum(1 for c in st.columns if c.role in LEVEL_ROLES))


__all__ = [
    "Group", "Indicator", "ScoringColumn", "ScoringTable", "TotalRow", "cell_location", "header_role", "points_of",
    "scoring_table", "split_inline", "vocabulary",
]
