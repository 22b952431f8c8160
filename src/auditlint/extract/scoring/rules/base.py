"""The rule model's base: every parsed rule knows its maximum points and, for a stated
actual it can read, the points it awards; ``Unparsed`` keeps a text the parser does
not read, with the reason."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditlint.extract.scoring.rules.bands import Bands
    from auditlint.extract.scoring.rules.measures import Reading
    from auditlint.extract.scoring.rules.points import Award


@dataclass(frozen=True)
class Rule:
    text: str
    at: int = 0  # offset of the phrase that gives the rule its maximum

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        raise NotImplementedError

    def uses_weight(self) -> bool:
        """True when the maximum is the weight itself (满分, ×权重, deductions from 满分)."""
        return False

    def maxima(self, weight: Decimal | None) -> set[Decimal]:
        """Every maximum a fair reading of the text allows; ``max_points`` is the first
        reading. A finding about the maximum needs the weight to differ from them all."""
        m = self.max_points(weight)
        return {m} if m is not None else set()

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        return None

    def bands(self) -> list[Bands]:
        return []


@dataclass(frozen=True)
class Unparsed(Rule):
    reason: str = ""

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        return None

