"""AL410: a grade that does not follow from the total score."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.grades import grade_for
from auditlint.extract.score_statements import GradeClaim, GradeScale, TotalScore
from auditlint.extract.score_totals import table_total
from auditlint.findings import Evidence, Finding, Message, Related
from auditlint.numbers import fmt

GRADE = Message(zh="总得分 {score} 分对应等级“{want}”，但报告写为“{grade}”",
                en="A total score of {score} earns the grade {want}, but the report says {grade}")


@check("AL410", "grade-score-mismatch", severity="error", zh="评价等级与得分不符", en="The grade does not match the score",
       messages=(GRADE,))
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
    fallback = table_total(facts)
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
            **GRADE.format(score=fmt(score), want=want, grade=claim.grade),
            evidence=Evidence(f"grade({fmt(score)})", claim.grade, want, "", "", expression_zh=f"等级（{fmt(score)} 分）"),
            snippet=claim.snippet,
            related=[Related(source, f"得分 {fmt(score)}")] if source is not None else [],
            confidence=0.9,
            materiality=0.5,
            key=("grade", str(claim.ordinal), claim.grade),
        )
