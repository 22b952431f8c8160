"""How a row of a budget table is named: its serial number and the level that
number's style gives (一 / （一） / 1. / （1）), its label, its kind (total, subtotal,
其中 line, item), and the group a category column merged down over its rows names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditlint.extract.headers import squash
from auditlint.extract.tables.model import Column
from auditlint.extract.tables.vocabulary import vocabulary
from auditlint.model import Cell

_SERIALS = [
    (1, re.compile(r"^([一二三四五六七八九十]+)(?:[、.．\s]|$)")),
    (2, re.compile(r"^([（(][一二三四五六七八九十]+[)）])")),
    (3, re.compile(r"^(\d+)[、.．](?!\d)")),
    (4, re.compile(r"^([（(]\d+[)）])")),
]


@lru_cache(maxsize=1 << 16)  # pure; each label is split by many readers
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


def serial_column(texts: list[str]) -> bool:
    """Does a column hold serial numbers (1, 2 / 一, （一） / 1.) and total labels only?"""
    for t in texts:
        serial, rest, _ = serial_cell(t)
        if serial and not rest:
            continue
        if not serial and row_kind(t) in ("total", "subtotal"):
            continue
        return False
    return True


def norm_label(label: str) -> str:
    """The label without whitespace and a trailing colon, for matching words."""
    return squash(label).strip("：:")


def row_kind(label: str) -> str:
    """"of_which" (其中：…), "subtotal" (小计), "total" (合计, 总计 …) or "item"."""
    v = vocabulary()
    lab = norm_label(label)
    if any(lab.startswith(p) for p in v.of_which_prefixes):
        return "of_which"
    if any(w in lab for w in v.subtotal_labels):
        return "subtotal"
    if lab in v.total_labels or any(lab.endswith(w) for w in v.total_labels if len(w) > 2):
        return "total"
    if lab.endswith(("合计", "总计")):
        return "total"
    return "item"


def row_label(cells: list[Cell], label_cols: list[Column], categories: set[int],
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


def category_columns(data: list[list[Cell]], label_cols: list[Column]) -> set[int]:
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


def running_count(data: list[list[Cell]], c: int) -> bool:
    """Is a 序号 column a plain row count (1, 2, 3 … without restarting)?"""
    numbers = [int(m.group(1)) for row in data if c < len(row) and (m := _BARE_NUMBER.match(row[c].text.strip()))]
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))
