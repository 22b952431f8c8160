"""Rates a sentence states over a budget that was adjusted: an amount a budget is
"调整为" is the adjusted budget, and a rate is read over it when the sentence gives
one (docs/false-alarms.md FA08).

Each case has a report where AL201 stays silent and one where it still fires, with
the exact numbers and the line."""

from __future__ import annotations

from auditlint.extract.narrative import Figure, Rate, read_paragraph
from reports import found, narrative, of, para

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
