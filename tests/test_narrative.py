"""Narrative statements: what the sentences' numbers say, where they are, and the
table rows they talk about."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract import extract
from auditlint.extract.narrative import (
    Change,
    Figure,
    OfWhich,
    Rate,
    Share,
    TotalWithParts,
    clean_subject,
    match_key,
    name_of,
    read_paragraph,
    total_core,
)
from auditlint.model import Location, Paragraph
from auditlint.readers.text import read_bytes
from reports import SANGONG, report


def para(text: str, line: int = 7) -> Paragraph:
    return Paragraph(1, text, Location("t.txt", line=line, column=1))


def of(kind, statements):
    return [s for s in statements if isinstance(s, kind)]


def facts_of(text: str):
    return extract(read_bytes(text.encode("utf-8"), "t.txt"))


# ---------------------------------------------------------------------------
# names


def test_subjects_lose_enumerators_dates_and_verbs_but_keep_what_they_name():
    assert clean_subject("（1）2024年预算收入") == "预算收入"
    assert clean_subject("其中基本支出") == "基本支出"
    assert clean_subject("本年非财政拨款收入共计") == "本年非财政拨款收入"
    assert clean_subject("截至2023年12月底，机关资产总额为".split("，")[1]) == "机关资产总额"
    assert clean_subject("2024年末单位资产") == "单位资产"
    assert clean_subject("一是项目支出") == "项目支出"


def test_names_and_match_keys():
    assert name_of("“三公”经费全年支出") == "三公经费支出"
    assert name_of("年末结转结余") == "结转结余"
    assert name_of("因公出国（境）费用") == "因公出国费"
    assert match_key("会议费全年支出") == match_key("会议费") == "会议费"
    assert match_key("三公经费小计") == match_key("“三公”经费全年支出") == "三公经费"
    assert match_key("项目收入") != match_key("项目支出")


def test_what_a_total_totals():
    assert total_core("南京市医疗保障局(本级)机关资产总额") == "资产"
    assert total_core("年末结转结余") == "结转结余"
    assert total_core("本年支出") == "支出"
    assert total_core("非财政拨款收入") == "非财政拨款收入"


# ---------------------------------------------------------------------------
# figures


def test_every_named_amount_and_percentage_is_a_figure_with_its_place():
    text = "2024年度预算收入1764.10万元，本年支出1782.77万元，执行率93.50%，有在编人员16名。"
    sts = read_paragraph(para(text))
    figs = of(Figure, sts)
    assert [(f.subject, f.name, f.quantity.text) for f in figs] == [
        ("预算收入", "预算收入", "1764.10万元"),
        ("本年支出", "支出", "1782.77万元"),
        ("执行率", "执行率", "93.50%"),
    ]
    for f in figs:  # the offsets and the location are the number's
        assert text[f.start : f.end] == f.quantity.text
        assert f.location.line == 7 and f.location.column == f.start + 1
    assert figs[0].quantity.value == Decimal("1764.10") and figs[0].quantity.unit == "万元"


def test_approximate_dates_counts_and_second_numbers_are_not_plain_figures():
    sts = read_paragraph(para("节约资金超35.8亿元，减负近30亿元，采购金额约2亿元，报销比例分别为88.74%和76.88%，由8.8%降低至7.8%，共700余家。"))
    figs = of(Figure, sts)
    assert [f.exact for f in figs if f.is_money] == [False, False, False]
    # "报销比例分别为88.74%和76.88%": one name for two numbers names neither of them
    assert [f.quantity.text for f in figs if f.quantity.unit == "%"] == ["8.8%"]


def test_a_number_without_a_name_is_no_figure():
    assert of(Figure, read_paragraph(para("2024年末负0.26万元，主要原因是往来款项已结清。"))) == []
    assert of(Figure, read_paragraph(para("比上年增长10.5%（增加50万元）。"))) == []


# ---------------------------------------------------------------------------
# totals with parts, 其中 lists


def test_brackets_after_a_total_are_a_full_decomposition_even_with_a_misnamed_part():
    (twp,) = of(TotalWithParts, read_paragraph(para("本年支出1782.77万元（基本支出709.66万元，项目收入1067.07万元）。")))
    assert twp.marker == "brackets" and twp.complete
    assert twp.total.quantity.text == "1782.77万元"
    assert [(p.name, p.quantity.text) for p in twp.parts] == [("基本支出", "709.66万元"), ("项目收入", "1067.07万元")]


def test_brackets_with_qizhong_or_with_words_beside_the_parts_are_partial_or_nothing():
    (ow,) = of(OfWhich, read_paragraph(para("项目总预算500万元（其中财政资金300万元）。")))
    assert not ow.complete and [p.quantity.text for p in ow.parts] == ["300万元"]
    assert of(TotalWithParts, read_paragraph(para("支出100万元（基本支出60万元，主要用于人员工资）。"))) == []
    assert of(TotalWithParts, read_paragraph(para("完成年度目标任务的115%（320亿元）。"))) == []


def test_qizhong_list_runs_over_commas_and_enumeration_commas_to_the_semicolon():
    text = "2024年财政拨款收入1241.40万元，支出1242.92万元。基本支出715.69万元，其中工资福利支出677.57万元、商品和服务支出570.87万元，对个人和家庭的补助0.51万元；项目支出533.26万元。"
    sts = read_paragraph(para(text))
    (ow,) = of(OfWhich, sts)
    assert ow.total.name == "基本支出" and not ow.complete
    assert [p.quantity.text for p in ow.parts] == ["677.57万元", "570.87万元", "0.51万元"]
    # 基本支出 and 项目支出 after 支出: a complementary pair, a full decomposition by naming
    (twp,) = of(TotalWithParts, sts)
    assert twp.marker == "naming" and twp.total.quantity.text == "1242.92万元"
    assert [p.name for p in twp.parts] == ["基本支出", "项目支出"]


def test_qizhong_list_goes_past_a_semicolon_only_for_parallel_shares():
    text = "2024年支出1782.77万元，其中基本支出715.69万元，占总支出的40.15%；项目支出1067.07万元，占总支出的59.85%。"
    (ow,) = of(OfWhich, read_paragraph(para(text)))
    assert [p.name for p in ow.parts] == ["基本支出", "项目支出"]
    assert ow.complete  # 基本 and 项目: every part is named


def test_qizhong_list_steps_over_bracketed_asides_and_takes_bare_shares():
    text = "本年支出100万元，其中人员经费60万元（其中工资40万元，社保20万元），公用经费50万元。"
    outer, inner = of(OfWhich, read_paragraph(para(text)))
    assert [p.quantity.text for p in outer.parts] == ["60万元", "50万元"]
    assert inner.total.quantity.text == "60万元" and [p.quantity.text for p in inner.parts] == ["40万元", "20万元"]
    text = "本年支出合计1782.77万元，其中：基本支出715.69万元，占40.15%；项目支出1067.07万元，占59.85%。"
    sts = read_paragraph(para(text))
    (ow,) = of(OfWhich, sts)
    assert [p.name for p in ow.parts] == ["基本支出", "项目支出"]
    assert [(s.share.quantity.text, s.base.quantity.text) for s in of(Share, sts)] == [("40.15%", "1782.77万元"), ("59.85%", "1782.77万元")]


def test_a_qizhong_list_that_may_be_about_another_figure_is_not_read():
    # 支出 parts after a 收入: the list is about the 支出 before it
    assert of(OfWhich, read_paragraph(para("支出合计950万元，收入合计1000万元。其中基本支出600万元，项目支出350万元。"))) == []
    # more than the figure right before, but not more than an earlier one of the sentence
    text = "采购金额500万元，节约资金50万元，其中货物类300万元，服务类200万元。"
    assert of(OfWhich, read_paragraph(para(text))) == []
    # the same parts with no earlier figure to hold them: they exceed their total
    (ow,) = of(OfWhich, read_paragraph(para("节约资金50万元，其中货物类300万元，服务类200万元。")))
    assert ow.total.quantity.text == "50万元"


def test_qizhong_after_a_full_stop_belongs_to_the_total_before_it_and_stops_at_a_non_amount():
    text = "总金额410.99亿元。其中，南京专区采购金额达177.31亿元，超序时进度47.75个百分点，同比增加43.25亿元。"
    (ow,) = of(OfWhich, read_paragraph(para(text)))
    assert ow.total.quantity.text == "410.99亿元" and [p.quantity.text for p in ow.parts] == ["177.31亿元"]


def test_complementary_names_after_a_total_across_sentences():
    text = "2024年年末结转结余51.43万元。财政拨款结转结余51.43万元，主要是待扣缴的社保；非财政拨款结转结余0.43万元，为利息收入结转。"
    (twp,) = of(TotalWithParts, read_paragraph(para(text)))
    assert twp.marker == "naming" and twp.total.subject == "年末结转结余"
    assert [p.quantity.text for p in twp.parts] == ["51.43万元", "0.43万元"]


def test_naming_needs_exactly_two_complementary_parts():
    # three figures ending in 支出: not a pair, nothing inferred
    text = "支出100万元。基本支出60万元，项目支出30万元，经营支出10万元。"
    assert of(TotalWithParts, read_paragraph(para(text))) == []
    # two names that are not complementary
    assert of(TotalWithParts, read_paragraph(para("支出100万元。人员支出60万元，公用支出40万元。"))) == []


def test_a_unit_name_before_a_total_does_not_hide_what_it_totals():
    text = "截至2023年12月底，南京市医疗保障局(本级)机关资产总额为3665.94万元。流动资产214.44万元，其中货币资金214.44万元。非流动资产3451.49万元，其中固定资产净值1226.21万元，无形资产净值2225.28万元。"
    sts = read_paragraph(para(text))
    (twp,) = of(TotalWithParts, sts)
    assert [p.name for p in twp.parts] == ["流动资产", "非流动资产"]
    assert [o.total.name for o in of(OfWhich, sts)] == ["流动资产", "非流动资产"]


# ---------------------------------------------------------------------------
# shares, changes, rates


def test_shares_take_the_amount_before_them_and_the_total_of_their_list():
    text = "（1）2024年预算收入1764.10万元，其中基本收入经费1241.40万元，占总收入的70.37%；项目收入522.70万元，占总收入的29.63%。"
    shares = of(Share, read_paragraph(para(text)))
    assert [(s.share.quantity.text, s.base_name, s.part.quantity.text, s.base.quantity.text) for s in shares] == [
        ("70.37%", "总收入", "1241.40万元", "1764.10万元"),
        ("29.63%", "总收入", "522.70万元", "1764.10万元"),
    ]


def test_a_share_whose_base_is_not_stated_has_no_base():
    (s,) = of(Share, read_paragraph(para("项目支出1067.07万元，占总支出的59.85%。")))
    assert s.part is not None and s.base is None
    assert of(Share, read_paragraph(para("公立医院医疗服务的收入占比提升到24.04%。"))) == []


def test_a_share_base_is_the_named_total_never_a_listed_part():
    text = "项目总预算500万元，其中2024年预算300万元。项目累计支出480万元，占总预算的96%。"
    (s,) = of(Share, read_paragraph(para(text)))
    assert s.base.quantity.text == "500万元"


def test_year_on_year_changes():
    sts = read_paragraph(para("（1）“三公”经费全年支出3.83万元，比上年增加0.43万元，主要为出国经费。"))
    (ch,) = of(Change, sts)
    assert (ch.name, ch.direction, ch.amount.text, ch.reference, ch.current.quantity.text) == ("三公经费支出", 1, "0.43万元", "上年", "3.83万元")
    (down,) = of(Change, read_paragraph(para("培训费全年支出0.13万元，比上年减少0.97万元。")))
    assert down.direction == -1
    (tong,) = of(Change, read_paragraph(para("集中结算金额达370亿元，同比增加38亿元。")))
    assert tong.reference == "同期" and tong.current.quantity.text == "370亿元"
    (rel,) = of(Change, read_paragraph(para("会议费支出10万元，较上年增长25%。")))
    assert rel.relative
    # against the year's initial budget: not a year-on-year change
    assert of(Change, read_paragraph(para("支出120万元，较年初预算增加20万元。"))) == []


def test_a_change_without_a_figure_before_it_names_its_own_subject_and_finds_a_stated_prior():
    (ch,) = of(Change, read_paragraph(para("三公经费比上年增加0.43万元。")))
    assert ch.name == "三公经费" and ch.current is None
    (ch,) = of(Change, read_paragraph(para("会议费上年支出1.1万元，本年会议费支出0.48万元，比上年减少0.62万元。")))
    assert ch.prior is not None and ch.prior.quantity.text == "1.1万元"


def test_a_prior_year_figure_inside_the_comparison():
    (ch,) = of(Change, read_paragraph(para("支出1782.77万元，比上年1207.92万元增加574.85万元。")))
    assert (ch.current.quantity.text, ch.prior.quantity.text, ch.amount.text) == ("1782.77万元", "1207.92万元", "574.85万元")
    # the prior year's number is no figure of its own
    assert [f.quantity.text for f in of(Figure, read_paragraph(para("会议费支出0.48万元，比上年的1.1万元减少0.62万元。")))] == ["0.48万元"]


def test_rates_with_their_figures():
    text = "信息系统运维项目总预算250.00万元，实际到位资金250.00万元，资金到位率100.00%；实际支出230.00万元，预算执行率92.00%。"
    rates = of(Rate, read_paragraph(para(text)))
    assert [(r.measure, r.rate.quantity.text, r.numerator.name) for r in rates] == [
        ("arrival", "100.00%", "实际到位资金"),
        ("execution", "92.00%", "实际支出"),
    ]
    assert [d.name for d in rates[1].denominators] == ["实际到位资金", "信息系统运维项目总预算"]
    # a 完成率 of tasks is no budget rate
    assert of(Rate, read_paragraph(para("年度预算100万元，实际支出95万元，任务完成率100%。"))) == []


# ---------------------------------------------------------------------------
# linking to table rows


def test_statements_link_to_the_rows_their_names_match():
    text = report(SANGONG, after="\n（1）“三公”经费全年支出3.83万元，比上年增加0.43万元。\n（2）会议费全年支出0.48万元。\n")
    facts = facts_of(text)
    (ch,) = of(Change, facts.statements)
    assert [r.label for r in ch.rows] == ["三公经费小计"]
    meeting = next(f for f in of(Figure, facts.statements) if f.name == "会议费支出")
    (ref,) = meeting.rows
    assert facts.tables[ref.table].rows[ref.row].label == "会议费"


def test_sanggong_links_to_the_total_of_a_table_with_only_the_three_items():
    rows = [SANGONG[0], *SANGONG[1:4], ["合计", "1.5", "3.83", "", "0.8"]]
    facts = facts_of(report(rows, after="\n“三公”经费支出3.83万元，比上年增加3.03万元。\n"))
    (ch,) = of(Change, facts.statements)
    assert [r.label for r in ch.rows] == ["合计"]


def test_statements_are_in_facts_in_document_order():
    facts = facts_of("一、收支\n本年支出100.00万元（基本支出60.00万元，项目支出40.00万元）。\n二、其他\n资产总额50万元。\n")
    lines = [s.location.line for s in facts.statements]
    assert lines == sorted(lines) and {type(s) for s in facts.statements} == {Figure, TotalWithParts}


# ---------------------------------------------------------------------------
# any text


_PIECES = st.sampled_from([
    "本年支出", "基本支出", "项目支出", "其中", "，", "、", "；", "。", "（", "）", "比上年增加", "比上年减少", "同比增长",
    "占总支出的", "执行率", "预算执行率", "实际支出", "到位资金", "非", "财政拨款", "结转结余", "万元", "元", "亿元", "%",
    "超", "近", "余", "2024年", "12月底", "个百分点", "人", "负", "-", ".", "1782.77", "0", "3.5", "100", "0.00", "７", "—",
    "分别为", "分别占总投资的", "各", "预算", "决算", "调减", "上年", "上年结转", "和",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40))
def test_any_sentence_reads_without_crashing_and_offsets_point_at_numbers(pieces):
    text = "".join(pieces)
    for s in read_paragraph(para(text)):
        assert 0 <= s.start <= s.end <= len(text)
        if isinstance(s, Figure):
            assert text[s.start : s.end] == s.quantity.text
