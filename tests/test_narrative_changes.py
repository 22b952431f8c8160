"""Year-on-year changes, in the layouts that gave false alarms or hid mistakes:

- a relative change in the clause after the absolute one ("…增加300.00万元，增长10.00%")
  is the same comparison, of the measure the comparison names;
- what was spent is one measure whether called 支出, 决算 or 执行数;
- a count compared with the count the sentence gives for a named year;
- a change introduced by 剔除/扣除/不含/不考虑/除去/"除…外" compares the figure less (or
  without) something with last year, not the figure itself, and is not read as its
  plain change; the plain comparison before it in the same sentence still is
  (docs/false-alarms.md FA02).

Each case has a report where AL204 stays silent and one where it still fires, with
the exact numbers and the line."""

from __future__ import annotations

from auditlint.extract.narrative import Change, Figure, read_paragraph
from reports import found, line_of, narrative, of, para

# ---------------------------------------------------------------------------
# a relative change after the absolute one


GROWTH = "全年执行3,300.00万元，预算执行率97.06%，比上年执行数3,000.00万元增加300.00万元，增长10.00%。"


def test_a_growth_rate_after_a_change_is_the_same_comparison():
    changes = of(Change, read_paragraph(para(GROWTH)))
    assert [(c.amount.text, c.relative, c.current.quantity.text, c.prior.quantity.text) for c in changes] == [
        ("300.00万元", False, "3,300.00万元", "3,000.00万元"), ("10.00%", True, "3,300.00万元", "3,000.00万元")]
    assert found(narrative(GROWTH), "AL204") == []
    # the prior year's figure inside the comparison is no figure of its own
    assert "3,000.00万元" not in [f.quantity.text for f in of(Figure, read_paragraph(para(GROWTH)))]


def test_a_wrong_growth_rate_or_amount_after_the_comparison_is_found():
    (f,) = found(narrative(GROWTH.replace("增长10.00%", "增长12.00%")), "AL204")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("增加12.00%", "增加10.00%", 3)
    (f,) = found(narrative(GROWTH.replace("增加300.00万元", "增加350.00万元")), "AL204")
    assert (f.evidence.stated, f.evidence.computed) == ("增加350.00万元", "增加300.00万元")
    # a direction word that contradicts the change before it is another statement: not read
    assert len(of(Change, read_paragraph(para(GROWTH.replace("增长10.00%", "下降10.00%"))))) == 1


def test_what_was_spent_is_one_measure_whatever_its_name():
    text = "全年支出决算2,454.99万元，预算执行率98.61%，比上年决算2,361.21万元增加93.77万元，增长3.97%。"
    changes = of(Change, read_paragraph(para(text)))
    assert [(c.current.quantity.text, c.prior.quantity.text) for c in changes] == [("2,454.99万元", "2,361.21万元")] * 2
    assert found(narrative(text), "AL204") == []
    (f,) = found(narrative(text.replace("3.97%", "4.97%")), "AL204")
    assert (f.evidence.stated, f.evidence.computed) == ("增加4.97%", "增加3.97%")
    # two amounts spent in the sentence: the comparison is nobody's
    two = "基本支出1,200.00万元，项目支出1,254.99万元，比上年支出数2,361.21万元增加93.78万元，增长3.97%。"
    assert of(Change, read_paragraph(para(two))) == []


# ---------------------------------------------------------------------------
# a count compared with a named year's count


CALLS = "全年受理群众来电2,400件，比2023年的3,000件下降20.00%。"


def test_a_count_compared_with_a_named_years_count():
    (c,) = of(Change, read_paragraph(para(CALLS)))
    assert (c.reference, c.current.quantity.text, c.prior.quantity.text, c.direction) == ("2023年", "2,400件", "3,000件", -1)
    assert found(narrative(CALLS), "AL204") == []


def test_a_wrong_change_of_a_count_is_found_and_a_year_without_its_figure_says_nothing():
    (f,) = found(narrative(CALLS.replace("20.00%", "25.00%")), "AL204")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("减少25.00%", "减少20.00%", 3)
    assert "比2023年减少" in f.message_zh
    # compared with a year whose figure the sentence does not give: nothing to compare with
    assert of(Change, read_paragraph(para("全年受理群众来电2,400件，比2022年下降25.00%。"))) == []


# ---------------------------------------------------------------------------
# a change on an adjusted basis

# 本年 35.60 − 上年 26.70 = 增加 8.90; without 因公出国（境）费: 23.20 − 26.70 = 减少 3.50 (−13.11%)
TABLE = (
    "表1  “三公”经费支出情况（单位：万元）\n"
    "项目\t本年决算数\t上年决算数\n"
    "因公出国（境）费\t12.40\t0.00\n"
    "公务用车运行维护费\t20.15\t22.60\n"
    "公务接待费\t3.05\t4.10\n"
    "合计\t35.60\t26.70\n"
)

ADJUSTED = (
    "2024年度“三公”经费支出35.60万元，比上年增加8.90万元，主要是安排赴境外学习考察因公出国（境）费"
    "12.40万元（上年未安排）；扣除因公出国（境）费后，“三公”经费比上年减少3.50万元，下降13.11%。"
)


def sangong_report(sentence: str) -> str:
    return "某某市某某局2024年度部门整体支出绩效自评报告\n一、“三公”经费支出情况\n" + sentence + "\n" + TABLE


def yoy(text: str):
    """AL204's findings on a report."""
    return found(text, "AL204")


def changes_in(text: str) -> list[Change]:
    return of(Change, read_paragraph(para(text)))


def test_a_change_after_an_exclusion_is_not_read_as_the_plain_change():
    (plain,) = changes_in(ADJUSTED)
    assert (plain.amount.text, plain.direction, plain.relative) == ("8.90万元", 1, False)
    assert yoy(sangong_report(ADJUSTED)) == []


def test_the_plain_change_before_an_exclusion_is_still_checked():
    wrong = ADJUSTED.replace("增加8.90万元", "增加9.90万元")
    (f,) = yoy(sangong_report(wrong))
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("增加9.90万元", "增加8.90万元", "35.60 - 26.70")
    assert f.location.line == line_of(sangong_report(wrong), "增加9.90万元")


def test_other_ways_of_saying_it_are_on_an_adjusted_basis_too():
    for sentence in (
        "2024年度“三公”经费支出35.60万元，比上年增加8.90万元；不含因公出国（境）费，“三公”经费比上年减少3.50万元。",
        "2024年度“三公”经费支出35.60万元，比上年增加8.90万元；除因公出国（境）费外，“三公”经费比上年减少3.50万元。",
        "若不考虑因公出国（境）费，2024年度“三公”经费比上年减少3.50万元。",
        "2024年度“三公”经费支出35.60万元，比上年减少3.50万元（不含因公出国（境）费）。",
    ):
        assert yoy(sangong_report(sentence)) == [], sentence


def test_a_change_with_no_exclusion_still_fires_with_the_exact_numbers():
    # "除此之外" adds a point and excludes nothing; the 三公 total really rose by 8.90
    text = sangong_report("“三公”经费支出35.60万元，比上年减少3.50万元。除此之外，公务接待费支出3.05万元，比上年减少1.50万元。")
    fs = yoy(text)
    assert [(f.evidence.stated, f.evidence.computed, f.evidence.expression) for f in fs] == [
        ("减少3.50万元", "增加8.90万元", "35.60 - 26.70"),
        ("减少1.50万元", "减少1.05万元", "3.05 - 4.10"),
    ]
    assert {f.location.line for f in fs} == {line_of(text, "除此之外")}


def test_the_message_writes_amounts_with_the_sentences_separators():
    table = TABLE.replace("（单位：万元）", "（单位：元）").replace("12.40", "124,000.00").replace("20.15", "201,500.00") \
        .replace("22.60", "226,000.00").replace("3.05", "30,500.00").replace("4.10", "41,000.00") \
        .replace("35.60", "356,000.00").replace("26.70", "267,000.00").replace("0.00\n", "0.00\n")
    text = ("某某市某某局2024年度部门整体支出绩效自评报告\n一、“三公”经费支出情况\n"
            "2024年度“三公”经费支出356,000.00元，比上年增加99,000.00元。\n" + table)
    (f,) = yoy(text)
    assert (f.evidence.stated, f.evidence.computed) == ("增加99,000.00元", "增加89000.00元")
    assert "为增加89,000.00元（差 10,000.00）" in f.message_zh
    assert "a rise of 89,000.00元 (off by 10,000.00)" in f.message_en
