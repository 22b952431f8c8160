"""Scoring tables: weights, scores, rules, totals and grades (AL104, AL401–AL410).

One finding per cause. A score above its weight is AL401 only, even when the rule
promised those points. A rule whose best points differ from the weight is AL402;
the score that follows from that mismatch (full weight although the rule gives less,
or the weight although the rule gives more) is not reported again as AL403. AL403 is
a score the rule contradicts for the stated actual, or full marks while the actual
misses its target; it needs a printed rule. A table total that disagrees with its
rows is AL406/AL407 at the total; the narrative total is compared with the table's
printed total (or, when none is printed, with the sum), so one wrong score gives one
finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.score_statements import GradeClaim, GradeScale, HundredPoint, IndicatorScore, TotalScore
from auditlint.extract.scoring import Indicator, ScoringTable, cell_location, points_of, squash, vocabulary
from auditlint.extract.scoring_rules import Award, Reading, Rule, Unparsed, band_breaks, readings_in
from auditlint.extract.tables import split_serial
from auditlint.findings import Evidence, Finding, Related, Severity
from auditlint.model import Cell, Location, Paragraph
from auditlint.numbers import PLACEHOLDERS, Approx, Quantity, asum, compare, find_quantities, fmt, normalize
from auditlint.rank import materiality

POINTS_BASE = 100.0  # scores are material relative to 100 points


def _p(q: Quantity | None) -> str:
    return fmt(q.value) if q is not None and q.value is not None else ""


def _key(st: ScoringTable, *parts: str) -> tuple[str, ...]:
    return (str(st.table.index), *parts)


def _mat(diff: Decimal | float) -> float:
    return materiality(float(diff), POINTS_BASE)


def _scored(st: ScoringTable) -> list[Indicator]:
    return [i for i in st.indicators if not i.unweighted]


# ---------------------------------------------------------------------------
# AL104


@check("AL104", "group-header-weight-mismatch", severity="error",
       zh="分组指标标注的分值不等于其下各指标权重之和", en="A group header's weight ≠ the sum of the weights under it")
def group_header_weight_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表的一级或二级指标常在名称中标注分值，如“决策（15分）”“预算执行（16分）”，或在其右侧的“分值”栏中列出；
    它应等于其下所有指标权重之和。只要其下有一行权重缺失或无法读出，就不作比较。
    错误示例：过程（31分），其下各指标权重之和为 32。
    正确示例：过程（39分），其下 预算执行16 + 预算管理12 + 资产管理3 + 项目管理2 + 人员管理3 + 机构建设3 = 39。

    en:
    Scoring tables often print a group's weight in its name, as in 决策（15分） or 预算执行（16分）,
    or in a 分值 column right beside it; it must equal the sum of the weights of the indicators under it. When a weight under the
    group is missing or unreadable, the group is not compared.
    Bad: 过程（31分） while its indicators' weights add up to 32.
    Good: 过程（39分） over 16 + 12 + 3 + 2 + 3 + 3 = 39.
    """
    for st in facts.scoring:
        if not st.complete:
            continue
        for g in st.groups:
            if g.weight is None or g.weight.value is None or not g.members or g.uncertain:
                continue
            members = [st.indicators[m] for m in g.members if not st.indicators[m].unweighted]
            parts = [points_of(i.weight) for i in members]
            if not members or any(p is None for p in parts):
                continue
            stated = points_of(g.weight)
            computed = asum(p for p in parts if p is not None)
            if stated is None or compare(stated, computed).level != "error":
                continue
            n = len(members)
            got = fmt(computed.mid)
            text = normalize(g.cell.text)
            where = (g.weight_cell.location if g.weight_cell is not None
                     else cell_location(g.cell, max(0, text.rfind(g.weight.text.strip()) if g.weight.text else 0)))
            yield Finding(
                location=where,
                message_zh=f"{g.name}标注 {_p(g.weight)} 分，但其下 {n} 项指标的权重之和为 {got}",
                message_en=f"{g.name} is marked {_points_en(g.weight.value)}, but the weights of its {n} indicators add up to {got}",
                evidence=Evidence(" + ".join(_p(i.weight) for i in members), _p(g.weight), got,
                                  fmt(abs(stated.mid - computed.mid)), "0",
                                  tuple((i.name, _p(i.weight)) for i in members)),
                snippet=g.cell.text.strip(),
                related=[Related(i.weight_location() or i.cells["name"].location, i.name) for i in members][:5],
                confidence=0.95,
                materiality=_mat(stated.mid - computed.mid),
                key=_key(st, g.name, "group-weight"),
            )


# ---------------------------------------------------------------------------
# AL401


def _over(ind: Indicator) -> bool:
    s, w = points_of(ind.score), points_of(ind.weight)
    return s is not None and w is not None and s.lo > w.hi


@check("AL401", "score-above-weight", severity="error", zh="得分超过该指标的权重（分值）",
       en="A score above the indicator's weight")
def score_above_weight(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    一项指标的得分不能超过它的权重（分值）：权重就是这一项的满分。
    错误示例：重点医疗救助对象救助比例 权重 3，自评得分 4（评分标准写“得4分”）。
    正确示例：权重 3，得分 3；评分标准也应写“得3分”。

    en:
    An indicator's score cannot exceed its weight: the weight is the indicator's full marks.
    Bad: weight 3, self-assessed score 4 (the rule says 得4分).
    Good: weight 3, score 3, and the rule says 得3分.
    """
    for st in facts.scoring:
        for ind in _scored(st):
            if not _over(ind):
                continue
            assert ind.score is not None and ind.weight is not None
            diff = ind.score.value - ind.weight.value  # type: ignore[operator]
            rule_max = _rule_max(ind)
            why_zh = f"（评分标准最高给 {fmt(rule_max)} 分，与权重不符）" if rule_max is not None and rule_max == ind.score.value else ""
            why_en = f" (the rule gives up to {fmt(rule_max)}, which is not the weight)" if why_zh else ""
            cell = ind.cells["score"]
            yield Finding(
                location=cell.location,
                message_zh=f"{ind.name}：得分 {_p(ind.score)} 超过权重 {_p(ind.weight)}{why_zh}",
                message_en=f"{ind.name}: score {_p(ind.score)} exceeds its weight {_p(ind.weight)}{why_en}",
                evidence=Evidence("score ≤ weight", _p(ind.score), f"≤ {_p(ind.weight)}",
                                  fmt(diff), "0", (("权重", _p(ind.weight)), ("得分", _p(ind.score))),
                                  expression_zh="得分 ≤ 权重"),
                snippet=ind.snippet,
                related=[Related(loc, "权重") for loc in [ind.weight_location()] if loc is not None],
                confidence=0.97,
                materiality=_mat(diff),
                key=_key(st, *ind.path, "score>weight"),
            )


# ---------------------------------------------------------------------------
# AL402


def _rule_max(ind: Indicator) -> Decimal | None:
    if ind.rule is None or isinstance(ind.rule, Unparsed) or ind.weight is None:
        return None
    return ind.rule.max_points(ind.weight.value)


def _max_mismatch(ind: Indicator) -> Decimal | None:
    """The rule's maximum when no fair reading of the rule reaches the weight, else None."""
    m = _rule_max(ind)
    if m is None or ind.weight is None or ind.rule is None or ind.weight.value in ind.rule.maxima(ind.weight.value):
        return None
    return m


def _al402_reported(ind: Indicator) -> bool:
    m = _max_mismatch(ind)
    if m is None:
        return False
    # the score the rule over-promised is AL401's finding, with the rule named there
    return not (_over(ind) and ind.score is not None and ind.score.value == m)


@check("AL402", "rule-max-not-weight", severity="warning", zh="评分标准的最高分不等于该指标的权重",
       en="The scoring rule's maximum points ≠ the indicator's weight")
def rule_max_not_weight(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分标准（评分规则）能给出的最高分应等于该指标的权重。分项累加的规则取各项之和
    （“共2项……得0.5分……得0.5分”最高 1 分），分档和条件规则取最高一档，按比例、
    “得满分”和扣分制的规则最高即为权重。规则给不到权重而指标却得了满分，说明得分没有
    依据，报为错误；规则给不到权重但得分也没有超过规则的，报为警告；规则许诺的分数
    超过权重，同样报告。无法解析的规则不作判断；未编号的几条文字条件分值不同时，既可能是
    分档也可能是分项累加，只要其中一种读法等于权重就不报告。
    错误示例：预算管理制度健全性 权重 2，评分标准“已制订预算管理办法，得1分；未制定，得0分”，得分 2。
    正确示例：权重 2，评分标准“已制订预算管理办法，得2分；未制定，得0分”，得分 2。

    en:
    The most a scoring rule can give must equal the indicator's weight. Additive rules give
    the sum of their items ("共2项……得0.5分……得0.5分" gives at most 1), banded and
    conditional rules their best band, proportional, 得满分 and deduction rules the weight
    itself. A rule that cannot reach the weight on an indicator scored in full is an error
    (the score has no basis); one that cannot reach it on a lower score is a warning; a
    rule that promises more than the weight is reported too. Rules that cannot be parsed
    are left alone, and unnumbered worded conditions with different points, which may be
    levels or separate criteria, are reported only when neither reading reaches the weight.
    Bad: weight 2, rule "已制订预算管理办法，得1分；未制定，得0分", score 2.
    Good: weight 2, rule "已制订预算管理办法，得2分；未制定，得0分", score 2.
    """
    for st in facts.scoring:
        for ind in _scored(st):
            if not _al402_reported(ind):
                continue
            m = _max_mismatch(ind)
            assert m is not None and ind.weight is not None and ind.rule is not None
            w = ind.weight.value
            assert w is not None
            unearned = m < w and ind.score is not None and ind.score.value is not None and ind.score.value > m
            if m < w:
                tail_zh = f"，得分 {_p(ind.score)} 超出规则可得的分数" if unearned else ""
                tail_en = f"; the score {_p(ind.score)} is more than the rule can give" if unearned else ""
                msg_zh = f"{ind.name}：评分标准最高只能得 {fmt(m)} 分，但权重为 {fmt(w)}{tail_zh}"
                msg_en = f"{ind.name}: the rule gives at most {_points_en(m)}, but the weight is {fmt(w)}{tail_en}"
            else:
                msg_zh = f"{ind.name}：评分标准最高可得 {fmt(m)} 分，超过权重 {fmt(w)}"
                msg_en = f"{ind.name}: the rule gives up to {_points_en(m)}, more than the weight {fmt(w)}"
            finding = _about_rule(st, ind, ind.rule.at, msg_zh, msg_en,
                                  Evidence(_rule_expression(ind.rule, m), fmt(m), fmt(w), fmt(abs(m - w)), "0",
                                           (("评分标准最高分", fmt(m)), ("权重", fmt(w)), ("得分", _p(ind.score))),
                                           expression_zh=_rule_expression(ind.rule, m, "zh")),
                                  0.9 if unearned else 0.8, _mat(abs(m - w)), "rule-max")
            finding.related = [Related(loc, f"权重 {fmt(w)}") for loc in [ind.weight_location()] if loc is not None]
            finding.severity = Severity.ERROR if unearned else None
            yield finding


def _about_rule(st: ScoringTable, ind: Indicator, at: int, zh: str, en: str, evidence: Evidence, confidence: float,
                mat: float, *key: str) -> Finding:
    """A finding about a rule, at the line of the rule's text it is about."""
    return Finding(
        location=ind.rule_location(at) or ind.cells["rule"].location,
        message_zh=zh,
        message_en=en,
        evidence=evidence,
        snippet=ind.rule_text[:160],
        confidence=confidence,
        materiality=mat,
        key=_key(st, *ind.path, *key),
    )


def _rule_expression(rule: Rule, m: Decimal, lang: str = "en") -> str:
    """"weight (rule max 0.5 + 0.5 = 1)": the weight, with how the rule's best was found."""
    from auditlint.extract.scoring_rules import Additive

    how = fmt(m)
    if isinstance(rule, Additive):
        parts = [it.max_points(None) for it in rule.items]
        if all(p is not None for p in parts):
            how = " + ".join(fmt(p) for p in parts if p is not None) + f" = {fmt(m)}"
    return f"权重（评分标准最高 {how}）" if lang == "zh" else f"weight (rule max {how})"


def _points_en(x: Decimal) -> str:
    return f"{fmt(x)} point" + ("" if x == 1 else "s")


# ---------------------------------------------------------------------------
# AL403


def _target_reading(ind: Indicator, unit: str | None = None) -> Reading | None:
    rs = [r for r in ind.target_readings if unit is None or r.unit == unit]
    return rs[0] if len(rs) == 1 else None


def _explained_by_mismatch(ind: Indicator, award: Award) -> bool:
    """The score differs from the rule only because the rule's best is not the weight."""
    m = _max_mismatch(ind)
    if m is None or ind.score is None or ind.weight is None:
        return False
    return award.lo == m and ind.score.value in (ind.weight.value, m)


def _direction(ind: Indicator, target: Reading) -> str | None:
    """"up" when more is better, "down" when less is: from the target's own comparator,
    else from the rule's one-sided conditions on the same measure."""
    if target.lo is not None and target.hi is None:
        return "up"
    if target.hi is not None and target.lo is None:
        return "down"
    if ind.rule is None:
        return None
    kinds = {c.kind for c in _conditions(ind.rule) if c.unit == target.unit}
    if kinds == {"lower"}:
        return "up"
    if kinds == {"upper"}:
        return "down"
    return None


def _conditions(rule: Rule) -> list:
    from auditlint.extract.scoring_rules import Additive, Bands, Deduction, Proportional, Threshold

    if isinstance(rule, Additive):
        return [c for it in rule.items for c in _conditions(it)]
    if isinstance(rule, Threshold):
        return [rule.cond]
    if isinstance(rule, Bands):
        return [b.cond for b in rule.items]
    if isinstance(rule, Proportional | Deduction):
        return [rule.full_at] if rule.full_at is not None else []
    return []


def _missed(ind: Indicator) -> tuple[Reading, Reading] | None:
    """(target, actual) for a target the stated actual clearly misses."""
    actuals = ind.actual_readings
    for t in ind.target_readings:
        same = [a for a in actuals if a.unit == t.unit]
        if len(same) != 1:
            continue
        a = same[0]
        way = _direction(ind, t)
        if way == "up" and t.lo is not None and a.hi is not None:
            if a.hi < t.lo or (a.hi == t.lo and (not a.hi_incl or not t.lo_incl)):
                return t, a
        if way == "down" and t.hi is not None and a.lo is not None:
            if a.lo > t.hi or (a.lo == t.hi and (not a.lo_incl or not t.hi_incl)):
                return t, a
    return None


@check("AL403", "score-contradicts-rule", severity="error", zh="得分与评分标准对所述完成情况给出的分数不符",
       en="The score contradicts what the rule gives for the stated actual")
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
        for ind in _scored(st):
            if ind.rule is None or isinstance(ind.rule, Unparsed) or ind.score is None or ind.weight is None:
                continue
            if _over(ind):
                continue  # AL401
            finding = _rule_finding(st, ind, facts) or _target_finding(st, ind)
            if finding is not None:
                yield finding


_CONNECT = re.compile(r"\s*(?:为|是|达|：|:)?\s*")
_NOT_RESULT = ("目标", "计划", "预期", "年初", "上年", "去年", "上一年", "同期", "标准")  # a figure after these is not the year's result
_CLAUSE_START = "，,；;。、（(：: \t"


def _stated_in_text(facts: Facts, ind: Indicator) -> tuple[str, Location] | None:
    """The indicator's result as the report's text states it, for a scoring table that prints
    no 完成情况 column: a figure with a unit printed right after the indicator's name
    ("预算执行率97.57%"), or after the tail of its name in a sentence that names it in full
    ("居民满意度调查有效样本1,040份，满意度88.7%"). Figures of a target, a plan or an earlier
    year are not results, nor is a figure in a sentence that prints another in its unit (a
    second basis: "按剔除…后的口径计算为2.24%"). None unless the text states exactly one
    result for the indicator."""
    name = squash(split_serial(normalize(ind.name))[1])
    if len(name) < 4:
        return None  # 执行率, 满意度: too generic to find in the text
    tails = [name[i:] for i in range(1, len(name) - 2)]
    found: dict[tuple[Decimal | None, str | None], tuple[str, Location]] = {}
    for block in facts.document.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = normalize(block.text)
        start = 0
        for piece in re.split(r"(?<=[。；;！？!?\n])", text):
            first = piece.find(name)
            if first >= 0:
                for at, word in _name_places(piece, name, tails, first):
                    got = _figure_after(piece, at + len(word))
                    if got is not None and _only_figure_in_its_unit(piece, got[0]):
                        q, shown = got
                        found.setdefault((q.value, q.unit), (shown, block.location_at(start + at)))
            start += len(piece)
    return next(iter(found.values())) if len(found) == 1 else None


# What may stand before an indicator's full name and leave it the whole body's figure:
# "2023年预算执行率", "部门整体预算执行率"; "项目支出预算执行率" is one part's, not the indicator's.
_WHOLE_BODY = re.compile(r"(?:\d{4}年度?|本年度?|全年|年度|本?部门|本?单位|整体|总体|综合|的)*")


def _name_places(sentence: str, name: str, tails: list[str], first: int) -> Iterator[tuple[int, str]]:
    at = first
    while at >= 0:
        before = re.split(r"[，,；;。：:（(、\s]", sentence[:at])[-1]
        if _WHOLE_BODY.fullmatch(before):
            yield at, name
        at = sentence.find(name, at + len(name))
    for tail in tails:
        at = sentence.find(tail, first + len(name))
        while at >= 0:
            if sentence[at - 1] in _CLAUSE_START and not sentence.startswith(name, at - len(name) + len(tail)):
                yield at, tail
            at = sentence.find(tail, at + len(tail))


def _only_figure_in_its_unit(sentence: str, q: Quantity) -> bool:
    """A second figure in the same unit (another basis, a target, last year's) leaves the
    sentence's result in doubt."""
    return sum(1 for m in find_quantities(sentence) if m.quantity.unit == q.unit) == 1


def _figure_after(sentence: str, end: int) -> tuple[Quantity, str] | None:
    clause = re.split(r"[，,；;：:]", sentence[:end])[-1]
    if any(w in clause for w in _NOT_RESULT):
        return None
    gap = _CONNECT.match(sentence, end)
    at = gap.end() if gap else end
    m = next(iter(find_quantities(sentence[at : at + 24])), None)
    if m is None or m.start != 0 or m.quantity.unit in (None, "年", "月", "日", "号") or m.quantity.comparator:
        return None
    after = sentence[at + m.end : at + m.end + 4]
    if after.startswith(("的目标", "目标", "的预期", "的计划")):
        return None
    return m.quantity, sentence[at : at + m.end]


def _precision(st: ScoringTable, ind: Indicator) -> int:
    """The decimals a score is rounded to: a table keeps its scores to one precision, so a
    whole "10" beside scores of 4.89 and 9.52 is not 9.76 rounded."""
    assert ind.score is not None
    return max([ind.score.decimals, *(i.score.decimals for i in st.indicators if i.score is not None)])


def _rule_finding(st: ScoringTable, ind: Indicator, facts: Facts) -> Finding | None:
    assert ind.rule is not None and ind.score is not None and ind.weight is not None
    readings = ind.actual_readings
    actual, actual_at = ind.actual.strip(), None
    if not readings and not st.has("actual"):
        stated = _stated_in_text(facts, ind)
        if stated is not None:
            actual, actual_at = stated
            readings = readings_in(actual)
    if not readings:
        return None
    award = ind.rule.award(readings, ind.weight.value, _target_reading(ind))
    if award is None or award.allows(ind.score.value, _precision(st, ind)) or _explained_by_mismatch(ind, award):  # type: ignore[arg-type]
        return None
    got = award.show()
    places = Decimal(1).scaleb(-_precision(st, ind))
    if (not award.exact and not award.lo_open and award.hi - award.lo < places
            and award.lo.quantize(places) == award.hi.quantize(places)):
        got = fmt(award.lo.quantize(places))  # 9.7565–9.7575 is 9.76 at the table's precision
    diff = abs((ind.score.value or Decimal(0)) - (award.lo if award.exact else (award.lo + award.hi) / 2))
    cell = ind.cells["score"]
    where_zh = "正文所述" if actual_at is not None else ""
    where_en = "stated in the text, " if actual_at is not None else ""
    related = [Related(loc, ind.rule_text[:80]) for loc in [ind.rule_location(0)] if loc is not None]
    if actual_at is not None:
        related.append(Related(actual_at, f"{ind.name}{actual}"))
    return Finding(
        location=cell.location,
        message_zh=f"{ind.name}：按评分标准，{where_zh}完成情况“{actual[:40]}”应得 {got} 分，但得分为 {_p(ind.score)}",
        message_en=f"{ind.name}: by the rule, the actual {where_en}\"{actual[:40]}\" earns {got}, but the score is {_p(ind.score)}",
        evidence=Evidence(award.how, _p(ind.score), got, fmt(diff), "0" if award.exact else "按完成值的舍入",
                          (("完成情况", actual[:60]), ("权重", _p(ind.weight)))),
        snippet=ind.snippet,
        related=related,
        confidence=0.9,
        materiality=_mat(diff),
        key=_key(st, *ind.path, "rule-score"),
    )


def _target_finding(st: ScoringTable, ind: Indicator) -> Finding | None:
    assert ind.score is not None and ind.weight is not None
    if ind.score.value != ind.weight.value:
        return None
    miss = _missed(ind)
    if miss is None:
        return None
    t, a = miss
    cell = ind.cells["score"]
    bounds = [c for c in _conditions(ind.rule) if c.unit == t.unit] if ind.rule is not None else []
    rule_zh = rule_en = ""
    if len(bounds) == 1 and bounds[0].kind in ("lower", "upper"):
        rule_zh = f"（评分标准以 {bounds[0].show()} 为界，与目标值不一致）"
        rule_en = f" (the rule's bound {bounds[0].show()} is not the target)"
    return Finding(
        location=cell.location,
        message_zh=f"{ind.name}：完成值 {a.show()} 未达到目标值 {t.show()}，却得满分 {_p(ind.score)}{rule_zh}",
        message_en=f"{ind.name}: the actual {a.show()} misses the target {t.show()}, yet it scored full marks ({_p(ind.score)}){rule_en}",
        evidence=Evidence(f"actual {a.show()} vs target {t.show()}", _p(ind.score), f"misses target {t.show()}", "", "",
                          (("目标值", ind.target.strip()), ("完成情况", ind.actual.strip()[:60])),
                          expression_zh=f"完成值 {a.show()} 对比目标值 {t.show()}", computed_zh="未达到目标"),
        snippet=ind.snippet,
        related=[Related(ind.cells[r].location, ind.cells[r].text.strip()[:80]) for r in ("target", "actual", "rule")
                 if r in ind.cells],
        confidence=0.8,
        materiality=0.3,
        key=_key(st, *ind.path, "full-marks-missed-target"),
        severity=Severity.WARNING,
    )


# ---------------------------------------------------------------------------
# AL404, AL405


def _blank(cell: Cell | None) -> bool:
    if cell is None:
        return True
    t = cell.text.strip()
    return not t or t in PLACEHOLDERS


def _missing(facts: Facts, role: str, other: str) -> Iterator[tuple[ScoringTable, Indicator, Cell | None]]:
    """Rows without a ``role`` number that print the ``other`` one (a row with neither is
    a heading or a row not assessed), in tables that fill the column elsewhere."""
    for st in facts.scoring:
        if not st.has(role):
            continue
        rows = [i for i in _scored(st) if not i.guessed]
        filled = [i for i in rows if getattr(i, role) is not None]
        if len(filled) < 3 or len(filled) * 2 < len(rows):
            continue  # a column this sparse is not a column the table promises to fill
        for ind in rows:
            cell = ind.cells.get(role)
            if getattr(ind, role) is None and getattr(ind, other) is not None and _blank(cell):
                yield st, ind, cell


def _missing_finding(st: ScoringTable, ind: Indicator, cell: Cell | None, role: str, zh: str, en: str,
                     mat: float) -> Finding:
    return Finding(
        location=(cell or ind.cells["name"]).location,
        message_zh=f"{ind.name}：{zh}",
        message_en=f"{ind.name}: {en}",
        evidence=Evidence(role, cell.text.strip() if cell else "", f"a {role}",
                          expression_zh={"weight": "权重", "score": "得分"}.get(role, role),
                          computed_zh="应填写" + {"weight": "权重", "score": "得分"}.get(role, role)),
        snippet=ind.snippet,
        confidence=0.85,
        materiality=mat,
        key=_key(st, *ind.path, f"missing-{role}"),
    )


@check("AL404", "missing-weight", severity="warning", zh="指标缺少权重（分值）", en="An indicator has no weight")
def missing_weight(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表有权重（分值）列，其他指标都填了权重，这一行却空着（或只有“—”）：无法知道这项
    指标满分多少，权重合计也无从核对。名称中已注明分值（如“立项依据充分性（2.5分）”）、
    加分项和扣分项不在此列。
    错误示例：预算编制规范性 权重一栏空白，得分 2。
    正确示例：预算编制规范性 权重 2，得分 2。

    en:
    The table has a weight column and the other indicators fill it, but this row's weight is
    blank (or just "—"): its full marks are unknown and the weights cannot be totalled. Rows
    that print their weight in the name (立项依据充分性（2.5分）), bonus and penalty items are
    exempt.
    Bad: 预算编制规范性 with a blank weight and a score of 2.
    Good: 预算编制规范性 weight 2, score 2.
    """
    for st, ind, cell in _missing(facts, "weight", "score"):
        yield _missing_finding(st, ind, cell, "weight", "没有填写权重（分值）", "no weight is printed", 0.2)


@check("AL405", "missing-score", severity="warning", zh="指标缺少得分", en="An indicator has no score")
def missing_score(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表有得分列，其他指标都填了得分，这一行有权重却没有得分（空白或“—”）：总分无法核对，
    也看不出这项指标是否被评价。加分项和扣分项不在此列。
    错误示例：结转结余率 权重 2，自评得分一栏空白。
    正确示例：结转结余率 权重 2，自评得分 2。

    en:
    The table has a score column and the other indicators fill it, but this row has a weight
    and no score (blank or "—"): the total cannot be checked and it is unclear whether the
    indicator was assessed. Bonus and penalty items are exempt.
    Bad: 结转结余率 weight 2, score blank.
    Good: 结转结余率 weight 2, score 2.
    """
    for st, ind, cell in _missing(facts, "score", "weight"):
        w = _p(ind.weight)
        yield _missing_finding(st, ind, cell, "score", f"权重 {w}，但没有填写得分", f"weight {w} but no score is printed",
                               _mat(ind.weight.value or 0) if ind.weight is not None else 0.2)


# ---------------------------------------------------------------------------
# AL406, AL407: totals


def _sum(values: list[Quantity | None]) -> Approx | None:
    parts = [points_of(q) for q in values]
    if not parts or any(p is None for p in parts):
        return None
    return asum(p for p in parts if p is not None)


def _weights(st: ScoringTable) -> Approx | None:
    return _sum([i.weight for i in _scored(st)]) if st.complete else None


def _scores(st: ScoringTable) -> Approx | None:
    return _sum([i.score for i in st.indicators if not (i.unweighted and i.score is None)]) if st.complete else None


def _matches(q: Quantity | None, total: Approx | None) -> bool:
    s = points_of(q)
    return s is not None and total is not None and compare(s, total).level != "error"


def printed_totals(st: ScoringTable) -> tuple[tuple[Quantity, Cell] | None, tuple[Quantity, Cell] | None]:
    """The table's printed (weight total, score total), each with its cell. A lone number
    a reader could not place counts as whichever total it equals; as neither when it
    equals neither (which one is wrong cannot be told)."""
    w = s = None
    for t in st.totals:  # 总分 100 and 得分 98 may stand on rows of their own
        if t.weight is not None and t.weight_cell is not None:
            w = (t.weight, t.weight_cell)
        if t.score is not None and t.score_cell is not None:
            s = (t.score, t.score_cell)
        if t.either is not None and t.either_cell is not None:
            if _matches(t.either, _weights(st)):
                w = (t.either, t.either_cell)
            elif _matches(t.either, _scores(st)):
                s = (t.either, t.either_cell)
    return w, s


def _total_finding(st: ScoringTable, what: str, stated: tuple[Quantity, Cell], computed: Approx,
                   values: list[tuple[str, Quantity | None]], loc: Location | None = None,
                   stated_text: str | None = None, related: list[Related] | None = None) -> Finding:
    q, cell = stated
    got = fmt(computed.mid)
    diff = abs((q.value or Decimal(0)) - computed.mid)
    zh, en = {"weight": ("权重合计", "the weights total"), "score": ("得分合计", "the scores total")}[what]
    shown = stated_text or _p(q)
    return Finding(
        location=loc or cell.location,
        message_zh=f"{zh}印为 {shown}，但 {len(values)} 项指标之和为 {got}（差 {fmt(diff)}）",
        message_en=f"{en} is printed as {shown}, but the {len(values)} indicators add up to {got} (off by {fmt(diff)})",
        evidence=Evidence(" + ".join(_p(v) for _, v in values[:12]) + (" + …" if len(values) > 12 else ""),
                          _p(q), got, fmt(diff), fmt(q.approx.half + computed.half) if q.value is not None else "0",
                          tuple((n, _p(v)) for n, v in values)),
        snippet=st.total.snippet if st.total is not None else cell.text,
        related=related or [],
        confidence=0.95,
        materiality=_mat(diff),
        key=_key(st, what + "-total"),
    )


@check("AL406", "weights-not-total", severity="error", zh="各指标权重之和不等于100（或表中印出的合计）",
       en="The weights don't add up to 100 (or the printed total)")
def weights_not_total(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表各指标的权重（分值）之和应等于合计行印出的权重合计；没有印出合计而报告说明实行
    百分制（满分100分）时，应等于 100。有一行权重缺失时不作比较（见 AL404）。只有一个指标栏的
    评分表中，以分组名开头的行（“决策（20分）”“一、决策”）若其分值、得分都等于其下各行之和，
    是分组小计，不计入各指标之和。
    错误示例：合计行权重 100，各指标权重之和为 101。
    正确示例：各指标权重之和 100，合计行 100。

    en:
    The weights of a scoring table must add up to the weight total printed in its total row;
    when no total is printed and the report says it scores out of 100 (百分制, 满分100分), to
    100. When a weight is missing the table is not compared (see AL404). In a table with one
    indicator column, a row that heads a group (决策（20分）, 一、决策) and whose weight and score
    are the sums of the rows under it is the group's subtotal and is not added in.
    Bad: total row 100, the indicators' weights add up to 101.
    Good: the weights add up to 100 and the total row says 100.
    """
    hundred = [s for s in facts.score_statements if isinstance(s, HundredPoint)]
    for st in facts.scoring:
        computed = _weights(st)
        if computed is None:
            continue
        values = [(i.name, i.weight) for i in _scored(st)]
        w, _ = printed_totals(st)
        if w is not None:
            if not _matches(w[0], computed):
                yield _total_finding(st, "weight", w, computed, values)
            continue
        if st.total is None and hundred and len(facts.scoring) == 1 and compare(Approx.exact(100), computed).level == "error":
            col = st.column("weight")
            header = st.table.cell(st.header_rows - 1, col.index) if col is not None else None
            if header is None:
                continue
            q = Quantity(text="100", value=Decimal(100))
            yield _total_finding(st, "weight", (q, header), computed, values, stated_text="100（百分制）",
                                 related=[Related(h.location, h.snippet) for h in hundred[:1]])


@check("AL407", "scores-not-total", severity="error", zh="各指标得分之和不等于印出的总分（表中或正文）",
       en="The scores don't add up to the stated total score (in the table or the narrative)")
def scores_not_total(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表各指标得分之和应等于合计行印出的总得分；正文中的总得分（“自评得分为98分”）应等于
    表中印出的总得分，表中没有印出时应等于各项得分之和。有一行得分缺失时不与之和比较（见 AL405）。
    一处得分写错时，只在表的合计处报告一次：正文与表中合计一致，就不再重复报告。分组小计行
    （分值、得分都等于其下各行之和的“决策（20分）”“一、决策”）不计入各项得分之和（同 AL406）。
    写明其他年度的得分（2024年度报告中的“2023年度自评得分91分”）不是本年总得分，不作比较：
    句中在得分之前没有写年份，或最后写的是被评价年度（或本年、今年、本次），才视为本年的总得分；
    表示日期的“2025年3月”不算写明年度。不知道被评价年度时，写了年份的句子不作比较。
    错误示例：各项得分之和 97，合计行 98，正文“综合得分98分”（报告合计行）。
    正确示例：各项得分之和 99，表中未印合计，正文“得分为99分”。

    en:
    The scores of a scoring table must add up to the total score printed in its total row; the
    total score in the narrative ("自评得分为98分") must equal the table's printed total, or the
    sum of the scores when the table prints none. With a score missing, the sum is not
    compared (see AL405). One wrong score is reported once, at the table's total: a narrative
    that repeats that total is not reported again. A group's subtotal row (决策（20分）, 一、决策,
    whose weight and score are the sums of the rows under it) is not added in (as in AL406).
    A score stated for another year ("2023年度自评得分91分" in a report on 2024) is not this
    year's total and is not compared: a claim is this year's only when the sentence names no
    year before it, or names last the year evaluated (or 本年/今年/本次); a date ("2025年3月")
    names no period. When the year evaluated is unknown, a sentence naming a year is not compared.
    Bad: the scores add up to 97, the total row says 98 and the narrative says 98 (the total row is reported).
    Good: the scores add up to 99, no total row, the narrative says 99.
    """
    for st in facts.scoring:
        computed = _scores(st)
        _, s = printed_totals(st)
        if s is not None and computed is not None and not _matches(s[0], computed):
            values = [(i.name, i.score) for i in st.indicators if i.score is not None]
            yield _total_finding(st, "score", s, computed, values)
    if len(facts.scoring) != 1:
        return
    st = facts.scoring[0]
    _, s = printed_totals(st)
    reference = points_of(s[0]) if s is not None else _scores(st)
    if reference is None:
        return
    for claim in facts.score_statements:
        if not isinstance(claim, TotalScore):
            continue
        stated = points_of(claim.score.quantity)
        if stated is None or compare(stated, reference).level != "error":
            continue
        got = fmt(reference.mid)
        diff = abs(claim.score.value - reference.mid)
        where_zh = "表中合计" if s is not None else "表中各项得分之和"
        where_en = "the table's total" if s is not None else "the sum of the table's scores"
        yield Finding(
            location=claim.score.location,
            message_zh=f"正文总得分为 {fmt(claim.score.value)}，但{where_zh}为 {got}（差 {fmt(diff)}）",
            message_en=f"The narrative gives a total score of {fmt(claim.score.value)}, but {where_en} is {got} (off by {fmt(diff)})",
            evidence=Evidence("narrative total = table total", fmt(claim.score.value), got, fmt(diff), "0",
                              expression_zh="正文总分 = 表中总分"),
            snippet=claim.snippet,
            related=[Related(s[1].location, "合计")] if s is not None else [],
            confidence=0.95,
            materiality=_mat(diff),
            key=("narrative-total", str(claim.ordinal)),
        )


# ---------------------------------------------------------------------------
# AL408


@check("AL408", "band-gap-or-overlap", severity="warning", zh="评分标准的分档重叠或留有空档",
       en="Scoring bands overlap or leave a gap")
def band_gap_or_overlap(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    分档评分标准的各档应首尾相接：既不重叠（一个完成值落在两档），也不留空档（一个完成值
    不落在任何一档）。按打印的最后一位判断：“80%-89%”与“90%-100%”相接，“80%-90%”与
    “90%-100%”也视为相接；“90%-100%得2.5分；80%-89%得1分；60%以下不得分”在 60% 与 80%
    之间留有空档；“80-100%得4分，50%-79%得2分，60%以下不得分”中 50%–79% 与 60% 以下重叠。
    错误示例：90%-100%得2.5分；80%-89%得1分；60%以下，不得分。
    正确示例：90%-100%得2.5分；80%-89%得1分；80%以下，不得分。

    en:
    The bands of a banded rule must meet end to end: no overlap (an actual in two bands) and no
    gap (an actual in none). Judged at the last printed digit: 80%-89% then 90%-100% meet, and
    so do 80%-90% then 90%-100%. "90%-100%得2.5分；80%-89%得1分；60%以下不得分" leaves 60%–80%
    without points; "80-100%得4分，50%-79%得2分，60%以下不得分" overlaps below 60%.
    Bad: 90%-100%得2.5分；80%-89%得1分；60%以下，不得分.
    Good: 90%-100%得2.5分；80%-89%得1分；80%以下，不得分.
    """
    for st in facts.scoring:
        for ind in st.indicators:
            if ind.rule is None:
                continue
            for bands in ind.rule.bands():
                for br in band_breaks(bands):
                    u = br.unit
                    lo_txt, hi_txt = br.lower.cond.show(), br.upper.cond.show()
                    if br.kind == "gap":
                        zh = f"{ind.name}：评分标准“{lo_txt}”与“{hi_txt}”之间留有空档，{fmt(br.stated)}{u} 至 {fmt(br.expected)}{u} 之间的完成值没有对应分值"
                        en = f"{ind.name}: the rule's bands {lo_txt} and {hi_txt} leave a gap; an actual between {fmt(br.stated)}{u} and {fmt(br.expected)}{u} gets no points"
                    else:
                        zh = f"{ind.name}：评分标准“{lo_txt}”与“{hi_txt}”重叠，同一完成值可落入两档"
                        en = f"{ind.name}: the rule's bands {lo_txt} and {hi_txt} overlap; one actual falls in both"
                    evidence = Evidence(f"{lo_txt} | {hi_txt}", fmt(br.stated), fmt(br.expected),
                                        fmt(abs(br.expected - br.stated)), "one unit of the last printed digit")
                    yield _about_rule(st, ind, br.lower.at, zh, en, evidence, 0.85, 0.2, "bands", br.kind,
                                      fmt(br.stated))


# ---------------------------------------------------------------------------
# AL409


_OPENING = re.compile(r"^(?:关于|对于|其中|[一二三四五六七八九十]是)?$")


def _names_it(lead: str, name: str) -> bool:
    """The lead is the name, give or take a trailing 指标 and an opening word (关于, 一是):
    咨询服务满意度 does not name an indicator called 服务满意度."""
    lead = lead.removesuffix("指标")
    return len(name) >= 2 and lead.endswith(name) and bool(_OPENING.match(lead[: len(lead) - len(name)]))


def _by_name(facts: Facts, lead: str) -> Indicator | None:
    """The one table indicator the narrative names."""
    lead = squash(lead).strip("（）()：:,，")
    if not lead:
        return None
    best: list[Indicator] = []
    best_len = 0
    for st in facts.scoring:
        for ind in st.indicators:
            name = squash(ind.name)
            if not _names_it(lead, name):
                continue
            if len(name) > best_len:
                best, best_len = [ind], len(name)
            elif len(name) == best_len:
                best.append(ind)
    return best[0] if len(best) == 1 else None


@check("AL409", "narrative-score-mismatch", severity="error", zh="正文中某项指标的分值、得分与评分表不符，或前后不一",
       en="A narrative per-indicator weight or score ≠ the table, or ≠ itself")
def narrative_score_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    正文逐项分析指标时写出的分值与得分（“立项依据充分性（分值8分，得分8分）”）应与评分表中
    该指标的权重和得分一致；同一段落随后给出的结论分数（“……根据评分标准得8分”）也应与
    前面写的得分一致。只比较能在表中唯一找到的指标名称。
    错误示例：“（分值5分，得分5分）……根据评分标准得2分。”
    正确示例：“（分值5分，得分5分）……根据评分标准得5分。”，表中该指标权重 5、得分 5。

    en:
    The weight and score a per-indicator paragraph states ("立项依据充分性（分值8分，得分8分）")
    must equal that indicator's weight and score in the scoring table, and the points the
    paragraph concludes with ("……根据评分标准得8分") must equal the score it stated. Only names
    found exactly once in the table are compared.
    Bad: "（分值5分，得分5分）……根据评分标准得2分。"
    Good: "（分值5分，得分5分）……根据评分标准得5分。" with weight 5 and score 5 in the table.
    """
    for claim in facts.score_statements:
        if not isinstance(claim, IndicatorScore):
            continue
        ind = _by_name(facts, claim.lead)
        name = ind.name if ind is not None else claim.lead
        if claim.conclusion is not None and claim.score is not None and claim.conclusion.value != claim.score.value:
            yield _narrative_finding(claim, name, "conclusion", claim.conclusion, claim.score.quantity, "正文前述得分",
                                     "the score stated just before")
        if ind is None:
            continue
        for what, said, table_q, zh, en in (("weight", claim.weight, ind.weight, "表中权重", "the table's weight"),
                                           ("score", claim.score, ind.score, "表中得分", "the table's score")):
            if said is None or table_q is None or table_q.value is None or said.value == table_q.value:
                continue
            yield _narrative_finding(claim, name, what, said, table_q, zh, en)


def _narrative_finding(claim: IndicatorScore, name: str, what: str, said, other: Quantity, zh: str, en: str) -> Finding:
    label_zh = {"weight": "分值", "score": "得分", "conclusion": "结论得分"}[what]
    label_en = {"weight": "weight", "score": "score", "conclusion": "concluding score"}[what]
    diff = abs(said.value - (other.value or Decimal(0)))
    return Finding(
        location=said.location,
        message_zh=f"{name}：正文写{label_zh} {fmt(said.value)} 分，但{zh}为 {_p(other)}",
        message_en=f"{name}: the narrative gives a {label_en} of {fmt(said.value)}, but {en} is {_p(other)}",
        evidence=Evidence(f"narrative {label_en} = {en}", fmt(said.value), _p(other), fmt(diff), "0",
                          expression_zh=f"正文{label_zh} = {zh}"),
        snippet=claim.snippet,
        confidence=0.9,
        materiality=_mat(diff),
        key=("narrative-indicator", squash(name), what),
    )


# ---------------------------------------------------------------------------
# AL410


def grade_for(score: Decimal, grade: str, scales: list[GradeScale]) -> str | None:
    """The grade a score earns: on the report's own scale when it prints one that
    names this grade, else on the first configured scale that does."""
    for s in scales:
        if any(g == grade for g, _ in s.bands):
            return next((g for g, lo in s.bands if score >= lo), None)
    for bands in vocabulary().grade_scales:
        if any(g == grade for g, _ in bands):
            return next((g for g, lo in bands if score >= lo), None)
    return None


@check("AL410", "grade-score-mismatch", severity="error", zh="评价等级与得分不符", en="The grade does not match the score")
def grade_score_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评价等级应由总得分按等级标准确定。报告中印有自己的等级标准（如“90分（含）以上为优，
    80（含）-90分为良，60（含）-80分为中，60分以下为差”）时按其标准；否则按常用的
    优 ≥ 90、良 80–89、中 60–79、差 < 60（或 优秀/良好/合格/不合格 同样分界，见
    vocab/scoring.yaml）。得分取同一句中的总得分，没有时取报告中唯一的总得分或评分表的合计。
    写明其他年度的等级（2024年度报告中的“2023年度评价等级为“良””）不是本年的等级，不作比较，
    判断方法同 AL407。
    错误示例：“自评得分为87分，等级为优。”
    正确示例：“自评得分为98分，等级为优。”

    en:
    The grade must follow from the total score by the grade bands. A report that prints its own
    bands ("90分（含）以上为优，80（含）-90分为良……") is judged by them; otherwise by the
    common 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60 (or 优秀/良好/合格/不合格 at the same bounds; see
    vocab/scoring.yaml). The score is the total claimed in the same sentence, else the
    report's only total claim, else the scoring table's total. A grade stated for another year
    ("2023年度评价等级为“良”" in a report on 2024) is not this year's and is not judged (as in AL407).
    Bad: "自评得分为87分，等级为优。"
    Good: "自评得分为98分，等级为优。"
    """
    scales = [s for s in facts.score_statements if isinstance(s, GradeScale)]
    totals = [s for s in facts.score_statements if isinstance(s, TotalScore)]
    fallback = _table_total(facts)
    for claim in facts.score_statements:
        if not isinstance(claim, GradeClaim):
            continue
        if claim.score is not None:
            score, source = claim.score.score.value, claim.score.score.location
        elif len({t.score.value for t in totals}) == 1:
            score, source = totals[0].score.value, totals[0].score.location
        elif not totals and fallback is not None:
            score, source = fallback
        else:
            continue
        want = grade_for(score, claim.grade, scales)
        if want is None or want == claim.grade:
            continue
        yield Finding(
            location=claim.location,
            message_zh=f"总得分 {fmt(score)} 分对应等级“{want}”，但报告写为“{claim.grade}”",
            message_en=f"A total score of {fmt(score)} earns the grade {want}, but the report says {claim.grade}",
            evidence=Evidence(f"grade({fmt(score)})", claim.grade, want, "", "", expression_zh=f"等级（{fmt(score)} 分）"),
            snippet=claim.snippet,
            related=[Related(source, f"得分 {fmt(score)}")] if source is not None else [],
            confidence=0.9,
            materiality=0.5,
            key=("grade", str(claim.ordinal), claim.grade),
        )


def _table_total(facts: Facts) -> tuple[Decimal, Location | None] | None:
    if len(facts.scoring) != 1:
        return None
    st = facts.scoring[0]
    _, s = printed_totals(st)
    if s is not None and s[0].value is not None:
        return s[0].value, s[1].location
    total = _scores(st)
    return (total.mid, None) if total is not None and total.half == 0 else None


__all__ = [
    "band_gap_or_overlap", "grade_for", "grade_score_mismatch", "group_header_weight_mismatch", "missing_score",
    "missing_weight", "narrative_score_mismatch", "printed_totals", "rule_max_not_weight", "score_above_weight",
    "score_contradicts_rule", "scores_not_total", "weights_not_total",
]
