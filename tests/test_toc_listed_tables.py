"""Tables the contents lists but the body does not print (extract/listed_tables.py, read
by AL604): titles matched through their serials, spacing, quotes and years, and a
missing one reported only when the rest of the matching is sure."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.extract.facts import Facts
from auditlint.extract.listed_tables import MissingTable, listed_tables, title_key
from auditlint.extract.toc import MISMATCHES, contents_of
from auditlint.model import Location, Paragraph
from auditlint.readers import read

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def paragraphs(*lines: str) -> list[Paragraph]:
    return [Paragraph(n, text, Location("x", line=n, column=1)) for n, text in enumerate(lines, 1)]


@pytest.mark.parametrize(("entry", "title"), [
    ("三、支出决算表", "支出决算表"),
    ("七、财政拨款“三公”经费支出决算表……9", "财政拨款 三公 经费支出决算表"),
    ("1. 2026年部门收入预算总表", "2026年部门收入预算总表"),
    ("4．2026年预算单位财政拨款收支预算总表", "年预算单位财政拨款收支预算总表"),  # the year on a line of its own
    ("（三）一般公共预算支出表（按功能分类）", "一般公共预算支出表(按功能分类)"),
])
def test_an_entry_and_its_body_title_share_a_key(entry, title):
    assert title_key(entry) == title_key(title)


def test_different_tables_keep_different_keys():
    assert title_key("二、收入决算表") != title_key("四、财政拨款收入支出决算总表")
    assert title_key("三、支出决算表") != title_key("三、支出决算情况说明")


def test_only_entries_naming_one_table_are_listed_tables():
    ps = paragraphs("目录", "第一部分 某局概况", "第二部分 某局2024年度部门决算表", "一、收入支出决算总表", "二、收入决算表",
                    "第三部分 某局2024年度部门决算情况说明", "一、收入支出决算总体情况说明",
                    "五、单位预算表", "1. 2026年单位收入预算总表", "2. 2026年单位支出预算总表", "六、其他相关情况说明")
    listed = listed_tables(contents_of(ps).entries)
    # the parts (第二部分…决算表, 五、单位预算表) head the tables listed under them
    assert [e.text for e in listed] == ["一、收入支出决算总表", "二、收入决算表", "1. 2026年单位收入预算总表",
                                        "2. 2026年单位支出预算总表"]


needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is absent")


@needs_real
def test_the_edited_copy_s_missing_expenditure_table_is_found():
    facts = Facts(read(str(REAL / "putuo-finance-2024-final-accounts-edited.pdf")))
    missing = [m for m in facts.extra[MISMATCHES] if isinstance(m, MissingTable)]
    assert [(m.entry.text, m.entry.location.page, m.before, m.after, m.matched) for m in missing] == [
        ("三、支出决算表", 2, "二、收入决算表", "四、财政拨款收入支出决算总表", 8)]


@needs_real
@pytest.mark.parametrize("name", ["putuo-finance-2024-final-accounts.pdf", "putuo-planning-2024-final-accounts.pdf",
                                  "putuo-social-work-2024-final-accounts.pdf", "final-accounts-template-2024.pdf",
                                  "putuo-2026-department-budget.pdf", "putuo-2026-unit-budget.pdf"])
def test_no_listed_table_is_missing_from_the_real_reports(name):
    facts = Facts(read(str(REAL / name)))
    assert [m for m in facts.extra[MISMATCHES] if isinstance(m, MissingTable)] == []


@needs_real
def test_the_unit_budget_s_untitled_table_stands_where_its_entry_belongs():
    # its 财政拨款收支预算总表 prints no title line the reader keeps, but a table sits between
    # the 支出预算总表 and the 一般公共预算支出功能分类预算表: that may be it, so nothing is said
    facts = Facts(read(str(REAL / "putuo-2026-unit-budget.pdf")))
    contents = facts.extra["toc"]
    listed = listed_tables(contents.entries)
    body = {title_key(p.text) for p in facts.document.paragraphs if not contents.holds(p.index)}
    assert [e.text for e in listed if title_key(e.text) not in body] == ["4．2026年预算单位财政拨款收支预算总表"]
