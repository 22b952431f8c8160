"""Side-by-side halves (收支总表: 收入 | 支出 on one grid) are two tables."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditlint.extract.halves import halves
from auditlint.readers.text import read_bytes
from reports import cell_lines

ACCOUNT = [
    ["本年收入", "", "本年支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、财政拨款收入", "9,628.22", "一、公共安全支出", "8,726.73"],
    ["1. 一般公共预算", "9,628.22", "二、社会保障和就业支出", "334.37"],
    ["二、事业收入", "0.00", "三、卫生健康支出", "114.97"],
    ["", "", "四、住房保障支出", "452.15"],
    ["收入总计", "9,628.22", "支出总计", "9,628.22"],
]


def grid(rows: list[list[str]]):
    (table,) = read_bytes(("一、收支总表\n" + cell_lines(rows)).encode("utf-8"), "t.txt").tables
    return table


def test_income_and_spending_are_split_where_the_label_header_repeats():
    left, right = halves(grid(ACCOUNT))
    assert [c.text for c in left.rows[1]] == ["项目", "预算数"]
    assert [r[0].text for r in right.rows[2:]] == ["一、公共安全支出", "二、社会保障和就业支出", "三、卫生健康支出",
                                                   "四、住房保障支出", "支出总计"]
    # the cells keep where they were printed: a finding still points at the grid's cell
    assert right.rows[6][1].location == grid(ACCOUNT).rows[6][3].location
    assert left.index == right.index == grid(ACCOUNT).index


def test_the_spending_half_may_be_wider():
    rows = [[*r[:2], *r[2:], "", ""] for r in ACCOUNT]
    rows[1] = ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"]
    left, right = halves(grid(rows))
    assert (left.n_cols, right.n_cols) == (2, 4)


def test_economic_classification_halves_split_on_the_repeated_code_header():
    rows = [
        ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "2,082.85", "302", "商品和服务支出", "171.07"],
        ["30101", "基本工资", "262.33", "30201", "办公费", "21.21"],
        ["30102", "津贴补贴", "1,238.58", "30202", "印刷费", "7.61"],
    ]
    left, right = halves(grid(rows))
    assert (left.n_cols, right.n_cols) == (3, 3)


def test_an_ordinary_budget_table_is_one_table():
    rows = [
        ["项目", "年初预算数", "调整后预算数", "实际支出数", "执行率"],
        ["基本支出", "710.52", "715.69", "712.40", "99.54%"],
        ["项目支出", "1196.10", "1067.07", "1067.07", "100.00%"],
        ["合计", "1906.62", "1782.76", "1779.47", "99.82%"],
    ]
    assert halves(grid(rows)) is None


def test_a_scoring_table_is_one_table():
    rows = [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["决策", "项目立项", "立项依据充分性", "5", "5"],
        ["过程", "资金管理", "资金到位率", "5", "4"],
    ]
    assert halves(grid(rows)) is None


names = st.lists(st.sampled_from(["基本支出", "项目支出", "人员经费", "公用经费", "其他收入", "事业收入"]),
                 min_size=2, max_size=6)
amounts = st.decimals(min_value=0, max_value=99999, places=2).map(lambda d: f"{d:.2f}")


@given(names, names, st.data())
def test_any_two_label_amount_tables_side_by_side_come_apart(left_names, right_names, data):
    n = max(len(left_names), len(right_names))
    body = []
    for i in range(n):
        lrow = [left_names[i], data.draw(amounts)] if i < len(left_names) else ["", ""]
        rrow = [right_names[i], data.draw(amounts)] if i < len(right_names) else ["", ""]
        body.append(lrow + rrow)
    table = grid([["项目", "金额", "项目", "金额"], *body])
    left, right = halves(table)
    assert [r[0].text for r in left.rows[1:] if r[0].text] == left_names
    assert [r[0].text for r in right.rows[1:] if r[0].text] == right_names


# ---------------------------------------------------------------------------
# wired into the table reading: each half is a table of its own

from reports import facts_of, lint, report  # noqa: E402

# the 收入支出决算总表: 本年收入合计 + 年初结转和结余 = 总计 on the left, 本年支出合计 +
# 年末结转和结余 = 总计 on the right
FINAL = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"],
    ["二、政府性基金预算财政拨款收入", "", "二、社会保障和就业支出", "326.71"],
    ["三、其他收入", "6.20", "三、卫生健康支出", "60.99"],
    ["", "", "四、住房保障支出", "445.69"],
    ["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"],
    ["使用非财政拨款结余", "", "结余分配", ""],
    ["年初结转和结余", "49.14", "年末结转和结余", "55.34"],
    ["总计", "2,995.39", "总计", "2,995.39"],
]

# the 财政拨款收入支出决算总表: 年初财政拨款结转和结余 heads its own 一、二、三 list
GRANTS = [
    ["收入", "", "支出", "", ""],
    ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款"],
    ["一、一般公共预算财政拨款", "2,940.05", "一、一般公共服务支出", "2,106.66", "2,106.66"],
    ["二、政府性基金预算财政拨款", "", "二、社会保障和就业支出", "833.39", "833.39"],
    ["本年收入合计", "2,940.05", "本年支出合计", "2,940.05", "2,940.05"],
    ["年初财政拨款结转和结余", "21.63", "年末财政拨款结转和结余", "21.63", "21.63"],
    ["一、一般公共预算财政拨款", "21.63", "", "", ""],
    ["二、政府性基金预算财政拨款", "", "", "", ""],
    ["总计", "2,961.68", "总计", "2,961.68", "2,961.68"],
]


def al101(rows):
    return sorted((f.evidence.stated, f.evidence.computed) for f in lint(report(rows), "AL101"))


def test_a_split_grid_is_read_as_two_tables_with_the_grids_index():
    facts = facts_of(report(FINAL))
    read = [*facts.tables, *facts.extra.get("sum_tables", [])]
    assert len(read) == 2 and {ct.table.index for ct in read} == {1}
    left, right = sorted(read, key=lambda ct: ct.table.rows[0][0].location.column or 0)
    total = next(r for r in left.rows if r.label == "总计")
    assert [left.rows[i].label for i in total.children] == ["本年收入合计", "年初结转和结余"]
    total = next(r for r in right.rows if r.label == "总计")
    assert [right.rows[i].label for i in total.children] == ["本年支出合计", "年末结转和结余"]


BUDGET = [
    ["本年收入", "", "本年支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、财政拨款收入", "96,282,213.44", "一、公共安全支出", "87,267,272.44"],
    ["1. 一般公共预算", "96,282,213.44", "二、社会保障和就业支出", "3,343,704.00"],
    ["2. 政府性基金预算", "0.00", "三、卫生健康支出", "1,149,678.00"],
    ["3. 国有资本经营预算", "0.00", "四、住房保障支出", "4,521,559.00"],
    ["二、事业收入", "0.00", "", ""],
    ["三、其他收入", "0.00", "", ""],
    ["收入总计", "96,282,213.44", "支出总计", "96,282,213.44"],
]


def test_an_income_row_does_not_own_the_spending_beside_it():
    # read as one grid, 一、财政拨款收入 "owned" the spending beside its 1./2./3. rows:
    # "本年支出预算数 is 87,267,272.44, but its 3 rows add up to 9,014,941.00"
    assert al101(BUDGET) == []
    rows = [r[:] for r in BUDGET]
    rows[3][1] = "96,282,203.44"  # 一般公共预算 alone under 财政拨款收入 96,282,213.44
    assert al101(rows) == [("96,282,213.44", "96282203.44")]


def test_the_account_halves_add_up_silently():
    assert al101(FINAL) == []
    assert al101(GRANTS) == []


def test_a_wrong_grand_total_in_one_half_is_reported_against_its_own_rows():
    rows = [r[:] for r in FINAL]
    rows[9][1] = "2,985.39"  # 2,946.25 + 49.14 = 2,995.39
    assert al101(rows) == [("2,985.39", "2995.39")]
    rows = [r[:] for r in GRANTS]
    rows[8][3] = "2,951.68"  # 2,940.05 + 21.63 = 2,961.68, in the 合计 column of the right half
    assert al101(rows) == [("2,951.68", "2961.68")]


def test_a_half_with_no_numbers_is_left_alone():
    rows = [[a, b, c, "", ""] for a, b, c, *_ in GRANTS]
    rows[1][3:] = ["合计", "一般公共预算财政拨款"]
    for r in rows[2:]:
        r[2] = r[2] or ""
    facts = facts_of(report(rows))
    halves_read = [ct for ct in [*facts.tables, *facts.extra.get("sum_tables", [])] if ct.table.index == 1]
    assert len(halves_read) == 1 and halves_read[0].table.n_cols == 2
    assert al101(rows) == []
