"""Exact arithmetic and the ways reports print numbers (half-up rounding, 万元, 亿元,
thousands separators, signed changes, Chinese numerals)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

D = Decimal


def q(x: object, d: int = 2) -> Decimal:
    """Round half up to ``d`` decimals."""
    return D(x).quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)  # type: ignore[arg-type]


def s(x: object, d: int = 2) -> str:
    """Printed number, ``d`` decimals."""
    return f"{q(x, d):f}"


def wan(yuan: object, d: int = 2) -> str:
    """元 → 万元, ``d`` decimals."""
    return s(D(yuan) / D(10000), d)  # type: ignore[arg-type]


def yi(yuan: object, d: int = 2) -> str:
    """元 → 亿元, ``d`` decimals."""
    return s(D(yuan) / D(100000000), d)  # type: ignore[arg-type]


def th(x: object, d: int = 2) -> str:
    """Thousands separators."""
    v = q(x, d)
    return f"{v:,.{d}f}"


thousands = th


def pct(num: object, den: object, d: int = 2, sign: bool = True) -> str:
    v = q(D(num) / D(den) * 100, d)  # type: ignore[arg-type]
    return f"{v:f}%" if sign else f"{v:f}"


def signed(x: object, d: int = 2, fmt: Callable[[Decimal], str] | None = None) -> str:
    """+1.23 / -1.23 / 0.00."""
    v = q(x, d)
    body = (fmt or (lambda y: f"{y:f}"))(abs(v))
    return body if v == 0 else ("+" if v > 0 else "-") + body


def cn_num(n: int) -> str:
    """Chinese numeral for 0 < n < 100 (十二, 二十三)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else digits[t]) + "十" + ("" if u == 0 else digits[u])
