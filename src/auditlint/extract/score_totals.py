"""A scoring table's totals: the indicators that carry a weight, the sums of their
weights and scores, and the totals the table prints (a lone number a reader could not
place counts as whichever total it equals)."""

from __future__ import annotations

from decimal import Decimal

from auditlint.extract.facts import Facts
from auditlint.extract.scoring import Indicator, ScoringTable, points_of
from auditlint.model import Cell, Location
from auditlint.numbers import Approx, Quantity, asum, compare


def scored(st: ScoringTable) -> list[Indicator]:
    """The indicators that carry a weight (not bonus or penalty items)."""
    return [i for i in st.indicators if not i.unweighted]



def _sum(values: list[Quantity | None]) -> Approx | None:
    parts = [points_of(q) for q in values]
    if not parts or any(p is None for p in parts):
        return None
    return asum(p for p in parts if p is not None)


def weights_sum(st: ScoringTable) -> Approx | None:
    return _sum([i.weight for i in scored(st)]) if st.complete else None


def scores_sum(st: ScoringTable) -> Approx | None:
    return _sum([i.score for i in st.indicators if not (i.unweighted and i.score is None)]) if st.complete else None


def matches(q: Quantity | None, total: Approx | None) -> bool:
    s = points_of(q)
    return s is not None and total is not None and compare(s, total).level != "error"


def printed_totals(st: ScoringTable) -> tuple[tuple[Quantity, Cell] | None, tuple[Quantity, Cell] | None]:
    """The table's printed (weight total, score total), each with its cell. A lone number
    a reader could not place counts as whichever total it equals; as neither when it
    equals neither (which one is wrong cannot be told)."""
    w = s = None
    for t in st.totals:  # 总分 100 and 得分 98 may stand on rows of their own
        if t.weight is not None and t.weight_cell is not None:
            w = (t.weight, t.weight_cell)
        if t.score is not None and t.score_cell is not None:
            s = (t.score, t.score_cell)
        if t.either is not None and t.either_cell is not None:
            if matches(t.either, weights_sum(st)):
                w = (t.either, t.either_cell)
            elif matches(t.either, scores_sum(st)):
                s = (t.either, t.either_cell)
    return w, s


def table_total(facts: Facts) -> tuple[Decimal, Location | None] | None:
    """The report's one scoring table's total score: printed (with its cell), else the
    exact sum of its scores."""
    if len(facts.scoring) != 1:
        return None
    st = facts.scoring[0]
    _, s = printed_totals(st)
    if s is not None and s[0].value is not None:
        return s[0].value, s[1].location
    total = scores_sum(st)
    return (total.mid, None) if total is not None and total.half == 0 else None
