"""The indicator knowledge base resolved against one report: where each fact
reference of ``data/indicators.yaml`` points in this report's tables and sentences,
and the values an indicator takes there (its :class:`Reading`s).

A ``table:`` reference is looked up in every classified table of its kind
(``extract/tables.py``); a ``text:`` reference in the narrative's amounts and
percentages (``extract/narrative.py``) or counts (``extract/counts.py``) whose name is
one of the phrase's words. A fact found more than once with different values (two
budget tables, two sentences) gives several readings, never a choice: a check that
holds a claim against them reports only what all of them contradict.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from auditlint.checks.kb import Computation, FactRef, IndicatorDef, KnowledgeBase, Phrase, knowledge_base, name_key

from auditlint.extract.counts import counts_of
from auditlint.extract.facts import Facts
from auditlint.extract.narrative import Figure, link_rows, statements_of
from auditlint.extract.narrative import vocabulary as narrative_vocabulary
from auditlint.extract.tables import CanonicalTable, Row, column_name
from auditlint.formula import Formula
from auditlint.model import Location
from auditlint.numbers import Approx, Quantity, fmt

WAN = Decimal(10000)
MAX_READINGS = 24  # combinations of candidates beyond this are not tried (a report that ambiguous decides nothing)
# words that may stand before a phrase's word without changing what it names ("机关核定行政编制")
EXTRA_NEUTRAL = ("核定", "本级", "全年", "年末", "截至", "末")
_YEAR = re.compile(r"(\d{4})\s*年")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


@dataclass(frozen=True)
class Source:
    """One number a fact reference resolved to."""

    ref: FactRef
    quantity: Quantity
    what: str  # how a reader finds it: "预算总金额 / 实际支出数", "年末结转结余"
    location: Location
    snippet: str
    kind: str  # "money" | "count" | "percent"
    scale: Decimal | None  # the printed unit's size in 元 (money), None when the table states no unit
    origin: str  # "table:<index>" | "text"

    @property
    def shown(self) -> str:
        q = self.quantity
        return q.text.strip() if self.origin == "text" else fmt(q.value or Decimal(0), q.decimals)


@dataclass(frozen=True)
class Reading:
    """One value of an indicator: a formula over resolved facts."""

    indicator: IndicatorDef
    formula: Formula
    inputs: tuple[tuple[str, Source], ...]
    value: Approx
    # False when a table that states no unit was read in a unit other than the narrative's
    # (one of the readings that make sure a claim is contradicted whatever its unit)
    primary: bool = True

    def expression(self) -> str:
        """The formula with each name replaced by the number it took."""
        shown = {n: s.shown for n, s in self.inputs}
        text = re.sub(r"[A-Za-z_][A-Za-z0-9_]*", lambda m: shown.get(m.group(0), m.group(0)), self.formula.text)
        return text.replace(" / ", " ÷ ").replace(" * ", " × ").replace("/", " ÷ ").replace("*", " × ")

    @property
    def uses_text(self) -> bool:
        return any(s.origin == "text" for _, s in self.inputs)

    def shown(self, places: int = 2) -> str:
        unit = self.indicator.unit
        return fmt(self.value.mid, places) + (unit if unit == "%" else "")


# ---------------------------------------------------------------------------
# table references


def _table_unit_scale(ct: CanonicalTable, role: str) -> Decimal | None:
    from auditlint.numbers import SCALES

    col = ct.column(role)
    unit = (col.unit if col is not None else None) or ct.unit
    return SCALES.get(unit) if unit else None


def _rows_for(ct: CanonicalTable, selector: str) -> list[Row]:
    if selector == "total":
        tops = ct.top_totals()
        if not tops:
            tops = [r for r in ct.rows if r.kind == "total" and r.parent is None]
        return tops
    want = name_key(selector)
    found = [r for r in ct.rows if want and want in name_key(r.label)]
    if found:
        return found
    # "三公": the row that totals the three 三公 items (narrative.link_rows knows which)
    refs = link_rows([ct], selector)
    return [ct.rows[ref.row] for ref in refs]


def _table_source(ct: CanonicalTable, index: int, ref: FactRef) -> Source | None:
    rows = _rows_for(ct, ref.row)
    if len(rows) != 1:
        return None  # missing, or not one row: which is meant cannot be told
    row = rows[0]
    q = ct.value(row, ref.column)
    cell = row.cells.get(ref.column)
    if q is None or not q.is_number or q.value is None or cell is None or q.comparator is not None:
        return None
    what = f"{row.label} / {column_name(ct, ref.column, 'zh')}"
    return Source(ref, q, what, cell.location, f"{row.label} {cell.text.strip()}", "money",
                  _table_unit_scale(ct, ref.column), f"table:{index}")


# ---------------------------------------------------------------------------
# text references


def names_phrase(name: str, word: str) -> bool:
    """Does a figure's name say exactly what the phrase's word says? Only a date, a
    neutral word (本单位, 机关, 核定) or the unit's own name may stand before it:
    "市医疗保障局行政编制" is 行政编制, "机关公益性岗位编制数" is not 编制数."""
    n, w = name_key(_BRACKETED.sub("", name)), name_key(word)
    if not w or not n.endswith(w):
        return False
    rest = n[: len(n) - len(w)]
    if not rest:
        return True
    v = narrative_vocabulary()
    changed = True
    while rest and changed:
        changed = False
        for p in (*v.neutral_prefixes, *EXTRA_NEUTRAL):
            if rest.endswith(p):
                rest = rest[: len(rest) - len(p)]
                changed = True
                break
    if not rest:
        return True
    return any(rest.endswith(s) for s in v.org_suffixes)


def year_ok(before: str, year: int | None) -> bool:
    """The words before a number date it in the evaluated year, or not at all."""
    years = {int(y) for y in _YEAR.findall(before)}
    if not years:
        return True
    return year is not None and years == {year}


def evaluated_year(facts: Facts) -> int | None:
    meta = facts.meta
    noted = getattr(meta, "year", None)
    return getattr(noted, "value", None)


def _text_sources(facts: Facts, ref: FactRef, phrases: Mapping[str, Phrase]) -> list[Source]:
    phrase = phrases.get(ref.phrase)
    if phrase is None:
        return []
    year = evaluated_year(facts)
    out: list[Source] = []
    seen: set[tuple[Decimal, Decimal]] = set()
    if phrase.kind == "count":
        items = [(c.subject, c.quantity, c.location, c.sentence, c.before, c.exact) for c in counts_of(facts)]
    else:
        items = [(f.subject, f.quantity, f.location, f.sentence.text, f.sentence.text[: f.start - f.sentence.start], f.exact)
                 for f in statements_of(facts, Figure)
                 if (f.quantity.is_money if phrase.kind == "money" else f.quantity.is_percent)]
    for subject, q, loc, sentence, before, exact in items:
        if not exact or q.value is None or not year_ok(before, year):
            continue
        if any(w in before[-12:] for w in ("上年", "去年", "上一年")):
            continue
        if not any(names_phrase(subject, w) for w in phrase.words):
            continue
        k = (q.value * q.scale, Decimal(q.decimals))
        if k in seen:
            continue  # the same number stated again adds no reading
        seen.add(k)
        scale = q.scale if phrase.kind == "money" else Decimal(1)
        out.append(Source(ref, q, subject, loc, sentence.strip()[:80], phrase.kind, scale, "text"))
    return out


# ---------------------------------------------------------------------------
# readings


def _combinations(facts: Facts, comp: Computation, phrases: Mapping[str, Phrase]) -> Iterator[dict[str, Source]]:
    """Every assignment of sources to the computation's names: the table references of
    one kind from one table at a time, each text reference from each of its candidates.
    A name that finds nothing is left out (variants that need it are then skipped)."""
    by_kind: dict[str, list[str]] = {}
    choices: list[list[dict[str, Source]]] = []
    for name, ref in comp.facts.items():
        if ref.source == "table":
            by_kind.setdefault(ref.table, []).append(name)
        else:
            found = _text_sources(facts, ref, phrases)
            if found:
                choices.append([{name: s} for s in found])
    for kind, names in by_kind.items():
        options = []
        for index, ct in enumerate(facts.tables):
            if ct.kind != kind:
                continue
            got = {n: s for n in names if (s := _table_source(ct, index, comp.facts[n])) is not None}
            if got:
                options.append(got)
        if options:
            choices.append(options)
    for n, combo in enumerate(itertools.product(*choices)):
        if n >= MAX_READINGS:
            return
        merged: dict[str, Source] = {}
        for part in combo:
            merged.update(part)
        yield merged


def _scales(sources: dict[str, Source]) -> list[Decimal]:
    """The units a table that states none may be in, as 元 per unit. Alone, its numbers
    only meet each other and the unit cancels (万元 is as good as any); beside narrative
    amounts it is most likely in theirs, but 元, 万元 and 亿元 are all tried, so that a
    claim is reported only when it is contradicted whatever the table's unit."""
    unknown = any(s.kind == "money" and s.scale is None for s in sources.values())
    known = [s.scale for s in sources.values() if s.kind == "money" and s.scale is not None]
    if not unknown or not known:
        return [WAN]
    return list(dict.fromkeys([known[0], Decimal(1), WAN, Decimal(100000000)]))


def _values(sources: dict[str, Source], fallback: Decimal) -> dict[str, Approx]:
    """Each source as an interval, money in 万元 (a table stating no unit in ``fallback``)."""
    out: dict[str, Approx] = {}
    for name, s in sources.items():
        a = s.quantity.approx
        if s.kind == "money":
            out[name] = a.scale((s.scale or fallback) / WAN)
        else:
            out[name] = a.scale(s.quantity.scale)
    return out


def readings_of(facts: Facts, ind: IndicatorDef, comp: Computation, kb: KnowledgeBase | None = None) -> list[Reading]:
    """The values one computation gives in this report (``kb``: the base whose phrases
    its text references name; the built-in one by default)."""
    phrases = (kb or knowledge_base()).phrases
    out: list[Reading] = []
    for sources in _combinations(facts, comp, phrases):
        for k, fallback in enumerate(_scales(sources)):
            values = _values(sources, fallback)
            for formula in comp.formulas:
                if not formula.names <= values.keys():
                    continue
                got = formula.evaluate(values)
                if got is None:
                    continue
                inputs = tuple((n, sources[n]) for n in sorted(formula.names, key=formula.text.index))
                out.append(Reading(ind, formula, inputs, got, primary=k == 0))
    return out


def readings(facts: Facts, ind: IndicatorDef, kb: KnowledgeBase | None = None) -> list[Reading]:
    """The indicator's values in this report, from the first computation its facts
    allow; empty when none does."""
    for comp in ind.compute:
        try:
            got = readings_of(facts, ind, comp, kb)
        except (ArithmeticError, ValueError):
            continue
        if got:
            return got
    return []


# ---------------------------------------------------------------------------
# claims against values


def contradicts(claim: Quantity, value: Approx) -> bool:
    """Does ``value`` (an interval) contradict the claim, comparator and all? "≤0%" only
    by a value wholly above 0, "＝100%" by one that excludes 100, "100%" (printed at
    0 decimals: [99.5, 100.5]) by one that does not meet that interval. "约" claims
    nothing exact."""
    v = claim.value
    if v is None:
        return False
    if claim.upper is not None and claim.upper.value is not None:
        return value.hi < v or value.lo > claim.upper.value
    cmp = claim.comparator
    if cmp == ">=":
        return value.hi < v
    if cmp == ">":
        return value.hi <= v
    if cmp == "<=":
        return value.lo > v
    if cmp == "<":
        return value.lo >= v
    if cmp == "=":
        return not value.lo <= v <= value.hi
    if cmp is None:
        return claim.approx.gap(value) > 0
    return False


def all_contradict(claim: Quantity, values: Iterable[Approx]) -> bool:
    vals = list(values)
    return bool(vals) and all(contradicts(claim, v) for v in vals)
