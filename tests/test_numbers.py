"""Quantities: parsing every printed form, and interval arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditlint.numbers import Approx, asum, compare, find_quantities, parse_quantity

D = Decimal


@pytest.mark.parametrize(
    ("text", "value", "unit", "comparator", "decimals"),
    [
        ("1782.77", D("1782.77"), None, None, 2),
        ("１,234.５万元", D("1234.5"), "万元", None, 1),
        ("＝100万元", D("100"), "万元", "=", 0),
        ("≥0%", D("0"), "%", ">=", 0),
        ("＞95%", D("95"), "%", ">", 0),
        ("不低于935元/人", D("935"), "元/人", ">=", 0),
        ("-1087.3", D("-1087.3"), None, None, 1),
        ("－0.26万元", D("-0.26"), "万元", None, 2),
        ("负0.26万元", D("-0.26"), "万元", None, 2),
        ("60%以下", D("60"), "%", "<=", 0),
        ("三项", D("3"), "项", None, 0),
    ],
)
def test_printed_forms(text, value, unit, comparator, decimals):
    q = parse_quantity(text)
    assert q is not None and q.is_number
    assert (q.value, q.unit, q.comparator, q.decimals) == (value, unit, comparator, decimals)


@pytest.mark.parametrize("text", ["NaN%", "#DIV/0!"])
def test_undefined_placeholders(text):
    q = parse_quantity(text)
    assert q is not None and q.undefined and not q.is_number


@pytest.mark.parametrize("text", ["—", "-", "/"])
def test_dash_placeholders(text):
    q = parse_quantity(text)
    assert q is not None and q.placeholder is not None and not q.undefined


def test_range_and_scale():
    q = parse_quantity("90%-100%")
    assert q is not None and q.comparator == "range" and q.value == 90 and q.upper.value == 100
    assert parse_quantity("13.45亿元").scale == D(100000000)


def test_interval_of_a_printed_value():
    a = parse_quantity("1067.07").approx
    assert (a.lo, a.hi) == (D("1067.065"), D("1067.075"))


def test_design_example_is_rounding_not_a_mistake():
    parts = asum([Approx.printed(D("715.69"), 2), Approx.printed(D("1067.07"), 2)])
    assert compare(Approx.printed(D("1782.77"), 2), parts).ok
    assert compare(Approx.printed(D("1782.79"), 2), parts).level == "error"


def test_find_quantities_in_running_text():
    text = "本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元），占总支出的40.15%"
    found = [(m.quantity.value, m.quantity.unit, text[m.start : m.end]) for m in find_quantities(text)]
    assert (D("1782.77"), "万元", "1782.77万元") in found and (D("40.15"), "%", "40.15%") in found


amounts = st.decimals(min_value=D("-1e9"), max_value=D("1e9"), places=2, allow_nan=False, allow_infinity=False)


@given(amounts, st.sampled_from(["", "万元", "元", "%"]), st.booleans())
def test_parse_round_trips_and_interval_contains_the_value(value, unit, fullwidth):
    text = f"{value:.2f}{unit}"
    if fullwidth:
        text = text.translate(str.maketrans("0123456789.-", "０１２３４５６７８９．－"))
    q = parse_quantity(text)
    assert q is not None and q.value == value and (q.unit or "") == unit and q.decimals == 2
    assert q.approx.lo <= value <= q.approx.hi


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators(n):
    assert parse_quantity(f"{n:,}").value == n


@given(st.lists(st.decimals(min_value=-10000, max_value=10000, places=4, allow_nan=False), min_size=1, max_size=30))
def test_rounded_parts_never_contradict_their_rounded_sum(values):
    """Whatever the hidden values, printing them and their sum at 2 decimals can
    never produce an interval mismatch: no false alarm from rounding alone."""
    q = D("0.01")
    parts = [Approx.printed(v.quantize(q), 2) for v in values]
    total = Approx.printed(sum(values).quantize(q), 2)
    assert compare(total, asum(parts)).level != "error"


@given(st.decimals(min_value=1, max_value=10000, places=2), st.decimals(min_value=1, max_value=10000, places=2))
def test_ratio_interval_contains_the_true_ratio(a, b):
    r = Approx.printed(a, 2) / Approx.printed(b, 2)
    assert r.lo <= a / b <= r.hi


# -- hostile sizes (issue 17): a number of any length formats and compares, never raises

@pytest.mark.parametrize(("value", "places", "expected"), [
    ("1" * 29, None, "1" * 29),
    ("1" * 29 + ".5", None, "1" * 29 + ".5"),
    ("1" * 29 + ".456", 2, "1" * 29 + ".46"),
    ("-" + "9" * 40, 0, "-" + "9" * 40),
    ("1e308", None, "1" + "0" * 308),
    ("123456789012345678901234567890.123456", None, "123456789012345678901234567890.1235"),
])
def test_fmt_keeps_every_digit_of_a_long_number(value: str, places: int | None, expected: str) -> None:
    from auditlint.numbers import fmt

    assert fmt(D(value), places) == expected


def test_compare_a_tiny_variance_that_is_zero_as_a_float() -> None:
    # 171 decimals: the rounding variance is about 1e-342, positive as a Decimal and 0.0 as a float
    tiny = Approx.printed(D("0." + "0" * 170 + "1"), 171)
    assert tiny.var > 0 and float(tiny.var) == 0.0
    verdict = compare(tiny, Approx.exact(0))
    assert verdict.level == "error"
    assert verdict.difference == D("0." + "0" * 170 + "1")
    assert verdict.sigmas == pytest.approx(3 ** 0.5 * 2)
    assert tiny.sigma > 0


def test_compare_140_digit_values_within_rounding() -> None:
    a = Approx.printed(D("1" * 140 + ".5"), 1)
    b = Approx.printed(D("1" * 140 + ".4"), 1)
    assert compare(a, b).level == "ok"
