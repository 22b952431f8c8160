"""What a sentence's numbers belong to, in the layouts that gave false alarms or hid
mistakes (docs/false-alarms.md FA4–FA6, M9, M10): brackets of adjustments, a share
after a list, 分别, a subject carried over a clause, an amount in 元 that the report
gives in 万元 elsewhere, and a few more of the same kind (a rate or a change after two
amounts it could be of, a category merged over a group of rows, an income table).

Each cause has a report where the check must stay silent and one where it still fires,
with the exact numbers and the line."""

from __future__ import annotations

from auditlint.extract.narrative import Change, Figure, OfWhich, Rate, Share, TotalWithParts, read_paragraph
from claims_reports import BUDGET_ADD_CUT, table, with_tables
from reports import found, line_of, narrative, of, para

# ---------------------------------------------------------------------------
# FA4: a bracket that lists adjustments explains a change; it is no decomposition


ADJUSTED = "年初预算900.00万元，年中调整为960.00万元（省级资金追加160.00万元、县级资金核减100.00万元）。"


def test_a_bracket_of_adjustments_is_no_decomposition():
    sts = read_paragraph(para(ADJUSTED))
    assert of(TotalWithParts, sts) == [] and of(OfWhich, sts) == []
    assert found(narrative(ADJUSTED), "AL102") == []
    # the same in a 其中 list, and last year's figures in a bracket
    listed = "全年预算960.00万元，其中调增省级资金160.00万元，调减县级资金100.00万元。"
    assert of(OfWhich, read_paragraph(para(listed))) == []
    prior = "本年支出960.00万元（上年基本支出600.00万元、上年项目支出300.00万元）。"
    assert of(TotalWithParts, read_paragraph(para(prior))) == []
    # money carried over from last year is a piece of this year's funds
    (twp,) = of(TotalWithParts, read_paragraph(para("资金总额960.00万元（本年预算900.00万元，上年结转60.00万元）。")))
    assert [p.quantity.text for p in twp.parts] == ["900.00万元", "60.00万元"]


def test_a_bracket_of_parts_is_still_checked():
    parts = "年中调整为960.00万元（省级资金360.00万元、县级资金500.00万元）。"
    (f,) = found(narrative(parts), "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("960.00万元", "860.00万元", 3)
    assert f.evidence.expression == "360.00 + 500.00"


# ---------------------------------------------------------------------------
# FA5: a share after a list of parts is the list's (or the last part's): no single part


TWO_PARTS = "公用经费支出230.40万元，其中办公费86.10万元、印刷费40.00万元，占公用经费的54.73%。"  # 126.10 / 230.40


def test_a_share_after_two_listed_parts_has_no_single_part():
    (s,) = of(Share, read_paragraph(para(TWO_PARTS)))
    assert s.part is None and [p.quantity.text for p in s.listed] == ["86.10万元", "40.00万元"]
    assert s.base is not None and s.base.quantity.text == "230.40万元"
    assert found(narrative(TWO_PARTS), "AL203") == []
    # the same list joined by 、 without 其中
    joined = "办公费86.10万元、印刷费40.00万元，占公用经费的54.73%。"
    (s,) = of(Share, read_paragraph(para(joined)))
    assert s.part is None and len(s.listed) == 2


def test_a_share_after_one_part_or_after_parts_with_shares_of_their_own_is_checked():
    one = "公用经费支出230.40万元，其中办公费86.10万元，占公用经费的54.73%。"
    (f,) = found(narrative(one), "AL203")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("54.73%", "37.37%", 3)  # 86.10 / 230.40
    own = "公用经费支出230.40万元，其中办公费86.10万元，占公用经费的37.37%；印刷费40.00万元，占公用经费的27.36%。"
    (s1, s2) = of(Share, read_paragraph(para(own)))
    assert (s1.part.quantity.text, s2.part.quantity.text) == ("86.10万元", "40.00万元")
    (f,) = found(narrative(own), "AL203")  # 40.00 / 230.40 = 17.36%
    assert (f.evidence.stated, f.evidence.computed) == ("27.36%", "17.36%")


# ---------------------------------------------------------------------------
# FA6: "分别占…的a、b、c" pairs the percentages with the parts in order


RESPECTIVE = ("项目资金合计800.00万元，其中省级补助480.00万元、市级配套200.00万元、县级自筹120.00万元，"
              "分别占资金总额的60.00%、25.00%、15.00%。")


def test_respective_shares_pair_in_order():
    shares = of(Share, read_paragraph(para(RESPECTIVE)))
    assert [(s.share.quantity.text, s.part.quantity.text, s.base.quantity.text) for s in shares] == [
        ("60.00%", "480.00万元", "800.00万元"), ("25.00%", "200.00万元", "800.00万元"), ("15.00%", "120.00万元", "800.00万元")]
    assert found(narrative(RESPECTIVE), "AL203") == []


def test_respective_shares_in_the_wrong_order_are_found_and_a_count_that_differs_says_nothing():
    swapped = RESPECTIVE.replace("25.00%、15.00%", "15.00%、25.00%")
    text = narrative(swapped)
    fs = found(text, "AL203")
    assert [(f.evidence.stated, f.evidence.computed, f.location.line) for f in fs] == [
        ("15.00%", "25.00%", 3), ("25.00%", "15.00%", 3)]
    assert fs[0].location.column == swapped.index("15.00%") + 1
    short = RESPECTIVE.replace("、25.00%、15.00%", "、40.00%")
    assert all(s.part is None for s in of(Share, read_paragraph(para(short))))
    assert found(narrative(short), "AL203") == []


def test_respective_amounts_take_their_names_in_order():
    figs = of(Figure, read_paragraph(para("基本支出、项目支出分别为709.66万元、1067.07万元。")))
    assert [(f.name, f.quantity.text) for f in figs] == [("基本支出", "709.66万元"), ("项目支出", "1067.07万元")]
    # three names for two numbers, or one name for two: none is named
    assert of(Figure, read_paragraph(para("基本支出、项目支出、经营支出分别为709.66万元、1067.07万元。"))) == []
    # "各": one number for each of several names names none of them
    assert [f.quantity.text for f in of(Figure, read_paragraph(para("甲、乙两个项目各50.00万元。")))] == []
    # a change "分别" of several names is no change of the last one
    assert of(Change, read_paragraph(para("基本支出和项目支出比上年分别增加10.00万元、20.00万元。"))) == []
    # each of the pair is compared with its table row (AL503): the second is off
    text = with_tables(narrative="基本支出、项目支出分别为709.66万元、1076.07万元。", tables=table(BUDGET_ADD_CUT, "表1"))
    (f,) = found(text, "AL503")
    assert (f.evidence.stated, f.location.column) == ("1076.07", text.split("\n")[f.location.line - 1].index("1076.07") + 1)
    assert f.message_zh.startswith("“项目支出”此处为 1076.07万元")


# ---------------------------------------------------------------------------
# M9: "X预算A，决算B": the 决算 is X's


SANGONG_PRIOR = [
    ["项目", "预算数", "决算数", "上年决算数"],
    ["因公出国（境）费", "0.00", "0.00", "0.00"],
    ["公务用车购置及运行维护费", "6.80", "6.42", "6.95"],
    ["公务接待费", "1.40", "0.93", "1.10"],
    ["合计", "8.20", "7.35", "8.05"],
]


def _sangong(sentence: str) -> str:
    return narrative(sentence, "表1 “三公”经费情况（单位：万元）") + table(SANGONG_PRIOR)


def test_a_bare_actual_after_a_budget_takes_its_subject():
    sts = read_paragraph(para("2024年“三公”经费预算8.20万元，决算7.35万元，比上年减少0.70万元。"))
    assert [f.subject for f in of(Figure, sts)] == ["“三公”经费预算", "“三公”经费决算"]
    (ch,) = of(Change, sts)
    assert ch.current is not None and ch.current.quantity.text == "7.35万元"
    # income then spending may be two scopes: nothing is carried
    assert [f.subject for f in of(Figure, read_paragraph(para("财政拨款收入100.00万元，支出90.00万元。")))] == ["财政拨款收入", "支出"]
    # a neutral owner (本部门) is no subject to carry
    assert [f.subject for f in of(Figure, read_paragraph(para("本部门调整预算100.00万元，实际支出90.00万元。")))][1] == "实际支出"


def test_the_carried_subject_finds_the_prior_year_in_the_table():
    text = _sangong("2024年“三公”经费预算8.20万元，决算7.35万元，比上年减少0.40万元。")
    (f,) = found(text, "AL204")  # 7.35 − 8.05 = −0.70
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("减少0.40万元", "减少0.70万元", 3)
    assert found(_sangong("2024年“三公”经费预算8.20万元，决算7.35万元，比上年减少0.70万元。"), "AL204") == []


# ---------------------------------------------------------------------------
# M10: the same digits in 元 here and in 万元 elsewhere, under the same name


RECOVERY_ROWS = [
    ["一级指标", "三级指标", "年度指标值", "分值", "实际完成值", "得分"],
    ["产出指标", "追缴违规基金", "≥2000万元", "10", "2735.48万元", "10"],
    ["满意度指标", "参保群众满意度", "≥90%", "10", "95%", "10"],
]


def _recovery(sentence: str) -> str:
    return narrative(sentence, "表1 绩效指标完成情况") + table(RECOVERY_ROWS)


def test_an_amount_in_yuan_with_the_digits_of_an_amount_in_wan_yuan():
    text = _recovery("全年检查定点机构1,208家次，追缴医保基金2,735.48元，移交线索6条。")
    (f,) = found(text, "AL305")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("2,735.48元", "万元", 3)
    assert f.related[0].location.line == line_of(text, "2735.48万元")
    assert "追缴违规基金 2735.48万元" in f.message_zh and f.severity == "warning"


def test_the_same_digits_in_a_budget_table_read_in_its_unit():
    text = with_tables(narrative="本年项目支出1067.07元，主要用于设备购置。", tables=table(BUDGET_ADD_CUT, "表1（单位：万元）"))
    (f,) = found(text, "AL305")
    assert (f.evidence.stated, f.evidence.computed) == ("1067.07元", "万元")


def test_other_digits_another_name_per_head_amounts_and_whole_yuan_are_not_twins():
    for sentence in ("追缴医保基金2,735.40元。",  # other digits
                     "发放慰问金2,735.48元。",  # another name
                     "人均追缴基金2,735.48元。",  # per head
                     "追缴医保基金2735元。"):  # not to the cent
        assert found(_recovery(sentence), "AL305") == [], sentence
    assert found(_recovery("全年追缴医保基金2,735.48万元。"), "AL305") == []


def test_an_amount_already_found_by_its_bracket_is_reported_once():
    text = with_tables(narrative="本年支出1776.73元（基本支出709.66万元，项目支出1067.07万元）。本年支出1776.73万元。",
                       tables=table(BUDGET_ADD_CUT, "表1（单位：万元）"))
    (f,) = found(text, "AL305")
    assert "分项" in f.message_zh and f.evidence.stated == "1776.73元"


# ---------------------------------------------------------------------------
# the same kind of mistake elsewhere: a rate or a change after two amounts it may be of


def test_a_rate_after_two_parallel_actuals_is_nobodys():
    text = "基本支出预算1000.00万元，实际支出990.00万元；项目支出预算500.00万元，实际支出450.00万元，预算执行率96.00%。"
    assert of(Rate, read_paragraph(para(text))) == []
    assert found(narrative(text), "AL201") == []
    one = "项目支出预算500.00万元，实际支出450.00万元，预算执行率96.00%。"
    (f,) = found(narrative(one), "AL201")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("96.00%", "90.00%", 3)


def test_a_change_after_a_list_of_parts_is_not_the_last_parts():
    text = with_tables(narrative="2024年支出1776.73万元，其中基本支出709.66万元、项目支出1067.07万元，比上年增加568.81万元。",
                       tables=table(BUDGET_ADD_CUT, "表1"))
    assert found(text, "AL204") == []  # 1776.73 − 1207.92: the total's change, not 项目支出's
    one = with_tables(narrative="2024年项目支出1067.07万元，比上年增加568.81万元。", tables=table(BUDGET_ADD_CUT, "表1"))
    (f,) = found(one, "AL204")  # 1067.07 − 495.52
    assert (f.evidence.stated, f.evidence.computed) == ("增加568.81万元", "增加571.55万元")


# ---------------------------------------------------------------------------
# AL503: a category merged over its rows names the group; an income table is no spending


MERGED = ("表1 支出情况（单位：万元）\n支出类别\t项目名称\t年初预算\t实际支出\n基本支出\t工资福利支出\t100.00\t98.00\n"
          "\t商品和服务支出\t20.00\t19.00\n\t小计\t120.00\t117.00\n项目支出\t甲项目\t50.00\t45.00\n\t乙项目\t30.00\t28.00\n"
          "\t小计\t80.00\t73.00\n合计\t\t200.00\t190.00\n")


def test_a_category_merged_over_a_group_is_its_subtotal():
    good = narrative("本年基本支出117.00万元，项目支出73.00万元。", MERGED)
    assert found(good, "AL503") == []
    bad = good.replace("117.00万元", "171.00万元")
    (f,) = found(bad, "AL503")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("171.00", "117.00", 3)
    assert "基本支出小计" in f.message_zh


INCOME = [
    ["项目", "决算数", "占比（%）"],
    ["财政拨款收入", "3184.06", "84.48"],
    ["事业收入", "584.98", "15.52"],
    ["收入合计", "3769.04", "100.00"],
]
SPENDING = [
    ["项目", "决算数", "占比（%）"],
    ["基本支出", "709.66", "39.94"],
    ["项目支出", "1067.07", "60.06"],
    ["支出合计", "1776.73", "100.00"],
]


def test_an_income_table_restates_no_spending():
    text = with_tables(tables=table(BUDGET_ADD_CUT, "表1（单位：万元）") + table(INCOME, "表2 收入情况（单位：万元）"))
    assert found(text, "AL503") == []
    wrong = [r[:] for r in SPENDING]
    wrong[3][1] = "1767.73"
    (f,) = found(with_tables(tables=table(BUDGET_ADD_CUT, "表1（单位：万元）") + table(wrong, "表2 支出结构（单位：万元）")), "AL503")
    assert (f.evidence.stated, f.evidence.computed) == ("1767.73", "1776.73")
