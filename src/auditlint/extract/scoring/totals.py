"""Total rows (合计, 总分, 得分): the weights' total and the scores' total, or, when the
reader placed the row by guess, what can still be told of them."""

from __future__ import annotations

from auditlint.extract.scoring.cells import number, role_cell, row_snippet
from auditlint.extract.scoring.model import ScoringTable, TotalRow
from auditlint.extract.scoring.vocabulary import vocabulary
from auditlint.model import Cell
from auditlint.numbers import Quantity


def is_total_label(label: str) -> bool:
    """A row label that names a table's total (合计, 总分, 自评得分, 项目合计 …)."""
    v = vocabulary()
    return label in v.total_labels or label in v.score_total_labels or (len(label) > 2 and label.endswith(("合计", "总计")))


def is_subtotal_label(label: str) -> bool:
    """A row label that names a subtotal (小计), which is no indicator and no total."""
    v = vocabulary()
    return label in v.subtotal_labels or any(label.endswith(w) for w in v.subtotal_labels)


def total_row(st: ScoringTable, r: int, label: str, label_cell: Cell) -> TotalRow:
    """Row ``r``, labelled ``label``, read as a total row."""
    v = vocabulary()
    row = st.table.rows[r]
    total = TotalRow(r, label, label_cell, row_snippet(row))
    found = [(c, q) for c in row if (q := number(c)) is not None]
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
    wc, sc = role_cell(st, row, "weight"), role_cell(st, row, "score")
    if number(wc) is None:
        # the total of the weights printed under the first group level's 分值 (一级指标 | 分值 | …)
        outer = next((c for c in st.columns if c.role and c.role.startswith("weight_")), None)
        if outer is not None:
            wc = role_cell(st, row, outer.role or "")
    total.weight, total.weight_cell = number(wc), wc
    total.score, total.score_cell = number(sc), sc
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
               for c, cell in enumerate(table.rows[k]) if number(cell) is not None}
    if numeric != {w.index, sc.index}:
        return None
    return found[0], found[1]
