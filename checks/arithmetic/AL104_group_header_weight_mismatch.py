"""AL104: a group header's printed weight ("决策（15分）") against the weights under it."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import points, points_en, points_materiality, table_key

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.scoring import Group, ScoringTable, cell_location, points_of
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity
from auditlint.numbers import Approx, asum, compare, fmt, normalize

GROUP = Message(zh="{name}标注 {weight} 分，但其下 {n} 项指标的权重之和为 {got}",
                en="{name} is marked {weight}, but the weights of its {n} indicators add up to {got}")
# which rows a group covers was read from the layout (short rows under a merged cell), not printed
INFERRED = Message(zh="（其下各行归属按版式推断：{names} 印在该分组单元格下的短行中）",
                   en=" (which rows it covers was inferred from the layout: {names} were printed as short rows below its cell)")


@check("AL104", "group-header-weight-mismatch", severity="error",
       zh="分组指标标注的分值不等于其下各指标权重之和", en="A group header's weight ≠ the sum of the weights under it",
       messages=(GROUP, INFERRED))
def group_header_weight_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表的一级或二级指标常在名称中标注分值，如“决策（15分）”“预算执行（16分）”，或在其右侧的“分值”栏中列出；
    它应等于其下所有指标权重之和。只要其下有一行权重缺失或无法读出，就不作比较。
    错误示例：过程（31分），其下各指标权重之和为 32。
    正确示例：过程（39分），其下 预算执行16 + 预算管理12 + 资产管理3 + 项目管理2 + 人员管理3 + 机构建设3 = 39。

    en:
    Scoring tables often print a group's weight in its name, as in 决策（15分） or 预算执行（16分）,
    or in a 分值 column right beside it; it must equal the sum of the weights of the indicators under it. When a weight under the
    group is missing or unreadable, the group is not compared.
    Bad: 过程（31分） while its indicators' weights add up to 32.
    Good: 过程（39分） over 16 + 12 + 3 + 2 + 3 + 3 = 39.
    """
    for st in facts.scoring:
        if not st.complete:
            continue
        for g in st.groups:
            finding = _group_finding(st, g)
            if finding is not None:
                yield finding


def _group_finding(st: ScoringTable, g: Group) -> Finding | None:
    if g.weight is None or g.weight.value is None or not g.members or g.uncertain:
        return None
    members = [st.indicators[m] for m in g.members if not st.indicators[m].unweighted]
    parts = [points_of(i.weight) for i in members]
    if not members or any(p is None for p in parts):
        return None
    stated = points_of(g.weight)
    computed: Approx = asum(p for p in parts if p is not None)
    if stated is None or compare(stated, computed).level != "error":
        return None
    got = fmt(computed.mid)
    text = normalize(g.cell.text)
    where = (g.weight_cell.location if g.weight_cell is not None
             else cell_location(g.cell, max(0, text.rfind(g.weight.text.strip()) if g.weight.text else 0)))
    said = _message(st, g, len(members), got)
    return Finding(
        location=where,
        **said,
        evidence=Evidence(" + ".join(points(i.weight) for i in members), points(g.weight), got,
                          fmt(abs(stated.mid - computed.mid)), "0",
                          tuple((i.name, points(i.weight)) for i in members)),
        snippet=g.cell.text.strip(),
        related=[Related(i.weight_location() or i.cells["name"].location, i.name) for i in members][:5],
        confidence=0.6 if g.inferred else 0.95,
        severity=Severity.WARNING if g.inferred else None,
        materiality=points_materiality(stated.mid - computed.mid),
        key=table_key(st, g.name, *_twin_key(st, g), "group-weight"),
    )


def _message(st: ScoringTable, g: Group, n: int, got: str) -> dict[str, str]:
    said = GROUP.format(name=g.name, weight=Both(points(g.weight), points_en(g.weight.value)), n=n, got=got)
    if not g.inferred:
        return said
    names = [st.indicators[m].name for m in g.inferred]
    note = INFERRED.format(names=Both("、".join(names), ", ".join(names)))
    return {k: said[k] + note[k] for k in said}


def _twin_key(st: ScoringTable, g: Group) -> tuple[str, ...]:
    """Two groups of one name over different rows (资金管理 under 决策 and under 过程) are
    told apart by their row; a name printed at two levels over the same rows is one group."""
    twins = any(other.name == g.name and other.members != g.members for other in st.groups)
    return (str(g.cell.location.row or g.cell.location.line),) if twins else ()
