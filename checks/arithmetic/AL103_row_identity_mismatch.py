"""AL103: initial budget + additions − cuts that is not the adjusted budget of its row."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import printed, table_base

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.tables import CanonicalTable, Row, amount, column_name, row_snippet
from auditlint.findings import Both, Evidence, Finding, Message, Severity
from auditlint.numbers import compare, fmt
from auditlint.rank import materiality

# the columns that move the initial budget, and the sign each moves it by
MOVES = (("add", 1), ("cut", -1), ("adjust", 1))

IDENTITY_FAILS = Message(
    zh="{label}：{terms} = {computed}，但{adjusted}为 {stated}（差 {diff}）",
    en="{label}: {terms} = {computed}, but the adjusted budget is {stated} (off by {diff})",
)


@check("AL103", "row-identity-mismatch", severity="error", zh="行内预算数加减调整后不等于调整后预算", en="Budget + additions − cuts ≠ adjusted budget in a row",
       messages=(IDENTITY_FAILS,))
def row_identity_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    同一行中，年初预算数（预算数）+ 追加 − 扣减，或年初预算数 + 调整数，应等于调整后预算数
    （年终核定数、表头为“合计”的调整后列）。空白或“—”的追加、扣减、调整数按 0 计。
    按打印精度的区间比较，仅舍入造成的差异不报告。
    错误示例：基本支出 预算数 710.52 + 追加 0 − 扣减 0.86 = 709.66，但调整后为 715.69。
    正确示例：项目支出 预算数 1196.10 + 追加 0 − 扣减 129.03 = 1067.07，调整后为 1067.07。

    en:
    In a row, the initial budget + additions − cuts (or + the adjustment) must equal the
    adjusted budget (年终核定数, or a 合计 column after the adjustments). Blank or "—"
    additions, cuts and adjustments count as 0. Compared as intervals at printed
    precision; differences that rounding explains are not reported.
    Bad: 基本支出 710.52 + 0 − 0.86 = 709.66, but the adjusted budget says 715.69.
    Good: 项目支出 1196.10 + 0 − 129.03 = 1067.07, and the adjusted budget says 1067.07.
    """
    for ct in facts.tables:
        roles = ct.roles()
        if "budget_initial" not in roles or "budget_adjusted" not in roles:
            continue
        if not any(r in roles for r in ("add", "cut", "adjust")):
            continue
        for row in ct.rows:
            finding = _identity(ct, row, roles)
            if finding is not None:
                yield finding


def _identity(ct: CanonicalTable, row: Row, roles: list[str]) -> Finding | None:
    if not row.has("budget_initial") or not row.has("budget_adjusted"):
        return None
    base = amount(ct, row, "budget_initial")
    stated = amount(ct, row, "budget_adjusted")
    if base is None or stated is None:
        return None
    computed = base
    shown = printed(ct, row, "budget_initial")
    terms_zh = [f"{column_name(ct, 'budget_initial', 'zh')} {shown}"]
    terms_en = [f"{column_name(ct, 'budget_initial', 'en')} {shown}"]
    expr = [shown]
    for role, sign in MOVES:
        if role not in roles:
            continue
        v = amount(ct, row, role)
        if v is None:
            return None
        if role == "cut" and v.mid < 0:  # cuts printed with their sign already
            v = -v
        computed = computed + v if sign > 0 else computed - v
        op = "+" if sign > 0 else "−"
        shown = printed(ct, row, role).lstrip("-") if role == "cut" else printed(ct, row, role)
        terms_zh.append(f"{op} {column_name(ct, role, 'zh')} {shown}")
        terms_en.append(f"{op} {column_name(ct, role, 'en')} {shown}")
        expr.append(f"{'+' if sign > 0 else '-'} {shown}")
    verdict = compare(stated, computed)
    if verdict.ok:
        return None
    col = ct.column("budget_adjusted")
    decimals = col.decimals if col else 2
    cell = row.cells["budget_adjusted"]
    got = fmt(computed.mid, decimals)
    diff = fmt(abs(verdict.difference), decimals)
    adj_zh = column_name(ct, "budget_adjusted", "zh")
    if adj_zh in ("合计", "小计", "合计数"):
        adj_zh = f"调整后数（{adj_zh}列）"
    error = verdict.level == "error"
    return Finding(
        location=cell.location,
        **IDENTITY_FAILS.format(label=row.label, terms=Both(" ".join(terms_zh), " ".join(terms_en)), computed=got,
                                adjusted=adj_zh, stated=cell.text.strip(), diff=diff),
        evidence=Evidence(
            expression=" ".join(expr).replace("+ -", "- ").replace("- -", "+ "),
            stated=cell.text.strip(),
            computed=got,
            difference=diff,
            tolerance=fmt(verdict.tolerance),
        ),
        snippet=row_snippet(ct, row),
        confidence=0.95 if error else 0.6,
        materiality=materiality(float(verdict.difference), table_base(ct, "budget_adjusted")),
        key=(row.label, "identity", str(ct.table.index)),
        severity=Severity.ERROR if error else Severity.WARNING,
    )
