"""The parser: a 评分标准 text → the rule it states, or ``Unparsed`` with the reason.

A text's clauses are sorted by what they give (points, nothing, a deduction, a factor ×
the weight), and the mix decides the rule: one factor clause is ``Proportional``, one
kind of deduction a ``Deduction``, numeric conditions ``Threshold``/``Bands``/
``Additive``, worded ones a ``Choice``. No guessing: a mix that has two fair readings
stays unparsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from auditlint.extract.scoring.rules.additive import Additive, declared_count, item_spans
from auditlint.extract.scoring.rules.bands import Bands, bands_rule
from auditlint.extract.scoring.rules.base import Rule, Unparsed
from auditlint.extract.scoring.rules.choice import Choice
from auditlint.extract.scoring.rules.clauses import Clause, clauses, outcomes, positive
from auditlint.extract.scoring.rules.deductions import deduction_rule
from auditlint.extract.scoring.rules.points import FULL, Points
from auditlint.extract.scoring.rules.proportional import proportional_rule
from auditlint.extract.scoring.rules.thresholds import Threshold
from auditlint.numbers import ZERO, normalize

# what still reads like points after every outcome was taken: a form the parser does not know
_STRAY = re.compile(r"得\s*\d|得\s*[一二两三四五六七八九十]\s*分|[计记给]\s*\d+(?:\.\d+)?\s*分|按\s*\d+(?:\.\d+)?\s*%"
                    r"|\d+(?:\.\d+)?\s*%\s*的?\s*(?:分值|权重)")


# points for each of a list ("6月底、9月底分别达到45%、70%的，各得3分"): the maximum is the
# points times a count the text leaves to the reader
_EACH = re.compile(r"(?:各|每项|分别)\s*(?:可)?\s*[得计记给]\s*\d")

_MANY = Decimal(10**6)  # a weight large enough that a share of it outranks any printed points


@dataclass(frozen=True)
class _Sorted:
    """A text's clauses by what they give."""

    positives: list[Clause]
    zeros: list[Clause]
    deds: list[Clause]
    props: list[Clause]

    @staticmethod
    def of(found: list[Clause]) -> _Sorted:
        return _Sorted(
            positives=[c for c in found if positive(c)],
            zeros=[c for c in found if c.outcome.kind == "points" and not positive(c)],
            deds=[c for c in found if c.outcome.kind == "ded"],
            props=[c for c in found if c.outcome.kind == "prop"],
        )

    @property
    def top(self) -> Clause | None:
        """The clause giving the most points."""
        if not self.positives:
            return None
        return max(self.positives, key=lambda c: c.outcome.points.resolve(_MANY) or ZERO)  # type: ignore[union-attr]


def parse_item(text: str, base: int = 0) -> Rule:
    """One criterion (an item of an additive rule, or a whole rule)."""
    if _EACH.search(text):
        return Unparsed(text, base, "points for each of several items")
    found = clauses(text, base)
    if not found:
        return Unparsed(text, base, "no points in the text")
    rest = [c.cond_text for c in found] + [text[found[-1].outcome.end - base :]]
    if any(_STRAY.search(t) for t in rest):
        return Unparsed(text, base, "points in a form the parser does not read")
    kinds = _Sorted.of(found)
    if kinds.props:
        if len(kinds.props) > 1 or kinds.deds or len(kinds.positives) > 1:
            return Unparsed(text, base, "a proportional rule mixed with other scoring")
        return proportional_rule(text, kinds.props[0], kinds.top)
    if kinds.deds:
        return _deduction(text, base, kinds)
    if not kinds.positives:
        return Unparsed(text, base, "no clause gives points")
    if all(c.cond.numeric for c in kinds.positives):
        return _numeric(text, base, kinds)
    if any(c.cond.numeric for c in kinds.positives):
        return Unparsed(text, base, "numeric and worded conditions mixed")
    return _worded(text, base, kinds)


def _deduction(text: str, base: int, kinds: _Sorted) -> Rule:
    deds, top = kinds.deds, kinds.top
    if len(kinds.positives) > 1 or len(deds) > 1 and len({(d.outcome.amount, d.outcome.of_weight) for d in deds}) > 1:
        return Unparsed(text, base, "several deductions or levels")
    start = top.outcome.points if top is not None and top.outcome.points else FULL
    free_at = top.cond if top is not None and top.cond.numeric else None
    at = top.outcome.start if top is not None else deds[0].outcome.start
    return deduction_rule(text, at, deds[0], start, free_at)


def _numeric(text: str, base: int, kinds: _Sorted) -> Rule:
    """Clauses whose every condition is numeric: one threshold, one per measure (they add
    up), or bands of one measure."""
    positives = kinds.positives
    units = {c.cond.unit for c in positives}
    if len(positives) == 1:
        c = positives[0]
        other = Points(ZERO)
        for z in kinds.zeros:
            other = z.outcome.points or other
        return Threshold(text, c.outcome.start, c.cond, c.outcome.points or FULL, other)
    if len(units) == len(positives):
        # conditions on different measures, each worth its own points: they add up
        items = tuple(Threshold(c.cond_text, c.outcome.start, c.cond, c.outcome.points or FULL) for c in positives)
        return Additive(text, positives[0].outcome.start, items)
    if len(units) == 1:
        return bands_rule(text, positives, kinds.zeros)
    return Unparsed(text, base, "conditions on several measures")


def _worded(text: str, base: int, kinds: _Sorted) -> Rule:
    positives = kinds.positives
    vals = [c.outcome.points.value for c in positives if c.outcome.points and c.outcome.points.explicit]
    if len(positives) > 1 and len(set(vals)) != len(vals):
        return Unparsed(text, base, "worded conditions with equal points: alternatives or additive?")
    options = tuple((c.cond, c.outcome.points or FULL) for c in [*positives, *kinds.zeros])
    top = kinds.top
    at = top.outcome.start if top is not None else base
    return Choice(text, at, options)


# templates repeat their 评分标准 texts from report to report; a rule is immutable and a
# function of its text alone (no vocabulary), so one parse serves every copy
@lru_cache(maxsize=4096)
def parse_rule(text: str) -> Rule:
    """Parse a 评分标准 cell. Offsets in the result refer to ``text``."""
    if not text or not text.strip():
        return Unparsed(text or "", 0, "empty")
    t = normalize(text)
    declared = declared_count(t)
    spans = item_spans(t)
    if spans:
        return _numbered(text, t, declared, spans)
    if declared is not None and declared > 1:
        return _declared_unnumbered(text, t, declared)
    return parse_item(t, 0)


def _numbered(text: str, t: str, declared: int | None, spans: list[tuple[int, int]]) -> Rule:
    """Numbered items (1.… 2.…): each a criterion, their points adding up, unless they
    are the bands of one measure ("1.达到90%得5分；2.达到80%得3分")."""
    preamble = t[: spans[0][0]]
    items = [parse_item(t[s:e], s) for s, e in spans]
    if declared is None and all(isinstance(i, Threshold) for i in items):
        units = {i.cond.unit for i in items if isinstance(i, Threshold)}
        if len(units) == 1:
            whole = parse_item(t, 0)
            if isinstance(whole, Bands):
                return whole
    if declared is not None and declared != len(items):
        return Unparsed(text, 0, f"共{declared}项 but {len(items)} items printed")
    if outcomes(preamble, 0):
        return Unparsed(text, 0, "points outside the numbered items")
    return Additive(text, items[0].at, tuple(items))


def _declared_unnumbered(text: str, t: str, declared: int) -> Rule:
    """"共3项" without numbers: additive when exactly that many clauses give points and
    nothing else is scored."""
    found = clauses(t, 0)
    positives = [c for c in found if positive(c)]
    if len(positives) == declared and not any(c.outcome.kind != "points" for c in found):
        items: list[Rule] = [Choice(c.cond_text, c.outcome.start, ((c.cond, c.outcome.points or FULL),)) for c in positives]
        return Additive(text, positives[0].outcome.start, tuple(items))
    return Unparsed(text, 0, f"共{declared}项 without numbered items")
