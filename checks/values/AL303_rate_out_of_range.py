"""AL303: an execution rate printed negative, or above 100%."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import NOTHING, amount_materiality, column_names, worded

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.tables import CanonicalTable, Row, row_snippet
from auditlint.extract.value_rules import budget_tables, failures
from auditlint.findings import Both, Evidence, Finding, Message, Severity
from auditlint.numbers import fmt
from auditlint.rank import materiality

NEGATIVE_RATE = Message(zh="{label}：{column}为 {stated}，执行率不可能为负数{why}", en="{label}: {column} is {stated}; a rate cannot be negative{why}")
BECAUSE = Message(zh="（{column}为 {value}）", en=" ({column} is {value})")
ABOVE_100 = Message(zh="{label}：{column}为 {stated}，超过 100%{detail}{tail}", en="{label}: {column} is {stated}, above 100%{detail}{tail}")
SPENT_OVER = Message(zh="：{actual} {actual_value} 超过{base} {base_value}", en=": {actual} {actual_value} exceeds the {base} {base_value}")
OVER_ADJUSTED = Both("，支出超出调整后预算", "; spending above the adjusted budget")
NO_ADJUSTED = Both("（表中无调整后预算，可能有未列出的追加）", " (the table shows no adjusted budget: a mid-year addition may be missing)")


@check("AL303", "rate-out-of-range", severity="warning", zh="执行率超出范围（为负数或超过 100%）",
       en="An execution rate out of range (negative, or above 100%)", messages=(NEGATIVE_RATE, BECAUSE, ABOVE_100, SPENT_OVER))
def rate_out_of_range(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    表中印出的执行率不应为负数，也不应超过 100%：负的执行率只能来自负的预算或支出，
    是错误；超过调整后预算的执行率意味着支出超出了预算，违反“无预算不开支”，
    至少需要说明（警告）。表中只有年初预算时，超过 100% 可能是年中追加未列出，仅提示。
    收入表（收入合计）的完成率超过 100% 是超收，不是超支，不报告。
    比较按打印精度进行：“100%”可能是 100.4%，不报告。
    错误示例：党团活动经费 调整预算数 −1087.3，实际支出 1.79，执行率 −0.16%。
    正确示例：大型修缮 调整预算数 5.55，实际支出 5.55，执行率 100.00%。

    en:
    A printed execution rate can be neither negative nor above 100%: a negative rate can
    only come from a negative budget or spending figure and is an error; a rate above
    100% of the adjusted budget means spending beyond the budget, which must at least be
    explained (a warning). When the table has only an initial budget, above 100% may be a
    mid-year addition the table does not show: only a note. In an income table (收入合计)
    above 100% is income beyond its budget (超收), not spending: not reported. Compared at printed
    precision: "100%" may be 100.4% and is not reported.
    Bad: 党团活动经费 adjusted budget −1087.3, spent 1.79, execution rate −0.16%.
    Good: 大型修缮 adjusted budget 5.55, spent 5.55, execution rate 100.00%.
    """
    for ct in budget_tables(facts):
        if "rate" not in ct.roles():
            continue
        fails = failures(ct)
        zero_base = fails.get("AL302", {})
        for pos, cols in sorted(fails.get("AL303", {}).items()):
            row = ct.rows[pos]
            if "rate" not in row.cells or "rate_zero_base" in zero_base.get(pos, []):
                continue
            if "rate_hi" not in cols and ct.kind == "income":
                continue  # income above its budget (超收) is no spending beyond a budget
            finding = _negative_rate(ct, row) if "rate_hi" in cols else _rate_above_budget(ct, row)
            if finding is not None:
                yield finding


def _negative_rate(ct: CanonicalTable, row: Row) -> Finding:
    cell = row.cells["rate"]
    stated = cell.text.strip()
    negatives = [(r, row.values[r]) for r in ("budget_adjusted", "budget_initial", "actual") if row.has(r) and row.values[r].value < 0]
    why = worded(BECAUSE, column=column_names(ct, negatives[0][0]), value=negatives[0][1].text.strip()) if negatives else NOTHING
    return Finding(
        location=cell.location,
        **NEGATIVE_RATE.format(label=row.label, column=column_names(ct, "rate"), stated=stated, why=why),
        evidence=Evidence(expression=f"{stated} ≥ 0", stated=stated, computed="≥ 0", difference=stated.lstrip("-−－"), tolerance="0"),
        snippet=row_snippet(ct, row),
        confidence=0.97,
        materiality=amount_materiality(ct, negatives[0][0], row) if negatives else 0.5,
        key=(row.label, "rate", "negative", str(ct.table.index)),
        severity=Severity.ERROR,
    )


def _rate_above_budget(ct: CanonicalTable, row: Row) -> Finding:
    cell = row.cells["rate"]
    stated = cell.text.strip()
    base = ct.rate_base() if ct.rate_base() is not None and row.has(ct.rate_base() or "") else None
    over_adjusted = base == "budget_adjusted"
    detail = NOTHING
    mat = 0.3
    if base is not None and row.has("actual"):
        actual, budget = row.values["actual"], row.values[base]
        detail = worded(SPENT_OVER, actual=column_names(ct, "actual"), actual_value=actual.text.strip(), base=column_names(ct, base),
                        base_value=budget.text.strip())
        total = ct.total("actual")
        mat = materiality(float(actual.value - budget.value), float(total)) if total else 0.3
    return Finding(
        location=cell.location,
        **ABOVE_100.format(label=row.label, column=column_names(ct, "rate"), stated=stated, detail=detail,
                           tail=OVER_ADJUSTED if over_adjusted else NO_ADJUSTED),
        evidence=Evidence(expression=f"{stated} ≤ 100%", stated=stated, computed="≤ 100%",
                          difference=fmt(row.values["rate"].value - 100), tolerance="0"),
        snippet=row_snippet(ct, row),
        confidence=0.9 if over_adjusted else 0.6,
        materiality=mat,
        key=(row.label, "rate", "above-100", str(ct.table.index)),
        severity=Severity.WARNING if over_adjusted else Severity.INFO,
    )
