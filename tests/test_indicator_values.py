"""The knowledge base resolved against a report (extract/kb/values.py), the
narrative's counts (extract/counts.py) and scoring rows seen as indicator rows
(extract/indicators.ScoredRow)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract.counts import counts_of
from auditlint.extract.indicators import ScoredRow, indicator_rows
from auditlint.extract.kb.knowledge import KnowledgeBaseError, knowledge_base, load
from auditlint.extract.kb.values import all_contradict, contradicts, names_phrase, readings, year_ok
from auditlint.numbers import Approx, parse_quantity
from claims_reports import BUDGET, BUDGET_ADD_CUT, SANGONG_ONLY, table, with_tables
from reports import SANGONG
from scoring_reports import GROUPED, scoring_report
from xref_reports import facts_of, line_of


def values(text: str, indicator: str) -> list[str]:
    facts = facts_of(text)
    return [r.shown() for r in readings(facts, knowledge_base().lookup(indicator))]


# ---------------------------------------------------------------------------
# table references


def test_execution_rate_from_the_budget_table_s_total_row():
    text = with_tables(tables=table(BUDGET))
    facts = facts_of(text)
    (r,) = readings(facts, knowledge_base().lookup("预算执行率"))
    assert r.shown() == "98.19%" and r.expression() == "2613.26 ÷ 2661.53 × 100"
    assert [(n, s.what, s.location.line) for n, s in r.inputs] == [
        ("actual", "预算总金额 / 实际支出数", line_of(text, "2613.26")),
        ("budget", "预算总金额 / 调整预算数", line_of(text, "2661.53"))]
    assert not contradicts(parse_quantity("98.19%"), r.value) and r.primary


def test_adjustment_rate_takes_every_variant_the_table_allows():
    # (调整后 − 年初) ÷ 年初, its size, and the printed 调整数; no 追加/扣减 columns here
    assert values(with_tables(tables=table(BUDGET)), "预算调整率") == ["-2.29%", "2.29%", "2.29%"]
    # 追加/扣减 columns: the gross adjustment is a variant too, 调减 taken with or without its sign
    assert values(with_tables(tables=table(BUDGET_ADD_CUT)), "预算调整率") == ["-6.81%", "6.81%", "6.81%", "6.81%"]


INCOME_AND_SPENDING = [["项目", "预算数", "决算数", "上年决算数"],
                       ["一、收入合计", "12196.15", "12528.52", "11853.43"],
                       ["（一）财政拨款收入", "12196.15", "12528.52", "11853.43"],
                       ["二、支出合计", "12196.15", "11979.55", "11540.78"],
                       ["（一）基本支出", "6824.00", "6791.53", "6510.87"],
                       ["（二）项目支出", "5372.15", "5188.02", "5029.90"]]


def test_a_table_of_income_and_spending_gives_the_spending_s_total():
    text = with_tables(tables=table(INCOME_AND_SPENDING, "表1  部门收支总体情况（单位：万元）"))
    assert values(text, "预算执行率") == ["98.22%"]  # 11979.55 ÷ 12196.15, not the income's 12528.52


def test_two_budget_tables_give_two_readings():
    second = [["项目", "年终核定数", "实际执行数"], ["合计", "1906.62", "1776.73"]]
    got = values(with_tables(tables=table(BUDGET_ADD_CUT) + "表2\n" + table(second)), "预算执行率")
    assert got == ["100.00%", "93.19%"]


def test_sangong_row_by_label_or_by_what_it_totals():
    # a 三公经费小计 row among 会议费 and 培训费: the 小计, not the table's 合计
    assert values(with_tables(tables=table(SANGONG)), "“三公经费”变动率") == ["378.75%"]
    # a table of the three items only: its 合计 totals them
    assert values(with_tables(tables=table(SANGONG_ONLY)), "三公经费变动率") == ["378.75%"]
    assert values(with_tables(tables=table(SANGONG_ONLY)), "“三公经费”控制率") == ["255.33%"]


def test_no_prior_year_figure_no_change_rate():
    no_prior = [r[:4] for r in SANGONG_ONLY]
    assert values(with_tables(tables=table(no_prior)), "“三公经费”变动率") == []
    assert values(with_tables(tables=table(BUDGET)), "“三公经费”变动率") == []


# ---------------------------------------------------------------------------
# text references


def test_staff_and_posts_from_the_narrative():
    text = with_tables(narrative="市某某局（本级）行政编制25名，机关公益性岗位编制数5名。2024年末实有行政在职30名，机关公益性岗位人员5名。")
    facts = facts_of(text)
    (r,) = readings(facts, knowledge_base().lookup("在职人员控制率"))
    assert r.expression() == "30名 ÷ 25名 × 100" and r.shown() == "120.00%"
    assert [s.what for _, s in r.inputs] == ["实有行政在职", "行政编制"]


def test_a_phrase_found_twice_with_different_values_gives_both():
    # two sentences each giving 实有 of the establishment: both readings are kept, neither chosen
    text = with_tables(narrative="至2024年12月底，机关核定行政编制55名，实有55名。2024年末实有人数50名。")
    assert values(text, "财政供养人员控制率") == ["100.00%", "90.91%"]


def test_another_population_s_figures_are_not_the_establishment_s():
    # "实有6名" after 编外员额 is the contract staff's: not a reading of the establishment
    text = with_tables(narrative="至2024年12月底，机关核定行政编制55名，实有55名，另核定编外员额6名、实有6名。")
    assert values(text, "财政供养人员控制率") == ["100.00%"]
    # the bare 实有 of a clause about auxiliary police, after the establishment's own figures
    text = with_tables(narrative="截至2024年12月31日，编制内实有人员290人，核定编制300名；警务辅助人员控制数400名，实有380名。")
    assert values(text, "在职人员控制率") == ["96.67%"]
    # named in the figure's own words
    text = with_tables(narrative="2024年末核定编制300名，实有在职人员290人，劳务派遣实有人员40人。")
    assert values(text, "在职人员控制率") == ["96.67%"]


def test_one_kind_of_posts_is_a_part_and_the_posts_are_their_sum():
    # 行政编制 and 事业编制 listed together: the base is 60 + 140 = 200, never 60 alone
    text = with_tables(narrative="核定行政编制60名、事业编制140名，年末实有在职人员190人（行政58人、事业132人）。")
    facts = facts_of(text)
    (r,) = readings(facts, knowledge_base().lookup("在职人员控制率"))
    assert r.shown() == "95.00%" and r.expression() == "190人 ÷ 200名 × 100"
    assert [s.what for _, s in r.inputs] == ["年末实有在职人员", "核定行政编制60名 + 事业编制140名"]
    # the other kind given apart, not listed with it: which posts make the base cannot be told
    text = with_tables(narrative="核定行政编制60名，年末实有在职人员190人，另有事业编制140名。")
    assert values(text, "在职人员控制率") == []
    # the staff's breakdown by kind of post, in brackets after them, leaves the unit's posts alone
    text = with_tables(narrative="本院核定编制258名，实有在职人员249人（政法专项编制238人、事业编制11人）；另有聘用制书记员96人。")
    assert values(text, "在职人员控制率") == ["96.51%"]
    # one kind of posts alone, or two figures that are not an enumeration of one kind: no sum
    assert values(with_tables(narrative="核定行政编制60名，年末实有在职人员57人。"), "在职人员控制率") == ["95.00%"]
    assert values(with_tables(narrative="核定行政编制60名，年末实有在职人员57人、离退休人员20人。"), "在职人员控制率") == ["95.00%"]
    # items ending alike in words that do not name the fact itself: 公用经费 is not 经费支出
    text = with_tables(narrative="2024年公用经费预算100.00万元。公用经费支出90.00万元、人员经费支出500.00万元。")
    assert values(text, "公用经费控制率") == ["90.00%"]
    # a whole and one of its parts listed together are not two kinds: 年末 names no kind
    text = with_tables(tables=table(BUDGET), narrative="2024年年末结转结余30.00万元、非财政拨款结转结余0.43万元。")
    assert values(text, "结转结余率") == ["1.13%"]


def test_carryover_from_the_narrative_over_the_budget_table():
    text = with_tables(narrative="2024年年末结转结余51.43万元。财政拨款结转结余51.43万元；非财政拨款结转结余0.43万元。",
                       tables=table(BUDGET))
    facts = facts_of(text)
    (r,) = readings(facts, knowledge_base().lookup("结转结余率"))
    assert r.expression() == "51.43万元 ÷ 2661.53 × 100" and r.shown() == "1.93%"


def test_carryover_falls_back_on_budget_minus_actual():
    assert values(with_tables(tables=table(BUDGET)), "结转结余率") == ["1.81%"]


def test_text_from_another_year_or_approximate_is_not_taken():
    for sentence in ("2023年末结转结余51.43万元。", "上年结转结余51.43万元。", "年末结转结余约51.43万元。"):
        facts = facts_of(with_tables(narrative=sentence))
        assert readings(facts, knowledge_base().lookup("结转结余率")) == [], sentence


def test_a_table_without_a_unit_is_read_in_every_unit_beside_narrative_amounts():
    text = with_tables(narrative="2024年年末结转结余51.43万元。", tables=table(BUDGET_ADD_CUT))
    rs = readings(facts_of(text), knowledge_base().lookup("结转结余率"))
    assert rs[0].primary and rs[0].shown() == "2.89%"
    # the narrative's 万元 first, then 元 and 亿元
    assert [r.primary for r in rs] == [True, False, False]


@pytest.mark.parametrize(("name", "word", "ok"), [
    ("行政编制", "行政编制", True),
    ("市医疗保障局（本级）行政编制", "行政编制", True),
    ("机关核定行政编制", "核定行政编制", True),
    ("本单位实有在职人员", "实有在职人员", True),
    ("结转结余", "结转结余", True),
    ("机关公益性岗位编制数", "编制数", False),
    ("非财政拨款结转结余", "结转结余", False),
    ("财政拨款结转结余", "结转结余", False),
    ("行政编制外", "行政编制", False),
])
def test_names_phrase(name, word, ok):
    assert names_phrase(name, word) is ok


@pytest.mark.parametrize(("before", "year", "ok"), [
    ("2024年末", 2024, True), ("截至2024年12月底，", 2024, True), ("本局", 2024, True),
    ("2023年末", 2024, False), ("2023年至2024年", 2024, False), ("2024年", None, False), ("本局", None, True),
])
def test_year_ok(before, year, ok):
    assert year_ok(before, year) is ok


# ---------------------------------------------------------------------------
# claims against intervals


def _iv(lo: str, hi: str) -> Approx:
    a, b = Decimal(lo), Decimal(hi)
    return Approx((a + b) / 2, (b - a) / 2)


@pytest.mark.parametrize(("claim", "lo", "hi", "contradicted"), [
    ("100%", "98.18", "98.20", True),  # 100 printed at 0 decimals is [99.5, 100.5]
    ("100%", "99.69", "99.71", False),
    ("＝100%", "99.69", "99.71", True),  # "＝" states exactly 100
    ("＝100%", "99.9", "100.1", False),
    ("≤0%", "378", "379", True),
    ("≤0%", "-1", "0.5", False),  # the interval reaches 0
    ("≥0%", "-6.6", "-6.4", True),
    ("≥0%", "-6.6", "6.9", False),
    ("＞95%", "94.97", "94.99", True),
    ("＞95%", "95.90", "95.92", False),
    ("<5%", "5", "5.1", True),
    ("90%-100%", "89", "89.5", True),
    ("90%-100%", "89", "90.5", False),
    ("约100%", "50", "51", False),  # "about" claims nothing exact
])
def test_contradicts(claim, lo, hi, contradicted):
    assert contradicts(parse_quantity(claim), _iv(lo, hi)) is contradicted


def test_all_contradict_needs_every_reading_and_at_least_one():
    claim = parse_quantity("0%")
    assert all_contradict(claim, [_iv("2.6", "2.8"), _iv("2.8", "2.9")])
    assert not all_contradict(claim, [_iv("2.6", "2.8"), _iv("-0.1", "0.1")])
    assert not all_contradict(claim, [])


@settings(max_examples=200, deadline=None)
@given(st.integers(-10000, 10000), st.integers(0, 3), st.integers(0, 999))
def test_a_value_inside_the_printed_interval_never_contradicts(n, decimals, frac):
    claim = parse_quantity(f"{Decimal(n).scaleb(-decimals)}%")
    half = Decimal(5).scaleb(-(decimals + 1))
    inside = claim.value - half + (2 * half) * Decimal(frac) / 999
    assert not contradicts(claim, Approx(inside))
    assert contradicts(claim, Approx(claim.value + 3 * half))


# ---------------------------------------------------------------------------
# the knowledge base's formula lists


def test_formula_variants_load_and_validate():
    kb = load("""
indicators:
  - id: my_rate
    names: [我的比率]
    compute:
      - formula: [a / b * 100, abs(a) / b * 100]
        facts: {a: table:budget/total/actual, b: table:budget/total/budget_adjusted}
""")
    comp = kb.get("my_rate").compute[0]
    assert [f.text for f in comp.formulas] == ["a / b * 100", "abs(a) / b * 100"]
    with pytest.raises(KnowledgeBaseError, match="empty list"):
        load("indicators:\n  - id: x\n    names: [x]\n    compute:\n      - formula: []\n        facts: {}\n")
    with pytest.raises(KnowledgeBaseError, match="c used in the formula"):
        load("indicators:\n  - id: x\n    names: [x]\n    compute:\n      - formula: [a, c]\n"
             "        facts: {a: table:budget/total/actual}\n")


def test_a_user_s_indicator_is_recomputed_without_code():
    kb = load("""
phrases:
  hotline_calls: {words: [热线来电总量], kind: count}
  hotline_answered: {words: [人工接听], kind: count}
indicators:
  - id: answer_rate
    names: [人工接听率]
    compute:
      - formula: answered / calls * 100
        facts: {answered: text:hotline_answered, calls: text:hotline_calls}
""")
    facts = facts_of(with_tables(narrative="2024年，热线来电总量99.54万个，人工接听94.5万个。"))
    (r,) = readings(facts, kb.get("answer_rate"), kb)
    assert r.expression() == "94.5万个 ÷ 99.54万个 × 100" and r.shown() == "94.94%"


# ---------------------------------------------------------------------------
# counts


def test_counts_read_with_their_names():
    text = with_tables(narrative="截至2024年年末，有在编人员16名，员额辅助人员30名；2024年，12393热线来电总量99.54万个，"
                                 "惠及患者超284万人次，吸引近130万人参保。")
    got = [(c.subject, c.quantity.text, c.exact) for c in counts_of(facts_of(text))]
    assert got == [("有在编人员", "16名", True), ("员额辅助人员", "30名", True), ("12393热线来电总量", "99.54万个", True),
                   ("惠及患者超", "284万人次", False), ("吸引近", "130万人", False)]
    (calls,) = [c for c in counts_of(facts_of(text)) if "来电" in c.subject]
    assert calls.location.line == line_of(text, "99.54万个") and calls.quantity.scale == 10000


_WORDS = st.sampled_from(["行政编制", "实有", "名", "人", "个", "万个", "，", "。", "2024年", "超", "余", "（", "）", "12393", "3",
                          "25", "99.54", "、", "其中", "\n", "不低于"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_any_sentence_reads_without_crashing(parts):
    facts = facts_of("某局2024年度绩效自评报告\n" + "".join(parts) + "\n")
    for c in counts_of(facts):
        assert c.quantity.value is not None and c.location.line is not None


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["行政编制", "实有在编人员", "员额辅助人员", "热线来电总量"]), st.integers(1, 99999),
       st.sampled_from(["名", "人", "个", "万个", "件"]))
def test_a_count_reads_back_exactly(name, n, unit):
    (c,) = counts_of(facts_of(f"某局2024年度绩效自评报告\n截至2024年末，{name}{n}{unit}。\n"))
    assert (c.subject, c.quantity.value, c.quantity.unit, c.exact) == (name, Decimal(n), unit, True)


# ---------------------------------------------------------------------------
# scoring rows as indicator rows


def test_scoring_rows_are_indicator_rows():
    facts = facts_of(scoring_report(GROUPED))
    rows = [r for key, r in indicator_rows(facts, scored=True)]
    assert all(isinstance(r, ScoredRow) for r in rows) and len(rows) == 9
    adj = next(r for r in rows if r.name == "预算调整率")
    assert (adj.target.text, adj.target.comparator, adj.actual.text, adj.actual.comparator) == ("＝0%", "=", "≥0%", ">=")
    assert (adj.weight.value, adj.score.value) == (2, 1)
    assert next(r for r in rows if r.name == "中长期规划制定健全性").target is None  # 健全: text
    assert list(indicator_rows(facts, scored=False)) == []


def test_a_completion_sentence_is_text_for_the_row_and_its_number_for_the_indicator():
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "权重", "完成情况", "得分"],
            ["过程", "预算执行", "部门预算资金到位率", "＝100%", "2", "部门预算资金到位率100%", "2"],
            ["", "", "经办服务满意度", "100%", "4", "超过90%。", "3"]]
    facts = facts_of(scoring_report(rows))
    got = {r.name: r for _, r in indicator_rows(facts)}
    arrival = got["部门预算资金到位率"]
    assert arrival.actual is None and arrival.indicator.actual_quantity.value == 100
    assert got["经办服务满意度"].actual.comparator == ">"  # "超过90%。": a range, its full stop aside


def test_guessed_rows_offer_no_numbers():
    facts = facts_of(scoring_report(GROUPED))
    st_ = facts.scoring[0]
    st_.indicators[4].guessed = True
    rows = [r for _, r in indicator_rows(facts)]
    assert st_.indicators[4].name not in [r.name for r in rows]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["2024年", "2023年", "2024 年", "本年", "支出", "12", "，", "度"]), max_size=12),
       st.sampled_from([2024, 2023, None]))
def test_year_ok_before_reads_like_year_ok_of_the_words_before(words: list[str], year: int | None) -> None:
    # the years of a sentence found once answer for every number in it as the words before it would
    from auditlint.extract.kb.values import year_ok_before

    sentence = "".join(words) + "支出10万元，" + "".join(reversed(words))
    cut = len("".join(words)) + 2
    assert year_ok_before(sentence, cut, year) == year_ok(sentence[:cut], year)
