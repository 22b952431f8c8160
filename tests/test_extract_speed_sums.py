"""``strong_anchors`` (one pass per column) answers what ``strong_anchor`` answers for
every run of rows below a parent, on generated tables built to add up often: runs of
rows whose sums are printed as the parent, zeros, dashes, text, and columns printed
at different precisions."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract.tables.model import CanonicalTable, Column, Row
from auditlint.extract.tables.sums import strong_anchor, strong_anchors
from auditlint.model import Cell, Location, Table
from auditlint.numbers import TOLERANCE, Tolerance, parse_quantity

ROLES = ["label", "budget_initial", "add", "actual", "rate", "sum:6"]
_LOC = Location("t.txt")


def _cell_text(rng: random.Random, value: Decimal, decimals: int) -> str:
    pick = rng.random()
    if pick < 0.05:
        return "—"
    if pick < 0.08:
        return "NaN"
    if pick < 0.10:
        return "见说明"
    if pick < 0.13:
        return ""
    return f"{value:.{decimals}f}"


def _table(rng: random.Random) -> CanonicalTable:
    n = rng.randint(1, 9)
    decimals = {role: rng.choice([0, 0, 1, 2]) for role in ROLES[1:]}
    amounts = [[Decimal(rng.choice([0, 0, 1, 2, 5, 10, 123, 4567])) + Decimal(rng.randint(0, 99)) / 100 for _ in ROLES[1:]] for _ in range(n)]
    # the parent is a run's sum, nudged by a rounding step or a slip now and then
    run = rng.randint(0, n)
    nudges = [Decimal(0), Decimal(0), Decimal("0.01"), Decimal(7)]
    parent = [sum((a[c] for a in amounts[:run]), Decimal(0)) + rng.choice(nudges) for c in range(len(ROLES) - 1)]
    texts = [{role: _cell_text(rng, v, decimals[role]) for role, v in zip(ROLES[1:], values)} for values in [parent, *amounts]]
    return _table_of(texts, decimals)


def _table_of(texts: list[dict[str, str]], decimals: dict[str, int]) -> CanonicalTable:
    rows: list[Row] = []
    grid: list[list[Cell]] = []
    for i, row_texts in enumerate(texts):
        cells = {role: Cell(text, _LOC, raw=text) for role, text in row_texts.items()}
        values = {role: q for role, text in row_texts.items() if (q := parse_quantity(text)) is not None}
        rows.append(Row(index=i, label=f"项{i}", cells=cells, values=values))
        grid.append([Cell(f"项{i}", _LOC), *cells.values()])
    columns = [Column(index=c, header=role, role=role, decimals=decimals.get(role, 0)) for c, role in enumerate(ROLES)]
    return CanonicalTable(Table(1, grid, _LOC), "budget", 1, columns, rows)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([0.0, 0.001]))
def test_strong_anchors_match_strong_anchor_on_every_run(seed: int, relative: float) -> None:
    ct = _table(random.Random(seed))
    parent, rows = ct.rows[0], ct.rows[1:]
    token = TOLERANCE.set(Tolerance(relative=relative))
    try:
        fast = strong_anchors(ct, parent, rows)
        slow = [strong_anchor(ct, parent, rows[:m]) for m in range(len(rows) + 1)]
    finally:
        TOLERANCE.reset(token)
    assert fast == slow


def test_a_run_that_adds_up_in_two_columns_is_found_and_only_that_run() -> None:
    # 60 + 40 = 100 and 5 + 15 = 20; the third row breaks both sums
    texts = [{"budget_initial": b, "add": a} for b, a in [("100", "20"), ("60", "5"), ("40", "15"), ("3", "1")]]
    ct = _table_of(texts, {})
    assert strong_anchors(ct, ct.rows[0], ct.rows[1:]) == [False, False, True, False]


def test_small_round_amounts_adding_up_in_one_column_are_not_believed() -> None:
    # 追加 2 = 1 + 1: one column, a total of one significant digit
    texts = [{"add": a, "actual": b} for a, b in [("2", "9"), ("1", "1"), ("1", "1")]]
    ct = _table_of(texts, {})
    assert strong_anchors(ct, ct.rows[0], ct.rows[1:]) == [False, False, False]
    texts = [{"add": a} for a in ("200", "100", "100")]
    ct = _table_of(texts, {})
    assert strong_anchors(ct, ct.rows[0], ct.rows[1:]) == [False, False, True]
