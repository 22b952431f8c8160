"""Linking a figure's name to the table rows it talks about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditlint.extract.narrative.model import RowRef
from auditlint.extract.narrative.names import match_key
from auditlint.extract.narrative.vocabulary import vocabulary
from auditlint.extract.tables import split_serial
from auditlint.extract.tables import vocabulary as table_vocabulary

if TYPE_CHECKING:
    from auditlint.extract.tables import CanonicalTable


def link_rows(tables: list[CanonicalTable], name: str) -> tuple[RowRef, ...]:
    """The table rows a name talks about: the same key as the row's label, or, for
    三公经费, the row that totals the three 三公 items."""
    key = match_key(name)
    v = vocabulary()
    if len(key) < 2 or key in v.trail_words or key in v.total_words:
        return ()  # "合计576.96万元" totals what its sentence lists, not every table's 合计 row
    out: list[RowRef] = []
    for ti, ct in enumerate(tables):
        for at in _rows_by_name(ct).get(key, ()):
            ref = RowRef(ti, at, ct.rows[at].label)
            if ref not in out:
                out.append(ref)
    if key in ("三公经费", "三公") and not out:
        items = table_vocabulary().sangong_items
        for ti, ct in enumerate(tables):
            if ct.kind != "sangong":
                continue
            for ri, row in enumerate(ct.rows):
                kids = [ct.rows[c].label for c in row.children]
                if row.kind in ("total", "subtotal") and kids and all(any(w in lab for w in items) for lab in kids):
                    out.append(RowRef(ti, ri, row.label))
    return tuple(out)


def _rows_by_name(ct: CanonicalTable) -> dict[str, list[int]]:
    """Every name's rows in the table (``_names_of_row`` of each row, in row order),
    built once per table: each money figure of the narrative asks for its name, and
    reading every row's names again for each made linking a report's figures
    quadratic. The table is complete (hierarchy linked) before any narrative is read."""
    index = ct.memo.get("rows_by_name")
    if index is None:
        index = {}
        for ri in range(len(ct.rows)):
            for key, at in _names_of_row(ct, ri).items():
                if at is not None:
                    index.setdefault(key, []).append(at)
        ct.memo["rows_by_name"] = index
    return index  # type: ignore[return-value]


def _names_of_row(ct: CanonicalTable, ri: int) -> dict[str, int | None]:
    """The names row ``ri`` answers to (as ``match_key``s), each with the row it names:
    the row itself for its label. A row with two names in its label columns ("基本支出 |
    工资福利支出": a category merged over the rows of its group, then the item) is the
    item's; the category names the group, whose total is the 小计 the row is under (None
    when the group has no subtotal of its own)."""
    row = ct.rows[ri]
    cells = ct.table.rows[row.index] if row.index < len(ct.table.rows) else []
    names = [split_serial(cells[c.index].text)[1] for c in ct.columns
             if c.role in ("serial", "label") and c.index < len(cells) and cells[c.index].text.strip()]
    names = [n for n in names if n]
    if len(names) < 2:
        return {match_key(row.label): ri} if row.label else {}
    parent = row.parent
    group = parent if parent is not None and ct.rows[parent].kind == "subtotal" else None
    named: dict[str, int | None] = {match_key(n): group for n in names[:-1]}
    named[match_key(names[-1])] = ri  # the item's own name wins over a category's
    return named
