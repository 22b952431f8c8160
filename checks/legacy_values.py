"""Value rules on budget tables (AL301, AL302, AL303), written as one pandera
schema over the canonical DataFrame of each table.

The rules are data (``VALUE_RULES``) so the batch audit can turn the same rules
into a Great Expectations suite. pandas and pandera are imported only when a
document actually has a budget table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.tables import RATE_ROLES, SHARE_ROLES, CanonicalTable, Row, column_name, row_snippet
from auditlint.findings import Evidence, Finding, Severity
from auditlint.numbers import fmt

if TYPE_CHECKING:
    import pandas as pd

# amounts that can never be negative; 调整数/追加/扣减 carry a sign by nature
NON_NEGATIVE = ("budget_initial", "budget_adjusted", "received", "actual", "prior_actual")


@dataclass(frozen=True)
class ValueRule:
    """One per-column rule: ``column`` of the canonical frame must satisfy
    ``op`` (``ge``: ≥ value, ``le``: ≤ value, ``eq``: == value) wherever it is not null."""

    check_id: str
    column: str
    op: str
    value: Any
    what_zh: str
    what_en: str


VALUE_RULES: tuple[ValueRule, ...] = (
    *(ValueRule("AL301", role, "ge", 0.0, "金额不应为负数", "an amount cannot be negative") for role in NON_NEGATIVE),
    *(
        ValueRule("AL302", f"{role}_undefined", "eq", False, "比率无定义（如 NaN%、#DIV/0!）", "the rate is undefined (NaN%, #DIV/0!)")
        for role in (*RATE_ROLES, *SHARE_ROLES)
    ),
    ValueRule("AL302", "rate_zero_base", "eq", False, "预算为 0 却印有执行率", "a rate printed over a zero budget"),
    # on the interval the printed rate stands for: "100%" may be 100.4%, "-0.00%" may be 0
    ValueRule("AL303", "rate_hi", "ge", 0.0, "执行率不应为负数", "an execution rate cannot be negative"),
    ValueRule("AL303", "rate_lo", "le", 100.0, "执行率超过 100%", "an execution rate above 100%"),
)

_CHECKS = {"ge": "ge", "le": "le", "eq": "eq"}


def value_schema(columns: list[str]):
    """The pandera schema of the rules whose column is in the frame."""
    import pandera.pandas as pa

    spec: dict[str, Any] = {}
    for rule in VALUE_RULES:
        if rule.column not in columns:
            continue
        chk = getattr(pa.Check, _CHECKS[rule.op])(rule.value)
        col = spec.get(rule.column)
        checks = [*(col.checks if col is not None else []), chk]
        spec[rule.column] = pa.Column(checks=checks, nullable=True, required=False)
    return pa.DataFrameSchema(spec)


def failures(ct: CanonicalTable) -> dict[str, dict[int, list[str]]]:
    """check id → row position → the frame columns that break a rule there.
    pandera reports a failing row once per column; they are grouped per row. Each
    table is validated once, however many checks ask."""
    memo = ct.memo.get("value_failures")
    if memo is None:
        memo = ct.memo["value_failures"] = _failures(ct)
    return memo  # type: ignore[return-value]


def _failures(ct: CanonicalTable) -> dict[str, dict[int, list[str]]]:
    import pandera.pandas as pa

    from auditlint.extract.frame import canonical_frame

    frame: pd.DataFrame = canonical_frame(ct)
    schema = value_schema(list(frame.columns))
    out: dict[str, dict[int, list[str]]] = {}
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        for rec in cases.to_dict("records"):
            index = rec.get("index")
            if index is None or index != index:  # NaN: a schema-level failure, not a cell
                continue
            column = str(rec["column"])
            for rule in VALUE_RULES:
                if rule.column == column:
                    out.setdefault(rule.check_id, {}).setdefault(int(index), []).append(column)
    return out


def _budget_tables(facts: Facts) -> list[CanonicalTable]:
    return [ct for ct in facts.tables if ct.rows]


@check("AL301", "negative-amount", severity="error", zh="金额为负数", en="A negative amount")
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
    for ct in _budget_tables(facts):
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
                message_zh=f"{row.label}：{names_zh} 为负数",
                message_en=f"{row.label}: negative {names_en}",
                evidence=Evidence(expression=f"{cells[0][1].text.strip()} ≥ 0", stated=first.text.strip(), computed="≥ 0",
                                  difference=first.text.strip().lstrip("-−－"), tolerance="0",
                                  operands=tuple((column_name(ct, c, "zh"), cell.text.strip()) for c, cell in cells)),
                snippet=row_snippet(ct, row),
                confidence=0.97,
                materiality=_materiality(ct, cells[0][0], row),
                key=(row.label, "negative", str(ct.table.index)),
            )


def _materiality(ct: CanonicalTable, role: str, row) -> float:
    from auditlint.rank import materiality

    q = row.values.get(role)
    total = ct.total(role)
    if q is None or not q.is_number or not total:
        return 0.5
    return materiality(float(q.value), float(total))


@check("AL302", "undefined-rate", severity="error", zh="比率无定义（NaN%、#DIV/0! 或以 0 为分母）", en="An undefined rate (NaN%, #DIV/0!, or over a zero base)")
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
    for ct in _budget_tables(facts):
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
                name_zh, name_en = column_name(ct, role, "zh"), column_name(ct, role, "en")
                reason_zh = "预算为 0，比率无从计算" if zero_base else "这是电子表格的错误值，不是比率"
                reason_en = "the budget is 0, so there is no rate" if zero_base else "a spreadsheet error value, not a rate"
                yield Finding(
                    location=cell.location,
                    message_zh=f"{row.label}：{name_zh}印为 {cell.text.strip()}，{reason_zh}",
                    message_en=f"{row.label}: {name_en} printed as {cell.text.strip()}; {reason_en}",
                    evidence=Evidence(expression="actual ÷ budget" if not zero_base else "actual ÷ 0",
                                      expression_zh="实际数 ÷ 预算数" if not zero_base else "实际数 ÷ 0", computed_zh="无定义",
                                      stated=cell.text.strip(), computed="undefined", difference="", tolerance=""),
                    snippet=row_snippet(ct, row),
                    confidence=0.97,
                    materiality=0.3,
                    key=(row.label, role, "undefined", str(ct.table.index)),
                )


@check("AL303", "rate-out-of-range", severity="warning", zh="执行率超出范围（为负数或超过 100%）",
       en="An execution rate out of range (negative, or above 100%)")
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
    for ct in _budget_tables(facts):
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
    name_zh, name_en = column_name(ct, "rate", "zh"), column_name(ct, "rate", "en")
    negatives = [(r, row.values[r]) for r in ("budget_adjusted", "budget_initial", "actual") if row.has(r) and row.values[r].value < 0]
    why_zh = f"（{column_name(ct, negatives[0][0], 'zh')}为 {negatives[0][1].text.strip()}）" if negatives else ""
    why_en = f" ({column_name(ct, negatives[0][0], 'en')} is {negatives[0][1].text.strip()})" if negatives else ""
    return Finding(
        location=cell.location,
        message_zh=f"{row.label}：{name_zh}为 {stated}，执行率不可能为负数{why_zh}",
        message_en=f"{row.label}: {name_en} is {stated}; a rate cannot be negative{why_en}",
        evidence=Evidence(expression=f"{stated} ≥ 0", stated=stated, computed="≥ 0", difference=stated.lstrip("-−－"), tolerance="0"),
        snippet=row_snippet(ct, row),
        confidence=0.97,
        materiality=_materiality(ct, negatives[0][0], row) if negatives else 0.5,
        key=(row.label, "rate", "negative", str(ct.table.index)),
        severity=Severity.ERROR,
    )


def _rate_above_budget(ct: CanonicalTable, row: Row) -> Finding:
    from auditlint.rank import materiality

    cell = row.cells["rate"]
    stated = cell.text.strip()
    base = ct.rate_base() if ct.rate_base() is not None and row.has(ct.rate_base() or "") else None
    name_zh, name_en = column_name(ct, "rate", "zh"), column_name(ct, "rate", "en")
    over_adjusted = base == "budget_adjusted"
    detail_zh = detail_en = ""
    mat = 0.3
    if base is not None and row.has("actual"):
        actual, budget = row.values["actual"], row.values[base]
        detail_zh = f"：{column_name(ct, 'actual', 'zh')} {actual.text.strip()} 超过{column_name(ct, base, 'zh')} {budget.text.strip()}"
        detail_en = f": {column_name(ct, 'actual', 'en')} {actual.text.strip()} exceeds the {column_name(ct, base, 'en')} {budget.text.strip()}"
        total = ct.total("actual")
        mat = materiality(float(actual.value - budget.value), float(total)) if total else 0.3
    if over_adjusted:
        tail_zh, tail_en = "，支出超出调整后预算", "; spending above the adjusted budget"
    else:
        tail_zh, tail_en = "（表中无调整后预算，可能有未列出的追加）", " (the table shows no adjusted budget: a mid-year addition may be missing)"
    return Finding(
        location=cell.location,
        message_zh=f"{row.label}：{name_zh}为 {stated}，超过 100%{detail_zh}{tail_zh}",
        message_en=f"{row.label}: {name_en} is {stated}, above 100%{detail_en}{tail_en}",
        evidence=Evidence(expression=f"{stated} ≤ 100%", stated=stated, computed="≤ 100%",
                          difference=fmt(row.values["rate"].value - 100), tolerance="0"),
        snippet=row_snippet(ct, row),
        confidence=0.9 if over_adjusted else 0.6,
        materiality=mat,
        key=(row.label, "rate", "above-100", str(ct.table.index)),
        severity=Severity.WARNING if over_adjusted else Severity.INFO,
    )
