"""AL503: the same quantity stated twice with different values — a narrative amount
against the table row and column it repeats, and a spending-structure table against the
budget table it restates (what each repeats: ``extract/repeated_amounts.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.engine.registry import check
from auditlint.extract.amount_names import PRIMARY, TOTAL, Meaning
from auditlint.extract.facts import Facts
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, match_key, statements_of
from auditlint.extract.narrative.grand_totals import Contradiction, contradictions
from auditlint.extract.repeated_amounts import (
    Agreeing,
    AmountCell,
    another_rows_figure,
    differs,
    every_measure,
    figure_context,
    in_figure_unit,
    narrative_amounts,
    ratio,
    restated_rows,
    rows_named,
    table_differs,
    table_unit,
)
from auditlint.extract.tables import CanonicalTable, Row, column_name
from auditlint.findings import Both, Evidence, Finding, Message, Related
from auditlint.numbers import SCALES, Approx, Quantity, fmt
from auditlint.rank import materiality

NARRATIVE = Message(zh="“{subject}”此处为 {shown}，而表中{row}“{column}”为 {table}{also}{unit}",
                    en="“{subject}” is {shown} here, but the table's {row} ({column}) is {table}{also}{unit}")
TABLE = Message(zh="“{label}”在本表中为 {shown}，而预算执行表{row}“{column}”为 {other}",
                en="“{label}” is {shown} in this table, but the budget table's {row} ({column}) is {other}")
SAME_DIGITS = Both("（数字相同而单位不同，单位可能写错）", " (the same digits in another unit: the unit may be wrong)")


@check("AL503", "same-quantity-differs", severity="warning", zh="同一数量在报告中两处写法不同",
       en="The same quantity is stated twice with different values", messages=(NARRATIVE, TABLE))
def same_quantity_differs(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    同一个数量在报告中出现两次而数值不同：正文中的金额与它所重复的表格行列（“基本支出709.66万元”而预算执行表
    实际执行数为 715.69），或支出结构表的合计、项目与预算执行表不一致。正文金额按名称严格对应：本年、本单位之类
    的中性词 + 表中某行的名称（或表的合计）+ 口径词（支出 → 实际执行数，调整预算数，年初预算……），括号或“其中”
    里的分项沿用其合计的口径。收入与支出、预算与决算、本年与上年、财政拨款部分与整体、基金或下属单位的数字都
    是不同的数量，不作比较；所述数值（按正文单位，元与万元互换后在印出精度内）与该行本年任一金额栏相符
    （预算数、实际数、计划数、下达数、到位数等，可能是另一口径）时也不报告。项目总投资、概算、合同金额、
    累计数等跨年度金额及其“其中”分项（包括下一句以“其中”开头列出的分项）不是本年预算或支出；未指明哪一行的金额
    （“支出”“实际支出”）在讲某些事项的句子里（“购置执法记录仪260台……，支出376.48万元”），或与表中同一栏
    另一行的数值相等时，是该事项或该行的数字，不与合计比较。
    部门决算情况说明中的“收入支出总计”“财政拨款收入支出总计”与收入支出决算总表（财政拨款收入支出决算总表）
    的“总计”行比较（收入总计、支出总计分别对应收入、支出一半）；与该表“总计”或“本年收入合计”“本年支出合计”
    任一行相符即不报告；表的标题或行名说不清是否财政拨款总表时不作比较。“收入、支出总计分别为A、B”
    “收、支总计各是A、B万元”按顺序把 A 归收入一半、B 归支出一半，各自比较。PDF 文本层把句子断在行末、或把数字
    另起一行时，先按原句拼回再读。
    表中数值按正文的单位列出，单位不同时附表中原数。
    错误示例：“本年支出1782.77万元（基本支出709.66万元，……）”，而表中基本支出实际执行数为 715.69。
    正确示例：正文与表中都写 715.69。

    en:
    One quantity printed twice with different values: a narrative amount against the
    table row and column it repeats ("基本支出709.66万元" while the budget table's actual is
    715.69), or a spending-structure table's total or lines against the budget table. A
    narrative amount is matched by its name, strictly: a neutral word (本年, 本单位) + a
    table row's label (or the table's total) + a measure (支出 → actual, 调整预算数,
    年初预算 …); a part in brackets or after 其中 takes its total's measure. Income and
    spending, budget and actual, this year and last, a 财政拨款 part and the whole, a fund
    or another unit are different quantities and are not compared; an amount equal to the
    row's amount of the year in any column (budget, actual, 计划数, 下达数, 到位数: perhaps
    another measure), within printed precision after converting 元 and 万元, is not
    reported either. A project's multi-year amounts (总投资, 概算, a contract, 累计) and
    the parts listed under them (also in a next sentence opening with 其中) are not the
    year's; a name that names no row (支出,
    实际支出) in a sentence about things bought or done ("购置执法记录仪260台……，支出
    376.48万元"), or equal to another row's cell of the same column, is theirs or that
    row's, not the total's.
    A 决算情况说明's "收入支出总计" ("财政拨款收入支出总计") is held against the 总计 row
    of the 收入支出决算总表 (财政拨款收入支出决算总表) — "收入总计" and "支出总计" against
    their half's — and is not reported when it agrees with that 总计 or with the year's
    本年收入合计 / 本年支出合计; when neither the table's title nor its rows tell whether
    it is the 财政拨款 one, nothing is compared. "收入、支出总计分别为A、B" ("收、支总计各是A、B
    万元") gives A to the 收入 half and B to the 支出 half, each held against its own. A sentence a PDF's text layer broke over
    lines, or whose figures it set on a line of their own, is put back together first.
    The table's figure is shown in the narrative's unit, with the table's own beside it
    when the units differ.
    Bad: "本年支出1782.77万元（基本支出709.66万元，……）" while the table's 基本支出 actual is 715.69.
    Good: 715.69 in the sentence and in the table.
    """
    year = evaluated_year(facts.meta)
    context = figure_context(facts)
    agreeing = Agreeing(statements_of(facts, Figure))
    for fig, m, cells in narrative_amounts(facts, context):
        if not cells or not all(differs(fig.quantity, c) for c in cells):
            continue
        # the cells just found to differ are among the row's measures: only the others can agree
        held = {(c.table, id(c.row), c.role) for c in cells}
        if any(not differs(fig.quantity, c) for c in _every_measure(facts, m, year)
               if (c.table, id(c.row), c.role) not in held):
            continue  # it is another column of the row (计划数 beside 支出数): another measure, not a mistake
        if m.row == TOTAL and another_rows_figure(facts, fig, {c.role for c in cells}):
            continue  # a name that names no row, with another row's figure: that row's
        yield _narrative_finding(fig, cells, agreeing(fig, cells))
    for ct, row, q, cells in restated_rows(facts):
        if cells and all(table_differs(ct, q, c) for c in cells):
            yield _table_finding(ct, row, q, cells)
    for c in contradictions(facts):
        yield _grand_total_finding(c)


def _every_measure(facts: Facts, m: Meaning, year: int | None) -> list[AmountCell]:
    """Every amount of the rows the name names, once per report and name: many figures
    name the same row."""
    return facts.memo(("AL503:every_measure", m, year), lambda: every_measure(rows_named(facts, m, PRIMARY), year))


def _table_in_figure_unit(cell: AmountCell, fig: Quantity, value: Approx) -> tuple[str, str]:
    """The table's figure in the narrative's unit, and, when the table prints it in another
    unit, how to show both ("4621.54万元（表中 46,215,380.62元）"); "" when the units agree."""
    printed = fmt(cell.quantity.value or Decimal(0), cell.quantity.decimals)
    unit = table_unit(cell)
    if not unit or not fig.unit or unit == fig.unit or unit not in SCALES or ratio(cell, fig) == 1:
        return printed, ""
    if cell.quantity.value == fig.value:  # the same digits: the unit may be wrong; say the table's
        return printed, f"{printed}{unit}"
    places = fig.decimals
    while places < 8 and Decimal(fmt(value.mid, places)) == fig.value and value.mid != fig.value:
        places += 1  # never round the table's figure onto the narrative's
    converted = fmt(value.mid, places)
    if "," in cell.row.cells[cell.role].text and cell.quantity.value is not None:  # as the table writes it
        printed = f"{cell.quantity.value:,.{cell.quantity.decimals}f}"
    return converted, f"{converted}{fig.unit}（表中 {printed}{unit}）"


def _also(also: list[Figure], shown_table: str, unit: str) -> Both:
    """"，正文第 12、30 行也写作 715.69": the sentences that agree with the table."""
    lines = "、".join(str(f.location.line) for f in also if f.location.line) if also else ""
    if not lines:
        return Both("", "")
    return Both(f"，正文第 {lines} 行也写作 {shown_table}{unit}", f"; lines {lines} of the narrative say {shown_table}{unit} too")


def _narrative_finding(fig: Figure, cells: list[AmountCell], also: list[Figure]) -> Finding:
    q = fig.quantity
    c = cells[0]
    table_value = in_figure_unit(c, q)
    shown_table, in_unit = _table_in_figure_unit(c, q, table_value)
    row_name = c.row.label
    if row_name.strip() == "小计":
        row_name = fig.subject + row_name  # a group's unnamed 小计: "基本支出小计"
    where = f"{row_name}“{column_name(c.ct, c.role, 'zh')}”"
    same_digits = q.value == c.quantity.value and (table_value.mid != q.approx.mid)
    diff = abs(q.approx.mid - table_value.mid)
    total = c.ct.total(c.role)
    base = float(abs(total * ratio(c, q))) if total else float(abs(table_value.mid)) or 1.0
    shown = q.text.strip()
    related = [Related(x.row.cells[x.role].location, f"{x.row.label} {x.row.cells[x.role].text.strip()}") for x in cells[:4]]
    related += [Related(f.location, f.sentence.text.strip()[:80]) for f in also[:3]]
    return Finding(
        location=fig.location,
        **NARRATIVE.format(subject=fig.subject, shown=shown, row=row_name,
                           column=Both(column_name(c.ct, c.role, "zh"), column_name(c.ct, c.role, "en")),
                           table=in_unit or shown_table, also=_also(also, shown_table, (q.unit or "") if in_unit else ""),
                           unit=SAME_DIGITS if same_digits else Both("", "")),
        evidence=Evidence(expression=f"{fig.subject} = {where}", stated=fmt(q.value or Decimal(0), q.decimals),
                          computed=shown_table, difference=fmt(diff, q.decimals), tolerance=fmt(q.approx.half + table_value.half),
                          operands=(("正文", shown), *((f"{x.row.label} {column_name(x.ct, x.role, 'zh')}",
                                                        fmt(x.quantity.value or Decimal(0), x.quantity.decimals)) for x in cells[:3]))),
        snippet=fig.sentence.text.strip()[:120],
        related=related,
        confidence=0.85,
        materiality=materiality(float(diff), base),
        key=("same-quantity", match_key(fig.name) or fig.subject, c.role, fmt(q.value or Decimal(0))),
    )


def _table_finding(ct: CanonicalTable, row: Row, q: Quantity, cells: list[AmountCell]) -> Finding:
    c = cells[0]
    shown = fmt(q.value or Decimal(0), q.decimals)
    other = fmt(c.quantity.value or Decimal(0), c.quantity.decimals)
    diff = abs((q.value or Decimal(0)) - (c.quantity.value or Decimal(0)))
    total = c.ct.total("actual")
    cell = row.cells["actual"]
    return Finding(
        location=cell.location,
        **TABLE.format(label=row.label, shown=shown, row=c.row.label, other=other,
                       column=Both(column_name(c.ct, c.role, "zh"), column_name(c.ct, c.role, "en"))),
        evidence=Evidence(expression=f"{row.label} = {c.row.label} {column_name(c.ct, c.role, 'zh')}", stated=shown,
                          computed=other, difference=fmt(diff, q.decimals), tolerance=fmt(q.approx.half + c.quantity.approx.half),
                          operands=((row.label, shown), (f"{c.row.label} {column_name(c.ct, c.role, 'zh')}", other))),
        snippet=" ".join(x.text for x in ct.table.rows[row.index] if x.text.strip()),
        related=[Related(x.row.cells[x.role].location, f"{x.row.label} {x.row.cells[x.role].text.strip()}") for x in cells[:3]],
        confidence=0.85,
        materiality=materiality(float(diff), float(abs(total)) if total else float(abs(q.value or 1))),
        key=("same-quantity-table", row.label, fmt(q.value or Decimal(0))),
    )


def _grand_total_finding(c: Contradiction) -> Finding:
    stated, row = c.stated, c.rows[0]
    q = stated.quantity
    said = q.approx.scale(q.scale)
    table = row.quantity.approx.scale(SCALES.get(row.unit or "", q.scale))
    in_unit = table.scale(Decimal(1) / q.scale)
    shown_table = fmt(in_unit.mid, max(q.decimals, row.quantity.decimals))
    unit = q.unit or ""
    where = f"{row.title or '收支总表'}“{row.row.label}”行"
    diff = abs(said.mid - table.mid) / q.scale
    column = column_name(row.table, row.role, "zh")
    return Finding(
        location=stated.location,
        **NARRATIVE.format(subject=stated.name, shown=q.text.strip(), row=where,
                           column=Both(column, column_name(row.table, row.role, "en")),
                           table=f"{shown_table}{unit}", also=Both("", ""), unit=Both("", "")),
        evidence=Evidence(expression=f"{stated.name} = {where} {column}", stated=fmt(q.value or Decimal(0), q.decimals),
                          computed=shown_table, difference=fmt(diff, max(q.decimals, row.quantity.decimals)),
                          tolerance=fmt((said.half + table.half) / q.scale),
                          operands=(("正文", q.text.strip()), *((f"{r.title or '收支总表'} {r.row.label}", r.quantity.text.strip())
                                                               for r in c.rows[:2]))),
        snippet=stated.sentence[:120],
        related=[Related(r.row.cells[r.role].location, f"{r.row.label} {r.row.cells[r.role].text.strip()}") for r in c.rows[:2]],
        confidence=0.85,
        materiality=materiality(float(diff), float(abs(in_unit.mid)) or 1.0),
        key=("same-quantity-grand-total", stated.name, fmt(q.value or Decimal(0))),
    )
