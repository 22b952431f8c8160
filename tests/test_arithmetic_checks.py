"""AL101, AL103, AL301, AL302: where they fire, with the exact numbers, and where they stay silent."""

from __future__ import annotations

from reports import UNLABELLED, by_id, lint, report

BUDGET = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数", "执行率"],
    ["基本支出", "710.52", "0", "0.86", "709.66", "715.69", "100.85%"],
    ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07", "100.00%"],
    ["合计", "1906.62", "0", "129.89", "1776.73", "1782.77", "100.34%"],
]


def test_a_clean_table_with_rounding_only_differences_is_silent():
    rows = [r[:] for r in BUDGET]
    rows[3][5] = "1782.77"  # 715.69 + 1067.07 = 1782.76: rounding
    # (its rates above 100% of the adjusted budget are AL303's, tested in test_ratio_checks.py)
    assert lint(report(rows), "AL1,AL301,AL302") == []


def test_al101_fires_with_the_arithmetic():
    rows = [r[:] for r in BUDGET]
    rows[3][5] = "1792.77"
    (f,) = by_id(lint(report(rows)), "AL101")
    assert f.severity == "error"
    assert (f.evidence.stated, f.evidence.computed, f.evidence.difference) == ("1792.77", "1782.76", "10.01")
    assert f.evidence.expression == "715.69 + 1067.07"
    assert f.location.row == 4 and f.location.col == 6
    assert "合计" in f.message_zh and "1782.76" in f.message_en


def test_al101_inside_worst_case_but_implausible_is_a_warning():
    rows = [["项目", "预算数", "实际数"]]
    rows += [[f"项目{i}", "10.00", "10.00"] for i in range(20)]
    rows += [["合计", "200.00", "199.91"]]  # 20 roundings of ±0.005 allow 0.105, 4σ is ~0.05
    (f,) = by_id(lint(report(rows)), "AL101")
    assert f.severity == "warning" and f.evidence.difference == "0.09"


def test_al101_infers_the_block_and_checks_the_other_columns():
    rows = [r[:] for r in UNLABELLED]
    rows[6][2] = "-20.00"
    al101 = by_id(lint(report(rows)), "AL101")
    assert [(f.evidence.stated, f.evidence.computed) for f in al101] == [("180.00", "130.00")]
    assert by_id(lint(report(rows)), "AL301")[0].evidence.stated == "-20.00"


def test_no_total_when_nothing_adds_up_and_no_structure_is_printed():
    rows = [
        ["项目", "年初预算数", "实际支出数"],
        ["预算总金额", "999.00", "998.00"],
        ["基本支出", "100.00", "95.00"],
        ["项目支出", "200.00", "175.00"],
        ["甲项目", "120.00", "99.00"],
    ]
    # flat rows: the total covers them all, but nothing adds up in any column → only a soft warning
    fs = by_id(lint(report(rows)), "AL101")
    assert fs and all(f.severity == "warning" for f in fs)


def test_al103_row_identity():
    fs = by_id(lint(report(BUDGET)), "AL103")
    assert fs == []
    rows = [r[:] for r in BUDGET]
    rows[1][4] = "715.69"
    rows[3][4] = "1782.77"
    fs = sorted(by_id(lint(report(rows)), "AL103"), key=lambda f: f.location.line)
    assert [(f.evidence.expression, f.evidence.computed, f.evidence.stated, f.evidence.difference) for f in fs] == [
        ("710.52 + 0 - 0.86", "709.66", "715.69", "6.03"),
        ("1906.62 + 0 - 129.89", "1776.73", "1782.77", "6.04"),
    ]
    assert {f.key[0] for f in fs} == {"基本支出", "合计"}


def test_al103_signed_adjustment_column_and_blank_cells():
    rows = [
        ["项目", "年初预算数", "追加追减数", "调整预算数", "实际支出数"],
        ["甲", "86", "-6.77", "79.23", "79.23"],
        ["乙", "27.87", "", "27.87", "27.87"],
        ["丙", "3.7", "-1091", "-1087.3", "1.79"],
    ]
    fs = lint(report(rows), "AL103")
    assert fs == []


def test_al301_negative_amount_but_not_in_signed_columns():
    rows = [
        ["项目", "年初预算数", "追加追减数", "调整预算数", "实际支出数"],
        ["甲", "86", "-6.77", "79.23", "79.23"],
        ["丙", "3.7", "-1091", "-1087.3", "1.79"],
    ]
    (f,) = lint(report(rows), "AL301")
    assert f.evidence.stated == "-1087.3" and f.key[0] == "丙" and f.location.col == 4


def test_al302_undefined_and_zero_base_rates_grouped_per_row():
    rows = [
        ["项目", "调整预算数", "实际支出数", "执行率"],
        ["甲", "0", "0", "NaN%"],
        ["乙", "0", "0", "#DIV/0!"],
        ["丙", "0", "3.56", "100%"],
        ["丁", "0", "0", "—"],
        ["戊", "10", "9", "90%"],
    ]
    fs = lint(report(rows), "AL302")
    assert sorted((f.key[0], f.evidence.stated) for f in fs) == [("丙", "100%"), ("乙", "#DIV/0!"), ("甲", "NaN%")]


def test_findings_point_at_the_line_of_the_number():
    rows = [r[:] for r in BUDGET]
    rows[3][5] = "1792.77"
    text = report(rows)
    (f,) = by_id(lint(text), "AL101")
    assert text.split("\n")[f.location.line - 1] == "\t1792.77"


# ---------------------------------------------------------------------------
# AL102: totals in the text and the parts they list


def narrative(*paragraphs: str) -> str:
    return "一、收支情况\n" + "\n".join(paragraphs) + "\n"


def test_al102_bracketed_parts_that_do_not_add_up():
    text = narrative("2024年度预算收入1764.10万元（基本收入1241.40万元，项目收入522.70万元），本年支出1782.77万元（基本支出709.66万元，项目收入1067.07万元）。")
    (f,) = lint(text, "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.difference) == ("1782.77万元", "1776.73万元", "6.04")
    assert f.evidence.expression == "709.66 + 1067.07" and f.severity == "error"
    assert f.location.line == 2 and f.location.column == text.split("\n")[1].index("1782.77") + 1
    # a 收入 listed under a 支出 total is still a part, and the message says so
    assert "项目收入" in f.message_zh and "名称不一致" in f.message_zh


def test_al102_rounding_only_is_silent():
    assert lint(narrative("本年支出1782.77万元（基本支出715.69万元，项目支出1067.07万元）。"), "AL102") == []
    assert lint(narrative("机关资产总额为3665.94万元。流动资产214.44万元，非流动资产3451.49万元。"), "AL102") == []


def test_al102_parts_in_another_unit_are_converted():
    ok = narrative("本年支出1782.77万元（基本支出7156900元，项目支出1067.07万元）。")
    assert lint(ok, "AL102") == []
    wrong = narrative("本年支出1432.68元（基本支出487.46万元，项目支出945.22万元）。")
    (f,) = lint(wrong, "AL102")
    assert f.evidence.computed == "14326800.00元" and "注意单位" in f.message_zh and "疑为单位错误" in f.message_zh


def test_al102_qizhong_lists_may_fall_short_but_not_exceed():
    short = narrative("基本支出715.69万元，其中工资福利支出577.57万元、商品和服务支出70.87万元；项目支出533.26万元。")
    assert lint(short, "AL102") == []
    over = narrative("基本支出715.69万元，其中工资福利支出677.57万元、商品和服务支出570.87万元，对个人和家庭的补助0.51万元；项目支出533.26万元。")
    (f,) = lint(over, "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("715.69万元", "1248.95万元", "677.57 + 570.87 + 0.51")
    assert "超过" in f.message_zh


def test_al102_a_qizhong_pair_of_basic_and_project_is_complete():
    text = narrative("支出年初预算5109.92万元，其中基本支出2556.92万元，项目支出2503万元。")
    (f,) = lint(text, "AL102")
    assert (f.evidence.stated, f.evidence.computed) == ("5109.92万元", "5059.92万元")


def test_al102_complementary_names_after_a_total():
    text = narrative("2024年年末结转结余51.43万元。财政拨款结转结余51.43万元，主要是待扣缴的社保；非财政拨款结转结余0.43万元，为利息收入结转。")
    (f,) = lint(text, "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.confidence) == ("51.43万元", "51.86万元", 0.85)
    assert f.key[:3] == ("narrative", "结转结余", "naming")


def test_al102_approximate_or_unnamed_figures_never_enter_a_sum():
    assert lint(narrative("总金额410.99亿元。其中，专区采购金额达177.31亿元，同比增加43.25亿元。"), "AL102") == []
    assert lint(narrative("总金额100亿元（超60亿元，近50亿元）。"), "AL102") == []
    assert lint(narrative("完成年度目标任务的115%（320亿元）。"), "AL102") == []


def test_al102_implausible_but_inside_the_worst_case_is_a_warning():
    parts = "，".join(f"项目{i}支出10.00万元" for i in range(20))
    (f,) = lint(narrative(f"本年支出199.91万元（{parts}）。"), "AL102")
    assert f.severity == "warning" and f.evidence.difference == "0.09"
