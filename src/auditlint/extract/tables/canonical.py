"""A grid read as a budget, 三公 or share table (``CanonicalTable``): the header rows
and column roles, then the rows with their labels, kinds and numbers, then which
rows total which. Also the funds block a 自评表 carries, read as a table of its own.
"""

from __future__ import annotations

import re

from auditlint.extract.tables.cells import digit_number, numberish
from auditlint.extract.tables.codes import code_columns, row_code
from auditlint.extract.tables.hierarchy import infer_hierarchy, of_which_lists
from auditlint.extract.tables.labels import category_columns, norm_label, row_kind, row_label, running_count
from auditlint.extract.tables.model import (
    AMOUNT_ROLES,
    RATE_ROLES,
    SHARE_ROLES,
    CanonicalTable,
    Column,
    Row,
    summable,
)
from auditlint.extract.tables.roles import column_roles, count_header_rows, data_fits_roles, header_role, table_kind
from auditlint.extract.tables.vocabulary import vocabulary
from auditlint.model import Cell, Paragraph, Table
from auditlint.numbers import parse_quantity

_UNIT = re.compile(r"单位[:：]\s*(万元|元|亿元|千元)")


def table_unit(doc_blocks: list, table: Table) -> str | None:
    """The table-wide unit ("单位：万元") printed in the two blocks before the table or
    in its first cell."""
    pos = next(i for i, b in enumerate(doc_blocks) if b is table)
    for b in reversed(doc_blocks[max(0, pos - 2) : pos]):
        if isinstance(b, Paragraph):
            m = _UNIT.search(b.text)
            if m:
                return m.group(1)
    first = table.rows[0][0].text if table.rows and table.rows[0] else ""
    m = _UNIT.search(first)
    return m.group(1) if m else None


def funds_block(table: Table) -> Table | None:
    """The funds block of a 自评表 (the central template): a header row of its own
    (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) above rows of amounts
    (年度资金总额, 其中：当年财政拨款, 上年结转资金 …), then the indicator part of the table.
    The block, cut out with its cells' locations, is a budget table of its own; the
    points it carries are the scoring check's. None when there is no such block."""
    for h, row in enumerate(table.rows):
        if any(numberish(c.text) for c in row):
            continue
        roles = {header_role(c.text) for c in row if c.text.strip()}
        if "actual" not in roles or not roles & {"budget_initial", "budget_adjusted"}:
            continue
        end = h + 1
        while end < table.n_rows and any(digit_number(c.text) for c in table.rows[end]):
            end += 1
        if end - h < 2:
            return None
        return Table(index=table.index, rows=table.rows[h:end], location=table.location,
                     uncertain_rows=frozenset(r - h for r in table.uncertain_rows if h <= r < end))
    return None


def canonical_table(table: Table, blocks: list | None = None, *, block: bool = False,
                    grid: Table | None = None) -> CanonicalTable | None:
    """A budget or 三公 table with canonical roles, or None for any other table.
    ``block``: a funds block cut out of a scoring table (its 分值 and 得分 columns are
    not what makes it a scoring table). ``grid``: the document's table this one was
    cut from (one half of a side-by-side grid), where its unit is printed."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    header_rows = count_header_rows(table)
    if header_rows == 0:
        return None
    header_text = "".join(c.text for r in table.rows[:header_rows] for c in r)
    if not block and any(w in header_text for w in vocabulary().not_budget):
        return None
    columns = column_roles(table, header_rows)
    for c in code_columns(table, header_rows, columns):
        columns[c].role = "code"
    # one half of a 收支总表 has one amount column (label | 决算数): its totals are still read
    half = grid is not None and grid is not table
    if not _reads_as_budget(table, header_rows, columns, 1 if half else 2):
        return None
    rows = _rows(table, header_rows, columns)
    if not rows:
        return None
    standard = [c for c in columns if c.role in AMOUNT_ROLES]
    ratios = min(1, len([c for c in columns if c.role in RATE_ROLES or c.role in SHARE_ROLES]))
    # only sums are understood of a table that has not two named amount columns (or
    # one and its rate or share)
    kind = table_kind(rows, columns) if len(standard) + ratios >= 2 else "other"
    unit = table_unit(blocks, grid or table) if blocks is not None else None
    ct = CanonicalTable(table=table, kind=kind, header_rows=header_rows, columns=columns, rows=rows, unit=unit)
    of_which_lists(ct)
    infer_hierarchy(ct)
    return ct


def _reads_as_budget(table: Table, header_rows: int, columns: list[Column], least: int = 2) -> bool:
    """Two amount columns (``least``), or one with the rate or share taken of it (a
    spending-structure table: 实际支出数 | 占总支出比例), a label or serial column, and
    numbers that fit."""
    amount_cols = [c for c in columns if summable(c.role)]
    ratio_cols = [c for c in columns if c.role in RATE_ROLES or c.role in SHARE_ROLES]
    if len(amount_cols) + min(1, len(ratio_cols)) < least or not any(c.role in ("label", "serial") for c in columns):
        return False
    return data_fits_roles(table, header_rows, columns)


def _rows(table: Table, header_rows: int, columns: list[Column]) -> list[Row]:
    label_cols = [c for c in columns if c.role in ("serial", "label")]
    data = table.rows[header_rows:]
    categories = category_columns(data, label_cols)
    counters = {c.index for c in label_cols if c.role == "serial" and running_count(data, c.index)}
    code_cols = [c.index for c in columns if c.role == "code"]
    above = [""] * len(code_cols)
    rows: list[Row] = []
    group = ""
    for r in range(header_rows, table.n_rows):
        if r in table.uncertain_rows:
            continue
        cells = table.rows[r]
        serial, label, level, category = row_label(cells, label_cols, categories, counters)
        code, words = row_code(cells, code_cols, above) if code_cols else ("", "")
        group = category or group
        row = _row(Row(index=r, label=label or words, serial=serial, level=level, code=code), cells, columns, group)
        if row is not None:
            rows.append(row)
    for row in rows:
        if not row.label:  # messages and keys need a name: the serial, else the row as counted in the grid
            row.label = row.serial or f"第{row.index + 1}行"
    return rows


def _row(row: Row, cells: list[Cell], columns: list[Column], group: str) -> Row | None:
    """The row with its kind and numbers; None for a row with neither a number nor a
    label. A row with a label and no amount is a group header."""
    label = row.label
    row.kind = row_kind(label) if label else "item"
    if row.kind == "subtotal" and group and norm_label(label) in vocabulary().subtotal_labels:
        row.label = group + label  # "小计" under 基本支出 in a 支出类别 column: 基本支出小计
    for col in columns:
        if (summable(col.role) or col.role in RATE_ROLES or col.role in SHARE_ROLES) and col.index < len(cells):
            cell = cells[col.index]
            row.cells[col.role] = cell  # type: ignore[index]
            q = parse_quantity(cell.text) if cell.text.strip() else None
            if q is not None:
                row.values[col.role] = q  # type: ignore[index]
    if not any(row.has(c.role) for c in columns if summable(c.role)):  # type: ignore[arg-type]
        if not label:
            return None
        row.kind = "group" if row.kind == "item" else row.kind
    return row
