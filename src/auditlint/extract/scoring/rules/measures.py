"""Measures: a condition's bound (``Cond``) and what a stated actual or target says
(``Reading``), both in base units (363.21万人 is 3632100 人), so a rule printed in 万人
meets an actual printed in 人."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditlint.numbers import BASE_UNITS, SCALES, ZERO, Quantity, find_quantities, fmt, normalize


def to_base(value: Decimal, unit: str | None) -> tuple[Decimal, str]:
    """A value in its base unit: 363.21万人 → (3632100, "人")."""
    u = unit or ""
    return value * SCALES.get(u, Decimal(1)), BASE_UNITS.get(u, u)


@dataclass(frozen=True, slots=True)
class Cond:
    """A condition on one measure: lo ≤ x ≤ hi (either end may be open or absent),
    in base units. ``fuzzy_*``: the report does not say whether the bound itself is in
    (60%以下 may or may not include 60%). ``kind`` is "text" for a worded condition."""

    text: str
    kind: str = "text"  # "range" | "lower" | "upper" | "equal" | "text"
    lo: Decimal | None = None
    hi: Decimal | None = None
    lo_incl: bool = True
    hi_incl: bool = True
    fuzzy_lo: bool = False
    fuzzy_hi: bool = False
    unit: str = ""  # base unit
    printed_unit: str = ""
    scale: Decimal = Decimal(1)
    decimals: int = 0
    at: int = 0  # offset of the bound in the rule text

    @property
    def numeric(self) -> bool:
        return self.kind != "text"

    def test(self, r: Reading) -> bool | None:
        """Does the reading meet the condition? None when it cannot tell (the
        reading straddles a bound, or sits on a bound whose inclusion is unclear)."""
        if not self.numeric or r.unit != self.unit:
            return None
        if self._inside(r):
            return True
        if self._apart(r):
            return False
        return None

    def _inside(self, r: Reading) -> bool:
        if self.lo is not None:
            if r.lo is None or r.lo < self.lo:
                return False
            if r.lo == self.lo and r.lo_incl and not (self.lo_incl and not self.fuzzy_lo):
                return False
        if self.hi is not None:
            if r.hi is None or r.hi > self.hi:
                return False
            if r.hi == self.hi and r.hi_incl and not (self.hi_incl and not self.fuzzy_hi):
                return False
        return True

    def _apart(self, r: Reading) -> bool:
        if self.lo is not None and r.hi is not None:
            if r.hi < self.lo:
                return True
            if r.hi == self.lo and (not r.hi_incl or (not self.lo_incl and not self.fuzzy_lo)):
                return True
        if self.hi is not None and r.lo is not None:
            if r.lo > self.hi:
                return True
            if r.lo == self.hi and (not r.lo_incl or (not self.hi_incl and not self.fuzzy_hi)):
                return True
        return False

    def show(self) -> str:
        u = self.printed_unit

        def v(x: Decimal) -> str:
            return fmt(x / self.scale) + u

        if self.kind == "range" and self.lo is not None and self.hi is not None:
            return f"{fmt(self.lo / self.scale)}-{v(self.hi)}"
        if self.kind == "equal" and self.lo is not None:
            return f"={v(self.lo)}"
        if self.lo is not None:
            return ("≥" if self.lo_incl else ">") + v(self.lo)
        if self.hi is not None:
            return ("≤" if self.hi_incl else "<") + v(self.hi)
        return self.text


@dataclass(frozen=True, slots=True)
class Reading:
    """What a stated actual (or target) says about one measure, in base units: a
    point ("88.5%"), or a one-sided range ("超过90%", "99%以上"). ``half`` is half a unit
    of the last printed digit, for computed awards."""

    text: str
    lo: Decimal | None
    hi: Decimal | None
    unit: str
    lo_incl: bool = True
    hi_incl: bool = True
    half: Decimal = ZERO
    scale: Decimal = Decimal(1)
    printed_unit: str = ""

    @property
    def point(self) -> Decimal | None:
        return self.lo if self.lo is not None and self.lo == self.hi else None

    def show(self) -> str:
        u = self.printed_unit

        def v(x: Decimal) -> str:
            return fmt(x / self.scale) + u

        if self.point is not None:
            return v(self.point)
        if self.lo is not None:
            return (">" if not self.lo_incl else "≥") + v(self.lo)
        if self.hi is not None:
            return ("<" if not self.hi_incl else "≤") + v(self.hi)
        return self.text


_SUFFIX = re.compile(r"^\s*(?:\((?:含|不含)\))?\s*(及以上|以上|及以下|以下|以内)")


def reading_of(q: Quantity, after: str = "") -> Reading | None:
    """A Reading from a parsed quantity; ``after`` is the text that follows it, for
    "99%以上". Points (分) and calendar units are not measures."""
    if q.value is None or q.unit in ("分", "年", "月", "日", "号"):
        return None
    value, unit = to_base(q.value, q.unit)
    scale = SCALES.get(q.unit or "", Decimal(1))
    half = Decimal(5).scaleb(-(q.decimals + 1)) * scale
    cmp = q.comparator
    raw = normalize(q.text).strip()
    if raw.startswith("达到") or raw.startswith("为"):
        cmp = "="
    m = _SUFFIX.match(after)
    if m and cmp in (None, "="):
        cmp = ">=" if "上" in m.group(1) else "<="
    pu = q.unit or ""
    if cmp in (None, "="):
        return Reading(q.text, value, value, unit, half=half, scale=scale, printed_unit=pu)
    if cmp in (">=", ">"):
        return Reading(q.text, value, None, unit, lo_incl=cmp == ">=", half=half, scale=scale, printed_unit=pu)
    if cmp in ("<=", "<"):
        return Reading(q.text, None, value, unit, hi_incl=cmp == "<=", half=half, scale=scale, printed_unit=pu)
    return None  # "约", ranges: not a reading we can use


def readings_in(text: str) -> list[Reading]:
    """Every measure a stated actual mentions: "2023年底，参保人数870.96万人，参保率99%以上"
    → 870.96万人 and ≥99%. Years, dates, serial numbers and bare numbers (the 12393
    hotline) are skipped: a reading needs a unit or a comparator."""
    out: list[Reading] = []
    norm = normalize(text)
    for m in find_quantities(text):
        q = m.quantity
        tail = norm[m.end : m.end + 6]
        if tail.startswith("钟") or (q.unit is None and q.comparator is None):
            continue
        if m.start > 0 and norm[m.start - 1].isascii() and norm[m.start - 1].isalpha():
            continue  # DRG2.0, V3: names, not measures
        r = reading_of(q, tail)
        if r is not None:
            out.append(r)
    return out


def pick(readings: list[Reading], unit: str) -> Reading | None:
    """The one reading in ``unit``; None when there is none or several."""
    same = [r for r in readings if r.unit == unit]
    return same[0] if len(same) == 1 else None


def tested(cond: Cond, readings: list[Reading]) -> tuple[Reading, bool] | None:
    """The one reading of the condition's measure and whether it meets it; None when
    there is no such reading or it cannot tell."""
    r = pick(readings, cond.unit)
    hit = cond.test(r) if r is not None else None
    return None if r is None or hit is None else (r, hit)

