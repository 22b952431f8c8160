"""AL205, AL304, AL305, AL505, AL506, AL507: where they fire, with the exact numbers
and the line they point at, and where they must stay silent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.engine.registry import get
from auditlint.engine.run import RunOptions, lint_file
from reports import cell_lines
from xref_reports import by_id, line_of, lint, row, self_eval

# ---------------------------------------------------------------------------
# AL205 deviation-mismatch


def test_al205_fires_on_a_deviation_that_no_reading_gives():
    text = self_eval(row("职工住院费用基金支付比例", "＞85%", "89%", deviation="100%"))
    (f,) = by_id(lint(text, "AL205"), "AL205")
    assert f.severity == "error"
    assert (f.evidence.stated, f.evidence.computed) == ("100%", "4.71%")
    assert f.location.line == line_of(text, "\t100%")
    assert f.evidence.operands == (("目标值", "＞85%"), ("完成值", "89%"))


@pytest.mark.parametrize("deviation", [
    "-50.00%",  # (1 − 2) ÷ 2
    "50%",  # the sign turned: (target − actual) ÷ target
    "-50%",
])
def test_al205_accepts_relative_deviations_either_way(deviation):
    assert lint(self_eval(row("完成课题报告数量", "=2篇", "1篇", deviation=deviation)), "AL205") == []


@pytest.mark.parametrize(("target", "actual", "deviation"), [
    ("＞85%", "89%", "4.71%"),  # relative
    ("＞85%", "89%", "4%"),  # percentage points
    ("＞85%", "89%", "0%"),  # a met target recorded as no shortfall
    ("=100%", "98.19%", "-1.81%"),
    ("=100%", "98.19%", "-1.8%"),  # coarser print of the same number
    ("<=0%", "0%", "0%"),  # a zero target: only points can be taken
    (">=100", "100", "0.00%"),
])
def test_al205_silent_where_the_deviation_holds(target, actual, deviation):
    assert lint(self_eval(row("某指标完成率", target, actual, deviation=deviation)), "AL205") == []


@pytest.mark.parametrize(("target", "actual", "deviation"), [
    ("健全", "健全", "0%"),  # text
    ("=100%", "<=10%", "5%"),  # a range as the completion
    ("＞100%", "100%", "100%"),  # an impossible target: AL304's
    ("=100%", "100%", ""),  # no deviation printed
    ("=100%", "100%", "无偏差"),
    ("=100万元", "99%", "1%"),  # a percent against money
])
def test_al205_silent_where_it_cannot_judge(target, actual, deviation):
    assert lint(self_eval(row("检查覆盖率", target, actual, deviation=deviation)), "AL205") == []


def test_al205_silent_on_a_row_whose_columns_are_shifted():
    # the source column holds a number: the row is misaligned, its deviation is not judged
    text = self_eval(row("检查覆盖率", "≥90%", "100%", source="＞95%", deviation="100%"))
    assert lint(text, "AL205") == []


def test_al205_rounding_of_the_completion_is_allowed_for():
    # 89% is [88.5, 89.5]: (89.5 − 85) ÷ 85 = 5.29…%, so a printed 5.29% may be right
    assert lint(self_eval(row("某比例", "＞85%", "89%", deviation="5.29%")), "AL205") == []
    (f,) = by_id(lint(self_eval(row("某比例", "＞85%", "89%", deviation="5.40%")), "AL205"), "AL205")
    assert f.severity == "error" and f.evidence.computed == "4.71%"


# ---------------------------------------------------------------------------
# AL304 impossible-target


def test_al304_fires_on_a_proportion_above_100():
    text = self_eval(row("市区两定机构检查覆盖率", "＞100%", "100%", deviation="0%"))
    (f,) = by_id(lint(text, "AL304"), "AL304")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("＞100%", "≤ 100%", line_of(text, "＞100%"))
    assert f.severity == "error"


@pytest.mark.parametrize(("name", "target"), [("服务满意度", "≥105%"), ("覆盖率", "=120%"), ("支付比例", "<0%")])
def test_al304_other_impossible_targets(name, target):
    assert len(by_id(lint(self_eval(row(name, target, "90%")), "AL304"), "AL304")) == 1


@pytest.mark.parametrize(("name", "target"), [
    ("检查覆盖率", "≥100%"), ("检查覆盖率", "=100%"), ("服务满意度", "＞95%"),
    ("非税收入预算完成率", ">=110%"),  # a completion rate may exceed 100%
    ("预算执行率", "≥101%"),  # execution is not a proportion of a whole in the base
    ("“三公经费”变动率", "≤0%"),  # a rate of change may be anything
    ("检查覆盖率", "健全"),
])
def test_al304_silent_on_possible_targets(name, target):
    assert lint(self_eval(row(name, target, "100%")), "AL304") == []


# ---------------------------------------------------------------------------
# AL506 completion-not-a-value


def test_al506_fires_on_a_range_as_the_completion():
    text = self_eval(row("预算偏差率", "<=10%", "<=10%", deviation=""))
    (f,) = by_id(lint(text, "AL506"), "AL506")
    assert (f.evidence.stated, f.location.line) == ("<=10%", line_of(text, "<=10%", 2))
    assert "照抄" in f.message_zh and f.severity == "warning"


@pytest.mark.parametrize("actual", ["≥0%", "≤100%", "90%-100%", "＞95%"])
def test_al506_other_ranges(actual):
    assert len(by_id(lint(self_eval(row("某指标", "=100%", actual)), "AL506"), "AL506")) == 1


@pytest.mark.parametrize("actual", ["＝100%", "100%", "98.19%", "健全", "", "—"])
def test_al506_silent_on_values(actual):
    assert lint(self_eval(row("某指标", "=100%", actual)), "AL506") == []


# ---------------------------------------------------------------------------
# AL507 target-missed


def test_al507_fires_on_an_unexplained_miss():
    text = self_eval(row("完成课题报告数量", "=2篇", "1篇", deviation="-50.00%"))
    (f,) = by_id(lint(text, "AL507"), "AL507")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("1篇", "2篇", line_of(text, "\t1篇"))
    assert f.severity == "warning" and f.materiality == 0.5


@pytest.mark.parametrize(("target", "actual", "computed"), [
    ("≥95%", "90%", "≥ 95%"), (">=3", "2", "≥ 3"), ("<=100%", "103%", "≤ 100%"), ("＜5次", "5次", "< 5次")])
def test_al507_other_misses(target, actual, computed):
    (f,) = by_id(lint(self_eval(row("某指标", target, actual))), "AL507")
    assert f.evidence.computed == computed


@pytest.mark.parametrize(("target", "actual", "reason", "deviation"), [
    ("=2篇", "1篇", "一项课题结题顺延至次年", "-50%"),  # a reason is given
    ("=2篇", "1篇", "", "未完成，课题延期"),  # the deviation cell explains
    ("=2篇", "2篇", "", "0%"),  # met
    ("=2篇", "3篇", "", "50%"),  # exceeded
    ("＞95%", "95%", "", "0%"),  # 95% may be 95.4%: rounding cannot decide
    ("＞100%", "100%", "", "0%"),  # impossible target: AL304's
    ("=100%", "健全", "", "0%"),
    ("=0%", "-2.29%", "", "0%"),  # 预算调整率: lower is better, below an =0% target is no miss
    ("=100%", "<=10%", "", "0%"),  # a range: AL506's
])
def test_al507_silent(target, actual, reason, deviation):
    name = "预算调整率" if target == "=0%" else "完成课题报告数量"
    assert lint(self_eval(row(name, target, actual, reason=reason, deviation=deviation)), "AL507") == []


def test_al507_direction_of_good_from_the_knowledge_base():
    # 在职人员控制率 is better lower: 120% against =100% misses, 90% does not
    assert len(by_id(lint(self_eval(row("在职人员控制率", "=100%", "120%"))), "AL507")) == 1
    assert lint(self_eval(row("在职人员控制率", "=100%", "90%")), "AL507") == []


def test_al507_not_on_scored_tables():
    scoring = "一、附件\n" + cell_lines([
        ["一级指标", "二级指标", "三级指标", "全年指标值", "权重", "指标值完成情况", "自评得分"],
        ["履职", "咨询服务", "接通率", "≥95%", "5", "90%", "5"],
    ])
    assert lint(scoring, "AL507") == []


# ---------------------------------------------------------------------------
# AL305 unit-error


def test_al305_count_measured_in_money():
    text = self_eval(row("来电量", "＝100万元", "99.54万元", deviation="-0.46%"))
    (f,) = by_id(lint(text, "AL305"), "AL305")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("＝100万元", "万次", line_of(text, "＝100万元"))


def test_al305_count_in_money_only_in_the_actual():
    text = self_eval(row("培训人数", "≥200人", "3.5万元"))
    (f,) = by_id(lint(text, "AL305"), "AL305")
    assert (f.evidence.stated, f.evidence.computed) == ("3.5万元", "万人")


@pytest.mark.parametrize(("name", "target"), [("来电量", "＝100万"), ("来电量", "＝100万次"), ("结算额", "＝280亿元"),
                                              ("资金数量", "=5万元")])
def test_al305_silent_on_counts_in_counts_and_money_in_money(name, target):
    assert lint(self_eval(row(name, target, target)), "AL305") == []


def test_al305_an_amount_in_yuan_among_like_amounts_in_yi():
    para = ("大病保险保障超18.4万人，大病基金支出13.45元，实时救助86.15万人次，救助基金支出1.29亿元。"
            "长护保险基金支出5.91亿元。\n")
    text = self_eval(row("某指标", "健全", "健全"), before=para)
    (f,) = by_id(lint(text, "AL305"), "AL305")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("13.45元", "亿元", line_of(text, "13.45元"))
    assert f.location.column == para.index("13.45") + 1
    assert f.severity == "warning"
    assert "救助基金支出1.29亿元" in f.message_zh


def test_al305_a_total_in_yuan_smaller_than_its_parts():
    para = "2024年度本年支出1782.77元（基本支出715.69万元，项目支出1067.07万元）。\n"
    (f,) = by_id(lint(self_eval(row("某指标", "健全", "健全"), before=para), "AL305"), "AL305")
    assert (f.evidence.stated, f.evidence.computed, f.severity) == ("1782.77元", "万元", "error")


@pytest.mark.parametrize("para", [
    "全市住院费用141.9亿元，次均费用13349.6元，统筹基金支出94.2亿元。",  # per visit
    "居民医保财政补助标准1005元，全年财政补助支出12.6亿元。",  # a standard
    "非税收入522.56万元，银行存款利息收入1400元。",  # a small amount that may well be real (ratio < 10⁴)
    "非税收入522.56万元，其他收入14元。",  # only the word 收入 is shared: not like amounts
    "本年支出1782.77万元（基本支出715.69万元，项目支出300元）。",  # no sum proves 300 is 万元
    "本年支出1782.77万元（其中捐赠支出300元）。",  # a small part, genuinely in 元
    "本年支出1782.77万元（基本支出715.69万元，项目支出1067.07万元）。",
    "基金支出13.45元，采购金额5.2亿元。",  # not like amounts (支出 vs 金额)
    "人均支出35.6元，全市支出1.2亿元。",
])
def test_al305_silent_on_genuine_small_amounts(para):
    assert lint(self_eval(row("某指标", "健全", "健全"), before=para + "\n"), "AL305") == []


def test_al305_a_part_in_yuan_of_a_total_in_wan():
    para = "本年支出1782.77万元（基本支出715.69元，项目支出1067.07万元）。\n"
    (f,) = by_id(lint(self_eval(row("某指标", "健全", "健全"), before=para), "AL305"), "AL305")
    # 715.69 + 1067.07 = 1782.76 only when 715.69 is read in 万元
    assert (f.evidence.stated, f.evidence.computed, f.severity) == ("715.69元", "万元", "error")


def test_al305_finds_the_same_slip_in_a_table_cell_too():
    cell_text = "大病基金支出13.45元，救助基金支出1.29亿元。"
    text = self_eval(row("某指标", "健全", "健全"), before="大病基金支出13.45元，救助基金支出1.29亿元。\n",
                     after=cell_lines([["任务", "完成情况"], ["医疗救助", cell_text]]))
    found = by_id(lint(text, "AL305"), "AL305")
    assert sorted(f.location.line for f in found) == [line_of(text, "13.45元"), line_of(text, "13.45元", 2)]
    assert len({f.fingerprint for f in found}) == 2


SCORED_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差", "分值", "得分", "偏差原因分析"]


def scored_self_eval(*rows: list[str]) -> str:
    """A project 自评表 that scores (分值, 得分) and prints 偏差 beside them."""
    total = ["总分", "", "", "", "", "", "100", "100", ""]
    return ("2023年度就业补助资金项目支出绩效自评报告\n一、项目概况\n本项目用于就业补助。\n二、自评表\n"
            + cell_lines([SCORED_HEADER, *rows, total]) + "\n\n")


def test_al205_the_deviation_of_a_scored_self_evaluation_table():
    text = scored_self_eval(
        ["产出指标", "数量指标", "新增就业人数", "≥12000人", "12860人", "71.67%", "50", "50", ""],
        ["效益指标", "社会效益指标", "零就业家庭清零率", "100%", "100%", "0.00%", "50", "50", ""])
    (f,) = by_id(lint(text, "AL205"), "AL205")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("71.67%", "7.17%", line_of(text, "71.67%"))


def test_al205_silent_on_a_scored_table_whose_deviations_hold():
    text = scored_self_eval(
        ["产出指标", "数量指标", "新增就业人数", "≥12000人", "12860人", "7.17%", "50", "50", "超额完成"],
        ["效益指标", "社会效益指标", "就业困难人员就业率", "≥80%", "78.5%", "-1.5%", "50", "48", "受经济形势影响"])
    assert lint(text, "AL205") == []


# ---------------------------------------------------------------------------
# AL505 period-mismatch


def test_al505_a_source_from_another_year():
    text = self_eval(row("预算执行率", "=100%", "100%", source="2023年度决算报告"))
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("2023年度决算报告", "2024年",
                                                                          line_of(text, "2023年度决算报告"))


@pytest.mark.parametrize("source", ["2024年度决算报告", "《苏州市医疗保障事业十四五规划》", "医保统计年报",
                                    "2023-2025年行动计划", "2023年度决算报告、2024年度决算报告"])
def test_al505_silent_on_sources_of_the_year_or_of_no_year(source):
    assert lint(self_eval(row("预算执行率", "=100%", "100%", source=source)), "AL505") == []


def test_al505_silent_when_the_year_evaluated_is_unknown():
    text = self_eval(row("预算执行率", "=100%", "100%", source="2023年度决算报告"),
                     before="绩效评价时段为2023年1月1日至2023年12月31日。\n")
    assert lint(text, "AL505") == []


def test_al505_later_data_stated_as_done():
    para = ("2024年上半年，我市参保人数保持净增长，但仅增长4.25万人。"
            "2019年、2022年、2024年，国家飞行检查发现违规使用医保基金合计超3亿元。"
            "2024年开始，南京将成为每年国家飞检的必检城市。\n")
    text = self_eval(row("某指标", "健全", "健全", source="2023年度工作总结"), year=2023, before=para)
    found = by_id(lint(text, "AL505"), "AL505")
    assert [(f.evidence.stated, f.location.line, f.location.column) for f in found] == [
        ("2024年上半年", line_of(text, "2024年上半年"), 1),
        ("2024年", line_of(text, "2024年上半年"), para.index("2024年，国家") + 1),
    ]
    assert {f.evidence.computed for f in found} == {"2023年"}


@pytest.mark.parametrize("para", [
    "2024年开始，南京将成为必检城市。",  # a plan
    "2024年，我局计划完成门诊共济改革。",
    "已完成2024年度预算编制，共计5000万元。",  # a year naming a thing
    "截至2023年末，参保人数达870.96万人。",  # the evaluated year
    "2024年，继续深化改革。",  # nothing done or measured
    "力争2024年底前出台办法。",
])
def test_al505_silent_on_plans_and_the_year_itself(para):
    text = self_eval(row("某指标", "健全", "健全", source="2023年度工作总结"), year=2023, before=para + "\n")
    assert lint(text, "AL505") == []


def test_al505_a_date_after_the_report_s_own_date():
    text = self_eval(row("某指标", "健全", "健全"),
                     before="2024年11月，完成全部整改，追回资金12万元。\n",
                     after="某某局\n2024年10月\n")
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed) == ("2024年11月", "≤ 2024年10月")


@pytest.mark.parametrize("para", [
    "2024年1月15日，我局印发绩效自评工作方案，成立自评工作小组，成员9人。",
    "2024年2月，评价组完成满意度问卷调查，回收有效问卷115份。",
])
def test_al505_silent_on_the_dates_of_the_evaluation_s_own_work(para):
    # a 2023 self-evaluation is carried out early in 2024, before the report is dated
    text = self_eval(row("某指标", "健全", "健全", source="2023年度决算报告"), year=2023, before=para + "\n",
                     after="某某局\n2024年3月20日\n")
    assert lint(text, "AL505") == []


def test_al505_the_evaluation_s_work_still_counts_when_it_is_later_than_the_report():
    para = "2024年4月，自评工作小组完成现场核查，追回资金12万元。\n"
    text = self_eval(row("某指标", "健全", "健全", source="2023年度决算报告"), year=2023, before=para,
                     after="某某局\n2024年3月20日\n")
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("2024年4月", "2023年", line_of(text, "2024年4月"))
    # and work that is not the evaluation's, in the year after, is still data stated as done
    text = self_eval(row("某指标", "健全", "健全", source="2023年度决算报告"), year=2023,
                     before="2024年2月，完成门诊共济改革，惠及3.2万人。\n")
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed) == ("2024年2月", "2023年")


def test_al505_a_deadline_is_a_target_not_data():
    para = "到2026年，全市基本医疗保险参保率稳定在98%以上。\n"
    assert lint(self_eval(row("某指标", "健全", "健全"), year=2024, before=para), "AL505") == []
    # "截至" is a point in time, and a deadline stated as already reached is data
    for done in ("截至2025年3月，参保人数达912.4万人。\n", "到2025年2月，已完成全部整改，追回资金12万元。\n"):
        text = self_eval(row("某指标", "健全", "健全"), year=2024, before=done)
        (f,) = by_id(lint(text, "AL505"), "AL505")
        assert f.evidence.stated == "2025年" + done.split("2025年")[1].split("，")[0]


def test_al505_silent_in_a_section_of_goals_and_plans():
    goals = "（一）中长期发展目标\n2026年，全市参保人数达到930万人，异地就医直接结算率达到90%。\n（二）年度完成情况\n"
    text = self_eval(row("某指标", "健全", "健全"), year=2024, before=goals)
    assert lint(text, "AL505") == []
    # the section after it reports again, and so does one on how the goals were met
    later = goals + "2025年1月，完成年度清算，清算资金3.6亿元。\n"
    (f,) = by_id(lint(self_eval(row("某指标", "健全", "健全"), year=2024, before=later), "AL505"), "AL505")
    assert f.evidence.stated == "2025年1月"
    met = "（一）绩效目标完成情况\n2025年1月，完成年度清算，清算资金3.6亿元。\n"
    (f,) = by_id(lint(self_eval(row("某指标", "健全", "健全"), year=2024, before=met), "AL505"), "AL505")
    assert f.evidence.stated == "2025年1月"


# ---------------------------------------------------------------------------
# the checks are registered with their explanations


@pytest.mark.parametrize("check_id", ["AL205", "AL304", "AL305", "AL505", "AL506", "AL507"])
def test_registered_with_examples(check_id):
    spec = get(check_id)
    assert spec is not None
    for lang in ("zh", "en"):
        text = spec.explanation[lang]
        assert ("错误示例" in text and "正确示例" in text) if lang == "zh" else ("Bad:" in text and "Good:" in text)


# ---------------------------------------------------------------------------
# the seeds


def _run(path, select="AL205,AL304,AL305,AL505,AL506,AL507"):
    result = lint_file(path, RunOptions(select=frozenset(select.split(",")), plugins=False))
    assert result.error is None
    return sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in result.findings)


def test_suzhou(seeds):
    got = _run(seeds / "suzhou-bureau-2024.txt")
    sources = [("AL505", n, "2023年度决算报告", "2024年") for n in (465, 474, 483, 492, 501, 510, 519)]
    assert got == sorted([
        ("AL205", 556, "100%", "4.71%"), ("AL205", 565, "100%", "10.00%"), ("AL205", 574, "100%", "4.21%"),
        ("AL304", 634, "＞100%", "≤ 100%"),
        ("AL305", 12, "13.45元", "亿元"), ("AL305", 225, "13.45元", "亿元"),
        *sources, ("AL505", 591, "2023年度工作总结", "2024年"),
        ("AL506", 482, "<=10%", "a value"),
        ("AL507", 608, "1篇", "2篇"),
    ])


def test_nanjing_bureau(seeds):
    # its scoring table's two satisfaction rows state "超过90%。" as the completion: a range in words
    assert _run(seeds / "nanjing-bureau-2023.txt") == [
        ("AL505", 70, "2024年上半年", "2023年"), ("AL505", 72, "2024年", "2023年"),
        ("AL506", 692, "超过90%", "a value"), ("AL506", 706, "超过90%", "a value")]


def test_nanjing_center(seeds):
    # its indicators are in a scoring table, whose rows join these checks (extract/indicators.ScoredRow)
    ranges = [(284, "≥0%"), (300, "≤100%"), (316, "≤100%"), (324, "≤0%"), (340, "≥100%"), (493, "＜0.01%"),
              (517, "＞95%"), (559, "＞95%")]
    assert _run(seeds / "nanjing-center-2024.txt") == sorted([
        ("AL305", 507, "＝100万元", "万次"), *(("AL506", n, shown, "a value") for n, shown in ranges)])


_FRAGMENTS = st.sampled_from([
    "一、", "（二）", "3．", "（4）", "2024年", "2023年上半年，", "支出", "13.45元", "1.29亿元", "（", "）", "，", "。",
    "基金支出", "收入", "万元", "填报人：", "日期：", "年 月 日", "\t", "\t=2篇", "\t1篇", "\t＞100%", "\t<=10%",
    "\t指标名称", "\t目标值", "\t完成值", "\t偏差情况", "\t完成值来源", "\t2023年度决算报告", "\n", "\n\n", "覆盖率", "来电量",
])


@settings(max_examples=40, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=60))
def test_no_input_makes_these_checks_crash(parts):
    text = "某局2024年度绩效自评报告\n" + "".join(parts)
    for f in lint(text, "AL205,AL304,AL305,AL505,AL506,AL507,AL601,AL602,AL603"):
        assert f.location.line is not None and f.message_zh and f.message_en


# ---------------------------------------------------------------------------
# AL505, round two: a dated follow-up on carried-over work, and a narrative source of
# another year


def test_al505_silent_on_a_dated_follow_up_of_carried_over_work():
    follow_up = "截至2025年3月10日，跨年续建的管网工程已完成竣工验收，剩余质保金按合同约定支付。\n"
    text = self_eval(row("某指标", "健全", "健全"), year=2024, before=follow_up, after="某某局\n2025年4月2日\n")
    assert lint(text, "AL505") == []
    # undated report: a follow-up in the year after is still the writer's dated update
    assert lint(self_eval(row("某指标", "健全", "健全"), year=2024, before=follow_up), "AL505") == []


def test_al505_a_follow_up_still_counts_after_the_report_or_without_carried_over_work():
    follow_up = "截至2025年3月10日，跨年续建的管网工程已完成竣工验收。\n"
    # dated after the report itself
    text = self_eval(row("某指标", "健全", "健全"), year=2024, before=follow_up, after="某某局\n2025年2月20日\n")
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("2025年3月10日", "2024年",
                                                                          line_of(text, "截至2025年3月10日"))
    # a later measurement of this year's kind, not about carried-over work
    text = self_eval(row("某指标", "健全", "健全"), year=2024, before="截至2025年2月底，全区累计完成改造412户。\n",
                     after="某某局\n2025年4月2日\n")
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed) == ("2025年2月底", "2024年")


def test_al505_the_year_s_figures_sourced_from_an_earlier_year():
    para = "据2023年度合作医疗结算台账统计，全年结算人次4.62万人次、结算金额2,380.15万元，均完成年度目标。\n"
    text = self_eval(row("某指标", "健全", "健全"), year=2024, before=para)
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("2023年度合作医疗结算台账", "2024年",
                                                                          line_of(text, "据2023年度"))
    assert f.location.column == 2


@pytest.mark.parametrize("para", [
    "据2024年度合作医疗结算台账统计，全年结算人次4.62万人次。",  # the year's own records
    "据2023年度决算报表，上年结算金额2,180.00万元，本年比上年增长9.18%。",  # a comparison with that year
    "根据2023年度审计报告，本年完成整改事项12项。",  # the basis of the work, not a record of its figures
    "据2025年1月统计，全年结算人次4.62万人次。",  # compiled after the year, of the year
    "据2022年度人口统计资料，全县常住人口12.6万人。",  # context, not the period's figures
])
def test_al505_silent_on_sources_that_do_not_stand_for_the_year(para):
    assert lint(self_eval(row("某指标", "健全", "健全"), year=2024, before=para + "\n"), "AL505") == []


def test_al505_a_document_read_for_the_year_s_figures():
    para = "据2023年度部门决算报告显示，全年支出1,236.50万元，预算执行率96.20%。\n"
    text = self_eval(row("某指标", "健全", "健全"), year=2024, before=para)
    (f,) = by_id(lint(text, "AL505"), "AL505")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("2023年度部门决算报告", "2024年", line_of(text, para[:8]))


# ---------------------------------------------------------------------------
# checks read Facts only

ALLOWED = ("auditlint.extract", "auditlint.findings", "auditlint.numbers", "auditlint.rank", "auditlint.engine.registry",
           "auditlint.checks.helpers", "__future__", "collections", "decimal", "re", "dataclasses", "typing")
CHECK_FILES = ("scoring/*.py", "crossref/AL50[1-4]_*.py", "crossref/AL50[67]_*.py", "arithmetic/AL104_*.py",
               "values/AL304_*.py")


def _check_modules() -> list:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "checks"
    return sorted(p for pattern in CHECK_FILES for p in root.glob(pattern) if p.name != "__init__.py")


@pytest.mark.parametrize("path", _check_modules(), ids=lambda p: p.name)
def test_a_check_reads_facts_only(path) -> None:
    # a check imports extraction, findings and the shared wording; never another check, a reader or the raw document
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert imported
    assert [m for m in imported if not any(m == a or m.startswith(a + ".") for a in ALLOWED)] == []
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr in ("document", "blocks", "paragraphs")]


def test_the_check_modules_are_found() -> None:
    assert len(_check_modules()) == 18  # AL104, AL304, AL401–AL410, AL501–AL504, AL506, AL507
