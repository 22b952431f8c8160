"""AL409: a per-indicator paragraph's weight or score against the scoring table, or its
concluding points against the score it stated."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import points, points_materiality

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.named_indicator import indicator_named
from auditlint.extract.score_statements import IndicatorScore
from auditlint.extract.scoring import squash
from auditlint.findings import Both, Evidence, Finding, Message
from auditlint.numbers import Quantity, fmt

MISMATCH = Message(zh="{name}：正文写{label} {said} 分，但{other}为 {value}",
                   en="{name}: the narrative gives a {label} of {said}, but {other} is {value}")
_LABEL = {"weight": Both("分值", "weight"), "score": Both("得分", "score"), "conclusion": Both("结论得分", "concluding score")}
_CONCLUSION = Both("正文前述得分", "the score stated just before")
_TABLE = {"weight": Both("表中权重", "the table's weight"), "score": Both("表中得分", "the table's score")}


@check("AL409", "narrative-score-mismatch", severity="error", zh="正文中某项指标的分值、得分与评分表不符，或前后不一",
       en="A narrative per-indicator weight or score ≠ the table, or ≠ itself",
       messages=(MISMATCH,))
def narrative_score_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    正文逐项分析指标时写出的分值与得分（“立项依据充分性（分值8分，得分8分）”）应与评分表中
    该指标的权重和得分一致；同一段落随后给出的结论分数（“……根据评分标准得8分”）也应与
    前面写的得分一致。只比较能在表中唯一找到的指标名称。
    错误示例：“（分值5分，得分5分）……根据评分标准得2分。”
    正确示例：“（分值5分，得分5分）……根据评分标准得5分。”，表中该指标权重 5、得分 5。

    en:
    The weight and score a per-indicator paragraph states ("立项依据充分性（分值8分，得分8分）")
    must equal that indicator's weight and score in the scoring table, and the points the
    paragraph concludes with ("……根据评分标准得8分") must equal the score it stated. Only names
    found exactly once in the table are compared.
    Bad: "（分值5分，得分5分）……根据评分标准得2分。"
    Good: "（分值5分，得分5分）……根据评分标准得5分。" with weight 5 and score 5 in the table.
    """
    for claim in facts.score_statements:
        if not isinstance(claim, IndicatorScore):
            continue
        ind = indicator_named(facts, claim.lead)
        name = ind.name if ind is not None else claim.lead
        if claim.conclusion is not None and claim.score is not None and claim.conclusion.value != claim.score.value:
            yield _finding(claim, name, "conclusion", claim.conclusion, claim.score.quantity, _CONCLUSION)
        if ind is None:
            continue
        for what, said, table_q in (("weight", claim.weight, ind.weight), ("score", claim.score, ind.score)):
            if said is None or table_q is None or table_q.value is None or said.value == table_q.value:
                continue
            yield _finding(claim, name, what, said, table_q, _TABLE[what])


def _finding(claim: IndicatorScore, name: str, what: str, said, other: Quantity, where: Both) -> Finding:
    label = _LABEL[what]
    diff = abs(said.value - (other.value or Decimal(0)))
    return Finding(
        location=said.location,
        **MISMATCH.format(name=name, label=label, said=fmt(said.value), other=where, value=points(other)),
        evidence=Evidence(f"narrative {label.en} = {where.en}", fmt(said.value), points(other), fmt(diff), "0",
                          expression_zh=f"正文{label.zh} = {where.zh}"),
        snippet=claim.snippet,
        confidence=0.9,
        materiality=points_materiality(diff),
        key=("narrative-indicator", squash(name), what),
    )
