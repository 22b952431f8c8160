"""What a report left unfilled from its template (issue 15, form 6): a share with no
number ("占 %"), an amount with no number ("收入合计 万元"), a note to the writer left in a
section ("（请在此处填写…）"). Our own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.extract import extract
from auditlint.extract.placeholders import KEY, unfilled_in
from auditlint.model import Document, Location, Paragraph
from auditlint.readers import read, read_data

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def unfilled(text: str):
    return extract(read_data(text.encode("utf-8"), "t.txt", ".txt")).extra[KEY]


def test_a_share_an_amount_and_an_instruction_left_unfilled():
    text = ("一、收入支出情况\n"
            "本年收入合计100.00万元，其中：财政拨款收入90.00万元，占 %；其他收入10.00万元，占10.00%。\n"
            "本年支出合计 万元，比上年增长 %。\n"
            "二、绩效情况\n"
            "（请在此处填写绩效目标完成情况，不超过500字）\n")
    got = [(u.kind, u.text, u.location.line, u.location.column) for u in unfilled(text)]
    assert got == [("share", "占 %", 2, 33), ("amount", "合计 万元", 3, 5), ("share", "增长 %", 3, 14),
                   ("instruction", "（请在此处填写绩效目标完成情况，不超过500字）", 5, 1)]
    assert unfilled(text)[0].context == "本年收入合计100.00万元，其中：财政拨款收入90.00万元，占 %；"


def test_filled_sentences_and_unit_notes_are_not_blanks():
    for text in ["占比为90%", "比上年增长10.5%", "单位：万元", "（单位：万元）", "执行率为100%。", "共计1.5万元",
                 "（一）请示事项的办理情况", "资金到位率 100%"]:
        assert unfilled_in(text) == [], text


def test_instructions_in_a_table_cell():
    text = "一、情况\n\t项目名称\n\t（请填写项目全称）\n\n\t金额\n\t12\n\n二、其他\n无。\n"
    got = [(u.kind, u.text) for u in unfilled(text)]
    assert got == [("instruction", "（请填写项目全称）")]


def test_figures_set_in_a_layer_of_their_own_fill_the_blanks():
    """A PDF made by filling a template's fields: the text layer gives the sentence with
    its blanks, then a line of the figures."""
    def para(i: int, t: str) -> Paragraph:
        return Paragraph(i, t, Location("t.pdf", page=1, line=i))

    doc = Document("t.pdf", "pdf", [para(1, "本年收入合计 万元，其中：财政拨款收入 万元，占 %；"),
                                    para(2, "2946.25 2940.05 99.79%"),
                                    para(3, "（请在此处填写绩效目标完成情况）")])
    assert [u.kind for u in extract(doc).extra[KEY]] == ["instruction"]


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not here")
def test_no_blank_in_the_real_pdfs():
    for pdf in sorted(REAL.glob("*.pdf")):
        assert extract(read(pdf)).extra[KEY] == [], pdf.name


def test_notes_to_the_writer_in_the_forms_templates_print():
    assert [k for k, _, _ in unfilled_in("此处填写扶持项目名称 项目绩效评价表")] == ["instruction"]
    assert [k for k, _, _ in unfilled_in("此处填获得扶持资金金额")] == ["instruction"]
    assert [k for k, _, _ in unfilled_in("一、项目概况（文字说明：简要说明项目绩效目标及完成情况。）")] == ["instruction"]
    assert unfilled_in("资金用于此处办公场所改造") == []


def test_a_header_s_percent_unit_is_no_blank():
    text = "一、情况\n\t项目\n\t决算数\n\t同比增长%\n\n\t办公费\n\t12\n\t5\n\n二、其他\n无。\n"
    assert unfilled(text) == []
