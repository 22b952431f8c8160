"""The table of contents (extract/toc.py): where it is, its entries, and the body
headings that print an entry with one word changed (AL604 reads them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.extract.facts import Facts
from auditlint.extract.toc import MISMATCHES, Mismatch, contents_of, entry_key, is_leader_line, mismatches
from auditlint.model import Location, Paragraph
from auditlint.readers import read


def paragraphs(*lines: str) -> list[Paragraph]:
    return [Paragraph(n, text, Location("x", line=n, column=1)) for n, text in enumerate(lines, 1)]


CONTENTS = ("目录", "第一部分 某区财政局概况", "第二部分 某区财政局2024年度部门决算表",
            "第三部分 某区财政局2024年度部门决算情况说明")


@pytest.mark.parametrize(("text", "dotted"), [
    ("三、部门预算编制说明………………3", True), ("1. 2026年部门收入预算总表…………6", True),
    ("第一部分 概况 ........ 12", True), ("一、单位概况\t1", True), ("三、部门预算编制说明", False), ("本年收入合计100万元。", False),
])
def test_leader_lines(text, dotted):
    assert is_leader_line(text) is dotted


def test_entry_key_ignores_spacing_quotes_and_page_numbers():
    assert entry_key("七、财政拨款“三公”经费支出决算表……9") == entry_key("七、财政拨款三公经费支出决算表")
    assert entry_key("第二部分 某局 2024 年度部门决算表") == "第二部分某局2024年度部门决算表"


def test_contents_ends_where_the_body_repeats_an_entry():
    ps = paragraphs(*CONTENTS, "第一部分 某区财政局概况", "一、主要职能", "本局主管全区财政工作。")
    c = contents_of(ps)
    assert [e.paragraph for e in c.entries] == [2, 3, 4]
    assert c.paragraphs == frozenset({1, 2, 3, 4})


def test_contents_ends_at_a_sentence():
    ps = paragraphs("目  录", "一、单位主要职能", "二、单位机构设置", "某区司法局主要职能",
                    "某区司法局是主管本区司法工作的区政府工作部门，主要职责是：", "（一）贯彻执行法律法规。")
    assert [e.text for e in contents_of(ps).entries] == ["一、单位主要职能", "二、单位机构设置", "某区司法局主要职能"]


def test_a_year_printed_on_its_own_line_does_not_end_the_contents():
    ps = paragraphs("目录", "第二部分某局 年度部门决算表", "2024", "一、收入支出决算总表", "第三部分某局 年度部门决算情况说明",
                    "2024", "一、收入支出决算总体情况说明", "第二部分某局 年度部门决算表")
    assert len(contents_of(ps).entries) == 4


def test_page_numbers_after_a_tab_are_not_part_of_the_title():
    ps = paragraphs("目录", "一、单位概况\t1", "二、中心收支情况\t3", "一、单位概况", "正文。")
    c = contents_of(ps)
    assert [e.key for e in c.entries] == ["一、单位概况", "二、中心收支情况"]
    assert c.paragraphs == frozenset({1, 2, 3})


def test_dotted_contents_without_a_marker():
    ps = paragraphs("一、概况……1", "二、决算表……3", "一、概况", "本局负责财政工作。")
    assert [e.key for e in contents_of(ps).entries] == ["一、概况", "二、决算表"]


def test_no_contents():
    c = contents_of(paragraphs("一、概况", "本局负责财政工作。", "二、决算表"))
    assert c.entries == [] and c.paragraphs == frozenset()
    assert mismatches(paragraphs("一、概况"), c) == []


@pytest.mark.parametrize(("body", "kind", "listed", "printed"), [
    ("第三部分 某区财政局2023年度部门决算情况说明", "year", "2024", "2023"),
    ("第二部分 某区XX局2024年度部门决算表", "placeholder", "财政", "XX"),
    ("第二部分 某区规划局2024年度部门决算表", "unit", "财政", "规划"),
])
def test_a_heading_with_one_word_changed(body, kind, listed, printed):
    ps = paragraphs(*CONTENTS, "第一部分 某区财政局概况", "本局主管全区财政工作。", body)
    [m] = mismatches(ps, contents_of(ps))
    assert (m.kind, m.listed, m.printed, m.paragraph) == (kind, listed, printed, 7)


@pytest.mark.parametrize("body", [
    "第三部分 某区财政局2024年度部门决算情况说明",  # the same
    "第三部分 某区财政局 年度部门决算情况",  # the text layer moved the year and 说明 to lines of their own
    "第三部分 某区财政局2024年度部门决算情况说明补充",  # more words, not another word
    "第三部分 某区财政局2023年度部门决算情况说明。",  # a sentence, not a heading
    "第四部分 某区财政局2023年度部门决算情况说明",  # another lead: no entry to compare with
])
def test_headings_that_agree_or_cannot_be_compared(body):
    ps = paragraphs(*CONTENTS, "第一部分 某区财政局概况", "本局主管全区财政工作。", body)
    assert mismatches(ps, contents_of(ps)) == []


def test_same_serial_in_another_part_is_not_the_entry():
    ps = paragraphs("目录", "一、收入支出决算总表", "二、收入决算表", "一、收入支出决算总表", "二、收入决算表",
                    "一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明")
    assert mismatches(ps, contents_of(ps)) == []


REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


@pytest.mark.skipif(not REAL.is_dir(), reason="the real PDFs are not here")
def test_the_edited_final_accounts_and_the_published_one():
    edited = Facts(read(str(REAL / "putuo-finance-2024-final-accounts-edited.pdf")))
    headings = [m for m in edited.extra[MISMATCHES] if isinstance(m, Mismatch)]
    assert [(m.kind, m.listed, m.printed, m.location.page) for m in headings] == [
        ("placeholder", "财政", "XX", 7), ("year", "2024", "2023", 18)]
    published = Facts(read(str(REAL / "putuo-finance-2024-final-accounts.pdf")))
    assert len(published.extra["toc"].entries) == 26
    assert published.extra[MISMATCHES] == []


def test_a_contents_laid_out_as_a_table_holds_no_headings():
    ps = paragraphs("目录", "一、单位概况", "正文。")
    assert contents_of(ps, frozenset({1})).entries == []
    assert [e.key for e in contents_of(ps).entries] == ["一、单位概况"]  # without the table it would be an entry
