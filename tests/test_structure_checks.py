"""AL601 section-numbering, AL602 blank-required-field, AL603 duplicate-indicator,
and the outline they read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.engine.registry import get
from auditlint.engine.run import RunOptions, lint_file
from auditlint.extract.numbering import numbering_breaks
from auditlint.extract.outline import Heading, heading_of, serial_text
from auditlint.model import Location, Paragraph
from xref_reports import by_id, line_of, lint, row, self_eval


def outline(*lines: str) -> list[Heading]:
    out = []
    for n, text in enumerate(lines, 1):
        h = heading_of(Paragraph(n, text, Location("x", line=n, column=1)))
        if h is not None:
            out.append(h)
    return out


def breaks(*lines: str) -> list[tuple[str, str, str, list[str]]]:
    return [(b.kind, b.heading.serial, b.expected, [x.serial for x in b.also]) for b in numbering_breaks(outline(*lines))]


# ---------------------------------------------------------------------------
# the outline


@pytest.mark.parametrize(("text", "style", "number", "serial"), [
    ("一、单位概况", "cn", 1, "一、"), ("十二、其他", "cn", 12, "十二、"), ("（三）年末结转和结余情况", "cn_paren", 3, "（三）"),
    ("(一)单位基本情况", "cn_paren", 1, "(一)"), ("1．收入支出分析", "arabic", 1, "1．"), ("4. 财政拨款", "arabic", 4, "4."),
    ("10、职能转变", "arabic", 10, "10、"), ("（2） 单位主要职能。", "arabic_paren", 2, "（2）"), ("  7、 预算信息", "arabic", 7, "7、"),
])
def test_headings(text, style, number, serial):
    h = heading_of(Paragraph(1, text, Location("x", line=1, column=1)))
    assert (h.style, h.number, h.serial) == (style, number, serial)


@pytest.mark.parametrize("text", ["2024年度预算收入1764.10万元", "1.5万元用于培训", "一是提高预算编制水平", "12393热线",
                                  "“十四五”时期", "一、", "7×24小时"])
def test_not_headings(text):
    assert heading_of(Paragraph(1, text, Location("x", line=1, column=1))) is None


def test_serial_text():
    assert [serial_text("cn", 7), serial_text("cn_paren", 2), serial_text("arabic", 3, "1．"), serial_text("arabic_paren", 4)] == [
        "七、", "（二）", "3．", "（4）"]
    assert serial_text("cn", 10) == "十、" and serial_text("cn", 21) == "二十一、"


# ---------------------------------------------------------------------------
# AL601


def test_a_first_section_numbered_in_a_lower_style():
    assert breaks("1、 单位概况", "（一）中心基本情况", "（二）中心主要职能", "二、中心收支情况", "三、绩效目标") == [
        ("style", "1、", "一、", [])]
    # also without sub-sections in between
    assert breaks("1、单位概况", "二、收支情况", "三、绩效") == [("style", "1、", "一、", [])]


def test_a_level_that_changes_style_part_way_is_one_finding():
    assert breaks("一、甲", "二、乙", "三、丙", "四、丁", "5、 预算信息", "6、 年度重点任务") == [
        ("style", "5、", "五、", ["6、"])]


def test_a_sub_section_in_the_wrong_style():
    assert breaks("一、单位概况", "(一)单位基本情况", "（2） 单位主要职能。", "1、拟订政策", "2、做好管理", "二、收支情况") == [
        ("style", "（2）", "（二）", [])]


def test_skips_and_repeats():
    assert breaks("一、甲", "（一）子", "（三）子", "二、乙") == [("skip", "（三）", "（二）", [])]
    assert breaks("一、甲", "二、乙", "二、丙") == [("repeat", "二、", "三、", [])]
    assert breaks("一、甲", "三、丙") == [("skip", "三、", "二、", [])]


@pytest.mark.parametrize("lines", [
    ["一、甲", "（一）子", "1．孙", "（1）曾孙", "（2）曾孙", "2．孙", "（二）子", "二、乙"],
    ["一、甲", "1. 列表", "2. 列表", "（一）子", "1. 新列表", "二、乙"],  # a list restarting at 1
    ["一、甲", "（1）跳过两级", "（2）跳过两级", "二、乙", "（一）子"],  # skipped levels
    ["一、甲", "(一)半角", "（二）全角", "二、乙"],  # half- and full-width brackets are one style
    ["一、甲", "1．全角点", "2. 半角点", "3、顿号"],  # and so are the separators
    ["一、甲", "1. 乙", "（一）丙", "（二）丙", "2. 乙", "（一）丙", "二、甲"],  # levels nested in the report's own order
])
def test_silent_on_good_numbering(lines):
    assert breaks(*lines) == []


def test_al601_finding_points_at_the_heading():
    text = "2024年度部门整体绩效自评价报告\n1、 单位概况\n（一）中心基本情况\n正文。\n二、中心收支情况\n正文。\n"
    (f,) = by_id(lint(text, "AL601"), "AL601")
    assert (f.evidence.stated, f.evidence.computed, f.location.line, f.severity) == ("1、", "一、", 2, "warning")
    assert "一、" in f.message_zh
    (f_en,) = lint(text, "AL601")
    assert "should be “一、”" in f_en.message_en


def test_al601_ignores_numbers_in_tables():
    text = "一、表\n\t1、\n\t甲\n\n\t3、\n\t乙\n\n二、结论\n正文。\n"
    assert lint(text, "AL601") == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["cn", "cn_paren", "arabic", "arabic_paren"]), st.integers(1, 12)), max_size=15))
def test_numbering_never_crashes_and_a_clean_sequence_is_silent(items):
    lines = [serial_text(style, n) + "标题" for style, n in items]
    for b in numbering_breaks(outline(*lines)):
        assert b.kind in ("style", "skip", "repeat", "start")
    # the same styles numbered 1, 2, 3 … in order of appearance, each level under the one above
    clean = ["一、甲", "（一）乙", "1．丙", "（1）丁", "（2）丁", "2．丙", "（二）乙", "二、甲", "（一）乙"]
    assert numbering_breaks(outline(*clean)) == []


# ---------------------------------------------------------------------------
# AL602


def test_al602_blank_fields_on_one_line():
    text = "某局2024年度绩效自评报告\n评价单位：某某局\n填报人：          联系电话：\n一、概况\n正文。\n"
    found = by_id(lint(text, "AL602"), "AL602")
    assert [(f.evidence.stated, f.location.line, f.location.column) for f in found] == [
        ("填报人：", 3, 1), ("联系电话：", 3, len("填报人：          ") + 1)]
    assert found[0].message_zh == "“填报人”一栏为空" and found[0].severity == "warning"


def test_al602_a_date_with_only_year_month_day_printed():
    (f,) = by_id(lint("某局2024年度绩效自评报告\n一、概况\n正文。\n日期：    年   月   日\n", "AL602"), "AL602")
    assert (f.evidence.stated, f.location.line) == ("日期：", 4)


def test_al602_a_bare_date_line_under_the_signature():
    text = "某局2024年度绩效自评报告\n一、概况\n正文。\n\n某某局\n　　　　年　　月　　日\n"
    (f,) = by_id(lint(text, "AL602"), "AL602")
    assert (f.evidence.stated, f.location.line, f.location.column) == ("年　　月　　日", 6, 5)
    assert f.message_zh == "“落款日期”一栏为空"
    cover = "某局2024年度绩效自评报告\n    年  月  日\n一、概况\n正文。\n"
    (f,) = by_id(lint(cover, "AL602"), "AL602")
    assert (f.evidence.stated, f.location.line) == ("年  月  日", 2)


@pytest.mark.parametrize("tail", [
    "某某局\n2024年3月22日",  # filled in
    "某某局\n二〇二四年三月二十二日",
    "某某局\n2024年",
    "月度执行进度按年、月、日统计。",  # words, not a blank date line
])
def test_al602_silent_on_a_filled_date_line(tail):
    assert lint(f"某局2024年度绩效自评报告\n一、概况\n正文。\n{tail}\n", "AL602") == []


def test_al602_a_bare_date_line_in_the_middle_of_a_report_is_not_the_signature():
    body = "正文。\n" * 8
    assert lint(f"某局2024年度绩效自评报告\n一、概况\n{body}  年  月  日\n{body}二、其他\n无。\n", "AL602") == []


@pytest.mark.parametrize("line", [
    "单位负责人（签字）：",  # a signature: an image or handwriting, not in the text
    "盖章：",
    "填报人：张三    联系电话：025-12345678",
    "日期：2025年3月15日",
    "请于月底前报送，联系电话：",  # inside a sentence, not a form field
])
def test_al602_silent(line):
    assert lint(f"某局2024年度绩效自评报告\n一、概况\n正文。\n{line}\n", "AL602") == []


# ---------------------------------------------------------------------------
# AL603


def test_al603_same_indicator_twice_with_different_values():
    text = self_eval(row("预算执行率", "=100%", "98.19%"), row("绩效管理覆盖率", "=100%", "100%"),
                     row("预算执行率", "=100%", "100%"))
    (f,) = by_id(lint(text, "AL603"), "AL603")
    assert f.severity == "warning" and f.location.line == line_of(text, "预算执行率", 2)
    assert (f.evidence.stated, f.evidence.computed) == ("=100% 100%", "=100% 98.19%")
    assert f.related[0].location.line == line_of(text, "预算执行率")


def test_al603_an_identical_row_is_a_note():
    text = self_eval(row("“三公经费”变动率", "<=0%", "0%"), row("三公经费变动率", "<=0%", "0%"))
    (f,) = by_id(lint(text, "AL603"), "AL603")
    assert f.severity == "info"


def test_al603_silent_on_distinct_names_and_across_tables():
    one = self_eval(row("预算执行率", "=100%", "98%"), row("部门预算执行率", "=100%", "100%"))
    assert lint(one, "AL603") == []
    two = self_eval(row("预算执行率", "=100%", "98%"), after="三、附表\n" + self_eval(row("预算执行率", "=100%", "100%")))
    assert lint(two, "AL603") == []


def _scored(*rows):
    from scoring_reports import scoring_report

    header = ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"]
    return scoring_report([header, *rows])


def test_al603_same_indicator_twice_in_one_group_of_a_scoring_table():
    text = _scored(["过程（12分）", "预算管理（12分）", "“三公”经费控制率", "4", "≤100%得4分。", "4"],
                   ["", "", "资金使用合规性", "4", "无违规的，得4分；每发现一例，扣1分。", "4"],
                   ["", "", "资金使用合规性", "4", "采购程序规范的，得4分；每发现一处问题，扣0.5分。", "3.5"])
    (f,) = by_id(lint(text, "AL603"), "AL603")
    assert f.severity == "warning" and f.location.line == line_of(text, "资金使用合规性", 2)
    assert (f.evidence.stated, f.evidence.computed) == ("分值4 得分3.5", "分值4 得分4")
    assert f.related[0].location.line == line_of(text, "资金使用合规性")


def test_al603_a_scoring_row_pasted_twice_is_a_note():
    text = _scored(["过程（8分）", "预算管理（8分）", "资金使用合规性", "4", "无违规的，得4分。", "4"],
                   ["", "", "资金使用合规性", "4", "无违规的，得4分。", "4"])
    (f,) = by_id(lint(text, "AL603"), "AL603")
    assert f.severity == "info" and f.evidence.stated == "分值4 得分4"


def test_al603_the_same_name_under_two_groups_of_a_scoring_table_is_two_indicators():
    text = _scored(["产出（10分）", "甲项目（5分）", "完成及时性", "5", "按期完成的，得5分。", "5"],
                   ["", "乙项目（5分）", "完成及时性", "5", "按期完成的，得5分。", "4"])
    assert lint(text, "AL603") == []


# ---------------------------------------------------------------------------


@pytest.mark.parametrize("check_id", ["AL601", "AL602", "AL603"])
def test_registered_with_examples(check_id):
    spec = get(check_id)
    assert spec is not None and spec.family == "structure"
    assert "错误示例" in spec.explanation["zh"] and "Bad:" in spec.explanation["en"]


def _run(path):
    result = lint_file(path, RunOptions(select=frozenset({"AL6"}), plugins=False))
    assert result.error is None
    return sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in result.findings)


def test_seeds(seeds):
    assert _run(seeds / "nanjing-center-2024.txt") == [("AL601", 5, "1、", "一、")]
    assert _run(seeds / "nanjing-bureau-2023.txt") == [("AL601", 21, "（2）", "（二）")]
    assert _run(seeds / "suzhou-bureau-2024.txt") == [("AL601", 17, "7、", "七、")]
