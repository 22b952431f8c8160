"""What a scoring rule can give and what an indicator's stated actual earns: the rule's
best points against the weight, the direction a target is met in, whether the actual
misses it, the precision scores are rounded to."""

from __future__ import annotations

from decimal import Decimal

from auditlint.extract.scoring import Indicator, ScoringTable, points_of
from auditlint.extract.scoring.rules import (
    Additive,
    Award,
    Bands,
    Deduction,
    Proportional,
    Reading,
    Rule,
    Threshold,
    Unparsed,
)


def over_weight(ind: Indicator) -> bool:
    """The score is above the weight beyond rounding."""
    s, w = points_of(ind.score), points_of(ind.weight)
    return s is not None and w is not None and s.lo > w.hi


def rule_max(ind: Indicator) -> Decimal | None:
    """The most the indicator's parsed rule can give; None without one."""
    if ind.rule is None or isinstance(ind.rule, Unparsed) or ind.weight is None:
        return None
    return ind.rule.max_points(ind.weight.value)


def max_mismatch(ind: Indicator) -> Decimal | None:
    """The rule's maximum when no fair reading of the rule reaches the weight, else None."""
    m = rule_max(ind)
    if m is None or ind.weight is None or ind.rule is None or ind.weight.value in ind.rule.maxima(ind.weight.value):
        return None
    return m



def target_reading(ind: Indicator, unit: str | None = None) -> Reading | None:
    """The target, when it reads as one number (in ``unit``)."""
    rs = [r for r in ind.target_readings if unit is None or r.unit == unit]
    return rs[0] if len(rs) == 1 else None


def explained_by_mismatch(ind: Indicator, award: Award) -> bool:
    """The score differs from the rule only because the rule's best is not the weight."""
    m = max_mismatch(ind)
    if m is None or ind.score is None or ind.weight is None:
        return False
    return award.lo == m and ind.score.value in (ind.weight.value, m)


def direction(ind: Indicator, target: Reading) -> str | None:
    """"up" when more is better, "down" when less is: from the target's own comparator,
    else from the rule's one-sided conditions on the same measure."""
    if target.lo is not None and target.hi is None:
        return "up"
    if target.hi is not None and target.lo is None:
        return "down"
    if ind.rule is None:
        return None
    kinds = {c.kind for c in conditions(ind.rule) if c.unit == target.unit}
    if kinds == {"lower"}:
        return "up"
    if kinds == {"upper"}:
        return "down"
    return None


def conditions(rule: Rule) -> list:
    """The conditions a rule's points hang on."""
    if isinstance(rule, Additive):
        return [c for it in rule.items for c in conditions(it)]
    if isinstance(rule, Threshold):
        return [rule.cond]
    if isinstance(rule, Bands):
        return [b.cond for b in rule.items]
    if isinstance(rule, Proportional | Deduction):
        return [rule.full_at] if rule.full_at is not None else []
    return []


def missed(ind: Indicator) -> tuple[Reading, Reading] | None:
    """(target, actual) for a target the stated actual clearly misses."""
    actuals = ind.actual_readings
    for t in ind.target_readings:
        same = [a for a in actuals if a.unit == t.unit]
        if len(same) != 1:
            continue
        a = same[0]
        way = direction(ind, t)
        if way == "up" and t.lo is not None and a.hi is not None:
            if a.hi < t.lo or (a.hi == t.lo and (not a.hi_incl or not t.lo_incl)):
                return t, a
        if way == "down" and t.hi is not None and a.lo is not None:
            if a.lo > t.hi or (a.lo == t.hi and (not a.lo_incl or not t.hi_incl)):
                return t, a
    return None



def precision(st: ScoringTable, ind: Indicator) -> int:
    """The decimals a score is rounded to: a table keeps its scores to one precision, so a
    whole "10" beside scores of 4.89 and 9.52 is not 9.76 rounded."""
    assert ind.score is not None
    return max([ind.score.decimals, *(i.score.decimals for i in st.indicators if i.score is not None)])
