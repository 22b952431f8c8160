"""An indicator row's target and actual as comparable intervals, and what the
knowledge base says of its direction: the reading that AL205, AL304, AL504 and AL507
share."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.indicators import IndicatorRowLike
from auditlint.extract.kb.knowledge import knowledge_base
from auditlint.numbers import COUNT_UNITS, HUNDRED, Approx, Quantity, parse_quantity

ONE_SIDED = (">=", ">", "<=", "<")



# ---------------------------------------------------------------------------
# a row's numbers, comparable


@dataclass(frozen=True)
class Pair:
    """A row's target and actual in one unit: the target exact (a goal is what it says),
    the actual the interval its printed digits stand for (exact for a whole count)."""

    target: Decimal
    actual: Approx
    comparator: str  # the target's: "=", ">=", ">", "<=", "<"
    percent: bool


def _unit_kind(q: Quantity) -> str | None:
    if q.is_percent:
        return "%"
    return q.base_unit or None


def comparable(row: IndicatorRowLike) -> Pair | None:
    """The row's target and actual when both are numbers of one kind; None when they
    cannot be compared (text, a range, units that differ, a percent against a count)."""
    t, a = row.target, row.actual
    if t is None or a is None or not t.is_number or not a.is_number or t.value is None or a.value is None:
        return None
    if t.upper is not None or a.upper is not None or a.comparator not in (None, "="):
        return None
    kt, ka = _unit_kind(t), _unit_kind(a)
    if kt is not None and ka is not None and kt != ka:
        return None
    # one side without a unit: the same kind of number, the unit printed once ("=100%" / "100")
    percent = "%" in (kt, ka)
    target = t.value * t.scale
    whole = a.decimals == 0 and (a.unit in COUNT_UNITS or a.base_unit in COUNT_UNITS or (a.unit is None and t.value == t.value.to_integral()))
    actual = Approx.exact(a.value).scale(a.scale) if whole and not percent else a.approx.scale(a.scale)
    return Pair(target, actual, t.comparator or "=", percent)


def misses(pair: Pair, good: str = "higher") -> bool:
    """Does the actual miss the target beyond what its rounding allows?"""
    t, a = pair.target, pair.actual
    if pair.comparator == ">=":
        return a.hi < t
    if pair.comparator == ">":
        return a.hi <= t
    if pair.comparator == "<=":
        return a.lo > t
    if pair.comparator == "<":
        return a.lo >= t
    if pair.comparator in ("=", "~"):
        if good == "lower":
            return a.lo > t
        if good == "target":
            return a.hi < t or a.lo > t
        return a.hi < t
    return False


def met(pair: Pair) -> bool:
    """The actual certainly meets the target."""
    t, a = pair.target, pair.actual
    return {">=": a.lo >= t, ">": a.lo > t, "<=": a.hi <= t, "<": a.hi < t}.get(pair.comparator, a.lo == a.hi == t)


def impossible_target(row: IndicatorRowLike) -> bool:
    """A proportion (覆盖率, 满意度, 比例 …) whose target lies outside 0–100%."""
    t = row.target
    if t is None or not t.is_percent or t.value is None or not knowledge_base().is_proportion(row.name):
        return False
    lo = t.value
    cmp = t.comparator or "="
    if t.upper is not None:
        return lo > HUNDRED or (t.upper.value is not None and t.upper.value < 0)
    if cmp == ">":
        return lo >= HUNDRED
    if cmp in (">=", "=", "~"):
        return lo > HUNDRED or lo < 0
    if cmp == "<":
        return lo <= 0
    return lo < 0


def direction(name: str) -> str:
    ind = knowledge_base().lookup(name)
    return ind.good if ind is not None else "higher"


def garbled(row: IndicatorRowLike) -> bool:
    """A row whose columns look shifted: a number where the source should be."""
    src = _cell_text(row, "source")
    if not src:
        return False
    q = parse_quantity(src)
    return q is not None and q.is_number




def _cell_text(row: IndicatorRowLike, role: str) -> str:
    cell = row.cells.get(role)
    return cell.text.strip() if cell is not None else ""
