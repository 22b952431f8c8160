"""Whether rows of a budget table add up: a row's printed amount as an interval, one
row against the sum of others in a column, and the evidence strong enough to take an
unlabelled block of rows for a total and its parts.
"""

from __future__ import annotations

from auditlint.extract.tables.model import CanonicalTable, Row, summable
from auditlint.numbers import TOLERANCE, ZERO, Approx, Quantity, asum, compare


def amount(ct: CanonicalTable, row: Row, role: str) -> Approx | None:
    """The row's amount as an interval at the column's precision; 0 for an empty
    or dash cell; None when it is not a number (NaN, text)."""
    # the hierarchy's search asks for the same cells thousands of times, and a built
    # table's values do not change: computed once per table, row and column
    memo = ct.memo.setdefault("amounts", {})
    key = (row.index, role)
    try:
        return memo[key]  # type: ignore[index]
    except KeyError:
        value = memo[key] = _amount(ct, row, role)  # type: ignore[index]
        return value


def _amount(ct: CanonicalTable, row: Row, role: str) -> Approx | None:
    q = row.values.get(role)
    cell = row.cells.get(role)
    col = ct.column(role)
    decimals = col.decimals if col else 0
    if q is None:
        if cell is None or not cell.text.strip():
            return Approx.exact(0)
        return None
    if q.placeholder is not None and not q.undefined:
        return Approx.exact(0)
    if not q.is_number or q.comparator not in (None, "="):
        return None
    if q.decimals == 0 and decimals > 0 and abs(q.value) >= _WHOLE:
        # 22,118,861 among 14,348,853.34 and 2,925,857.00: a cell whose format dropped
        # the cents shows the amount rounded to the unit, which is a plausible reading
        return Approx.printed(q.value, 0)
    return Approx.printed(q.value, max(decimals, q.decimals))


_WHOLE = 1000  # a whole number this large in a column of decimals may be rounded to the unit


def adds_up(ct: CanonicalTable, parent: Row, children: list[Row], role: str) -> bool | None:
    """Does ``parent`` equal the sum of ``children`` in this column? None when the
    column cannot say (a value missing, or everything zero)."""
    if not parent.has(role):
        return None
    stated = amount(ct, parent, role)
    parts = [amount(ct, ch, role) for ch in children]
    if stated is None or any(p is None for p in parts) or not children:
        return None
    if stated.mid == 0 and all(p.mid == 0 for p in parts):  # type: ignore[union-attr]
        return None
    return _agrees(stated, asum(parts))  # type: ignore[arg-type]


def _agrees(stated: Approx, computed: Approx) -> bool:
    """``compare(stated, computed).level == "ok"``, answered without the rounding
    sigmas (a square root) when the intervals do not meet: with no relative slack
    that is compare's own first test, and most sums the hierarchy tries fail it."""
    if not TOLERANCE.get().relative and stated.gap(computed) > 0:
        return False
    return compare(stated, computed).level == "ok"


def anchor(ct: CanonicalTable, parent: Row, children: list[Row]) -> bool:
    """Does ``parent`` equal the sum of ``children`` in at least one column?"""
    return any(adds_up(ct, parent, children, role) for role in ct.roles() if summable(role))


def _significant_digits(q: Quantity) -> int:
    digits = "".join(ch for ch in q.text if ch.isdigit()).lstrip("0")
    return len(digits)


def strong_anchor(ct: CanonicalTable, parent: Row, children: list[Row]) -> bool:
    """An unlabelled block is believed only on evidence a coincidence rarely gives:
    it adds up in two columns, or in one column whose total is printed with at least
    three significant digits over at least two non-zero rows. Small round amounts
    (追加 2 = 1 + 1) add up by chance all the time."""
    matched: list[str] = []
    for role in ct.roles():
        if summable(role) and adds_up(ct, parent, children, role):
            matched.append(role)
            if len(matched) == 2:  # the hierarchy's search asks this thousands of times
                return True
    for role in matched:
        q = parent.values.get(role)
        nonzero = sum(1 for ch in children if ch.has(role) and ch.values[role].value != 0)
        if q is not None and _significant_digits(q) >= 3 and nonzero >= 2:
            return True
    return False


def strong_anchors(ct: CanonicalTable, parent: Row, rows: list[Row]) -> list[bool]:
    """``strong_anchor(ct, parent, rows[:m])`` for every m from 0 to len(rows), at the
    cost of one pass down ``rows`` per column: the hierarchy's search asks it of every
    run below every row, and summing each run afresh made that cubic in the rows. The
    running sums add the same amounts in the same order as ``asum`` does."""
    n = len(rows)
    matches = [0] * (n + 1)  # columns in which rows[:m] adds up to the parent
    convincing = [False] * (n + 1)  # ... one of them with a total strong enough alone
    for role in ct.roles():
        if not summable(role) or not parent.has(role):
            continue
        stated = amount(ct, parent, role)
        if stated is None:
            continue
        q = parent.values.get(role)
        strong_total = q is not None and _significant_digits(q) >= 3
        mid = half = var = ZERO
        all_zero = stated.mid == 0
        nonzero = 0
        for m, ch in enumerate(rows, start=1):
            part = amount(ct, ch, role)
            if part is None:  # a part that is not a number: no longer run adds up
                break
            mid += part.mid
            half += part.half
            var += part.var
            all_zero = all_zero and part.mid == 0
            if ch.has(role) and ch.values[role].value != 0:
                nonzero += 1
            if all_zero or not _agrees(stated, Approx(mid, half, var)):
                continue
            matches[m] += 1
            if strong_total and nonzero >= 2:
                convincing[m] = True
    return [k >= 2 or c for k, c in zip(matches, convincing)]
