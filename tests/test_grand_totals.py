"""A 决算情况说明's 收入支出总计 against the 总计 row of the 收支总表 it repeats (AL503), and a
PDF's sentences broken over lines put back together for that reading
(``extract/narrative/grand_totals.py``, ``wrapped_lines.py``). Minimal repros written here;
the real reports they stand for are in ../shared/real (tested in test_real_reports.py)."""

from __future__ import annotations

from auditlint.extract.narrative.wrapped_lines import joined_paragraphs
from auditlint.model import Document, Location, Paragraph
from reports import by_id, cell_lines, lint

ACCOUNT = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", "1,200.50", "一、一般公共服务支出", "900.00"],
    ["二、其他收入", "10.00", "二、住房保障支出", "300.00"],
    ["本年收入合计", "1,210.50", "本年支出合计", "1,200.00"],
    ["年初结转和结余", "40.00", "年末结转和结余", "50.50"],
    ["总计", "1,250.50", "总计", "1,250.50"],
]
GRANT = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款", "1,200.50", "一、一般公共服务支出", "900.00"],
    ["", "", "二、住房保障支出", "300.00"],
    ["本年收入合计", "1,200.50", "本年支出合计", "1,200.00"],
    ["年初财政拨款结转和结余", "9.50", "年末财政拨款结转和结余", "10.00"],
    ["总计", "1,210.00", "总计", "1,210.00"],
]


def account_report(total: str, grant_total: str = "1210.00") -> str:
    return ("第二部分 某某局2024年度部门决算表\n收入支出决算总表\n单位：万元\n" + cell_lines(ACCOUNT)
            + "\n\n财政拨款收入支出决算总表\n单位：万元\n" + cell_lines(GRANT)
            + "\n\n第三部分 某某局2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
            + f"某某局2024年度收入支出总计{total}万元。与2023年度相比，收入支出总计减少12.00万元。\n"
            + "二、财政拨款收入支出决算总体情况说明\n"
            + f"某某局2024年度财政拨款收入支出总计{grant_total}万元。与2023年度相比持平。\n")


def test_a_total_stated_as_zero_is_held_against_the_table_s_total():
    got = [(f.location.line, f.evidence.stated, f.evidence.computed) for f in by_id(lint(account_report("0")), "AL503")]
    assert got == [(80, "0", "1250.50")]


def test_the_grant_total_is_held_against_the_grant_table_only():
    got = [(f.evidence.stated, f.evidence.computed) for f in by_id(lint(account_report("1250.50", "0.3")), "AL503")]
    assert got == [("0.3", "1210.00")]


def test_silent_when_the_totals_agree_or_the_year_s_total_was_meant():
    assert by_id(lint(account_report("1250.50")), "AL503") == []
    # "收入支出总计" written for the year's income (本年收入合计, without the carry-over): a reading that agrees
    assert by_id(lint(account_report("1210.50")), "AL503") == []


def test_silent_on_last_year_s_total():
    text = account_report("1250.50").replace("与2023年度相比，收入支出总计减少12.00万元",
                                             "2023年度收入支出总计1262.50万元")
    assert by_id(lint(text), "AL503") == []


def _pdf(*lines: str) -> Document:
    pars = [Paragraph(k + 1, t, Location("x.pdf", page=1, line=k + 1)) for k, t in enumerate(lines)]
    return Document("x.pdf", "pdf", list(pars))


def test_a_sentence_broken_mid_word_is_joined():
    # lines of one page width, as a PDF prints them
    doc = _pdf("一、收入支出决算总体情况说明", "某某局2024年度财政拨款收入支出总", "计307.82万元。与2023年度相比，财政",
               "拨款收入支出总计增加307.82万元。")
    texts = [p.text for p in joined_paragraphs(doc)]
    assert texts == ["一、收入支出决算总体情况说明",
                     "某某局2024年度财政拨款收入支出总计307.82万元。与2023年度相比，财政拨款收入支出总计增加307.82万元。"]
    # each character still points at the line it is printed on
    joined = joined_paragraphs(doc)[1]
    assert joined.location_at(joined.text.index("307.82")).line == 3


def test_figures_set_on_a_line_of_their_own_go_back_into_their_blanks():
    doc = _pdf("某某局 年度收入支出总计 万元。与 年度相比，收入", "2024 1250.5 2023", "支出总计持平。")
    (joined,) = joined_paragraphs(doc)
    assert joined.text == "某某局2024年度收入支出总计1250.5万元。与2023年度相比，收入支出总计持平。"
    assert joined.location_at(joined.text.index("1250.5")).line == 2


def test_figures_are_left_alone_when_the_blanks_do_not_match():
    doc = _pdf("截至 年 月 日，某某局共有车辆辆。", "2024 12 31 0 7")
    assert [p.text for p in joined_paragraphs(doc)] == ["截至 年 月 日，某某局共有车辆辆。", "2024 12 31 0 7"]


def test_a_finished_sentence_or_a_heading_ends_its_paragraph():
    doc = _pdf("某某局2024年度收入支出总计1250.5万元。", "二、收入决算情况说明", "本年收入合计1210.5万元，其中：财政拨款收入",
               "1200.5万元。")
    assert [p.text for p in joined_paragraphs(doc)] == [
        "某某局2024年度收入支出总计1250.5万元。", "二、收入决算情况说明", "本年收入合计1210.5万元，其中：财政拨款收入1200.5万元。"]


def test_other_formats_are_read_as_their_paragraphs():
    doc = Document("x.txt", "text", [Paragraph(1, "某某局收入支出总", Location("x.txt", line=1)),
                                     Paragraph(2, "计1万元。", Location("x.txt", line=2))])
    assert [p.text for p in joined_paragraphs(doc)] == ["某某局收入支出总", "计1万元。"]
