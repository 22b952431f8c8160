"""The HTML reader: tables with rowspan/colspan, flowing text, what a browser
does not show, Chinese encodings."""

from __future__ import annotations

import pytest

from auditlint.model import Table
from auditlint.readers import ReadError, read_data
from fixture_docs import parity_report, to_html


def _read(html: str | bytes, encoding: str = "utf-8"):
    data = html.encode(encoding) if isinstance(html, str) else html
    return read_data(data, "report.html", ".html")


def _page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_rowspan_and_colspan_resolved_into_the_grid():
    doc = _read(_page("""<table>
      <tr><th rowspan="2">序号</th><th rowspan="2">项目</th><th colspan="3">预算资金</th><th rowspan="2">实际执行数</th></tr>
      <tr><th>预算数</th><th>追加</th><th>扣减</th></tr>
      <tr><td>（一）</td><td>基本支出</td><td>710.52</td><td>0</td><td>0.86</td><td>705.20</td></tr>
      <tr><td colspan="2">合计</td><td>710.52</td><td>0</td><td>0.86</td><td>705.20</td></tr>
    </table>"""))
    (table,) = doc.tables
    grid = [[(c.text, c.merged) for c in row] for row in table.rows]
    assert grid[0] == [("序号", False), ("项目", False), ("预算资金", False), ("", True), ("", True), ("实际执行数", False)]
    assert grid[1] == [("", False), ("", False), ("预算数", False), ("追加", False), ("扣减", False), ("", False)]
    assert grid[3][:3] == [("合计", False), ("", True), ("710.52", False)]
    loc = table.rows[2][5].location
    assert (loc.table, loc.row, loc.col, loc.line) == (1, 3, 6, 4)


def test_thead_first_tfoot_last_and_short_rows_padded():
    doc = _read(_page("""<table><tfoot><tr><td>合计</td><td>3</td></tr></tfoot>
      <tbody><tr><td>甲</td><td>1</td></tr><tr><td>乙</td></tr></tbody>
      <thead><tr><th>项目</th><th>金额</th></tr></thead></table>"""))
    assert doc.tables[0].texts() == [["项目", "金额"], ["甲", "1"], ["乙", ""], ["合计", "3"]]


def test_scripts_styles_and_navigation_are_not_text():
    doc = _read(_page("""<nav><a href="/">首页</a> <a href="/x">政务公开</a></nav>
      <script>document.write('<p>1782.77</p>')</script><style>p { color: red }</style><noscript>请启用脚本</noscript>
      <p>本年支出1782.77万元。</p><!-- 注释 -->""", head='<meta charset="utf-8"><title>标题</title>'))
    assert [p.text for p in doc.paragraphs] == ["本年支出1782.77万元。"]


def test_blocks_and_br_end_paragraphs_and_source_wraps_between_cjk_vanish():
    doc = _read(_page("""<div>一、预算执行情况<p>2024年度本年支出1782.77万元（基本支出
      709.66万元，项目支出
      1067.07万元）。</p>二、绩效目标<br>（一）产出指标</div>
      <p>Total  spending<br/>is   reported</p>"""))
    assert [p.text for p in doc.paragraphs] == [
        "一、预算执行情况", "2024年度本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）。",
        "二、绩效目标", "（一）产出指标", "Total spending", "is reported"]


def test_cells_keep_their_lines():
    doc = _read(_page("<table><tr><td>一级<br>指标</td><td><p>决策</p><p>（15分）</p></td></tr>"
                      "<tr><td>合计</td><td>100</td></tr></table>"))
    first = doc.tables[0].rows[0]
    assert (first[0].text, first[0].raw) == ("一级指标", "一级\n指标")
    assert first[1].text == "决策（15分）"


def test_layout_tables_are_read_as_flowing_content():
    doc = _read(_page("""<table width="100%"><tr><td>
        <p>一、预算执行情况</p>
        <table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr></table>
        <p>二、绩效情况</p></td></tr>
      <tr><td>版权所有：某市人民政府</td></tr></table>"""))
    kinds = ["T" if isinstance(b, Table) else b.text for b in doc.blocks]
    assert kinds == ["一、预算执行情况", "T", "二、绩效情况", "版权所有：某市人民政府"]
    assert doc.tables[0].index == 1


def test_a_caption_is_read_before_its_table():
    doc = _read(_page("<table><caption>表1 预算执行情况（单位：万元）</caption>"
                      "<tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr></table>"))
    assert isinstance(doc.blocks[0], type(doc.paragraphs[0])) and doc.blocks[0].text == "表1 预算执行情况（单位：万元）"


@pytest.mark.parametrize("encoding, head", [
    ("gb18030", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    ("gbk", '<meta charset="GBK">'),
    ("gb18030", ""),  # no declaration: not UTF-8, so GB18030
    ("utf-16", '<meta charset="utf-16">'),
    ("big5", '<meta charset="big5">'),
])
def test_chinese_encodings(encoding, head):
    text = "本年支出1782.77万元（基本支出709.66万元）。"
    if encoding == "big5":
        text = "本年支出1782.77萬元。"
    doc = _read(_page(f"<p>{text}</p>", head=head), encoding)
    assert doc.paragraphs[0].text == text


def test_an_xml_declaration_with_an_encoding_is_honoured():
    page = ('<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            "<p>执行率98.19%</p></body></html>")
    assert _read(page, "gb18030").paragraphs[0].text == "执行率98.19%"


def test_hostile_spans_stay_small():
    doc = _read(_page('<table><tr><td colspan="100000">项目</td><td rowspan="0">x</td></tr>'
                      "<tr><td>甲</td></tr><tr><td>乙</td></tr></table>"))
    table = doc.tables[0]
    assert table.n_cols <= 201 and table.n_rows == 3
    assert [row[-1].text for row in table.rows] == ["x", "", ""]


def test_the_parity_report_reads_whole():
    doc = _read(to_html(parity_report()))
    report = parity_report()
    assert [p.text for p in doc.paragraphs] == [report.title, *(b for b in report.blocks if isinstance(b, str))]
    assert [t.n_rows for t in doc.tables] == [len(b.rows) for b in report.blocks if not isinstance(b, str)]


def test_a_page_without_text():
    with pytest.raises(ReadError):
        _read(_page("<script>var x = 1;</script>"))
