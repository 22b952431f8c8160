"""A clause's condition: "90%-100%", "不低于85%", "60%以下", "大于等于80%且小于90%" → ``Cond``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.scoring.rules.measures import Cond, to_base
from auditlint.extract.scoring.rules.patterns import INCL, NUM, UNIT_ALT, decimals_of
from auditlint.numbers import SCALES

_RANGE = re.compile(
    r"(?<![\d.])(?P<lo>" + NUM + r")\s*(?P<u1>%|" + UNIT_ALT + r")?\s*" + INCL.format("i1") +
    r"\s*[-~～—–至到]\s*(?P<hi>" + NUM + r")\s*(?P<u2>%|" + UNIT_ALT + r")?\s*" + INCL.format("i2")
)
_CMP_WORDS = [
    ("大于或等于", ">="), ("大于等于", ">="), ("高于或等于", ">="), ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("小于或等于", "<="), ("小于等于", "<="), ("低于或等于", "<="), ("不高于", "<="), ("不超过", "<="), ("不大于", "<="),
    ("不多于", "<="), ("没有达到", "<"), ("没达到", "<"), ("未达到", "<"), ("未达", "<"), ("不到", "<"), ("不足", "<"),
    ("超过", ">"), ("超出", ">"), ("高于", ">"), ("大于", ">"), ("多于", ">"),
    ("低于", "<"), ("小于", "<"), ("少于", "<"),
    ("达到", ">="), ("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), (">", ">"), ("<", "<"),
    ("等于", "="), ("=", "="), ("为", "="),
]
_CMP_MAP = dict(_CMP_WORDS)
_PREFIX = re.compile(
    r"(?P<cmp>" + "|".join(re.escape(w) for w, _ in _CMP_WORDS) + r")\s*(?:[^\d\s,，；;。:：()]{0,4}?)\s*"
    r"(?P<v>" + NUM + r")\s*(?P<u>%|" + UNIT_ALT + r")?\s*" + INCL.format("i") +
    r"\s*(?P<sfx>及以上|以上|及以下|以下|以内)?"
)
_SUFFIXED = re.compile(
    r"(?<![\d.])(?P<v>" + NUM + r")\s*(?P<u>%|" + UNIT_ALT + r")?\s*" + INCL.format("i") +
    r"\s*(?P<sfx>及以上|以上|及以下|以下|以内)"
)


def _unit(u: str | None) -> tuple[str, Decimal, str]:
    u = u or ""
    _, base = to_base(Decimal(1), u)
    return base, SCALES.get(u, Decimal(1)), u


@dataclass(frozen=True, slots=True)
class _Bound:
    cmp: str  # ">=", ">", "<=", "<", "="
    value: Decimal  # in base units
    unit: str
    scale: Decimal
    printed_unit: str
    incl: bool
    fuzzy: bool  # 以上/以下 without 含 or 及: whether the bound is in is a matter of reading
    decimals: int
    at: int


def _bound(cmp: str, m: re.Match[str], sfx: str | None, base: int, word: str | None = None) -> _Bound:
    unit, scale, pu = _unit(m.group("u"))
    marked = m.group("i")
    if sfx and cmp in ("=", ">=", "<="):
        cmp = ">=" if "上" in sfx else "<="
    if marked:
        incl, fuzzy = marked == "含", False
    elif cmp in (">", "<"):
        incl, fuzzy = False, False
    elif sfx in ("以上", "以下") and word in (None, "为", "=", "等于"):
        incl, fuzzy = True, True
    else:
        incl, fuzzy = True, False
    return _Bound(cmp, Decimal(m.group("v")) * scale, unit, scale, pu, incl, fuzzy, decimals_of(m.group("v")),
                  base + m.start("v"))


def parse_condition(text: str, base: int = 0) -> Cond:
    """The numeric condition in a clause's text, or a worded one (kind "text"). Two
    bounds of one measure (大于等于80%且小于90%) make a range; anything else ambiguous
    stays worded."""
    ranged = _printed_range(text, base)
    if ranged is not None:
        return ranged
    bounds = _bounds(text, base)
    if not bounds or len({b.unit for b in bounds}) != 1:
        return Cond(text)
    if len(bounds) == 1:
        return _one_bound(text, bounds[0])
    lowers = [b for b in bounds if b.cmp in (">=", ">")]
    uppers = [b for b in bounds if b.cmp in ("<=", "<")]
    if len(lowers) == 1 and len(uppers) == 1 and len(bounds) == 2 and lowers[0].value <= uppers[0].value:
        lo, hi = lowers[0], uppers[0]
        return Cond(text, "range", lo.value, hi.value, lo.incl, hi.incl, lo.fuzzy, hi.fuzzy, lo.unit, lo.printed_unit,
                    lo.scale, max(lo.decimals, hi.decimals), lo.at)
    return Cond(text)


def _printed_range(text: str, base: int) -> Cond | None:
    """"80%-89%", "80至90%": a range printed as one, when a unit says what it measures."""
    m = _RANGE.search(text)
    if not m or not (m.group("u1") or m.group("u2")):
        return None
    unit, scale, pu = _unit(m.group("u2") or m.group("u1"))
    lo, hi = Decimal(m.group("lo")) * scale, Decimal(m.group("hi")) * scale
    if lo > hi:
        lo, hi = hi, lo
    dec = max(decimals_of(m.group("lo")), decimals_of(m.group("hi")))
    return Cond(text, "range", lo, hi, m.group("i1") != "不含", m.group("i2") != "不含", False, False, unit, pu, scale,
                dec, base + m.start())


def _bounds(text: str, base: int) -> list[_Bound]:
    """Every bound the text prints: after a comparison word (不低于85%), or before 以上/以下."""
    bounds: list[_Bound] = []
    taken: list[tuple[int, int]] = []
    for m in _PREFIX.finditer(text):
        word = m.group("cmp")
        if word == "为" and not m.group("u"):
            continue  # 为 before a bare number is not a comparison
        bounds.append(_bound(_CMP_MAP[word], m, m.group("sfx"), base, word))
        taken.append((m.start(), m.end()))
    for m in _SUFFIXED.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            bounds.append(_bound("=", m, m.group("sfx"), base))
    return bounds


def _one_bound(text: str, b: _Bound) -> Cond:
    if b.cmp == "=":
        return Cond(text, "equal", b.value, b.value, True, True, False, False, b.unit, b.printed_unit, b.scale,
                    b.decimals, b.at)
    if b.cmp in (">=", ">"):
        return Cond(text, "lower", b.value, None, b.incl, True, b.fuzzy, False, b.unit, b.printed_unit, b.scale,
                    b.decimals, b.at)
    return Cond(text, "upper", None, b.value, True, b.incl, False, b.fuzzy, b.unit, b.printed_unit, b.scale,
                b.decimals, b.at)
