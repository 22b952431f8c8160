"""AL501: an indicator's claimed value contradicted by the report's own data. What is
claimed and what it is held against is read in ``extract/kb/claims.py`` (knowledge-base
indicators) and ``extract/stated_figures.py`` (any other, against a sentence stating the
same quantity); a claim is reported only when every reading contradicts it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike, ScoredRow
from auditlint.extract.kb.claims import Claim, kb_readings, narrative_claims, narrative_readings, row_claim, unit_fits
from auditlint.extract.kb.definitions import definition_readings
from auditlint.extract.kb.knowledge import IndicatorDef, knowledge_base
from auditlint.extract.kb.targets import garbled
from auditlint.extract.kb.values import Reading, all_contradict, contradicts
from auditlint.extract.stated_figures import Stated, comparable_values, matching_name, stated_of
from auditlint.findings import Both, Evidence, Finding, Message, Related
from auditlint.numbers import HUNDRED, Approx, Quantity, fmt
from auditlint.rank import materiality

RECOMPUTED = Message(zh="“{name}”{where}为“{text}”{marks}，但按报告自己的数据重新计算为 {computed}：{expression}{more}",
                     en="“{name}”: {where} is “{text}”{marks}, but the report's own figures give {computed}: {expression}{more}")
STATED = Message(zh="“{name}”{where}为“{text}”{marks}，但正文写明“{shown}”",
                 en="“{name}”: {where} is “{text}”{marks}, but the narrative states “{shown}”")
_WHERE = {"row": Both("完成值", "the completion"), "text": Both("文中", "the narrative's figure")}


@check("AL501", "claim-contradicts-data", severity="error", zh="指标的声称值与报告自身数据重新计算的结果不符",
       en="An indicator's claimed value contradicts the report's own data",
       messages=(RECOMPUTED, STATED))
def claim_contradicts_data(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    指标的完成值（自评表、评分表的完成值栏，或正文中的“预算执行率100%”）与用报告自己的数据重新计算的结果不符。
    知识库（data/indicators.yaml）中的指标按其公式从预算执行表、“三公”表和正文数字重算：预算执行率 = 实际支出÷
    调整后预算（表中未列调整后预算时，取年初预算及其加上调整数），结转结余率 = 年末结转结余（或 预算 − 支出）÷ 预算，预算调整率、“三公经费”变动率、在职人员控制率
    （编制内实有人数 ÷ 编制数；辅警、编外、劳务派遣等其他人员的数字不算，行政编制、事业编制并列时编制数为其和）等；
    其他指标与正文写明的同一数量相比（来电量 与“来电总量99.54万个”）。部门整体报告的指标不用项目明细表（只列项目的
    表）的合计重算；报告在声称值后括注了自己的公式（“结转结余率3.20%（年末结转结余÷收入合计）”）时按其公式重算；
    报告在任何位置写明了指标的定义（“预算调整率=各项目调整金额绝对值之和÷年初预算数”）时，以报告的定义代替知识库的
    公式（调整金额绝对值之和 = 预算表各行调整额不计正负之和）。公式中的项找不到对应数字时不报告。按区间比较并尊重
    比较符：“≤0%”只有重算值整体大于 0 才算不符，“100%”代表 [99.5%, 100.5%]。有多种常见算法或多个数据来源时，
    只有全部不符才报告；数据不足以判断（没有上年数，没有编制数）时不报告。
    错误示例：预算执行率 完成值“100%”，而预算表 2613.26 ÷ 2661.53 = 98.19%；结转结余率“0%”而年末结转结余 51.43 万元。
    正确示例：预算执行率 完成值“98.19%”；结转结余率“2.70%”。

    en:
    An indicator's completion (the completion column of a self-evaluation or scoring
    table, or a sentence such as "预算执行率100%") contradicts the value recomputed from the
    report's own data. Indicators in the knowledge base (data/indicators.yaml) are
    recomputed by their formulas from the budget and 三公 tables and the narrative's
    figures: execution rate = actual ÷ adjusted budget (or, with no adjusted
    budget printed, the initial budget and the initial budget plus the table's adjustments), carry-over rate = carry-over (or
    budget − actual) ÷ budget, budget adjustment rate, 三公 change rate, staff control
    rate (the establishment's staff in post ÷ its authorised posts: auxiliary, contract or
    seconded staff's figures are not taken, and posts of two kinds listed together —
    行政编制、事业编制 — are summed) and more; other indicators are held against a
    sentence stating the same quantity (来电量 against "来电总量99.54万个"). A
    department-wide report's indicators are not recomputed from a table that lists
    projects (its total is the projects' spending, a part of the department's). When the
    report prints its own formula beside the claim ("结转结余率3.20%（年末结转结余÷收入合计）")
    that formula is used; a definition the report prints anywhere ("预算调整率=各项目调整金额
    绝对值之和÷年初预算数") replaces the knowledge base's formula (the sum of absolute
    adjustments is that of the budget table's lines, signs dropped). Nothing is said when
    the report's own formula has a term that names no amount. Compared as
    intervals, comparators respected: "≤0%" is contradicted only by a value wholly above 0,
    "100%" stands for [99.5%, 100.5%]. With several common formulas or several sources, it
    is reported only when all of them contradict it; where the data cannot decide (no
    prior-year figure, no post count) nothing is said.
    Bad: 预算执行率 completion "100%" while the budget table gives 2613.26 ÷ 2661.53 = 98.19%;
    结转结余率 "0%" with 51.43 (万元) carried over.
    Good: 预算执行率 completion "98.19%"; 结转结余率 "2.70%".
    """
    kb = knowledge_base()
    rows = report_indicator_rows(facts)
    # an indicator printed in several rows (one table per project, or a table and its
    # copy) may be about something else than the whole report's figures: none is judged
    printed = Counter(ind.id for _key, row in rows if (ind := kb.lookup(row.name)) is not None)
    for _key, row in rows:
        ind = kb.lookup(row.name)
        if not garbled(row) and not (ind is not None and printed[ind.id] > 1):
            yield from _row_findings(facts, row, ind)
    for claim, ind, figure in narrative_claims(facts):
        if not unit_fits(claim.quantity, ind):
            continue
        rs = narrative_readings(facts, ind, figure)
        if rs and all_contradict(claim.quantity, [r.value for r in rs]):
            yield _kb_finding(claim, ind, rs)


def _row_findings(facts: Facts, row: IndicatorRowLike, ind: IndicatorDef | None) -> Iterator[Finding]:
    """A row's completion against the knowledge base's values, else against the narrative."""
    claim = row_claim(row)
    if claim is None:
        return
    rs = kb_readings(facts, ind) if ind is not None and unit_fits(claim.quantity, ind) else []
    if ind is not None and not rs and definition_readings(facts, ind) is not None:
        return  # the report defines it in terms no figure answers: nothing to say
    if rs:
        if all_contradict(claim.quantity, [r.value for r in rs]):
            yield _kb_finding(claim, ind, rs)  # type: ignore[arg-type]
        return
    if row.actual is None:
        return  # a completion sentence is only held against the knowledge base
    got = comparable_values(claim.quantity, row.name, stated_of(facts, row.name))
    if got and all(contradicts(claim.quantity, v) for _, v in got):
        yield _stated_finding(claim, got)


def _full_marks(row: IndicatorRowLike | None) -> tuple[str, str]:
    if not isinstance(row, ScoredRow) or row.score is None or row.weight is None or row.score.value != row.weight.value:
        return "", ""
    w = fmt(row.weight.value or Decimal(0))
    return f"并得满分 {w} 分", f" and scored full marks ({w})"


def _difference(claim: Quantity, values: list[Approx]) -> Decimal:
    v = claim.value or Decimal(0)
    return min(abs(x.mid - v) for x in values)


def _kb_finding(claim: Claim, ind: IndicatorDef, rs: list[Reading]) -> Finding:
    unit = "%" if ind.unit == "%" else ""
    values = [r.value for r in rs]
    first = rs[0]
    computed = first.shown()
    shown = list(dict.fromkeys(f"{r.expression()} = {r.shown()}" for r in rs if r.primary))
    others = "；".join(shown[1:3]) + ("；……" if len(shown) > 3 else "")
    more_zh = f"（其他算法或数据来源：{others}，同样不符）" if others else ""
    more_en = f" (other formulas or sources: {others}; none agrees)" if others else ""
    if not all(r.primary for r in rs):
        more_zh += "（表格未注明单位，按元、万元、亿元计均不符）"
        more_en += " (the table states no unit; no unit makes it agree)"
    marks_zh, marks_en = _full_marks(claim.row)
    diff = _difference(claim.quantity, values)
    related: list[Related] = []
    seen: set[object] = set()  # locations already related
    for r in rs:
        for _, s in r.inputs:
            if s.location not in seen and len(related) < 6:
                seen.add(s.location)
                related.append(Related(s.location, s.snippet))
    base = HUNDRED if unit == "%" else abs(claim.quantity.value or Decimal(1)) or Decimal(1)
    return Finding(
        location=claim.location,
        **RECOMPUTED.format(name=claim.name, where=_WHERE[claim.source], text=claim.text, marks=Both(marks_zh, marks_en),
                            computed=computed, expression=first.expression(), more=Both(more_zh, more_en)),
        evidence=Evidence(expression=first.expression(), stated=claim.text, computed=computed,
                          difference=fmt(_difference(claim.quantity, [first.value]), 2),  # of the reading shown
                          tolerance=fmt(claim.quantity.approx.half + first.value.half, 4) if claim.quantity.comparator is None
                          else "0",
                          operands=(("公式", first.formula.text),
                                    *((f"{n}: {s.what}", s.shown) for n, s in first.inputs))),
        snippet=claim.snippet or (row_snippet(claim.row) if claim.row is not None else ""),
        related=related,
        confidence=0.85 if any(r.uses_text for r in rs) else 0.95,
        materiality=materiality(float(diff), float(base)),
        key=("claim", claim.name, claim.text),
    )


def _stated_finding(claim: Claim, got: list[tuple[Stated, Approx]]) -> Finding:
    # the sentence naming it most closely first; the others are only in ``related``
    got = sorted(got, key=lambda g: len(matching_name(g[0].subject)))
    s, value = got[0]
    marks_zh, marks_en = _full_marks(claim.row)
    diff = _difference(claim.quantity, [v for _, v in got])
    base = HUNDRED if claim.quantity.is_percent else abs(claim.quantity.value or Decimal(1)) or Decimal(1)
    return Finding(
        location=claim.location,
        **STATED.format(name=claim.name, where=_WHERE[claim.source], text=claim.text, marks=Both(marks_zh, marks_en),
                        shown=s.shown),
        evidence=Evidence(expression=f"{claim.text} vs {s.shown}", stated=claim.text, computed=s.quantity.text.strip(),
                          difference=fmt(diff), tolerance="0",
                          operands=tuple((x.subject, x.quantity.text.strip()) for x, _ in got[:4])),
        snippet=claim.snippet or (row_snippet(claim.row) if claim.row is not None else ""),
        related=[Related(x.location, x.sentence.strip()[:80]) for x, _ in got[:4]],
        confidence=0.85,
        materiality=materiality(float(diff), float(base)),
        key=("claim", claim.name, claim.text),
    )
