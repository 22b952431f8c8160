"""AL507: a target missed in a 自评表 with no word of why."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import cell_text, report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.kb.targets import comparable, direction, explained, garbled, impossible_target, misses
from auditlint.findings import Evidence, Finding, Message, Related
from auditlint.numbers import Quantity, fmt

MISSED = Message(zh="“{name}”目标值为“{target}”，完成值“{actual}”未达到目标，且未说明原因",
                 en="“{name}”: the target is “{target}” but “{actual}” was reached, and no reason is given")


@check("AL507", "target-missed", severity="warning", zh="完成值未达到目标值，且未说明原因", en="The target is missed and no reason is given",
       messages=(MISSED,))
def target_missed(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    自评表（没有得分栏的指标表）中，完成值按其自身的精度未达到目标值（“=2篇”只完成“1篇”，“≥95%”只有
    “90%”），而该行的原因分析为空，偏差栏也只有数字：未完成的目标应当说明原因。比较按区间进行，
    “95%”对“＞95%”之类舍入后无法判定的不报告；目标值不可能达到时由 AL304 报告，这里不再重复。
    有得分栏的表中满分却未达标的情形属于 AL504。目标值是本年度的目标：并列中期目标与年度目标时按年度目标（或写明
    评价年度的一栏）判断，分不清哪一栏是本年度的就不作判断。
    错误示例：完成课题报告数量 目标“=2篇”，完成“1篇”，偏差“-50.00%”，原因分析空白。
    正确示例：同一行在原因分析中写明“一项课题因合同延期，结题顺延至次年”。

    en:
    In an indicator table without a score column, the completion misses the target at
    its printed precision ("=2篇" target, "1篇" done; "≥95%" target, "90%" done) and the
    row gives no reason: its reason column is empty and its deviation cell holds only a
    number. Compared as intervals: "95%" against ">95%" cannot be decided and is not
    reported; an impossible target is AL304's, and full marks on a missed target in a
    scored table is AL504's. The target is the year's: beside a 中期目标 it is the 年度目标
    (or the column naming the year evaluated), and none when which one is cannot be told.
    Bad: 完成课题报告数量 target "=2篇", done "1篇", deviation "-50.00%", no reason.
    Good: the same row explains "一项课题因合同延期，结题顺延至次年".
    """
    for _key, row in report_indicator_rows(facts, scored=False):
        if impossible_target(row) or garbled(row) or explained(row):
            continue
        pair = comparable(row)
        if pair is None or not misses(pair, direction(row.name)):
            continue
        cell = row.cells.get("actual")
        if cell is None:
            continue
        target_text, actual_text = cell_text(row, "target"), cell.text.strip()
        short = abs(pair.actual.mid - pair.target)
        base = abs(pair.target) or Decimal(1)
        yield Finding(
            location=cell.location,
            **MISSED.format(name=row.name, target=target_text, actual=actual_text),
            evidence=Evidence(expression=f"{actual_text} vs {target_text}", stated=actual_text,
                              computed=_target_shown(row.target), difference=fmt(short)),
            snippet=row_snippet(row),
            related=[Related(row.cells["target"].location, target_text)] if "target" in row.cells else [],
            confidence=0.85,
            materiality=min(1.0, float(short / base)),
            key=("target-missed", row.name, target_text),
        )


def _target_shown(t: Quantity | None) -> str:
    if t is None or t.value is None:
        return ""
    sign = {">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< "}.get(t.comparator or "", "")
    return f"{sign}{fmt(t.value)}{t.unit or ''}"
