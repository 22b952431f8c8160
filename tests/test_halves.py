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
