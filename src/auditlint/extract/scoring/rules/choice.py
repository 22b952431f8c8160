"""Worded levels (``Choice``): "明确的得2分；明确性不足得1分；不明确得0分",
"完成得分，没完成不得分"."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.scoring.rules.base import Rule
from auditlint.extract.scoring.rules.measures import Cond
from auditlint.extract.scoring.rules.points import Points
from auditlint.numbers import ZERO


@dataclass(frozen=True)
class Choice(Rule):
    """Worded levels: the best one is the maximum; which level the actual reached
    cannot be read from numbers."""

    options: tuple[tuple[Cond, Points], ...] = ()

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        vals = [p.resolve(weight) for _, p in self.options]
        if any(v is None for v in vals) or not vals:
            return None
        return max(v for v in vals if v is not None)

    def uses_weight(self) -> bool:
        return any(not p.explicit for _, p in self.options) and not any(
            p.explicit and p.value and p.value > 0 for _, p in self.options
        )

    def maxima(self, weight: Decimal | None) -> set[Decimal]:
        # "建立制度得2分；执行有效得1分" may be levels (best: 2) or two criteria (2 + 1)
        out = super().maxima(weight)
        positive = [p.value for _, p in self.options if p.value is not None and p.value > 0]
        if len(positive) > 1 and all(p.explicit for _, p in self.options):
            out.add(sum(positive, ZERO))
        return out

