"""Points off per unit (``Deduction``), from full marks or from the points printed for
the best case: "每超出1%扣除5%的权重分，扣完为止", "每发现一例扣除0.2分"."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.scoring.rules.clauses import Clause
from auditlint.extract.scoring.rules.graded import Graded
from auditlint.extract.scoring.rules.measures import Cond, Reading, pick
from auditlint.extract.scoring.rules.patterns import PER, dec
from auditlint.extract.scoring.rules.points import Award, Points
from auditlint.numbers import HUNDRED, ZERO, fmt


@dataclass(frozen=True)
class Deduction(Graded):
    """Points off the best, ``amount`` per ``per`` ``per_unit`` (a percentage of the
    weight when ``of_weight``), never below zero; no deduction while ``full_at`` holds.
    ``direction``: "over" or "under" the bound of ``full_at``, or "count" (每发现一例)."""

    per: Decimal = Decimal(1)
    per_unit: str = ""
    direction: str = "count"
    amount: Decimal = ZERO
    of_weight: bool = False

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if self.full_at is None or self.direction == "count" or weight is None:
            return None
        award, settled = self._at_best(readings, weight)
        if settled:
            return award
        start = self.best.resolve(weight)
        r = pick(readings, self.full_at.unit)
        bound = self.full_at.hi if self.direction == "over" else self.full_at.lo
        if start is None or r is None or r.point is None or bound is None or self.per <= 0:
            return None
        step = self.per * (r.scale if self.per_unit != "%" else Decimal(1))
        excess = abs(r.point - bound) / step
        each = self.amount * (weight / HUNDRED if self.of_weight else Decimal(1))
        # whether a part of a unit already costs a deduction is not said: both readings
        lo = max(ZERO, start - Decimal(math.ceil(excess)) * each)
        hi = max(ZERO, start - Decimal(math.floor(excess)) * each)
        return Award(lo, hi, lo == hi, f"{r.show()}：{fmt(start)} − {fmt(excess)}×{fmt(each)}")


def _is_count(pu: str) -> bool:
    return pu not in ("%", "个百分点")


def deduction_rule(text: str, at: int, clause: Clause, start: Points, free_at: Cond | None) -> Deduction:
    o = clause.outcome
    m = PER.search(clause.cond_text)
    per, pu, verb = Decimal(1), "", ""
    if m:
        per = dec(m.group("per")) or Decimal(1)
        pu, verb = m.group("pu"), m.group("verb")
    if not m or (_is_count(pu) and not any(w in verb for w in ("超", "低", "高", "降", "少", "多", "减"))):
        direction = "count"  # 每发现一例: how many were found is not a number the table gives
    elif any(w in verb for w in ("低", "降", "少", "减")):
        direction = "under"
    else:
        direction = "over"
    return Deduction(text, at, best=start, full_at=free_at, per=per, per_unit="%" if pu == "个百分点" else pu,
                     direction=direction, amount=o.amount, of_weight=o.of_weight)
