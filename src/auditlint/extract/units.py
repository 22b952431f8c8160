"""Amounts whose unit the figures around them show to be wrong (AL305): an amount in 元
that its bracketed parts, its total or a like amount in the same sentence show to be in
万元 or 亿元, and one in 元 that has exactly the digits of an amount printed in 万元 or
亿元 under the same name elsewhere in the report. Which of them is a finding, and how
it is worded, is the check's to say.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint.extract.narrative import clean_subject, name_of
from auditlint.extract.passages import Sentence, passages, sentences
from auditlint.model import Location, Paragraph, Table
from auditlint.numbers import MONEY_UNITS, Match, Quantity, asum, compare, find_quantities, normalize, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts
    from auditlint.extract.tables import CanonicalTable

KEY = "unit_slips"

# the words an amount follows: 支出13.45元, 收入522.56万元, 金额为5万元
AMOUNT_WORDS = ("支出", "收入", "资金", "金额", "经费", "费用", "预算", "结余", "拨款", "资产", "总额", "成本", "投入")
# words between the amount word and the number
_LINKS = re.compile(r"(?:为|达到|达|约|共计|合计|共|计|了|超过|超|近|逾)$")
# a per-head or per-item amount is small by nature: 人均 935元, 次均费用13349.6元, 补助标准…
PER_UNIT = ("人均", "次均", "户均", "平均", "均", "每", "标准", "单价", "起付", "限额", "补助", "定额", "价格", "利息")
# a 元 figure this many times smaller than a like amount in 万元/亿元, yet printed at the
# same magnitude, is that amount with the wrong unit
MIN_RATIO = Decimal(10000)
# the units an amount in 元 may have been meant in
LARGE = ("万元", "亿元")


@dataclass(frozen=True)
class Amount:
    match: Match
    word: str  # the amount word before it ("" when none)
    clause: str  # the clause text before the number

    @property
    def base(self) -> Decimal:
        q = self.match.quantity
        return (q.value or Decimal(0)) * q.scale


def amounts(sentence: Sentence) -> list[Amount]:
    text = sentence.text
    cuts: list[int] | None = None  # where each clause begins, found once per sentence
    out = []
    for m in find_quantities(text):
        if m.quantity.unit not in MONEY_UNITS or m.quantity.value is None or m.quantity.comparator:
            continue
        if cuts is None:
            cuts = [c.end() for c in _AMOUNT_CLAUSE_MARK.finditer(text)]
        k = bisect_right(cuts, m.start)
        clause = text[cuts[k - 1] if k else 0 : m.start]
        head = _LINKS.sub("", clause)
        word = next((w for w in AMOUNT_WORDS if head.endswith(w)), "")
        out.append(Amount(m, word, clause))
    return out


_AMOUNT_CLAUSE_MARK = re.compile(r"[，,；;：:（(）)]")


def per_unit(a: Amount, text: str) -> bool:
    after = text[a.match.end : a.match.end + 1]
    return any(w in a.clause for w in PER_UNIT) or after in ("/", "／")


def _parts_in_bracket(text: str, amounts: list[Amount], a: Amount) -> list[Amount]:
    """The amounts printed in brackets right after ``a``: its parts."""
    rest = text[a.match.end :]
    m = re.match(r"\s*[（(]([^（()）]*)[)）]", rest)
    if not m:
        return []
    lo, hi = a.match.end + m.start(1), a.match.end + m.end(1)
    return [b for b in amounts if lo <= b.match.start < hi]


def _bracket_total(text: str, amounts: list[Amount], a: Amount) -> Amount | None:
    """The total printed right before the brackets ``a`` stands in: "支出1782.77万元（基本支出…）"."""
    open_at = max(text.rfind("（", 0, a.match.start), text.rfind("(", 0, a.match.start))
    if open_at < 0 or max(text.rfind("）", 0, a.match.start), text.rfind(")", 0, a.match.start)) > open_at:
        return None
    before = [b for b in amounts if b.match.end <= open_at and not text[b.match.end : open_at].strip()]
    return before[-1] if before else None


def _restates(b: Amount, a: Amount) -> bool:
    """``b`` is ``a`` again in another unit, rounded to its printed precision:
    "8,717,570.85元（约871.8万元）", "38,741,200元（约0.39亿元）" — 871.8万元 stands for
    anything from 8,717,500 to 8,718,500元, whether the rounding went up or down."""
    return b.match.quantity.approx.scale(b.match.quantity.scale).gap(a.match.quantity.approx.scale(a.match.quantity.scale)) == 0


# the words a bracket restating the amount before it may put before the figure: "（约871.8万元）"
_RESTATING = re.compile(r"[（(]\s*(?:约合|约为|约|折合|合计约|合约|合|即约|即|相当于|计)?\s*$")


def _restatement(text: str, amounts: list[Amount], a: Amount) -> Amount | None:
    """The one amount of a bracket right after ``a`` that holds nothing else, in another
    money unit: "8,717,570.85元（约871.8万元）", "（合0.39亿元）". Such a bracket restates
    ``a`` in that unit; it names no part."""
    inside = _parts_in_bracket(text, amounts, a)
    if len(inside) != 1:
        return None
    b = inside[0]
    if b.match.quantity.unit == a.match.quantity.unit or not _RESTATING.search(text[a.match.end : b.match.start]):
        return None
    return b if re.match(r"\s*[)）]", text[b.match.end :]) else None


def _same_digits(b: Amount, a: Amount) -> bool:
    """The two print the same number (in different units): "1782.77元（约1782.77万元）"."""
    return b.match.quantity.approx.gap(a.match.quantity.approx) == 0


def _adds_up_in_its_unit(text: str, amounts: list[Amount], total: Amount, part: Amount) -> bool:
    """The bracket's parts add up to the total (in 万元 or 亿元) once ``part`` is read in the
    total's unit, and do not as printed: the proof that its 元 is a slip."""
    tq = total.match.quantity
    if tq.unit not in ("万元", "亿元"):
        return False
    parts = _parts_in_bracket(text, amounts, total)
    if part not in parts or len(parts) < 2:
        return False
    k = tq.scale
    printed = asum(b.match.quantity.approx.scale(b.match.quantity.scale / k) for b in parts)
    fixed = asum(b.match.quantity.approx if b is part else b.match.quantity.approx.scale(b.match.quantity.scale / k)
                 for b in parts)
    return compare(tq.approx, fixed).ok and not compare(tq.approx, printed).ok


def _head(a: Amount) -> str:
    return _LINKS.sub("", a.clause)


def _shared_ending(x: str, y: str) -> str:
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    return x[len(x) - n :]


@dataclass(frozen=True)
class UnitSlip:
    amount: Amount
    unit: str  # the unit it should have
    others: list[Amount]
    why: str  # "parts": a total below its part; "part": the parts add up only with it in 万元; "parallel"


def unit_slips(sentence: Sentence, found: list[Amount] | None = None) -> list[UnitSlip]:
    """Amounts in 元 that the figures printed with them show to be in 万元 or 亿元
    (``found``: the sentence's ``amounts``, when the caller has them)."""
    text = normalize(sentence.text)
    if found is None:
        found = amounts(sentence)
    out = []
    for a in found:
        q = a.match.quantity
        if q.unit != "元" or not a.word or per_unit(a, text) or not q.value or q.value <= 0:
            continue
        slip = _below_its_parts(text, found, a) or _needed_by_its_total(text, found, a) or _beside_like_amounts(found, a)
        if slip is not None:
            out.append(slip)
    return out


def _below_its_parts(text: str, found: list[Amount], a: Amount) -> UnitSlip | None:
    """A total in 元 smaller than a part in brackets printed in 万元 or 亿元."""
    parts = [b for b in _parts_in_bracket(text, found, a) if b.match.quantity.unit in LARGE and not _restates(b, a)]
    again = _restatement(text, found, a)
    if again is not None and not _same_digits(again, a):
        return None  # "（约871.8万元）" is the total again, rounded: no part of it, however it rounds
    if parts and a.base < max(b.base for b in parts):
        return UnitSlip(a, parts[0].match.quantity.unit or "万元", parts, "parts")
    return None


def _needed_by_its_total(text: str, found: list[Amount], a: Amount) -> UnitSlip | None:
    """A part in 元 without which, read in 万元, the bracket does not add up to its total."""
    total = _bracket_total(text, found, a)
    if total is not None and _adds_up_in_its_unit(text, found, total, a):
        return UnitSlip(a, total.match.quantity.unit or "万元", [total], "part")
    return None


def _beside_like_amounts(found: list[Amount], a: Amount) -> UnitSlip | None:
    """An amount in 元 negligible beside like amounts (the same word, the same ending) in
    万元 or 亿元, among which it would sit in their unit."""
    like = [b for b in found if b is not a and b.word == a.word and b.match.quantity.unit in LARGE
            and b.base > 0 and len(_shared_ending(_head(a), _head(b))) >= 3]
    units = {b.match.quantity.unit for b in like}
    if len(units) != 1:
        return None
    unit = units.pop()
    smallest = min(b.base for b in like)
    values = [b.match.quantity.value or Decimal(0) for b in like]
    q = a.match.quantity
    assert q.value is not None
    # as 元 it is negligible beside them; in their unit it would sit among them
    if smallest / a.base >= MIN_RATIO and min(values) / 100 <= q.value <= max(values) * 100:
        return UnitSlip(a, unit or "万元", like, "parallel")
    return None


@dataclass(frozen=True)
class LargeAmount:
    """An amount printed in 万元 or 亿元 somewhere in the report, with the names it goes by."""

    quantity: Quantity
    names: tuple[str, ...]  # the words before it, or its row's labels
    location: Location
    shown: str
    label: str = ""  # the name it was matched by, for messages


def _name(words: str) -> str:
    return name_of(clean_subject(_LINKS.sub("", words)))


def _large(q: Quantity | None) -> bool:
    return q is not None and q.unit in LARGE and q.value is not None and not q.comparator


def large_amounts(facts: Facts) -> list[LargeAmount]:
    """Every amount in 万元 or 亿元: in sentences (named by their clause) and in table
    cells (named by the row's text cells, read in the column's or table's unit when the
    cell prints none)."""
    out: list[LargeAmount] = []
    for block in facts.document.blocks:
        if isinstance(block, Paragraph):
            out += _in_paragraph(block)
        elif isinstance(block, Table):
            out += _in_table(block)
    for ct in facts.tables:
        out += _in_canonical(ct)
    return out


_CLAUSE_MARK = re.compile(r"[，,；;：:（(）)。、]")


def _in_paragraph(block: Paragraph) -> Iterator[LargeAmount]:
    text = block.text
    cuts = [m.end() for m in _CLAUSE_MARK.finditer(text)]  # found once: a long sentence stays linear
    for m in find_quantities(text):
        if _large(m.quantity):
            k = bisect_right(cuts, m.start)
            words = text[cuts[k - 1] if k else 0 : m.start]
            yield LargeAmount(m.quantity, (_name(words),), block.location_at(m.start), text[m.start : m.end])


_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")


def _in_table(block: Table) -> Iterator[LargeAmount]:
    for row in block.rows:
        names: tuple[str, ...] | None = None  # read on the row's first large amount: most rows have none
        for c in row:
            q = parse_quantity(c.text) if c.text.strip() else None
            if q is not None and _large(q):
                if names is None:
                    names = tuple(_name(t.text) for t in row if _CJK.search(t.text) and not _DIGIT.search(t.text))
                yield LargeAmount(q, names, c.location, c.text.strip())


def _in_canonical(ct: CanonicalTable) -> Iterator[LargeAmount]:
    """Amounts printed bare in a column or table headed 万元 or 亿元."""
    for row in ct.rows:
        for col in ct.columns:
            unit = col.unit or ct.unit
            q = row.values.get(col.role or "")
            if unit in LARGE and q is not None and q.value is not None and q.unit is None and row.label:
                cell = row.cells[col.role or ""]
                yield LargeAmount(Quantity(q.text, q.value, q.decimals, unit), (name_of(row.label),),
                                  cell.location, f"{cell.text.strip()}（{unit}）")


def _same_subject(a: str, b: str) -> bool:
    """Two names of one thing: equal, one the end of the other, or the same first and
    last two characters ("追回医保基金" and "追回违规基金")."""
    if len(a) < 2 or len(b) < 2:
        return False
    return a == b or a.endswith(b) or b.endswith(a) or (a[:2] == b[:2] and a[-2:] == b[-2:])


def twin(sentence: Sentence, a: Amount, elsewhere: list[LargeAmount]) -> LargeAmount | None:
    """The same digits, to the cent, printed in 万元 or 亿元 under the same name elsewhere:
    "追回医保基金1,862.37元" while the scoring table says 追回违规基金 1862.37万元."""
    mine = _twin_name(sentence, a)
    return None if mine is None else _twin_among(a, mine, elsewhere)


def _twin_name(sentence: Sentence, a: Amount) -> str | None:
    """The name ``a`` would have a twin under: None unless it is an amount in 元 printed
    to the cent and named in Chinese (no other amount can have a twin)."""
    q = a.match.quantity
    if q.unit != "元" or q.decimals < 2 or not q.value or q.value < 1 or per_unit(a, normalize(sentence.text)):
        return None
    mine = _name(a.clause)
    return mine if _CJK.search(mine) else None


def _twin_among(a: Amount, mine: str, elsewhere: list[LargeAmount]) -> LargeAmount | None:
    q = a.match.quantity
    for other in elsewhere:
        o = other.quantity
        if o.value == q.value and o.decimals == q.decimals:
            name = next((n for n in other.names if _same_subject(mine, n)), None)
            if name is not None:
                return replace(other, label=name)
    return None


@dataclass(frozen=True)
class Twin:
    """An amount in 元 and its twin in 万元 or 亿元 elsewhere in the report."""

    amount: Amount
    other: LargeAmount


@dataclass(frozen=True)
class SentenceUnits:
    """A sentence's amounts whose unit is wrong: slips first, then twins (of other amounts)."""

    sentence: Sentence
    slips: list[UnitSlip]
    twins: list[Twin]


def extract_into(facts: Facts) -> None:
    # every amount in 万元/亿元 of the report, gathered only once a sentence holds an
    # amount that could be the twin of one: most reports have none
    elsewhere: list[LargeAmount] | None = None
    found: list[SentenceUnits] = []
    # every money unit is a kind of 元: a passage without one has no amount, nothing to split
    for passage in passages(facts.document, holding="元"):
        for sentence in sentences(passage):
            listed = amounts(sentence)
            if not listed:
                continue
            slips = unit_slips(sentence, listed)
            flagged = {slip.amount.match.start for slip in slips}
            twins = []
            for a in listed:
                if a.match.start in flagged or (mine := _twin_name(sentence, a)) is None:
                    continue
                if elsewhere is None:
                    elsewhere = large_amounts(facts)
                if (other := _twin_among(a, mine, elsewhere)) is not None:
                    twins.append(Twin(a, other))
            if slips or twins:
                found.append(SentenceUnits(sentence, slips, twins))
    facts.extra[KEY] = found
