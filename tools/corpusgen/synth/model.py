"""The abstract synthetic report: printed numbers and words with identity, laid out
in paragraphs and tables, plus the invariants that tie them together.

A mutation changes one printed value; the oracle (``invariants``) then says which
invariants broke, and those are the findings a correct linter must report. Numbers
are objects, not strings, so a mutation and every invariant see the same value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

SCALE = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}


def rnd(value: Decimal, decimals: int) -> Decimal:
    """Round as report writers (and Excel) do: half up."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@dataclass(eq=False)
class Num:
    """A printed number. ``exact`` numbers (weights, scores) stand for themselves;
    others for the interval their last printed digit allows."""

    value: Decimal
    decimals: int = 2
    unit: str = ""  # printed after the number: "", "%", "万元", "分", "亿元"
    prefix: str = ""  # printed before: "≥", "＝"
    exact: bool = False
    text: str | None = None  # printed instead of the value (a placeholder)
    name: str = ""  # what it is, for labels: "合计/实际执行数"

    def render(self) -> str:
        if self.text is not None:
            return self.text
        v = rnd(self.value, self.decimals)
        s = f"{v:f}"
        return f"{self.prefix}{s}{self.unit}"

    @property
    def number(self) -> str:
        """The number without prefix or unit, as a finding's ``stated`` would print it."""
        return self.text if self.text is not None else f"{rnd(self.value, self.decimals):f}"

    @property
    def half(self) -> Decimal:
        return Decimal(0) if self.exact else Decimal(5).scaleb(-(self.decimals + 1))

    def interval(self, in_wan: bool = False) -> tuple[Decimal, Decimal]:
        k = SCALE.get(self.unit, Decimal(1)) if in_wan else Decimal(1)
        v = rnd(self.value, self.decimals)
        return ((v - self.half) * k, (v + self.half) * k)


@dataclass(eq=False)
class Word:
    """A printed word a mutation may change (a grade, a year in a source name)."""

    text: str
    name: str = ""

    def render(self) -> str:
        return self.text


Piece = str | Num | Word
Line = list[Piece]
CellSpec = list[Line]  # a cell is one or more printed lines


def cell(*pieces: Piece) -> CellSpec:
    return [list(pieces)]


def lines(*ls: Line) -> CellSpec:
    return [list(line) for line in ls]


@dataclass
class Para:
    pieces: list[Piece]


@dataclass
class Grid:
    rows: list[list[CellSpec]]
    caption: str = ""


Block = Para | Grid


@dataclass
class Report:
    shape: str
    seed: int
    title: str
    blocks: list[Block] = field(default_factory=list)
    invariants: list[Invariant] = field(default_factory=list)
    # where a mutation kind may act: kind -> candidate sites (callables planting it)
    sites: dict[str, list[Site]] = field(default_factory=dict)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def site(self, kind: str, site: Site) -> None:
        self.sites.setdefault(kind, []).append(site)


@dataclass
class Site:
    """One place a mutation kind can plant its mistake."""

    target: Num | Word
    change: str  # "add", "set", "neg", "unit", "text"
    amount: Decimal | str = Decimal(0)
    description: str = ""


# ---------------------------------------------------------------------------
# Invariants: what a consistent report satisfies. Each names the check that must
# fire when it breaks, the printed value that is then wrong (``stated``) and what
# it should be (``computed``).


def _meets(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _show(lo: Decimal, hi: Decimal, decimals: int) -> str:
    return f"{rnd((lo + hi) / 2, decimals):f}"


@dataclass(eq=False)
class Invariant:
    check: str
    stated: Num | Word
    subject: str

    def broken(self) -> str | None:
        """None when it holds, else the computed value as text."""
        raise NotImplementedError

    def shown(self) -> str:
        """The stated value as a finding would quote it."""
        return self.stated.number if isinstance(self.stated, Num) else self.stated.render()

    def soft(self) -> bool:
        """Broken, but a linter may reasonably stay silent (a rate over a negative
        amount): such a finding is accepted, its absence is not a miss."""
        return False


@dataclass(eq=False)
class SumOf(Invariant):
    """stated = Σ sign·part (totals, narrative parts, weights, scores, row identity)."""

    parts: list[tuple[int, Num]] = field(default_factory=list)

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num)
        lo = hi = Decimal(0)
        wan = self.stated.unit in SCALE
        for sign, p in self.parts:
            a, b = p.interval(wan)
            lo, hi = (lo + a, hi + b) if sign > 0 else (lo - b, hi - a)
        k = SCALE.get(self.stated.unit, Decimal(1)) if wan else Decimal(1)
        if _meets(self.stated.interval(wan), (lo, hi)):
            return None
        return _show(lo / k, hi / k, self.stated.decimals)


@dataclass(eq=False)
class Ratio(Invariant):
    """stated% = num / den × 100 (rates, shares)."""

    num: Num | None = None
    den: Num | None = None

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num) and self.num and self.den
        n, d = self.num.interval(True), self.den.interval(True)
        if d[0] <= 0:
            return None if self.stated.text is None else "undefined"
        lo, hi = sorted((n[0] / d[1] * 100, n[1] / d[0] * 100, n[0] / d[0] * 100, n[1] / d[1] * 100))[::3]
        if _meets(self.stated.interval(), (lo, hi)):
            return None
        return _show(lo, hi, self.stated.decimals)


    def soft(self) -> bool:
        return bool(self.num and self.den and (self.num.value < 0 or self.den.value < 0))


@dataclass(eq=False)
class Change(Invariant):
    """A year-on-year change: stated (signed by its 增加/减少 word) = this − prior."""

    this: Num | None = None
    prior: Num | None = None
    word: Word | None = None

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num) and self.this and self.prior and self.word
        t, p = self.this.interval(True), self.prior.interval(True)
        lo, hi = t[0] - p[1], t[1] - p[0]
        s = self.stated.interval(True)
        if self.word.text == "减少":
            s = (-s[1], -s[0])
        if _meets(s, (lo, hi)):
            return None
        mid = (lo + hi) / 2
        k = SCALE.get(self.stated.unit, Decimal(1))
        return ("增加" if mid >= 0 else "减少") + f"{rnd(abs(mid) / k, self.stated.decimals):f}"


@dataclass(eq=False)
class Same(Invariant):
    """The same quantity printed twice must agree (AL503, AL409, AL501 claims)."""

    other: Num | None = None

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num) and self.other
        if _meets(self.stated.interval(True), self.other.interval(True)):
            return None
        return self.other.number


@dataclass(eq=False)
class AtMost(Invariant):
    """stated ≤ limit (a score and its weight)."""

    limit: Num | None = None

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num) and self.limit
        if self.stated.interval()[0] <= self.limit.interval()[1]:
            return None
        return f"≤ {self.limit.number}"


@dataclass(eq=False)
class InRange(Invariant):
    """lo ≤ stated ≤ hi (amounts ≥ 0, rates within 0..100%)."""

    lo: Decimal | None = None
    hi: Decimal | None = None

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num)
        a, b = self.stated.interval()
        if self.lo is not None and b < self.lo:
            return f"≥ {self.lo}"
        if self.hi is not None and a > self.hi:
            return f"≤ {self.hi}"
        return None


@dataclass(eq=False)
class UnitIs(Invariant):
    unit: str = ""

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num)
        return None if self.stated.unit == self.unit else self.unit


@dataclass(eq=False)
class WordIs(Invariant):
    """A word that must read one way (the grade for a score, the year of a source)."""

    expected: object = None  # str, or a callable of nothing giving the str

    def broken(self) -> str | None:
        want = self.expected() if callable(self.expected) else self.expected
        return None if self.stated.render() == want else str(want)


@dataclass(eq=False)
class RuleMax(Invariant):
    """A scoring rule's best points equal the indicator's weight (AL402)."""

    points: list[Num] = field(default_factory=list)  # summed (additive) or the top band
    additive: bool = True
    weight: Num | None = None

    def best(self) -> Decimal:
        return sum((p.value for p in self.points), Decimal(0)) if self.additive else max(p.value for p in self.points)

    def shown(self) -> str:
        return f"{self.best().normalize():f}"

    def broken(self) -> str | None:
        assert self.weight
        return None if self.best() == self.weight.value else self.weight.number


@dataclass(eq=False)
class Bands(Invariant):
    """Percent bands, best first, each [lo, hi] in whole percents: the next band's
    hi must be this band's lo − 1 (no gap, no overlap). ``stated`` is the first
    band bound that breaks the chain."""

    bounds: list[tuple[Num, Num]] = field(default_factory=list)

    def broken(self) -> str | None:
        for (lo, _hi), (_lo2, hi2) in zip(self.bounds, self.bounds[1:]):
            if hi2.value != lo.value - 1:
                self.stated = hi2
                return f"{lo.value - 1:f}"
        return None


@dataclass(eq=False)
class RuleScore(Invariant):
    """The score equals what the band rule gives for the stated actual (AL403).

    A score held at the weight while the rule's best band promises other points is the
    rule/weight mismatch AL402 reports (RuleMax), not a second mistake: one cause, one
    finding."""

    actual: Num | None = None
    bounds: list[tuple[Num, Num]] = field(default_factory=list)
    points: list[Num] = field(default_factory=list)
    weight: Num | None = None

    def broken(self) -> str | None:
        assert isinstance(self.stated, Num) and self.actual
        got = None
        a = self.actual.value
        for (lo, hi), p in zip(self.bounds, self.points):
            if lo.value <= a <= hi.value + Decimal("0.99"):
                got = p.value
                break
        if got is None or got == self.stated.value:
            return None
        best = max(p.value for p in self.points)
        if self.weight is not None and got == best != self.weight.value and self.stated.value == self.weight.value:
            return None
        return f"{got.normalize():f}"
