"""AL302: a rate printed as a spreadsheet error value, or over a zero budget."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import column_names

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.tables import RATE_ROLES, SHARE_ROLES, row_snippet
from auditlint.extract.value_rules import budget_tables, failures
from auditlint.findings import Both, Evidence, Finding, Message

UNDEFINED = Message(zh="{label}：{column}印为 {stated}，{reason}", en="{label}: {column} printed as {stated}; {reason}")
OVER_ZERO = Both("预算为 0，比率无从计算", "the budget is 0, so there is no rate")
ERROR_VALUE = Both("这是电子表格的错误值，不是比率", "a spreadsheet error value, not a rate")


@check("AL302", "undefined-rate", severity="error", zh="比率无定义（NaN%、#DIV/0! 或以 0 为分母）", en="An undefined rate (NaN%, #DIV/0!, or over a zero base)",
       messages=(UNDEFINED,))
def undefined_rate(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    执行率、占比等比率列中印出了 `NaN%`、`#DIV/0!` 之类的电子表格错误值，或者预算为 0
    却印有非零的执行率：0 ÷ 0 没有意义，应写“—”并说明原因。
    错误示例：专项租赁费 调整预算数 0，实际支出 0，执行率 NaN%。
    正确示例：专项租赁费 调整预算数 0，实际支出 0，执行率 —（预算已全部调减）。

    en:
    A rate or share column prints a spreadsheet error value such as `NaN%` or `#DIV/0!`,
    or a non-zero rate over a zero budget: 0 ÷ 0 has no meaning; print "—" and say why.
    Bad: 专项租赁费 adjusted budget 0, spent 0, execution rate NaN%.
    Good: 专项租赁费 adjusted budget 0, spent 0, execution rate — (budget fully cut).
    """
    for ct in budget_tables(facts):
        if not any(r in ct.roles() for r in (*RATE_ROLES, *SHARE_ROLES)):
            continue
        for pos, cols in sorted(failures(ct).get("AL302", {}).items()):
            row = ct.rows[pos]
            for col in cols:
                role = col.removesuffix("_undefined").replace("rate_zero_base", "rate")
                cell = row.cells.get(role)
                if cell is None:
                    continue
                zero_base = col == "rate_zero_base"
                yield Finding(
                    location=cell.location,
                    **UNDEFINED.format(label=row.label, column=column_names(ct, role),
                                       stated=cell.text.strip(), reason=OVER_ZERO if zero_base else ERROR_VALUE),
                    evidence=Evidence(expression="actual ÷ budget" if not zero_base else "actual ÷ 0",
                                      expression_zh="实际数 ÷ 预算数" if not zero_base else "实际数 ÷ 0", computed_zh="无定义",
                                      stated=cell.text.strip(), computed="undefined", difference="", tolerance=""),
                    snippet=row_snippet(ct, row),
                    confidence=0.97,
                    materiality=0.3,
                    key=(row.label, role, "undefined", str(ct.table.index)),
                )
