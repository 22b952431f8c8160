"""The shortcuts in writing findings give what the long way gives: ``numbers.fmt``'s
short way is its decimal-context way (``_fmt_exact``) on every kind of Decimal a message
shows, and a template without quoted fields is filled as ``str.format`` fills it."""

from __future__ import annotations

import random
from decimal import Decimal

from auditlint.findings import Both, Message
from auditlint.numbers import _fmt_exact, fmt


def _decimals(seed: int, n: int) -> list[Decimal]:
    rng = random.Random(seed)
    out = [Decimal(s) for s in ("0", "-0", "0.00", "-0.00", "10", "1E+2", "-1E+3", "0.5", "0.50", "100.0",
                                "12.30", "0.0001", "0.00001", "1.23456", "-7.5", "NaN", "Infinity", "-Infinity",
                                "123456789012345678901234567890.12", "0.000")]
    for _ in range(n):
        digits = str(rng.randint(0, 10 ** rng.randint(1, 12)))
        exponent = rng.randint(-8, 3)
        sign = rng.choice(("", "-"))
        out.append(Decimal(f"{sign}{digits}E{exponent}"))
    return out


def test_fmt_s_short_way_is_the_long_way_without_places() -> None:
    for d in _decimals(1, 3000):
        assert fmt(d) == _fmt_exact(d), d


def test_fmt_s_short_way_is_the_long_way_at_any_places() -> None:
    for d in _decimals(2, 3000):
        for places in range(0, 7):
            assert fmt(d, places) == _fmt_exact(d, places), (d, places)


def test_fmt_takes_the_short_way_for_a_cells_own_places() -> None:
    # a printed cell value at its own places: the text as printed, rounding untouched
    assert fmt(Decimal("709.66"), 2) == "709.66"
    assert fmt(Decimal("709.665"), 2) == "709.67"
    assert fmt(Decimal("8.50")) == "8.5"
    assert fmt(Decimal("-0.0")) == "0"


def test_a_template_without_quotes_is_filled_as_format_fills_it() -> None:
    m = Message(zh="{label}的{column}为 {stated}", en="{label}: {column} is {stated}")
    out = m.format(label="合计“一般”", column=Both("预算数", "budget"), stated="1,410.00")
    assert out == {"message_zh": "合计“一般”的预算数为 1,410.00", "message_en": "合计“一般”: budget is 1,410.00"}


def test_a_quoted_field_still_nests_its_quotes() -> None:
    m = Message(zh="“{name}”为 {v}", en="“{name}” is {v}")
    out = m.format(name="“三公经费”变动率", v="3")
    assert out["message_zh"] == "“‘三公经费’变动率”为 3"
