"""AL502: a target the narrative gives (``extract/narrative_targets.py``) differs from
the same indicator's target in a table."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike
from auditlint.extract.kb.knowledge import name_key
from auditlint.extract.narrative_targets import (
    BOUNDS,
    NarrativeTarget,
    listed_targets,
    names_same_target,
    narrative_targets,
)
from auditlint.extract.stated_figures import MIN_NAME, base_value, matching_name
from auditlint.findings import Evidence, Finding, Message, Related
from auditlint.numbers import fmt
from auditlint.rank import materiality

DIFFERS = Message(zh="“{name}”的目标值在表中为“{shown}”，正文却写年度目标为 {said}（“{subject}”）",
                  en="the target of “{name}” is “{shown}” in the table, but the narrative gives {said} (“{subject}”)")


@check("AL502", "target-differs", severity="warning", zh="同一指标的目标值在正文与表中不一致",
       en="The same target is given differently in the narrative and the table",
       messages=(DIFFERS,))
def target_differs(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    正文写出的年度目标（“完成年度目标任务的115%（320亿元）”“年度目标为……”）与指标表、评分表中同一指标的目标值
    不一致。正文的目标归属于其前面最近的同类数字（“集中结算金额达370亿元”），按名称与表中指标对应（结算额）；
    写有完成百分比时还须与实际数÷目标数相符才采用。“绩效目标为：扶持农业产业化龙头企业不少于10家，……”这样
    列出的各项目标，按分句名称对应表中唯一一个指标（扶持龙头企业数量），且须同为下限、上限或定值；总体目标、
    实施期目标、规划目标或其他年度的目标不比较。名称对不上、对上多个指标或数值在舍入范围内一致时不报告。
    错误示例：表中 结算额 目标值“＝280亿元”，正文“集中结算金额达370亿元，完成年度目标任务的115%（320亿元）”。
    正确示例：表中目标值“＝320亿元”，与正文一致。

    en:
    A target stated in the narrative ("完成年度目标任务的115%（320亿元）", "年度目标为……")
    differs from the target of the same indicator in an indicator or scoring table. The
    narrative's target belongs to the nearest figure of its kind before it
    ("集中结算金额达370亿元") and is matched to the table's indicator by name (结算额); when a completion
    percentage is printed, actual ÷ target must agree with it. A list of targets
    ("绩效目标为：扶持农业产业化龙头企业不少于10家，……") is matched clause by clause to the one
    indicator its words name (扶持龙头企业数量), bound against bound of the same kind (a lower
    bound against a lower bound); a whole project's, a plan's or another year's targets
    (总体目标, 实施期目标) are not compared. No match, several matches, or values equal
    within rounding: nothing is reported.
    Bad: table 结算额 target "=280亿元", narrative "集中结算金额达370亿元，完成年度目标任务的115%（320亿元）".
    Good: the table's target is "=320亿元", as the narrative says.
    """
    targets = narrative_targets(facts) + listed_targets(facts)
    if not targets:
        return
    rows = [row for _key, row in report_indicator_rows(facts) if row.target is not None and "target" in row.cells]
    for row, ts in _by_row(rows, targets):
        tq = row.target
        assert tq is not None
        values = {(t.quantity.value or Decimal(0)) * t.quantity.scale for t in ts}
        if len(values) != 1:
            continue  # the narrative itself gives two targets
        t = ts[0]
        if tq.base_unit != t.quantity.base_unit or tq.is_percent != t.quantity.is_percent or tq.upper is not None:
            continue
        if base_value(tq).gap(base_value(t.quantity)) <= 0:
            continue
        cell = row.cells["target"]
        shown, said = cell.text.strip(), t.quantity.text.strip()
        diff = abs(base_value(tq).mid - base_value(t.quantity).mid) / tq.scale
        yield Finding(
            location=cell.location,
            **DIFFERS.format(name=row.name, shown=shown, said=said, subject=t.subject),
            evidence=Evidence(expression=f"{shown} vs {said}", stated=shown, computed=said, difference=fmt(diff), tolerance="0",
                              operands=(("表中目标值", shown), ("正文目标", said),
                                        *(((t.subject, t.actual.text.strip()),) if t.actual is not None else ()))),
            snippet=row_snippet(row),
            related=[Related(x.location, x.sentence.strip()[:80]) for x in ts[:3]],
            confidence=0.8,
            materiality=materiality(float(diff), float(abs(tq.value or Decimal(1)) or 1)),
            key=("target", row.name, shown, said),
        )


def _by_row(rows: list[IndicatorRowLike], targets: list[NarrativeTarget]) -> list[tuple[IndicatorRowLike, list[NarrativeTarget]]]:
    """The narrative's targets grouped by the one table indicator each names."""
    grouped: dict[int, list[NarrativeTarget]] = {}
    for t in targets:
        subject = matching_name(t.subject)
        if t.listed:
            # one of a list of targets: its indicator printed once, with a bound of the same kind
            hits = [r for r in rows if names_same_target(r.name, t.subject)]
            if len(hits) != 1 or BOUNDS.get(hits[0].target.comparator) != BOUNDS.get(t.quantity.comparator):  # type: ignore[union-attr]
                continue
        else:
            hits = [r for r in rows if len(matching_name(r.name)) >= MIN_NAME and subject.endswith(matching_name(r.name))]
        if len({name_key(r.name) for r in hits}) != 1:
            continue
        for r in hits:
            grouped.setdefault(id(r), []).append(t)
    by_id = {id(r): r for r in rows}
    return [(by_id[rid], ts) for rid, ts in grouped.items()]
