"""Ranges of one measure → points (``Bands``): "90%-100%得2.5分；80%-89%得1分；60%以下，
不得分", or nested thresholds ("≥90%得5分；≥80%得3分"); and the gaps and overlaps
between neighbouring bands (AL408)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from auditlint.extract.scoring.rules.base import Rule
from auditlint.extract.scoring.rules.clauses import Clause
from auditlint.extract.scoring.rules.measures import Cond, Reading, pick
from auditlint.extract.scoring.rules.points import FULL, Award, Points
from auditlint.numbers import ZERO, fmt


@dataclass(frozen=True, slots=True)
class Band:
    cond: Cond
    points: Points
    at: int = 0  # offset of the band's bounds in the rule text


@dataclass(frozen=True)
class Bands(Rule):
    items: tuple[Band, ...] = ()
    nested: bool = False  # built from nested thresholds (≥90%…；≥80%…): contiguous by construction

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        vals = [b.points.resolve(weight) for b in self.items]
        if any(v is None for v in vals) or not vals:
            return None
        return max(v for v in vals if v is not None)

    def uses_weight(self) -> bool:
        return not any(b.points.explicit and b.points.value for b in self.items)

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if not self.items:
            return None
        r = pick(readings, self.items[0].cond.unit)
        if r is None:
            return None
        hits = []
        for b in self.items:
            t = b.cond.test(r)
            if t is None:
                return None
            if t:
                hits.append(b)
        if len(hits) != 1:
            return None  # in no band (a gap) or in two (an overlap): AL408's business
        pts = hits[0].points.resolve(weight)
        if pts is None:
            return None
        return Award(pts, pts, True, f"{r.show()} in {hits[0].cond.show()} → {fmt(pts)}",
                     how_zh=f"{r.show()} 属于 {hits[0].cond.show()} 一档 → {fmt(pts)}")

    def bands(self) -> list[Bands]:
        return [self]


def bands_rule(text: str, positives: list[Clause], zeros: list[Clause]) -> Bands:
    """The bands of clauses that all give points for a condition on one measure."""
    numeric_zeros = [z for z in zeros if z.cond.numeric and z.cond.unit == positives[0].cond.unit]
    clauses = [*positives, *numeric_zeros]
    kinds = {c.cond.kind for c in positives}
    nested = kinds <= {"lower"} or kinds <= {"upper"}
    items: list[Band] = []
    if nested and len(positives) > 1:
        # ≥90%得5分；≥80%得3分: each threshold holds up to the next one
        lower = kinds <= {"lower"}
        ordered = sorted(positives, key=lambda c: c.cond.lo if lower else c.cond.hi, reverse=lower)  # type: ignore[arg-type,return-value]
        prev: Cond | None = None
        for c in ordered:
            cond = c.cond
            if prev is not None:
                if lower:
                    cond = Cond(cond.text, "range", cond.lo, prev.lo, cond.lo_incl, not prev.lo_incl, cond.fuzzy_lo, prev.fuzzy_lo,
                                cond.unit, cond.printed_unit, cond.scale, cond.decimals, cond.at)
                else:
                    cond = Cond(cond.text, "range", prev.hi, cond.hi, not prev.hi_incl, cond.hi_incl, prev.fuzzy_hi, cond.fuzzy_hi,
                                cond.unit, cond.printed_unit, cond.scale, cond.decimals, cond.at)
            items.append(Band(cond, c.outcome.points or FULL, c.cond.at))
            prev = c.cond
        for z in numeric_zeros:
            items.append(Band(z.cond, z.outcome.points or Points(ZERO), z.cond.at))
    else:
        items = [Band(c.cond, c.outcome.points or FULL, c.cond.at) for c in clauses]
    best = max(positives, key=lambda c: c.outcome.points.resolve(Decimal(10**6)) or ZERO)  # type: ignore[union-attr]
    return Bands(text, best.outcome.start, tuple(_settle(items)), nested)


def _settle(items: list[Band]) -> list[Band]:
    """"70%以下" beside "70%-79%": the band that prints 70% as its own bound keeps it, so
    the 以下 band stops short of it. A bound no other band claims stays unsettled."""
    out = []
    for b in items:
        c = b.cond
        if c.fuzzy_hi and any(o is not b and o.cond.lo == c.hi and o.cond.lo_incl and not o.cond.fuzzy_lo for o in items):
            c = replace(c, hi_incl=False, fuzzy_hi=False)
        if c.fuzzy_lo and any(o is not b and o.cond.hi == c.lo and o.cond.hi_incl and not o.cond.fuzzy_hi for o in items):
            c = replace(c, lo_incl=False, fuzzy_lo=False)
        out.append(Band(c, b.points, b.at))
    return out


@dataclass(frozen=True, slots=True)
class BandBreak:
    """Two neighbouring bands that leave a gap or overlap. ``lower``/``upper`` are the
    bands below and above; ``stated`` is the lower band's upper bound as printed and
    ``expected`` the value it would need to meet the upper band without a gap."""

    kind: str  # "gap" | "overlap"
    lower: Band
    upper: Band
    stated: Decimal
    expected: Decimal
    unit: str


def band_breaks(rule: Bands) -> list[BandBreak]:
    """Gaps and overlaps between neighbouring bands, in the units printed. Bands that
    touch (80%-90% then 90%-100%) or follow in whole steps of the last printed digit
    (80%-89% then 90%-100%) are contiguous; open-ended sides are not compared."""
    if rule.nested or len(rule.items) < 2:
        return []
    items = [b for b in rule.items if b.cond.numeric]
    if len({b.cond.unit for b in items}) != 1:
        return []

    def lo(b: Band) -> Decimal:
        return b.cond.lo if b.cond.lo is not None else Decimal("-Infinity")

    ordered = sorted(items, key=lambda b: (lo(b), b.cond.hi if b.cond.hi is not None else Decimal("Infinity")))
    out: list[BandBreak] = []
    for a, b in zip(ordered, ordered[1:]):
        if a.cond.hi is None or b.cond.lo is None:
            continue
        scale = a.cond.scale
        dec = max(a.cond.decimals, b.cond.decimals)
        step = Decimal(1).scaleb(-dec) * scale
        gap = b.cond.lo - a.cond.hi
        if gap > step:
            kind = "gap"
        elif gap < 0:
            kind = "overlap"
        else:
            continue
        out.append(BandBreak(kind, a, b, a.cond.hi / scale, (b.cond.lo - step) / scale, a.cond.printed_unit))
    return out
