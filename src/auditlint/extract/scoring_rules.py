"""Scoring rules (评分标准): a small model and a parser.

A rule's text is parsed into one of

- ``Additive``: items whose points add up ("共3项：1.…得1分；2.…得1分；3.…得1分");
- ``Bands``: ranges of one measure → points ("90%-100%得2.5分；80%-89%得1分；60%以下，不得分");
- ``Threshold``: one condition → points ("不低于85%，得4分");
- ``Proportional``: a factor × the weight ("到位比率×权重=得分"), with the bound above
  which full marks are given, when printed;
- ``Deduction``: points off per unit, from full marks or from the points printed for the
  best case ("每超出1%扣除5%的权重分，扣完为止", "每发现一例扣除0.2分");
- ``Choice``: worded levels, the best of which is the maximum ("明确的得2分；明确性不足得1分；
  不明确得0分", "完成得分，没完成不得分");
- ``Unparsed``: anything else, kept as text with the reason. No guessing: two worded
  conditions worth the same points may be alternatives or may add up, so they are left
  unparsed.

Every rule knows its maximum points (given the indicator's weight, for rules that speak
of 满分 or 权重) and, for a stated actual it can read, the points it awards (an
``Award``) or ``None`` when it cannot tell. Offsets (``at``) point into the rule's text so
a finding can name the line a number is printed on. Pure functions: no Document, no
Facts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from auditlint.numbers import BASE_UNITS, SCALES, Quantity, find_quantities, fmt, normalize, parse_cn_int

ZERO = Decimal(0)
HUNDRED = Decimal(100)

# ---------------------------------------------------------------------------
# points


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


# ---------------------------------------------------------------------------
# measures: a condition's bound and a stated actual, in base units


_UNIT_ALT = "|".join(sorted((re.escape(u) for u in BASE_UNITS if u), key=len, reverse=True))


def to_base(value: Decimal, unit: str | None) -> tuple[Decimal, str]:
    """A value in its base unit: 363.21万人 → (3632100, "人")."""
    u = unit or ""
    return value * SCALES.get(u, Decimal(1)), BASE_UNITS.get(u, u)


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


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


# ---------------------------------------------------------------------------
# awards


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


def _pick(readings: list[Reading], unit: str) -> Reading | None:
    same = [r for r in readings if r.unit == unit]
    return same[0] if len(same) == 1 else None


def _tested(cond: Cond, readings: list[Reading]) -> tuple[Reading, bool] | None:
    """The one reading of the condition's measure and whether it meets it; None when
    there is no such reading or it cannot tell."""
    r = _pick(readings, cond.unit)
    hit = cond.test(r) if r is not None else None
    return None if r is None or hit is None else (r, hit)


# ---------------------------------------------------------------------------
# the rule model


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


@dataclass(frozen=True)
class Choice(Rule):
    """Worded levels: the best one is the maximum; which level the actual reached
    cannot be read from numbers."""

    options: tuple[tuple[Cond, Points], ...] = ()

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        vals = [p.resolve(weight) for _, p in self.options]
        if any(v is None for v in vals) or not vals:
            return None
        return max(v for v in vals if v is not None)

    def uses_weight(self) -> bool:
        return any(not p.explicit for _, p in self.options) and not any(
            p.explicit and p.value and p.value > 0 for _, p in self.options
        )

    def maxima(self, weight: Decimal | None) -> set[Decimal]:
        # "建立制度得2分；执行有效得1分" may be levels (best: 2) or two criteria (2 + 1)
        out = super().maxima(weight)
        positive = [p.value for _, p in self.options if p.value is not None and p.value > 0]
        if len(positive) > 1 and all(p.explicit for _, p in self.options):
            out.add(sum(positive, ZERO))
        return out


@dataclass(frozen=True)
class Threshold(Rule):
    cond: Cond = field(default_factory=lambda: Cond(""))
    points: Points = FULL
    otherwise: Points = Points(ZERO)

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        a, b = self.points.resolve(weight), self.otherwise.resolve(weight)
        return None if a is None or b is None else max(a, b)

    def uses_weight(self) -> bool:
        return not self.points.explicit

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        tested = _tested(self.cond, readings)
        if tested is None:
            return None
        r, hit = tested
        pts = (self.points if hit else self.otherwise).resolve(weight)
        if pts is None:
            return None
        word = "meets" if hit else "misses"
        return Award(pts, pts, True, f"{r.show()} {word} {self.cond.show()} → {fmt(pts)}")


@dataclass(frozen=True, slots=True)
class Band:
    cond: Cond
    points: Points
    at: int = 0  # offset of the band's bounds in the rule text


@dataclass(frozen=True)
class Bands(Rule):
    items: tuple[Band, ...] = ()
    nested: bool = False  # built from nested thresholds (≥90%…；≥80%…): contiguous by construction

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        vals = [b.points.resolve(weight) for b in self.items]
        if any(v is None for v in vals) or not vals:
            return None
        return max(v for v in vals if v is not None)

    def uses_weight(self) -> bool:
        return not any(b.points.explicit and b.points.value for b in self.items)

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if not self.items:
            return None
        r = _pick(readings, self.items[0].cond.unit)
        if r is None:
            return None
        hits = []
        for b in self.items:
            t = b.cond.test(r)
            if t is None:
                return None
            if t:
                hits.append(b)
        if len(hits) != 1:
            return None  # in no band (a gap) or in two (an overlap): AL408's business
        pts = hits[0].points.resolve(weight)
        if pts is None:
            return None
        return Award(pts, pts, True, f"{r.show()} in {hits[0].cond.show()} → {fmt(pts)}")

    def bands(self) -> list[Bands]:
        return [self]


@dataclass(frozen=True)
class _Graded(Rule):
    """A rule that gives its best points (满分 unless printed) while ``full_at`` holds and
    computes less otherwise."""

    best: Points = FULL
    full_at: Cond | None = None

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        return self.best.resolve(weight)

    def uses_weight(self) -> bool:
        return not self.best.explicit

    def _at_best(self, readings: list[Reading], weight: Decimal | None) -> tuple[Award | None, bool]:
        """(the best points when ``full_at`` holds, whether that settled it)."""
        best = self.best.resolve(weight)
        if self.full_at is None:
            return None, False
        tested = _tested(self.full_at, readings)
        if tested is None or best is None:
            return None, True
        r, hit = tested
        if not hit:
            return None, False
        return Award(best, best, True, f"{r.show()} meets {self.full_at.show()} → {fmt(best)}"), True


@dataclass(frozen=True)
class Proportional(_Graded):
    """factor × weight. ``basis`` "rate": the actual is itself the factor (到位率 × 权重);
    "ratio": the actual over the target (完成值 ÷ 目标值 × 权重). Full marks while
    ``full_at`` holds, when printed."""

    basis: str = "rate"

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if weight is None or self.best.resolve(weight) != weight:
            return None
        award, settled = self._at_best(readings, weight)
        if settled:
            return award
        if self.basis == "rate":
            r, base = _pick(readings, "%"), Reading("100%", HUNDRED, HUNDRED, "%")
        else:
            unit = self.full_at.unit if self.full_at is not None else (target.unit if target else "")
            r, base = _pick(readings, unit), target
            if base is None and self.full_at is not None and self.full_at.lo is not None:
                base = Reading("", self.full_at.lo, self.full_at.lo, unit)
        if r is None or r.lo is None or base is None or base.point is None or base.point <= 0 or base.unit != r.unit:
            return None
        half = r.half if r.point is not None else ZERO  # "超过90%" is a bound, not a rounded value
        lo = max(ZERO, min(Decimal(1), (r.lo - half) / base.point))
        hi = max(ZERO, min(Decimal(1), (r.hi + half) / base.point)) if r.hi is not None else Decimal(1)
        what = f"{r.show()} × {fmt(weight)}" if self.basis == "rate" else f"{r.show()} ÷ {base.show()} × {fmt(weight)}"
        return Award(lo * weight, hi * weight, False, what, lo_open=not r.lo_incl)


@dataclass(frozen=True)
class Deduction(_Graded):
    """Points off the best, ``amount`` per ``per`` ``per_unit`` (a percentage of the
    weight when ``of_weight``), never below zero; no deduction while ``full_at`` holds.
    ``direction``: "over" or "under" the bound of ``full_at``, or "count" (每发现一例)."""

    per: Decimal = Decimal(1)
    per_unit: str = ""
    direction: str = "count"
    amount: Decimal = ZERO
    of_weight: bool = False

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if self.full_at is None or self.direction == "count" or weight is None:
            return None
        award, settled = self._at_best(readings, weight)
        if settled:
            return award
        start = self.best.resolve(weight)
        r = _pick(readings, self.full_at.unit)
        bound = self.full_at.hi if self.direction == "over" else self.full_at.lo
        if start is None or r is None or r.point is None or bound is None or self.per <= 0:
            return None
        step = self.per * (r.scale if self.per_unit != "%" else Decimal(1))
        excess = abs(r.point - bound) / step
        each = self.amount * (weight / HUNDRED if self.of_weight else Decimal(1))
        # whether a part of a unit already costs a deduction is not said: both readings
        lo = max(ZERO, start - Decimal(math.ceil(excess)) * each)
        hi = max(ZERO, start - Decimal(math.floor(excess)) * each)
        return Award(lo, hi, lo == hi, f"{r.show()}：{fmt(start)} − {fmt(excess)}×{fmt(each)}")


@dataclass(frozen=True)
class Additive(Rule):
    items: tuple[Rule, ...] = ()

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        if any(it.uses_weight() for it in self.items) and len(self.items) > 1:
            return None  # 满分 inside one of several items: a share we cannot know
        vals = [it.max_points(weight) for it in self.items]
        if not vals or any(v is None for v in vals):
            return None
        return sum((v for v in vals if v is not None), ZERO)

    def maxima(self, weight: Decimal | None) -> set[Decimal]:
        if self.max_points(weight) is None:
            return set()
        sums = {ZERO}
        for it in self.items:
            sums = {a + b for a in sums for b in it.maxima(weight)}
            if len(sums) > 64:
                break  # enough readings to know the weight is among them or not
        return sums

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if any(it.uses_weight() for it in self.items):
            return None
        got = [it.award(readings, weight, target) for it in self.items]
        if not got or any(a is None for a in got):
            return None
        awards = [a for a in got if a is not None]
        lo = sum((a.lo for a in awards), ZERO)
        hi = sum((a.hi for a in awards), ZERO)
        return Award(lo, hi, all(a.exact for a in awards), "；".join(a.how for a in awards))

    def bands(self) -> list[Bands]:
        return [b for it in self.items for b in it.bands()]


# ---------------------------------------------------------------------------
# the parser


_NUM = r"\d+(?:\.\d+)?"
_CN = r"[一二两三四五六七八九十]"
_INCL = r"(?:\((?P<{0}>含|不含)\))?"

# what a clause gives: the alternatives are tried left to right at each position
_OUTCOME = re.compile(
    r"(?P<zero>不得分|不计分|不给分|(?:得|计|记|给)?\s*(?<![\d.])0(?:\.0+)?\s*分(?!值|钟))"
    r"|(?P<fullof>满分\s*(?P<fullv>" + _NUM + r")\s*分)"
    r"|(?P<full>(?:得|给予?|计|记|获得?)\s*(?:该项|本项|该指标)?(?:全部)?(?:满分|分值|全分)|得全部分值|全部得分|不扣分)"
    r"|(?P<share>(?:得|计)?\s*(?:该项)?(?:权重分|权重|分值)(?:的)?\s*(?P<sharev>" + _NUM + r")\s*%)"
    r"|(?P<share2>(?:得|计|按)\s*(?P<share2v>" + _NUM + r")\s*%\s*(?:的)?\s*(?:分值|权重分|权重|计分|得分))"
    r"|(?P<pts>(?:可得|获得|得分为?|得|计|记|给)\s*(?P<ptsv>" + _NUM + r"|" + _CN + r")\s*分(?![值钟之]))"
    r"|(?P<ded>扣(?:除|减)?\s*(?P<amt>" + _NUM + r")\s*(?P<aunit>分|%)\s*(?:的|得)?\s*(?P<ofw>该项分值|指标分值|权重分|权重|分值)?)"
    r"|(?P<prop>[×*xX]\s*(?:该项)?(?:指标)?(?:权重|分值)|(?:权重|分值)\s*[×*]|乘以\s*(?:该项)?(?:指标)?(?:权重|分值)"
    r"|按(?:照)?[^,，；;。]{0,12}?比例(?:计|得)分)"
    r"|(?P<bare>(?<![=重值按])得分(?![=率值]))"
)
_PER = re.compile(
    r"每(?P<verb>[^\d一二两三四五六七八九十,，；;。]{0,4}?)(?P<per>" + _NUM + "|" + _CN + r")\s*"
    r"(?P<pu>个百分点|%|例|项|次|个|处|起|人|天|日|件|家|条|笔|篇|名)"
)
_RANGE = re.compile(
    r"(?<![\d.])(?P<lo>" + _NUM + r")\s*(?P<u1>%|" + _UNIT_ALT + r")?\s*" + _INCL.format("i1") +
    r"\s*[-~～—–至到]\s*(?P<hi>" + _NUM + r")\s*(?P<u2>%|" + _UNIT_ALT + r")?\s*" + _INCL.format("i2")
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
    r"(?P<v>" + _NUM + r")\s*(?P<u>%|" + _UNIT_ALT + r")?\s*" + _INCL.format("i") +
    r"\s*(?P<sfx>及以上|以上|及以下|以下|以内)?"
)
_SUFFIXED = re.compile(
    r"(?<![\d.])(?P<v>" + _NUM + r")\s*(?P<u>%|" + _UNIT_ALT + r")?\s*" + _INCL.format("i") +
    r"\s*(?P<sfx>及以上|以上|及以下|以下|以内)"
)
_DECLARED = re.compile(r"共\s*(?P<n>\d+|" + _CN + r")\s*(?:项|个方面|个要点|条)")
_ITEM = re.compile(r"(?:(?<=[:：,，；;。\s])|^)(?:(?P<d>\d{1,2})[.、．](?!\d)|\((?P<p>\d{1,2})\)|(?P<c>[①②③④⑤⑥⑦⑧⑨⑩]))")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        n = parse_cn_int(text)
        return Decimal(n) if n is not None else None


@dataclass(frozen=True, slots=True)
class _Outcome:
    kind: str  # "points" | "ded" | "prop"
    start: int
    end: int
    points: Points | None = None
    amount: Decimal = ZERO
    of_weight: bool = False
    text: str = ""


@dataclass(frozen=True, slots=True)
class _Clause:
    cond: Cond
    outcome: _Outcome
    cond_text: str


def _outcomes(text: str, base: int) -> list[_Outcome]:
    out: list[_Outcome] = []
    for m in _OUTCOME.finditer(text):
        s, e = base + m.start(), base + m.end()
        if m.group("zero"):
            out.append(_Outcome("points", s, e, Points(ZERO)))
        elif m.group("fullof"):
            out.append(_Outcome("points", s, e, Points(Decimal(m.group("fullv")))))
        elif m.group("full"):
            out.append(_Outcome("points", s, e, FULL))
        elif m.group("share") or m.group("share2"):
            v = m.group("sharev") or m.group("share2v")
            out.append(_Outcome("points", s, e, Points(share=Decimal(v) / HUNDRED)))
        elif m.group("pts"):
            v = _dec(m.group("ptsv"))
            if v is not None:
                out.append(_Outcome("points", s, e, Points(v)))
        elif m.group("ded"):
            amt = Decimal(m.group("amt"))
            pct = m.group("aunit") == "%"
            ofw = bool(m.group("ofw")) or pct
            out.append(_Outcome("ded", s, e, amount=amt, of_weight=ofw and pct, text=m.group(0)))
        elif m.group("prop"):
            out.append(_Outcome("prop", s, e, text=m.group(0)))
        elif m.group("bare"):
            out.append(_Outcome("points", s, e, FULL))
    return out


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
    return _Bound(cmp, Decimal(m.group("v")) * scale, unit, scale, pu, incl, fuzzy, _decimals(m.group("v")),
                  base + m.start("v"))


def parse_condition(text: str, base: int = 0) -> Cond:
    """The numeric condition in a clause's text, or a worded one (kind "text"). Two
    bounds of one measure (大于等于80%且小于90%) make a range; anything else ambiguous
    stays worded."""
    m = _RANGE.search(text)
    if m and (m.group("u1") or m.group("u2")):
        unit, scale, pu = _unit(m.group("u2") or m.group("u1"))
        lo, hi = Decimal(m.group("lo")) * scale, Decimal(m.group("hi")) * scale
        if lo > hi:
            lo, hi = hi, lo
        dec = max(_decimals(m.group("lo")), _decimals(m.group("hi")))
        return Cond(text, "range", lo, hi, m.group("i1") != "不含", m.group("i2") != "不含", False, False, unit, pu, scale,
                    dec, base + m.start())
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
    if not bounds or len({b.unit for b in bounds}) != 1:
        return Cond(text)
    if len(bounds) == 1:
        b = bounds[0]
        if b.cmp == "=":
            return Cond(text, "equal", b.value, b.value, True, True, False, False, b.unit, b.printed_unit, b.scale,
                        b.decimals, b.at)
        if b.cmp in (">=", ">"):
            return Cond(text, "lower", b.value, None, b.incl, True, b.fuzzy, False, b.unit, b.printed_unit, b.scale,
                        b.decimals, b.at)
        return Cond(text, "upper", None, b.value, True, b.incl, False, b.fuzzy, b.unit, b.printed_unit, b.scale,
                    b.decimals, b.at)
    lowers = [b for b in bounds if b.cmp in (">=", ">")]
    uppers = [b for b in bounds if b.cmp in ("<=", "<")]
    if len(lowers) == 1 and len(uppers) == 1 and len(bounds) == 2 and lowers[0].value <= uppers[0].value:
        lo, hi = lowers[0], uppers[0]
        return Cond(text, "range", lo.value, hi.value, lo.incl, hi.incl, lo.fuzzy, hi.fuzzy, lo.unit, lo.printed_unit,
                    lo.scale, max(lo.decimals, hi.decimals), lo.at)
    return Cond(text)


def _is_count(pu: str) -> bool:
    return pu not in ("%", "个百分点")


def _deduction(text: str, at: int, clause: _Clause, start: Points, free_at: Cond | None) -> Deduction:
    o = clause.outcome
    m = _PER.search(clause.cond_text)
    per, pu, verb = Decimal(1), "", ""
    if m:
        per = _dec(m.group("per")) or Decimal(1)
        pu, verb = m.group("pu"), m.group("verb")
    if not m or (_is_count(pu) and not any(w in verb for w in ("超", "低", "高", "降", "少", "多", "减"))):
        direction = "count"  # 每发现一例: how many were found is not a number the table gives
    elif any(w in verb for w in ("低", "降", "少", "减")):
        direction = "under"
    else:
        direction = "over"
    return Deduction(text, at, best=start, full_at=free_at, per=per, per_unit="%" if pu == "个百分点" else pu,
                     direction=direction, amount=o.amount, of_weight=o.of_weight)


def _clauses(text: str, base: int) -> list[_Clause]:
    outs = _outcomes(text, base)
    clauses = []
    prev = base
    for o in outs:
        cond_text = text[prev - base : o.start - base]
        if o.kind == "ded":
            # "每超出1%" is the deduction's unit, not a condition
            cond_for_bounds = _PER.sub("", cond_text)
        else:
            cond_for_bounds = cond_text
        cond = parse_condition(cond_for_bounds, prev) if o.kind != "ded" or cond_for_bounds.strip(" ,，；;。") else Cond(cond_text)
        clauses.append(_Clause(cond, o, cond_text))
        prev = o.end
    return clauses


def _positive(c: _Clause) -> bool:
    p = c.outcome.points
    return c.outcome.kind == "points" and p is not None and (p.value is None or p.value > 0)


# what still reads like points after every outcome was taken: a form the parser does not know
_STRAY = re.compile(r"得\s*\d|得\s*[一二两三四五六七八九十]\s*分|[计记给]\s*\d+(?:\.\d+)?\s*分|按\s*\d+(?:\.\d+)?\s*%"
                    r"|\d+(?:\.\d+)?\s*%\s*的?\s*(?:分值|权重)")


# points for each of a list ("6月底、9月底分别达到45%、70%的，各得3分"): the maximum is the
# points times a count the text leaves to the reader
_EACH = re.compile(r"(?:各|每项|分别)\s*(?:可)?\s*[得计记给]\s*\d")


def parse_item(text: str, base: int = 0) -> Rule:
    """One criterion (an item of an additive rule, or a whole rule)."""
    if _EACH.search(text):
        return Unparsed(text, base, "points for each of several items")
    clauses = _clauses(text, base)
    if not clauses:
        return Unparsed(text, base, "no points in the text")
    rest = [c.cond_text for c in clauses] + [text[clauses[-1].outcome.end - base :]]
    if any(_STRAY.search(t) for t in rest):
        return Unparsed(text, base, "points in a form the parser does not read")
    positives = [c for c in clauses if _positive(c)]
    zeros = [c for c in clauses if c.outcome.kind == "points" and not _positive(c)]
    deds = [c for c in clauses if c.outcome.kind == "ded"]
    props = [c for c in clauses if c.outcome.kind == "prop"]
    top = max(positives, key=lambda c: c.outcome.points.resolve(Decimal(10**6)) or ZERO) if positives else None  # type: ignore[union-attr]
    if props:
        if len(props) > 1 or deds or len(positives) > 1:
            return Unparsed(text, base, "a proportional rule mixed with other scoring")
        full_at = top.cond if top is not None and top.cond.numeric else None
        ratio = any(w in text for w in ("目标值", "标准值", "计划值", "目标", "标准")) and any(
            w in text for w in ("比值", "比重", "之比", "÷", "/"))
        pts = top.outcome.points if top is not None else FULL
        return Proportional(text, top.outcome.start if top else props[0].outcome.start, best=pts or FULL,
                            full_at=full_at, basis="ratio" if ratio else "rate")
    if deds:
        if len(positives) > 1 or len(deds) > 1 and len({(d.outcome.amount, d.outcome.of_weight) for d in deds}) > 1:
            return Unparsed(text, base, "several deductions or levels")
        start = top.outcome.points if top is not None and top.outcome.points else FULL
        free_at = top.cond if top is not None and top.cond.numeric else None
        at = top.outcome.start if top is not None else deds[0].outcome.start
        return _deduction(text, at, deds[0], start, free_at)
    if not positives:
        return Unparsed(text, base, "no clause gives points")
    numeric = [c for c in positives if c.cond.numeric]
    if len(numeric) == len(positives):
        units = {c.cond.unit for c in positives}
        if len(positives) == 1:
            c = positives[0]
            other = Points(ZERO)
            for z in zeros:
                other = z.outcome.points or other
            return Threshold(text, c.outcome.start, c.cond, c.outcome.points or FULL, other)
        if len(units) == len(positives):
            # conditions on different measures, each worth its own points: they add up
            items = tuple(Threshold(c.cond_text, c.outcome.start, c.cond, c.outcome.points or FULL) for c in positives)
            return Additive(text, positives[0].outcome.start, items)
        if len(units) == 1:
            return _bands(text, positives, zeros)
        return Unparsed(text, base, "conditions on several measures")
    if numeric:
        return Unparsed(text, base, "numeric and worded conditions mixed")
    vals = [c.outcome.points.value for c in positives if c.outcome.points and c.outcome.points.explicit]
    if len(positives) > 1 and len(set(vals)) != len(vals):
        return Unparsed(text, base, "worded conditions with equal points: alternatives or additive?")
    options = tuple((c.cond, c.outcome.points or FULL) for c in [*positives, *zeros])
    at = top.outcome.start if top is not None else base
    return Choice(text, at, options)


def _bands(text: str, positives: list[_Clause], zeros: list[_Clause]) -> Rule:
    numeric_zeros = [z for z in zeros if z.cond.numeric and z.cond.unit == positives[0].cond.unit]
    clauses = [*positives, *numeric_zeros]
    kinds = {c.cond.kind for c in positives}
    nested = kinds <= {"lower"} or kinds <= {"upper"}
    items: list[Band] = []
    if nested and len(positives) > 1:
        # ≥90%得5分；≥80%得3分: each threshold holds up to the next one
        lower = kinds <= {"lower"}
        ordered = sorted(positives, key=lambda c: c.cond.lo if lower else c.cond.hi, reverse=lower)  # type: ignore[arg-type,return-value]
        prev: Cond | None = None
        for c in ordered:
            cond = c.cond
            if prev is not None:
                if lower:
                    cond = Cond(cond.text, "range", cond.lo, prev.lo, cond.lo_incl, not prev.lo_incl, cond.fuzzy_lo, prev.fuzzy_lo,
                                cond.unit, cond.printed_unit, cond.scale, cond.decimals, cond.at)
                else:
                    cond = Cond(cond.text, "range", prev.hi, cond.hi, not prev.hi_incl, cond.hi_incl, prev.fuzzy_hi, cond.fuzzy_hi,
                                cond.unit, cond.printed_unit, cond.scale, cond.decimals, cond.at)
            items.append(Band(cond, c.outcome.points or FULL, c.cond.at))
            prev = c.cond
        for z in numeric_zeros:
            items.append(Band(z.cond, z.outcome.points or Points(ZERO), z.cond.at))
    else:
        items = [Band(c.cond, c.outcome.points or FULL, c.cond.at) for c in clauses]
    best = max(positives, key=lambda c: c.outcome.points.resolve(Decimal(10**6)) or ZERO)  # type: ignore[union-attr]
    return Bands(text, best.outcome.start, tuple(_settle(items)), nested)


def _settle(items: list[Band]) -> list[Band]:
    """"70%以下" beside "70%-79%": the band that prints 70% as its own bound keeps it, so
    the 以下 band stops short of it. A bound no other band claims stays unsettled."""
    out = []
    for b in items:
        c = b.cond
        if c.fuzzy_hi and any(o is not b and o.cond.lo == c.hi and o.cond.lo_incl and not o.cond.fuzzy_lo for o in items):
            c = replace(c, hi_incl=False, fuzzy_hi=False)
        if c.fuzzy_lo and any(o is not b and o.cond.hi == c.lo and o.cond.hi_incl and not o.cond.fuzzy_hi for o in items):
            c = replace(c, lo_incl=False, fuzzy_lo=False)
        out.append(Band(c, b.points, b.at))
    return out


def _items(text: str) -> list[tuple[int, int]]:
    """Spans of numbered items (1.… 2.…, (1)…(2)…, ①…②…) numbered from one, in order."""
    marks = []
    for m in _ITEM.finditer(text):
        n = int(m.group("d") or m.group("p") or 0) if not m.group("c") else _CIRCLED.index(m.group("c")) + 1
        marks.append((n, m.start(), m.end()))
    chosen: list[tuple[int, int]] = []
    want = 1
    for n, s, e in marks:
        if n == want:
            chosen.append((s, e))
            want += 1
    if len(chosen) < 2:
        return []
    spans = []
    for k, (_s, e) in enumerate(chosen):
        end = chosen[k + 1][0] if k + 1 < len(chosen) else len(text)
        spans.append((e, end))
    return spans


def _declared(text: str) -> int | None:
    m = _DECLARED.search(text)
    if not m:
        return None
    v = _dec(m.group("n"))
    return int(v) if v is not None else None


def parse_rule(text: str) -> Rule:
    """Parse a 评分标准 cell. Offsets in the result refer to ``text``."""
    if not text or not text.strip():
        return Unparsed(text or "", 0, "empty")
    t = normalize(text)
    declared = _declared(t)
    spans = _items(t)
    if spans:
        preamble = t[: spans[0][0]]
        items = [parse_item(t[s:e], s) for s, e in spans]
        if declared is None and all(isinstance(i, Threshold) for i in items):
            units = {i.cond.unit for i in items if isinstance(i, Threshold)}
            if len(units) == 1:
                whole = parse_item(t, 0)  # numbered bands ("1.达到90%得5分；2.达到80%得3分")
                if isinstance(whole, Bands):
                    return whole
        if declared is not None and declared != len(items):
            return Unparsed(text, 0, f"共{declared}项 but {len(items)} items printed")
        if _outcomes(preamble, 0):
            return Unparsed(text, 0, "points outside the numbered items")
        return Additive(text, items[0].at, tuple(items))
    if declared is not None and declared > 1:
        clauses = _clauses(t, 0)
        positives = [c for c in clauses if _positive(c)]
        if len(positives) == declared and not any(c.outcome.kind != "points" for c in clauses):
            items_: list[Rule] = []
            for c in positives:
                items_.append(Choice(c.cond_text, c.outcome.start, ((c.cond, c.outcome.points or FULL),)))
            return Additive(text, positives[0].outcome.start, tuple(items_))
        return Unparsed(text, 0, f"共{declared}项 without numbered items")
    return parse_item(t, 0)


# ---------------------------------------------------------------------------
# bands: gaps and overlaps (AL408)


@dataclass(frozen=True, slots=True)
class BandBreak:
    """Two neighbouring bands that leave a gap or overlap. ``lower``/``upper`` are the
    bands below and above; ``stated`` is the lower band's upper bound as printed and
    ``expected`` the value it would need to meet the upper band without a gap."""

    kind: str  # "gap" | "overlap"
    lower: Band
    upper: Band
    stated: Decimal
    expected: Decimal
    unit: str


def band_breaks(rule: Bands) -> list[BandBreak]:
    """Gaps and overlaps between neighbouring bands, in the units printed. Bands that
    touch (80%-90% then 90%-100%) or follow in whole steps of the last printed digit
    (80%-89% then 90%-100%) are contiguous; open-ended sides are not compared."""
    if rule.nested or len(rule.items) < 2:
        return []
    items = [b for b in rule.items if b.cond.numeric]
    if len({b.cond.unit for b in items}) != 1:
        return []

    def lo(b: Band) -> Decimal:
        return b.cond.lo if b.cond.lo is not None else Decimal("-Infinity")

    ordered = sorted(items, key=lambda b: (lo(b), b.cond.hi if b.cond.hi is not None else Decimal("Infinity")))
    out: list[BandBreak] = []
    for a, b in zip(ordered, ordered[1:]):
        if a.cond.hi is None or b.cond.lo is None:
            continue
        scale = a.cond.scale
        dec = max(a.cond.decimals, b.cond.decimals)
        step = Decimal(1).scaleb(-dec) * scale
        gap = b.cond.lo - a.cond.hi
        if gap > step:
            kind = "gap"
        elif gap < 0:
            kind = "overlap"
        else:
            continue
        out.append(BandBreak(kind, a, b, a.cond.hi / scale, (b.cond.lo - step) / scale, a.cond.printed_unit))
    return out


__all__ = [
    "FULL", "Additive", "Award", "Band", "BandBreak", "Bands", "Choice", "Cond", "Deduction", "Points",
    "Proportional", "Reading", "Rule", "Threshold", "Unparsed", "band_breaks", "parse_condition", "parse_rule",
    "reading_of", "readings_in", "to_base",
]
