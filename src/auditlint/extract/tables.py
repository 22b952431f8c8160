"""Budget-execution, 三公 and share tables: column roles and row hierarchy.

A table is classified by its header words (vocabulary in ``vocab/headers.yaml``)
and each column gets a canonical role. Rows get a label, a kind (total, subtotal,
group header, item, 其中 line) and a parent, from their serial numbers and labels
where printed and from the numbers where not ("which rows does 项目支出 total?":
the block of rows that adds up to it in some column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint import vocab
from auditlint.extract.headers import UNIT_NOTE, bare, first_role, header_unit
from auditlint.model import Cell, Paragraph, Table
from auditlint.numbers import Quantity, asum, compare, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts


# Canonical column roles. Amount roles add up down a column; the others do not.
AMOUNT_ROLES = ("budget_initial", "add", "cut", "adjust", "budget_adjusted", "received", "actual", "prior_actual")
RATE_ROLES = ("rate",)
SHARE_ROLES = ("share",)
# received_rate (到位率) is recognised so that 资金到位率 is not taken for the funds
# received; nothing recomputes it yet
ROLES = ("serial", "label", *AMOUNT_ROLES, *RATE_ROLES, "received_rate", *SHARE_ROLES, "note")
# what an execution rate is taken over, in order of preference: the adjusted budget
# when the table prints one ("执行率" against 调整预算数), else the initial budget (三公
# tables: 执行进度 against 年初预算), else the funds received (到位数: "实际支出÷到位资金")
RATE_BASES = ("budget_adjusted", "budget_initial", "received")
# table kinds: budget execution, 三公/会议/培训, a spending-structure table of shares,
# and an income table (收入合计 over 财政拨款收入, 事业收入 …: its amounts are income,
# not spending, though it is read like the others)
KINDS = ("budget", "sangong", "share", "income", "other")
# A column of amounts or counts whose header names none of the roles above (合同金额,
# 补贴面积（亩）, 地方政府专项债券 under 资金安排), or one of two columns claiming the same
# role (2024年决算数 and 2023年决算数), still adds up down the table: it gets the role
# "sum:<column index>", which only the table-total check (AL101) and the hierarchy
# read. A table whose amounts are all such columns is of kind "other" and is shared
# in ``facts.extra["sum_tables"]``, not ``facts.tables``: nothing but its sums is
# understood.
SUM_PREFIX = "sum:"
# header words of numeric columns that do not add up down a table (prices, standards,
# averages, rates, years, codes, scores)
_NOT_ADDITIVE = ("率", "比例", "比重", "占比", "%", "％", "单价", "价格", "标准", "平均", "均", "定额", "系数",
                 "指数", "排名", "名次", "序号", "编号", "编码", "代码", "年份", "年度", "日期", "时间", "期限",
                 "分值", "得分", "权重", "电话", "倍", "同比", "环比", "增减", "增长", "下降", "变动")


def is_sum_role(role: str | None) -> bool:
    return role is not None and role.startswith(SUM_PREFIX)


def summable(role: str | None) -> bool:
    """Does the column add up down the table (an amount role or a ``sum:`` column)?"""
    return role in AMOUNT_ROLES or is_sum_role(role)


@dataclass
class Column:
    index: int  # 0-based column of the grid
    header: str  # header text, header rows joined with "/"
    role: str | None
    unit: str | None = None  # "万元" when the header says so
    decimals: int = 0  # most decimals printed in the column


@dataclass
class Row:
    index: int  # 0-based row of the grid
    label: str  # the item's name, serial number removed
    serial: str = ""  # "一", "（一）", "1" …
    level: int | None = None  # depth from the serial style; None when unlabelled
    kind: str = "item"  # "total" | "subtotal" | "group" | "item" | "of_which"
    cells: dict[str, Cell] = field(default_factory=dict)
    values: dict[str, Quantity] = field(default_factory=dict)
    parent: int | None = None  # position in CanonicalTable.rows of the row that totals this one
    children: list[int] = field(default_factory=list)  # positions in CanonicalTable.rows
    # the children are every row of the total's span, taken flat because neither the
    # printed marks (serials, 小计, 其中) nor the numbers showed a structure
    flat_guess: bool = False

    def has(self, role: str) -> bool:
        q = self.values.get(role)
        return q is not None and q.is_number


@dataclass
class CanonicalTable:
    table: Table
    kind: str  # one of KINDS
    header_rows: int
    columns: list[Column]
    rows: list[Row]  # data rows, in order
    unit: str | None = None  # table-wide unit ("单位：万元"), when stated
    # what checks derive from the table and share (checks/values.py validates each table
    # once for AL301–AL303); not part of the table's identity
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def roles(self) -> list[str]:
        return [c.role for c in self.columns if c.role]

    def value(self, row: Row, role: str) -> Quantity | None:
        """The row's number in that role, read at the column's precision."""
        q = row.values.get(role)
        col = self.column(role)
        if q is None or not q.is_number or col is None:
            return q
        return q.with_decimals(col.decimals)

    def total(self, role: str) -> Decimal | None:
        """The grand total of an amount column, for materiality."""
        for r in self.rows:
            if r.kind == "total" and r.has(role):
                return r.values[role].value
        vals = [abs(r.values[role].value) for r in self.rows if r.has(role)]
        return max(vals) if vals else None

    def rate_base(self) -> str | None:
        """The column an execution rate is taken over (see RATE_BASES)."""
        roles = self.roles()
        return next((b for b in RATE_BASES if b in roles), None)

    def top_totals(self) -> list[Row]:
        """Total rows that no other row totals: what shares are taken of."""
        return [r for r in self.rows if r.kind == "total" and r.parent is None and r.children]



# ---------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class Vocabulary:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    sum_after_adjustments: frozenset[str]
    total_labels: tuple[str, ...]
    subtotal_labels: tuple[str, ...]
    of_which_prefixes: tuple[str, ...]
    not_budget: tuple[str, ...]
    sangong_labels: tuple[str, ...]
    sangong_items: tuple[str, ...]


@vocab.cached
def vocabulary() -> Vocabulary:
    """The header words in ``vocab/headers.yaml``."""
    data = vocab.load("headers")
    return Vocabulary(
        roles=tuple((role, tuple(words)) for role, words in data["roles"].items()),
        sum_after_adjustments=frozenset(data.get("sum_after_adjustments", [])),
        total_labels=tuple(data.get("total_labels", [])),
        subtotal_labels=tuple(data.get("subtotal_labels", [])),
        of_which_prefixes=tuple(data.get("of_which_prefixes", [])),
        not_budget=tuple(data.get("not_budget", [])),
        sangong_labels=tuple(data.get("sangong_labels", [])),
        sangong_items=tuple(data.get("sangong_items", [])),
    )


_SPACE = re.compile(r"\s+")
# "占实际支出比例", "占项目支出比重": a share of whatever it names, whichever amount
# word (实际支出) it contains
_SHARE_PHRASE = re.compile(r"^占.{1,12}(?:比例|比重)")


def header_role(header: str) -> str | None:
    h = bare(header)
    if not h:
        return None
    if _SHARE_PHRASE.match(h):
        return "share"
    return first_role(h, vocabulary().roles)


# ---------------------------------------------------------------------------
# row labels

_SERIALS = [
    (1, re.compile(r"^([一二三四五六七八九十]+)(?:[、.．\s]|$)")),
    (2, re.compile(r"^([（(][一二三四五六七八九十]+[)）])")),
    (3, re.compile(r"^(\d+)[、.．](?!\d)")),
    (4, re.compile(r"^([（(]\d+[)）])")),
]


def split_serial(text: str) -> tuple[str, str, int | None]:
    """"（一）基本支出" → ("（一）", "基本支出", 2)."""
    t = text.strip()
    for level, rx in _SERIALS:
        m = rx.match(t)
        if m:
            return m.group(1), t[m.end() :].strip(" 、.．:："), level
    return "", t, None


_BARE_NUMBER = re.compile(r"^(\d{1,3})[、.．]?$")


def serial_cell(text: str) -> tuple[str, str, int | None]:
    """A cell of a 序号 column: like ``split_serial``, and a bare "1" there is a serial
    too (at the level of "1."), not a label."""
    m = _BARE_NUMBER.match(text.strip())
    if m:
        return m.group(1), "", 3
    return split_serial(text)


def _serial_column(texts: list[str]) -> bool:
    """Does a column hold serial numbers (1, 2 / 一, （一） / 1.) and total labels only?"""
    for t in texts:
        serial, rest, _ = serial_cell(t)
        if serial and not rest:
            continue
        if not serial and row_kind(t) in ("total", "subtotal"):
            continue
        return False
    return True


def _norm_label(label: str) -> str:
    return _SPACE.sub("", label).strip("：:")


def row_kind(label: str) -> str:
    v = vocabulary()
    lab = _norm_label(label)
    if any(lab.startswith(p) for p in v.of_which_prefixes):
        return "of_which"
    if any(w in lab for w in v.subtotal_labels):
        return "subtotal"
    if lab in v.total_labels or any(lab.endswith(w) for w in v.total_labels if len(w) > 2):
        return "total"
    if lab.endswith(("合计", "总计")):
        return "total"
    return "item"


# ---------------------------------------------------------------------------
# tables


def _digit_number(text: str) -> Quantity | None:
    t = text.strip()
    if not t or not any(ch.isdigit() for ch in t):
        return None
    q = parse_quantity(t)
    return q if q is not None and q.is_number else None


def _numberish(text: str) -> bool:
    t = text.strip()
    if not t:
        return False
    q = parse_quantity(t)
    return q is not None and (q.placeholder is not None or (q.is_number and any(ch.isdigit() for ch in t)))


def _header_rows(table: Table) -> int:
    n = 0
    for r, row in enumerate(table.rows):
        texts = [c.text for c in row]
        if any(_numberish(t) for t in texts):
            break
        first = next((t for t in texts if t.strip()), "")
        if r > 0 and split_serial(first)[2] is not None:
            break
        # a second header row names no role when it names the parts of a span above
        # (资金安排: 地方政府专项债券 | 市级财政资金 | 小计); it leaves the label column
        # blank, which a data row never does
        if r > 0 and not any(header_role(t) for t in texts if t) and not (
            texts and not texts[0].strip() and sum(1 for t in texts if t.strip()) >= 2
        ):
            break
        n += 1
    return n


def _column_headers(table: Table, header_rows: int) -> list[list[str]]:
    """Per column, the header texts from top to bottom, a merged span's text
    repeated over the columns it covers."""
    width = table.n_cols
    out: list[list[str]] = [[] for _ in range(width)]
    for r in range(header_rows):
        row = table.rows[r]
        carry = ""
        unknown = _unknown_spans(table, r, header_rows)
        for c in range(width):
            cell = row[c] if c < len(row) else None
            if cell is None or c in unknown:
                continue
            if cell.merged:
                text = carry
            else:
                text = cell.text
                carry = text
            if text and (not out[c] or out[c][-1] != text):
                out[c].append(text)
    return out


def _unknown_spans(table: Table, r: int, header_rows: int) -> set[int]:
    """The columns whose header in row ``r`` is unknown: "项目 | 2024年 | 2023年" above
    "| 预算数 | 决算数 | 预算数 | 决算数" in a text layout that does not say what each upper
    cell spans (no cell is marked merged and the upper row stops short). Its cells then
    name only the columns nothing below names (项目); for the others, which year a
    column falls under is not known, and it is named by the lower row alone."""
    row = table.rows[r]
    lower = [c for c in range(table.n_cols) if any(
        c < len(table.rows[k]) and table.rows[k][c].text.strip() for k in range(r + 1, header_rows))]
    filled = [c for c in range(len(row)) if row[c].text.strip()]
    if not filled or filled != list(range(filled[0], filled[-1] + 1)) or not any(c > filled[-1] for c in lower):
        return set()
    # a row padded to the grid (the text reader marks the padding merged), not one whose
    # spans are printed: nothing is merged before its last filled cell
    if any(row[c].merged for c in range(filled[-1] + 1)):
        return set()
    return set(lower)


def _roles(table: Table, header_rows: int) -> list[Column]:
    heads = _column_headers(table, header_rows)
    cols: list[Column] = []
    data = table.rows[header_rows:]
    for c, parts in enumerate(heads):
        role = None
        for part in reversed(parts):  # the lowest header row is the most specific
            role = header_role(part)
            if role:
                break
        texts = [row[c].text for row in data if c < len(row) and row[c].text.strip()]
        numeric = sum(_numberish(t) for t in texts)
        if texts and numeric * 2 < len(texts) and role not in ("serial", "label", "note"):
            role = "label" if not any(col.role == "label" for col in cols) else "note"
        # a 序号 column of 1, 2, 3 reads as numbers but stays what its header says
        if texts and numeric * 2 > len(texts) and role in ("serial", "label", "note") and not (
            role == "serial" and _serial_column(texts)
        ):
            role = None
        decimals = 0
        for t in texts:
            q = _digit_number(t)
            if q is not None:
                decimals = max(decimals, q.decimals)
        unit = next((u for u in (header_unit(p) for p in parts) if u), None)
        cols.append(Column(index=c, header="/".join(parts), role=role, unit=unit, decimals=decimals))
    _contextual_roles(cols, heads)
    # a column of zeros shows no precision of its own: it is printed like its neighbours
    amount_decimals = max((c.decimals for c in cols if c.role in AMOUNT_ROLES), default=0)
    for col in cols:
        if col.role in AMOUNT_ROLES and not _has_nonzero(data, col.index):
            col.decimals = amount_decimals
    # two columns claiming one role make the table ambiguous for that role
    seen: dict[str, int] = {}
    for col in cols:
        if col.role and col.role not in ("serial", "label", "note"):
            seen[col.role] = seen.get(col.role, 0) + 1
    for col in cols:
        if col.role and seen.get(col.role, 0) > 1:
            col.role = f"{SUM_PREFIX}{col.index}" if col.role in AMOUNT_ROLES else None
    for col in cols:
        if col.role is None and _additive_column(col, [row[col.index].text for row in data if col.index < len(row)]):
            col.role = f"{SUM_PREFIX}{col.index}"
    return cols


def _additive_column(col: Column, texts: list[str]) -> bool:
    """A column no role names that still adds up down the table: a header of its own
    that is not a price, standard, average, rate, year or code, and numbers (most of
    its cells) that are not percentages."""
    header = _SPACE.sub("", col.header)
    if not header or any(w in header for w in _NOT_ADDITIVE) or col.unit == "%":
        return False
    texts = [t.strip() for t in texts if t.strip()]
    numbers = [q for q in (_digit_number(t) for t in texts) if q is not None]
    if len(numbers) < 2 or len(numbers) * 2 <= len(texts):
        return False
    return not any(q.unit == "%" for q in numbers)


def _has_nonzero(data: list[list[Cell]], c: int) -> bool:
    for row in data:
        if c < len(row):
            q = _digit_number(row[c].text)
            if q is not None and q.value != 0:
                return True
    return False


def _contextual_roles(cols: list[Column], heads: list[list[str]]) -> None:
    v = vocabulary()
    roles = [c.role for c in cols]
    for k, col in enumerate(cols):
        last = _SPACE.sub("", heads[k][-1]) if heads[k] else ""
        if col.role is None and last in v.sum_after_adjustments and "budget_adjusted" not in roles:
            before = roles[:k]
            if before and before[-1] in ("add", "cut", "adjust") and "budget_initial" in before:
                col.role = "budget_adjusted"
                roles[k] = "budget_adjusted"


def _table_unit(doc_blocks: list, table: Table) -> str | None:
    pos = next(i for i, b in enumerate(doc_blocks) if b is table)
    for b in reversed(doc_blocks[max(0, pos - 2) : pos]):
        if isinstance(b, Paragraph):
            m = re.search(r"单位[:：]\s*(万元|元|亿元|千元)", b.text)
            if m:
                return m.group(1)
    first = table.rows[0][0].text if table.rows and table.rows[0] else ""
    m = re.search(r"单位[:：]\s*(万元|元|亿元|千元)", first)
    return m.group(1) if m else None


def funds_block(table: Table) -> Table | None:
    """The funds block of a 自评表 (the central template): a header row of its own
    (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) above rows of amounts
    (年度资金总额, 其中：当年财政拨款, 上年结转资金 …), then the indicator part of the table.
    The block, cut out with its cells' locations, is a budget table of its own; the
    points it carries are the scoring check's. None when there is no such block."""
    for h, row in enumerate(table.rows):
        if any(_numberish(c.text) for c in row):
            continue
        roles = {header_role(c.text) for c in row if c.text.strip()}
        if "actual" not in roles or not roles & {"budget_initial", "budget_adjusted"}:
            continue
        end = h + 1
        while end < table.n_rows and any(_digit_number(c.text) for c in table.rows[end]):
            end += 1
        if end - h < 2:
            return None
        return Table(index=table.index, rows=table.rows[h:end], location=table.location,
                     uncertain_rows=frozenset(r - h for r in table.uncertain_rows if h <= r < end))
    return None


def canonical_table(table: Table, blocks: list | None = None, *, block: bool = False) -> CanonicalTable | None:
    """A budget or 三公 table with canonical roles, or None for any other table.
    ``block``: a funds block cut out of a scoring table (its 分值 and 得分 columns are
    not what makes it a scoring table)."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    header_rows = _header_rows(table)
    if header_rows == 0:
        return None
    header_text = "".join(c.text for r in table.rows[:header_rows] for c in r)
    v = vocabulary()
    if not block and any(w in header_text for w in v.not_budget):
        return None
    columns = _roles(table, header_rows)
    amount_cols = [c for c in columns if summable(c.role)]
    ratio_cols = [c for c in columns if c.role in RATE_ROLES or c.role in SHARE_ROLES]
    # two amount columns, or one with the rate or share taken of it (a spending-structure
    # table: 实际支出数 | 占总支出比例)
    if len(amount_cols) + min(1, len(ratio_cols)) < 2 or not any(c.role in ("label", "serial") for c in columns):
        return None
    if not _data_fits_roles(table, header_rows, columns):
        return None
    label_cols = [c for c in columns if c.role in ("serial", "label")]
    data = table.rows[header_rows:]
    categories = _category_columns(data, label_cols)
    counters = {c.index for c in label_cols if c.role == "serial" and _running_count(data, c.index)}
    rows: list[Row] = []
    group = ""
    for r in range(header_rows, table.n_rows):
        if r in table.uncertain_rows:
            continue
        cells = table.rows[r]
        serial, label, level, category = _row_label(cells, label_cols, categories, counters)
        group = category or group
        kind = row_kind(label) if label else "item"
        if kind == "subtotal" and group and _norm_label(label) in vocabulary().subtotal_labels:
            label = group + label  # "小计" under 基本支出 in a 支出类别 column: 基本支出小计
        row = Row(index=r, label=label, serial=serial, level=level)
        row.kind = kind
        for col in columns:
            if summable(col.role) or col.role in RATE_ROLES or col.role in SHARE_ROLES:
                if col.index < len(cells):
                    cell = cells[col.index]
                    row.cells[col.role] = cell
                    q = parse_quantity(cell.text) if cell.text.strip() else None
                    if q is not None:
                        row.values[col.role] = q
        if not any(row.has(c.role) for c in columns if summable(c.role)):
            if not label:
                continue
            row.kind = "group" if row.kind == "item" else row.kind
        rows.append(row)
    if not rows:
        return None
    for row in rows:
        if not row.label:  # messages and keys need a name: the serial, else the row as counted in the grid
            row.label = row.serial or f"第{row.index + 1}行"
    standard = [c for c in columns if c.role in AMOUNT_ROLES]
    # only sums are understood of a table that has not two named amount columns (or
    # one and its rate or share)
    kind = _kind(rows, columns) if len(standard) + min(1, len(ratio_cols)) >= 2 else "other"
    unit = _table_unit(blocks, table) if blocks is not None else None
    ct = CanonicalTable(table=table, kind=kind, header_rows=header_rows, columns=columns, rows=rows, unit=unit)
    _of_which_lists(ct)
    infer_hierarchy(ct)
    return ct


def _row_label(cells: list[Cell], label_cols: list[Column], categories: set[int],
               counters: set[int]) -> tuple[str, str, int | None, str]:
    """The row's serial, label and level from its label columns, and the group a
    category column names on it. In a category column (支出类别 merged down over its
    items: 基本支出 printed on the first of them only) the text names the group, and
    the item's own label is in the next column."""
    serial, label, level, category = "", "", None, ""
    filled = [c for c in label_cols if c.index < len(cells) and cells[c.index].text.strip()]
    for k, col in enumerate(filled):
        text = cells[col.index].text
        if col.index in categories and any(c.role == "label" for c in filled[k + 1 :]):
            category = text.strip()
            continue
        s, lab, lev = serial_cell(text) if col.role == "serial" else split_serial(text)
        if col.index in counters:
            s, lev = "", None  # a running row count says nothing of the hierarchy
        if s and not serial:
            serial, level = s, lev
        if lab and not label:
            label = lab
    return serial, label, level, category


def _category_columns(data: list[list[Cell]], label_cols: list[Column]) -> set[int]:
    """Label columns merged down over the rows of a group: empty on some rows where a
    label column to their right is filled, and filled on others together with it."""
    out: set[int] = set()
    labels = [c.index for c in label_cols if c.role == "label"]
    for k, c in enumerate(labels[:-1]):
        right = labels[k + 1 :]

        def filled(row: list[Cell], j: int) -> bool:
            return j < len(row) and bool(row[j].text.strip())

        alone = any(not filled(row, c) and any(filled(row, j) for j in right) for row in data)
        together = any(filled(row, c) and any(filled(row, j) for j in right) for row in data)
        if alone and together:
            out.add(c)
    return out


def _running_count(data: list[list[Cell]], c: int) -> bool:
    """Is a 序号 column a plain row count (1, 2, 3 … without restarting)?"""
    numbers = [int(m.group(1)) for row in data if c < len(row) and (m := _BARE_NUMBER.match(row[c].text.strip()))]
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))


def _data_fits_roles(table: Table, header_rows: int, columns: list[Column]) -> bool:
    """Do the numbers under each header look like what the header says? A rate or
    share column of big amounts (thousands separators, or beyond 1000 with no % in
    sight) or an amount column of percentages means the header sits over the wrong
    column: the table is not understood, and nothing is said about it."""
    data = table.rows[header_rows:]
    for col in columns:
        if not summable(col.role) and col.role not in (*RATE_ROLES, *SHARE_ROLES):
            continue
        texts = [row[col.index].text.strip() for row in data if col.index < len(row) and row[col.index].text.strip()]
        numbers = [q for q in (parse_quantity(t) for t in texts) if q is not None and q.is_number]
        if not numbers:
            continue
        percent = sum(1 for q in numbers if q.unit == "%")
        if summable(col.role):
            if percent * 2 > len(numbers):
                return False
            continue
        if any(_THOUSANDS.search(t) for t in texts):
            return False
        if not percent and col.unit != "%" and any(abs(q.value) >= 1000 for q in numbers if q.value is not None):
            return False
    return True


_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")


def _kind(rows: list[Row], columns: list[Column]) -> str:
    v = vocabulary()
    labels = "".join(r.label for r in rows)
    if sum(w in labels for w in v.sangong_labels) >= 2:
        return "sangong"
    totals = [r.label for r in rows if r.kind == "total"]
    if totals and all("收入" in t and "支出" not in t for t in totals) and "支出" not in labels:
        return "income"
    roles = {c.role for c in columns}
    if "share" in roles and not roles & {"budget_initial", "budget_adjusted"}:
        return "share"
    return "budget"


# ---------------------------------------------------------------------------
# hierarchy: which rows does each total cover?


def _amount(ct: CanonicalTable, row: Row, role: str):
    """The row's amount as an interval at the column's precision; 0 for an empty
    or dash cell; None when it is not a number (NaN, text)."""
    from auditlint.numbers import Approx

    q = row.values.get(role)
    cell = row.cells.get(role)
    col = ct.column(role)
    decimals = col.decimals if col else 0
    if q is None:
        if cell is None or not cell.text.strip():
            return Approx.exact(0)
        return None
    if q.placeholder is not None and not q.undefined:
        return Approx.exact(0)
    if not q.is_number or q.comparator not in (None, "="):
        return None
    return Approx.printed(q.value, max(decimals, q.decimals))


def adds_up(ct: CanonicalTable, parent: Row, children: list[Row], role: str) -> bool | None:
    """Does ``parent`` equal the sum of ``children`` in this column? None when the
    column cannot say (a value missing, or everything zero)."""
    if not parent.has(role):
        return None
    stated = _amount(ct, parent, role)
    parts = [_amount(ct, ch, role) for ch in children]
    if stated is None or any(p is None for p in parts) or not children:
        return None
    if stated.mid == 0 and all(p.mid == 0 for p in parts):  # type: ignore[union-attr]
        return None
    return compare(stated, asum(parts)).level == "ok"  # type: ignore[arg-type]


def _anchor(ct: CanonicalTable, parent: Row, children: list[Row]) -> bool:
    return any(adds_up(ct, parent, children, role) for role in ct.roles() if summable(role))


def _significant_digits(q: Quantity) -> int:
    digits = "".join(ch for ch in q.text if ch.isdigit()).lstrip("0")
    return len(digits)


def _strong_anchor(ct: CanonicalTable, parent: Row, children: list[Row]) -> bool:
    """An unlabelled block is believed only on evidence a coincidence rarely gives:
    it adds up in two columns, or in one column whose total is printed with at least
    three significant digits over at least two non-zero rows. Small round amounts
    (追加 2 = 1 + 1) add up by chance all the time."""
    matched = [role for role in ct.roles() if summable(role) and adds_up(ct, parent, children, role)]
    if len(matched) >= 2:
        return True
    for role in matched:
        q = parent.values.get(role)
        nonzero = sum(1 for ch in children if ch.has(role) and ch.values[role].value != 0)
        if q is not None and _significant_digits(q) >= 3 and nonzero >= 2:
            return True
    return False


def infer_hierarchy(ct: CanonicalTable) -> None:
    """Set ``parent``/``children`` for every row that totals others.

    Printed structure is used first (serial levels, 小计, 其中); where the rows carry
    no structure, a row is taken to total the block of rows below it when they add
    up to it in at least one column (the anchor), and the table's total must then
    add up to the remaining top-level rows in at least one column as well. When
    nothing can be established the rows stay without a parent: no check will
    compare them.
    """
    rows = ct.rows
    positions = list(range(len(rows)))
    totals = [i for i in positions if rows[i].kind == "total"]
    if not totals:
        return
    # the rows a total covers: from the previous total (or the top) to it, or, for
    # a total printed first, everything after it
    spans: list[tuple[int, list[int]]] = []
    sections = _sections(rows, totals)
    if sections is not None:
        spans, totals = sections, []
    prev = -1
    for t in totals:
        if t == 0 or (t == totals[0] and all(rows[j].kind != "total" for j in positions[t + 1 :]) and t < len(rows) - 1 and _total_first(rows, t)):
            members = [j for j in positions[t + 1 :] if j not in totals]
        else:
            members = [j for j in positions[prev + 1 : t] if j not in totals]
        spans.append((t, members))
        prev = t
    for t, members in spans:
        members = [j for j in members if rows[j].kind != "group"]
        top = _structure(ct, members, t)
        if top is None:
            continue
        _link(ct, t, top)


def _sections(rows: list[Row], totals: list[int]) -> list[tuple[int, list[int]]] | None:
    """"一、收入合计 / （一）… / 二、支出合计 / （一）…": numbered totals that each head a
    section cover the rows numbered below them, up to the next row at their level.
    None unless every total is numbered and followed by a deeper-numbered row."""
    out = []
    for t in totals:
        level = rows[t].level
        if level is None or t + 1 >= len(rows) or rows[t + 1].level is None or rows[t + 1].level <= level:  # type: ignore[operator]
            return None
        members = []
        for j in range(t + 1, len(rows)):
            lev = rows[j].level
            if lev is not None and lev <= level:
                break
            members.append(j)
        out.append((t, members))
    return out


def _label_indent(ct: CanonicalTable, row: Row) -> int:
    """How far the row's label is indented as printed (``Cell.raw``), in characters."""
    cells = ct.table.rows[row.index]
    for col in ct.columns:
        if col.role == "label" and col.index < len(cells) and cells[col.index].text.strip():
            first = next((ln for ln in cells[col.index].raw.split("\n") if ln.strip()), "")
            return len(first) - len(first.lstrip(" \u3000\t"))
    return 0


def _of_which_lists(ct: CanonicalTable) -> None:
    """Rows that go on with a 其中 list without repeating 其中 are 其中 rows too.

    "一、基本支出 / 其中：人员经费 / 　　公用经费 / 二、项目支出": writing 其中 once and
    indenting the items after it is the usual way. The unnumbered rows after a 其中
    row belong to its list while they are indented further than the row the list is
    of; where nothing is indented, while they (with the 其中 rows) strongly add up
    to that row. A row with a serial number, a 小计 or a total ends the list."""
    rows = ct.rows
    i = 0
    while i < len(rows):
        if rows[i].kind != "of_which":
            i += 1
            continue
        run_end = i
        while run_end + 1 < len(rows) and rows[run_end + 1].kind == "of_which":
            run_end += 1
        parent = next((j for j in range(i - 1, -1, -1) if rows[j].kind != "of_which"), None)
        after = []
        for j in range(run_end + 1, len(rows)):
            if rows[j].kind != "item" or rows[j].serial:
                break
            after.append(j)
        take: list[int] = []
        if parent is not None and after:
            base = _label_indent(ct, rows[parent])
            for j in after:
                if _label_indent(ct, rows[j]) <= base:
                    break
                take.append(j)
            if not take:
                listed = rows[i : run_end + 1]
                # the longest run that adds up: rows of zeros after it (其他资金 0.00 in a
                # funds block) belong to the list as much as the rows before them
                for k in range(len(after), 0, -1):
                    if _strong_anchor(ct, rows[parent], [*listed, *(rows[j] for j in after[:k])]):
                        take = after[:k]
                        break
        for j in take:
            rows[j].kind = "of_which"
        i = (take[-1] if take else run_end) + 1


def _total_first(rows: list[Row], t: int) -> bool:
    return t == 0 or all(rows[j].kind == "group" for j in range(t))


def _link(ct: CanonicalTable, parent: int, children: list[int]) -> None:
    ct.rows[parent].children = list(children)
    for c in children:
        ct.rows[c].parent = parent


def _structure(ct: CanonicalTable, members: list[int], total: int) -> list[int] | None:
    """The top-level rows among ``members`` (linking deeper rows to their parents),
    or None when the structure cannot be established."""
    rows = ct.rows
    members = [j for j in members if rows[j].kind != "of_which"]
    if not members:
        return None
    levels = {rows[j].level for j in members if rows[j].level is not None}
    if len(levels) >= 1 and all(rows[j].level is not None or rows[j].kind == "subtotal" for j in members) and len(levels) > 1:
        return _by_levels(ct, members)
    if any(rows[j].kind == "subtotal" for j in members):
        return _by_subtotals(ct, members)
    # the rows as printed adding up to the total is the simplest structure: no
    # groups are looked for inside it
    if _strong_anchor(ct, rows[total], [rows[j] for j in members]):
        return members
    serial_top = _serial_top(ct, members, total)
    if serial_top is not None:
        return serial_top
    # groups found in the numbers must leave the total adding up to what remains;
    # otherwise they explain nothing and the rows stay flat
    blocks = _blocks_from_numbers(ct, members, rows[total])
    if not blocks:
        rows[total].flat_guess = True
        return members
    inner = {c for _, ch in blocks for c in ch}
    for parent, children in blocks:
        _link(ct, parent, children)
    return [j for j in members if j not in inner]


def _serial_top(ct: CanonicalTable, members: list[int], total: int) -> list[int] | None:
    """"一、建安工程费 / 二、工程建设其他费用 / 其中：监理费 / 设计费 / 三、预备费 / 合计":
    when the rows a total covers are numbered at one level (一、二、三) and the rows
    without a number sit among them, below a numbered row, the numbers mark the items
    the total sums and the unnumbered rows are details of the numbered row above them
    (a 其中 list that did not repeat 其中, or a breakdown that may be partial). The total
    is then the numbered rows' sum, on condition that they add up to it in some
    column (else the table is not understood: None). The details are linked to their
    row only when they strongly add up to it."""
    rows = ct.rows
    numbered = [j for j in members if rows[j].level is not None]
    levels = {rows[j].level for j in numbered}
    details = [j for j in members if rows[j].level is None]
    if len(levels) != 1 or len(numbered) < 2 or not details or rows[members[0]].level is None:
        return None
    if any(rows[j].kind != "item" for j in details):
        return None
    if not _anchor(ct, rows[total], [rows[j] for j in numbered]):
        return None
    for k, j in enumerate(numbered):
        end = numbered[k + 1] if k + 1 < len(numbered) else len(rows)
        below = [d for d in details if j < d < end]
        if len(below) >= 2 and _strong_anchor(ct, rows[j], [rows[d] for d in below]):
            _link(ct, j, below)
    return numbered


def _by_levels(ct: CanonicalTable, members: list[int]) -> list[int]:
    rows = ct.rows
    top_level = min(rows[j].level for j in members if rows[j].level is not None)  # type: ignore[type-var]
    stack: list[int] = []
    top: list[int] = []
    kids: dict[int, list[int]] = {}
    for j in members:
        lev = rows[j].level if rows[j].level is not None else top_level
        while stack and (rows[stack[-1]].level or top_level) >= lev:
            stack.pop()
        if stack:
            kids.setdefault(stack[-1], []).append(j)
        else:
            top.append(j)
        stack.append(j)
    for parent, children in kids.items():
        _link(ct, parent, children)
    return top


def _by_subtotals(ct: CanonicalTable, members: list[int]) -> list[int]:
    rows = ct.rows
    top: list[int] = []
    block: list[int] = []
    for j in members:
        if rows[j].kind == "subtotal":
            if block:
                _link(ct, j, block)
            top.append(j)
            block = []
        else:
            block.append(j)
    top.extend(block)
    return sorted(top)


_SEARCH_LIMIT = 5000  # block layouts tried per total; past it the rows stay flat


def _blocks_from_numbers(ct: CanonicalTable, members: list[int], total: Row) -> list[tuple[int, list[int]]]:
    """Rows that total the rows printed right below them, found from the numbers.

    A layout is a set of blocks (a row and the run of at least two rows below it
    that strongly add up to it); it is accepted only when the table's total then
    strongly adds up to the rows left at the top. Layouts are tried longest block
    first, and the first accepted one wins; none → no blocks. Trying layouts, not
    just the greedy one, matters: a chance match (基本支出 392.53 = the next four
    rows to the cent in one column) must not hide the real group below it."""
    rows = ct.rows
    n = len(members)
    candidates: dict[int, list[int]] = {}  # k → ends of blocks starting at members[k]
    for k in range(n):
        candidates[k] = [end for end in range(n, k + 2, -1)
                         if _strong_anchor(ct, rows[members[k]], [rows[j] for j in members[k + 1 : end]])]
    if not any(candidates.values()):
        return []
    budget = [_SEARCH_LIMIT]

    def search(k: int, tops: list[int], blocks: list[tuple[int, list[int]]]) -> list[tuple[int, list[int]]] | None:
        budget[0] -= 1
        if budget[0] < 0:
            return None
        if k == n:
            if blocks and _strong_anchor(ct, total, [rows[j] for j in tops]):
                return blocks
            return None
        for end in candidates[k]:
            found = search(end, [*tops, members[k]], [*blocks, (members[k], members[k + 1 : end])])
            if found is not None:
                return found
        return search(k + 1, [*tops, members[k]], blocks)

    return search(0, [], []) or []


def extract_into(facts: Facts) -> None:
    blocks = facts.document.blocks
    for table in facts.document.tables:
        ct = canonical_table(table, blocks)
        if ct is None:
            text = "".join(c.text for r in table.rows for c in r)
            sub = funds_block(table) if any(w in text for w in vocabulary().not_budget) else None
            ct = canonical_table(sub, block=True) if sub is not None else None
            if ct is not None:
                ct.unit = _table_unit(blocks, table)
        if ct is None:
            continue
        if ct.kind == "other":
            facts.extra.setdefault("sum_tables", []).append(ct)
        else:
            facts.tables.append(ct)


def sum_tables(facts: Facts) -> list[CanonicalTable]:
    """Every table whose sums can be checked: ``facts.tables`` and the tables of kind
    "other" (see SUM_PREFIX)."""
    return [*facts.tables, *facts.extra.get("sum_tables", [])]


ROLE_NAMES = {
    "budget_initial": ("预算数", "initial budget"),
    "add": ("追加", "additions"),
    "cut": ("扣减", "cuts"),
    "adjust": ("调整数", "adjustments"),
    "budget_adjusted": ("调整后预算数", "adjusted budget"),
    "received": ("到位数", "funds received"),
    "actual": ("实际支出数", "actual spending"),
    "prior_actual": ("上年决算数", "prior-year actual"),
    "rate": ("执行率", "execution rate"),
    "share": ("占比", "share"),
}


def column_name(ct: CanonicalTable, role: str, lang: str) -> str:
    """The column as the report calls it (zh) or its role in English."""
    if lang == "en" and not is_sum_role(role):
        return ROLE_NAMES.get(role, (role, role))[1]
    col = ct.column(role)
    if col is not None and col.header:
        name = UNIT_NOTE.sub("", col.header.split("/")[-1]).strip()
        if is_sum_role(role) and any(c is not col and c.header.split("/")[-1] == col.header.split("/")[-1] for c in ct.columns):
            return UNIT_NOTE.sub("", col.header.replace("/", "")).strip()  # 2024年决算数 beside 2023年决算数
        return name
    return ROLE_NAMES.get(role, (role, role))[0]


def row_snippet(ct: CanonicalTable, row: Row) -> str:
    cells = ct.table.rows[row.index]
    return " ".join(c.text for c in cells if c.text.strip())


def amount(ct: CanonicalTable, row: Row, role: str):
    """Public form of ``_amount`` for checks: the printed amount as an interval."""
    return _amount(ct, row, role)


# ---------------------------------------------------------------------------
# year-on-year columns: 本年 | 上年 | 增减率


@dataclass
class YoyColumns:
    """A table's year-on-year rate column and the two columns it compares (0-based
    grid columns), for AL204: 增减率 = (本年 − 上年) ÷ 上年."""

    table: Table
    header_rows: int
    label: int
    current: int
    prior: int
    rate: int
    names: tuple[str, str, str]  # the three headers as printed


_YOY_RATE = ("增减率", "增长率", "同比增长", "同比增减", "增减幅度", "增幅", "变动率", "增减%", "增减（%）")
_YEAR = re.compile(r"((?:19|20)\d{2})年?")


def yoy_columns(table: Table) -> YoyColumns | None:
    """The 增减率 column of a table and the columns it is taken of: the actual and
    prior-year actual columns (决算数 | 上年决算数), else two columns whose headers differ
    only by consecutive years (2023年 | 2024年, 2022年决算数 | 2023年决算数), the later one
    being this year's. None when there is not exactly one such reading."""
    header_rows = _header_rows(table)
    if header_rows == 0 or table.n_rows <= header_rows:
        return None
    heads = ["".join(_SPACE.sub("", p) for p in parts) for parts in _column_headers(table, header_rows)]
    rates = [c for c, h in enumerate(heads) if any(w in h for w in _YOY_RATE)]
    if len(rates) != 1:
        return None
    rate = rates[0]
    roles = [header_role(h) if h else None for h in heads]
    pairs: list[tuple[int, int]] = []
    if roles.count("actual") == 1 and roles.count("prior_actual") == 1:
        pairs.append((roles.index("actual"), roles.index("prior_actual")))
    else:
        by_key: dict[str, dict[int, int]] = {}
        for c, h in enumerate(heads):
            m = _YEAR.search(h)
            if m and c != rate:
                by_key.setdefault(_YEAR.sub("", h, count=1), {})[int(m.group(1))] = c
        for years in by_key.values():
            pairs += [(years[y], years[y - 1]) for y in years if y - 1 in years]
    if len(pairs) != 1:
        return None
    current, prior = pairs[0]
    label = next((c for c in range(min(current, prior, rate)) if heads[c] and not _NUMERIC_HEAD.match(heads[c])), 0)
    return YoyColumns(table, header_rows, label, current, prior, rate, (heads[current], heads[prior], heads[rate]))


_NUMERIC_HEAD = re.compile(r"^(序号|编号|单位)$")
