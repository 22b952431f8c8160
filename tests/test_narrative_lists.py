"""What a sentence's numbers say, in the layouts of the red team's second round
(docs/false-alarms-2.md: FA08 and the AL102/AL204 misses): thousands separators
inside a list, a budget "调整为" an amount, a relative change in the clause after
the absolute one, a count compared with a named year's count, and a list of amounts
closed by its 合计.

Each cause has a report where the check must stay silent and one where it still
fires, with the exact numbers and the line."""

from __future__ import annotations

from auditlint.extract.narrative import Change, Figure, OfWhich, Rate, TotalWithParts, read_paragraph
from reports import found, narrative, of, para

# ---------------------------------------------------------------------------
# a thousands separator inside a number ends no clause and no list


SOURCES = "项目总投资28,500.00万元，其中省级补助资金15,000.00万元、市级配套资金9,200.00万元、县级自筹资金4,300.00万元。"


def test_a_list_of_amounts_with_thousands_separators_is_read_whole():
    (ow,) = of(OfWhich, read_paragraph(para(SOURCES)))
    assert [p.quantity.text for p in ow.parts] == ["15,000.00万元", "9,200.00万元", "4,300.00万元"]
    assert found(narrative(SOURCES), "AL102") == []


def test_parts_with_thousands_separators_that_exceed_their_total_are_found():
    over = SOURCES.replace("4,300.00", "5,300.00")
    (f,) = found(narrative(over), "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("28,500.00万元", "29500.00万元", 3)
    # a bracket whose parts carry separators is a full decomposition
    bracket = "本年支出1,782.77万元（基本支出709.66万元，项目支出1,067.07万元）。"
    (f,) = found(narrative(bracket), "AL102")
    assert (f.evidence.stated, f.evidence.computed) == ("1,782.77万元", "1776.73万元")
    assert found(narrative(bracket.replace("709.66", "715.69")), "AL102") == []


# ---------------------------------------------------------------------------
# FA08: a budget "调整为" an amount names the adjusted budget; a rate is over it


ADJUSTED = "年初预算8,600.00万元，年中根据项目进度调整为9,200.00万元，全年支出9,016.00万元，执行率98.00%。"


def test_an_amount_a_budget_is_adjusted_to_is_the_adjusted_budget():
    figs = of(Figure, read_paragraph(para(ADJUSTED)))
    assert [f.subject for f in figs][:2] == ["年初预算", "调整后预算"]
    (r,) = of(Rate, read_paragraph(para(ADJUSTED)))
    assert [d.quantity.text for d in r.denominators] == ["9,200.00万元", "8,600.00万元"]
    assert found(narrative(ADJUSTED), "AL201") == []  # 9016 / 9200 = 98.00%, not 104.84% of 8600
    # a rate that fits the initial budget only is not contradicted either: report only when none fits
    assert found(narrative(ADJUSTED.replace("98.00%", "104.84%")), "AL201") == []


def test_a_rate_that_fits_no_budget_is_reported_over_the_adjusted_one():
    (f,) = found(narrative(ADJUSTED.replace("98.00%", "96.00%")), "AL201")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("96.00%", "98.00%", 3)
    assert "调整后预算 9,200.00万元" in f.message_zh
    # "预算调整为…" names itself; "支出调整为…" after no budget names no budget
    plain = "年初预算8,600.00万元，全年支出9,016.00万元，执行率98.00%。"
    (f,) = found(narrative(plain), "AL201")
    assert (f.evidence.stated, f.evidence.computed) == ("98.00%", "104.84%")


# ---------------------------------------------------------------------------
# a relative change in the clause after the absolute one, of the measure the comparison names


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


# ---------------------------------------------------------------------------
# a count compared with the count the sentence gives for a named year


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
# a list of amounts closed by its 合计


PROJECTS = "全年实施项目3个，分别为：道路维修120.00万元、河道清淤80.50万元、绿化提升49.50万元，合计250.00万元。"


def test_a_list_closed_by_its_total_is_a_full_decomposition():
    (twp,) = of(TotalWithParts, read_paragraph(para(PROJECTS)))
    assert (twp.total.quantity.text, len(twp.parts), twp.complete) == ("250.00万元", 3, True)
    assert twp.total.subject == "合计"
    assert found(narrative(PROJECTS), "AL102") == []


def test_a_list_whose_total_is_off_is_found():
    (f,) = found(narrative(PROJECTS.replace("合计250.00", "合计260.00")), "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("260.00万元", "250.00万元", 3)
    assert f.evidence.expression == "120.00 + 80.50 + 49.50"


def test_a_total_after_a_list_that_may_not_be_all_of_it_says_nothing():
    # an amount earlier in the sentence may belong to the list: not read
    partial = "支出300.00万元，道路维修120.00万元、河道清淤80.50万元，合计260.00万元。"
    assert of(TotalWithParts, read_paragraph(para(partial))) == []
    assert found(narrative(partial), "AL102") == []


def test_a_total_closing_a_list_of_which_is_no_part_of_it():
    text = "项目支出300.00万元，其中道路维修120.00万元、河道清淤80.50万元，合计200.50万元。"
    (ow,) = of(OfWhich, read_paragraph(para(text)))
    assert [p.quantity.text for p in ow.parts] == ["120.00万元", "80.50万元"]
    assert found(narrative(text), "AL102") == []
    (f,) = found(narrative(text.replace("合计200.50", "合计210.50")), "AL102")
    assert (f.evidence.stated, f.evidence.computed) == ("210.50万元", "200.50万元")


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
