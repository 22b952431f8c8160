"""One condition → points (``Threshold``): "不低于85%，得4分", else the points of the
clause that says what missing it gives (0 unless printed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from auditlint.extract.scoring.rules.base import Rule
from auditlint.extract.scoring.rules.measures import Cond, Reading, tested
from auditlint.extract.scoring.rules.points import FULL, Award, Points
from auditlint.numbers import ZERO, fmt


@dataclass(frozen=True)
class Threshold(Rule):
    cond: Cond = field(default_factory=lambda: Cond(""))
    points: Points = FULL
    otherwise: Points = Points(ZERO)

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        a, b = self.points.resolve(weight), self.otherwise.resolve(weight)
        return None if a is None or b is None else max(a, b)

    def uses_weight(self) -> bool:
        return not self.points.explicit

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        found = tested(self.cond, readings)
        if found is None:
            return None
        r, hit = found
        pts = (self.points if hit else self.otherwise).resolve(weight)
        if pts is None:
            return None
        word = "meets" if hit else "misses"
        word_zh = "达到" if hit else "未达到"
        return Award(pts, pts, True, f"{r.show()} {word} {self.cond.show()} → {fmt(pts)}",
                     how_zh=f"{r.show()} {word_zh} {self.cond.show()} → {fmt(pts)}")
