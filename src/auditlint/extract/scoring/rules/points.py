"""Points: what a clause of a rule gives, and what a rule awards for a reading."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auditlint.numbers import fmt


@dataclass(frozen=True, slots=True)
class Points:
    """Points a clause gives: a number ("得2分"), or a share of the weight ("得满分" is 1,
    "得权重分的50%" is 0.5)."""

    value: Decimal | None = None
    share: Decimal | None = None

    @property
    def explicit(self) -> bool:
        return self.value is not None

    def resolve(self, weight: Decimal | None) -> Decimal | None:
        if self.value is not None:
            return self.value
        if self.share is not None and weight is not None:
            return self.share * weight
        return None


FULL = Points(share=Decimal(1))


@dataclass(frozen=True, slots=True)
class Award:
    """The points a rule gives for a reading: exactly ``lo`` when ``exact`` (a band's
    or a condition's points), else anywhere in [lo, hi] (a proportional or deduction
    rule computed on a rounded actual; ``lo_open``: strictly above lo)."""

    lo: Decimal
    hi: Decimal
    exact: bool
    how: str
    lo_open: bool = False
    how_zh: str = ""  # ``how`` in Chinese where it has words ("meets"), else the same

    @property
    def how_in_zh(self) -> str:
        return self.how_zh or self.how

    def allows(self, score: Decimal, decimals: int) -> bool:
        if self.exact:
            return score == self.lo
        half = Decimal(5).scaleb(-(decimals + 1))
        if score + half < self.lo or (self.lo_open and score + half == self.lo):
            return False
        return score - half <= self.hi

    def show(self) -> str:
        if self.exact or self.lo == self.hi:
            return fmt(self.lo)
        if self.hi >= self.lo and self.lo_open:
            return f"> {fmt(self.lo)}"
        return f"{fmt(self.lo)}–{fmt(self.hi)}"
