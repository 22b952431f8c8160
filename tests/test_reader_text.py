"""The plain-text reader rebuilds tables from both extraction layouts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.model import Paragraph, Table
from auditlint.readers import read
from auditlint.readers.text import parse_text, read_bytes


def cell_lines(rows: list[list[str]]) -> str:
    """Render a grid in the cell-per-line layout: TAB-led cells, blank line between rows."""
    return "\n\n".join("\n".join("\t" + c for c in row) for row in rows) + "\n"


def tables(blocks) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


BUDGET = (
    "一、收支情况\n"
    "本年支出1782.77万元。\n"
    + cell_lines(
        [
            ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"],
            ["基本支出", "710.52", "0", "0.86", "715.69", "715.69"],
            ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
            ["合计", "1906.62", "0", "129.89", "1782.77", "1782.77"],
        ]
    )
    + "\n\n二、绩效目标\n"
)


def test_cell_per_line_table_and_surrounding_paragraphs():
    blocks = parse_text(BUDGET, "r.txt")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    (t,) = tables(blocks)
    assert t.n_rows == 4 and t.n_cols == 6
    assert t.texts()[2] == ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"]
    # the number's own line and its column after the TAB, 1-based
    cell = t.cell(1, 4)
    assert cell.location.line == 3 + 6 + 1 + 4 and cell.location.column == 2
    assert (cell.location.table, cell.location.row, cell.location.col) == (1, 2, 5)
    assert blocks[3].text == "二、绩效目标"


SCORING = """附表：指标体系得分情况
\t一级
指标
\t二级
指标
\t
三级指标
\t权重
\t
评分标准
\t自评得分

\t



决策
\t

计划
制定
\t
决策程序的科学规范性
\t

3
\t
共3项，分别为：1.建立决策制度，得1分；
2.制度可行，得1分；3.流程规范，得1分。
\t

3

\t
\t
\t
中长期规划制定明确性
\t

2
\t目标明确得2分，否则不得分。
\t

2

\t合计
\t5
\t5


本次自评得分为5分。
"""


def test_scoring_table_with_multi_line_cells_and_blank_lines():
    blocks = parse_text(SCORING, "s.txt")
    (t,) = tables(blocks)
    assert t.texts() == [
        ["一级指标", "二级指标", "三级指标", "权重", "评分标准", "自评得分"],
        ["决策", "计划制定", "决策程序的科学规范性", "3",
         "共3项，分别为：1.建立决策制度，得1分；2.制度可行，得1分；3.流程规范，得1分。", "3"],
        ["", "", "中长期规划制定明确性", "2", "目标明确得2分，否则不得分。", "2"],
        # a short total row: each number sits at the start of its merged span
        ["合计", "", "", "5", "", "5"],
    ]
    assert 3 not in t.uncertain_rows
    # the score printed after blank lines belongs to the score cell, with its own line
    score = t.cell(1, 5)
    assert score.text == "3" and SCORING.split("\n")[score.location.line - 1] == "3"
    assert blocks[-1].text == "本次自评得分为5分。"


def test_short_total_row_keeps_numbers_in_numeric_columns():
    text = cell_lines(
        [
            ["序号", "项目", "预算数", "实际数"],
            ["一", "基本支出", "10.00", "9.00"],
            ["二", "项目支出", "5.00", "5.00"],
            ["合计", "15.00", "14.00"],
        ]
    )
    (t,) = tables(parse_text(text, "x.txt"))
    assert t.texts()[3] == ["合计", "", "15.00", "14.00"]
    assert t.cell(3, 1).merged


def test_short_row_that_fits_two_ways_is_marked_uncertain():
    text = cell_lines(
        [
            ["指标", "权重", "评分标准", "得分"],
            ["预算执行率", "2", "执行率×权重", "2"],
            ["资金到位率", "3", "到位率×权重", "3"],
            ["合计", "5"],
        ]
    )
    (t,) = tables(parse_text(text, "x.txt"))
    assert t.uncertain_rows == frozenset({3})


def test_merged_header_spans_its_sub_headers():
    text = cell_lines(
        [
            ["序号", "项目", "预算资金", "合计", "实际执行数"],
            ["", "", "预算数", "追加", "扣减", "", ""],
            ["（一）", "基本支出", "710.52", "0", "0.86", "715.69", "715.69"],
            ["（二）", "项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
        ]
    )
    (t,) = tables(parse_text(text, "x.txt"))
    assert t.texts()[0] == ["序号", "项目", "预算资金", "", "", "合计", "实际执行数"]
    assert t.cell(0, 3).merged and t.cell(0, 4).merged


def test_row_per_line_layout_with_shifted_header():
    text = (
        "表1 预算执行情况\n"
        "项目\t预算数\t实际数\t执行率\n"
        "基本支出\t100.00\t98.00\t98.00%\n"
        "项目支出\t50.00\t50.00\t100.00%\n"
        "合计\t150.00\t148.00\t98.67%\n"
        "说明：单位万元。\n"
    )
    blocks = parse_text(text, "x.txt")
    (t,) = tables(blocks)
    assert t.n_rows == 4 and t.n_cols == 4
    assert t.texts()[3] == ["合计", "150.00", "148.00", "98.67%"]
    assert t.cell(2, 2).location.line == 4 and t.cell(2, 2).location.column == len("项目支出\t50.00\t") + 1
    assert isinstance(blocks[-1], Paragraph)


def test_inline_tabs_and_surplus_empty_cells_are_trimmed():
    text = cell_lines([["名称", "任务", "完成情况"], ["甲", "乙", "丙"], ["丁", "戊", "己"]])
    text = text.replace("\t戊\n", "\t戊\t \t \n")
    (t,) = tables(parse_text(text, "x.txt"))
    assert t.texts()[2] == ["丁", "戊", "己"]


def test_header_split_over_two_rows_is_one_row():
    text = "\t\n对应职责\n\n\t任务名称\t完成情况\n\n\t甲\n\t乙\n\t丙\n\n\t丁\n\t戊\n\t己\n"
    (t,) = tables(parse_text(text, "x.txt"))
    assert t.texts()[0] == ["对应职责", "任务名称", "完成情况"]
    assert t.n_rows == 3


def test_lone_tab_led_heading_in_running_text_is_a_paragraph():
    text = "一、概况\n\t（一）基本情况\n" + "本单位成立于2019年，负责医疗保障工作。\n" * 12
    blocks = parse_text(text, "x.txt")
    assert not tables(blocks)
    assert blocks[1].text == "（一）基本情况"


def test_conversion_marks_are_dropped():
    blocks = parse_text("[bookmark: _GoBack]自评得分为98分。\n", "x.txt")
    assert blocks[0].text == "自评得分为98分。"


def test_page_number_after_the_last_row_is_not_a_cell():
    text = cell_lines([["指标", "目标值", "偏差"], ["甲", "100%", "0%"], ["乙", "95%", ""]]) + "\n\n\n2\n"
    blocks = parse_text(text, "x.txt")
    (t,) = tables(blocks)
    assert t.texts()[2] == ["乙", "95%", ""]
    assert blocks[-1].text == "2"


def test_gb18030_and_utf8_bom(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(BUDGET.encode("gb18030"))
    doc = read(p)
    assert doc.encoding == "gb18030" and doc.tables[0].cell(3, 0).text == "合计"
    doc2 = read_bytes(b"\xef\xbb\xbf" + BUDGET.encode("utf-8"), "bom.txt")
    assert doc2.paragraphs[0].text == "一、收支情况"


cjk = st.text(alphabet="预算执行基本支出项目合计追加扣减调整率得分优良", min_size=1, max_size=6)
number = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False).map(str)
cell_text = st.one_of(cjk, number, st.just(""))


@st.composite
def grids(draw):
    width = draw(st.integers(min_value=2, max_value=7))
    n = draw(st.integers(min_value=2, max_value=8))
    rows = [[draw(cjk) for _ in range(width)]]
    for _ in range(n - 1):
        rows.append([draw(cjk)] + [draw(cell_text) for _ in range(width - 1)])
    return rows


@settings(max_examples=150, deadline=None)
@given(grids(), st.booleans())
def test_any_full_grid_round_trips(rows, wrap):
    if wrap:  # Word wraps long cells onto continuation lines
        text = "\n\n".join("\n".join("\t" + (c[:2] + "\n" + c[2:] if len(c) > 2 else c) for c in r) for r in rows) + "\n"
    else:
        text = cell_lines(rows)
    (t,) = tables(parse_text("说明\n" + text + "\n\n下文\n", "p.txt"))
    assert t.texts() == rows


@settings(max_examples=100, deadline=None)
@given(grids())
def test_any_full_grid_round_trips_row_per_line(rows):
    text = "\n".join("\t".join(r) for r in rows) + "\n"
    (t,) = tables(parse_text(text, "p.txt"))
    assert t.texts() == rows


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\t\n 合计预算0123456789.-%，。（一）[]bookmark:")), max_size=400))
def test_any_text_reads_without_crashing(text):
    blocks = parse_text(text, "x.txt")
    for t in tables(blocks):
        assert t.n_cols >= 1 and all(t.rows)
        for row in t.rows:
            for cell in row:
                assert 1 <= cell.location.line <= text.count("\n") + 1
