"""AL103: initial budget + additions − cuts that is not the adjusted budget of its row."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import printed, table_base

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.header_marks import UNRESOLVED, column_amount, stated_sum
from auditlint.extract.tables import CanonicalTable, Row, amount, column_name, row_snippet
from auditlint.findings import Both, Evidence, Finding, Message, Severity
from auditlint.numbers import Approx, compare, fmt
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
    按打印精度的区间比较，仅舍入造成的差异不报告。表头写明公式的（全年预算数(D=A+B+C)），
    按表头所写的各列相加；公式中的字母找不到对应列时，不核对该列。
    错误示例：基本支出 预算数 710.52 + 追加 0 − 扣减 0.86 = 709.66，但调整后为 715.69。
    正确示例：项目支出 预算数 1196.10 + 追加 0 − 扣减 129.03 = 1067.07，调整后为 1067.07。

    en:
    In a row, the initial budget + additions − cuts (or + the adjustment) must equal the
    adjusted budget (年终核定数, or a 合计 column after the adjustments). Blank or "—"
    additions, cuts and adjustments count as 0. Compared as intervals at printed
    precision; differences that rounding explains are not reported. A header that states
    the identity (全年预算数(D=A+B+C)) is followed, with every column it names; when a
    letter of it marks no column, the column is not checked.
    Bad: 基本支出 710.52 + 0 − 0.86 = 709.66, but the adjusted budget says 715.69.
    Good: 项目支出 1196.10 + 0 − 129.03 = 1067.07, and the adjusted budget says 1067.07.
    """
    for ct in facts.tables:
        roles = ct.roles()
        # a header that states the identity (全年预算数(C=A+B)) is followed; one that
        # states an identity that cannot be followed leaves the column alone
        said = stated_sum(ct, "budget_adjusted")
        if said is UNRESOLVED:
            continue
        if said is None and ("budget_initial" not in roles or "budget_adjusted" not in roles
                             or not any(r in roles for r in ("add", "cut", "adjust"))):
            continue
        for row in ct.rows:
            terms = _inferred_terms(ct, row, roles) if said is None else _stated_terms(ct, row, said)  # type: ignore[arg-type]
            finding = _identity(ct, row, terms) if terms else None
            if finding is not None:
                yield finding


Term = tuple[int, str, str, str, Approx]  # sign, column name (zh, en), number as printed, value


def _inferred_terms(ct: CanonicalTable, row: Row, roles: list[str]) -> list[Term] | None:
    """Initial budget + additions − cuts (+ adjustments), from the column names."""
    if not row.has("budget_initial"):
        return None
    base = amount(ct, row, "budget_initial")
    if base is None:
        return None
    terms: list[Term] = [(1, column_name(ct, "budget_initial", "zh"), column_name(ct, "budget_initial", "en"),
                          printed(ct, row, "budget_initial"), base)]
    for role, sign in MOVES:
        if role not in roles:
            continue
        v = amount(ct, row, role)
        if v is None:
            return None
        if role == "cut" and v.mid < 0:  # cuts printed with their sign already
            v = -v
        shown = printed(ct, row, role).lstrip("-") if role == "cut" else printed(ct, row, role)
        terms.append((sign, column_name(ct, role, "zh"), column_name(ct, role, "en"), shown, v))
    return terms


def _stated_terms(ct: CanonicalTable, row: Row, said: list) -> list[Term] | None:  # noqa: ANN001
    """The columns the header's formula adds (C=A+B), each with its sign."""
    terms: list[Term] = []
    for sign, col in said:
        v = column_amount(ct, row, col)
        if v is None:
            return None
        name_zh = column_name(ct, col.role, "zh") if col.role else col.header
        name_en = column_name(ct, col.role, "en") if col.role else col.header
        shown = printed(ct, row, col.role) if col.role and ct.column(col.role) is col else fmt(v.mid, col.decimals)
        terms.append((sign, name_zh, name_en, shown, v))
    return terms


def _identity(ct: CanonicalTable, row: Row, terms: list[Term]) -> Finding | None:
    if not row.has("budget_adjusted"):
        return None
    stated = amount(ct, row, "budget_adjusted")
    if stated is None:
        return None
    computed = terms[0][4] if terms[0][0] > 0 else -terms[0][4]
    first = terms[0]
    terms_zh = [f"{'−' if first[0] < 0 else ''}{first[1]} {first[3]}"]
    terms_en = [f"{'−' if first[0] < 0 else ''}{first[2]} {first[3]}"]
    expr = [f"{'-' if first[0] < 0 else ''}{first[3]}"]
    for sign, name_zh, name_en, shown, v in terms[1:]:
        computed = computed + v if sign > 0 else computed - v
        op = "+" if sign > 0 else "−"
        terms_zh.append(f"{op} {name_zh} {shown}")
        terms_en.append(f"{op} {name_en} {shown}")
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
