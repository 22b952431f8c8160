"""AL405: a weighted row with no score where its table's score column is filled elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import missing_finding, points, points_materiality

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.score_gaps import missing
from auditlint.findings import Finding, Message

NO_SCORE = Message(zh="{name}：权重 {weight}，但没有填写得分", en="{name}: weight {weight} but no score is printed")


@check("AL405", "missing-score", severity="warning", zh="指标缺少得分", en="An indicator has no score",
       messages=(NO_SCORE,))
def missing_score(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表有得分列，其他指标都填了得分，这一行有权重却没有得分（空白或“—”）：总分无法核对，
    也看不出这项指标是否被评价。加分项和扣分项不在此列。
    错误示例：结转结余率 权重 2，自评得分一栏空白。
    正确示例：结转结余率 权重 2，自评得分 2。

    en:
    The table has a score column and the other indicators fill it, but this row has a weight
    and no score (blank or "—"): the total cannot be checked and it is unclear whether the
    indicator was assessed. Bonus and penalty items are exempt.
    Bad: 结转结余率 weight 2, score blank.
    Good: 结转结余率 weight 2, score 2.
    """
    for st, ind, cell in missing(facts, "score", "weight"):
        yield missing_finding(st, ind, cell, "score", NO_SCORE.format(name=ind.name, weight=points(ind.weight)),
                              points_materiality(ind.weight.value or 0) if ind.weight is not None else 0.2)
