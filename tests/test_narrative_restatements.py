"""What a sentence's numbers say, in the layouts of the red team's fifth round
(docs/false-alarms-5.md):

- FA02 (AL305): a bracket after an amount in 元 that restates it in 万元 or 亿元
  ("（约871.8万元）", "（合0.39亿元）") is the same amount rounded, whichever way it
  rounds, and no part larger than its total;
- FA03 (AL102): a clause opened by 另/另外/此外/还/同时 after a 其中 list is money
  besides the list, not one more part of it;
- FA04 (AL102): a member of a 其中 list named "X中Y" after a member X is a part of X,
  not a sibling of it.

Each case has a report where the check stays silent and one where it still fires,
with the exact numbers and the line."""

from __future__ import annotations

from auditlint.extract.narrative import OfWhich, read_paragraph
from auditlint.model import Location, Paragraph
from reports import found, line_of


def report(*sentences: str) -> str:
    return "某县某某局2024年度项目支出绩效自评报告\n一、资金使用情况\n" + "\n".join(sentences) + "\n"


def of_which(sentence: str) -> list[OfWhich]:
    return [s for s in read_paragraph(Paragraph(1, sentence, Location("t.txt", line=3, column=1)))
            if isinstance(s, OfWhich)]


# FA02 ---------------------------------------------------------------------------

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


# FA03 ---------------------------------------------------------------------------

BESIDES = ("本年项目支出1,520.40万元，其中设备购置960.00万元、人员培训310.25万元、运行维护250.15万元，"
           "{word}从上级补助中安排宣传经费48.60万元。")


def test_money_introduced_by_another_word_after_a_list_is_not_a_part_of_it():
    for word in ("另", "另外", "此外还", "同时", "还"):
        sentence = BESIDES.format(word=word)
        (st,) = of_which(sentence)
        assert [p.text for p in st.parts] == ["960.00万元", "310.25万元", "250.15万元"], word
        assert found(report(sentence), "AL102") == [], word


def test_a_list_that_exceeds_its_total_still_fires_with_the_exact_numbers():
    wrong = BESIDES.format(word="另").replace("运行维护250.15万元", "运行维护350.15万元")
    text = report(wrong)
    (f,) = found(text, "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.difference) == ("1,520.40万元", "1620.40万元", "100.00")
    assert f.evidence.expression == "960.00 + 310.25 + 350.15"
    assert f.location.line == line_of(text, "1,520.40万元")


def test_a_part_whose_name_starts_with_those_letters_is_still_a_part():
    # 还贷资金 is a part (还 + 贷 is repayment, not "also"): the parts exceed the total
    text = report("本年支出500.00万元，其中工程款320.00万元、还贷资金230.00万元。")
    (f,) = found(text, "AL102")
    assert (f.evidence.stated, f.evidence.computed) == ("500.00万元", "550.00万元")


# FA04 ---------------------------------------------------------------------------

NESTED = "项目总预算1,250.00万元，其中省级补助800.00万元、县级配套450.00万元，省级补助中设备购置费{n}万元。"


def test_a_part_of_a_part_is_not_a_further_part():
    for sentence in (NESTED.format(n="320.00"),
                     NESTED.format(n="320.00").replace("省级补助中设备", "省级补助中的设备"),
                     "项目总预算1,250.00万元，其中省级补助800.00万元、县级配套450.00万元、省级补助中设备购置费320.00万元。"):
        (st,) = of_which(sentence)
        assert [p.text for p in st.parts] == ["800.00万元", "450.00万元"], sentence
        assert found(report(sentence), "AL102") == [], sentence


def test_a_sibling_part_after_the_list_still_adds_up_and_fires():
    wrong = NESTED.format(n="320.00").replace("县级配套450.00万元", "县级配套550.00万元")
    text = report(wrong)
    (f,) = found(text, "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("1,250.00万元", "1350.00万元", "800.00 + 550.00")
    # a third source named on its own is a sibling part
    text = report("项目总预算1,250.00万元，其中省级补助800.00万元、县级配套450.00万元，社会捐赠100.00万元。")
    (f,) = found(text, "AL102")
    assert (f.evidence.computed, f.evidence.difference) == ("1350.00万元", "100.00")
