"""AL401: a score above its indicator's weight (the rule that over-promised it is named here,
not reported again as AL402)."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import points, points_materiality, table_key

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.rule_reach import over_weight, rule_max
from auditlint.extract.score_totals import scored
from auditlint.findings import Both, Evidence, Finding, Message, Related
from auditlint.numbers import fmt

ABOVE = Message(zh="{name}：得分 {score} 超过权重 {weight}{why}", en="{name}: score {score} exceeds its weight {weight}{why}")


@check("AL401", "score-above-weight", severity="error", zh="得分超过该指标的权重（分值）",
       en="A score above the indicator's weight",
       messages=(ABOVE,))
def score_above_weight(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    一项指标的得分不能超过它的权重（分值）：权重就是这一项的满分。
    错误示例：重点医疗救助对象救助比例 权重 3，自评得分 4（评分标准写“得4分”）。
    正确示例：权重 3，得分 3；评分标准也应写“得3分”。

    en:
    An indicator's score cannot exceed its weight: the weight is the indicator's full marks.
    Bad: weight 3, self-assessed score 4 (the rule says 得4分).
    Good: weight 3, score 3, and the rule says 得3分.
    """
    for st in facts.scoring:
        for ind in scored(st):
            if not over_weight(ind):
                continue
            assert ind.score is not None and ind.weight is not None
            diff = ind.score.value - ind.weight.value  # type: ignore[operator]
            best = rule_max(ind)
            promised = best is not None and best == ind.score.value
            why = Both(f"（评分标准最高给 {fmt(best)} 分，与权重不符）", f" (the rule gives up to {fmt(best)}, which is not the weight)") \
                if promised and best is not None else Both("", "")
            yield Finding(
                location=ind.cells["score"].location,
                **ABOVE.format(name=ind.name, score=points(ind.score), weight=points(ind.weight), why=why),
                evidence=Evidence("score ≤ weight", points(ind.score), f"≤ {points(ind.weight)}",
                                  fmt(diff), "0", (("权重", points(ind.weight)), ("得分", points(ind.score))),
                                  expression_zh="得分 ≤ 权重"),
                snippet=ind.snippet,
                related=[Related(loc, "权重") for loc in [ind.weight_location()] if loc is not None],
                confidence=0.97,
                materiality=points_materiality(diff),
                key=table_key(st, *ind.path, "score>weight"),
            )
