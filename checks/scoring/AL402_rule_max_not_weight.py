"""AL402: a scoring rule whose best points are not the indicator's weight."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import points, points_en, points_materiality, rule_finding

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.rule_reach import max_mismatch, over_weight
from auditlint.extract.score_totals import scored
from auditlint.extract.scoring import Indicator
from auditlint.extract.scoring.rules import Additive, Rule
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity
from auditlint.numbers import fmt

BELOW = Message(zh="{name}：评分标准最高只能得 {best} 分，但权重为 {weight}{tail}",
                en="{name}: the rule gives at most {best}, but the weight is {weight}{tail}")
ABOVE = Message(zh="{name}：评分标准最高可得 {best} 分，超过权重 {weight}",
                en="{name}: the rule gives up to {best}, more than the weight {weight}")


@check("AL402", "rule-max-not-weight", severity="warning", zh="评分标准的最高分不等于该指标的权重",
       en="The scoring rule's maximum points ≠ the indicator's weight",
       messages=(BELOW, ABOVE,))
def rule_max_not_weight(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分标准（评分规则）能给出的最高分应等于该指标的权重。分项累加的规则取各项之和
    （“共2项……得0.5分……得0.5分”最高 1 分），分档和条件规则取最高一档，按比例、
    “得满分”和扣分制的规则最高即为权重。规则给不到权重而指标却得了满分，说明得分没有
    依据，报为错误；规则给不到权重但得分也没有超过规则的，报为警告；规则许诺的分数
    超过权重，同样报告。无法解析的规则不作判断；未编号的几条文字条件分值不同时，既可能是
    分档也可能是分项累加，只要其中一种读法等于权重就不报告。
    错误示例：预算管理制度健全性 权重 2，评分标准“已制订预算管理办法，得1分；未制定，得0分”，得分 2。
    正确示例：权重 2，评分标准“已制订预算管理办法，得2分；未制定，得0分”，得分 2。

    en:
    The most a scoring rule can give must equal the indicator's weight. Additive rules give
    the sum of their items ("共2项……得0.5分……得0.5分" gives at most 1), banded and
    conditional rules their best band, proportional, 得满分 and deduction rules the weight
    itself. A rule that cannot reach the weight on an indicator scored in full is an error
    (the score has no basis); one that cannot reach it on a lower score is a warning; a
    rule that promises more than the weight is reported too. Rules that cannot be parsed
    are left alone, and unnumbered worded conditions with different points, which may be
    levels or separate criteria, are reported only when neither reading reaches the weight.
    Bad: weight 2, rule "已制订预算管理办法，得1分；未制定，得0分", score 2.
    Good: weight 2, rule "已制订预算管理办法，得2分；未制定，得0分", score 2.
    """
    for st in facts.scoring:
        for ind in scored(st):
            if not _reported(ind):
                continue
            m = max_mismatch(ind)
            assert m is not None and ind.weight is not None and ind.rule is not None
            w = ind.weight.value
            assert w is not None
            unearned = m < w and ind.score is not None and ind.score.value is not None and ind.score.value > m
            best = Both(fmt(m), points_en(m))
            if m < w:
                tail = Both(f"，得分 {points(ind.score)} 超出规则可得的分数", f"; the score {points(ind.score)} is more than the rule can give") \
                    if unearned else Both("", "")
                message = BELOW.format(name=ind.name, best=best, weight=fmt(w), tail=tail)
            else:
                message = ABOVE.format(name=ind.name, best=best, weight=fmt(w))
            finding = rule_finding(st, ind, ind.rule.at, message,
                                   Evidence(_rule_expression(ind.rule, m), fmt(m), fmt(w), fmt(abs(m - w)), "0",
                                            (("评分标准最高分", fmt(m)), ("权重", fmt(w)), ("得分", points(ind.score))),
                                            expression_zh=_rule_expression(ind.rule, m, "zh"),
                                            sentence=_sentence(ind.rule, m, w, "en"),
                                            sentence_zh=_sentence(ind.rule, m, w, "zh")),
                                   0.9 if unearned else 0.8, points_materiality(abs(m - w)), "rule-max")
            finding.related = [Related(loc, f"权重 {fmt(w)}") for loc in [ind.weight_location()] if loc is not None]
            finding.severity = Severity.ERROR if unearned else None
            yield finding


def _reported(ind: Indicator) -> bool:
    m = max_mismatch(ind)
    if m is None:
        return False
    # the score the rule over-promised is AL401's finding, with the rule named there
    return not (over_weight(ind) and ind.score is not None and ind.score.value == m)


def _rule_expression(rule: Rule, m: Decimal, lang: str = "en") -> str:
    """"weight (rule max 0.5 + 0.5 = 1)": the weight, with how the rule's best was found."""
    how = _best(rule, m)
    return f"权重（评分标准最高 {how}）" if lang == "zh" else f"weight (rule max {how})"


def _best(rule: Rule, m: Decimal) -> str:
    """The rule's best points and, for an additive rule, how they add up: "0.5 + 0.5 = 1"."""
    if isinstance(rule, Additive):
        parts = [it.max_points(None) for it in rule.items]
        if all(p is not None for p in parts):
            return " + ".join(fmt(p) for p in parts if p is not None) + f" = {fmt(m)}"
    return fmt(m)


def _sentence(rule: Rule, m: Decimal, w: Decimal, lang: str) -> str:
    """The evidence line: "评分标准最高可得 0.5 + 0.5 = 1 分，权重为 2 分，相差 1 分"."""
    how, d = _best(rule, m), fmt(abs(m - w))
    if lang == "zh":
        return f"评分标准最高可得 {how} 分，权重为 {fmt(w)} 分，相差 {d} 分"
    unit = "point" if m == 1 else "points"
    return f"the rule gives at most {how} {unit}, the weight is {fmt(w)}: {d} apart"
