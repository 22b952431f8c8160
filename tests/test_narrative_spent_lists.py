"""Parts listed after 用于 and joined by commas or semicolons, closed by 共计 (issue 15, form 4):
the 共计 is their sum; after 主要用于 they are the main items only and may fall short of it.
Minimal repros written here (numbers of the real form, words our own)."""

from __future__ import annotations

from reports import by_id, lint


def _al102(sentence: str) -> list[tuple[str, str]]:
    text = f"一、项目资金使用情况\n{sentence}\n"
    return [(f.evidence.stated, f.evidence.computed) for f in by_id(lint(text), "AL102")]


def test_parts_joined_by_semicolons_that_do_not_add_up_to_their_total():
    got = _al102("项目资金到位20.00万元，用于设备购置费4.20万元；材料费9.10万元；劳务费5.30万元；专家咨询费2.40万元，共计20.00万元。")
    assert got == [("20.00万元", "21.00万元")]


def test_main_items_listed_by_commas_that_exceed_their_total():
    got = _al102("配套资金到位99.70万元，主要用于设备费22.00万元，材料费20.00万元，劳务费36.70万元，咨询费5.00万元，其他费用17.00万元，共计99.70万元。")
    assert got == [("99.70万元", "100.70万元")]


def test_silent_when_whole_amounts_differ_within_their_rounding():
    # 4 + 9 + 5 + 3 = 21 against 20: each printed to the 万元, they may add up to 20
    assert _al102("项目资金到位20万元，用于设备购置费4万元；材料费9万元；劳务费5万元；专家咨询费3万元，共计20万元。") == []


def test_silent_when_the_parts_add_up():
    assert _al102("项目资金到位20万元，用于设备购置费4万元；材料费9万元；劳务费5万元；专家咨询费2万元，共计20万元。") == []


def test_silent_when_the_main_items_fall_short_of_the_total():
    # 主要用于: an item left out (a 0.5万元 改造费 in the table) is a plausible reading
    assert _al102("项目资金到位15万元，主要用于购置设备费2.5万元，材料费7.5万元，燃料费2万元，咨询费2.5万元，共计15万元。") == []


def test_silent_when_a_clause_is_a_part_of_the_item_before_it():
    assert _al102("项目资金到位20万元，用于设备费6万元，其中购置费4万元，材料费9万元，共计20万元。") == []


def test_silent_without_a_list_opener():
    # no 用于/colon/其中: the amounts before 共计 may be anything the sentence says
    assert _al102("本年支出20万元，较上年减少4万元，结余9万元，共计13万元。") == []
