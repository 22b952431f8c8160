"""AL204: a year-on-year change, in the text or in a 增减率 column, that does not match
the figures it compares."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from auditlint.checks.helpers import pct, ratio_finding, sentence_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.narrative import Change, Figure, statements_of
from auditlint.extract.narrative.far_bases import FarBase, far_bases
from auditlint.extract.tables import amount, row_snippet
from auditlint.extract.yoy_rates import KEY as YOY_RATES
from auditlint.extract.yoy_rates import YoyRates, YoyRow
from auditlint.findings import Both, Finding, Message, Related
from auditlint.numbers import HUNDRED, SCALES, Approx, Verdict, compare, fmt, grouped

RATE_COLUMN_IS_NOT = Message(
    zh="{label}：{rate}为 {stated}，但（{current} {current_text} − {prior} {prior_text}）÷ {prior_text} = {computed}（差 {diff} 个百分点）",
    en="{label}: {rate} is {stated}, but ({current_text} − {prior_text}) ÷ {prior_text} = {computed} (off by {diff} points)",
)
CHANGE_IS_NOT = Message(
    zh="{subject}：文中称比{then}{said} {amount}，但本年 {current} − {then} {prior} 为{change}{size}{unit}（差 {gap}）",
    en="{subject}: the text says {said} {amount} on last year, "
       "but {current} this year against {prior} last year is {change} of {size}{unit} (off by {gap})",
)

CHANGE_IS_NOT_FAR = Message(
    zh="{subject}：文中称比上年{said} {amount}，但本年 {current} − 上年 {prior} 为{change}{size}{unit}（差 {gap}）；"
       "上年数按名称取自{where}，未在本句写明",
    en="{subject}: the text says {said} {amount} on last year, but {current} this year against {prior} last year "
       "is {change} of {size}{unit} (off by {gap}); last year's figure was found by its name {where}, not in this sentence",
)
FAR_CONFIDENCE = 0.5  # the base is inferred from names, not stated beside the change


@check("AL204", "year-on-year-mismatch", severity="error", zh="同比增减额与本年、上年数不符",
       en="A year-on-year change does not match the figures it compares",
       messages=(RATE_COLUMN_IS_NOT, CHANGE_IS_NOT, CHANGE_IS_NOT_FAR))
def year_on_year_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    “比上年增加（减少）X万元”应等于本年数减上年数；“增长X%”应等于（本年 − 上年）÷ 上年。
    上年数取自同一句中给出的上年数，或取自名称相符的表格行的上年决算数列（该行的实际数须
    与句中的本年数相符，才认定说的是这一行）。“比上年执行数X增加Y，增长Z%”中的 Z 与 Y 是同一
    比较；“投诉1,286件，比2023年的1,452件下降11.43%”按句中给出的该年数核对（与指明年份比较
    而句中没有该年数的，不取表中上年数）。剔除、扣除、不含、不考虑、除去某项（或“除…外”）之后的
    比较（“剔除购置费后，‘三公’经费比上年减少…”）是调整口径的比较，不是该数的同比增减，不核对；
    同一句中在此之前的直接比较照常核对。句中和表中都没有上年数时，取正文别处按名称写明的上年数
（第一部分“2023年度收入总计1,000.00万元”，第二部分“2024年度收入总计1,100.00万元，比上年增加…”）：
两处须写明年度（上年、本年或年份），名称相同（收入总计不是财政拨款收入，也不是本年收入合计），
写明的单位相同；这样找到的上年数是推断的，只给出警告（置信度较低）并指明其所在行；两个候选上年数
不一致时不核对。找不到上年数的句子不核对。按打印精度的区间
    比较，增加或减少的方向也一并核对。表中的增减率（增长率、同比增长%）一列按同一行的
    决算数与上年决算数、或表头仅年份相邻的两列（2023年 | 2024年）重新计算；多数行相符时
    才认为理解了该列，逐行报告不符者。
    错误示例：会议费全年支出0.48万元，比上年增加0.24万元；表中会议费上年决算 1.1（实为减少 0.62）。
    正确示例：会议费全年支出0.48万元，比上年减少0.62万元。

    en:
    "比上年增加（减少）X万元" must be this year's figure minus last year's; "增长X%" must be
    (this − last) ÷ last. Last year's figure comes from the same sentence, or from the
    prior-year column of the table row with the same name (whose actual must match the
    sentence's figure for this year, or the row is not taken to be the one meant). In
    "比上年执行数X增加Y，增长Z%" Z is the same comparison as Y; a count compared with the
    figure the sentence gives for a named year ("投诉1,286件，比2023年的1,452件下降11.43%") is
    checked against that figure (a named year without its figure is not the table's prior
    year). A comparison after 剔除/扣除/不含/不考虑/除去 an item (or "除…外") in its sentence, or
    with one in a bracket right after it, is on an adjusted basis ("剔除购置费后，“三公”经费比上年
    减少…") and not the figure's plain change: it is not checked, while a plain comparison before
    it in the same sentence still is. When neither the sentence nor a table gives last
    year's figure, one stated by name elsewhere in the text is taken ("2023年度收入总计
    1,000.00万元" in §一, "2024年度收入总计1,100.00万元，比上年增加…" in §二): both must state
    their year (上年, 本年 or the year), name the same quantity (收入总计 is neither
    财政拨款收入 nor 本年收入合计) and the same owner; such a base is inferred, so a mismatch
    is a warning with lowered confidence that names the line it was found on, and two
    candidate bases that disagree give no verdict. A sentence with no prior-year figure
    anywhere is not checked. Compared as intervals at
    printed precision, direction included. A table's 增减率 (增长率, 同比增长%) column is
    recomputed from its row's actual and prior-year actual, or from the two columns whose
    headers differ only by consecutive years (2023年 | 2024年); once most rows agree the
    column is understood, and each row that does not is reported.
    Bad: 会议费全年支出0.48万元，比上年增加0.24万元, with 1.1 last year in the table (a fall of 0.62).
    Good: 会议费全年支出0.48万元，比上年减少0.62万元.
    """
    for rates in facts.extra.get(YOY_RATES) or []:
        yield from _table_yoy(rates)
    for st in statements_of(facts, Change):
        finding = _change(facts, st)
        if finding is not None:
            yield finding


def _recomputed(rates: YoyRates) -> list[tuple[YoyRow, Approx, Verdict]]:
    """Each row's printed rate against (本年 − 上年) ÷ 上年 recomputed, for rows over a
    positive prior-year figure."""
    out = []
    for row in rates.rows:
        cur, prior = row.current.approx, row.prior.approx
        if prior.lo <= 0 or cur.lo < 0:
            continue
        computed = ((cur - prior) / prior).scale(HUNDRED)
        out.append((row, computed, compare(row.rate.approx, computed)))
    return out


def _table_yoy(rates: YoyRates) -> Iterator[Finding]:
    """A 增减率 column is checked once most of its rows agree with the reading (the
    columns it compares are understood); each row that does not is reported."""
    rows = _recomputed(rates)
    if len(rows) < 2 or sum(1 for x in rows if x[2].ok) * 2 <= len(rows):
        return
    cur_name, prior_name, rate_name = rates.columns.names
    for row, computed, verdict in rows:
        if verdict.ok:
            continue
        stated = row.rate_cell.text.strip()
        got, diff = pct(computed.mid, max(row.rate.decimals, 2)), fmt(abs(verdict.difference), 2)
        a, b = row.current.text.strip(), row.prior.text.strip()
        yield ratio_finding(
            row.rate_cell.location,
            RATE_COLUMN_IS_NOT.format(label=row.label, rate=rate_name, stated=stated, current=cur_name, current_text=a,
                                      prior=prior_name, prior_text=b, computed=got, diff=diff),
            expression=f"({a} - {b}) / {b} × 100", stated=stated, computed=got, verdict=verdict,
            operands=((cur_name, a), (prior_name, b)),
            snippet=row.snippet,
            related=[Related(c.location, row.snippet) for c in (row.current_cell, row.prior_cell)],
            key=(row.label, "yoy", str(rates.columns.table.index)),
        )


class Base(NamedTuple):
    """This year's figure and last year's in the change's unit, their texts, where last
    year's comes from, and the far base it was found as (None when the sentence or a
    table row states it)."""

    this: Approx
    prior: Approx
    this_text: str
    prior_text: str
    related: list[Related]
    far: FarBase | None = None


def _change_bases(facts: Facts, st: Change) -> list[Base]:
    """(this year, last year, their texts, where they come from) in the change's unit."""
    cur = st.current
    # a relative change of a count against the count the sentence compares it with
    # ("投诉1,286件，比2023年的1,452件下降11.43%"): units cancel out
    counted = (st.relative and cur is not None and st.prior is not None and not cur.is_money
               and cur.quantity.unit is not None and cur.quantity.unit == st.prior.quantity.unit)
    if cur is not None and not (cur.exact and (cur.is_money or counted)):
        return []
    # the change's unit; a relative change's units cancel out
    scale = st.amount.scale if not st.relative else (cur.quantity.scale if cur is not None else Decimal(1))
    if st.prior is not None and cur is not None and st.prior.exact and (st.prior.is_money or counted):
        return [Base(cur.quantity.approx_in(scale), st.prior.quantity.approx_in(scale), cur.text, st.prior.text,
                     [Related(st.prior.location, f"{st.prior.subject}{st.prior.text}")])]
    if st.reference[:1].isdigit():
        return []  # "比2022年增加…": a named year, which the table's prior-year column may not be
    tables = [b for ref in st.rows if (b := _table_base(facts, ref.table, ref.row, cur, scale)) is not None]
    return tables + _far_bases(facts, st, scale)


def _far_bases(facts: Facts, st: Change, scale: Decimal) -> list[Base]:
    """Last year's figure stated by name in another sentence or section (``far_bases``)."""
    cur = st.current
    if cur is None:
        return []
    return [Base(cur.quantity.approx_in(scale), fb.figure.quantity.approx_in(scale), cur.text, fb.figure.text,
                 [Related(fb.figure.location, fb.figure.sentence.text.strip()[:80])], fb)
            for fb in far_bases(facts, st)]


def _table_base(facts: Facts, table: int, index: int, cur: Figure | None, scale: Decimal) -> Base | None:
    """This year's and last year's actuals of the table row the change names, in the
    change's unit; None unless its actual is the sentence's figure for this year."""
    if table >= len(facts.tables):
        return None
    ct = facts.tables[table]
    row = ct.rows[index]
    if not row.has("actual") or not row.has("prior_actual"):
        return None
    this, prior = amount(ct, row, "actual"), amount(ct, row, "prior_actual")
    if this is None or prior is None:
        return None
    if ct.unit is not None:
        table_scale = SCALES.get(ct.unit, Decimal(1))
    elif cur is not None:
        table_scale = cur.quantity.scale  # read in the unit of the figure it must match
    else:
        return None  # the table's unit is unknown and there is no figure to tell it by
    this, prior = this.scale(table_scale / scale), prior.scale(table_scale / scale)
    if cur is not None and not compare(cur.quantity.approx_in(scale), this).ok:
        return None  # the row's actual is not the sentence's figure: not the row meant
    related = [Related(row.cells[r].location, row_snippet(ct, row)) for r in ("actual", "prior_actual") if r in row.cells]
    return Base(this, prior, row.values["actual"].text.strip(), row.values["prior_actual"].text.strip(), related)


def _change(facts: Facts, st: Change) -> Finding | None:
    if st.amount.value is None or st.amount.comparator not in (None, "=") or (not st.relative and not st.amount.is_money):
        return None
    bases = _change_bases(facts, st)
    if not bases:
        return None
    # several rows (two tables, a table and a figure stated elsewhere) must tell the same
    # story, else say nothing
    if len({(b.this.mid, b.prior.mid) for b in bases}) > 1:
        return None
    base = bases[0]
    far = next((b.far for b in bases if b.far is not None), None)
    this, prior = base.this, base.prior
    judged = _recompute(st, base)
    if judged is None or judged[1].ok:
        return None
    computed, verdict = judged
    unit = "%" if st.relative else (st.amount.unit or "")
    decimals = max(st.amount.decimals, 2)
    word = "增加" if st.direction > 0 else "减少"
    real = "增加" if computed.mid >= 0 else "减少"
    this_txt, prior_txt = base.this_text, base.prior_text
    expr = f"({this_txt} - {prior_txt}) / {prior_txt} × 100" if st.relative else f"{this_txt} - {prior_txt}"
    message = _message(st, base, far, computed, fmt(abs(verdict.difference), decimals))
    finding = ratio_finding(
        st.location,
        message,
        expression=expr, stated=f"{word}{st.amount.text}", computed=f"{real}{fmt(abs(computed.mid), decimals)}{unit}",
        verdict=verdict,
        soft=far is not None,  # a base inferred from names gives at most a warning
        operands=(("本年", this_txt), (_prior_operand(far), prior_txt)),
        snippet=sentence_snippet(st.sentence.text),
        related=base.related,
        key=("narrative", st.name, "yoy"),
        points=st.relative,
        base=float(max(abs(this.mid), abs(prior.mid)) or 1),
    )
    return finding if far is None else replace(finding, confidence=FAR_CONFIDENCE)


def _message(st: Change, base: Base, far: FarBase | None, computed: Approx, diff: str) -> dict[str, str]:
    """The finding's words: the change as stated, the one the figures make, and, for a
    base found by name elsewhere, where it was found."""
    decimals = max(st.amount.decimals, 2)
    unit = "%" if st.relative else (st.amount.unit or "")
    # the message writes amounts the way the sentence does (328,716.80元)
    sep = grouped if "," in st.amount.text and not st.relative else (lambda s: s)
    values = dict(subject=st.subject, said=Both("增加" if st.direction > 0 else "减少", "up" if st.direction > 0 else "down"),
                  amount=st.amount.text, current=base.this_text, prior=base.prior_text,
                  change=Both("增加" if computed.mid >= 0 else "减少", "a rise" if computed.mid >= 0 else "a fall"),
                  size=sep(fmt(abs(computed.mid), decimals)), unit=unit, gap=sep(diff))
    if far is not None:
        return CHANGE_IS_NOT_FAR.format(where=_where(far), **values)
    then = st.reference if st.reference[:1].isdigit() else "上年"  # "比2023年的1,452件下降…"
    return CHANGE_IS_NOT.format(then=then, **values)


def _recompute(st: Change, base: Base) -> tuple[Approx, Verdict] | None:
    """The change the two figures make, and the stated one judged against it; None for
    a relative change from nothing."""
    this, prior = base.this, base.prior
    if st.relative:
        if prior.lo <= 0:
            return None
        computed = ((this - prior) / prior).scale(HUNDRED)
    else:
        computed = this - prior
    return computed, compare(st.amount.approx.scale(Decimal(st.direction)), computed)


def _where(far: FarBase) -> Both:
    """"第 4 行（“一、上年收支情况”下）": where the base was found."""
    line = far.figure.location.line
    at_zh = f"第 {line} 行" if line else "正文另一处"
    at_en = f"on line {line}" if line else "elsewhere in the text"
    if not far.heading:
        return Both(at_zh, at_en)
    return Both(f"{at_zh}（“{far.heading}”下）", f"{at_en} (under “{far.heading}”)")


def _prior_operand(far: FarBase | None) -> str:
    if far is None:
        return "上年"
    line = far.figure.location.line
    return f"上年（按名称取自第 {line} 行）" if line else "上年（按名称取自正文另一处）"
