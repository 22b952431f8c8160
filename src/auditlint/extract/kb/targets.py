"""An indicator row's target and actual as comparable intervals, and what the
knowledge base says of its direction, what a completion written as a range shows, and
whether a row explains its deviation: the reading that AL205, AL304, AL504, AL506 and AL507
share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.indicators import IndicatorRowLike, ScoredRow
from auditlint.extract.kb.knowledge import knowledge_base
from auditlint.model import Cell
from auditlint.numbers import COUNT_UNITS, HUNDRED, Approx, Quantity, normalize, parse_quantity

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


# ---------------------------------------------------------------------------
# what a completion's range shows, and whether a row says why it deviates


def _accepted(q: Quantity, good: str) -> tuple[Decimal | None, bool, Decimal | None, bool] | None:
    """The values a target accepts as (lo, lo included, hi, hi included); None: unbounded."""
    v = q.value
    if v is None:
        return None
    if q.upper is not None and q.upper.value is not None:
        return v, True, q.upper.value, True
    cmp = q.comparator or "="
    if cmp in (">=", ">"):
        return v, cmp == ">=", None, False
    if cmp in ("<=", "<"):
        return None, False, v, cmp == "<="
    if good == "lower":
        return None, False, v, True
    if good == "target":
        return v, True, v, True
    return v, True, None, False


def range_within_target(actual: Quantity, target: Quantity, good: str) -> bool:
    """Does every value the completion's range allows meet the target? ("≥0%" does not
    show that "＝0%" was met; "超过90%" shows "90%" was.)"""
    if actual.unit and target.unit and actual.unit != target.unit:
        return False
    have = _accepted(actual, "target")
    want = _accepted(target, good)
    if have is None or want is None:
        return False
    a_lo, a_lo_in, a_hi, a_hi_in = have
    t_lo, t_lo_in, t_hi, t_hi_in = want
    if t_lo is not None and (a_lo is None or a_lo < t_lo or (a_lo == t_lo and a_lo_in and not t_lo_in)):
        return False
    return not (t_hi is not None and (a_hi is None or a_hi > t_hi or (a_hi == t_hi and a_hi_in and not t_hi_in)))


def name_free(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


_NO_DEVIATION = re.compile(r"^(?:无偏差|无|没有偏差|未偏离|—|-|/|0(?:\.0+)?%?)$")


def explained(row: IndicatorRowLike) -> bool:
    """The row says something about why it deviates: a reason, or words in the
    deviation cell."""
    if _cell_text(row, "reason") and not _NO_DEVIATION.match(name_free(_cell_text(row, "reason"))):
        return True
    dev = name_free(_cell_text(row, "deviation"))
    if not dev or _NO_DEVIATION.match(dev):
        return False
    return parse_quantity(dev) is None


# ---------------------------------------------------------------------------
# a scored row's completion, when a sentence states it


@dataclass(frozen=True)
class _Actual:
    """A scored row with its completion read from a sentence, for ``comparable``."""

    name: str
    target: Quantity | None
    actual: Quantity | None
    cells: dict[str, Cell]


def scored_pair(row: ScoredRow) -> tuple[Pair, str] | None:
    """A scored row's target and actual, comparable, with the actual as printed; the
    actual read from a completion sentence when the cell holds no value."""
    pair = comparable(row)
    if pair is not None:
        return pair, _cell_text(row, "actual")
    if row.actual is not None:
        return None  # a range or another unit: not a value to compare
    q = row.indicator.actual_quantity
    if q is None:
        return None
    pair = comparable(_Actual(row.name, row.target, q, dict(row.cells)))
    return (pair, q.text.strip()) if pair is not None else None
