"""Formulas a report states itself, which take the place of the knowledge base's: one
printed beside a rate ("结转结余率3.20%（年末结转结余÷收入合计）", evaluated over the amounts
its terms name) and a definition printed anywhere ("预算调整率=各项目调整金额绝对值之和÷
年初预算数"). The report's definitions are found once per report
(``facts.extra["stated_definitions"]``) and shared by every check that asks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from auditlint.extract.facts import Facts
from auditlint.extract.kb.knowledge import FactRef, IndicatorDef, knowledge_base, name_key
from auditlint.extract.kb.values import (
    _BRACKETED,
    MAX_READINGS,
    WAN,
    Reading,
    Source,
    _rows_for,
    _scales,
    _table_source,
    _table_unit_scale,
    _values,
    department_wide,
    lists_projects,
    per_indicator,
    year_ok_before,
)
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, statements_of
from auditlint.extract.tables import CanonicalTable, Row
from auditlint.model import Table
from auditlint.numbers import Quantity, fmt, normalize

KEY = "stated_definitions"


# ---------------------------------------------------------------------------
# a formula the report states itself: "结转结余率3.20%（年末结转结余÷收入合计）"

_STATED = re.compile(r"^\s*[（(](?P<num>[^（()）÷/]{2,20})(?:÷|/|除以)(?P<den>[^（()）÷/]{2,20})[)）]")
_TERM_END = re.compile(r"(?:[×*]\s*100\s*%?|合计|总计|总额|总数|金额|数)$")
STATED_FORMULA = "num / den * 100"


def _term_key(text: str) -> str:
    t = name_key(_BRACKETED.sub("", text))
    while (m := _TERM_END.search(t)) and m.start() > 0:
        t = t[: m.start()]
    return t


def stated_terms(paragraph_text: str, end: int) -> tuple[str, str] | None:
    """The numerator and denominator of a formula printed in brackets right after a
    percentage ("3.20%（年末结转结余÷收入合计）"), or None when there is none."""
    m = _STATED.match(normalize(paragraph_text)[end:])
    if m is None:
        return None
    num, den = _term_key(m.group("num")), _term_key(m.group("den"))
    return (num, den) if len(num) >= 2 and len(den) >= 2 else None


def _term_sources(facts: Facts, term: str, paragraph: int, year: int | None, name: str) -> list[Source]:
    """The narrative's amounts a stated formula's term names: those of the claim's own
    paragraph whose name ends with the term ("学校收入合计" for 收入合计), else the
    report's."""
    ref = FactRef(f"text:{name}", "text", phrase=name)
    found: dict[int, list[Source]] = {}
    for f in statements_of(facts, Figure):
        if not f.exact or not f.quantity.is_money or f.quantity.value is None:
            continue
        if not year_ok_before(f.sentence.text, f.start - f.sentence.start, year):
            continue
        if not _term_key(f.subject).endswith(term):
            continue
        local = 0 if f.sentence.paragraph == paragraph else 1
        found.setdefault(local, []).append(
            Source(ref, f.quantity, f.subject, f.location, f.sentence.text.strip()[:80], "money", f.quantity.scale, "text"))
    for local in (0, 1):
        if found.get(local):
            out, seen = [], set()
            for src in found[local]:
                k = (src.quantity.value or Decimal(0)) * src.quantity.scale
                if k not in seen:
                    seen.add(k)
                    out.append(src)
            return out
    return []


def stated_formula_readings(facts: Facts, ind: IndicatorDef, terms: tuple[str, str], paragraph: int) -> list[Reading]:
    """The values of the report's own formula over the amounts its terms name; empty
    when a term names nothing (the formula is the report's: no other is tried)."""
    from auditlint.formula import parse

    year = evaluated_year(facts.meta)
    nums = _term_sources(facts, terms[0], paragraph, year, "num")
    dens = _term_sources(facts, terms[1], paragraph, year, "den")
    formula = parse(STATED_FORMULA)
    out: list[Reading] = []
    for n, d in itertools.islice(itertools.product(nums, dens), MAX_READINGS):
        got = formula.evaluate(_values({"num": n, "den": d}, WAN))
        if got is not None:
            out.append(Reading(ind, formula, (("num", n), ("den", d)), got))
    return out


# ---------------------------------------------------------------------------
# a definition the report states anywhere: "预算调整率=各项目调整金额绝对值之和÷年初预算数"

_DEFINITION = re.compile(
    r"(?P<name>[^，,。；;：:=＝（()）\s]{2,16})\s*[=＝]\s*"
    r"(?P<num>[^，,。；;：:=＝÷/]{2,30}?)\s*(?:÷|/|除以)\s*(?P<den>[^，,。；;：:=＝÷/×*（(]{2,30})")
_ABSOLUTE_SUM = re.compile(r"调整.*绝对值(?:之和|合计|总和|加总)|绝对值(?:之和|合计|总和).*调整")


def _texts(facts: Facts) -> Iterator[str]:
    for p in facts.document.paragraphs:
        yield normalize(p.text)
    for block in facts.document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    yield normalize(cell.text)


def extract_into(facts: Facts) -> None:
    """Every definition the report prints, in a sentence or a cell, of an indicator the
    knowledge base knows: (indicator, numerator, denominator), as raw terms, in reading order."""
    kb = knowledge_base()
    found: list[tuple[IndicatorDef, str, str]] = []
    for text in _texts(facts):
        if "=" not in text and "＝" not in text:
            continue  # _DEFINITION needs one; scanning every cell and sentence for it cost ~3 ms a report
        for m in _DEFINITION.finditer(text):
            ind = kb.lookup(m.group("name"))
            if ind is not None:
                found.append((ind, m.group("num").strip(), m.group("den").strip()))
    facts.extra[KEY] = found


def stated_definitions(facts: Facts, ind: IndicatorDef) -> list[tuple[str, str]]:
    """The definitions of the indicator the report prints anywhere, in a sentence or a
    cell ("预算调整率=各项目调整金额绝对值之和÷年初预算数"): each (numerator, denominator),
    as raw terms."""
    out: list[tuple[str, str]] = []
    for of, num, den in facts.extra[KEY]:
        if of is ind and (num, den) not in out:
            out.append((num, den))
    return out


def _leaves(ct: CanonicalTable, row: Row) -> list[Row]:
    if not row.children:
        return [row]
    return [leaf for c in row.children for leaf in _leaves(ct, ct.rows[c])]


def _adjustment(ct: CanonicalTable, row: Row) -> Decimal | None:
    """The size of one line's adjustment: |调整后 − 年初|, |调整数|, or 调增 + 调减."""
    def v(role: str) -> Decimal | None:
        q = ct.value(row, role)
        return q.value if q is not None and q.is_number and q.comparator is None else None

    adjusted, initial, adjust, add, cut = (v(r) for r in ("budget_adjusted", "budget_initial", "adjust", "add", "cut"))
    if adjusted is not None and initial is not None:
        return abs(adjusted - initial)
    if adjust is not None:
        return abs(adjust)
    if add is not None or cut is not None:
        return abs(add or Decimal(0)) + abs(cut or Decimal(0))
    return None


def _budget_tables(facts: Facts) -> Iterator[tuple[int, CanonicalTable]]:
    whole = department_wide(facts)
    for index, ct in enumerate(facts.tables):
        if ct.kind == "budget" and not (whole and lists_projects(facts, ct)):
            yield index, ct


def _absolute_sum_sources(facts: Facts, name: str) -> list[Source]:
    """"各项目调整金额绝对值之和": the sum of each line's adjustment, taken without its
    sign, over the lines a budget table's one total adds up."""
    ref = FactRef("table:budget/total/adjust", "table", table="budget", row="total", column="adjust")
    out: list[Source] = []
    for index, ct in _budget_tables(facts):
        tops = _rows_for(ct, "total")
        if len(tops) != 1 or not tops[0].children:
            continue
        lines = _leaves(ct, tops[0])
        sizes = [_adjustment(ct, r) for r in lines]
        if not lines or any(x is None for x in sizes):
            continue
        total = sum((x for x in sizes if x is not None), Decimal(0))
        decimals = max((c.decimals for c in ct.columns if c.role in ("budget_adjusted", "budget_initial", "adjust", "add", "cut")),
                       default=2)
        q = Quantity(text=fmt(total, decimals), value=total, decimals=decimals, unit=None)
        cell = tops[0].cells.get("budget_initial") or next(iter(tops[0].cells.values()))
        what = "各行调整额绝对值之和（" + " + ".join(fmt(x or Decimal(0), decimals) for x in sizes[:6]) + \
               ("……" if len(sizes) > 6 else "") + "）"
        out.append(Source(ref, q, what, cell.location, what, "money",
                          _table_unit_scale(ct, "budget_initial"), f"table:{index}"))
    return out


def _definition_term_sources(facts: Facts, term: str, name: str) -> list[Source]:
    """The figures a stated definition's term names: the sum of a budget table's
    adjustments without their signs ("调整金额绝对值之和"); a budget table's total in the
    column the term names ("年初预算数" → 年初预算); else the narrative's amounts whose
    name ends with the term ("政府采购预算1386.50万元")."""
    from auditlint.extract.tables import header_role

    if _ABSOLUTE_SUM.search(term):
        return _absolute_sum_sources(facts, name)
    out: list[Source] = []
    role = header_role(term)
    if role in ("budget_initial", "budget_adjusted", "actual", "adjust", "add", "cut") and "绝对值" not in term:
        ref = FactRef(f"table:budget/total/{role}", "table", table="budget", row="total", column=role)
        for index, ct in _budget_tables(facts):
            col = ct.column(role)
            if col is None or _term_key(col.header) != _term_key(term):
                continue
            src = _table_source(ct, index, ref)
            if src is not None:
                out.append(src)
    if out:
        return out
    key = _term_key(term)
    if len(key) < 2 or any(ch in key for ch in "+-−＋×*（()）"):
        return []
    return _term_sources(facts, key, -1, evaluated_year(facts.meta), name)


def definition_readings(facts: Facts, ind: IndicatorDef) -> list[Reading] | None:
    """The indicator's values by the definitions the report states for it (None when it
    states none: the knowledge base's formulas apply). A stated definition overrides the
    base's; when its terms name no figure, the list is empty and nothing can be said."""
    return per_indicator(facts, "definition_readings", ind, lambda: _definition_readings(facts, ind))


def _definition_readings(facts: Facts, ind: IndicatorDef) -> list[Reading] | None:
    from auditlint.formula import parse

    defs = stated_definitions(facts, ind)
    if not defs:
        return None
    formula = parse(STATED_FORMULA)
    out: list[Reading] = []
    for num_term, den_term in defs:
        nums = _definition_term_sources(facts, num_term, "num")
        dens = _definition_term_sources(facts, den_term, "den")
        if not nums or not dens:
            return []  # one definition the figures cannot follow: the report's meaning is not known
        for n, d in itertools.islice(itertools.product(nums, dens), MAX_READINGS):
            pair = {"num": n, "den": d}
            for k, fallback in enumerate(_scales(pair)):
                got = formula.evaluate(_values(pair, fallback))
                if got is not None:
                    out.append(Reading(ind, formula, (("num", n), ("den", d)), got, primary=k == 0))
    return out
