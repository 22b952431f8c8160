"""Which column of a budget table holds what: the header rows, each column's
canonical role (from its header words, its neighbours and its numbers), whether the
numbers fit the roles, and the kind of table the roles and labels make.
"""

from __future__ import annotations

import re

from auditlint.extract.headers import bare, first_role, header_unit, squash
from auditlint.extract.tables.cells import digit_number, numberish
from auditlint.extract.tables.labels import serial_column, split_serial
from auditlint.extract.tables.model import (
    AMOUNT_ROLES,
    RATE_ROLES,
    SHARE_ROLES,
    SUM_PREFIX,
    Column,
    Row,
    summable,
)
from auditlint.extract.tables.vocabulary import vocabulary
from auditlint.memo import memo_while
from auditlint.model import Cell, Table
from auditlint.numbers import parse_quantity

# header words of numeric columns that do not add up down a table (prices, standards,
# averages, rates, years, codes, scores)
_NOT_ADDITIVE = ("率", "比例", "比重", "占比", "%", "％", "单价", "价格", "标准", "平均", "均", "定额", "系数",
                 "指数", "排名", "名次", "序号", "编号", "编码", "代码", "年份", "年度", "日期", "时间", "期限",
                 "分值", "得分", "权重", "电话", "倍", "同比", "环比", "增减", "增长", "下降", "变动")


# "占实际支出比例", "占项目支出比重": a share of whatever it names, whichever amount
# word (实际支出) it contains
_SHARE_PHRASE = re.compile(r"^占.{1,12}(?:比例|比重)")


@memo_while(vocabulary)  # asked of every cell of a table's top rows, by several readings
def header_role(header: str) -> str | None:
    """The canonical role a header names ("调整后预算数（万元）" → "budget_adjusted")."""
    h = bare(header)
    if not h:
        return None
    if _SHARE_PHRASE.match(h):
        return "share"
    return first_role(h, vocabulary().roles)


def count_header_rows(table: Table) -> int:
    """How many rows at the top are header rows: they end at the first row with a
    number, a serial-numbered label, or no role word (unless it names a span's parts)."""
    n = 0
    for r, row in enumerate(table.rows):
        texts = [c.text for c in row]
        if any(numberish(t) for t in texts):
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


def column_headers(table: Table, header_rows: int) -> list[list[str]]:
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


def column_roles(table: Table, header_rows: int) -> list[Column]:
    """Every column of the grid with its role, unit and printed precision."""
    heads = column_headers(table, header_rows)
    cols: list[Column] = []
    data = table.rows[header_rows:]
    for c, parts in enumerate(heads):
        texts = [row[c].text for row in data if c < len(row) and row[c].text.strip()]
        role = _role_from_data(_header_role_of(parts), texts, any(col.role == "label" for col in cols))
        decimals = max([0, *(q.decimals for q in (digit_number(t) for t in texts) if q is not None)])
        unit = next((u for u in (header_unit(p) for p in parts) if u), None)
        cols.append(Column(index=c, header="/".join(parts), role=role, unit=unit, decimals=decimals))
    _contextual_roles(cols, heads)
    _zero_column_precision(cols, data)
    _ambiguous_roles(cols)
    for col in cols:
        if col.role is None and _additive_column(col, [row[col.index].text for row in data if col.index < len(row)]):
            col.role = f"{SUM_PREFIX}{col.index}"
    return cols


def _header_role_of(parts: list[str]) -> str | None:
    """The role the lowest header part naming one gives: it is the most specific."""
    return next((role for role in map(header_role, reversed(parts)) if role), None)


def _role_from_data(role: str | None, texts: list[str], has_label: bool) -> str | None:
    """The header's role, corrected by what the column holds: a column of mostly text
    is the label (or a note, when there is a label already), and a label, note or
    serial column of mostly numbers is none of these."""
    numeric = sum(numberish(t) for t in texts)
    if texts and numeric * 2 < len(texts) and role not in ("serial", "label", "note"):
        role = "label" if not has_label else "note"
    # a 序号 column of 1, 2, 3 reads as numbers but stays what its header says
    if texts and numeric * 2 > len(texts) and role in ("serial", "label", "note") and not (
        role == "serial" and serial_column(texts)
    ):
        role = None
    return role


def _zero_column_precision(cols: list[Column], data: list[list[Cell]]) -> None:
    """A column of zeros shows no precision of its own: it is printed like its neighbours."""
    amount_decimals = max((c.decimals for c in cols if c.role in AMOUNT_ROLES), default=0)
    for col in cols:
        if col.role in AMOUNT_ROLES and not _has_nonzero(data, col.index):
            col.decimals = amount_decimals


def _ambiguous_roles(cols: list[Column]) -> None:
    """Two columns claiming one role make the table ambiguous for that role: amounts
    become ``sum:`` columns, anything else loses its role."""
    seen: dict[str, int] = {}
    for col in cols:
        if col.role and col.role not in ("serial", "label", "note"):
            seen[col.role] = seen.get(col.role, 0) + 1
    for col in cols:
        if col.role and seen.get(col.role, 0) > 1:
            col.role = f"{SUM_PREFIX}{col.index}" if col.role in AMOUNT_ROLES else None


def _additive_column(col: Column, texts: list[str]) -> bool:
    """A column no role names that still adds up down the table: a header of its own
    that is not a price, standard, average, rate, year or code, and numbers (most of
    its cells) that are not percentages."""
    header = squash(col.header)
    if not header or any(w in header for w in _NOT_ADDITIVE) or col.unit == "%":
        return False
    texts = [t.strip() for t in texts if t.strip()]
    numbers = [q for q in (digit_number(t) for t in texts) if q is not None]
    if len(numbers) < 2 or len(numbers) * 2 <= len(texts):
        return False
    return not any(q.unit == "%" for q in numbers)


def _has_nonzero(data: list[list[Cell]], c: int) -> bool:
    for row in data:
        if c < len(row):
            q = digit_number(row[c].text)
            if q is not None and q.value != 0:
                return True
    return False


def _contextual_roles(cols: list[Column], heads: list[list[str]]) -> None:
    v = vocabulary()
    roles = [c.role for c in cols]
    for k, col in enumerate(cols):
        last = squash(heads[k][-1]) if heads[k] else ""
        if col.role is None and last in v.sum_after_adjustments and "budget_adjusted" not in roles:
            before = roles[:k]
            if before and before[-1] in ("add", "cut", "adjust") and "budget_initial" in before:
                col.role = "budget_adjusted"
                roles[k] = "budget_adjusted"


def data_fits_roles(table: Table, header_rows: int, columns: list[Column]) -> bool:
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


def table_kind(rows: list[Row], columns: list[Column]) -> str:
    """One of KINDS but "other": 三公 by its item labels, income by its totals, share
    by a share column without a budget, else budget."""
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

