"""The same quantity stated twice with different values (AL503): a narrative amount
against the table row and column it repeats, and a spending-structure table against
the budget table it restates.

What a narrative amount repeats is read from its name, strictly: an optional neutral
word (本年, 本单位, 部门 …), a table row's label (基本支出, 三公经费, 会议费) or nothing
(the table's total), and a measure (支出 → 实际支出数, 调整预算数, 年初预算 …) or, for a
part listed under a total ("本年支出…（基本支出…）"), the total's measure. Anything else
in the name — another unit of the organisation, a fund, 财政拨款, 收入, another year —
makes it a different quantity, and nothing is said.

A project's multi-year amounts — its total investment (总投资, 概算, 批复投资), the amount
accumulated since it began (累计), a contract's total — and the parts listed under them
("总投资3,000.00万元，其中中央资金2,000.00万元") are not the year's budget or spending;
a sentence that opens with 其中 lists the parts of the amount before it ("项目计划总投资
8,400.00万元。其中中央财政资金…").
A name that names no row (支出, 实际支出) is the table's total only when the sentence is
about the whole: after a count of things bought or carried out ("购置执法记录仪260台，
支出376.48万元", "实施项目3个，…实际支出272.90万元") it is those things' spending, and an
amount equal to another row's cell of the same column is that row's. An amount equal
(within its printed precision, in its own unit) to any amount column of the row it names
— 计划数, 下达数, 到位数 beside 支出数 — is that column's figure, not a differing one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.kb.values import year_ok
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, OfWhich, TotalWithParts, link_rows, match_key, statements_of
from auditlint.extract.narrative import vocabulary as narrative_vocabulary
from auditlint.extract.tables import CanonicalTable, Row, column_name, summable
from auditlint.findings import Evidence, Finding, Related
from auditlint.numbers import SCALES, Approx, Quantity, compare, find_quantities, fmt, normalize
from auditlint.rank import materiality

PRIMARY = ("budget", "sangong")  # tables that hold the data; a share table restates them
TOTAL = ""  # the row part of a name that means the table's total
# measures, longest first: the columns an amount so named can be
MEASURES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(sorted((
    ("调整后预算数", ("budget_adjusted",)), ("调整后预算", ("budget_adjusted",)), ("调整预算数", ("budget_adjusted",)),
    ("调整预算", ("budget_adjusted",)), ("年终核定数", ("budget_adjusted",)), ("全年预算数", ("budget_adjusted",)),
    ("年初预算数", ("budget_initial",)), ("年初预算", ("budget_initial",)), ("年初数", ("budget_initial",)),
    ("预算数", ("budget_initial", "budget_adjusted")), ("预算", ("budget_initial", "budget_adjusted")),
    ("实际支出数", ("actual",)), ("实际支出", ("actual",)), ("支出数", ("actual",)), ("支出", ("actual",)),
    ("实际执行数", ("actual",)), ("执行数", ("actual",)), ("决算支出", ("actual",)), ("决算数", ("actual",)),
    ("决算", ("actual",)),
), key=lambda m: len(m[0]), reverse=True))
UNDETERMINED = ("budget_initial", "budget_adjusted", "actual")
# words that make an amount part of the whole or another quantity altogether
OTHER_SCOPE = ("收入", "上年", "去年", "同期", "财政拨款", "一般公共预算", "政府性基金", "国有资本", "专户", "非税",
               "自有资金", "上级补助", "事业收入", "经营", "基金", "结转", "结余", "资产", "负债")
EXTRA_NEUTRAL = ("全年", "本年度", "本年", "当年", "年度", "全部", "总")
# a project's amounts over its whole life, not the year's: its investment, its estimate,
# a contract, what has accumulated since it began
MULTI_YEAR = ("总投资", "投资总额", "计划投资", "批复投资", "概算", "建设期", "历年", "合同", "总造价")
CUMULATIVE = "累计"
_OTHER_YEAR = ("上年", "去年", "上一年", "同期")
WITHIN_YEAR = ("全年", "本年", "当年", "年度", "年内", "今年")
# what opens a list of a total's parts: "总投资X万元，其中…", "（…）", "包括…", "分别为…"
PARTS_OPENER = re.compile(r"^[，,：:。；;\s]*(?:其中|包括|含|分别为|分别是|由|[（(：:])")
# a list of parts opening a sentence ("…8,400.00万元。其中…") or a later clause
_LIST_OPENS_SENTENCE = re.compile(r"^\s*(?:其中|包括)")
_LIST_OPENS_CLAUSE = re.compile(r"[，,。；;]\s*(?:其中|包括)")
# what starts another period inside a sentence: the list of parts has ended
_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年|本年|当年|全年|今年|年度")
# the units of a count of things bought, built or carried out (not of people or times)
COUNT_UNITS = ("个", "台", "套", "件", "项", "辆", "座", "处", "批", "册", "部", "架", "艘", "张", "把", "所", "条", "宗",
               "间", "栋", "台套", "公里", "千米", "米", "平方米", "亩")


@dataclass(frozen=True)
class Meaning:
    row: str  # TOTAL, or the row part of the name ("基本", "三公经费")
    roles: tuple[str, ...] | None  # None: the name does not say (基本支出)
    measure: str  # the measure word, "" when none


def _strip_neutral(text: str) -> str:
    words = (*narrative_vocabulary().neutral_prefixes, *EXTRA_NEUTRAL)
    changed = True
    while text and changed:
        changed = False
        for w in words:
            if text.startswith(w) and len(text) >= len(w):
                text = text[len(w):]
                changed = True
                break
    return text


def multi_year(name: str) -> bool:
    """The name is of an amount over a project's life (总投资, 概算, 合同金额, 累计完成投资),
    not of one year; "全年累计支出" is the year's."""
    if any(w in name for w in MULTI_YEAR):
        return True
    return CUMULATIVE in name and not any(w in name for w in WITHIN_YEAR)


def meaning(name: str) -> Meaning | None:
    """What a narrative amount's name says it is, or None when it is something the
    tables do not hold ("财政拨款收入", "医保基金支出", "上年支出")."""
    t = normalize(re.sub(r"\s+", "", name))
    if not t or any(w in t for w in OTHER_SCOPE) or multi_year(t):
        return None
    t = _strip_neutral(t)
    for word, roles in MEASURES:
        if t.endswith(word):
            rest = _strip_neutral(t[: len(t) - len(word)])
            return Meaning(rest, roles, word)
    return Meaning(t, None, "") if t else None


# ---------------------------------------------------------------------------
# the cells an amount repeats


@dataclass(frozen=True)
class Cell_:
    table: int
    ct: CanonicalTable
    row: Row
    role: str
    quantity: Quantity


def _rows(facts: Facts, m: Meaning, kinds: tuple[str, ...]) -> list[tuple[int, CanonicalTable, Row]]:
    out = []
    if m.row == TOTAL:
        for i, ct in enumerate(facts.tables):
            if ct.kind == "budget" and ct.kind in kinds:
                tops = ct.top_totals()
                if len(tops) == 1:
                    out.append((i, ct, tops[0]))
        return out
    for ref in link_rows(facts.tables, m.row):
        ct = facts.tables[ref.table]
        if ct.kind in kinds:
            out.append((ref.table, ct, ct.rows[ref.row]))
    return out


def _roles_for(m: Meaning, rows: list[tuple[int, CanonicalTable, Row]]) -> tuple[str, ...]:
    """The measure's columns; "支出" on a row whose own label ends with 支出 (基本支出) names
    the row, not the column."""
    if m.roles is None:
        return UNDETERMINED
    if m.measure == "支出" and m.row != TOTAL and all(r.label.strip().endswith("支出") for _, _, r in rows):
        return UNDETERMINED
    return m.roles


def _cells(rows: list[tuple[int, CanonicalTable, Row]], roles: tuple[str, ...]) -> list[Cell_]:
    out = []
    for i, ct, row in rows:
        for role in roles:
            q = ct.value(row, role)
            if q is not None and q.is_number and q.value is not None and role in row.cells:
                out.append(Cell_(i, ct, row, role, q))
    return out


def _table_unit(cell: Cell_) -> str | None:
    col = cell.ct.column(cell.role)
    return (col.unit if col is not None else None) or cell.ct.unit


def _ratio(cell: Cell_, fig: Quantity) -> Decimal:
    """How many of the figure's units one of the table's makes; a table that states no
    unit is shown in the figure's unit."""
    unit = _table_unit(cell)
    scale = SCALES.get(unit, fig.scale) if unit else fig.scale
    return scale / fig.scale


def _in_figure_unit(cell: Cell_, fig: Quantity) -> Approx:
    return cell.quantity.approx.scale(_ratio(cell, fig))


_UNIT_GUESSES = (Decimal(1), Decimal(10000), Decimal(100000000))


def _differs(fig: Quantity, cell: Cell_) -> bool:
    """The figure and the cell cannot be the same number; a table that states no unit
    must differ whether it is in 元, 万元 or 亿元."""
    if _table_unit(cell):
        return compare(fig.approx, _in_figure_unit(cell, fig)).level == "error"
    return all(compare(fig.approx, cell.quantity.approx.scale(k / fig.scale)).level == "error"
               for k in (fig.scale, *_UNIT_GUESSES))


# ---------------------------------------------------------------------------
# which narrative amounts are comparable


def _owner_measure(facts: Facts) -> dict[int, Meaning]:
    """For each listed part (by id), the meaning of the total it is listed under."""
    out: dict[int, Meaning] = {}
    for b in statements_of(facts, TotalWithParts, OfWhich):
        m = meaning(b.total.name)
        if m is None or m.roles is None or m.row != TOTAL:
            continue
        for p in b.parts:
            out[id(p)] = m
    return out


def _elided_subject(fig: Figure, figures: list[Figure]) -> Meaning | None | bool:
    """A bare "支出" after another amount of the sentence takes its subject from it:
    "医保基金收入494.83亿元，支出460.09亿元" is the fund's spending (None: not the
    tables'), "“三公”经费预算76.50万元，决算70.04万元" is the 三公经费's actual (that row
    with the bare word's measure). False when the subject is not elided."""
    if fig.subject.strip() not in {w for w, _ in MEASURES}:
        return False
    before = [f for f in figures if f.sentence == fig.sentence and f.start < fig.start]
    if not before:
        return False
    prev = meaning(before[-1].name)
    if prev is None or prev.row == TOTAL:
        return None if prev is None else False
    own = meaning(fig.subject)
    return Meaning(prev.row, own.roles, own.measure) if own is not None and own.roles is not None else None


def _scoped(fig: Figure, paragraphs: dict[int, str]) -> bool:
    """The paragraph speaks of a part of the money (财政拨款, 非税 …) before the figure."""
    text = paragraphs.get(fig.sentence.paragraph, "")[: fig.start]
    return any(w in text for w in ("财政拨款", "一般公共预算", "政府性基金", "非税", "专户", "上级补助"))


def _part_of_multi_year(fig: Figure, figures: list[Figure], paragraphs: dict[int, str]) -> bool:
    """The figure is listed under a multi-year amount: "项目总投资3,000.00万元，其中中央资金
    2,000.00万元、省级资金1,000.00万元" — the parts of the project's investment, not of the
    year's budget. The list opens after that amount (其中, 包括, a bracket) and runs until
    another period is named ("…；2023年年初预算…"). A sentence that opens with 其中 or
    包括 lists the parts of the sentence before it ("项目计划总投资8,400.00万元。其中中央
    财政资金…"), and an amount between the total and 其中 that is smaller than the part
    (a standard, "亩均财政投入3000元") cannot be what the part belongs to."""
    text = paragraphs.get(fig.sentence.paragraph, "")
    sentences = [fig.sentence]
    if _LIST_OPENS_SENTENCE.match(text[fig.sentence.start: fig.start]):
        sentences += [f.sentence for f in figures if f.sentence.paragraph == fig.sentence.paragraph
                      and f.sentence.end <= fig.sentence.start and not text[f.sentence.end: fig.sentence.start].strip()]
    before = sorted((f for f in figures if f.sentence in sentences and f.end <= fig.start and f.quantity.is_money),
                    key=lambda f: f.start)
    for k in range(len(before) - 1, -1, -1):
        total = before[k]
        if not (multi_year(normalize(total.subject)) or multi_year(normalize(total.name))):
            continue
        between = text[total.end: fig.start]
        if _PERIOD.search(between):
            return False
        if PARTS_OPENER.match(between):
            return True
        opener = _LIST_OPENS_CLAUSE.search(between)
        if opener is None:
            return False
        inside = [f for f in before[k + 1:] if f.start < total.end + opener.start()]
        return all(_smaller(f.quantity, fig.quantity) for f in inside)
    return False


def _smaller(a: Quantity, b: Quantity) -> bool:
    """``a`` is less than ``b`` (both money), in base units."""
    return a.value is not None and b.value is not None and a.value * a.scale < b.value * b.scale


def _about_counted_things(fig: Figure, paragraphs: dict[int, str]) -> bool:
    """An earlier clause of the sentence counts things bought, built or carried out
    ("购置执法记录仪260台、单警装备120套，支出376.48万元", "实施项目3个，…"): an amount the
    sentence does not name otherwise is theirs, not the report's total."""
    text = paragraphs.get(fig.sentence.paragraph, "")[fig.sentence.start: fig.start]
    return any(not q.quantity.is_money and q.quantity.unit in COUNT_UNITS for q in find_quantities(text))


def _another_rows_figure(facts: Facts, fig: Figure, roles: set[str]) -> bool:
    """The amount equals a cell of the same column in a line of a table (of any table):
    a name that names no row ("实际支出272.90万元") is that line's figure. A table's own
    total is not a line: it states the whole, which the amount is already held to."""
    for i, ct in enumerate(facts.tables):
        for row in ct.rows:
            if row.kind == "total" and row.parent is None:
                continue
            for role in roles:
                q = ct.value(row, role)
                if q is None or not q.is_number or q.value is None or role not in row.cells:
                    continue
                if not _differs(fig.quantity, Cell_(i, ct, row, role, q)):
                    return True
    return False


def _narrative_claims(facts: Facts) -> Iterator[tuple[Figure, Meaning, list[Cell_]]]:
    figures = statements_of(facts, Figure)
    owners = _owner_measure(facts)
    year = evaluated_year(facts.meta)
    paragraphs = {p.index: normalize(p.text) for p in facts.document.paragraphs}
    for fig in figures:
        q = fig.quantity
        if not fig.exact or not q.is_money or q.value is None:
            continue
        m = meaning(fig.name)
        if m is None or (m.row == TOTAL and m.roles is None):
            continue
        before = fig.sentence.text[: fig.start - fig.sentence.start]
        if not year_ok(before, year) or _scoped(fig, paragraphs):
            continue
        elided = _elided_subject(fig, figures)
        if elided is None:
            continue
        if isinstance(elided, Meaning):
            m = elided
        if _part_of_multi_year(fig, figures, paragraphs):
            continue
        if m.row == TOTAL and _about_counted_things(fig, paragraphs):
            continue
        rows = _rows(facts, m, PRIMARY)
        if not rows:
            continue
        roles = _roles_for(m, rows)
        owner = owners.get(id(fig))
        if roles == UNDETERMINED and owner is not None and owner.roles is not None:
            roles = owner.roles
        yield fig, m, _cells(rows, roles)


def _every_measure(rows: list[tuple[int, CanonicalTable, Row]], year: int | None) -> list[Cell_]:
    """Every amount of the row in the year: its budget and actual cells and any other
    column of amounts (计划数, 到位数, 下达数 …). The prior year's column, or one whose
    header names another year, is another quantity."""
    out = _cells(rows, UNDETERMINED)
    for i, ct, row in rows:
        for col in ct.columns:
            role = col.role
            if not summable(role) or role in UNDETERMINED or role == "prior_actual" or role not in row.cells:
                continue
            if any(w in col.header for w in _OTHER_YEAR) or not year_ok(col.header, year):
                continue
            q = ct.value(row, role)
            if q is not None and q.is_number and q.value is not None and not q.is_percent:
                out.append(Cell_(i, ct, row, role, q))
    return out


@check("AL503", "same-quantity-differs", severity="warning", zh="同一数量在报告中两处写法不同",
       en="The same quantity is stated twice with different values")
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
    The table's figure is shown in the narrative's unit, with the table's own beside it
    when the units differ.
    Bad: "本年支出1782.77万元（基本支出709.66万元，……）" while the table's 基本支出 actual is 715.69.
    Good: 715.69 in the sentence and in the table.
    """
    figures = statements_of(facts, Figure)
    year = evaluated_year(facts.meta)
    for fig, m, cells in _narrative_claims(facts):
        if not cells or not all(_differs(fig.quantity, c) for c in cells):
            continue
        rows = _rows(facts, m, PRIMARY)
        if any(not _differs(fig.quantity, c) for c in _every_measure(rows, year)):
            continue  # it is another column of the row (计划数 beside 支出数): another measure, not a mistake
        if m.row == TOTAL and _another_rows_figure(facts, fig, {c.role for c in cells}):
            continue  # a name that names no row, with another row's figure: that row's
        yield _narrative_finding(fig, cells, figures)
    yield from _share_tables(facts)


def _agreeing(fig: Figure, cells: list[Cell_], figures: list[Figure]) -> list[Figure]:
    """Other sentences that state the table's value under the same name."""
    out = []
    for f in figures:
        if f is fig or not f.exact or not f.quantity.is_money or match_key(f.name) != match_key(fig.name):
            continue
        if any(not _differs(f.quantity, c) for c in cells):
            out.append(f)
    return out


def _table_in_figure_unit(cell: Cell_, fig: Quantity, value: Approx) -> tuple[str, str]:
    """The table's figure in the narrative's unit, and, when the table prints it in another
    unit, how to show both ("4621.54万元（表中 46,215,380.62元）"); "" when the units agree."""
    printed = fmt(cell.quantity.value or Decimal(0), cell.quantity.decimals)
    unit = _table_unit(cell)
    if not unit or not fig.unit or unit == fig.unit or unit not in SCALES or _ratio(cell, fig) == 1:
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


def _narrative_finding(fig: Figure, cells: list[Cell_], figures: list[Figure]) -> Finding:
    q = fig.quantity
    c = cells[0]
    table_value = _in_figure_unit(c, q)
    shown_table, in_unit = _table_in_figure_unit(c, q, table_value)
    row_name = c.row.label
    if row_name.strip() == "小计":
        row_name = fig.subject + row_name  # a group's unnamed 小计: "基本支出小计"
    where = f"{row_name}“{column_name(c.ct, c.role, 'zh')}”"
    also = _agreeing(fig, cells, figures)
    lines = "、".join(str(f.location.line) for f in also if f.location.line) if also else ""
    also_zh = f"，正文第 {lines} 行也写作 {shown_table}{q.unit or ''}" if lines and in_unit else (
        f"，正文第 {lines} 行也写作 {shown_table}" if lines else "")
    also_en = f"; lines {lines} of the narrative say {shown_table}{q.unit or ''} too" if lines and in_unit else (
        f"; lines {lines} of the narrative say {shown_table} too" if lines else "")
    same_digits = q.value == c.quantity.value and (table_value.mid != q.approx.mid)
    unit_zh = "（数字相同而单位不同，单位可能写错）" if same_digits else ""
    unit_en = " (the same digits in another unit: the unit may be wrong)" if same_digits else ""
    diff = abs(q.approx.mid - table_value.mid)
    total = c.ct.total(c.role)
    base = float(abs(total * _ratio(c, q))) if total else float(abs(table_value.mid)) or 1.0
    shown = q.text.strip()
    related = [Related(x.row.cells[x.role].location, f"{x.row.label} {x.row.cells[x.role].text.strip()}") for x in cells[:4]]
    related += [Related(f.location, f.sentence.text.strip()[:80]) for f in also[:3]]
    return Finding(
        location=fig.location,
        message_zh=f"“{fig.subject}”此处为 {shown}，而表中{where}为 {in_unit or shown_table}{also_zh}{unit_zh}",
        message_en=f"“{fig.subject}” is {shown} here, but the table's {row_name} ({column_name(c.ct, c.role, 'en')}) "
                   f"is {in_unit or shown_table}{also_en}{unit_en}",
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


# ---------------------------------------------------------------------------
# a share table restating the budget table


def _share_tables(facts: Facts) -> Iterator[Finding]:
    budget = [(i, ct) for i, ct in enumerate(facts.tables) if ct.kind == "budget"]
    if not budget:
        return
    for ct in facts.tables:
        if ct.kind != "share" or _income(ct):
            continue
        for row in ct.rows:
            q = ct.value(row, "actual")
            if q is None or not q.is_number or q.value is None or "actual" not in row.cells:
                continue
            if row.kind == "total" and row.parent is None:
                m = Meaning(TOTAL, ("actual",), "")
            elif row.kind in ("item", "subtotal"):
                m = meaning(row.label)
                if m is None or m.row == TOTAL:
                    continue
                m = Meaning(m.row if m.measure == "支出" and m.row else match_key(row.label), ("actual",), "")
            else:
                continue
            rows = _rows(facts, m, ("budget",))
            cells = _cells(rows, ("actual",))
            if not cells or not all(_table_differs(ct, q, c) for c in cells):
                continue
            yield _table_finding(ct, row, q, cells)


def _income(ct: CanonicalTable) -> bool:
    """A table of income and its shares (收入合计, 财政拨款收入 …): it restates no spending."""
    labels = [r.label for r in ct.rows if r.label]
    total = next((r.label for r in ct.rows if r.kind == "total"), "")
    return "收入" in total or sum(lab.endswith("收入") for lab in labels) * 2 > len(labels)


def _table_differs(ct: CanonicalTable, q: Quantity, cell: Cell_) -> bool:
    mine = ct.column("actual")
    unit = (mine.unit if mine is not None else None) or ct.unit
    other = cell.ct.column(cell.role)
    other_unit = (other.unit if other is not None else None) or cell.ct.unit
    if (unit or other_unit) and unit != other_unit and unit and other_unit:
        a = q.approx.scale(SCALES.get(unit, Decimal(1)))
        b = cell.quantity.approx.scale(SCALES.get(other_unit, Decimal(1)))
    else:
        a, b = q.approx, cell.quantity.approx
    return compare(a, b).level == "error"


def _table_finding(ct: CanonicalTable, row: Row, q: Quantity, cells: list[Cell_]) -> Finding:
    c = cells[0]
    shown = fmt(q.value or Decimal(0), q.decimals)
    other = fmt(c.quantity.value or Decimal(0), c.quantity.decimals)
    diff = abs((q.value or Decimal(0)) - (c.quantity.value or Decimal(0)))
    total = c.ct.total("actual")
    cell = row.cells["actual"]
    return Finding(
        location=cell.location,
        message_zh=f"“{row.label}”在本表中为 {shown}，而预算执行表{c.row.label}“{column_name(c.ct, c.role, 'zh')}”为 {other}",
        message_en=f"“{row.label}” is {shown} in this table, but the budget table's {c.row.label} "
                   f"({column_name(c.ct, c.role, 'en')}) is {other}",
        evidence=Evidence(expression=f"{row.label} = {c.row.label} {column_name(c.ct, c.role, 'zh')}", stated=shown,
                          computed=other, difference=fmt(diff, q.decimals), tolerance=fmt(q.approx.half + c.quantity.approx.half),
                          operands=((row.label, shown), (f"{c.row.label} {column_name(c.ct, c.role, 'zh')}", other))),
        snippet=" ".join(x.text for x in ct.table.rows[row.index] if x.text.strip()),
        related=[Related(x.row.cells[x.role].location, f"{x.row.label} {x.row.cells[x.role].text.strip()}") for x in cells[:3]],
        confidence=0.85,
        materiality=materiality(float(diff), float(abs(total)) if total else float(abs(q.value or 1))),
        key=("same-quantity-table", row.label, fmt(q.value or Decimal(0))),
    )
