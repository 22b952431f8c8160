"""AL304: a proportion's target outside 0–100%."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.kb.targets import impossible_target
from auditlint.findings import Evidence, Finding, Message

IMPOSSIBLE = Message(zh="“{name}”是比例类指标，取值不超过 100%，目标值“{shown}”不可能达到",
                     en="“{name}” is a proportion and cannot exceed 100%; the target “{shown}” can never be met")


@check("AL304", "impossible-target", severity="error", zh="目标值不可能达到（比例类指标目标超过 100%）", en="An impossible target (a proportion above 100%)",
       messages=(IMPOSSIBLE,))
def impossible_target_check(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    覆盖率、满意度、合格率、比例、占比等比例类指标的取值只能在 0 到 100% 之间，目标值写成“＞100%”
    “≥105%”或负数，便是一个永远无法达到（或毫无意义）的目标。比例类指标由知识库（data/indicators.yaml）
    中的名称及其结尾词认定；完成率、执行率、增长率等可以超过 100%，不在此列。
    错误示例：市区两定机构检查覆盖率 目标值“＞100%”。
    正确示例：市区两定机构检查覆盖率 目标值“＝100%”或“≥95%”。

    en:
    Coverage, satisfaction, pass rates, proportions and shares lie between 0 and 100%; a
    target of ">100%", "≥105%" or below zero can never be met (or means nothing).
    Proportions are recognised by the names and name endings in the knowledge base
    (data/indicators.yaml); completion, execution and growth rates may exceed 100% and
    are not checked.
    Bad: 市区两定机构检查覆盖率 target ">100%".
    Good: 市区两定机构检查覆盖率 target "=100%" or "≥95%".
    """
    for _key, row in report_indicator_rows(facts):
        if not impossible_target(row) or "target" not in row.cells:
            continue
        cell = row.cells["target"]
        shown = cell.text.strip()
        yield Finding(
            location=cell.location,
            **IMPOSSIBLE.format(name=row.name, shown=shown),
            evidence=Evidence(expression="0% ≤ proportion ≤ 100%", stated=shown, computed="≤ 100%",
                              expression_zh="0% ≤ 比例 ≤ 100%"),
            snippet=row_snippet(row),
            confidence=0.9,
            materiality=0.4,
            key=("impossible-target", row.name, shown),
        )
