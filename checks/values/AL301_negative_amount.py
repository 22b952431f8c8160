"""AL301: a budget, spending or prior-year amount printed negative."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import amount_materiality

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.tables import column_name, row_snippet
from auditlint.extract.value_rules import NON_NEGATIVE, budget_tables, failures
from auditlint.findings import Both, Evidence, Finding, Message

NEGATIVE = Message(zh="{label}：{cells} 为负数", en="{label}: negative {cells}")


@check("AL301", "negative-amount", severity="error", zh="金额为负数", en="A negative amount", messages=(NEGATIVE,))
def negative_amount(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    预算数、调整后预算数、实际支出数和上年决算数都不可能为负数；出现负数通常是公式
    或录入错误（例如把调整数当成了调整后数）。追加、扣减和“调整数”列本身带符号，不在此列。
    错误示例：党团活动经费 调整预算数 −1087.3。
    正确示例：党团活动经费 调整预算数 2.61（年初 3.7，调减 1.09）。

    en:
    Initial and adjusted budgets, actual spending and prior-year actuals can never be
    negative; a negative one is usually a formula or typing mistake (an adjustment
    entered as the adjusted budget). Addition, cut and adjustment columns carry a sign
    by nature and are not checked.
    Bad: 党团活动经费 adjusted budget −1087.3.
    Good: 党团活动经费 adjusted budget 2.61 (3.7 initial, 1.09 cut).
    """
    for ct in budget_tables(facts):
        if not any(r in ct.roles() for r in NON_NEGATIVE):
            continue
        for pos, cols in failures(ct).get("AL301", {}).items():
            row = ct.rows[pos]
            cells = [(c, row.cells[c]) for c in NON_NEGATIVE if c in cols and c in row.cells]
            if not cells:
                continue
            names_zh = "、".join(f"{column_name(ct, c, 'zh')} {cell.text.strip()}" for c, cell in cells)
            names_en = ", ".join(f"{column_name(ct, c, 'en')} {cell.text.strip()}" for c, cell in cells)
            first = cells[0][1]
            yield Finding(
                location=first.location,
                **NEGATIVE.format(label=row.label, cells=Both(names_zh, names_en)),
                evidence=Evidence(expression=f"{cells[0][1].text.strip()} ≥ 0", stated=first.text.strip(), computed="≥ 0",
                                  difference=first.text.strip().lstrip("-−－"), tolerance="0",
                                  operands=tuple((column_name(ct, c, "zh"), cell.text.strip()) for c, cell in cells)),
                snippet=row_snippet(ct, row),
                confidence=0.97,
                materiality=amount_materiality(ct, cells[0][0], row),
                key=(row.label, "negative", str(ct.table.index)),
            )
