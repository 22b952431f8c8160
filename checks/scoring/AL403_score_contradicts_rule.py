"""AL403: a score the printed rule contradicts for the stated actual (read from the
完成情况 column, or from the text: ``extract/stated_results.py``), or full marks on an
actual that misses its target."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import points, points_materiality, table_key

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.rule_reach import (
    conditions,
    explained_by_mismatch,
    missed,
    over_weight,
    precision,
    target_reading,
)
from auditlint.extract.score_totals import scored
from auditlint.extract.scoring import Indicator, ScoringTable
from auditlint.extract.scoring.rules import Unparsed, readings_in
from auditlint.extract.stated_results import stated_in_text
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity
from auditlint.numbers import fmt

RULE = Message(zh="{name}：按评分标准，{where}完成情况“{actual}”应得 {got} 分，但得分为 {score}",
               en="{name}: by the rule, the actual {where}\"{actual}\" earns {got}, but the score is {score}")
TARGET = Message(zh="{name}：完成值 {actual} 未达到目标值 {target}，却得满分 {score}{rule}",
                 en="{name}: the actual {actual} misses the target {target}, yet it scored full marks ({score}){rule}")
_IN_TEXT = Both("正文所述", "stated in the text, ")


@check("AL403", "score-contradicts-rule", severity="error", zh="得分与评分标准对所述完成情况给出的分数不符",
       en="The score contradicts what the rule gives for the stated actual",
       messages=(RULE, TARGET,))
def score_contradicts_rule(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    按表中印出的评分标准，用“完成情况”中读得出的数值重新计分：分档规则看完成值落在哪一档，
    条件规则看是否达到条件，按比例规则为 比例 × 权重，扣分规则按超出或不足的幅度扣分。
    重新计出的分数与得分不符即报告。此外，完成值与目标值可比（同一计量单位，且由目标值的
    比较符或评分标准的单向条件可知“越高越好”或“越低越好”）而未达到目标，却得了满分，也报告
    （规则的门槛低于目标值时正是如此）。评分标准与权重不符造成的差异只报 AL402，得分超过权重只报 AL401。没有评分标准、
    完成情况读不出数值、或规则无法解析时，不作判断。评分表没有“完成情况”栏时，完成值取自正文：紧跟指标名称
    （或在完整提到指标名称的同一句中紧跟其简称，如“满意度88.7%”）的带单位数值；目标、计划、上年的数值不算，
    同一句中另有同单位数值（另一口径）或正文前后所述不一时，不作判断。得分的舍入以表中得分的小数位数为准。
    错误示例：经办服务满意度 权重 4，规则“满意度结果比例×指标权重分”，完成情况“超过90%”，得分 3（应大于 3.6）。
    正确示例：完成情况 88.5%，规则“不低于70%，得3分”，权重 3，得分 3。

    en:
    The rule printed in the table is applied again to the number read from the stated actual:
    the band the actual falls in, whether a condition is met, proportion × weight, or the
    deduction for how far the actual is over or under. A score that differs is reported. So is
    full marks for an actual that misses its target, when target and actual are in the same
    unit and the target's comparator or the rule's one-sided conditions say which way is better
    (a rule whose threshold is below the target does exactly this). A difference caused by a
    rule whose best is not the weight is AL402 only, a score above the weight AL401 only. Rows
    without a printed rule, actuals without a readable number and rules that cannot be parsed
    are left alone. When the table has no 完成情况 column, the actual is the figure the text
    prints right after the indicator's name (or after its short form in a sentence naming it
    in full: "满意度88.7%"); a target's, a plan's or last year's figure is not, and a sentence
    with a second figure in that unit (another basis), or a text stating two results, is left
    alone. Scores are taken as rounded to the decimals the table's scores use.
    Bad: weight 4, rule 满意度结果比例×指标权重分, actual "超过90%", score 3 (it should be above 3.6).
    Good: actual 88.5%, rule "不低于70%，得3分", weight 3, score 3.
    """
    for st in facts.scoring:
        for ind in scored(st):
            if ind.rule is None or isinstance(ind.rule, Unparsed) or ind.score is None or ind.weight is None:
                continue
            if over_weight(ind):
                continue  # AL401
            finding = _rule_finding(st, ind, facts) or _target_finding(st, ind)
            if finding is not None:
                yield finding


def _rule_finding(st: ScoringTable, ind: Indicator, facts: Facts) -> Finding | None:
    assert ind.rule is not None and ind.score is not None and ind.weight is not None
    readings = ind.actual_readings
    actual, actual_at = ind.actual.strip(), None
    if not readings and not st.has("actual"):
        stated = stated_in_text(facts, ind)
        if stated is not None:
            actual, actual_at = stated
            readings = readings_in(actual)
    if not readings:
        return None
    award = ind.rule.award(readings, ind.weight.value, target_reading(ind))
    if award is None or award.allows(ind.score.value, precision(st, ind)) or explained_by_mismatch(ind, award):  # type: ignore[arg-type]
        return None
    got = award.show()
    places = Decimal(1).scaleb(-precision(st, ind))
    if (not award.exact and not award.lo_open and award.hi - award.lo < places
            and award.lo.quantize(places) == award.hi.quantize(places)):
        got = fmt(award.lo.quantize(places))  # 9.7565–9.7575 is 9.76 at the table's precision
    diff = abs((ind.score.value or Decimal(0)) - (award.lo if award.exact else (award.lo + award.hi) / 2))
    related = [Related(loc, ind.rule_text[:80]) for loc in [ind.rule_location(0)] if loc is not None]
    if actual_at is not None:
        related.append(Related(actual_at, f"{ind.name}{actual}"))
    return Finding(
        location=ind.cells["score"].location,
        **RULE.format(name=ind.name, where=_IN_TEXT if actual_at is not None else Both("", ""), actual=actual[:40], got=got,
                      score=points(ind.score)),
        evidence=Evidence(award.how, points(ind.score), got, fmt(diff), "0" if award.exact else "the rounding of the actual",
                          (("完成情况", actual[:60]), ("权重", points(ind.weight))), expression_zh=award.how_in_zh),
        snippet=ind.snippet,
        related=related,
        confidence=0.9,
        materiality=points_materiality(diff),
        key=table_key(st, *ind.path, "rule-score"),
    )


def _target_finding(st: ScoringTable, ind: Indicator) -> Finding | None:
    assert ind.score is not None and ind.weight is not None
    if ind.score.value != ind.weight.value:
        return None
    miss = missed(ind)
    if miss is None:
        return None
    t, a = miss
    bounds = [c for c in conditions(ind.rule) if c.unit == t.unit] if ind.rule is not None else []
    rule = Both("", "")
    if len(bounds) == 1 and bounds[0].kind in ("lower", "upper"):
        rule = Both(f"（评分标准以 {bounds[0].show()} 为界，与目标值不一致）", f" (the rule's bound {bounds[0].show()} is not the target)")
    return Finding(
        location=ind.cells["score"].location,
        **TARGET.format(name=ind.name, actual=a.show(), target=t.show(), score=points(ind.score), rule=rule),
        evidence=Evidence(f"actual {a.show()} vs target {t.show()}", points(ind.score), f"misses target {t.show()}", "", "",
                          (("目标值", ind.target.strip()), ("完成情况", ind.actual.strip()[:60])),
                          expression_zh=f"完成值 {a.show()} 对比目标值 {t.show()}", computed_zh="未达到目标"),
        snippet=ind.snippet,
        related=[Related(ind.cells[r].location, ind.cells[r].text.strip()[:80]) for r in ("target", "actual", "rule")
                 if r in ind.cells],
        confidence=0.8,
        materiality=0.3,
        key=table_key(st, *ind.path, "full-marks-missed-target"),
        severity=Severity.WARNING,
    )
