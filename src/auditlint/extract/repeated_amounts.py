"""The table cells a narrative amount repeats, and the budget-table cells a spending
structure table restates: the reading behind AL503 (the same quantity stated twice).

A narrative amount repeats the row and column its name says (``amount_names``); a
project's multi-year amounts and their parts, amounts about counted things, a part of
the money (财政拨款 …) and amounts dated in another year are left out. An amount equal
(within its printed precision, in its own unit) to any amount column of its row —
计划数, 下达数, 到位数 beside 支出数 — is that column's figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from auditlint.extract.amount_names import MEASURES, OTHER_YEAR, PRIMARY, TOTAL, UNDETERMINED, Meaning, meaning
from auditlint.extract.facts import Facts
from auditlint.extract.figure_context import FigureContext
from auditlint.extract.kb.values import year_ok
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import (
    Figure,
    OfWhich,
    TotalWithParts,
    link_rows,
    match_key,
    paragraph_texts,
    statements_of,
)
from auditlint.extract.tables import CanonicalTable, Row, summable
from auditlint.numbers import SCALES, Approx, Quantity, disagree, normalize


@dataclass(frozen=True)
class AmountCell:
    table: int
    ct: CanonicalTable
    row: Row
    role: str
    quantity: Quantity

    # read on first ask and kept: a cell is held against many figures (every unnamed
    # total is compared with every line), and its table is complete before it is read
    @cached_property
    def unit(self) -> str | None:
        """The unit the cell's column or table states."""
        col = self.ct.column(self.role)
        return (col.unit if col is not None else None) or self.ct.unit

    @cached_property
    def approx(self) -> Approx:
        """The interval the cell's number stands for, in its printed unit."""
        return self.quantity.approx


def rows_named(facts: Facts, m: Meaning, kinds: tuple[str, ...]) -> list[tuple[int, CanonicalTable, Row]]:
    out = []
    if m.row == TOTAL:
        for i, ct in enumerate(facts.tables):
            if ct.kind == "budget" and ct.kind in kinds:
                tops = ct.top_totals()
                if len(tops) == 1:
                    out.append((i, ct, tops[0]))
        return out
    for ref in link_rows(facts.tables, m.row):
        ct = facts.tables[ref.table]
        if ct.kind in kinds:
            out.append((ref.table, ct, ct.rows[ref.row]))
    return out


def roles_for(m: Meaning, rows: list[tuple[int, CanonicalTable, Row]]) -> tuple[str, ...]:
    """The measure's columns; "支出" on a row whose own label ends with 支出 (基本支出) names
    the row, not the column."""
    if m.roles is None:
        return UNDETERMINED
    if m.measure == "支出" and m.row != TOTAL and all(r.label.strip().endswith("支出") for _, _, r in rows):
        return UNDETERMINED
    return m.roles


def cells_of(rows: list[tuple[int, CanonicalTable, Row]], roles: tuple[str, ...]) -> list[AmountCell]:
    out = []
    for i, ct, row in rows:
        for role in roles:
            q = ct.value(row, role)
            if q is not None and q.is_number and q.value is not None and role in row.cells:
                out.append(AmountCell(i, ct, row, role, q))
    return out


def table_unit(cell: AmountCell) -> str | None:
    return cell.unit


def ratio(cell: AmountCell, fig: Quantity) -> Decimal:
    """How many of the figure's units one of the table's makes; a table that states no
    unit is shown in the figure's unit."""
    unit = table_unit(cell)
    scale = SCALES.get(unit, fig.scale) if unit else fig.scale
    return scale / fig.scale


def in_figure_unit(cell: AmountCell, fig: Quantity) -> Approx:
    return cell.approx.scale(ratio(cell, fig))


_MEASURE_WORDS = frozenset(w for w, _ in MEASURES)
_UNIT_GUESSES = (Decimal(1), Decimal(10000), Decimal(100000000))


def differs(fig: Quantity, cell: AmountCell) -> bool:
    """The figure and the cell cannot be the same number; a table that states no unit
    must differ whether it is in 元, 万元 or 亿元."""
    if table_unit(cell):
        return disagree(fig.approx, in_figure_unit(cell, fig))
    return all(disagree(fig.approx, cell.approx.scale(k / fig.scale)) for k in (fig.scale, *_UNIT_GUESSES))


# ---------------------------------------------------------------------------
# which narrative amounts are comparable


def _owner_measure(facts: Facts) -> dict[int, Meaning]:
    """For each listed part (by id), the meaning of the total it is listed under."""
    out: dict[int, Meaning] = {}
    for b in statements_of(facts, TotalWithParts, OfWhich):
        m = meaning(b.total.name)
        if m is None or m.roles is None or m.row != TOTAL:
            continue
        for p in b.parts:
            out[id(p)] = m
    return out


def another_rows_figure(facts: Facts, fig: Figure, roles: set[str]) -> bool:
    """The amount equals a cell of the same column in a line of a table (of any table):
    a name that names no row ("实际支出272.90万元") is that line's figure. A table's own
    total is not a line: it states the whole, which the amount is already held to."""
    return any(not differs(fig.quantity, cell) for cell in _line_cells(facts, roles))


def _line_cells(facts: Facts, roles: set[str]) -> list[AmountCell]:
    """Every line's amount in the columns of ``roles``, once per report and set of roles:
    each unnamed total figure is held against all of them."""

    def compute() -> list[AmountCell]:
        out = []
        for i, ct in enumerate(facts.tables):
            for row in ct.rows:
                if row.kind == "total" and row.parent is None:
                    continue
                for role in roles:
                    q = ct.value(row, role)
                    if q is not None and q.is_number and q.value is not None and role in row.cells:
                        out.append(AmountCell(i, ct, row, role, q))
        return out

    return facts.memo(("repeated_amounts.line_cells", frozenset(roles)), compute)


def _elided_subject(context: FigureContext, fig: Figure) -> Meaning | None | bool:
    """A bare "支出" after another amount of the sentence takes its subject from it:
    "医保基金收入494.83亿元，支出460.09亿元" is the fund's spending (None: not the
    tables'), "“三公”经费预算76.50万元，决算70.04万元" is the 三公经费's actual (that row
    with the bare word's measure). False when the subject is not elided."""
    if fig.subject.strip() not in _MEASURE_WORDS:
        return False
    before = context.previous(fig)
    if before is None:
        return False
    prev = meaning(before.name)
    if prev is None or prev.row == TOTAL:
        return None if prev is None else False
    own = meaning(fig.subject)
    return Meaning(prev.row, own.roles, own.measure) if own is not None and own.roles is not None else None


def figure_context(facts: Facts) -> FigureContext:
    figures = statements_of(facts, Figure)
    # the context asks only of a figure's own paragraph: the others are not read (most
    # paragraphs print no amount)
    holding = {f.sentence.paragraph for f in figures}
    return FigureContext(figures, {i: normalize(t) for i, t in paragraph_texts(facts).items() if i in holding})


def narrative_amounts(facts: Facts, context: FigureContext | None = None) -> Iterator[tuple[Figure, Meaning, list[AmountCell]]]:
    """Each narrative amount that repeats a table's figure: what its name means and the
    cells it repeats."""
    context = context or figure_context(facts)
    owners = _owner_measure(facts)
    year = evaluated_year(facts.meta)
    for fig in statements_of(facts, Figure):
        q = fig.quantity
        if not fig.exact or not q.is_money or q.value is None:
            continue
        m = meaning(fig.name)
        if m is None or (m.row == TOTAL and m.roles is None):
            continue
        if not context.year_ok(fig, year) or context.scoped(fig):
            continue
        elided = _elided_subject(context, fig)
        if elided is None:
            continue
        if isinstance(elided, Meaning):
            m = elided
        if context.part_of_multi_year(fig):
            continue
        if m.row == TOTAL and context.about_counted_things(fig):
            continue
        rows = rows_named(facts, m, PRIMARY)
        if not rows:
            continue
        roles = roles_for(m, rows)
        owner = owners.get(id(fig))
        if roles == UNDETERMINED and owner is not None and owner.roles is not None:
            roles = owner.roles
        yield fig, m, cells_of(rows, roles)


def every_measure(rows: list[tuple[int, CanonicalTable, Row]], year: int | None) -> list[AmountCell]:
    """Every amount of the row in the year: its budget and actual cells and any other
    column of amounts (计划数, 到位数, 下达数 …). The prior year's column, or one whose
    header names another year, is another quantity."""
    out = cells_of(rows, UNDETERMINED)
    for i, ct, row in rows:
        for col in ct.columns:
            role = col.role
            if not summable(role) or role in UNDETERMINED or role == "prior_actual" or role not in row.cells:
                continue
            if any(w in col.header for w in OTHER_YEAR) or not year_ok(col.header, year):
                continue
            q = ct.value(row, role)
            if q is not None and q.is_number and q.value is not None and not q.is_percent:
                out.append(AmountCell(i, ct, row, role, q))
    return out




class Agreeing:
    """The narrative's exact money figures by what they name, to find the sentences that
    state a table's value under a differing figure's name."""

    def __init__(self, figures: list[Figure]) -> None:
        self._by_key: dict[str, list[Figure]] = {}
        for f in figures:
            if f.exact and f.quantity.is_money:
                self._by_key.setdefault(match_key(f.name), []).append(f)

    def __call__(self, fig: Figure, cells: list[AmountCell]) -> list[Figure]:
        """Other sentences that state the table's value under the same name."""
        return [f for f in self._by_key.get(match_key(fig.name), [])
                if f is not fig and any(not differs(f.quantity, c) for c in cells)]


# ---------------------------------------------------------------------------
# a share table restating the budget table


def _income(ct: CanonicalTable) -> bool:
    """A table of income and its shares (收入合计, 财政拨款收入 …): it restates no spending."""
    labels = [r.label for r in ct.rows if r.label]
    total = next((r.label for r in ct.rows if r.kind == "total"), "")
    return "收入" in total or sum(lab.endswith("收入") for lab in labels) * 2 > len(labels)


def _share_meaning(row: Row) -> Meaning | None:
    """What a share table's row restates: the whole's actual, or a row's."""
    if row.kind == "total" and row.parent is None:
        return Meaning(TOTAL, ("actual",), "")
    if row.kind not in ("item", "subtotal"):
        return None
    m = meaning(row.label)
    if m is None or m.row == TOTAL:
        return None
    return Meaning(m.row if m.measure == "支出" and m.row else match_key(row.label), ("actual",), "")


def table_differs(ct: CanonicalTable, q: Quantity, cell: AmountCell) -> bool:
    """A share table's figure and a budget table's cannot be the same, in their units."""
    mine = ct.column("actual")
    unit = (mine.unit if mine is not None else None) or ct.unit
    other = cell.ct.column(cell.role)
    other_unit = (other.unit if other is not None else None) or cell.ct.unit
    if (unit or other_unit) and unit != other_unit and unit and other_unit:
        a = q.approx.scale(SCALES.get(unit, Decimal(1)))
        b = cell.quantity.approx.scale(SCALES.get(other_unit, Decimal(1)))
    else:
        a, b = q.approx, cell.quantity.approx
    return disagree(a, b)


def restated_rows(facts: Facts) -> Iterator[tuple[CanonicalTable, Row, Quantity, list[AmountCell]]]:
    """Each spending-structure (share) table row with its actual, and the budget-table
    cells it restates."""
    if not any(ct.kind == "budget" for ct in facts.tables):
        return
    for ct in facts.tables:
        if ct.kind != "share" or _income(ct):
            continue
        for row in ct.rows:
            q = ct.value(row, "actual")
            if q is None or not q.is_number or q.value is None or "actual" not in row.cells:
                continue
            m = _share_meaning(row)
            if m is None:
                continue
            yield ct, row, q, cells_of(rows_named(facts, m, ("budget",)), ("actual",))
