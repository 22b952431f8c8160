"""AL407: the scores of a scoring table against its printed total, and the narrative's
total score against the table's."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import points_materiality, total_finding

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.score_statements import TotalScore
from auditlint.extract.score_totals import matches, printed_totals, scores_sum
from auditlint.extract.scoring import points_of
from auditlint.findings import Both, Evidence, Finding, Message, Related
from auditlint.numbers import compare, fmt

SCORES = Message(zh="得分合计印为 {shown}，但 {n} 项指标之和为 {got}（差 {diff}）",
                 en="the scores total is printed as {shown}, but the {n} indicators add up to {got} (off by {diff})")
NARRATIVE = Message(zh="正文总得分为 {stated}，但{where}为 {got}（差 {diff}）",
                    en="The narrative gives a total score of {stated}, but {where} is {got} (off by {diff})")


@check("AL407", "scores-not-total", severity="error", zh="各指标得分之和不等于印出的总分（表中或正文）",
       en="The scores don't add up to the stated total score (in the table or the narrative)",
       messages=(SCORES, NARRATIVE,))
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
        computed = scores_sum(st)
        _, s = printed_totals(st)
        if s is not None and computed is not None and not matches(s[0], computed):
            values = [(i.name, i.score) for i in st.indicators if i.score is not None]
            yield total_finding(st, SCORES, "score", s, computed, values)
    if len(facts.scoring) == 1:
        yield from _narrative_totals(facts)


def _narrative_totals(facts: Facts) -> Iterator[Finding]:
    """The narrative's total score against the one table's printed total (or its sum)."""
    st = facts.scoring[0]
    _, s = printed_totals(st)
    reference = points_of(s[0]) if s is not None else scores_sum(st)
    if reference is None:
        return
    where = Both("表中合计", "the table's total") if s is not None else Both("表中各项得分之和", "the sum of the table's scores")
    for claim in facts.score_statements:
        if not isinstance(claim, TotalScore):
            continue
        stated = points_of(claim.score.quantity)
        if stated is None or compare(stated, reference).level != "error":
            continue
        got = fmt(reference.mid)
        diff = abs(claim.score.value - reference.mid)
        yield Finding(
            location=claim.score.location,
            **NARRATIVE.format(stated=fmt(claim.score.value), where=where, got=got, diff=fmt(diff)),
            evidence=Evidence("narrative total = table total", fmt(claim.score.value), got, fmt(diff), "0",
                              expression_zh="正文总分 = 表中总分"),
            snippet=claim.snippet,
            related=[Related(s[1].location, "合计")] if s is not None else [],
            confidence=0.95,
            materiality=points_materiality(diff),
            key=("narrative-total", str(claim.ordinal)),
        )
