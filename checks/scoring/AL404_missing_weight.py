"""AL404: a row with no weight where its table's weight column is filled elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import missing_finding

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.score_gaps import missing
from auditlint.findings import Finding, Message

NO_WEIGHT = Message(zh="{name}：没有填写权重（分值）", en="{name}: no weight is printed")


@check("AL404", "missing-weight", severity="warning", zh="指标缺少权重（分值）", en="An indicator has no weight",
       messages=(NO_WEIGHT,))
def missing_weight(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表有权重（分值）列，其他指标都填了权重，这一行却空着（或只有“—”）：无法知道这项
    指标满分多少，权重合计也无从核对。名称中已注明分值（如“立项依据充分性（2.5分）”）、
    加分项和扣分项不在此列。
    错误示例：预算编制规范性 权重一栏空白，得分 2。
    正确示例：预算编制规范性 权重 2，得分 2。

    en:
    The table has a weight column and the other indicators fill it, but this row's weight is
    blank (or just "—"): its full marks are unknown and the weights cannot be totalled. Rows
    that print their weight in the name (立项依据充分性（2.5分）), bonus and penalty items are
    exempt.
    Bad: 预算编制规范性 with a blank weight and a score of 2.
    Good: 预算编制规范性 weight 2, score 2.
    """
    for st, ind, cell in missing(facts, "weight", "score"):
        yield missing_finding(st, ind, cell, "weight", NO_WEIGHT.format(name=ind.name), 0.2)
