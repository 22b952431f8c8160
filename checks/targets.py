"""Targets and completion values of indicator rows: impossible targets (AL304), a
completion that is not a value (AL506), a target missed without a word of why
(AL507). The helpers that read a row's target and actual as comparable intervals
live here too; the deviation check (AL205) uses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import cell_text, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike, indicator_rows
from auditlint.extract.kb.targets import ONE_SIDED, comparable, direction, garbled, impossible_target, misses
from auditlint.findings import Evidence, Finding, Related
from auditlint.numbers import Quantity, fmt, normalize

# ---------------------------------------------------------------------------
# AL304


@check("AL304", "impossible-target", severity="error", zh="目标值不可能达到（比例类指标目标超过 100%）", en="An impossible target (a proportion above 100%)")
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
    for _key, row in indicator_rows(facts):
        if not impossible_target(row) or "target" not in row.cells:
            continue
        cell = row.cells["target"]
        shown = cell.text.strip()
        yield Finding(
            location=cell.location,
            message_zh=f"“{row.name}”是比例类指标，取值不超过 100%，目标值“{shown}”不可能达到",
            message_en=f"“{row.name}” is a proportion and cannot exceed 100%; the target “{shown}” can never be met",
            evidence=Evidence(expression="0% ≤ proportion ≤ 100%", stated=shown, computed="≤ 100%",
                              expression_zh="0% ≤ 比例 ≤ 100%"),
            snippet=row_snippet(row),
            confidence=0.9,
            materiality=0.4,
            key=("impossible-target", row.name, shown),
        )


# ---------------------------------------------------------------------------
# AL506


@check("AL506", "completion-not-a-value", severity="warning", zh="完成值写成了范围，未给出实际结果", en="The completion value is a range, not a result")
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
    for _key, row in indicator_rows(facts):
        a = row.actual
        if a is None or "actual" not in row.cells:
            continue
        if a.comparator not in ONE_SIDED and a.upper is None:
            continue
        cell = row.cells["actual"]
        shown = cell.text.strip().rstrip("。．；;，,")
        target = cell_text(row, "target")
        copied = bool(target) and name_free(shown) == name_free(target)
        zh = en = ""
        if copied:
            zh, en = "，与目标值相同，疑为照抄目标值", ", the target copied"
        elif row.target is not None and not range_within_target(a, row.target, direction(row.name)):
            zh = f"，据此也无法判断是否达到目标值“{target}”"
            en = f", which does not even show whether the target “{target}” was met"
        marks = _full_marks_of(row)
        if marks:
            zh += f"；所评满分 {marks} 分无从核实"
            en += f"; the full marks ({marks}) cannot be checked"
        yield Finding(
            location=cell.location,
            message_zh=f"“{row.name}”的完成值“{shown}”是一个范围，不是实际达到的数值{zh}",
            message_en=f"the completion of “{row.name}” is “{shown}”, a range and not the value reached{en}",
            evidence=Evidence(expression="completion = a value", stated=shown, computed="a value",
                              expression_zh="完成值", computed_zh="实际达到的数值"),
            snippet=row_snippet(row),
            related=[Related(row.cells["target"].location, target)] if "target" in row.cells else [],
            confidence=0.95,
            materiality=0.3,
            key=("completion-range", row.name, shown),
        )


def _full_marks_of(row: IndicatorRowLike) -> str:
    """The score, when a scored row got full marks ("" otherwise)."""
    score, weight = getattr(row, "score", None), getattr(row, "weight", None)
    if score is None or weight is None or score.value is None or score.value != weight.value or not score.value:
        return ""
    return fmt(score.value)


def _accepted(q: Quantity, good: str) -> tuple[Decimal | None, bool, Decimal | None, bool] | None:
    """The values a target accepts as (lo, lo included, hi, hi included); None: unbounded."""
    v = q.value
    if v is None:
        return None
    if q.upper is not None and q.upper.value is not None:
        return v, True, q.upper.value, True
    cmp = q.comparator or "="
    if cmp in (">=", ">"):
        return v, cmp == ">=", None, False
    if cmp in ("<=", "<"):
        return None, False, v, cmp == "<="
    if good == "lower":
        return None, False, v, True
    if good == "target":
        return v, True, v, True
    return v, True, None, False


def range_within_target(actual: Quantity, target: Quantity, good: str) -> bool:
    """Does every value the completion's range allows meet the target? ("≥0%" does not
    show that "＝0%" was met; "超过90%" shows "90%" was.)"""
    if actual.unit and target.unit and actual.unit != target.unit:
        return False
    have = _accepted(actual, "target")
    want = _accepted(target, good)
    if have is None or want is None:
        return False
    a_lo, a_lo_in, a_hi, a_hi_in = have
    t_lo, t_lo_in, t_hi, t_hi_in = want
    if t_lo is not None and (a_lo is None or a_lo < t_lo or (a_lo == t_lo and a_lo_in and not t_lo_in)):
        return False
    return not (t_hi is not None and (a_hi is None or a_hi > t_hi or (a_hi == t_hi and a_hi_in and not t_hi_in)))


def name_free(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


# ---------------------------------------------------------------------------
# AL507

_NO_DEVIATION = re.compile(r"^(?:无偏差|无|没有偏差|未偏离|—|-|/|0(?:\.0+)?%?)$")


def explained(row: IndicatorRowLike) -> bool:
    """The row says something about why it deviates: a reason, or words in the
    deviation cell."""
    if cell_text(row, "reason") and not _NO_DEVIATION.match(name_free(cell_text(row, "reason"))):
        return True
    dev = name_free(cell_text(row, "deviation"))
    if not dev or _NO_DEVIATION.match(dev):
        return False
    from auditlint.numbers import parse_quantity

    return parse_quantity(dev) is None


@check("AL507", "target-missed", severity="warning", zh="完成值未达到目标值，且未说明原因", en="The target is missed and no reason is given")
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
    for _key, row in indicator_rows(facts, scored=False):
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
            message_zh=f"“{row.name}”目标值为“{target_text}”，完成值“{actual_text}”未达到目标，且未说明原因",
            message_en=f"“{row.name}”: the target is “{target_text}” but “{actual_text}” was reached, and no reason is given",
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
