"""AL305: a count measured in money, and an amount whose unit is clearly wrong beside the
figures printed with it or beside the same digits printed elsewhere in 万元."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import cell_text, report_indicator_rows, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.kb.knowledge import knowledge_base
from auditlint.extract.passages import Sentence
from auditlint.extract.units import KEY as UNIT_SLIPS
from auditlint.extract.units import Amount, SentenceUnits, Twin, UnitSlip
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity
from auditlint.numbers import fmt

COUNT_IN_MONEY = Message(
    zh="“{name}”是计数指标，{role}“{stated}”却用了金额单位{unit}",
    en="“{name}” is a count, yet its {role} “{stated}” is in money ({unit})",
)
TOTAL_BELOW_PART = Message(
    zh="“{phrase}”按元计小于其分项“{other}”，单位应为{unit}",
    en="“{phrase}” in 元 is smaller than its part “{other}”: the unit should be {unit}",
)
PARTS_ADD_UP_IN_ITS_UNIT = Message(
    zh="分项“{phrase}”按{unit}计，各分项之和才等于总数“{other}”，单位应为{unit}",
    en="only with the part “{phrase}” in {unit} do the parts add up to the total “{other}”: the unit should be {unit}",
)
BESIDE_LIKE_AMOUNT = Message(
    zh="“{phrase}”与同句“{other}”同为{word}，按元计仅为其 {ratio} 分之一，单位应为{unit}",
    en="“{phrase}” is a {word} like “{other}” in the same sentence, yet in 元 it is 1/{ratio} of it: the unit should be {unit}",
)
SAME_DIGITS_ELSEWHERE = Message(
    zh="“{phrase}”与{where}的“{other}”数字相同而单位不同：同一金额，单位应为{unit}",
    en="“{phrase}” has the same digits as “{other}” on {where}, in another unit: the same amount should be in {unit}",
)
# why a slip is one (extract.units.UnitSlip.why) → its message, severity and confidence
SLIPS = {
    "parts": (TOTAL_BELOW_PART, Severity.ERROR, 0.9),
    "part": (PARTS_ADD_UP_IN_ITS_UNIT, Severity.ERROR, 0.9),
    "parallel": (BESIDE_LIKE_AMOUNT, Severity.WARNING, 0.8),
}


@check("AL305", "unit-error", severity="error", zh="单位错误（计数用了金额单位，或金额单位与同类数字明显不符）", en="A wrong unit (a count in money, or an amount in the wrong unit)",
       messages=(COUNT_IN_MONEY, TOTAL_BELOW_PART, PARTS_ADD_UP_IN_ITS_UNIT, BESIDE_LIKE_AMOUNT, SAME_DIGITS_ELSEWHERE))
def unit_error(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    两类单位错误：一是计数类指标（来电量、人数、次数、数量……，见知识库 data/indicators.yaml）的目标值或
    完成值用了金额单位（元、万元、亿元）；二是叙述中的金额单位明显写错：以“元”计的金额比同一句中同类金额
    （同样是“……支出”“……收入”）小一万倍以上，而把它换成同类金额的单位（万元、亿元）恰好与之相当，或者
    一个合计数按“元”计反而小于括号里以万元计的分项（括号里只是把合计数换算成万元、亿元并四舍五入的，
    如“8,717,570.85元（约871.8万元）”，按打印精度与合计数相符，是同一金额，不是分项）；或者以“元”计、精确到分的金额，与报告别处（正文或表格）
    同一名称下以万元、亿元计的金额数字完全相同（“追缴医保基金2,735.48元”，而评分表“追缴违规基金”完成值为
    2735.48万元）。人均、次均、标准、单价之类本来就小的金额不在此列。
    错误示例：来电量 目标值“＝100万元”；“大病基金支出13.45元，……救助基金支出1.29亿元”。
    正确示例：来电量 目标值“＝100万次”；“大病基金支出13.45亿元”。

    en:
    Two kinds of unit error. A count (calls, people, times, number of items …; see the
    knowledge base data/indicators.yaml) whose target or completion is in money (元, 万元,
    亿元). And an amount in the narrative whose unit is clearly wrong: in 元 it is more
    than ten thousand times smaller than a like amount in the same sentence (another
    "…支出" or "…收入") while in that amount's unit (万元, 亿元) it would sit right beside
    it, or a total in 元 is smaller than a part in brackets printed in 万元 (a bracket that
    restates the total in 万元 or 亿元, "8,717,570.85元（约871.8万元）", is the same amount
    rounded, whichever way it rounds, and is no part), or an amount
    in 元 to the cent has exactly the digits of an amount in 万元 or 亿元 printed under
    the same name elsewhere in the report ("追缴医保基金2,735.48元" while the scoring
    table's 追缴违规基金 completion is 2735.48万元). Per-head, per-visit, standard and unit
    amounts are small by nature and are not checked.
    Bad: 来电量 target "=100万元"; "大病基金支出13.45元，……救助基金支出1.29亿元".
    Good: 来电量 target "=100万次"; "大病基金支出13.45亿元".
    """
    kb = knowledge_base()
    for _key, row in report_indicator_rows(facts):
        if not kb.is_count(row.name):
            continue
        role = next((r for r in ("target", "actual") if getattr(row, r) is not None and getattr(row, r).is_money), None)
        if role is None or role not in row.cells:
            continue
        cell = row.cells[role]
        q = getattr(row, role)
        shown = cell.text.strip()
        yield Finding(
            location=cell.location,
            **COUNT_IN_MONEY.format(name=row.name, role=Both("目标值" if role == "target" else "完成值", role), stated=shown, unit=q.unit),
            evidence=Evidence(expression=f"unit of {row.name}", stated=shown, computed=_count_unit(row.name, q.unit or ""),
                              expression_zh=f"{row.name}的单位"),
            snippet=row_snippet(row),
            related=[Related(row.cells[r].location, cell_text(row, r)) for r in ("target", "actual") if r in row.cells and r != role],
            confidence=0.9,
            materiality=0.4,
            key=("count-in-money", row.name, shown),
        )
    seen: dict[str, int] = defaultdict(int)
    found: list[SentenceUnits] = facts.extra.get(UNIT_SLIPS) or []
    for units in found:
        for slip in units.slips:
            yield _slip_finding(units.sentence, slip, seen)
        for twin in units.twins:
            yield _twin_finding(units.sentence, twin, seen)


def _count_unit(name: str, money_unit: str) -> str:
    """The unit a count should be in: 人次, 人 or 次, with the money unit's 万 or 亿."""
    prefix = "亿" if money_unit.startswith("亿") else "万" if money_unit.startswith("万") else ""
    base = "人次" if "人次" in name else "人" if "人数" in name else "次"
    return prefix + base


def _lead(a: Amount) -> str:
    """The words before an amount, for messages: "大病基金支出"."""
    return re.sub(r"^[\d.]*年?度?", "", a.clause[-10:]).strip()


def _slip_finding(sentence: Sentence, slip: UnitSlip, seen: dict[str, int]) -> Finding:
    a = slip.amount
    q = a.match.quantity
    shown = sentence.text[a.match.start : a.match.end]
    phrase = _lead(a) + shown
    other = slip.others[0]
    other_shown = sentence.text[other.match.start : other.match.end]
    seen[phrase] += 1
    message, severity, confidence = SLIPS[slip.why]
    return Finding(
        location=sentence.location_at(a.match.start),
        **message.format(phrase=phrase, other=_lead(other) + other_shown, unit=slip.unit, word=a.word,
                         ratio=fmt(other.base / a.base, 0) if slip.why == "parallel" else ""),
        evidence=Evidence(expression=f"{fmt(q.value or Decimal(0))} 元 vs {other_shown}", stated=shown, computed=slip.unit,
                          operands=tuple((_lead(b), sentence.text[b.match.start : b.match.end]) for b in slip.others[:4])),
        snippet=sentence.text.strip()[:120],
        related=[Related(sentence.location_at(b.match.start), sentence.text[b.match.start : b.match.end]) for b in slip.others[:3]],
        confidence=confidence,
        materiality=0.6,
        key=("unit", phrase, str(seen[phrase])),
        severity=severity,
    )


def _twin_finding(sentence: Sentence, found: Twin, seen: dict[str, int]) -> Finding:
    a, twin = found.amount, found.other
    q = a.match.quantity
    shown = sentence.text[a.match.start : a.match.end]
    phrase = _lead(a) + shown
    seen[phrase] += 1
    loc = twin.location
    where_zh = f"第 {loc.line} 行" if loc.line else f"表 {loc.table} " if loc.table else "报告另一处"
    where_en = f"line {loc.line}" if loc.line else f"table {loc.table}" if loc.table else "elsewhere in the report"
    other = f"{twin.label} {twin.shown}".strip()
    return Finding(
        location=sentence.location_at(a.match.start),
        **SAME_DIGITS_ELSEWHERE.format(phrase=phrase, where=Both(where_zh, where_en), other=other, unit=twin.quantity.unit or "万元"),
        evidence=Evidence(expression=f"{fmt(q.value or Decimal(0), q.decimals)} 元 vs {twin.shown}", stated=shown,
                          computed=twin.quantity.unit or "万元", operands=((_lead(a), shown), (twin.label, twin.shown))),
        snippet=sentence.text.strip()[:120],
        related=[Related(twin.location, other)],
        confidence=0.8,
        materiality=0.6,
        key=("unit-twin", phrase, str(seen[phrase])),
        severity=Severity.WARNING,
    )
