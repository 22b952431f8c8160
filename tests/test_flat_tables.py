"""Tables flattened without TABs (issue 15, form 5): space-separated rows and one
cell per line, as OCR and web extractions leave them. Minimal repros written for
these tests; the numbers are those of the integrator's forms."""

from __future__ import annotations

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.coverage import LEFT_ALONE_FLAT, coverage_of
from auditlint.model import Table
from auditlint.readers.text import parse_text, read_bytes


def _findings(text: str) -> list:
    doc = read_bytes(text.encode("utf-8"), "r.txt")
    return lint_document(doc, RunOptions())


def _coverage(text: str):  # noqa: ANN202
    return coverage_of(extract(read_bytes(text.encode("utf-8"), "r.txt")), read_all=True)


HEAD = "一、预算执行情况\n"
TAIL = "二、绩效目标完成情况\n本年完成了全部目标。\n"
SPACES = HEAD + """项目 年初预算数 调整后预算数 实际支出数 执行率
基本支出 710.52 715.69 712.40 99.54%
项目支出 1196.10 1067.07 1067.07 100.00%
合计 1906.62 {total} 1779.47 99.82%
""" + TAIL


def test_space_separated_rows_are_a_table_whose_stated_total_is_checked() -> None:
    findings = _findings(SPACES.format(total="1792.76"))
    al101 = [f for f in findings if f.check_id == "AL101"]
    assert len(al101) == 1
    f = al101[0]
    assert f.severity.value == "error"  # the header states the columns and 合计 the total
    assert f.evidence.stated == "1792.76" and f.evidence.computed == "1782.76"
    assert f.location.line == 5


def test_space_separated_rows_that_agree_give_no_finding() -> None:
    text = SPACES.format(total="1782.76")
    assert _findings(text) == []
    cov = _coverage(text)
    assert [(t.read_as, t.numbers, t.size) for t in cov.tables] == [("budget", 12, (4, 5))]
    assert cov.tables[0].totals[0].covers == ["基本支出", "项目支出"]


def test_cells_keep_their_line_and_column() -> None:
    blocks = parse_text(SPACES.format(total="1782.76"), "r.txt")
    table = next(b for b in blocks if isinstance(b, Table))
    cell = table.rows[3][2]
    assert (cell.text, cell.location.line, cell.location.column) == ("1782.76", 5, 12)


def test_a_label_with_spaces_is_one_cell_when_all_its_words_precede_the_numbers() -> None:
    text = HEAD + """项目 预算数 执行数
（一） 基本支出 700.00 690.00
（二） 项目支出 300.00 290.00
合计 1000.00 980.00
""" + TAIL
    blocks = parse_text(text, "r.txt")
    table = next(b for b in blocks if isinstance(b, Table))
    assert [r[0].text for r in table.rows] == ["项目", "（一） 基本支出", "（二） 项目支出", "合计"]
    assert _findings(text) == []


def test_rows_that_disagree_in_cell_count_are_refused_with_a_reason() -> None:
    # the total row lost a cell: which column 1779.47 is under cannot be told
    text = HEAD + """项目 年初预算数 调整后预算数 实际支出数 执行率
基本支出 710.52 715.69 712.40 99.54%
项目支出 1196.10 1067.07 1067.07 100.00%
合计 1906.62 1792.76 1779.47
""" + TAIL
    assert _findings(text) == []
    cov = _coverage(text)
    assert [(t.read_as, t.why_not) for t in cov.tables] == [(None, LEFT_ALONE_FLAT)]
    assert cov.summary() == "读取 1 张表，其中 1 张无法识别；核对 0 个数字"


def test_prose_lines_with_numbers_are_not_a_table() -> None:
    text = HEAD + """本年 共 完成 项目 建设
培训 覆盖 人数 3000 人次 满意度 98%
其中 线上 培训 1200 人次，线下 1800 人次
""" + TAIL
    assert not any(isinstance(b, Table) for b in parse_text(text, "r.txt"))


def test_a_header_with_one_row_is_not_a_table() -> None:
    text = HEAD + "项目 预算数 执行数\n合计 100 90\n" + TAIL
    assert not any(isinstance(b, Table) for b in parse_text(text, "r.txt"))


CELLS = HEAD + """项目
年初预算数
调整后预算数
实际支出数
基本支出
710.52
715.69
712.40
项目支出
1196.10
1067.07
1067.07
合计
1906.62
{total}
1779.47
""" + TAIL


def test_one_cell_per_line_without_tabs_is_a_table() -> None:
    findings = _findings(CELLS.format(total="1792.76"))
    assert [(f.check_id, f.evidence.stated, f.evidence.computed) for f in findings] == [("AL101", "1792.76", "1782.76")]
    assert findings[0].location.line == 16
    assert _findings(CELLS.format(total="1782.76")) == []


def test_one_cell_per_line_with_blank_lines_between_cells() -> None:
    spaced = "\n\n".join(CELLS.format(total="1792.76").splitlines()) + "\n"
    findings = _findings(spaced)
    assert [(f.check_id, f.evidence.stated) for f in findings] == [("AL101", "1792.76")]


def test_one_cell_per_line_needs_several_full_rows() -> None:
    text = HEAD + "项目\n预算数\n执行数\n基本支出\n700\n690\n项目支出\n300\n290\n" + TAIL
    assert not any(isinstance(b, Table) for b in parse_text(text, "r.txt"))


def test_one_cell_per_line_whose_numbers_do_not_line_up_stays_text() -> None:
    # the second column holds a rate in one row and an amount in the others: the
    # period is not what it seems
    text = HEAD + "项目\n预算数\n执行数\n甲\n700\n690\n乙\n300\n95%\n丙\n100\n90\n" + TAIL
    assert not any(isinstance(b, Table) for b in parse_text(text, "r.txt"))


def test_one_cell_per_line_with_a_row_cut_short_stays_text() -> None:
    text = HEAD + "项目\n预算数\n执行数\n甲\n700\n690\n乙\n300\n290\n丙\n100\n90\n合计\n1100\n" + TAIL
    assert not any(isinstance(b, Table) for b in parse_text(text, "r.txt"))


def test_a_list_of_short_lines_and_numbers_is_not_a_table() -> None:
    text = "主要指标\n完成率\n98\n满意度\n95\n覆盖面\n90\n" + TAIL
    assert not any(isinstance(b, Table) for b in parse_text(text, "r.txt"))


def test_placeholders_fill_a_number_cell() -> None:
    text = HEAD + """项目 预算数 执行数 执行率
基本支出 60 55 91.67%
项目支出 40 — —
合计 100 55 55.00%
""" + TAIL
    blocks = parse_text(text, "r.txt")
    table = next(b for b in blocks if isinstance(b, Table))
    assert [c.text for c in table.rows[2]] == ["项目支出", "40", "—", "—"]
    assert _findings(text) == []


def test_a_row_cut_short_under_the_rows_refuses_the_block() -> None:
    # the last row lost two cells: reading the rows above alone would leave 合计 short of a part
    text = HEAD + """项目 预算数 执行数 执行率
合计 100 90 90.00%
基本支出 60 55 91.67%
项目支出 40
""" + TAIL
    assert _findings(text) == []
    cov = _coverage(text)
    assert [(t.read_as, t.why_not, t.size) for t in cov.tables] == [(None, LEFT_ALONE_FLAT, (4, 1))]
