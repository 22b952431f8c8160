"""Classification tables state their hierarchy by their codes (功能分类 类 201 / 款 201 06 /
项 201 06 01, 经济分类 301 / 30101): a 类 row is the sum of its 款 rows, a 款 row of its
项 rows, the 合计 of the 类 rows. Silent where they add up; AL101 with the exact numbers
where a row does not."""

from __future__ import annotations

from reports import facts_of, lint, report

FUNCTIONAL = [
    ["项目", "", "", "", "本年支出合计", "基本支出", "项目支出"],
    ["支出功能分类科目编码", "", "", "科目名称", "", "", ""],
    ["类", "款", "项", "合计", "2,940.05", "2,336.91", "603.14"],
    ["201", "", "", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"],
    ["201", "06", "", "财政事务", "2,106.66", "1,503.52", "603.14"],
    ["201", "06", "01", "行政运行", "1,511.89", "1,503.52", "8.37"],
    ["201", "06", "02", "一般行政管理事务", "10.00", "", "10.00"],
    ["201", "06", "08", "财政委托业务支出", "584.77", "", "584.77"],
    ["208", "", "", "社会保障和就业支出", "326.72", "326.72", ""],
    ["208", "05", "", "行政事业单位养老支出", "326.72", "326.72", ""],
    ["208", "05", "01", "行政单位离退休", "84.65", "84.65", ""],
    ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "242.07", "242.07", ""],
    ["221", "", "", "住房保障支出", "506.67", "506.67", ""],
    ["221", "02", "", "住房改革支出", "506.67", "506.67", ""],
    ["221", "02", "01", "住房公积金", "248.17", "248.17", ""],
    ["221", "02", "03", "购房补贴", "258.50", "258.50", ""],
]


def al101(*tables):
    return sorted((f.message_en.split(":")[0], f.evidence.stated, f.evidence.computed)
                  for f in lint(report(*tables), "AL101"))


def read(rows):
    (ct,) = [*facts_of(report(rows)).tables, *facts_of(report(rows)).extra.get("sum_tables", [])]
    return ct


def covers(ct, label):
    row = next(r for r in ct.rows if r.label == label)
    return [ct.rows[i].label for i in row.children]


def test_the_codes_state_which_rows_each_row_sums():
    ct = read(FUNCTIONAL)
    assert covers(ct, "合计") == ["一般公共服务支出", "社会保障和就业支出", "住房保障支出"]
    assert covers(ct, "一般公共服务支出") == ["财政事务"]
    assert covers(ct, "财政事务") == ["行政运行", "一般行政管理事务", "财政委托业务支出"]
    assert not next(r for r in ct.rows if r.label == "合计").flat_guess


def test_a_classification_table_that_adds_up_is_silent():
    assert al101(FUNCTIONAL) == []


def test_a_planted_mistake_against_the_codes_is_reported_with_its_numbers():
    rows = [r[:] for r in FUNCTIONAL]
    rows[4][4] = "2,116.66"  # 款 财政事务: 1,511.89 + 10.00 + 584.77 = 2,106.66
    # (类 201 over its one 款 is not compared in a column no role names: AL101 asks of
    # such a column two non-zero parts, so the mistake is named once, where it is)
    assert al101(rows) == [("财政事务", "2,116.66", "2106.66")]


def test_codes_with_their_parents_left_blank_and_the_total_at_the_bottom():
    rows = [["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"]]
    for r in FUNCTIONAL[3:]:
        code = ["", "", ""]
        last = max(k for k in range(3) if r[k])
        code[last] = r[last]  # 款 06 under 类 201 prints only 06
        rows.append([*code, *r[3:]])
    rows.append(["合计", "", "", "", "2,940.05", "2,336.91", "603.14"])
    ct = read(rows)
    assert covers(ct, "合计") == ["一般公共服务支出", "社会保障和就业支出", "住房保障支出"]
    assert covers(ct, "住房改革支出") == ["住房公积金", "购房补贴"]
    rows[-1][5] = "2,335.91"
    assert al101(rows) == [("合计", "2,335.91", "2336.91")]


def test_codes_in_one_column():
    rows = [["科目编码", "科目名称", "本年支出合计", "基本支出"]]
    for r in FUNCTIONAL[3:]:
        rows.append(["".join(r[:3]), r[3], r[4], r[5]])
    rows.append(["合计", "", "2,940.05", "2,336.91"])
    ct = read(rows)
    assert covers(ct, "行政事业单位养老支出") == ["行政单位离退休", "机关事业单位基本养老保险缴费支出"]
    assert al101(rows) == []


# 经济分类 halves: 人员经费 | 公用经费, each summed by its 合计 on the last row
ECONOMIC = [
    ["经济分类科目编码", "", "科目名称", "决算数", "经济分类科目编码", "", "科目名称", "决算数"],
    ["类", "款", "", "", "类", "款", "", ""],
    ["301", "", "工资福利支出", "1,500.91", "302", "", "商品和服务支出", "171.07"],
    ["301", "01", "基本工资", "262.33", "302", "01", "办公费", "21.21"],
    ["301", "02", "津贴补贴", "1,238.58", "302", "29", "福利费", "149.86"],
    ["303", "", "对个人和家庭的补助", "69.41", "310", "", "资本性支出", "13.58"],
    ["303", "02", "退休费", "69.10", "310", "02", "办公设备购置", "13.58"],
    ["303", "09", "奖励金", "0.31", "", "", "", ""],
    ["人员经费合计", "", "", "1,570.32", "公用经费合计", "", "", "184.65"],
]


def test_economic_codes_in_side_by_side_halves():
    assert al101(ECONOMIC) == []
    rows = [r[:] for r in ECONOMIC]
    rows[8][7] = "194.65"  # 171.07 + 13.58 = 184.65
    assert al101(rows) == [("公用经费合计", "194.65", "184.65")]


def test_an_empty_template_table_is_silent():
    rows = [[*r[:4], *([""] * 3)] for r in FUNCTIONAL]
    rows[0][4:] = ["本年支出合计", "基本支出", "项目支出"]
    assert al101(rows) == []


def test_a_code_column_needs_codes():
    # a 项目 column of words is a label, not codes: nothing is linked by code
    rows = [["项目", "预算数", "决算数"], ["201", "5.00", "5.00"], ["基本支出", "3.00", "3.00"],
            ["合计", "8.00", "8.00"]]
    ct = read(rows)
    assert all(not r.code for r in ct.rows)


def test_a_code_row_repeating_its_parent_s_amount_is_reported():
    # 行政运行 prints the whole 款's project spending (603.14) beside its own 8.37 worth:
    # 项目支出 is a column no role names, yet a 款 over several 项 sums them by definition
    rows = [r[:] for r in FUNCTIONAL]
    rows[5][6] = "603.14"
    assert al101(rows) == [("财政事务", "603.14", "1197.91")]  # 603.14 + 10.00 + 584.77
