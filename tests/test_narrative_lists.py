"""Totals and the parts listed with them, in the layouts that gave false alarms or hid
mistakes: a list whose amounts carry thousands separators, a list closed by its
合计, money introduced by 另/另外/此外/还/同时 after a 其中 list (besides the list, not
one more part of it), and a member named "X中Y" after a member X (a part of X, not a
sibling of it). See docs/false-alarms.md (AL102 misses; 其中 lists)
(FA03, FA04).

Each case has a report where AL102 stays silent and one where it still fires, with
the exact numbers and the line."""

from __future__ import annotations

from auditlint.extract.narrative import OfWhich, TotalWithParts, read_paragraph
from reports import found, line_of, narrative, of, para


def report(*sentences: str) -> str:
    return "某县某某局2024年度项目支出绩效自评报告\n一、资金使用情况\n" + "\n".join(sentences) + "\n"


def of_which(sentence: str) -> list[OfWhich]:
    return of(OfWhich, read_paragraph(para(sentence)))


# ---------------------------------------------------------------------------
# a thousands separator inside a number ends no clause and no list


SOURCES = "项目总投资28,500.00万元，其中省级补助资金15,000.00万元、市级配套资金9,200.00万元、县级自筹资金4,300.00万元。"


def test_a_list_of_amounts_with_thousands_separators_is_read_whole():
    (ow,) = of(OfWhich, read_paragraph(para(SOURCES)))
    assert [p.quantity.text for p in ow.parts] == ["15,000.00万元", "9,200.00万元", "4,300.00万元"]
    assert found(narrative(SOURCES), "AL102") == []


def test_parts_with_thousands_separators_that_exceed_their_total_are_found():
    over = SOURCES.replace("4,300.00", "5,300.00")
    (f,) = found(narrative(over), "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("28,500.00万元", "29500.00万元", 3)
    # a bracket whose parts carry separators is a full decomposition
    bracket = "本年支出1,782.77万元（基本支出709.66万元，项目支出1,067.07万元）。"
    (f,) = found(narrative(bracket), "AL102")
    assert (f.evidence.stated, f.evidence.computed) == ("1,782.77万元", "1776.73万元")
    assert found(narrative(bracket.replace("709.66", "715.69")), "AL102") == []


# ---------------------------------------------------------------------------
# a list of amounts closed by its 合计


PROJECTS = "全年实施项目3个，分别为：道路维修120.00万元、河道清淤80.50万元、绿化提升49.50万元，合计250.00万元。"


def test_a_list_closed_by_its_total_is_a_full_decomposition():
    (twp,) = of(TotalWithParts, read_paragraph(para(PROJECTS)))
    assert (twp.total.quantity.text, len(twp.parts), twp.complete) == ("250.00万元", 3, True)
    assert twp.total.subject == "合计"
    assert found(narrative(PROJECTS), "AL102") == []


def test_a_list_whose_total_is_off_is_found():
    (f,) = found(narrative(PROJECTS.replace("合计250.00", "合计260.00")), "AL102")
    assert (f.evidence.stated, f.evidence.computed, f.location.line) == ("260.00万元", "250.00万元", 3)
    assert f.evidence.expression == "120.00 + 80.50 + 49.50"


def test_a_total_after_a_list_that_may_not_be_all_of_it_says_nothing():
    # an amount earlier in the sentence may belong to the list: not read
    partial = "支出300.00万元，道路维修120.00万元、河道清淤80.50万元，合计260.00万元。"
    assert of(TotalWithParts, read_paragraph(para(partial))) == []
    assert found(narrative(partial), "AL102") == []


def test_a_total_closing_a_list_of_which_is_no_part_of_it():
    text = "项目支出300.00万元，其中道路维修120.00万元、河道清淤80.50万元，合计200.50万元。"
    (ow,) = of(OfWhich, read_paragraph(para(text)))
    assert [p.quantity.text for p in ow.parts] == ["120.00万元", "80.50万元"]
    assert found(narrative(text), "AL102") == []
    (f,) = found(narrative(text.replace("合计200.50", "合计210.50")), "AL102")
    assert (f.evidence.stated, f.evidence.computed) == ("210.50万元", "200.50万元")


# ---------------------------------------------------------------------------
# money besides a 其中 list (docs/false-alarms.md FA03)

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


# ---------------------------------------------------------------------------
# a part of a part (docs/false-alarms.md FA04)

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
