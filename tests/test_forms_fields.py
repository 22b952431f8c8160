"""Word field codes left in the contents of a text extraction (issue 15, forms2 (c)):
"一、部门基本情况 PAGEREF _Toc25831 \\h 3", the backslash sometimes lost, TOC and
HYPERLINK instructions before the first entries. The instructions made each contents
line differ from the heading it lists, so the contents was not recognised, and a
heading that differs from its entry went unseen. Minimal repros written for these tests."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.toc import contents_of
from auditlint.model import Location, Paragraph
from auditlint.readers.fields import unfield, unfield_paragraph
from auditlint.readers.text import read_bytes

CONTENTS = """某某局2024年度部门整体支出绩效自评报告
目录
TOC \\o "1-3" \\h \\z \\u 一、部门基本情况 PAGEREF _Toc25831 \\h 1
HYPERLINK \\l "_Toc32310" 二、某某局2024年度预算执行情况 PAGEREF _Toc32310 \\h 2
三、绩效目标完成情况 PAGEREF _Toc8401 \\h 3
一、部门基本情况
本部门共有编制20人。
二、某某局{year}年度预算执行情况
本年支出100万元。
三、绩效目标完成情况
本年完成了全部目标。
"""


def _read(text: str):  # noqa: ANN202
    return read_bytes(text.encode("utf-8"), "r.txt")


def test_a_heading_that_differs_from_its_entry_is_found_through_field_codes() -> None:
    findings = lint_document(_read(CONTENTS.format(year="2023")), RunOptions())
    assert [(f.check_id, f.location.line) for f in findings] == [("AL604", 8)]
    assert "“2023”，目录为“2024”" in findings[0].message_zh


def test_contents_and_headings_that_agree_give_no_finding() -> None:
    assert lint_document(_read(CONTENTS.format(year="2024")), RunOptions()) == []


def test_contents_lines_read_as_word_shows_them() -> None:
    doc = _read(CONTENTS.format(year="2024"))
    assert [p.text for p in doc.paragraphs[2:5]] == ["一、部门基本情况\t1", "二、某某局2024年度预算执行情况\t2", "三、绩效目标完成情况\t3"]
    contents = extract(doc).extra["toc"]
    assert [e.text for e in contents.entries] == ["一、部门基本情况", "二、某某局2024年度预算执行情况", "三、绩效目标完成情况"]
    assert contents.paragraphs == frozenset({2, 3, 4, 5})  # the body's headings are not in it


def test_an_unannounced_contents_with_lost_backslashes_is_recognised() -> None:
    text = """一、部门基本情况 PAGEREF _Toc25831 h 1
二、预算执行情况 PAGEREF _Toc32310 h 2
一、部门基本情况
本部门共有编制20人。
二、预算执行情况
本年支出100万元。
"""
    contents = extract(_read(text)).extra["toc"]
    assert [e.text for e in contents.entries] == ["一、部门基本情况", "二、预算执行情况"]
    assert contents.paragraphs == frozenset({1, 2})


def test_words_that_merely_contain_the_instruction_names_stay() -> None:
    for text in ("TOCTOU 计划表", "本年 TOC 项目 HYPERLINK 无", "PAGEREF 说明"):
        assert unfield(text) == text
    assert unfield("一、收支情况 PAGEREF _Toc99 \\h") == "一、收支情况"  # its page number lost


def test_paragraphs_of_other_readers_can_be_unfielded_for_the_contents() -> None:
    # what extract/toc.py can do for every format: unfield each paragraph first
    loc = Location(path="r.html")
    texts = ["目录", "一、概况 PAGEREF _Toc1 \\h 1", "二、收支 PAGEREF _Toc2 \\h 2", "一、概况", "本部门共有编制20人。"]
    paragraphs = [Paragraph(index=k + 1, text=t, location=loc) for k, t in enumerate(texts)]
    before = contents_of(paragraphs)
    after = contents_of([unfield_paragraph(p) for p in paragraphs])
    assert 4 in before.paragraphs  # the body's first heading swallowed by the contents
    assert after.paragraphs == frozenset({1, 2, 3}) and [e.text for e in after.entries] == ["一、概况", "二、收支"]


def test_inspect_shows_the_contents_read_through_field_codes(tmp_path) -> None:  # noqa: ANN001
    from auditlint.report.inspect import inspect_document, render_text

    path = tmp_path / "r.txt"
    path.write_text(CONTENTS.format(year="2024"), encoding="utf-8")
    cov, statements = inspect_document(str(path))
    shown = render_text(str(path), cov, statements, "zh")
    assert "  [目录] line 3: 一、部门基本情况；二、某某局2024年度预算执行情况；三、绩效目标完成情况" in shown


def _html(text: str) -> bytes:
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


def test_a_web_page_keeping_field_codes_in_its_contents_is_matched_too() -> None:
    from auditlint.readers.html import read_bytes as read_html

    findings = lint_document(read_html(_html(CONTENTS.format(year="2023")), "r.html"), RunOptions())
    assert [f.check_id for f in findings] == ["AL604"]
    assert "“2023”，目录为“2024”" in findings[0].message_zh
    assert lint_document(read_html(_html(CONTENTS.format(year="2024")), "r.html"), RunOptions()) == []
