"""Rules that give their best points while a bound holds and compute less otherwise:
the base of ``Proportional`` and ``Deduction``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.scoring.rules.base import Rule
from auditlint.extract.scoring.rules.measures import Cond, Reading, tested
from auditlint.extract.scoring.rules.points import FULL, Award, Points
from auditlint.numbers import fmt


@dataclass(frozen=True)
class Graded(Rule):
    """A rule that gives its best points (满分 unless printed) while ``full_at`` holds and
    computes less otherwise."""

    best: Points = FULL
    full_at: Cond | None = None

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        return self.best.resolve(weight)

    def uses_weight(self) -> bool:
        return not self.best.explicit

    def _at_best(self, readings: list[Reading], weight: Decimal | None) -> tuple[Award | None, bool]:
        """(the best points when ``full_at`` holds, whether that settled it)."""
        best = self.best.resolve(weight)
        if self.full_at is None:
            return None, False
        found = tested(self.full_at, readings)
        if found is None or best is None:
            return None, True
        r, hit = found
        if not hit:
            return None, False
        return Award(best, best, True, f"{r.show()} meets {self.full_at.show()} → {fmt(best)}",
                         how_zh=f"{r.show()} 达到 {self.full_at.show()} → {fmt(best)}"), True

