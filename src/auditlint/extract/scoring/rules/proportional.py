"""A factor × the weight (``Proportional``): "到位比率×权重=得分", "完成值/目标值×分值",
with the bound above which full marks are given, when printed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.scoring.rules.clauses import Clause
from auditlint.extract.scoring.rules.graded import Graded
from auditlint.extract.scoring.rules.measures import Reading, pick
from auditlint.extract.scoring.rules.points import FULL, Award
from auditlint.numbers import HUNDRED, ZERO, fmt

# a proportional rule whose text names a target and a quotient scores actual ÷ target
_TARGET_WORDS = ("目标值", "标准值", "计划值", "目标", "标准")
_QUOTIENT_WORDS = ("比值", "比重", "之比", "÷", "/")


@dataclass(frozen=True)
class Proportional(Graded):
    """factor × weight. ``basis`` "rate": the actual is itself the factor (到位率 × 权重);
    "ratio": the actual over the target (完成值 ÷ 目标值 × 权重). Full marks while
    ``full_at`` holds, when printed."""

    basis: str = "rate"

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if weight is None or self.best.resolve(weight) != weight:
            return None
        award, settled = self._at_best(readings, weight)
        if settled:
            return award
        if self.basis == "rate":
            r, base = pick(readings, "%"), Reading("100%", HUNDRED, HUNDRED, "%")
        else:
            unit = self.full_at.unit if self.full_at is not None else (target.unit if target else "")
            r, base = pick(readings, unit), target
            if base is None and self.full_at is not None and self.full_at.lo is not None:
                base = Reading("", self.full_at.lo, self.full_at.lo, unit)
        if r is None or r.lo is None or base is None or base.point is None or base.point <= 0 or base.unit != r.unit:
            return None
        half = r.half if r.point is not None else ZERO  # "超过90%" is a bound, not a rounded value
        lo = max(ZERO, min(Decimal(1), (r.lo - half) / base.point))
        hi = max(ZERO, min(Decimal(1), (r.hi + half) / base.point)) if r.hi is not None else Decimal(1)
        what = f"{r.show()} × {fmt(weight)}" if self.basis == "rate" else f"{r.show()} ÷ {base.show()} × {fmt(weight)}"
        return Award(lo * weight, hi * weight, False, what, lo_open=not r.lo_incl)


def proportional_rule(text: str, prop: Clause, top: Clause | None) -> Proportional:
    """The rule of a text with one proportional clause (``prop``); ``top``, the clause
    giving the most points, when any, gives full marks at its bound."""
    full_at = top.cond if top is not None and top.cond.numeric else None
    ratio = any(w in text for w in _TARGET_WORDS) and any(w in text for w in _QUOTIENT_WORDS)
    pts = top.outcome.points if top is not None else FULL
    return Proportional(text, top.outcome.start if top else prop.outcome.start, best=pts or FULL,
                        full_at=full_at, basis="ratio" if ratio else "rate")
