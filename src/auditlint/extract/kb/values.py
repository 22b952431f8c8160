"""The indicator knowledge base resolved against one report: where each fact
reference of ``data/indicators.yaml`` points in this report's tables and sentences,
and the values an indicator takes there (its :class:`Reading`s).

A ``table:`` reference is looked up in every classified table of its kind
(``extract/tables/``); a ``text:`` reference in the narrative's amounts and
percentages (``extract/narrative/``) or counts (``extract/counts.py``) whose name is
one of the phrase's words. A fact found more than once with different values (two
budget tables, two sentences) gives several readings, never a choice: a check that
holds a claim against them reports only what all of them contradict.

A fact is what its words name and nothing else: a number whose clause names another
population (辅警, 编外 … — the phrase's ``unless``) is not taken; a number that is one
kind among several listed together ("核定行政编制45名、事业编制86名") stands for their
sum; a department-wide report's figures are not read from a table of its projects. A
formula the report prints beside a rate, or a definition it prints anywhere, is the
report's own (``kb/definitions.py``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from auditlint.extract.counts import counts_of
from auditlint.extract.facts import Facts
from auditlint.extract.kb.knowledge import (
    Computation,
    FactRef,
    IndicatorDef,
    KnowledgeBase,
    Phrase,
    knowledge_base,
    name_key,
)
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, link_rows, paragraph_texts, statements_of
from auditlint.extract.narrative import vocabulary as narrative_vocabulary
from auditlint.extract.tables import CanonicalTable, Row, column_name
from auditlint.formula import Formula
from auditlint.model import Location, Paragraph
from auditlint.numbers import Approx, Quantity, fmt, normalize

T = TypeVar("T")
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
        # a table of income and spending (收入合计 … 支出合计): the budget executed is the
        # spending's; an income total is never the budget's total
        def income(r: Row) -> bool:
            return "收入" in r.label and "支出" not in r.label

        tops = [r for r in ct.top_totals() if not income(r)]
        if not tops:
            tops = [r for r in ct.rows if r.kind == "total" and r.parent is None and not income(r)]
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


_WHOLE = re.compile(r"整体支出|(?:部门|单位)(?:（单位）|\(单位\))?整体")
_PROJECT_CAPTION = re.compile(r"项目(?:支出)?(?:预算)?(?:资金)?(?:执行|使用)?(?:明细|清单|情况)")
_DEPARTMENT_ROWS = ("基本支出", "人员经费", "公用经费", "项目支出")


def department_wide(facts: Facts) -> bool:
    """Does the report evaluate a department's (unit's) spending as a whole
    (部门整体支出绩效自评报告), rather than one project?"""
    title = getattr(getattr(facts.meta, "title", None), "value", None) or ""
    return bool(_WHOLE.search(normalize(title)))


def _caption(facts: Facts, ct: CanonicalTable) -> str:
    blocks = facts.document.blocks
    pos = next((i for i, b in enumerate(blocks) if b is ct.table), None)
    if pos is None:
        return ""
    return "".join(b.text for b in blocks[max(0, pos - 2) : pos] if isinstance(b, Paragraph))


def lists_projects(facts: Facts, ct: CanonicalTable) -> bool:
    """A table of projects ("项目支出明细", a 项目名称 column) and not of the
    department's spending by kind (基本支出, 项目支出 …): its total is the spending on
    those projects, a part of a department's."""
    if any(any(w in name_key(r.label) for w in _DEPARTMENT_ROWS) for r in ct.rows):
        return False
    headers = [name_key(c.header) for c in ct.columns if c.role in ("label", "serial")]
    return any(h.startswith("项目名称") for h in headers) or bool(_PROJECT_CAPTION.search(normalize(_caption(facts, ct))))


# ---------------------------------------------------------------------------
# text references


@functools.lru_cache(maxsize=1 << 14)  # pure; each figure's name is asked of every phrase's words
def subject_key(name: str) -> str:
    """A figure's name as compared with a phrase's words: brackets and their contents off."""
    return name_key(_BRACKETED.sub("", name))


@functools.lru_cache(maxsize=1 << 10)  # pure; a knowledge base has a few dozen phrases
def word_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a phrase's words: a name no word's key ends is named by none of them."""
    return tuple(k for k in map(name_key, words) if k)


def names_phrase(name: str, word: str) -> bool:
    """Does a figure's name say exactly what the phrase's word says? Only a date, a
    neutral word (本单位, 机关, 核定) or the unit's own name may stand before it:
    "市医疗保障局行政编制" is 行政编制, "机关公益性岗位编制数" is not 编制数."""
    n, w = subject_key(name), name_key(word)
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


# pure; each number of a sentence asks of it, and the narrative's figures are walked again
# by several readers (stated figures, text sources, AL503's context): large enough to
# hold a real-size report's dated sentences between one walk and the next
@functools.lru_cache(maxsize=1 << 12)
def _years_in(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each year a sentence names ends, and which year it is."""
    found = [(m.end(), int(m.group(1))) for m in _YEAR.finditer(sentence)]
    return tuple(e for e, _ in found), tuple(y for _, y in found)


@functools.lru_cache(maxsize=1 << 12)
def _first_other(sentence: str, year: int) -> int:
    """The index of the first year the sentence names that is not ``year``."""
    years = _years_in(sentence)[1]
    return next((k for k, y in enumerate(years) if y != year), len(years))


def year_ok_before(sentence: str, cut: int, year: int | None) -> bool:
    """``year_ok(sentence[:cut], year)``, the sentence's years found once: a long sentence
    asked about each of its numbers is read once, not once per number. (A year cut in
    two by ``cut`` would run into the number that starts there: there is none.)"""
    named = bisect.bisect_right(_years_in(sentence)[0], cut)
    if not named:
        return True
    return year is not None and _first_other(sentence, year) >= named


@dataclass(frozen=True)
class _Item:
    """A narrative number a text reference may take."""

    subject: str
    quantity: Quantity
    location: Location
    sentence: str
    before: str  # the sentence's text before the number
    exact: bool
    paragraph: int
    start: int
    end: int


_ENUM_GAP = re.compile(r"^\s*(?:、|和|及|与|以及)\s*(?P<subject>[^，,；;。：:、（()）\s]{1,16})\s*$")
MIN_HEAD = 2  # the shared ending of an enumeration's names: 行政编制、事业编制 → 编制


def _items(facts: Facts, phrase: Phrase) -> list[_Item]:
    """The narrative numbers of the phrase's kind, built once per report and kind."""
    return facts.memo(("kb_items", phrase.kind), lambda: _items_of_kind(facts, phrase.kind))


def _items_of_kind(facts: Facts, kind: str) -> list[_Item]:
    if kind == "count":
        return [_Item(c.subject, c.quantity, c.location, c.sentence, c.before, c.exact, c.paragraph, c.start,
                      c.start + len(c.quantity.text.rstrip())) for c in counts_of(facts)]
    return [_Item(f.subject, f.quantity, f.location, f.sentence.text, f.sentence.text[: f.start - f.sentence.start],
                  f.exact, f.sentence.paragraph, f.start, f.end)
            for f in statements_of(facts, Figure)
            if (f.quantity.is_money if kind == "money" else f.quantity.is_percent)]


def _common_ending(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _kinds_of_one(phrase: Phrase, first: str, second: str) -> bool:
    """Do two names name two kinds of the phrase's fact: ending alike (编制) in a word the
    fact itself is named by (核定编制), each qualified by a kind (行政, 事业), neither of
    another population? "在职人员、离退休人员" do not (人员 does not name the staff in
    post; 离退休 is another population), nor "公用经费支出、人员经费支出" (经费支出 is not
    公用经费), nor "年末结转结余、非财政拨款结转结余" (年末 names no kind)."""
    a, b = name_key(first), name_key(second)
    shared = _common_ending(a, b)
    if shared < MIN_HEAD or shared >= len(b) or shared >= len(a):
        return False
    if any(w in a or w in b for w in phrase.unless):
        return False
    if not (_qualifies(a[: len(a) - shared]) and _qualifies(b[: len(b) - shared])):
        return False
    return any(names_phrase(w, a[len(a) - shared :]) for w in phrase.words)


def _joined(texts: Mapping[int, str], phrase: Phrase, first: _Item, second: _Item) -> bool:
    """Are two numbers consecutive items of one enumeration of kinds of the phrase's fact:
    "行政编制45名、事业编制86名" (joined by 、/和/及, nothing else between)?"""
    if first.paragraph != second.paragraph or not first.end <= second.start:
        return False
    gap = texts.get(first.paragraph, "")[first.end : second.start]
    m = _ENUM_GAP.match(gap)
    if m is None or first.quantity.unit is None or first.quantity.is_money != second.quantity.is_money:
        return False
    return _kinds_of_one(phrase, first.subject, m.group("subject"))


def _enumeration(texts: Mapping[int, str], phrase: Phrase, items: list[_Item], item: _Item) -> list[_Item]:
    """The items of the enumeration ``item`` is one of (itself alone when it is not)."""
    ordered = sorted((i for i in items if i.paragraph == item.paragraph), key=lambda i: i.start)
    k = ordered.index(item)
    lo = hi = k
    while lo > 0 and _joined(texts, phrase, ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and _joined(texts, phrase, ordered[hi], ordered[hi + 1]):
        hi += 1
    return ordered[lo : hi + 1]


def _other_kinds(texts: Mapping[int, str], phrase: Phrase, items: list[_Item], parts: list[_Item]) -> bool:
    """Does the sentence give another kind of the fact outside the enumeration
    ("核定行政编制45名，……事业编制86名")? Then which figures make up the fact cannot be
    told."""
    first = parts[0]
    text = texts.get(first.paragraph, "")
    return any(i.paragraph == first.paragraph and i.sentence == first.sentence and i not in parts
               and i.quantity.is_money == first.quantity.is_money
               and _bracketed(text, i.start) == _bracketed(text, first.start)  # a breakdown in brackets is another figure's
               and any(_kinds_of_one(phrase, p.subject, i.subject) for p in parts) for i in items)


def _bracketed(text: str, pos: int) -> bool:
    """Is the offset inside brackets ("实有在职人员249人（政法专项编制238人、……）")?"""
    before = text[:pos]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _qualifies(words: str) -> bool:
    """Do the words before a shared ending name a kind (行政, 事业), not only a date or a
    neutral word (年末, 核定, 本单位)?"""
    v = narrative_vocabulary()
    rest = _YEAR.sub("", words)
    for w in sorted((*v.neutral_prefixes, *EXTRA_NEUTRAL), key=len, reverse=True):
        rest = rest.replace(w, "")
    # the unit's own name (本院, 市医疗保障局) names no kind either
    return bool(rest) and not any(rest.endswith(x) for x in v.org_suffixes)


def _other_scope(phrase: Phrase, before: str) -> bool:
    """Does the number's clause (its sentence back to the last ；) name another
    population or scope than the fact's ("警务辅助人员控制数420名，实有398名")?"""
    clause = re.split(r"[；;]", before)[-1]
    return any(w in clause for w in phrase.unless)


def _sum_source(ref: FactRef, parts: list[_Item], kind: str) -> Source | None:
    """One source for an enumeration's parts: their sum."""
    scale = parts[0].quantity.scale
    if any(p.quantity.value is None or not p.exact for p in parts):
        return None
    total = sum(((p.quantity.value or Decimal(0)) * p.quantity.scale for p in parts), Decimal(0)) / scale
    decimals = max(p.quantity.decimals for p in parts)
    first = parts[0].quantity
    unit = first.unit or ""
    q = Quantity(text=f"{fmt(total, decimals)}{unit}", value=total, decimals=decimals, unit=first.unit)
    what = " + ".join(f"{p.subject}{p.quantity.text.strip()}" for p in parts)
    return Source(ref, q, what, parts[0].location, parts[0].sentence.strip()[:80], kind,
                  scale if kind == "money" else Decimal(1), "text")


def _normalized_texts(facts: Facts) -> dict[int, str]:
    return facts.memo("kb_normalized_texts", lambda: {i: normalize(t) for i, t in paragraph_texts(facts).items()})


def _text_sources(facts: Facts, ref: FactRef, phrases: Mapping[str, Phrase]) -> list[Source]:
    phrase = phrases.get(ref.phrase)
    if phrase is None:
        return []
    # the same reference is resolved for every claim of the indicator and by several
    # indicators' formulas: once per report (the result depends on nothing else)
    return facts.memo(("kb_text_sources", ref, phrase), lambda: _resolve_text(facts, ref, phrase))


def _resolve_text(facts: Facts, ref: FactRef, phrase: Phrase) -> list[Source]:
    year = evaluated_year(facts.meta)
    out: list[Source] = []
    seen: set[tuple[Decimal, Decimal]] = set()
    items = _items(facts, phrase)
    texts = _normalized_texts(facts)
    keys = word_keys(phrase.words)
    for item in items:
        if not subject_key(item.subject).endswith(keys):
            continue  # names_phrase below needs this ending: most figures fail here, cheaply
        q = item.quantity
        if not item.exact or q.value is None or not year_ok_before(item.sentence, len(item.before), year):
            continue
        if any(w in item.before[-12:] for w in ("上年", "去年", "上一年")):
            continue
        if not any(names_phrase(item.subject, w) for w in phrase.words):
            continue
        if _other_scope(phrase, item.before):
            continue  # another population's figure: 辅警, 编外 …
        parts = _enumeration(texts, phrase, items, item)
        if _other_kinds(texts, phrase, items, parts):
            continue  # another kind of the fact given apart: the whole cannot be told
        if len(parts) > 1:
            # one part of an enumeration ("核定行政编制45名、事业编制86名"): the fact is the sum
            source = _sum_source(ref, parts, phrase.kind)
            if source is None:
                continue
            q = source.quantity
        else:
            scale = q.scale if phrase.kind == "money" else Decimal(1)
            source = Source(ref, q, item.subject, item.location, item.sentence.strip()[:80], phrase.kind, scale, "text")
        k = (q.value * q.scale, Decimal(q.decimals))
        if k in seen:
            continue  # the same number stated again adds no reading
        seen.add(k)
        out.append(source)
    return out


# ---------------------------------------------------------------------------
# readings


def per_indicator(facts: Facts, what: str, ind: IndicatorDef, compute: Callable[[], T]) -> T:
    """``compute()`` for this indicator, once per report: each row and sentence that
    claims a value of it asks again. An IndicatorDef holds a mapping and cannot be
    hashed; it is kept beside its value, so its ``id`` is not reused while the memo lives."""
    return facts.memo((what, id(ind)), lambda: (ind, compute()))[1]


def _tables_read(facts: Facts, kind: str) -> list[tuple[int, CanonicalTable]]:
    """The tables of a kind a table reference reads, by index: a department-wide
    report's table of projects is not one. Once per report (finding a table's caption
    walks the document)."""
    def compute() -> list[tuple[int, CanonicalTable]]:
        whole = department_wide(facts)
        return [(index, ct) for index, ct in enumerate(facts.tables)
                if ct.kind == kind and not (whole and lists_projects(facts, ct))]

    return facts.memo(("kb_tables_read", kind), compute)


def _table_source_of(facts: Facts, ct: CanonicalTable, index: int, ref: FactRef) -> Source | None:
    """``_table_source``, once per report for each table and reference: indicators share them."""
    return facts.memo(("kb_table_source", index, ref), lambda: _table_source(ct, index, ref))


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
        for index, ct in _tables_read(facts, kind):
            got = {n: s for n in names if (s := _table_source_of(facts, ct, index, comp.facts[n])) is not None}
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
