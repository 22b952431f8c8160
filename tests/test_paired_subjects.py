"""Distributive pairs (issue 15, form 4): several subjects and as many figures, each
subject owning its own ("收、支总计各是A、B万元", "收入、支出总计分别为A万元、B万元",
"本年收入和本年支出分别为A、B"). The 收入支出总计 a 决算情况说明 states is held, half by half,
against the 总计 rows of the 收支总表 (AL503); the figures of such a list are named in
order. Minimal repros written here."""

from __future__ import annotations

from auditlint.extract.narrative import Figure, read_paragraph
from auditlint.extract.narrative.paired import distributed_names, paired_totals
from reports import by_id, line_of, lint, of, para
from test_grand_totals import account_report

STATED = "某某局2024年度收入支出总计1250.50万元"


def _al503(sentence: str) -> list[tuple[int | None, str, str, str]]:
    text = account_report("1250.50").replace(STATED, "某某局2024年度" + sentence)
    return [(f.location.line, f.message_zh.split("”")[0].lstrip("“"), f.evidence.stated, f.evidence.computed)
            for f in by_id(lint(text), "AL503")]


def test_each_half_of_a_paired_total_is_held_against_its_own_half():
    # the income half agrees (总计 1250.50); the spending half agrees with neither 总计 nor 本年支出合计
    line = line_of(account_report("1250.50"), STATED)
    assert _al503("收入、支出总计分别为1,250.50万元、1,205.00万元") == [(line, "支出总计", "1205.00", "1250.50")]
    assert _al503("收入支出总计分别为1,200.00万元和1,250.50万元") == [(line, "收入总计", "1200.00", "1250.50")]
    assert _al503("收入总计和支出总计分别为1,250.50万元、1,250.60万元") == [(line, "支出总计", "1250.60", "1250.50")]


def test_a_paired_total_that_agrees_with_a_reading_of_each_half_is_silent():
    assert _al503("收、支总计各是1,250.50、1,250.50万元") == []
    # each half's 本年合计 (the year's, without the carry-over): a reading that agrees
    assert _al503("收、支总计各是1210.50,1200.00万元") == []
    assert _al503("收入、支出总计分别为1,210.50万元、1,200.00万元") == []


def test_a_paired_total_of_another_year_or_with_an_unclear_comma_is_not_read():
    text = account_report("1250.50").replace("与2023年度相比，收入支出总计减少12.00万元",
                                             "2023年度收、支总计各是1,262.50、1,262.50万元")
    assert by_id(lint(text), "AL503") == []
    # "1250,1205万元": one number with a thousands separator, or two? not read
    assert paired_totals("收、支总计各是1250,1205万元。") == []
    assert [(h.name, h.amount) for h in paired_totals("财政拨款收、支总计各是1250.5,1205万元。")] == [
        ("财政拨款收入总计", "1250.5万元"), ("财政拨款支出总计", "1205万元")]
    # a 财政拨款 half beside a whole one: two scopes, not one pair
    assert paired_totals("收入、财政拨款支出总计分别为1.00万元、2.00万元。") == []


def _named(text: str) -> list[tuple[str, str]]:
    return [(f.subject, f.quantity.text) for f in of(Figure, read_paragraph(para(text)))]


def test_the_figures_of_a_distributive_list_are_named_in_order():
    assert _named("2024年度本年收入和本年支出分别为900.00万元、880.00万元。") == [
        ("本年收入", "900.00万元"), ("本年支出", "880.00万元")]
    assert _named("2024年度收入、支出总计分别为1,100.00万元、1,050.00万元。") == [
        ("收入", "1,100.00万元"), ("支出", "1,050.00万元")]
    # 各 before as many figures as names means respectively
    assert _named("人员经费、公用经费各为60.00万元、40.00万元。") == [("人员经费", "60.00万元"), ("公用经费", "40.00万元")]


def test_a_list_that_does_not_give_each_name_its_own_figure_names_none():
    # 各 before one figure: each of them
    assert _named("人员经费、公用经费各50.00万元。") == []
    # names of different kinds: not a pair
    assert _named("基本支出、事业收入分别为60.00万元、40.00万元。") == []
    assert distributed_names("分别", ["收入", "支出"], 3) is None
    assert distributed_names("分别", ["收", "支"], 2) == ["收入", "支出"]
    assert distributed_names("分别", ["本年收入", "上年支出"], 2) is None
