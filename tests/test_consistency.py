"""AL503 same-quantity-differs: a narrative amount against the table cell it repeats,
a spending-structure table against the budget table; where it fires, with the exact
numbers and lines, and the many places where two numbers only look alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract.amount_names import meaning
from claims_reports import BUDGET, BUDGET_ADD_CUT, SANGONG_ONLY, table, with_tables
from reports import SANGONG
from xref_reports import by_id, line_of, lint

# the two budget tables of a real report: 预算数/追加/扣减/合计 (合计 715.69 although 710.52 − 0.86
# = 709.66) and 年终核定数 with 占比; the narrative repeats 基本支出 as 709.66 once and 715.69 twice
BUDGET_715 = [
    ["序号", "单位及项目", "预算数", "追加", "扣减", "合计", "实际执行数", "上年决算执行数"],
    ["（一）", "基本支出", "710.52", "0", "0.86", "715.69", "715.69", "712.40"],
    ["（二）", "项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07", "495.52"],
    ["", "合计", "1906.62", "0", "129.89", "1782.77", "1782.77", "1207.92"],
]
SHARES_715 = [
    ["序号", "项目", "年终核定数", "实际执行数", "执行进度", "占总支出比例"],
    ["（一）", "基本支出", "710.52", "715.69", "100.73%", "40.15%"],
    ["（二）", "项目支出", "1196.10", "1067.07", "89.21%", "59.85%"],
    ["", "合计", "1906.62", "1782.77", "93.50%", "93.50%"],
]
LINE_12 = "2024年度预算收入1764.10万元（基本收入1241.40万元，项目收入522.70万元），本年支出1782.77万元（基本支出709.66万元，项目收入1067.07万元）。"
LINE_70 = "2024年支出1782.77万元，其中基本支出715.69万元，占总支出的40.15%；项目支出1067.07万元，占总支出的59.85%。"
LINE_161 = "2024年财政拨款收入1241.40万元，支出1242.92万元。基本支出715.69万元，其中工资福利支出677.57万元；项目支出533.26万元。"


def al503(text: str):
    return sorted(by_id(lint(text, "AL503"), "AL503"), key=lambda f: f.location.line)


def test_al503_a_narrative_part_against_the_tables():
    text = with_tables(narrative=LINE_12 + "\n" + LINE_70 + "\n" + LINE_161,
                       tables=table(BUDGET_715, "表1（单位：万元）") + table(SHARES_715, "表2（单位：万元）"))
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("709.66", "715.69", line_of(text, "709.66"))
    assert f.severity == "warning"
    # both tables' 实际执行数, then the two sentences that agree with them
    assert [r.location.line for r in f.related] == [line_of(text, "\t715.69", 2), line_of(text, "\t715.69", 3),
                                                    line_of(text, LINE_70[:8]), line_of(text, LINE_161[:8])]
    assert "正文第" in f.message_zh and "715.69" in f.message_en


def test_al503_a_total_and_its_named_measures():
    narrative = "2024年度，本部门调整预算数2661.53万元，实际支出2600.00万元。"
    (f,) = al503(with_tables(narrative=narrative, tables=table(BUDGET)))
    assert (f.evidence.stated, f.evidence.computed) == ("2600.00", "2613.26")
    assert f.evidence.expression == "实际支出 = 预算总金额“实际支出数”"


def test_al503_sangong_spending_against_its_row():
    narrative = "2024年度“三公”经费全年支出3.38万元，比上年增加0.43万元。会议费全年支出0.48万元。"
    (f,) = al503(with_tables(narrative=narrative, tables=table(SANGONG)))
    assert (f.evidence.stated, f.evidence.computed) == ("3.38", "3.83")
    # a table of the three items only: its 合计 is the 三公 total; it has no 会议费 row to hold 0.58 against
    (g,) = al503(with_tables(narrative=narrative.replace("0.48", "0.58"), tables=table(SANGONG_ONLY)))
    assert (g.evidence.stated, g.evidence.computed) == ("3.38", "3.83")


def test_al503_the_unit_of_a_narrative_amount():
    narrative = "2024年度本年支出2613.26元（基本支出1515.55万元，项目支出1097.71万元）。"
    fs = al503(with_tables(narrative=narrative, tables=table(BUDGET)))
    assert [(f.evidence.stated, f.evidence.computed) for f in fs] == [("2613.26", "2613.26")]
    assert "单位可能写错" in fs[0].message_zh


def test_al503_a_structure_table_restating_the_budget_table():
    structure = [["项目", "实际支出数", "占总支出比例"], ["人员经费", "1000.00", "38.63%"], ["公用经费", "515.55", "19.92%"],
                 ["项目支出", "1072.38", "41.45%"], ["合计", "2587.93", "100.00%"]]
    text = with_tables(tables=table(BUDGET, "表1（单位：万元）") + table(structure, "表2（单位：万元）"))
    fs = al503(text)
    assert [(f.evidence.stated, f.evidence.computed, f.location.line) for f in fs] == [
        ("1072.38", "1097.71", line_of(text, "1072.38")), ("2587.93", "2613.26", line_of(text, "2587.93"))]


@pytest.mark.parametrize(("narrative", "why"), [
    ("2024年度本年支出2613.26万元（基本支出1515.55万元，项目支出1097.71万元）。", "all agree"),
    ("2024年度本年支出2613.26万元（基本支出1515.55万元，项目支出1097.7万元）。", "rounding"),
    ("2024年度收入2723.99万元，其中基本收入1470.68万元。", "income is not spending"),
    ("2024年基本支出预算1470.68万元，调整后1563.82万元。", "a budget column, not the actual"),
    ("2024年度基本支出1563.82万元。", "another column of the row (the adjusted budget)"),
    ("2023年基本支出1400.00万元。", "another year"),
    ("上年基本支出1400.00万元。", "last year"),
    ("2024年财政拨款收入1200.00万元，支出1180.00万元。基本支出1000.00万元；项目支出180.00万元。", "a 财政拨款 part"),
    ("全年医保基金收入494.83亿元，支出460.09亿元。", "a fund's spending, the subject elided"),
    ("市医保中心基本支出800.00万元。", "another unit of the organisation"),
    ("2024年基本支出约1400万元。", "approximate"),
    ("2024年度年初预算支出2700.00万元。", "a name the grammar does not read"),
])
def test_al503_silent(narrative, why):
    assert al503(with_tables(narrative=narrative, tables=table(BUDGET))) == [], why


def test_al503_silent_when_the_tables_disagree_and_one_agrees():
    narrative = "2024年度本年支出1776.73万元（基本支出709.66万元，项目支出1067.07万元）。"
    shares = [["项目", "年终核定数", "实际执行数"], ["基本支出", "710.52", "715.69"], ["项目支出", "1196.10", "1061.04"],
              ["合计", "1906.62", "1776.73"]]
    assert al503(with_tables(narrative=narrative, tables=table(BUDGET_ADD_CUT) + "表2\n" + table(shares))) == []


def test_al503_a_table_without_a_unit_may_be_in_any_unit():
    in_yuan = [["项目", "调整预算数", "实际支出数"], ["合计", "26615300.00", "26132600.00"]]
    narrative = "2024年度本年支出2613.26万元。"
    assert al503(with_tables(narrative=narrative, tables=table(in_yuan))) == []


@pytest.mark.parametrize(("name", "row", "roles"), [
    ("支出", "", ("actual",)),
    ("本年支出", "", ("actual",)),
    ("本部门调整预算数", "", ("budget_adjusted",)),
    ("基本支出", "基本", ("actual",)),  # the label's own 支出: _roles_for makes it undetermined on a 基本支出 row
    ("三公经费支出", "三公经费", ("actual",)),
    ("项目支出预算", "项目支出", ("budget_initial", "budget_adjusted")),
    ("会议费", "会议费", None),
])
def test_meaning(name, row, roles):
    m = meaning(name)
    assert (m.row, m.roles) == (row, roles)


@pytest.mark.parametrize("name", ["财政拨款支出", "基本收入", "上年支出", "医保基金支出", "结转结余", "单位资产"])
def test_meaning_of_other_quantities(name):
    assert meaning(name) is None


_WORDS = st.sampled_from(["本年支出", "基本支出", "项目支出", "三公经费", "支出", "收入", "1782.77万元", "709.66万元", "715.69元",
                          "（", "）", "，", "。", "其中", "2024年", "上年", "财政拨款", "\n", "合计"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_any_narrative_beside_a_table_reads_without_crashing(parts):
    text = with_tables(narrative="".join(parts).replace("\t", ""), tables=table(BUDGET_715))
    for f in al503(text):
        assert f.location.line is not None and f.evidence.stated and f.evidence.computed


# ---------------------------------------------------------------------------
# round two: a project's multi-year amounts, and names that name no row

YEAR_TABLE = [
    ["项目", "年初预算", "调整后预算", "实际支出", "执行率"],
    ["设备购置费", "1,600.00", "1,650.00", "1,632.80", "98.96%"],
    ["安装工程费", "1,200.00", "1,290.00", "1,216.40", "94.29%"],
    ["合计", "2,800.00", "2,940.00", "2,849.20", "96.91%"],
]


def _year_report(narrative: str) -> str:
    return with_tables(narrative=narrative, tables=table(YEAR_TABLE, "表1  2024年度预算执行情况（单位：万元）"))


@pytest.mark.parametrize("narrative", [
    "本项目批复概算总投资5,600.00万元，其中设备购置费3,200.00万元、安装工程费2,400.00万元，建设期为2023—2025年。",
    "项目总投资5,600.00万元（设备购置费3,200.00万元，安装工程费2,400.00万元）。",
    "截至2024年末，项目累计完成投资4,100.00万元，其中设备购置费2,500.00万元。",
    "合同总金额3,300.00万元，其中设备购置费2,100.00万元。",
])
def test_al503_silent_on_the_parts_of_a_multi_year_amount(narrative):
    assert al503(_year_report(narrative)) == []


def test_al503_after_a_multi_year_amount_the_year_s_figures_are_still_compared():
    # the list of the investment's parts ends where the sentence names the year
    narrative = ("项目总投资5,600.00万元，其中设备购置费3,200.00万元，2024年设备购置费实际支出1,623.80万元。\n"
                 "2024年度安装工程费实际支出1,261.40万元。")
    text = _year_report(narrative)
    fs = al503(text)
    assert [(f.evidence.stated, f.evidence.computed, f.location.line) for f in fs] == [
        ("1623.80", "1632.80", line_of(text, "1,623.80")), ("1261.40", "1216.40", line_of(text, "1,261.40"))]


@pytest.mark.parametrize(("name", "multi"), [
    ("项目总投资", True), ("批复概算", True), ("累计完成投资", True), ("合同金额", True), ("累计到位资金", True),
    ("全年累计支出", False), ("实际支出", False), ("设备购置费", False),
])
def test_multi_year_names(name, multi):
    from auditlint.extract.amount_names import multi_year
    assert multi_year(name) is multi
    assert (meaning(name) is None) if multi else (meaning(name) is not None)


def test_al503_spending_after_a_count_of_things_is_theirs():
    # a sentence about things bought: its bare 支出 is theirs, not the table's 合计
    assert al503(_year_report("2024年采购检测设备12台、配套软件3套，支出506.30万元。")) == []
    # about the whole, the same bare name is the total and is compared
    text = _year_report("2024年度本单位调整后预算2,940.00万元，实际支出2,894.20万元。")
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("2894.20", "2849.20", line_of(text, "2,894.20"))
    assert "合计" in f.message_zh


def test_al503_a_nameless_amount_equal_to_another_row_is_that_row_s():
    # 1,290.00 and 1,216.40 are the 安装工程费 row's: the sentence is about that row
    assert al503(_year_report("2024年度调整后预算1,290.00万元，实际支出1,216.40万元，执行率94.29%。")) == []
    # in another table too (a detail table whose row holds it)
    detail = [["序号", "项目名称", "调整后预算", "实际支出"], ["1", "一期设备", "900.00", "873.10"],
              ["2", "二期设备", "750.00", "759.70"], ["", "合计", "1,650.00", "1,632.80"]]
    text = with_tables(narrative="2024年度实际支出873.10万元。",
                       tables=table(YEAR_TABLE, "表1（单位：万元）") + table(detail, "表2（单位：万元）"))
    assert al503(text) == []
    # an amount no row holds is still the total's and differs from it
    text = _year_report("2024年度实际支出1,261.40万元。")
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed) == ("1261.40", "2849.20")
    # a name that names a row is held to that row, even if another row holds the amount
    text = _year_report("2024年度设备购置费实际支出1,216.40万元。")
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed) == ("1216.40", "1632.80")


def test_al503_another_table_s_total_is_not_a_line():
    # the structure table's 合计 restates the whole: agreeing with it does not make the
    # amount a line's, and the budget table's total still differs
    structure = [["经济分类", "支出金额", "占比"], ["工资福利支出", "1,980.00", "68.41%"],
                 ["商品和服务支出", "914.20", "31.59%"], ["合计", "2,894.20", "100.00%"]]
    text = with_tables(narrative="2024年度调整后预算2,940.00万元，实际支出2,894.20万元。",
                       tables=table(YEAR_TABLE, "表1（单位：万元）") + table(structure, "表2（单位：万元）"))
    (f,) = [f for f in al503(text) if f.evidence.stated == "2894.20" and "此处" in f.message_zh]
    assert (f.evidence.computed, f.location.line) == ("2849.20", line_of(text, "2,894.20"))


def test_al503_an_elided_subject_is_the_earlier_amount_s():
    # "决算" takes its subject from "三公经费预算": the 三公 total's actual, 3.83
    narrative = "2024年“三公”经费预算1.50万元，决算3.38万元。"
    text = with_tables(narrative=narrative, tables=table(SANGONG_ONLY))
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("3.38", "3.83", line_of(text, "3.38万元"))
    assert al503(with_tables(narrative=narrative.replace("3.38", "3.83"), tables=table(SANGONG_ONLY))) == []


# ---------------------------------------------------------------------------
# round three: another amount column of the named row; a list under a multi-year amount
# across a full stop; the table's figure in the narrative's unit

FUNDS_YUAN = [
    ["资金来源", "下达数", "到位数", "实际支出数"],
    ["中央补助资金", "6,350,000.00", "6,350,000.00", "6,012,437.50"],
    ["市级配套资金", "2,150,000.00", "1,935,000.00", "1,870,260.00"],
    ["合计", "8,500,000.00", "8,285,000.00", "7,882,697.50"],
]


def _funds_report(narrative: str) -> str:
    return with_tables(narrative=narrative, tables=table(FUNDS_YUAN, "表2  资金下达及使用情况（单位：元）"))


@pytest.mark.parametrize("amount", ["635.00", "215.00", "193.50"])
def test_al503_an_amount_equal_to_another_amount_column_of_its_row_is_that_column_s(amount):
    # 635.00万元 is the row's 下达数 (6,350,000.00 元), 193.50万元 the 市级 到位数: not its 实际支出数
    name = "中央补助资金" if amount == "635.00" else "市级配套资金"
    assert al503(_funds_report(f"2024年{name}{amount}万元，资金已按规定拨付。")) == []


def test_al503_an_amount_equal_to_no_column_of_its_row_is_still_compared_in_its_own_unit():
    text = _funds_report("2024年中央补助资金610.24万元，资金已按规定拨付。")
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed, f.evidence.difference, f.location.line) == (
        "610.24", "601.24", "9.00", line_of(text, "610.24"))
    # the table's figure in the narrative's unit, with the table's own figure beside it
    assert "“实际支出数”为 601.24万元（表中 6,012,437.50元）" in f.message_zh


def test_al503_a_column_of_another_year_is_another_quantity():
    prior = [["项目", "上年支出数", "年初预算", "实际支出数"],
             ["设备购置费", "1,450.00", "1,600.00", "1,632.80"],
             ["安装工程费", "1,100.00", "1,200.00", "1,216.40"],
             ["合计", "2,550.00", "2,800.00", "2,849.20"]]
    text = with_tables(narrative="2024年设备购置费实际支出1,450.00万元。",
                       tables=table(prior, "表1  2024年度预算执行情况（单位：万元）"))
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed) == ("1450.00", "1632.80")


@pytest.mark.parametrize("narrative", [
    # 其中 opens the next sentence: the list is still the investment's parts
    "项目批复总投资1,200.00万元。其中中央补助资金720.00万元、市级配套资金480.00万元。",
    # a per-unit standard between the total and 其中 cannot be what the parts belong to
    "项目批复总投资1,200.00万元，每亩补助1500元。其中中央补助资金720.00万元、市级配套资金480.00万元。",
    "项目批复总投资1,200.00万元，每亩补助1500元，其中中央补助资金720.00万元、市级配套资金480.00万元。",
])
def test_al503_silent_on_the_parts_of_a_multi_year_amount_across_a_full_stop(narrative):
    assert al503(_funds_report(narrative)) == []


@pytest.mark.parametrize(("narrative", "stated", "computed"), [
    # the next sentence names the year: its amounts are the year's
    ("项目批复总投资1,200.00万元。其中2024年中央补助资金720.00万元。", "720.00", "601.24"),
    # a sentence that does not open a list is not the investment's
    ("项目批复总投资1,200.00万元。市级配套资金480.00万元。", "480.00", "187.03"),
    # an amount between the total and 其中 at least as large as the part may be what it belongs to
    ("项目批复总投资1,200.00万元，已到位资金900.00万元，其中中央补助资金720.00万元。", "720.00", "601.24"),
])
def test_al503_after_a_multi_year_amount_other_lists_are_still_compared(narrative, stated, computed):
    text = _funds_report(narrative)
    (f,) = al503(text)
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == (stated, computed, line_of(text, stated))


# ---------------------------------------------------------------------------
# a very long sentence (a table flattened into one line): the work is linear


class _Counting:
    """A compiled pattern that counts the characters its searches walk."""

    def __init__(self, pattern, tally: list[int]) -> None:
        self.pattern, self.tally = pattern, tally

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        m = self.pattern.search(text, pos) if endpos is None else self.pattern.search(text, pos, endpos)
        self.tally[0] += (m.end() if m else (len(text) if endpos is None else endpos)) - pos
        return m


def _long_sentence(size: int, opening: str) -> tuple[str, list]:
    """One sentence of at least ``size`` bytes of counted things and their spending, with
    its money figures as the narrative reader would give them."""
    from auditlint.extract.narrative import Figure
    from auditlint.extract.passages import Passage, Sentence
    from auditlint.model import Location
    from auditlint.numbers import find_quantities

    unit = "购置设备1台，支出10.00万元，"
    text = opening + unit * (size // len(unit.encode()) + 1) + "。"
    loc = Location("t.txt", line=1)
    sentence = Sentence(text, 0, len(text), 1, Passage(text, lambda _offset: loc, False))
    figures = [Figure(subject, subject, m.quantity, sentence, m.start, m.end, loc)
               for m in find_quantities(text) if m.quantity.is_money
               for subject in [text[: m.start].rsplit("，", 1)[-1].removeprefix("其中")]]
    return text, figures


def _work(monkeypatch: pytest.MonkeyPatch, size: int, opening: str) -> tuple[int, int, int]:
    """(characters of the sentence, find_quantities calls, characters searched) for every
    question AL503 asks of every figure of one long sentence."""
    from auditlint.extract import figure_context as fc

    text, figures = _long_sentence(size, opening)
    assert len(text.encode()) >= size
    calls, searched = [0], [0]
    real = fc.find_quantities

    def counting(t: str):
        calls[0] += 1
        searched[0] += len(t)
        return real(t)

    monkeypatch.setattr(fc, "find_quantities", counting)
    monkeypatch.setattr(fc, "_PERIOD", _Counting(fc._PERIOD, searched))
    monkeypatch.setattr(fc, "_LIST_OPENS_CLAUSE", _Counting(fc._LIST_OPENS_CLAUSE, searched))
    context = fc.FigureContext(figures, {1: text})
    answers = [(context.about_counted_things(f), context.part_of_multi_year(f), context.year_ok(f, 2024),
                context.scoped(f), context.previous(f)) for f in figures]
    assert all(counted for counted, *_ in answers[1:])  # each amount after "购置设备1台" is about those things
    return len(text), calls[0], searched[0]


@pytest.mark.parametrize("opening", ["", "项目总投资3,000.00万元，"])
def test_a_250_kb_sentence_is_read_once(monkeypatch: pytest.MonkeyPatch, opening: str) -> None:
    # issue 17: find_quantities ran on the text before every figure — 41 s for 80 KB
    small = _work(monkeypatch, 50_000, opening)
    large = _work(monkeypatch, 250_000, opening)
    for length, calls, searched in (small, large):
        assert calls == 1  # the sentence's quantities are found once
        assert searched <= 3 * length  # and no search walks the text again for each figure
    assert large[2] / small[2] < 6  # five times the text, about five times the work


def test_amounts_under_a_multi_year_total_in_a_long_sentence() -> None:
    from auditlint.extract import figure_context as fc

    text, figures = _long_sentence(5_000, "项目总投资3,000.00万元，其中中央资金2,000.00万元，")
    context = fc.FigureContext(figures, {1: text})
    assert [context.part_of_multi_year(f) for f in figures[:3]] == [False, True, True]
