"""AL506: a completion written as a range ("≤100%", "超过90%"), not the value reached."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import cell_text, report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike
from auditlint.extract.kb.targets import ONE_SIDED, direction, name_free, range_within_target
from auditlint.findings import Both, Evidence, Finding, Message, Related
from auditlint.numbers import fmt

RANGE = Message(zh="“{name}”的完成值“{shown}”是一个范围，不是实际达到的数值{why}",
                en="the completion of “{name}” is “{shown}”, a range and not the value reached{why}")


@check("AL506", "completion-not-a-value", severity="warning", zh="完成值写成了范围，未给出实际结果", en="The completion value is a range, not a result",
       messages=(RANGE,))
def completion_not_a_value(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    指标的完成值（实际完成值、指标完成值、完成情况）应当是实际达到的数值。写成“≤100%”“≥0%”
    “<=10%”“超过90%”或“90%-100%”这样的范围，等于没有报告结果，往往是把目标值照抄到了完成值一栏；
    范围若连目标是否达到都说明不了（目标“＝100%”，完成“≤100%”），或者评分表据此评了满分，消息中一并指出。
    自评表和评分表同样检查；“＝100%”表示恰好 100%，是一个数值，写成句子的完成情况不在此列。
    错误示例：预算偏差率 目标值“<=10%”，完成值“<=10%”。
    正确示例：预算偏差率 目标值“<=10%”，完成值“1.81%”。

    en:
    The completion (actual) of an indicator must be the value reached. A range such as
    "≤100%", "≥0%", "<=10%", "超过90%" or "90%-100%" reports no result; usually the target
    was copied into the completion column. The message says when the range does not even
    show the target was met (target "=100%", completion "≤100%") and when a scoring table
    gave full marks on it. Self-evaluation and scoring tables alike; "=100%" means exactly
    100% and is a value, and a completion written as a sentence is not checked.
    Bad: 预算偏差率 target "<=10%", completion "<=10%".
    Good: 预算偏差率 target "<=10%", completion "1.81%".
    """
    for _key, row in report_indicator_rows(facts):
        a = row.actual
        if a is None or "actual" not in row.cells:
            continue
        if a.comparator not in ONE_SIDED and a.upper is None:
            continue
        cell = row.cells["actual"]
        shown = cell.text.strip().rstrip("。．；;，,")
        yield Finding(
            location=cell.location,
            **RANGE.format(name=row.name, shown=shown, why=_why(row, shown)),
            evidence=Evidence(expression="completion = a value", stated=shown, computed="a value",
                              expression_zh="完成值", computed_zh="实际达到的数值"),
            snippet=row_snippet(row),
            related=[Related(row.cells["target"].location, cell_text(row, "target"))] if "target" in row.cells else [],
            confidence=0.95,
            materiality=0.3,
            key=("completion-range", row.name, shown),
        )


def _why(row: IndicatorRowLike, shown: str) -> Both:
    """What the range fails to show: the target copied, whether the target was met, the full marks."""
    target = cell_text(row, "target")
    zh = en = ""
    if bool(target) and name_free(shown) == name_free(target):
        zh, en = "，与目标值相同，疑为照抄目标值", ", the target copied"
    elif row.target is not None and row.actual is not None and not range_within_target(row.actual, row.target,
                                                                                           direction(row.name)):
        zh = f"，据此也无法判断是否达到目标值“{target}”"
        en = f", which does not even show whether the target “{target}” was met"
    marks = _full_marks_of(row)
    if marks:
        zh += f"；所评满分 {marks} 分无从核实"
        en += f"; the full marks ({marks}) cannot be checked"
    return Both(zh, en)


def _full_marks_of(row: IndicatorRowLike) -> str:
    """The score, when a scored row got full marks ("" otherwise)."""
    score, weight = getattr(row, "score", None), getattr(row, "weight", None)
    if score is None or weight is None or score.value is None or score.value != weight.value or not score.value:
        return ""
    return fmt(score.value)
