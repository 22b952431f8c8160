"""A change whose base is stated far from it (issue 15, form 4): last year's figure in
§一 ("2023年度收入总计1,000.00万元"), this year's with its change in §二 ("2024年度收入总计
1,100.00万元，比上年增加120.00万元，增长12.00%").

The change is held against that base only when the names agree (same quantity, same
total word, same owner), both year labels are stated, and every candidate base prints
the same amount; the base being inferred from names, a mismatch is a warning with
lowered confidence that says where the base was found. Each case that fires has the
exact numbers; each near miss stays silent."""

from __future__ import annotations

from auditlint.extract.narrative import Figure
from auditlint.extract.narrative.periods import CURRENT, PRIOR, own_period, quantity_key, stated_period
from auditlint.findings import Severity
from reports import facts_of, found, line_of, of

TITLE = "某某局2024年度部门决算情况说明\n"
BASE = "一、上年收支情况\n2023年度收入总计1,000.00万元，支出总计980.00万元。\n"
NOW = "二、收入支出决算总体情况说明\n2024年度收入总计1,100.00万元，比上年增加{amount}万元，增长{rate}%。\n"


def report(base: str = BASE, now: str = NOW, amount: str = "100.00", rate: str = "10.00") -> str:
    return TITLE + base + now.format(amount=amount, rate=rate) + "三、其他重要事项\n无。\n"


def test_a_change_against_last_years_figure_stated_in_another_section_is_checked():
    text = report(amount="120.00", rate="12.00")
    amount, rate = found(text, "AL204")
    assert (amount.evidence.stated, amount.evidence.computed) == ("增加120.00万元", "增加100.00万元")
    assert (rate.evidence.stated, rate.evidence.computed) == ("增加12.00%", "增加10.00%")
    base_line = line_of(text, "2023年度收入总计")
    for f in (amount, rate):
        assert f.location.line == line_of(text, "2024年度收入总计")
        # inferred from names: a warning, less sure than a base stated beside the change
        assert (f.severity, f.confidence) == (Severity.WARNING, 0.5)
        assert f"第 {base_line} 行（“一、上年收支情况”下）" in f.message_zh
        assert [r.location.line for r in f.related] == [base_line]
        assert f.evidence.operands == (("本年", "1,100.00万元"), (f"上年（按名称取自第 {base_line} 行）", "1,000.00万元"))


def test_a_change_that_agrees_with_the_far_base_is_silent():
    assert found(report(), "AL204") == []


def test_a_figure_later_in_the_paragraph_takes_the_year_stated_before_it():
    now = ("二、收入支出决算总体情况说明\n2024年度收入总计1,100.00万元，比上年增加100.00万元。"
           "支出总计1,050.00万元，比上年增加{amount}万元。\n")
    (f,) = found(report(now=now, amount="90.00"), "AL204")
    assert (f.evidence.stated, f.evidence.computed) == ("增加90.00万元", "增加70.00万元")
    assert found(report(now=now, amount="70.00"), "AL204") == []


def test_last_year_named_by_words_is_a_base_too():
    base = "一、上年收支情况\n上年收入总计为1,000.00万元。\n"
    (f, _) = found(report(base=base, amount="120.00", rate="12.00"), "AL204")
    assert f.evidence.computed == "增加100.00万元"


def test_another_scope_or_another_total_is_not_the_base():
    # 财政拨款收入 is part of 收入总计; 本年收入合计 leaves the carry-over out
    for base in ("2023年度财政拨款收入总计1,000.00万元。", "2023年度本年收入合计1,000.00万元。",
                 "2023年度一般公共预算财政拨款收入1,000.00万元。"):
        assert found(report(base="一、上年收支情况\n" + base + "\n", amount="120.00"), "AL204") == []


def test_a_base_without_its_year_or_of_another_year_is_not_read():
    for base in ("收入总计1,000.00万元。", "2022年度收入总计1,000.00万元。"):
        assert found(report(base="一、有关情况\n" + base + "\n", amount="120.00"), "AL204") == []


def test_a_year_governed_by_a_comparison_labels_nothing():
    base = "一、有关情况\n与2023年度相比，收入总计1,000.00万元。\n"
    assert found(report(base=base, amount="120.00"), "AL204") == []


def test_last_years_carry_over_is_this_years_quantity():
    base = "一、有关情况\n上年结转和结余1,000.00万元。\n"
    now = "二、收入情况\n2024年度上年结转和结余1,100.00万元，比上年增加{amount}万元。\n"
    assert found(report(base=base, now=now, amount="120.00"), "AL204") == []


def test_two_bases_that_disagree_give_no_verdict():
    base = BASE + "2023年度收入总计1,020.00万元。\n"
    assert found(report(base=base, amount="120.00"), "AL204") == []
    # two that agree are one reading
    same = BASE + "上年收入总计1,000.00万元。\n"
    assert len(found(report(base=same, amount="120.00"), "AL204")) == 1


def test_a_current_figure_without_a_year_is_not_held_to_a_far_base():
    now = "二、收入支出决算总体情况说明\n收入总计1,100.00万元，比上年增加{amount}万元。\n"
    assert found(report(now=now, amount="120.00"), "AL204") == []


def test_another_units_figure_is_not_the_base():
    base = "一、下属单位情况\n某某中心2023年度收入总计1,000.00万元。\n"
    now = "二、收入支出决算总体情况说明\n某某局2024年度收入总计1,100.00万元，比上年增加{amount}万元。\n"
    assert found(report(base=base, now=now, amount="120.00"), "AL204") == []


def test_a_prior_figure_in_the_changes_own_sentence_keeps_its_error():
    now = "二、收入支出决算总体情况说明\n2024年度收入总计1,100.00万元，比上年1,000.00万元增加{amount}万元。\n"
    (f,) = found(report(base="一、有关情况\n2023年度收入总计1,050.00万元。\n", now=now, amount="120.00"), "AL204")
    assert (f.severity, f.evidence.computed) == (Severity.ERROR, "增加100.00万元")


def test_periods_and_keys_as_read():
    facts = facts_of(report())
    figs = {f.quantity.text: f for f in of(Figure, facts.statements)}
    assert own_period(figs["1,000.00万元"], 2024).kind == PRIOR
    assert own_period(figs["980.00万元"], 2024) is None  # its year is its sentence's
    assert stated_period(figs["1,100.00万元"], 2024).kind == CURRENT
    assert quantity_key(figs["1,000.00万元"]) == ("收入", "总计")
    assert quantity_key(figs["980.00万元"]) == ("支出", "总计")
    # without the year the report is on, a printed year says nothing
    assert own_period(figs["1,000.00万元"], None) is None


def test_a_base_stated_in_a_distributive_pair_is_its_subjects_own():
    base = "一、上年收支情况\n2023年度收入、支出总计分别为1,000.00万元、980.00万元。\n"
    now = ("二、收入支出决算总体情况说明\n2024年度收入总计1,100.00万元，比上年增加100.00万元。"
           "支出总计1,050.00万元，比上年增加{amount}万元。\n")
    (f,) = found(report(base=base, now=now, amount="50.00"), "AL204")
    assert (f.evidence.stated, f.evidence.computed) == ("增加50.00万元", "增加70.00万元")
    assert found(report(base=base, now=now, amount="70.00"), "AL204") == []


def test_an_enumerator_before_the_year_names_no_other_owner():
    base = "一、上年收支情况\n（一）2023年度收入总计1,000.00万元。\n"
    (f, _) = found(report(base=base, amount="120.00", rate="12.00"), "AL204")
    assert f.evidence.computed == "增加100.00万元"


# ---------------------------------------------------------------------------
# a comparison with no amount ("比上年有所减少"): AL206


def _direction(now: str, base: str = BASE) -> list[tuple[str, str, Severity, float, int | None]]:
    text = report(base=base, now="二、收入支出决算总体情况说明\n" + now + "\n")
    return [(f.evidence.stated, f.evidence.computed, f.severity, f.confidence, f.related[0].location.line)
            for f in found(text, "AL206")]


def test_a_direction_contradicted_by_last_years_figure_stated_elsewhere_is_a_warning():
    line = line_of(report(), "2023年度收入总计")
    assert _direction("2024年度收入总计1,100.00万元，比上年有所减少。") == [
        ("减少", "增加", Severity.WARNING, 0.5, line)]
    assert _direction("2024年度收入总计900.00万元，与上年相比，有所增长。") == [
        ("增长", "减少", Severity.WARNING, 0.5, line)]


def test_a_direction_that_holds_or_states_its_amount_is_not_this_reading():
    assert _direction("2024年度收入总计1,100.00万元，比上年有所增加。") == []
    # equal within rounding: neither word is contradicted by more than rounding
    assert _direction("2024年度收入总计1,000.00万元，比上年略有增加。") == []
    # with its amount it is a change, AL204's to recompute
    assert _direction("2024年度收入总计1,100.00万元，比上年减少100.00万元。") == []
    # no base of that name, or two that disagree
    assert _direction("2024年度财政拨款收入1,100.00万元，比上年有所减少。") == []
    assert _direction("2024年度收入总计1,100.00万元，比上年有所减少。", BASE + "上年收入总计1,200.00万元。\n") == []


def test_a_label_restated_for_another_scope_is_not_inherited():
    # 上年 labels 财政拨款收入 here, not the 收入总计 after it
    base = "一、上年收支情况\n上年财政拨款收入800.00万元，收入总计1,000.00万元。\n"
    assert found(report(base=base, amount="120.00"), "AL204") == []
    # a year that opens the sentence on its own is every figure's
    base = "一、上年收支情况\n2023年度，收入总计1,000.00万元。\n"
    assert [f.evidence.computed for f in found(report(base=base, amount="120.00"), "AL204")] == ["增加100.00万元"]
