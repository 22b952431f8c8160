"""Group cells merged over several rows, in every layout a scoring table reaches us in
(issue 15, form 2): cell-per-line text that prints the rows under a merged group cell
short, row-per-line text and PDF grids that print the group once on its first row, and
Word tables with vertically merged cells. The tables and numbers are our own."""

from __future__ import annotations

from decimal import Decimal

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract import extract
from auditlint.extract.scoring import ScoringTable
from auditlint.model import Cell, Document, Location, Paragraph, Table
from auditlint.readers import read_data
from fixture_docs import Grid, Report, to_docx
from reports import by_id, lint

D = Decimal
H = ["一级指标", "二级指标", "三级指标", "分值", "得分"]


def cell_per_line(rows: list[list[str]]) -> str:
    """A cell-per-line text as Word's extraction prints it: a row under a vertically
    merged cell leaves that cell out, so it is short."""
    body = "\n\n".join("\n".join("\t" + c for c in row) for row in rows)
    return "一、评分情况\n" + body + "\n\n二、其他需要说明的情况\n无。\n"


def row_per_line(rows: list[list[str]]) -> str:
    return "一、评分情况\n" + "\n".join("\t".join(row) for row in rows) + "\n二、其他需要说明的情况\n无。\n"


def table_of(text: str, name: str = "t.txt") -> ScoringTable:
    (st,) = extract(read_data(text.encode("utf-8"), name, ".txt")).scoring
    return st


def groups_of(st: ScoringTable) -> list[tuple[str, Decimal | None, list[str]]]:
    return [(g.name, g.weight.value if g.weight else None, [st.indicators[m].name for m in g.members]) for g in st.groups]


def al104(text: str, name: str = "t.txt") -> list[str]:
    doc = read_data(text.encode("utf-8"), name, ".txt")
    return [f.message_zh for f in by_id(lint_document(doc, RunOptions(select=frozenset({"AL104"}), plugins=False)), "AL104")]


# ---------------------------------------------------------------------------
# cell-per-line text: the rows under a merged group cell are printed short

# two groups of the same name, each over two rows; the second row of each is short
SPANS = [
    H,
    ["决策（5分）", "资金管理（5分）", "预算编制科学性", "3", "3"],
    ["预算编制规范性", "2", "2"],
    ["过程（5分）", "资金管理（5分）", "资金到位率", "3", "3"],
    ["资金使用合规性", "2", "1"],
    ["合计", "", "", "10", "9"],
]


def test_short_rows_under_a_merged_group_cell_belong_to_its_groups():
    st = table_of(cell_per_line(SPANS))
    assert [i.path for i in st.indicators] == [
        ("决策", "资金管理", "预算编制科学性"), ("决策", "资金管理", "预算编制规范性"),
        ("过程", "资金管理", "资金到位率"), ("过程", "资金管理", "资金使用合规性")]
    assert groups_of(st) == [
        ("决策", D(5), ["预算编制科学性", "预算编制规范性"]), ("资金管理", D(5), ["预算编制科学性", "预算编制规范性"]),
        ("过程", D(5), ["资金到位率", "资金使用合规性"]), ("资金管理", D(5), ["资金到位率", "资金使用合规性"])]
    assert [i.weight.value for i in st.indicators] == [D(3), D(2), D(3), D(2)]
    assert all(not g.inferred for g in st.groups)  # every group's weight agrees with the rows it spans


def test_short_rows_under_merged_group_cells_give_no_false_group_weight_finding():
    assert al104(cell_per_line(SPANS)) == []  # three false AL104 errors before


def test_a_group_whose_short_rows_do_not_add_up_is_reported_and_marked_inferred():
    rows = [list(r) for r in SPANS]
    rows[4] = ["资金使用合规性", "3", "3"]  # 3 + 3 under 过程（5分）and its 资金管理（5分）
    rows[5] = ["合计", "", "", "11", "11"]
    text = cell_per_line(rows)
    st = table_of(text)
    assert [(g.name, [st.indicators[m].name for m in g.inferred]) for g in st.groups[2:]] == [
        ("过程", ["资金使用合规性"]), ("资金管理", ["资金使用合规性"])]
    assert not st.groups[0].inferred and not st.groups[1].inferred
    note = "（其下各行归属按版式推断：资金使用合规性 印在该分组单元格下的短行中）"
    assert al104(text) == ["过程标注 5 分，但其下 2 项指标的权重之和为 6" + note, "资金管理标注 5 分，但其下 2 项指标的权重之和为 6" + note]


def test_a_short_row_its_groups_add_up_without_is_no_member_of_theirs():
    """满意度 spanning the three level columns (a Word cell merged across them) prints the
    same short row: the groups above add up without it, so it is not theirs."""
    rows = [
        H,
        ["决策（5分）", "项目立项（5分）", "立项依据充分性", "3", "3"],
        ["立项程序规范性", "2", "2"],
        ["满意度（10分）", "10", "9"],
        ["合计", "", "", "15", "14"],
    ]
    text = cell_per_line(rows)
    st = table_of(text)
    assert [i.path for i in st.indicators] == [
        ("决策", "项目立项", "立项依据充分性"), ("决策", "项目立项", "立项程序规范性"), ("满意度",)]
    assert groups_of(st) == [("决策", D(5), ["立项依据充分性", "立项程序规范性"]),
                             ("项目立项", D(5), ["立项依据充分性", "立项程序规范性"])]
    assert st.indicators[2].weight.value == D(10)
    assert al104(text) == []


def test_a_short_row_with_no_group_above_it_stays_where_it_was_printed():
    rows = [H, ["满意度（10分）", "10", "9"], ["决策（5分）", "项目立项（5分）", "立项依据充分性", "5", "5"],
            ["合计", "", "", "15", "14"]]
    st = table_of(cell_per_line(rows))
    assert [i.path for i in st.indicators] == [("满意度",), ("决策", "项目立项", "立项依据充分性")]
    assert all(not g.inferred for g in st.groups)


def test_a_two_level_table_reads_its_short_rows_the_same_way():
    rows = [["一级指标", "二级指标", "分值", "得分"],
            ["产出（30分）", "数量指标", "10", "10"], ["质量指标", "10", "9"], ["时效指标", "10", "10"],
            ["效益（20分）", "社会效益", "20", "18"], ["合计", "", "50", "47"]]
    text = cell_per_line(rows)
    st = table_of(text)
    assert groups_of(st) == [("产出", D(30), ["数量指标", "质量指标", "时效指标"]), ("效益", D(20), ["社会效益"])]
    assert al104(text) == []


# ---------------------------------------------------------------------------
# row-per-line text (and PDF text): the group printed on its first row only

FIRST_ROW = [
    H,
    ["决策（15分）", "项目立项（5分）", "立项依据充分性", "3", "3"],
    ["", "", "立项程序规范性", "2", "2"],
    ["", "绩效目标（5分）", "绩效目标合理性", "3", "3"],
    ["", "", "绩效指标明确性", "2", "2"],
    ["", "资金投入（5分）", "预算编制科学性", "5", "5"],
    ["过程（20分）", "资金管理（10分）", "资金到位率", "5", "5"],
    ["", "", "预算执行率", "5", "4"],
    ["", "组织实施（10分）", "管理制度健全性", "5", "5"],
    ["", "", "制度执行有效性", "5", "5"],
    ["合计", "", "", "35", "34"],
]


def test_groups_printed_on_their_first_row_cover_the_rows_below():
    text = row_per_line(FIRST_ROW)
    st = table_of(text)
    got = {(name, w): len(members) for name, w, members in groups_of(st)}
    assert got == {("决策", D(15)): 5, ("项目立项", D(5)): 2, ("绩效目标", D(5)): 2, ("资金投入", D(5)): 1,
                   ("过程", D(20)): 4, ("资金管理", D(10)): 2, ("组织实施", D(10)): 2}
    assert al104(text) == []


def test_the_same_group_name_heads_two_groups():
    rows = [H, ["决策（5分）", "资金管理（5分）", "预算编制科学性", "3", "3"], ["", "", "预算编制规范性", "2", "2"],
            ["过程（5分）", "资金管理（5分）", "资金到位率", "3", "3"], ["", "", "资金使用合规性", "2", "2"],
            ["合计", "", "", "10", "10"]]
    text = row_per_line(rows)
    st = table_of(text)
    funds = [members for name, _, members in groups_of(st) if name == "资金管理"]
    assert funds == [["预算编制科学性", "预算编制规范性"], ["资金到位率", "资金使用合规性"]]  # not one group of 10
    assert al104(text) == []


def test_group_weights_in_their_own_column():
    rows = [["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
            ["决策", "15", "项目立项", "5", "立项依据充分性", "3", "3"],
            ["", "", "", "", "立项程序规范性", "2", "2"],
            ["", "", "绩效目标", "10", "绩效目标合理性", "5", "5"],
            ["", "", "", "", "绩效指标明确性", "5", "4"],
            ["合计", "15", "", "", "", "15", "14"]]
    text = row_per_line(rows)
    st = table_of(text)
    assert groups_of(st) == [("决策", D(15), ["立项依据充分性", "立项程序规范性", "绩效目标合理性", "绩效指标明确性"]),
                             ("项目立项", D(5), ["立项依据充分性", "立项程序规范性"]),
                             ("绩效目标", D(10), ["绩效目标合理性", "绩效指标明确性"])]
    assert al104(text) == []


def test_a_group_weight_its_rows_do_not_add_up_to_is_an_error():
    rows = [H, ["决策（15分）", "项目立项（5分）", "立项依据充分性", "3", "3"], ["", "", "立项程序规范性", "2", "2"],
            ["", "绩效目标（10分）", "绩效目标合理性", "5", "5"], ["", "", "绩效指标明确性", "4", "4"],
            ["合计", "", "", "14", "14"]]
    text = row_per_line(rows)
    assert al104(text) == ["决策标注 15 分，但其下 4 项指标的权重之和为 14", "绩效目标标注 10 分，但其下 2 项指标的权重之和为 9"]
    assert all(not g.inferred for g in table_of(text).groups)  # printed structure: an error, not a warning


# ---------------------------------------------------------------------------
# Word: vertically merged group cells


def _merged_grid(last_weight: str) -> Grid:
    rows = [H,
            ["决策（5分）", "项目立项（5分）", "立项依据充分性", "3", "3"],
            ["", "", "立项程序规范性", last_weight, "2"],
            ["过程（5分）", "资金管理（5分）", "资金到位率", "3", "3"],
            ["", "", "资金使用合规性", "2", "2"],
            ["合计", "", "", "10", "10"]]
    spans = {(1, 0): (2, 1), (1, 1): (2, 1), (3, 0): (2, 1), (3, 1): (2, 1), (5, 0): (1, 3)}
    return Grid(rows, spans, header_rows=1)


def _docx(grid: Grid) -> bytes:
    return to_docx(Report("2023年度项目支出绩效自评报告", ["一、评分情况", grid, "二、其他需要说明的情况"]))


def test_word_vertically_merged_group_cells():
    doc = read_data(_docx(_merged_grid("2")), "t.docx", ".docx")
    (st,) = extract(doc).scoring
    assert groups_of(st) == [("决策", D(5), ["立项依据充分性", "立项程序规范性"]),
                             ("项目立项", D(5), ["立项依据充分性", "立项程序规范性"]),
                             ("过程", D(5), ["资金到位率", "资金使用合规性"]),
                             ("资金管理", D(5), ["资金到位率", "资金使用合规性"])]
    assert all(not g.inferred for g in st.groups)
    assert by_id(lint_document(doc, RunOptions(select=frozenset({"AL104"}), plugins=False)), "AL104") == []


def test_word_merged_group_whose_rows_do_not_add_up():
    doc = read_data(_docx(_merged_grid("3")), "t.docx", ".docx")
    found = by_id(lint_document(doc, RunOptions(select=frozenset({"AL104"}), plugins=False)), "AL104")
    assert [f.message_zh for f in found] == ["决策标注 5 分，但其下 2 项指标的权重之和为 6",
                                             "项目立项标注 5 分，但其下 2 项指标的权重之和为 6"]


# ---------------------------------------------------------------------------
# PDF: a ruled table's merged cells are positions no cell starts at


def _pdf_like(rows: list[list[str | None]]) -> Document:
    """The grid the PDF reader makes: a merged cell's text at its top-left, the positions
    it covers present, empty and ``merged`` (None in ``rows``)."""
    cells = [[Cell(text or "", Location("t.pdf", page=1, table=1, row=r + 1, col=c + 1), raw=text or "",
                   merged=text is None)
              for c, text in enumerate(row)] for r, row in enumerate(rows)]
    table = Table(1, cells, Location("t.pdf", page=1, table=1))
    return Document("t.pdf", "pdf", [Paragraph(1, "一、评分情况", Location("t.pdf", page=1)), table])


def test_pdf_merged_group_cells_cover_their_rows():
    rows: list[list[str | None]] = [
        H,
        ["决策（5分）", "项目立项（5分）", "立项依据充分性", "3", "3"],
        [None, None, "立项程序规范性", "2", "2"],
        ["过程（5分）", "资金管理（5分）", "资金到位率", "3", "3"],
        [None, None, "资金使用合规性", "2", "1"],
        ["合计", None, None, "10", "9"],
    ]
    doc = _pdf_like(rows)
    (st,) = extract(doc).scoring
    assert [i.path for i in st.indicators][1] == ("决策", "项目立项", "立项程序规范性")
    assert [len(g.members) for g in st.groups] == [2, 2, 2, 2]
    assert by_id(lint_document(doc, RunOptions(select=frozenset({"AL104"}), plugins=False)), "AL104") == []


def test_reports_module_lint_agrees():
    # the shared helper reads the same text the same way
    assert by_id(lint(cell_per_line(SPANS), "AL104"), "AL104") == []


# ---------------------------------------------------------------------------
# blank 得分 cells (issue 15, form 6): a finding of their own, never a misplaced row

BLANK = [H, ["决策（5分）", "项目立项（5分）", "立项依据充分性", "3", ""], ["", "", "立项程序规范性", "2", ""],
         ["过程（5分）", "资金管理（5分）", "资金到位率", "3", ""], ["", "", "资金使用合规性", "2", ""],
         ["合计", "", "", "10", ""]]


def test_a_score_column_left_empty():
    st = table_of(row_per_line(BLANK))
    assert st.blank_scores
    assert [st.indicators[k].name for k in st.unscored] == ["立项依据充分性", "立项程序规范性", "资金到位率", "资金使用合规性"]
    # the rows stay where they were printed: each under its groups, with its weight
    assert [i.path for i in st.indicators][3] == ("过程", "资金管理", "资金使用合规性")
    assert [i.weight.value for i in st.indicators] == [D(3), D(2), D(3), D(2)]


def test_a_score_column_left_empty_in_cell_per_line_text():
    rows = [H, ["决策（5分）", "项目立项（5分）", "立项依据充分性", "3", "—"], ["立项程序规范性", "2", "—"],
            ["合计", "", "", "5", ""]]
    st = table_of(cell_per_line(rows))
    assert st.blank_scores and len(st.unscored) == 2
    assert st.indicators[1].path == ("决策", "项目立项", "立项程序规范性")


def test_a_score_column_mostly_blank_is_not_entirely_blank():
    rows = [list(r) for r in BLANK]
    rows[1][4] = "3"
    st = table_of(row_per_line(rows))
    assert not st.blank_scores
    assert [st.indicators[k].name for k in st.unscored] == ["立项程序规范性", "资金到位率", "资金使用合规性"]


def test_scored_tables_have_no_blank_scores():
    st = table_of(row_per_line(FIRST_ROW))
    assert not st.blank_scores and st.unscored == []


def test_a_score_total_printed_means_the_column_is_not_left_empty():
    rows = [list(r) for r in BLANK]
    rows[5][4] = "9"
    st = table_of(row_per_line(rows))
    assert not st.blank_scores
    assert len(st.unscored) == 4


# ---------------------------------------------------------------------------
# forms seen in published pages (our own repros)


def test_a_name_column_headed_with_its_weight_note_is_the_indicator_column():
    """评价指标（分值）: the names carry their weights in brackets (1.可研报告（7分）); the
    header's （分值） says so and does not make the column a 分值 column. The group column
    (评价内容, one character a line in the PDF) is not a known level header yet."""
    rows = [["评价内容", "评价指标（分值）", "评分标准", "得分"],
            ["（一）\n前\n期\n工\n作\n（7分）", "1.可研报告（7分）", "编制符合要求得7分", "7"],
            ["（二）\n项\n目\n组\n织\n（8分）", "2.组织管理（6分）", "管理到位得6分", "6"],
            ["", "3.项目档案（2分）", "资料齐全得2分", "1"],
            ["合计", "", "", "14"]]
    text = cell_per_line(rows)
    st = table_of(text)
    assert st.roles() == (None, "level3", "rule", "score")
    assert [(i.weight.value, i.weight_inline, i.score.value) for i in st.indicators] == [
        (D(7), True, D(7)), (D(6), True, D(6)), (D(2), True, D(1))]
    assert by_id(lint(text, "AL4"), "AL407") == []  # 7 + 6 + 1 = 14


def test_two_groups_of_the_same_name_each_report_their_own_mistake():
    rows = [H, ["决策（6分）", "资金管理（5分）", "预算编制科学性", "3", "3"], ["", "", "预算编制规范性", "3", "2"],
            ["过程（6分）", "资金管理（5分）", "资金到位率", "3", "3"], ["", "", "资金使用合规性", "3", "2"],
            ["合计", "", "", "12", "10"]]
    assert al104(row_per_line(rows)) == ["资金管理标注 5 分，但其下 2 项指标的权重之和为 6"] * 2


def test_a_group_whose_rows_were_inferred_from_the_layout_is_at_most_a_warning():
    from auditlint.engine.run import RunOptions, lint_document
    from auditlint.readers.text import read_bytes

    rows = [list(r) for r in SPANS]
    rows[4] = ["资金使用合规性", "3", "3"]
    rows[5] = ["合计", "", "", "11", "11"]
    doc = read_bytes(cell_per_line(rows).encode("utf-8"), "t.txt")
    found = lint_document(doc, RunOptions(select=frozenset({"AL104"}), plugins=False))
    assert len(found) == 2 and all(f.severity.value == "warning" and f.confidence == 0.6 for f in found)
    assert found[0].message("zh").endswith("（其下各行归属按版式推断：资金使用合规性 印在该分组单元格下的短行中）")
    assert "inferred from the layout" in found[0].message("en")
