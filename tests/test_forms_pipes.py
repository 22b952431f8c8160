"""Tables whose cells are marked by "|" (issue 15, forms2 (a)): Markdown tables and
web extractions that print "| 项目 | 预算数 | 执行数 |". Before, each such line was a
paragraph and the table was never checked. Minimal repros written for these tests
(the numbers are those of the integrator's flattened-table forms)."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.coverage import coverage_of
from auditlint.model import Table
from auditlint.readers.pipes import REFUSED_PIPES
from auditlint.readers.text import parse_text, read_bytes
from auditlint.report.inspect import render_text

HEAD = "一、预算执行情况\n"
TAIL = "二、绩效目标完成情况\n本年完成了全部目标。\n"
MARKDOWN = HEAD + """| 项目 | 年初预算数 | 调整后预算数 | 实际支出数 | 执行率 |
|------|-----------|:-----------:|-----------|-------:|
| 基本支出 | 710.52 | 715.69 | 712.40 | 99.54% |
| 项目支出 | 1196.10 | 1067.07 | 1067.07 | 100.00% |
| 合计 | 1906.62 | {total} | 1779.47 | 99.82% |
""" + TAIL


def _findings(text: str) -> list:
    return lint_document(read_bytes(text.encode("utf-8"), "r.txt"), RunOptions())


def _coverage(text: str):  # noqa: ANN202
    return coverage_of(extract(read_bytes(text.encode("utf-8"), "r.txt")), read_all=True)


def _table(text: str) -> Table:
    return next(b for b in parse_text(text, "r.txt") if isinstance(b, Table))


def test_a_pipe_table_is_read_and_its_stated_total_checked() -> None:
    findings = _findings(MARKDOWN.format(total="1792.76"))
    al101 = [f for f in findings if f.check_id == "AL101"]
    assert len(al101) == 1
    f = al101[0]
    assert f.severity.value == "error"
    assert (f.evidence.stated, f.evidence.computed) == ("1792.76", "1782.76")
    assert (f.location.line, f.location.column) == (6, 18)


def test_a_pipe_table_that_agrees_gives_no_finding_and_inspect_shows_it_read() -> None:
    text = MARKDOWN.format(total="1782.76")
    assert _findings(text) == []
    cov = _coverage(text)
    assert [(t.read_as, t.numbers, t.size) for t in cov.tables] == [("budget", 12, (4, 5))]
    assert cov.tables[0].totals[0].covers == ["基本支出", "项目支出"]
    shown = render_text("r.txt", cov, [], "zh")
    assert "表 1 (line 2, 4×5): 预算执行表，12 个数字" in shown


def test_cells_keep_their_line_and_column_and_the_rule_line_is_no_row() -> None:
    table = _table(MARKDOWN.format(total="1782.76"))
    assert [r[0].text for r in table.rows] == ["项目", "基本支出", "项目支出", "合计"]
    cell = table.rows[1][1]
    assert (cell.text, cell.location.line, cell.location.column) == ("710.52", 4, 10)


def test_a_double_pipe_is_an_empty_cell_and_full_width_pipes_mark_cells_too() -> None:
    text = HEAD + "｜ 项目 ｜ 预算数 ｜ 执行数 ｜\n｜ 基本支出 ｜ 700.00 ｜ 690.00 ｜\n| 项目支出 || 290.00 |\n" + TAIL
    table = _table(text)
    assert table.texts() == [["项目", "预算数", "执行数"], ["基本支出", "700.00", "690.00"], ["项目支出", "", "290.00"]]


def test_a_short_header_row_spreads_over_the_sub_headers_under_it() -> None:
    # 执行情况 is merged over 执行数 and 执行率: its row has one cell fewer
    text = HEAD + """| 项目 | 预算数 | 执行情况 |
| | | 执行数 | 执行率 |
| 基本支出 | 700.00 | 690.00 | 98.57% |
| 项目支出 | 300.00 | 290.00 | 90.00% |
| 其他支出 | 100.00 | 50.00 | 50.00% |
""" + TAIL
    table = _table(text)
    assert [c.text for c in table.rows[0]] == ["项目", "预算数", "执行情况", ""]
    findings = _findings(text)
    al201 = [f for f in findings if f.check_id == "AL201"]
    assert [(f.evidence.stated, f.evidence.computed) for f in al201] == [("90.00%", "96.67%")]


def test_a_row_of_numbers_with_a_cell_missing_is_refused_with_a_reason() -> None:
    # the total row lost a cell: which column 1779.47 is under cannot be told
    text = HEAD + """| 项目 | 年初预算数 | 调整后预算数 | 实际支出数 | 执行率 |
| 基本支出 | 710.52 | 715.69 | 712.40 | 99.54% |
| 项目支出 | 1196.10 | 1067.07 | 1067.07 | 100.00% |
| 合计 | 1906.62 | 1792.76 | 1779.47 |
""" + TAIL
    assert _findings(text) == []
    cov = _coverage(text)
    assert [(t.read_as, t.why_not) for t in cov.tables] == [(None, REFUSED_PIPES)]
    assert "未读取：用“|”分隔的表格中，有含数字的行单元格数与其他行不一致" in render_text("r.txt", cov, [], "zh")


def test_prose_with_a_pipe_and_a_single_pipe_line_are_not_tables() -> None:
    text = HEAD + "本年支出 100 万元 | 上年 90 万元，增长 11.11%。\n| 说明 | 见附表 |\n" + TAIL
    assert not any(isinstance(b, Table) for b in parse_text(text, "r.txt"))


def test_pipes_padding_a_merged_row_to_the_width_are_no_cells() -> None:
    # the 合计 row's label was merged over two columns: the extraction printed its cells
    # and padded the row with "||"; which column 1000.00 stood under is not stated
    text = HEAD + """| 序号 | 项目 | 预算数 | 执行数 |
| 1 | 基本支出 | 700.00 | 690.00 |
| 2 | 项目支出 | 300.00 | 290.00 |
| 合计 | 1000.00 | 990.00 ||
""" + TAIL
    assert _findings(text) == []
    cov = _coverage(text)
    assert [(t.read_as, t.why_not) for t in cov.tables] == [(None, REFUSED_PIPES)]


def test_a_text_row_padded_with_pipes_and_a_line_of_bare_pipes_do_not_stop_the_reading() -> None:
    text = HEAD + """| 项目 | 预算数 | 执行数 |
|||
| 基本支出 | 700.00 | 690.00 |
| 项目支出 | 300.00 | 290.00 |
| 合计 | 1000.00 | {total} |
| 说明：单位为万元 ||
""" + TAIL
    table = _table(text.format(total="980.00"))
    assert [r[0].text for r in table.rows] == ["项目", "基本支出", "项目支出", "合计", "说明：单位为万元"]
    al101 = [f for f in _findings(text.format(total="990.00")) if f.check_id == "AL101"]
    assert [(f.evidence.stated, f.evidence.computed) for f in al101] == [("990.00", "980.00")]
