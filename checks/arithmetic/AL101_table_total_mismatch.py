"""AL101: a total row that is not the sum of the rows it covers."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from auditlint.checks.helpers import column_names, printed, table_base

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.tables import (
    CanonicalTable,
    Row,
    adds_up,
    amount,
    is_sum_role,
    row_snippet,
    sum_tables,
    summable,
)
from auditlint.findings import Evidence, Finding, Message, Related, Severity
from auditlint.numbers import Approx, asum, compare, fmt, grouped
from auditlint.rank import materiality

# more terms than this are elided in the expression ("a + b + … + z")
MAX_TERMS = 12

ROWS_DO_NOT_ADD_UP = Message(
    zh="{label}的{column}为 {stated}，但其下 {n} 行之和为 {computed}（差 {gap}）",
    en="{label}: {column} is {stated}, but its {n} rows add up to {computed} (off by {gap})",
)


@check("AL101", "table-total-mismatch", severity="error", zh="合计行不等于其明细之和", en="A total row is not the sum of its lines",
       messages=(ROWS_DO_NOT_ADD_UP,))
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
    the total exceeds each of its rows (else it is a price, standard or average), or the rows
    are a classification's codes (类 / 款 / 项), whose amounts add up by definition.
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
                # a classification code's row over several codes (204 06 over 204 06 01 …) sums
                # its amounts by definition (over one code it only repeats it: a mistake there is
                # named once, at the code below); elsewhere an unnamed column must read as a sum
                by_code = bool(parent.code) and len(children) >= 2
                if is_sum_role(role) and not (anchored and (by_code or _a_sum(ct, parent, children, role))):
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


def _expression(terms: list[str]) -> str:
    if len(terms) > MAX_TERMS:
        terms = [*terms[: MAX_TERMS - 2], "…", terms[-1]]
    return " + ".join(terms).replace("+ -", "- ")


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
    sure = verdict.level == "error" and anchored
    cell = parent.cells[role]
    names = column_names(ct, role)
    # the message writes the sum the way the table writes its figures (1,410,000.00)
    commas = "," in cell.text
    computed_text = fmt(computed.mid, decimals)
    shown = grouped(computed_text) if commas else computed_text
    yield Finding(
        location=cell.location,
        **ROWS_DO_NOT_ADD_UP.format(label=parent.label, column=names, stated=cell.text,
                                    n=len(children), computed=shown, gap=grouped(diff) if commas else diff),
        evidence=Evidence(
            expression=_expression([printed(ct, ch, role) for ch in children]),
            stated=cell.text.strip(),
            computed=computed_text,
            difference=diff,
            tolerance=fmt(verdict.tolerance),
            operands=tuple((ch.label, ch.cells[role].text if role in ch.cells else "") for ch in children),
        ),
        snippet=row_snippet(ct, parent),
        # the first five: a long group's other lines are not worded only to be dropped
        related=[Related(ch.cells[role].location, row_snippet(ct, ch)) for ch in islice((ch for ch in children if role in ch.cells), 5)],
        confidence=0.95 if sure else 0.6,
        materiality=materiality(float(verdict.difference), table_base(ct, role)),
        key=(parent.label, names.zh, str(ct.table.index)),
        severity=Severity.ERROR if sure else Severity.WARNING,
    )
