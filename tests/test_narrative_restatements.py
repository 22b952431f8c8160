"""An amount in 元 restated in a bracket in 万元 or 亿元 ("（约871.8万元）", "（合0.39亿元）")
is the same amount rounded, whichever way it rounds, and no part larger than its
total; a bracket whose amounts are far larger than a total in 元 shows the total's
wrong unit (AL305; docs/false-alarms.md FA02).

Each case has a report where the check stays silent and one where it still fires,
with the exact numbers and the line."""

from __future__ import annotations

from reports import found, line_of


def report(*sentences: str) -> str:
    return "某县某某局2024年度项目支出绩效自评报告\n一、资金使用情况\n" + "\n".join(sentences) + "\n"


def test_a_restatement_in_wan_or_yi_yuan_that_rounds_up_is_the_same_amount():
    text = report(
        "本年项目支出4,526,381.60元（约452.64万元），预算执行率94.30%。",  # 452.64万元 = 4,526,400元: rounds up
        "本年资金支出4,526,381.60元（452.6万元）。",  # rounds down
        "全年专项资金支出26,815,000元（合0.27亿元）。",  # 0.27亿元 = 27,000,000元: rounds up
        "本年项目支出3,460,051.20元（折合346.01万元）。",
        "本年项目支出3,460,051.20元（即346.0051万元）。",
    )
    assert found(text, "AL305") == []
    assert found(text, "AL102") == []


def test_a_bracketed_amount_larger_than_a_total_in_yuan_still_fires():
    text = report("本年项目支出4,526.38元（其中设备购置支出300.00万元、劳务支出152.64万元）。")
    (f,) = found(text, "AL305")
    assert (f.evidence.stated, f.evidence.computed) == ("4,526.38元", "万元")
    assert f.location.line == line_of(text, "4,526.38元")
    assert "设备购置支出300.00万元" in f.message_zh


def test_a_restatement_with_the_same_digits_shows_the_wrong_unit():
    text = report("本年项目支出4,526.38元（约4,526.38万元）。")
    (f,) = found(text, "AL305")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("4,526.38元", "万元", 3)
