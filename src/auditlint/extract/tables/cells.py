"""What a cell of a budget table holds: a printed number, or anything that reads as
one (a placeholder such as "-" counts)."""

from __future__ import annotations

from functools import lru_cache

from auditlint.numbers import Quantity, parse_quantity

# both are asked of every cell by several readings of a table (header rows, column
# roles, precision, codes); pure functions of the text


@lru_cache(maxsize=1 << 16)
def digit_number(text: str) -> Quantity | None:
    """The number a cell prints in digits (not a placeholder, not 五十)."""
    t = text.strip()
    if not t or not any(ch.isdigit() for ch in t):
        return None
    q = parse_quantity(t)
    return q if q is not None and q.is_number else None


@lru_cache(maxsize=1 << 16)
def numberish(text: str) -> bool:
    """Does the cell read as a number: digits, or a placeholder such as "-"?"""
    t = text.strip()
    if not t:
        return False
    q = parse_quantity(t)
    return q is not None and (q.placeholder is not None or (q.is_number and any(ch.isdigit() for ch in t)))
