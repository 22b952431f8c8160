"""Classification codes: the hierarchy a 科目编码 column prints.

The Ministry of Finance's tables set the 功能分类 code (类 201, 款 201 06, 项 201 06 01)
or the 经济分类 code (类 301, 款 301 01) beside each row, in one column (2010601) or
in three (类 | 款 | 项, each row repeating its parents' parts or leaving them blank).
The codes state the hierarchy: a 类 row is the sum of its 款 rows, a 款 row of its 项
rows, and the table's 合计 (人员经费合计, 总计 …) of its 类 rows. It is printed, not
inferred from the numbers, so a row that does not add up to its parts is a mistake.
"""

from __future__ import annotations

import re

from auditlint.extract.headers import squash
from auditlint.extract.tables.labels import row_kind
from auditlint.extract.tables.model import CanonicalTable, Column
from auditlint.model import Cell, Table

_CODE = re.compile(r"^\d{2,3}(?:\s*\d{2}){0,3}$")  # 201, 06, 2010601, "201 06 01"
# a scoring table's indicator code: 一级 A, 二级 A1, 三级 A11 (a letter, then a digit a
# level); or dotted, 1 / 1.1 / 1.1.1
_LETTER_CODE = re.compile(r"^[A-Za-z]\d{0,3}$")
_DOTTED_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}$")
_PART_HEADERS = ("类", "款", "项")
_CODE_HEADERS = ("编码", "代码")


def code_columns(table: Table, header_rows: int, columns: list[Column]) -> list[int]:
    """The columns that print a row's classification code: a header naming the code
    (科目编码) or one of its parts (类 | 款 | 项, which may sit on the first data row
    when the header rows were counted short), and cells that are codes, blank, or a
    total's label (合计 merged over the code columns). Two codes at least. An unnamed
    column right after a code column is named by it."""
    out = []
    for col in columns:
        parts = [squash(p) for p in col.header.split("/")]
        texts = [squash(row[col.index].text) for row in table.rows[header_rows:] if col.index < len(row)]
        named = any(p in _PART_HEADERS or any(w in p for w in _CODE_HEADERS) for p in parts)
        # 科目编码 printed over 类 only, its span not marked: the unnamed columns right of it
        named = named or (not any(parts) and bool(out) and out[-1] == col.index - 1)
        if not (named or any(t in _PART_HEADERS for t in texts)):
            continue
        codes = sum(1 for t in texts if _CODE.match(t))
        if codes >= 2 and all(not t or _CODE.match(t) or t in _PART_HEADERS or row_kind(t) == "total" for t in texts):
            out.append(col.index)
    return out


def row_code(cells: list[Cell], code_cols: list[int], above: list[str]) -> tuple[str, str]:
    """The row's full code and the words printed in its code columns (合计 merged over
    them). ``above`` holds the parts of the previous coded row, column by column: a
    row that leaves its parents' parts blank (款 06 under 类 201) takes them from it,
    and ``above`` is updated."""
    parts = [squash(cells[c].text) if c < len(cells) else "" for c in code_cols]
    words = "".join(p for p in parts if p and not _CODE.match(p) and p not in _PART_HEADERS)
    if any(p in _PART_HEADERS for p in parts):
        return "", words
    if words or not any(parts):
        return "", words
    last = max(k for k, p in enumerate(parts) if p)
    full = [parts[k] or above[k] for k in range(last + 1)]
    above[: last + 1] = full
    above[last + 1 :] = [""] * (len(above) - last - 1)
    return "".join(full), ""


def link_codes(ct: CanonicalTable) -> bool:
    """Set ``parent``/``children`` from the rows' codes: a coded row's parent is the
    nearest row above whose code is the longest proper prefix of its own; the rows no
    code contains are the table's total's parts (when the table prints one total). False
    when fewer than two rows carry a code (nothing to read)."""
    rows = ct.rows
    coded = [i for i, r in enumerate(rows) if r.code]
    if len(coded) < 2:
        return False
    top: list[int] = []
    kids: dict[int, list[int]] = {}
    for k, i in enumerate(coded):
        code = rows[i].code
        parent = max((j for j in coded[:k] if code.startswith(rows[j].code) and len(rows[j].code) < len(code)),
                     key=lambda j: (len(rows[j].code), j), default=None)
        if parent is None:
            top.append(i)
        else:
            kids.setdefault(parent, []).append(i)
    totals = [i for i, r in enumerate(rows) if r.kind == "total" and not r.code]
    if len(totals) == 1:
        kids[totals[0]] = top
    for parent, children in kids.items():
        rows[parent].children = list(children)
        rows[parent].flat_guess = False
        for c in children:
            rows[c].parent = parent
    return True


def indicator_code_depth(text: str) -> int | None:
    """The level an indicator code states: A 1, A1 2, A11 3; 1 1, 1.1 2, 1.1.1 3. None
    for what is no such code. Like a 类/款/项 code, it states the hierarchy: a row is
    the group of the rows after it whose codes are deeper."""
    t = squash(text)
    if _LETTER_CODE.match(t):
        return len(t)
    if _DOTTED_CODE.match(t):
        return t.count(".") + 1
    return None
