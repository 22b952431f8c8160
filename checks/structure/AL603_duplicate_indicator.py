"""AL603: the same indicator twice in one table (in a scoring table, in one group)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditlint.checks.helpers import cell_text, report_indicator_rows

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike, ScoredRow
from auditlint.extract.kb.knowledge import name_key
from auditlint.findings import Evidence, Finding, Message, Related, Severity

TWICE_ALIKE = Message(
    zh="指标“{name}”在同一表中出现两次，两行相同（{second}）",
    en="indicator “{name}” appears twice in one table with the same values ({second})",
)
TWICE_DIFFERENT = Message(
    zh="指标“{name}”在同一表中出现两次，数值不同：{first}；{second}",
    en="indicator “{name}” appears twice in one table with different values: {first}; {second}",
)


@check("AL603", "duplicate-indicator", severity="warning", zh="同一表中指标重复出现且数值不同", en="The same indicator twice in one table",
       messages=(TWICE_ALIKE, TWICE_DIFFERENT))
def duplicate_indicator(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    同一张指标表中（评分表中为同一组内），同一指标名称出现两次：目标值、完成值、分值或得分不同时为警告
    （哪一个才是真的？）；两行完全相同时为提示（多半是复制粘贴多出的一行）。
    错误示例：“预算执行率 ＝100% 98.19%”与“预算执行率 ＝100% 100%”在同一表中；评分表同一组内两行
    “资金使用合规性”，分值4得分4与分值4得分3.5。
    正确示例：每个指标只出现一次。

    en:
    In one indicator table (in a scoring table, within one group) the same indicator name
    appears twice: a warning when the target, the actual, the weight or the score differs
    (which one is true?), a note when the two rows are identical (most likely a row
    pasted twice).
    Bad: "预算执行率 ＝100% 98.19%" and "预算执行率 ＝100% 100%" in one table; two rows
    "资金使用合规性" in one group of a scoring table, weight 4 scored 4 and weight 4 scored 3.5.
    Good: every indicator appears once.
    """
    groups: dict[tuple[str, tuple[str, ...], str], list[IndicatorRowLike]] = defaultdict(list)
    for table_key, row in report_indicator_rows(facts):
        key = name_key(row.name)
        if key and "name" in row.cells:
            groups[(table_key, _groups_of(row), key)].append(row)
    for rows in groups.values():
        if len(rows) < 2:
            continue
        first = rows[0]
        for dup in rows[1:]:
            same = _values(dup) == _values(first)
            # weight and score shown when only they tell the rows apart
            points = _values(dup)[:2] == _values(first)[:2] and not same
            a, b = _shown(first, points), _shown(dup, points)
            yield Finding(
                location=dup.cells["name"].location,
                **(TWICE_ALIKE if same else TWICE_DIFFERENT).format(name=dup.name, first=a, second=b),
                evidence=Evidence(expression="one row per indicator", stated=b, computed=a, expression_zh="每个指标一行"),
                snippet=f"{dup.name} {b}",
                related=[Related(first.cells["name"].location, f"{first.name} {a}")],
                confidence=0.9,
                materiality=0.2 if same else 0.4,
                key=("duplicate", dup.name, b),
                severity=Severity.INFO if same else None,
            )


def _values(row: IndicatorRowLike) -> tuple[str, ...]:
    return tuple(name_key(cell_text(row, r)) for r in ("target", "actual", "weight", "score"))


def _shown(row: IndicatorRowLike, points: bool) -> str:
    """The row's target and completion, and its weight and score when only they tell it
    apart from its twin (or when it prints no target or completion)."""
    parts = [x for x in (cell_text(row, "target"), cell_text(row, "actual")) if x]
    if points or not parts:
        w, sc = cell_text(row, "weight"), cell_text(row, "score")
        parts += [x for x in (f"分值{w}" if w else "", f"得分{sc}" if sc else "") if x]
    return " ".join(parts) or "—"


def _groups_of(row: IndicatorRowLike) -> tuple[str, ...]:
    """The groups a scoring table's row sits in (决策 / 预算编制): an indicator may recur
    under another group (each project's own 完成及时性); an indicator table's rows: none."""
    if isinstance(row, ScoredRow):
        return tuple(name_key(g) for g in row.indicator.path[:-1])
    return ()
