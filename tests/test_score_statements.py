"""Narrative score claims: total score, grade, the report's grade bands, 百分制, and
per-indicator 分值/得分 lines — and the sentences that only look like them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from auditlint.extract.score_statements import GradeClaim, GradeScale, HundredPoint, IndicatorScore, TotalScore
from auditlint.readers import read
from scoring_reports import GROUPED, facts_of, line_of, scoring_report

D = Decimal


def claims(narrative: str, kind, table=None, title: str = "2023年度部门整体支出绩效自评报告"):
    text = scoring_report(table or GROUPED, narrative=narrative, title=title)
    return [s for s in facts_of(text).score_statements if isinstance(s, kind)], text


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("经综合评定，得分为99分(详见附表)，等级为“优”。", "99"),
        ("本年度中心绩效评价自评得分为98分，等级为优。", "98"),
        ("经自评，综合得分97.5分，评价等级为优。", "97.5"),
        ("经综合评定，得分为23分。", "23"),
    ],
)
def test_total_score_claims(sentence, value):
    found, text = claims(sentence, TotalScore)
    assert [c.score.value for c in found] == [D(value)]
    assert found[0].score.location.line == line_of(text, sentence[:6])


@pytest.mark.parametrize(
    "sentence",
    [
        "绩效评价结果实施百分制，满分100分。",
        "决策指标自评得分8分，过程指标得分4分。",  # a group's score, named by the table
        "指标得分率为98%。",
        "（1）接通率（分值5分，得分5分）：全年接通率超过95%。",  # a per-indicator line
        "本年度培训得分较上年提高。",
    ],
)
def test_sentences_that_are_not_total_scores(sentence):
    found, _ = claims(sentence, TotalScore)
    assert found == []


def test_in_a_project_report_the_project_is_the_subject():
    sentence = "经综合评价，该项目绩效评价得分86分，评价等级为良。"
    found, _ = claims(sentence, TotalScore, title="2023年度信息系统运维项目支出绩效评价报告")
    assert [c.score.value for c in found] == [D(86)]
    assert claims(sentence, TotalScore)[0] == []  # in a department's report it is one of its projects
    assert claims(sentence, GradeClaim)[0] == []


@pytest.mark.parametrize(
    "sentence",
    ["上年度部门整体绩效自评得分为90分，等级为优。", "下属单位自评得分分别为95分、92分，等级为优。",
     "对3个项目开展评价，其中信息化项目自评得分85分，等级为良。"],
)
def test_claims_about_another_year_or_unit_are_not_this_reports(sentence):
    assert claims(sentence, TotalScore)[0] == [] and claims(sentence, GradeClaim)[0] == []


def test_grade_claims_and_the_score_beside_them():
    found, text = claims("经自评，综合得分98分，评价等级为“优”。", GradeClaim)
    (g,) = found
    assert g.grade == "优" and g.score is not None and g.score.score.value == 98
    assert g.location.line == line_of(text, "评价等级为")


@pytest.mark.parametrize(
    "sentence",
    [
        "绩效评价结果实施百分制和四级分类：等级为优、良、中、差。",
        "评价等级为“很好”“好”“一般”等三类。",
        "在评价等级中，本单位处于前列。",
        "本单位评价等级中等偏上。",
        "探索开展照护服务机构等级(星级)管理。",
    ],
)
def test_sentences_that_are_not_grade_claims(sentence):
    found, _ = claims(sentence, GradeClaim)
    assert found == []


def test_the_reports_own_grade_bands():
    found, _ = claims("评价等级标准：90分(含)以上为优，80(含)-90分为良，60(含)-80分为中，60分以下为差。", GradeScale)
    (scale,) = found
    assert scale.bands == (("优", D(90)), ("良", D(80)), ("中", D(60)), ("差", D(0)))
    assert claims("等级为优、良、中、差。", GradeScale)[0] == []


def test_hundred_point_scoring_is_noted():
    assert len(claims("绩效评价结果实施百分制和四级分类。", HundredPoint)[0]) == 1
    assert claims("评价结果分为四级。", HundredPoint)[0] == []


def test_per_indicator_lines():
    narrative = ("（1）中长期规划制定健全性（分值2分，得分2分）：已制定规划，根据评分标准得2分。\n"
                 "（2）预算调整率（分值2分，得分1分）：调整率超出目标，得1分。")
    found, text = claims(narrative, IndicatorScore)
    assert [(c.lead, c.weight.value, c.score.value, c.conclusion.value) for c in found] == [
        ("中长期规划制定健全性", D(2), D(2), D(2)), ("预算调整率", D(2), D(1), D(1))]
    assert found[1].score.location.line == line_of(text, "（2）预算调整率")


def test_no_conclusion_when_the_passage_breaks_the_score_down():
    narrative = "（一）决策指标（分值8分，得分8分）。其中，中长期规划制定健全性得2分，预算编制科学性得2分。"
    (c,), _ = claims(narrative, IndicatorScore)
    assert c.lead == "决策指标" and c.conclusion is None


def test_the_seeds_claims(seeds):
    from auditlint.extract import extract

    bureau = extract(read(seeds / "nanjing-bureau-2023.txt")).score_statements
    assert [(type(s).__name__, getattr(getattr(s, "score", None), "value", None)) for s in bureau
            if isinstance(s, TotalScore)] == [("TotalScore", D(99))]
    assert [(s.grade, s.location.line) for s in bureau if isinstance(s, GradeClaim)] == [("优", 60)]
    assert any(isinstance(s, HundredPoint) for s in bureau)
    center = extract(read(seeds / "nanjing-center-2024.txt")).score_statements
    assert [s.score.value for s in center if isinstance(s, TotalScore)] == [D(98)]
    assert [s.grade for s in center if isinstance(s, GradeClaim)] == ["优"]




@settings(max_examples=200, deadline=None)
@given(hs.lists(hs.sampled_from(list("得分为等级优良中差自评综合分值权重，。；（）0123456789上年其中项目")), max_size=60).map("".join))
def test_any_narrative_reads_without_crashing(text):
    facts_of(scoring_report(GROUPED, narrative=text))


@given(hs.integers(1, 20), hs.integers(0, 20), hs.integers(0, 20))
def test_generated_indicator_lines_read_exactly(w, s, s2):
    narrative = f"（3）预算执行率（分值{w}分，得分{s}分）：实际完成情况为达到要求，根据评分标准得{s2}分。"
    (c,), _ = claims(narrative, IndicatorScore)
    assert (c.lead, c.weight.value, c.score.value, c.conclusion.value) == ("预算执行率", w, s, s2)


# ---------------------------------------------------------------------------
# the grade bands are no score claim; a title printed on two lines still names the project


@pytest.mark.parametrize(
    "sentence",
    [
        "评价结果分四档：综合得分90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。",
        "等级划分：总得分90分以上为优；总得分80-90分为良；总得分60-80分为中；总得分60分以下为差。",
        "综合得分85分及以上的评为优，70分至85分的评为良，60分至70分的评为中，不足60分的评为差。",
    ],
)
def test_the_grade_bands_are_not_a_total_score(sentence):
    assert claims(sentence, TotalScore)[0] == []
    # the real claim printed after the bands is still read
    found, _ = claims(sentence + "经综合评定，得分为22分。", TotalScore)
    assert [c.score.value for c in found] == [D(22)]


def test_a_band_sentence_does_not_give_al407():
    from scoring_reports import by_id, lint

    bands = "评价结果分四档：综合得分90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。"
    assert by_id(lint(scoring_report(GROUPED, narrative=bands)), "AL407") == []
    (f,) = by_id(lint(scoring_report(GROUPED, narrative=bands + "经综合评定，得分为21分。")), "AL407")
    assert (f.evidence.stated, f.evidence.computed) == ("21", "22")


SPLIT_TITLE = "某县2023年度农村饮水安全巩固提升工程\n项目支出绩效评价报告"


def test_a_title_on_two_lines_still_makes_a_project_report():
    sentence = "经评价，项目综合得分22分，评价等级为“良”。"
    found, text = claims(sentence, TotalScore, title=SPLIT_TITLE)
    assert [c.score.value for c in found] == [D(22)]
    assert found[0].score.location.line == line_of(text, "经评价")
    (g,), _ = claims(sentence, GradeClaim, title=SPLIT_TITLE)
    assert g.grade == "良"
    # a department's report on two lines: a sentence naming a 项目 still speaks of one of its projects
    dept = "某区文化广电旅游体育局\n2023年度部门整体支出绩效自评报告"
    assert claims(sentence, TotalScore, title=dept)[0] == []


def test_a_title_on_two_lines_gives_al410_and_al407():
    from scoring_reports import by_id, lint

    text = scoring_report(GROUPED, narrative="经评价，项目综合得分22分，评价等级为“良”。", title=SPLIT_TITLE)
    (f,) = by_id(lint(text), "AL410")
    assert (f.evidence.stated, f.evidence.computed) == ("良", "差")
    assert f.location.line == line_of(text, "经评价")
    text = scoring_report(GROUPED, narrative="经评价，项目综合得分23分。", title=SPLIT_TITLE)
    (f,) = by_id(lint(text), "AL407")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("23", "22", line_of(text, "经评价"))
