"""AL504: full marks on a scored row whose stated actual misses its target (deferring to
AL403 where a printed rule already says so)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import cell_text, report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import ScoredRow
from auditlint.extract.kb.targets import direction, impossible_target, misses, scored_pair
from auditlint.findings import Evidence, Finding, Message, Related
from auditlint.numbers import fmt
from auditlint.rank import materiality

FULL_MARKS = Message(zh="“{name}”完成值“{actual}”未达到目标值“{target}”，却得满分 {weight} 分",
                     en="“{name}”: the actual “{actual}” misses the target “{target}”, yet it scored full marks ({weight})")


@check("AL504", "full-marks-target-missed", severity="warning", zh="完成值未达到目标值却得满分",
       en="Full marks although the stated actual misses the target", defer_to=("AL403",),
       messages=(FULL_MARKS,))
def full_marks_target_missed(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表中某指标的完成值按其印出的精度未达到目标值（“=2篇”只完成“1篇”，“≥95%”只有“90%”），得分却等于权重
    （满分）。方向取自目标值的比较符，或知识库中指标的方向（结转结余率、变动率越低越好）。评分标准印出且 AL403 已就
    此行报告时不再重复；完成值写成范围（AL506）、目标值不可能达到（AL304）或单位不同时不作判断。目标值是本年度的
    目标：表中并列中期目标（2026年）与年度目标（2024年）时按年度目标（或写明评价年度的一栏）判断，分不清哪一栏是
    本年度的就不作判断。
    错误示例：完成课题报告数量 目标“=2篇”，完成“1篇”，权重 5，得分 5。
    正确示例：同一行得分按完成比例为 2.5，或说明扣分理由。

    en:
    In a scoring table an indicator's stated actual misses its target at printed precision
    ("=2篇" target, "1篇" done; "≥95%" target, "90%" done) yet its score equals its weight
    (full marks). The direction comes from the target's comparator or from the knowledge
    base (a carry-over or change rate is better lower). Rows AL403 already reports (a
    printed rule) are not reported again; completions written as ranges (AL506), impossible
    targets (AL304) and units that differ are not judged. The target is the year's: a table
    printing 中期目标（2026年） beside 年度目标（2024年） is judged against the 年度目标 (or the
    column naming the year evaluated), and not at all when which column is the year's
    cannot be told.
    Bad: 完成课题报告数量 target "=2篇", done "1篇", weight 5, score 5.
    Good: the same row scores 2.5 for half the target, or explains the marks.
    """
    rows = [row for _key, row in report_indicator_rows(facts, scored=True) if isinstance(row, ScoredRow)]
    if not rows:
        return
    for row in rows:
        score, weight = row.score, row.weight
        if score is None or weight is None or score.value is None or score.value != weight.value or not score.value:
            continue
        if impossible_target(row) or "score" not in row.cells:
            continue
        got = scored_pair(row)
        if got is None:
            continue
        pair, actual_text = got
        if not misses(pair, direction(row.name)):
            continue
        cell = row.cells["score"]
        target_text = cell_text(row, "target")
        w = fmt(weight.value or Decimal(0))
        short = abs(pair.actual.mid - pair.target)
        yield Finding(
            location=cell.location,
            **FULL_MARKS.format(name=row.name, actual=actual_text, target=target_text, weight=w),
            evidence=Evidence(expression=f"{actual_text} vs {target_text}", stated=fmt(score.value), computed=f"< {w}",
                              operands=(("目标值", target_text), ("完成值", actual_text), ("权重", w))),
            snippet=row_snippet(row),
            related=[Related(row.cells[r].location, cell_text(row, r)) for r in ("target", "actual") if r in row.cells],
            confidence=0.8,
            materiality=materiality(float(short), float(abs(pair.target)) or 1.0),
            key=("full-marks-missed", row.name, target_text),
        )
