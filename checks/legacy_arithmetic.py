"""Arithmetic: table totals (AL101), narrative totals and their parts (AL102) and
row identities (AL103)."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.narrative import Figure, OfWhich, TotalWithParts, other_side, statements_of
from auditlint.extract.tables import (
    CanonicalTable,
    Row,
    adds_up,
    amount,
    column_name,
    is_sum_role,
    row_snippet,
    sum_tables,
    summable,
)
from auditlint.findings import Evidence, Finding, Related, Severity
from auditlint.numbers import Approx, asum, compare, fmt, grouped
from auditlint.rank import materiality

_MAX_TERMS = 12


def _printed(ct: CanonicalTable, row: Row, role: str) -> str:
    """The number as the report prints it ("0" for a blank cell)."""
    cell = row.cells.get(role)
    text = cell.text.strip() if cell is not None else ""
    q = row.values.get(role)
    if q is None or not q.is_number:
        return "0"
    return fmt(q.value, q.decimals) if text else "0"


def _expression(terms: list[str]) -> str:
    if len(terms) > _MAX_TERMS:
        terms = [*terms[: _MAX_TERMS - 2], "…", terms[-1]]
    return " + ".join(terms).replace("+ -", "- ")


def _base(ct: CanonicalTable, role: str) -> float:
    total = ct.total(role)
    return float(total) if total is not None else 0.0


@check("AL101", "table-total-mismatch", severity="error", zh="合计行不等于其明细之和", en="A total row is not the sum of its lines")
def table_total_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    表中的合计、小计或汇总行（如“项目支出”之于其下各项目）应等于其所含各行之和。
    比较按打印精度的区间进行：715.69 + 1067.07 = 1782.76 与 1782.77 之差属于四舍五入，不报告。
    汇总行包含哪些行，先看序号层级（一、（一）、1.）和“小计”，没有标注时由数字推断：
    某一列中恰好相加相等的连续行即为其明细，再据此核对其他各列。
    超出最坏舍入区间为错误；在区间内但远超舍入的合理范围（大于4σ）为警告。既无序号、小计
    等标注，由数字也推断不出结构，而各行之和在每一金额列都超过合计时，多半是表中未标明的层级
    被重复相加（如未写“其中”的分项），视为未能理解该表，不报告。只有一级序号（一、二、三）
    而其间夹有无序号行时，合计只加有序号的行，无序号行是其上一行的明细。表头不属于预算
    执行各栏的金额或数量列（合同金额、补贴面积、2023年决算数与2024年决算数）同样逐列核对，
    但须表中另有一列相加相等（结构已被理解），且合计大于其中每一行（否则是单价、标准或平均数）。
    错误示例：项目支出 调整预算数 1097.71，其下22个项目之和为 8.63。
    正确示例：项目支出 年初预算数 1253.31，其下22个项目之和为 1253.31。

    en:
    A total, subtotal or summary row (such as 项目支出 over its projects) must equal the
    sum of the rows it covers. Numbers are compared as intervals at their printed
    precision: 715.69 + 1067.07 = 1782.76 against 1782.77 is rounding and is not reported.
    Which rows a total covers comes from the serial numbers (一、（一）、1.) and 小计 rows;
    where nothing is printed it is inferred from the numbers (the block of rows that adds
    up exactly in one column) and then checked in the other columns. Outside the
    worst-case rounding interval is an error; inside it but beyond 4σ of the summed
    rounding errors is a warning. When nothing is printed, not even the numbers show the
    structure, and the rows add up to more than the total in every amount column, a level
    the table does not mark (an unmarked 其中 list) was most likely counted twice: the
    table is not understood and nothing is said. When the rows are numbered at one
    level only (一、二、三) with unnumbered rows among them, the total sums the numbered
    rows and the others are details of the row above them. Columns of amounts or counts
    that name no budget role (合同金额, 补贴面积, 2023年决算数 beside 2024年决算数) are checked
    too, provided another column of the table adds up (the structure is understood) and
    the total exceeds each of its rows (else it is a price, standard or average).
    Bad: 项目支出 adjusted budget 1097.71 while its 22 projects add up to 8.63.
    Good: 项目支出 initial budget 1253.31 and its 22 projects add up to 1253.31.
    """
    for ct in sum_tables(facts):
        for parent in ct.rows:
            if not parent.children:
                continue
            children = [ct.rows[i] for i in parent.children]
            anchored = any(adds_up(ct, parent, children, r) for r in ct.roles() if summable(r))
            if not anchored and parent.flat_guess and _over_in_every_column(ct, parent, children):
                continue
            for role in ct.roles():
                if not summable(role) or not parent.has(role):
                    continue
                if is_sum_role(role) and not (anchored and _a_sum(ct, parent, children, role)):
                    continue
                yield from _total_finding(ct, parent, children, role, anchored)


def _a_sum(ct: CanonicalTable, parent: Row, children: list[Row], role: str) -> bool:
    """Does a column no role names read as a sum on this row? Its total must exceed
    each of its (non-negative) rows: a column whose total row prints no more than its
    largest row is an average, a standard or a price, whatever its header says."""
    stated = amount(ct, parent, role)
    parts = [amount(ct, ch, role) for ch in children]
    if stated is None or any(p is None or p.mid < 0 for p in parts):
        return False
    nonzero = [p for p in parts if p is not None and p.mid != 0]
    return len(nonzero) >= 2 and all(stated.mid > p.mid for p in nonzero)


def _over_in_every_column(ct: CanonicalTable, parent: Row, children: list[Row]) -> bool:
    """Do the rows add up to more than the total in every amount column (two at
    least)? Asked only of rows taken flat for want of any structure: a total that is
    wrong is wrong in a column or two, while rows that overshoot it everywhere were
    counted twice (a level of the hierarchy the table does not mark, such as an
    unmarked 其中 list), so it is the structure that is misread, not the total. (Under
    printed marks — serials, 小计 — the same overshoot is a total that left a row out,
    and it is reported.)"""
    over = 0
    for role in ct.roles():
        if not summable(role) or not parent.has(role):
            continue
        stated = amount(ct, parent, role)
        parts = [amount(ct, ch, role) for ch in children]
        if stated is None or any(p is None for p in parts):
            continue
        verdict = compare(stated, asum([p for p in parts if p is not None]))
        if verdict.ok or verdict.difference >= 0:
            return False
        over += 1
    return over >= 2


def _total_finding(ct: CanonicalTable, parent: Row, children: list[Row], role: str, anchored: bool) -> Iterator[Finding]:
    stated = amount(ct, parent, role)
    parts = [amount(ct, ch, role) for ch in children]
    if stated is None or any(p is None for p in parts):
        return
    parts_ok: list[Approx] = [p for p in parts if p is not None]
    computed = asum(parts_ok)
    verdict = compare(stated, computed)
    if verdict.ok:
        return
    col = ct.column(role)
    decimals = col.decimals if col else 2
    diff = fmt(abs(verdict.difference), decimals)
    # nothing adds up in any column: the structure may be misread, so say it softly
    severity = Severity.ERROR if verdict.level == "error" and anchored else Severity.WARNING
    confidence = 0.95 if verdict.level == "error" and anchored else 0.6
    cell = parent.cells[role]
    name_zh, name_en = column_name(ct, role, "zh"), column_name(ct, role, "en")
    n = len(children)
    # the message writes the sum the way the table writes its figures (1,410,000.00)
    commas = "," in cell.text
    shown = grouped(fmt(computed.mid, decimals)) if commas else fmt(computed.mid, decimals)
    gap = grouped(diff) if commas else diff
    yield Finding(
        location=cell.location,
        message_zh=f"{parent.label}的{name_zh}为 {cell.text}，但其下 {n} 行之和为 {shown}（差 {gap}）",
        message_en=f"{parent.label}: {name_en} is {cell.text}, but its {n} rows add up to {shown} (off by {gap})",
        evidence=Evidence(
            expression=_expression([_printed(ct, ch, role) for ch in children]),
            stated=cell.text.strip(),
            computed=fmt(computed.mid, decimals),
            difference=diff,
            tolerance=fmt(verdict.tolerance),
            operands=tuple((ch.label, ch.cells[role].text if role in ch.cells else "") for ch in children),
        ),
        snippet=row_snippet(ct, parent),
        related=[Related(ch.cells[role].location, row_snippet(ct, ch)) for ch in children if role in ch.cells][:5],
        confidence=confidence,
        materiality=materiality(float(verdict.difference), _base(ct, role)),
        key=(parent.label, name_zh, str(ct.table.index)),
        severity=severity,
    )


@check("AL103", "row-identity-mismatch", severity="error", zh="行内预算数加减调整后不等于调整后预算", en="Budget + additions − cuts ≠ adjusted budget in a row")
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
    shown = _printed(ct, row, "budget_initial")
    terms_zh = [f"{column_name(ct, 'budget_initial', 'zh')} {shown}"]
    terms_en = [f"{column_name(ct, 'budget_initial', 'en')} {shown}"]
    expr = [shown]
    for role, sign in (("add", 1), ("cut", -1), ("adjust", 1)):
        if role not in roles:
            continue
        v = amount(ct, row, role)
        if v is None:
            return None
        if role == "cut" and v.mid < 0:  # cuts printed with their sign already
            v = -v
        computed = computed + v if sign > 0 else computed - v
        op = "+" if sign > 0 else "−"
        shown = _printed(ct, row, role).lstrip("-") if role == "cut" else _printed(ct, row, role)
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
    return Finding(
        location=cell.location,
        message_zh=f"{row.label}：{' '.join(terms_zh)} = {got}，但{adj_zh}为 {cell.text.strip()}（差 {diff}）",
        message_en=f"{row.label}: {' '.join(terms_en)} = {got}, but the adjusted budget is {cell.text.strip()} (off by {diff})",
        evidence=Evidence(
            expression=" ".join(expr).replace("+ -", "- ").replace("- -", "+ "),
            stated=cell.text.strip(),
            computed=got,
            difference=diff,
            tolerance=fmt(verdict.tolerance),
        ),
        snippet=row_snippet(ct, row),
        confidence=0.95 if verdict.level == "error" else 0.6,
        materiality=materiality(float(verdict.difference), _base(ct, "budget_adjusted")),
        key=(row.label, "identity", str(ct.table.index)),
        severity=Severity.ERROR if verdict.level == "error" else Severity.WARNING,
    )


@check("AL102", "narrative-total-mismatch", severity="error", zh="文中合计数不等于所列各项之和",
       en="A total in the text is not the sum of the parts it lists")
def narrative_total_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    正文中给出总数并列出其组成时，各项之和应等于总数。括号中的分项（“支出1782.77万元（基本
    支出709.66万元，项目支出1067.07万元）”）视为完整分解；总数之后成对出现、互为补充的名称
    （“结转结余”之后的“财政拨款结转结余”和“非财政拨款结转结余”，“支出”之后的“基本支出”和
    “项目支出”）也是完整分解；句首（或冒号、“其中”之后）以顿号列出的各项金额之后紧接的
    “合计（共计、总计）”也是其完整分解。“其中”列出的可能只是部分项目：只有各项之和超过总数时才报告
    （“其中”恰为基本、项目这样互补的两项时按完整分解核对）。“其中”列表之后以“另”“另外”“此外”“还”
    “同时”开头的分句说的是总数以外的资金，不算分项；名为“X中Y”（“财政资助中间接费用”）而X是此前所列
    分项的，是该分项的组成部分，不与之并列相加。金额先换算到同一单位，按打印
    精度的区间比较：3665.94 与 214.44 + 3451.49 = 3665.93 之差属于四舍五入，不报告。
    错误示例：本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元），709.66 + 1067.07 = 1776.73。
    正确示例：本年支出1782.77万元（基本支出715.69万元，项目支出1067.07万元）。

    en:
    When the text gives a total and lists what it is made of, the parts must add up to
    it. Parts in brackets after a total ("支出1782.77万元（基本支出709.66万元，项目支出
    1067.07万元）") are a full decomposition, and so are two complementary names following a
    total in its paragraph (财政拨款结转结余 and 非财政拨款结转结余 after 结转结余; 基本支出 and
    项目支出 after 支出), and so is a list of amounts joined by "、" that opens its sentence
    (or follows a colon or 其中) and is closed by "合计" (共计, 总计). A 其中 list may name some parts only: it is reported only when its
    parts exceed the total (unless it is exactly such a complementary pair). A clause
    opened by 另, 另外, 此外, 还 or 同时 after a 其中 list is money besides the list, not a
    part of it; a member named "X中Y" ("财政资助中间接费用") after a member X is a part of
    that member, not a sibling, and is not added. Amounts are
    converted to one unit and compared as intervals at printed precision: 3665.94 against
    214.44 + 3451.49 = 3665.93 is rounding and is not reported.
    Bad: 本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）: 709.66 + 1067.07 = 1776.73.
    Good: 本年支出1782.77万元（基本支出715.69万元，项目支出1067.07万元）.
    """
    for st in statements_of(facts, TotalWithParts, OfWhich):
        finding = _breakdown_finding(st)
        if finding is not None:
            yield finding


def _breakdown_finding(st: TotalWithParts | OfWhich) -> Finding | None:
    total, parts = st.total, st.parts
    if not total.exact or not total.is_money or not parts or not all(p.exact and p.is_money for p in parts):
        return None
    scale = total.quantity.scale
    stated = total.quantity.approx
    computed = asum(p.quantity.approx_in(scale) for p in parts)
    verdict = compare(stated, computed)
    if verdict.ok or (not st.complete and verdict.difference > 0):  # a partial list may fall short
        return None
    decimals = max(total.quantity.decimals, 2)
    unit = total.quantity.unit or ""
    got = fmt(computed.mid, decimals)
    diff = fmt(abs(verdict.difference), decimals)
    expr = " + ".join(_number(p, total) for p in parts)
    units = {p.quantity.unit for p in parts} - {total.quantity.unit}
    unit_zh = unit_en = ""
    if units:
        shown = sorted(u or "" for u in units)
        unit_zh = f"；注意单位：合计以{unit}计，各项以{'、'.join(shown)}计"
        unit_en = f"; note the units: the total is in {unit}, the parts in {', '.join(shown)}"
        if len(shown) == 1 and compare(stated, asum(p.quantity.approx for p in parts)).ok:
            unit_zh += f"，按{shown[0]}计则相符，疑为单位错误"
            unit_en += f"; read in {shown[0]} they agree: probably a wrong unit"
    misnamed = [p for p in parts if other_side(total.name, p.name)]
    name_zh = f"；所列“{misnamed[0].subject}”与“{total.subject}”名称不一致" if misnamed else ""
    name_en = f"; the part named {misnamed[0].subject} does not match {total.subject}" if misnamed else ""
    if st.complete:
        zh = f"{total.subject} {total.text}，但所列各项之和为 {expr} = {got}{unit}（差 {diff}{unit_zh}{name_zh}）"
        en = f"{total.subject} is {total.text}, but its parts add up to {expr} = {got}{unit} (off by {diff}{unit_en}{name_en})"
    else:
        zh = f"{total.subject} {total.text}，但其中所列各项之和 {expr} = {got}{unit} 已超过总数（超出 {diff}{unit_zh}）"
        en = f"{total.subject} is {total.text}, but the parts listed under 其中 already add up to {expr} = {got}{unit} (over by {diff}{unit_en})"
    error = verdict.level == "error"
    return Finding(
        location=total.location,
        message_zh=zh,
        message_en=en,
        evidence=Evidence(
            expression=expr,
            stated=total.text,
            computed=f"{got}{unit}",
            difference=diff,
            tolerance=fmt(verdict.tolerance),
            operands=tuple((p.subject, p.text) for p in parts),
        ),
        snippet=_sentence_snippet(st.sentence.text),
        related=[Related(p.location, f"{p.subject}{p.text}") for p in parts][:5],
        confidence=(0.85 if st.marker == "naming" else 0.95) if error else 0.6,
        materiality=materiality(float(verdict.difference), float(total.quantity.value or 0)),
        key=("narrative", total.name, st.marker, *(p.name for p in parts)),
        severity=Severity.ERROR if error else Severity.WARNING,
    )


def _number(part: Figure, total: Figure) -> str:
    """A part as the expression shows it: its number, with its unit when it differs from the total's."""
    q = part.quantity
    shown = fmt(q.value, q.decimals) if q.value is not None else q.text
    return shown if q.unit == total.quantity.unit else f"{shown}{q.unit or ''}"


def _sentence_snippet(text: str, limit: int = 120) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["narrative_total_mismatch", "row_identity_mismatch", "table_total_mismatch"]
