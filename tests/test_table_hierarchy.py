"""Which rows a total sums when the rows are numbered (一、二、三): unnumbered rows among
them are details of the numbered row above, and numbered totals head their sections.
Silent where the table is right; AL101 with the exact numbers where it is not."""

from __future__ import annotations

from reports import lint, report


def numbers(findings):
    return sorted((f.check_id, f.evidence.stated, f.evidence.computed) for f in findings)


# ---------------------------------------------------------------------------
# serial numbers mark what a total sums; unnumbered rows among them are details

NUMBERED = [
    ["项目", "年初预算", "调增", "调减", "调整后预算", "实际支出"],
    ["一、设备购置费", "500.00", "30.00", "0.00", "530.00", "512.00"],
    ["二、运行维护费", "300.00", "0.00", "50.00", "250.00", "240.00"],
    ["其中：软件维护", "80.00", "0.00", "10.00", "70.00", "66.00"],
    ["网络租赁", "120.00", "0.00", "30.00", "90.00", "88.00"],
    ["三、培训费", "40.00", "0.00", "0.00", "40.00", "31.00"],
    ["合计", "840.00", "30.00", "50.00", "820.00", "783.00"],
]


def test_unnumbered_detail_rows_under_a_numbered_row_are_not_added_to_the_total():
    # 其中 printed once, the next detail not indented: the total sums 一、二、三 only
    assert lint(report(NUMBERED), "AL101") == []


def test_a_wrong_total_over_numbered_rows_is_still_reported():
    rows = [r[:] for r in NUMBERED]
    rows[6][5] = "793.00"  # 512 + 240 + 31 = 783
    assert numbers(lint(report(rows), "AL101")) == [("AL101", "793.00", "783.00")]


def test_numbered_totals_head_their_sections():
    rows = [
        ["项目", "2024年预算数", "2024年决算数", "2023年决算数"],
        ["一、收入合计", "1000.00", "1020.00", "950.00"],
        ["（一）财政拨款收入", "900.00", "910.00", "880.00"],
        ["（二）其他收入", "100.00", "110.00", "70.00"],
        ["二、支出合计", "1000.00", "990.00", "940.00"],
        ["（一）基本支出", "600.00", "598.00", "560.00"],
        ["（二）项目支出", "400.00", "392.00", "380.00"],
        ["三、年末结转结余", "—", "30.00", "10.00"],
    ]
    assert lint(report(rows), "AL101") == []
    rows[5][2] = "588.00"  # 基本支出 598 → 588: 588 + 392 = 980, not 990
    assert numbers(lint(report(rows), "AL101")) == [("AL101", "990.00", "980.00")]
