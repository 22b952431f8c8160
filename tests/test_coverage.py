"""What a run read, and what it left alone: `auditlint inspect`, the coverage line of
`check`, and "nothing to check" for a file with no table and no figure."""

from __future__ import annotations

import json

from click.testing import CliRunner

from auditlint.cli import main
from reports import report

BUDGET = [
    ["项目", "年初预算数", "实际支出数"],
    ["基本支出", "500.00", "480.00"],
    ["项目支出", "300.00", "290.00"],
    ["合计", "800.00", "770.00"],
]
# numbers under headers no vocabulary names: left alone, and said so
UNKNOWN = [
    ["站点", "排名", "年份"],
    ["东区", "1", "2021"],
    ["西区", "2", "2022"],
]
# amounts in columns no vocabulary names, and no total row: nothing to add up
UNNAMED = [
    ["站点", "甲", "乙"],
    ["东区", "12", "7"],
    ["西区", "9", "4"],
]
TOC = [["目录"], ["一、单位概况"], ["二、预算执行情况"]]


def _write(tmp_path, text: str, name: str = "r.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_inspect_shows_roles_totals_and_tables_left_alone(tmp_path):
    path = _write(tmp_path, report(TOC, BUDGET, UNKNOWN, UNNAMED))
    out = CliRunner().invoke(main, ["inspect", path, "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    tables = {t["table"]: t for t in data["tables"]}
    assert [tables[i]["read_as"] for i in (1, 2, 3, 4)] == [None, "budget", None, None]
    assert [tables[i]["why_not"] for i in (1, 3, 4)] == ["text", "unknown-headers", "no-total"]
    assert ["年初预算数", "budget_initial"] in tables[2]["columns"]
    (total,) = tables[2]["totals"]
    assert total["label"] == "合计" and total["covers"] == ["基本支出", "项目支出"] and not total["guessed"]
    assert [t["table"] for t in data["coverage"]["tables_left_alone"]] == [3, 4]


def test_inspect_text_names_why_a_table_was_left_alone(tmp_path):
    path = _write(tmp_path, report(UNKNOWN))
    zh = CliRunner().invoke(main, ["inspect", path]).output
    assert "未读取：有数字，但表头不是已知的预算、三公、评分或指标表" in zh
    en = CliRunner().invoke(main, ["inspect", path, "--lang", "en"]).output
    assert "read 1 table, 1 of them not understood" in en


def test_check_says_what_it_covered(tmp_path):
    path = _write(tmp_path, report(BUDGET, UNKNOWN))
    out = CliRunner().invoke(main, ["check", path, "--no-config"])
    assert out.exit_code == 0, out.output
    # two tables with numbers, one not understood; 6 amounts in the budget table
    assert f"{path}: 读取 2 张表，其中 1 张无法识别；核对 6 个数字" in out.output


def test_a_file_with_nothing_to_check_is_not_called_clean(tmp_path):
    path = _write(tmp_path, "会议纪要\n\n今天开会讨论了下一阶段的工作安排。\n")
    out = CliRunner().invoke(main, ["check", path, "--no-config", "--lang", "en"])
    assert out.exit_code == 0
    assert "1 file had nothing to check" in out.output and "No problems" not in out.output
    doc = json.loads(CliRunner().invoke(main, ["check", path, "--no-config", "--format", "json"]).output)
    assert doc["files"][0]["coverage"]["nothing_to_check"] is True


def test_a_selection_reads_only_what_it_needs(tmp_path):
    path = _write(tmp_path, report(BUDGET))
    doc = json.loads(CliRunner().invoke(main, ["check", path, "--no-config", "--select", "AL601",
                                               "--format", "json"]).output)
    cov = doc["files"][0]["coverage"]
    # the outline check reads no table: the run says it read none rather than "nothing to check"
    assert cov["tables_read"] == 0 and cov["nothing_to_check"] is False


ACCOUNT = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、财政拨款收入", "900.00", "一、一般公共服务支出", "700.00"],
    ["二、其他收入", "100.00", "二、住房保障支出", "300.00"],
    ["本年收入合计", "1,000.00", "本年支出合计", "1,000.00"],
    ["年初结转和结余", "40.00", "年末结转和结余", "40.00"],
    ["总计", "1,040.00", "总计", "1,040.00"],
]


def test_inspect_shows_a_split_table_as_its_halves(tmp_path):
    path = _write(tmp_path, report(ACCOUNT))
    data = json.loads(CliRunner().invoke(main, ["inspect", path, "--format", "json"]).output)
    (grid,) = data["tables"]
    assert grid["read_as"] is None and grid["why_not"] is None and data["coverage"]["tables_read"] == 1
    left, right = grid["halves"]
    assert (left["size"], right["size"]) == ([7, 2], [7, 2])
    assert {(t["label"], tuple(t["covers"])) for t in left["totals"]} == {
        ("本年收入合计", ("财政拨款收入", "其他收入")), ("总计", ("本年收入合计", "年初结转和结余"))}
    assert ("总计", ("本年支出合计", "年末结转和结余")) in {(t["label"], tuple(t["covers"])) for t in right["totals"]}
    en = CliRunner().invoke(main, ["inspect", path, "--lang", "en"]).output
    assert "side-by-side halves" in en and "  left half (7×2): " in en and "  right half (7×2): " in en
    assert "总计 (row 7, total) = 本年支出合计, 年末结转和结余" in en
