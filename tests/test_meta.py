"""Report metadata (extract/meta.py): title, year evaluated, date, unit, form fields."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract.meta import Field, ReportDate, ReportMeta, parse_fields
from xref_reports import facts_of


def meta(text: str) -> ReportMeta:
    m = facts_of(text).meta
    assert isinstance(m, ReportMeta)
    return m


def test_year_from_a_title_with_the_year_on_its_own_line():
    m = meta("苏州市市级预算部门整体支出预算绩效自评报告\n（2024年度）\n\n一、预算部门名称：苏州市医疗保障局\n")
    assert m.title.value == "苏州市市级预算部门整体支出预算绩效自评报告（2024年度）"
    assert (m.year.value, m.year.location.line) == (2024, 1)
    assert m.unit.value == "苏州市医疗保障局" and m.unit.location.line == 4 and m.unit.confidence == 0.95


def test_year_confirmed_by_the_evaluation_period_is_surer():
    text = ("2024年度部门整体绩效自评价报告\n某某中心现对2024年度部门整体情况开展自查。\n一、评价工作简述\n"
            "本次评价对象为2024年度某某中心部门整体情况，绩效评价时段为2024年1月1日至2024年12月31日。\n")
    m = meta(text)
    assert m.year.value == 2024 and m.year.confidence > 0.99
    assert {c.confidence for c in m.year_candidates} == {0.9, 0.75, 0.8, 0.95}
    assert m.unit.value == "某某中心" and m.unit.confidence == 0.8


def test_years_that_disagree_leave_the_year_unknown():
    text = "2024年度部门整体绩效自评价报告\n一、概况\n绩效评价时段为2023年1月1日至2023年12月31日。\n"
    m = meta(text)
    assert m.year is None
    assert sorted(c.value for c in m.year_candidates) == [2023, 2024]


def test_a_title_naming_a_range_of_years_gives_no_year():
    assert meta("某局2021-2023年专项资金绩效评价报告\n一、概况\n正文。\n").year is None


def test_no_title_no_year():
    assert meta("一、概况\n本单位认真履行职责，完成年度目标。\n").year is None


def test_unit_from_the_title_when_nothing_else_names_it():
    m = meta("南京市档案馆2022年度部门整体绩效自评价报告\n\n一、单位概况\n本单位为公益一类事业单位。\n")
    assert m.unit.value == "南京市档案馆" and m.unit.confidence == 0.6


def test_report_date_from_a_field_or_a_last_line():
    m = meta("某局2024年度绩效自评报告\n一、概况\n正文。\n填报人：张三    日期：2025年3月15日\n")
    assert m.date.value == ReportDate(2025, 3, 15) and m.date.confidence == 0.9
    m = meta("某局2024年度绩效自评报告\n一、概况\n正文。\n某某局\n2025年3月\n")
    assert m.date.value == ReportDate(2025, 3, None) and m.date.location.line == 5
    assert ReportDate(2025, 3).key() > ReportDate(2025, 3, 15).key()


def test_fields_on_one_line_blank_and_filled():
    got = parse_fields("填报人：张三  联系电话：    日期：   年  月  日", lambda off: off)
    assert [(f.kind, f.label, f.value, f.location) for f in got] == [
        ("person", "填报人", "张三", 0), ("phone", "联系电话", "", 8), ("date", "日期", "", 17)]
    assert all(f.required for f in got)


def test_signature_fields_are_read_but_not_required():
    (f,) = parse_fields("单位负责人（签字）：", lambda off: off)
    assert (f.kind, f.blank, f.required) == ("signature", True, False)


def test_a_label_inside_a_sentence_is_not_a_field():
    assert parse_fields("请与我们联系，联系电话：025-1234。", lambda off: off) == []
    assert parse_fields("我局日期：", lambda off: off) == []


def test_form_fields_in_a_table_take_the_next_cell_as_value():
    text = "一、基本信息\n\t项目名称：\n\t网络安全保障\n\t填报人：\n\t\n\n\t评价机构：\n\t某某会计师事务所\n\n"
    fields = {f.label: f for f in meta(text).fields}
    assert fields["项目名称"].value == "网络安全保障"
    assert fields["填报人"].blank
    assert fields["评价机构"].value == "某某会计师事务所"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="填报人日期联系电话：: 年月日0123456789（签字）张三，。", max_size=30))
def test_any_line_reads_into_fields_without_crashing(text):
    for f in parse_fields(text, lambda off: off):
        assert isinstance(f, Field) and 0 <= f.location <= len(text)
        assert f.value == f.value.strip()


def test_seeds(seeds):
    s = meta((seeds / "suzhou-bureau-2024.txt").read_text(encoding="utf-8"))
    assert (s.year.value, s.unit.value) == (2024, "苏州市医疗保障局")
    c = meta((seeds / "nanjing-center-2024.txt").read_text(encoding="utf-8"))
    assert (c.year.value, c.unit.value) == (2024, "南京市医疗保障综合服务中心")
    b = meta((seeds / "nanjing-bureau-2023.txt").read_text(encoding="utf-8"))
    assert (b.year.value, b.unit.value) == (2023, "南京市医疗保障局")
    assert b.title.value == "2023年度南京市医疗保障局（本级）整体预算绩效自评价报告"
    assert [(f.label, f.value) for f in b.fields] == [("评价单位", "南京市医疗保障局")]
    assert all(m.date is None for m in (s, c, b))
