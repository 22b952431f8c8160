"""What the outline knows beside its headings (issue 15, form 3): the table of
contents is not in it, serials printed mid-line are, and where the printed document
starts; and AL601 run with that knowledge fires only on headings it is sure of."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from auditlint.engine.registry import get, load_builtin
from auditlint.extract.facts import Facts
from auditlint.extract.outline import KEY, MIDLINE, break_is_sure
from auditlint.readers import read

MIDLINE_REPORT = """一、部门基本情况
（一）部门职能
本局的主要职责是：
（一）贯彻执行国家有关法律法规。
（二）承担财政收支管理的责任。
（三）负责会计管理工作。（四）负责非税收入管理工作。
（五）负责国库管理工作。
二、部门决算情况说明
本年收入合计100万元。
"""

# the same, with （四） truly missing: a real gap is still a gap
MISSING_REPORT = MIDLINE_REPORT.replace("（四）负责非税收入管理工作。", "")

# the serial closes its line in the PDF's text layer; the heading text goes on below
MIDLINE_AT_END = """一、主要职能
（一）负责预算管理。
（二）负责会计管理工作，组织实施各项会计
准则。（三）
负责非税收入管理。
（四）负责国库管理工作。
"""

TOC_REPORT = """目录
一、部门主要职能……………………1
二、部门机构设置……………………2
三、部门预算编制说明………………3
1. 2026年部门财务收支预算总表……5
2. 2026年部门收入预算总表…………6
9. 2026年部门“三公”经费预算表……13
四、其他相关情况说明………………14
一、部门主要职能
本部门负责全区司法行政工作。
二、部门机构设置
本部门下设6个科室。
三、部门预算编制说明
2026年收入预算100万元。
四、其他相关情况说明
无。
"""

# an undotted contents (a PDF's 目录 page): it ends where the body repeats its first entry
PLAIN_TOC_REPORT = """目 录
第一部分 单位概况
一、主要职能
二、机构设置
第二部分 决算表
一、收入支出决算总表
九、国有资本经营预算财政拨款收入支出决算表
第一部分 单位概况
一、主要职能
本单位负责全区财政工作。
二、机构设置
本单位设5个科室。
"""

STARTS_MID = """三、部门预算编制说明
2026年收入预算100万元。
四、其他相关情况说明
无。
"""

# a sequence missing its first number under a printed higher level is still reported
MISSING_FIRST = """一、部门概况
（二）部门职能
负责财政工作。
二、决算情况
无。
"""


def facts_of(tmp_path: Path, text: str) -> Facts:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return Facts(read(str(path)))


def serials(facts: Facts) -> list[str]:
    return [h.serial for h in facts.extra[KEY]]


def test_contents_entries_are_not_headings(tmp_path):
    facts = facts_of(tmp_path, TOC_REPORT)
    assert serials(facts) == ["一、", "二、", "三、", "四、"]
    toc = facts.extra["toc"]
    assert [e.text for e in toc.entries][:2] == ["一、部门主要职能", "二、部门机构设置"]
    assert len(toc.entries) == 7


def test_plain_contents_ends_where_the_body_repeats_it(tmp_path):
    facts = facts_of(tmp_path, PLAIN_TOC_REPORT)
    assert [e.key for e in facts.extra["toc"].entries] == [
        "第一部分单位概况", "一、主要职能", "二、机构设置", "第二部分决算表", "一、收入支出决算总表",
        "九、国有资本经营预算财政拨款收入支出决算表"]
    assert serials(facts) == ["一、", "二、"]


def test_no_contents_no_region(tmp_path):
    facts = facts_of(tmp_path, MIDLINE_REPORT)
    assert facts.extra["toc"].entries == []


def test_midline_serial_is_recorded_after_its_heading(tmp_path):
    facts = facts_of(tmp_path, MIDLINE_REPORT)
    assert serials(facts) == ["一、", "（一）", "（一）", "（二）", "（三）", "（五）", "二、"]
    [m] = facts.extra[MIDLINE]
    assert (m.serial, m.number, m.after) == ("（四）", 4, 5)


def test_midline_serial_closing_its_line(tmp_path):
    facts = facts_of(tmp_path, MIDLINE_AT_END)
    assert [(m.serial, m.after) for m in facts.extra[MIDLINE]] == [("（三）", 3)]


def test_numbers_after_a_colon_are_not_serials(tmp_path):
    facts = facts_of(tmp_path, "一、概况\n本年收入：1.5万元；支出：2024年为3万元。\n")
    assert facts.extra[MIDLINE] == []


def test_opens_marks_where_the_document_starts(tmp_path):
    facts = facts_of(tmp_path, STARTS_MID)
    assert [h.opens for h in facts.extra[KEY]] == [True, True]
    facts = facts_of(tmp_path, MISSING_FIRST)
    assert [h.opens for h in facts.extra[KEY]] == [True, False, True]


# ---------------------------------------------------------------------------
# AL601 with the rule (the check keeps its module until the move; the rule is
# applied by wrapping the numbering function it calls)


def al601(facts: Facts, monkeypatch: pytest.MonkeyPatch | None) -> list[tuple[str, str]]:
    load_builtin()
    spec = get("AL601")
    assert spec is not None
    if monkeypatch is not None:
        module = sys.modules[spec.func.__module__]
        original = module.numbering_breaks
        midline = facts.extra[MIDLINE]

        def sure(headings):
            at = {id(h): i for i, h in enumerate(headings)}
            return [b for b in original(headings)
                    if break_is_sure(headings, midline, at[id(b.heading)], b.kind, b.previous)]

        monkeypatch.setattr(module, "numbering_breaks", sure)
    return [(f.evidence.stated, f.evidence.computed) for f in spec.func(facts)]


@pytest.mark.parametrize("text", [MIDLINE_REPORT, STARTS_MID, MIDLINE_AT_END])
def test_the_sequence_breaks_there_but_al601_knows_the_break_is_not_sure(tmp_path, text):
    from auditlint.extract.numbering import numbering_breaks
    from auditlint.extract.outline import KEY

    facts = facts_of(tmp_path, text)
    assert numbering_breaks(facts.extra[KEY]) != []  # what AL601 reported before the rule
    assert al601(facts, None) == []


@pytest.mark.parametrize("text", [MIDLINE_REPORT, STARTS_MID, MIDLINE_AT_END, TOC_REPORT, PLAIN_TOC_REPORT])
def test_al601_with_the_rule_is_silent(tmp_path, monkeypatch, text):
    assert al601(facts_of(tmp_path, text), monkeypatch) == []


def test_al601_with_the_rule_still_reports_a_real_gap(tmp_path, monkeypatch):
    assert al601(facts_of(tmp_path, MISSING_REPORT), monkeypatch) == [("（五）", "（四）")]
    # AL601 reads this one as 二、 written in the wrong style; either way it is reported
    assert al601(facts_of(tmp_path, MISSING_FIRST), monkeypatch) == [("（二）", "二、")]


REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


@pytest.mark.skipif(not REAL.is_dir(), reason="the real PDFs are not here")
def test_al601_with_the_rule_on_the_real_pdfs(monkeypatch):
    for pdf in sorted(REAL.glob("*.pdf")):
        with monkeypatch.context() as m:
            assert al601(Facts(read(str(pdf))), m) == [], pdf.name
