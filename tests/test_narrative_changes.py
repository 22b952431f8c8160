"""What a sentence's numbers say, in the layouts of the red team's fourth round
(docs/false-alarms-4.md, FA02): a year-on-year change introduced by 剔除/扣除/不含/
不考虑/除去/"除…外" compares the figure less (or without) something with last year,
not the figure itself, and is not read as its plain change; the plain comparison
before it in the same sentence still is.

Each case has a report where AL204 must stay silent and one where it still fires,
with the exact numbers and the line."""

from __future__ import annotations

from auditlint.extract.narrative import Change, read_paragraph
from auditlint.model import Location, Paragraph
from reports import found as found_by
from reports import line_of

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


def report(sentence: str) -> str:
    return "某某市某某局2024年度部门整体支出绩效自评报告\n一、“三公”经费支出情况\n" + sentence + "\n" + TABLE


def found(text: str):
    return found_by(text, "AL204")


def changes(text: str) -> list[Change]:
    return [s for s in read_paragraph(Paragraph(1, text, Location("t.txt", line=3, column=1))) if isinstance(s, Change)]


def test_a_change_after_an_exclusion_is_not_read_as_the_plain_change():
    (plain,) = changes(ADJUSTED)
    assert (plain.amount.text, plain.direction, plain.relative) == ("8.90万元", 1, False)
    assert found(report(ADJUSTED)) == []


def test_the_plain_change_before_an_exclusion_is_still_checked():
    wrong = ADJUSTED.replace("增加8.90万元", "增加9.90万元")
    (f,) = found(report(wrong))
    assert (f.evidence.stated, f.evidence.computed, f.evidence.expression) == ("增加9.90万元", "增加8.90万元", "35.60 - 26.70")
    assert f.location.line == line_of(report(wrong), "增加9.90万元")


def test_other_ways_of_saying_it_are_on_an_adjusted_basis_too():
    for sentence in (
        "2024年度“三公”经费支出35.60万元，比上年增加8.90万元；不含因公出国（境）费，“三公”经费比上年减少3.50万元。",
        "2024年度“三公”经费支出35.60万元，比上年增加8.90万元；除因公出国（境）费外，“三公”经费比上年减少3.50万元。",
        "若不考虑因公出国（境）费，2024年度“三公”经费比上年减少3.50万元。",
        "2024年度“三公”经费支出35.60万元，比上年减少3.50万元（不含因公出国（境）费）。",
    ):
        assert found(report(sentence)) == [], sentence


def test_a_change_with_no_exclusion_still_fires_with_the_exact_numbers():
    # "除此之外" adds a point and excludes nothing; the 三公 total really rose by 8.90
    text = report("“三公”经费支出35.60万元，比上年减少3.50万元。除此之外，公务接待费支出3.05万元，比上年减少1.50万元。")
    fs = found(text)
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
    (f,) = found(text)
    assert (f.evidence.stated, f.evidence.computed) == ("增加99,000.00元", "增加89000.00元")
    assert "为增加89,000.00元（差 10,000.00）" in f.message_zh
    assert "a rise of 89,000.00元 (off by 10,000.00)" in f.message_en
