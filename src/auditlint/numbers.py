"""Printed numbers as the intervals they stand for.

"1067.07" means any value in [1067.065, 1067.075]; sums and ratios are computed on
those intervals, and a mismatch is only a mismatch when the stated interval does
not meet the computed one (the GRIM / decimals-aware XBRL principle).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache

ZERO = Decimal(0)
HUNDRED = Decimal(100)  # percent

# ---------------------------------------------------------------------------
# Approximate values: an interval plus the variance of its rounding error.


@dataclass(frozen=True, slots=True)
class Approx:
    """A value known to lie in [mid - half, mid + half].

    ``var`` is the variance of the rounding error (uniform on the half-width), used
    to tell "within rounding" from "inside the worst case but implausible".
    """

    mid: Decimal
    half: Decimal = ZERO
    var: Decimal = ZERO

    @property
    def lo(self) -> Decimal:
        return self.mid - self.half

    @property
    def hi(self) -> Decimal:
        return self.mid + self.half

    @staticmethod
    def exact(value: Decimal | int | str) -> Approx:
        return Approx(Decimal(value))

    @staticmethod
    def printed(value: Decimal, decimals: int) -> Approx:
        half, var = _rounding(decimals)
        return Approx(value, half, var)

    def __add__(self, other: Approx) -> Approx:
        return Approx(self.mid + other.mid, self.half + other.half, self.var + other.var)

    def __sub__(self, other: Approx) -> Approx:
        return Approx(self.mid - other.mid, self.half + other.half, self.var + other.var)

    def __neg__(self) -> Approx:
        return Approx(-self.mid, self.half, self.var)

    def scale(self, k: Decimal) -> Approx:
        return Approx(self.mid * k, self.half * abs(k), self.var * k * k)

    def __mul__(self, other: Approx) -> Approx:
        c = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        lo, hi = min(c), max(c)
        mid = self.mid * other.mid
        var = other.mid * other.mid * self.var + self.mid * self.mid * other.var
        return Approx(mid, max(hi - mid, mid - lo), var)

    def __truediv__(self, other: Approx) -> Approx:
        """Quotient; raises ZeroDivisionError when the divisor's interval holds 0."""
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        c = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        lo, hi = min(c), max(c)
        mid = self.mid / other.mid
        var = (self.var + mid * mid * other.var) / (other.mid * other.mid)
        return Approx(mid, max(hi - mid, mid - lo), var)

    @property
    def sigma(self) -> Decimal:
        # Decimal's own root: a variance below 1e-308 is 0.0 as a float
        return self.var.sqrt() if self.var > 0 else ZERO

    def gap(self, other: Approx) -> Decimal:
        """Distance between the two intervals; 0 when they meet."""
        if self.hi < other.lo:
            return other.lo - self.hi
        if other.hi < self.lo:
            return self.lo - other.hi
        return ZERO


@lru_cache(maxsize=256)
def _rounding(decimals: int) -> tuple[Decimal, Decimal]:
    """Half-width and variance of the rounding error of a figure printed to ``decimals``
    places (computed for every cell of every table, again by each check)."""
    half = Decimal(5) * Decimal(10) ** (-(decimals + 1))
    return half, half * half / 3


def asum(items: Iterable[Approx]) -> Approx:
    # the same additions in the same order as summing Approx by Approx, without an
    # Approx per item (a report's table sums add thousands of items)
    mid = half = var = ZERO
    for it in items:
        mid += it.mid
        half += it.half
        var += it.var
    return Approx(mid, half, var)


@dataclass(frozen=True, slots=True)
class Verdict:
    """Outcome of comparing a stated value with a recomputed one."""

    level: str  # "ok" | "warning" | "error"
    difference: Decimal  # stated.mid - computed.mid
    tolerance: Decimal  # the worst-case half-width that was allowed
    sigmas: float  # |difference| in standard deviations of the rounding error

    @property
    def ok(self) -> bool:
        return self.level == "ok"


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How much disagreement a comparison lets pass (the user's ``tolerance`` setting).

    ``sigmas``: a difference inside the worst-case rounding interval but beyond this
    many standard deviations of the summed rounding errors is a warning.
    ``relative``: a slack on top of rounding, as a share of the larger of the two
    values (0.001 lets 0.1 % through); 0 allows rounding and nothing else.
    """

    sigmas: float = 4.0
    relative: float = 0.0


DEFAULT_TOLERANCE = Tolerance()
# The engine sets this for the duration of a run so that a user's tolerance reaches
# every comparison without each check passing it along.
TOLERANCE: ContextVar[Tolerance] = ContextVar("auditlint_tolerance", default=DEFAULT_TOLERANCE)


def compare(stated: Approx, computed: Approx, *, plausible_sigmas: float | None = None) -> Verdict:
    """Compare as intervals.

    - the intervals do not meet → ``error``: no rounding can explain it;
    - they meet, but the difference is more than ``plausible_sigmas`` standard
      deviations of the summed rounding errors → ``warning``;
    - otherwise ``ok``.

    ``plausible_sigmas`` defaults to the run's tolerance (``TOLERANCE``), whose
    relative slack, when set, widens the allowed difference on both counts.
    """
    tolerance = TOLERANCE.get()
    sigmas = tolerance.sigmas if plausible_sigmas is None else plausible_sigmas
    slack = Decimal(str(tolerance.relative)) * max(abs(stated.mid), abs(computed.mid)) if tolerance.relative else ZERO
    diff = stated.mid - computed.mid
    tol = stated.half + computed.half + slack
    var = stated.var + computed.var
    sig = _sigmas(diff, var)
    if slack and abs(diff) <= slack:
        level = "ok"
    elif stated.gap(computed) > slack:
        level = "error"
    elif diff != 0 and sig > sigmas:
        level = "warning"
    else:
        level = "ok"
    return Verdict(level, diff, tol, sig)


def disagree(stated: Approx, computed: Approx) -> bool:
    """``compare(stated, computed).level == "error"``: no rounding (nor the run's relative
    slack) lets the two be the same number. Without a relative slack that is "the
    intervals do not meet", and the standard deviations ``compare`` also works out (a
    Decimal square root) are not needed: the readings that only ask whether two figures
    can be one (a narrative amount against every cell it may repeat) ask it thousands of
    times a report."""
    if TOLERANCE.get().relative:
        return compare(stated, computed).level == "error"
    return stated.gap(computed) > ZERO


def _sigmas(diff: Decimal, var: Decimal) -> float:
    """|diff| in standard deviations, computed as Decimals: a variance that is
    positive as a Decimal may be 0.0 as a float (a number with 171 decimals)."""
    if var <= 0:
        return math.inf if diff else 0.0
    return float(abs(diff) / var.sqrt())


# ---------------------------------------------------------------------------
# Quantities as printed.

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，％＋－−﹣—＝＞＜％（）：",
    "0123456789.,%+---—=><%():",
)

SCALES: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "百万元": Decimal(1000000),
    "亿元": Decimal(100000000),
    "万": Decimal(10000),
    "亿": Decimal(100000000),
    "万人": Decimal(10000),
    "万人次": Decimal(10000),
    "万个": Decimal(10000),
    "万件": Decimal(10000),
    "万次": Decimal(10000),
    "万户": Decimal(10000),
}

# unit as printed -> base unit
BASE_UNITS: dict[str, str] = {
    "元": "元", "千元": "元", "万元": "元", "百万元": "元", "亿元": "元",
    "万人": "人", "人": "人", "万人次": "人次", "人次": "人次",
    "万个": "个", "个": "个", "万件": "件", "件": "件", "万次": "次", "次": "次",
    "万户": "户", "户": "户", "家": "家", "项": "项", "篇": "篇", "条": "条",
    "所": "所", "台": "台", "分": "分", "天": "天", "小时": "小时", "场": "场",
    "批": "批", "名": "人", "种": "种", "本": "本", "期": "期", "套": "套",
    "%": "%", "‰": "‰", "个百分点": "个百分点", "万": "", "亿": "",
    "元/人": "元/人", "倍": "倍",
}
MONEY_UNITS = frozenset(u for u, b in BASE_UNITS.items() if b == "元")
COUNT_UNITS = frozenset({"人", "人次", "个", "件", "次", "户", "家", "项", "篇", "条", "所", "台", "场", "批", "种", "本", "期", "套"})

COMPARATORS: list[tuple[str, str]] = [
    ("不低于", ">="), ("不少于", ">="), ("不小于", ">="), ("大于等于", ">="), ("≥", ">="), (">=", ">="),
    ("不高于", "<="), ("不超过", "<="), ("不大于", "<="), ("不多于", "<="), ("小于等于", "<="), ("≤", "<="), ("<=", "<="),
    ("超过", ">"), ("高于", ">"), ("大于", ">"), (">", ">"),
    ("低于", "<"), ("小于", "<"), ("少于", "<"), ("<", "<"),
    ("达到", ">="), ("约", "~"), ("≈", "~"), ("=", "="),
]
_SUFFIX_COMPARATORS = [("以上", ">="), ("及以上", ">="), ("以下", "<="), ("及以下", "<="), ("以内", "<=")]

PLACEHOLDERS = frozenset({"—", "——", "-", "--", "/", "／", "NaN", "nan", "NaN%", "#DIV/0!", "#DIV/0", "N/A", "n/a", "无", "#VALUE!", "#REF!", "—%", "inf%", "Infinity%"})
UNDEFINED = frozenset({"NaN", "nan", "NaN%", "#DIV/0!", "#DIV/0", "#VALUE!", "inf%", "Infinity%"})

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
              "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10000, "亿": 100000000}


def parse_cn_int(text: str) -> int | None:
    """Chinese numerals to int: 三 → 3, 十五 → 15, 一百零二 → 102, 两万 → 20000."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += section * _CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def normalize(text: str) -> str:
    """Full-width to half-width for digits, signs and comparison marks."""
    if text.isascii():  # every character it maps is outside ASCII
        return text
    return _normalize(text)


# A report reads the same cells and sentences again and again (each extractor and check
# normalises what it reads): ~20,000 calls per real-size report, and str.translate with
# a dict is slow on CJK text. Pure str → str, so a cache cannot go stale.
@lru_cache(maxsize=65536)
def _normalize(text: str) -> str:
    return text.translate(_FULLWIDTH).replace("\u3000", " ").replace("\xa0", " ")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as printed: value, unit and scale, and the interval it stands for.

    ``value`` is in the printed unit (``1067.07`` for "1067.07万元"); ``scale`` turns
    it into the base unit (万元 → 10000 元). Percentages keep ``value`` as printed
    (98.19 for "98.19%"). A placeholder ("—", "NaN%", "#DIV/0!") has value None.
    """

    text: str
    value: Decimal | None
    decimals: int = 0
    unit: str | None = None
    comparator: str | None = None  # "=", ">=", ">", "<=", "<", "~"
    placeholder: str | None = None
    upper: Quantity | None = field(default=None, compare=False)  # "90%-100%": upper bound

    @property
    def is_number(self) -> bool:
        return self.value is not None

    @property
    def undefined(self) -> bool:
        """NaN%, #DIV/0! and the like: a rate computed over a zero base."""
        return self.placeholder is not None and normalize(self.placeholder) in UNDEFINED

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def scale(self) -> Decimal:
        return SCALES.get(self.unit or "", Decimal(1))

    @property
    def base_unit(self) -> str | None:
        return BASE_UNITS.get(self.unit, self.unit) if self.unit else None

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def approx(self) -> Approx:
        """The interval the printed value stands for, in the printed unit."""
        if self.value is None:
            raise ValueError(f"{self.text!r} is not a number")
        return Approx.printed(self.value, self.decimals)

    def approx_in(self, unit_scale: Decimal) -> Approx:
        """The interval expressed in another scale (e.g. 元 figures as 万元)."""
        return self.approx.scale(self.scale / unit_scale)

    def with_decimals(self, decimals: int) -> Quantity:
        """The same number read at a column's precision ("86" among "79.23"s)."""
        if self.value is None or decimals <= self.decimals:
            return self
        return replace(self, decimals=decimals)

    def __str__(self) -> str:
        return self.text


_NUM = r"[+\-]?\d+(?:,\d{3})*(?:\.\d+)?|[+\-]?\.\d+"
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in BASE_UNITS), key=len, reverse=True))
_CELL_RE = re.compile(
    r"^(?P<cmp>" + "|".join(re.escape(c) for c, _ in COMPARATORS) + r")?\s*"
    r"(?P<neg>负)?(?P<num>" + _NUM + r")\s*(?P<unit>" + _UNIT_ALT + r")?"
    r"(?:\s*[-~至]\s*(?P<num2>" + _NUM + r")\s*(?P<unit2>" + _UNIT_ALT + r")?)?"
    r"\s*(?P<suffix>以上|及以上|以下|及以下|以内)?$"
)
_CMP_MAP = dict(COMPARATORS)
_SUFFIX_MAP = dict(_SUFFIX_COMPARATORS)


def _mk(text: str, num: str, unit: str | None, cmp: str | None, neg: bool) -> Quantity | None:
    s = num.replace(",", "")
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    if neg:
        value = -value
    decimals = len(s.split(".", 1)[1]) if "." in s else 0
    return Quantity(text=text, value=value, decimals=decimals, unit=unit, comparator=cmp)


# a cell that is a Chinese numeral with its comparator and unit ("不少于三项"); compiled once,
# since parse_quantity runs on every cell and clause
_CN_CELL_RE = re.compile(r"^(?P<cmp>" + "|".join(re.escape(c) for c, _ in COMPARATORS) + r")?([零〇一二两三四五六七八九十百千万]+)(" + _UNIT_ALT + r")?$")


@lru_cache(maxsize=65536)
def parse_quantity(text: str) -> Quantity | None:
    """Parse a cell or phrase that is one number, with its unit and comparator.

    Returns a placeholder Quantity (value None) for "—", "NaN%", "#DIV/0!" and the
    like; None when the text is not a number at all. Cached: the same cell text is
    parsed by many extractors and checks, and a Quantity is immutable.
    """
    raw = text
    t = normalize(text).strip()
    if not t:
        return None
    compact = t.replace(" ", "")
    if compact in PLACEHOLDERS or compact.rstrip("%") in PLACEHOLDERS:
        return Quantity(text=raw, value=None, placeholder=compact, unit="%" if compact.endswith("%") else None)
    m = _CELL_RE.match(compact)
    if m:
        cmp = _CMP_MAP.get(m.group("cmp") or "") if m.group("cmp") else None
        if m.group("suffix"):
            cmp = _SUFFIX_MAP[m.group("suffix")]
        unit = m.group("unit") or m.group("unit2")
        q = _mk(raw, m.group("num"), unit, cmp, bool(m.group("neg")))
        if q is None:
            return None
        if m.group("num2"):
            hi = _mk(raw, m.group("num2"), m.group("unit2") or unit, None, False)
            q = replace(q, upper=hi, comparator=cmp or "range")
        return q
    # Chinese numerals: "三项", "十五个"
    cm = _CN_CELL_RE.match(compact)
    if cm:
        n = parse_cn_int(cm.group(2))
        if n is not None:
            return Quantity(text=raw, value=Decimal(n), unit=cm.group(3), comparator=_CMP_MAP.get(cm.group(1) or "") if cm.group(1) else None)
    return None


# Numbers inside running text. A number glued to a preceding ASCII letter or
# digit-like code (VRG, 12393 hotline) is still a number; callers decide meaning.
def prints_number(text: str) -> bool:
    """Does a cell's text print a number (with digits: 一、 is a serial, not a number)?
    The readers use it to tell a table's value cells from its labels."""
    t = text.strip()
    if not t or not any(map(str.isdigit, t)):
        return False
    q = parse_quantity(t)
    return q is not None and q.is_number


_FIND_RE = re.compile(
    r"(?P<cmp>" + "|".join(re.escape(c) for c, _ in COMPARATORS if c not in {"=", "约"}) + r")?"
    r"(?P<neg>负)?(?P<num>(?<![\d.])[+\-]?\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<unit>" + _UNIT_ALT + r"|年|月|日|号)?"
)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    quantity: Quantity


def find_quantities(text: str) -> Iterator[Match]:
    """Every number in a sentence, with its unit when one follows it.

    Offsets refer to ``text`` as given (normalisation keeps lengths). Dates' parts
    (年/月/日) come back with those units so callers can skip them.
    """
    return iter(_matches(text))


# the same sentence is scanned by the narrative, unit, period and knowledge-base readers;
# Matches are immutable, so every caller can share one tuple
@lru_cache(maxsize=16384)
def _matches(text: str) -> tuple[Match, ...]:
    t = normalize(text)
    out = []
    for m in _FIND_RE.finditer(t):
        start, end = m.span()
        q = _found(text[start:end], *m.groups())
        if q is not None:
            out.append(Match(start, end, q))
    return tuple(out)


# The Quantity of one match, from the number as printed and the regex's groups (in
# ``_FIND_RE``'s order: cmp, neg, num, unit). Reports of one template print the same
# years, dates, counts and rates in sentences that differ elsewhere: most numbers of a
# new sentence were built before. Pure, and a Quantity is immutable.
@lru_cache(maxsize=65536)
def _found(printed: str, cmp: str | None, neg: str | None, num: str, unit: str | None) -> Quantity | None:
    return _mk(printed, num, unit, _CMP_MAP.get(cmp) if cmp else None, bool(neg))


def grouped(number: str) -> str:
    """A formatted number with thousands separators (1410000.00 → 1,410,000.00), for messages
    about a report that prints its figures that way."""
    whole, dot, frac = number.partition(".")
    if not whole.lstrip("-").isdigit():
        return number
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{frac}"


def fmt(d: Decimal, places: int | None = None) -> str:
    """Format a Decimal for messages: fixed-point, trailing zeros trimmed unless
    ``places`` is given. A computed value with a long tail (a tolerance of a ratio,
    1.4654034929…) is cut to 4 decimals: no printed figure in a report has more."""
    # most messages show a cell's value at its own printed places, or a value with at
    # most 4 decimals: its fixed-point text is the answer, without a decimal context
    exponent = d.as_tuple().exponent  # "n", "N" or "F" for a number that is not finite
    if isinstance(exponent, int):
        if places is not None and exponent == -places:
            return f"{d:f}"
        if places is None and -4 <= exponent <= 0:
            s = f"{d:f}"
            if "." in s:
                s = s.rstrip("0").rstrip(".")
            return s if s not in {"-0", ""} else "0"
    return _fmt_exact(d, places)


def _fmt_exact(d: Decimal, places: int | None = None) -> str:
    """``fmt`` the long way, for every Decimal."""
    if not d.is_finite():
        return str(d)
    # enough precision for every digit the number has: quantize raises past the
    # context's 28 digits, and a report may print 30 (or a mutated one 300)
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, d.adjusted() + 8 + max(places or 0, 4))
        if places is not None:
            q = Decimal(1).scaleb(-places)
            return f"{d.quantize(q, rounding=ROUND_HALF_UP):f}"
        if d.as_tuple().exponent < -4 and abs(d) >= Decimal("0.001"):  # type: ignore[operator]
            d = d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
        s = f"{d.normalize():f}" if d == d.to_integral() or abs(d) >= 1 else f"{d:f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s if s not in {"-0", ""} else "0"
