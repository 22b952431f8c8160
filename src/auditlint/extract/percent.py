"""Percentages recomputed from the printed amounts, on intervals, and printed ones read
at their column's precision (AL201–AL204).

A rate or share printed with fewer decimals than its column ("18%" among "11.82%") is
read at the column's precision; when only that reading makes it a mismatch, the
mismatch is *soft* (a warning, not an error).
"""

from __future__ import annotations

from decimal import Decimal

from auditlint.extract.narrative import Figure
from auditlint.extract.tables import CanonicalTable
from auditlint.numbers import HUNDRED, Approx, Quantity, Verdict, compare


def percent(num: Approx, den: Approx) -> Approx | None:
    """num ÷ den in percent; None when the divisor may be zero or either is negative
    (a negative amount is AL301's to report, its rate means nothing)."""
    if num.lo < 0 or den.lo <= 0:
        return None
    return (num / den).scale(HUNDRED)


def judge(q: Quantity, col_decimals: int, computed: Approx) -> tuple[Verdict, bool]:
    """Compare a printed percentage at its column's precision. The flag says the
    mismatch exists only at the column's precision, not at the number's own."""
    verdict = compare(q.with_decimals(col_decimals).approx, computed)
    if verdict.ok or col_decimals <= q.decimals:
        return verdict, False
    own = compare(q.approx, computed)
    return verdict, own.ok


def exact(q: Quantity | None) -> bool:
    """A number printed as such: not blank, not "≥ 90%"."""
    return q is not None and q.is_number and q.comparator in (None, "=")


def col_decimals(ct: CanonicalTable, role: str) -> int:
    col = ct.column(role)
    return col.decimals if col else 0


def figure_ratio(stated: Figure, num: Figure, den: Figure) -> tuple[Approx, Verdict] | None:
    """num ÷ den of two narrative figures against a stated percentage."""
    if not (stated.exact and num.exact and den.exact and num.is_money and den.is_money):
        return None
    computed = percent(num.quantity.approx_in(Decimal(1)), den.quantity.approx_in(Decimal(1)))
    if computed is None:
        return None
    return computed, compare(stated.quantity.approx, computed)
