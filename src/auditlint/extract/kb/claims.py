"""What a report claims of its indicators, and the values a claim is held against: a
table row's completion ("完成值 100%", or a completion sentence "部门预算资金到位率100%")
or a percentage the narrative states of a knowledge-base indicator ("预算执行率100%"),
held against the knowledge base's formulas, the report's own definition, or the formula
it prints beside the claim. The reading behind AL501.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike, ScoredRow
from auditlint.extract.kb.definitions import definition_readings, stated_formula_readings, stated_terms
from auditlint.extract.kb.knowledge import IndicatorDef, knowledge_base
from auditlint.extract.kb.values import Reading, per_indicator, readings, year_ok_before
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, Rate, paragraph_texts, statements_of
from auditlint.model import Location
from auditlint.numbers import Quantity


@dataclass(frozen=True)
class Claim:
    """A value a report claims for an indicator."""

    name: str
    quantity: Quantity
    text: str  # as printed
    location: Location
    snippet: str  # the narrative's sentence; "" for a row (its wording is the check's)
    source: str  # "row": a table's completion column; "text": a figure of the narrative
    row: IndicatorRowLike | None = None


def row_claim(row: IndicatorRowLike) -> Claim | None:
    cell = row.cells.get("actual")
    if cell is None:
        return None
    q = row.actual
    if q is None and isinstance(row, ScoredRow):
        q = row.indicator.actual_quantity  # a completion written as a sentence: "部门预算资金到位率100%"
    if q is None or q.value is None:
        return None
    return Claim(row.name, q, cell.text.strip(), cell.location, "", "row", row)


def unit_fits(claim: Quantity, ind: IndicatorDef) -> bool:
    if ind.unit == "%":
        return claim.unit in (None, "%")
    return claim.base_unit == Quantity(text="", value=None, unit=ind.unit).base_unit


def _rate_anchors(facts: Facts) -> set[Location]:
    return {r.rate.location for r in statements_of(facts, Rate)}


def narrative_claims(facts: Facts) -> Iterator[tuple[Claim, IndicatorDef, Figure]]:
    """Percentages the narrative states of an indicator in the base ("预算执行率100%");
    not those stated with their own figures (a Rate: AL201's)."""
    kb = knowledge_base()
    anchors = _rate_anchors(facts)
    year = evaluated_year(facts.meta)
    for f in statements_of(facts, Figure):
        if not f.exact or not f.quantity.is_percent or f.location in anchors:
            continue
        ind = kb.lookup(f.name)
        if ind is None or not year_ok_before(f.sentence.text, f.start - f.sentence.start, year):
            continue
        claim = Claim(f.name, f.quantity, f.quantity.text.strip(), f.location, f.sentence.text.strip()[:120], "text")
        yield claim, ind, f


def narrative_readings(facts: Facts, ind: IndicatorDef, f: Figure) -> list[Reading]:
    """The values a narrative claim is held against: those of the formula the report
    prints beside it ("结转结余率3.20%（年末结转结余÷收入合计）"), when it prints one —
    the report's own definition, and nothing when its terms name no amount — else the
    knowledge base's."""
    texts = paragraph_texts(facts)
    terms = stated_terms(texts.get(f.sentence.paragraph, ""), f.end)
    if terms is not None:
        return stated_formula_readings(facts, ind, terms, f.sentence.paragraph)
    return kb_readings(facts, ind)


def kb_readings(facts: Facts, ind: IndicatorDef) -> list[Reading]:
    """The indicator's values: by the definition the report states for it anywhere
    ("预算调整率=各项目调整金额绝对值之和÷年初预算数"), which overrides the knowledge
    base's (nothing when its terms name no figure); else by the knowledge base's."""
    return per_indicator(facts, "kb_readings", ind, lambda: _kb_readings(facts, ind))


def _kb_readings(facts: Facts, ind: IndicatorDef) -> list[Reading]:
    defined = definition_readings(facts, ind)
    return defined if defined is not None else readings(facts, ind)
