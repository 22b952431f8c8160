"""A form's fields printed one per line, "key：value" (issue 15, forms2 (e)). They are
left alone on purpose (extract/key_values.py says why), and ``inspect`` says so:
before, such a report showed nothing at all, as if it held no figure. Minimal repros
written for these tests."""

from __future__ import annotations

import json

from auditlint.engine.run import RunOptions, lint_document
from auditlint.extract.key_values import KEY_VALUES, key_value_blocks
from auditlint.readers.text import read_bytes
from auditlint.report.inspect import inspect_document, render_json, render_text

FIELDS = """一、项目基本情况
项目名称：城区道路维护
年初预算数：100.00万元
全年预算数：120.00万元
全年执行数：108.00万元
执行率：{rate}
二、绩效目标完成情况
本年完成了全部目标。
"""


def _write(tmp_path, text: str) -> str:  # noqa: ANN001
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_inspect_shows_the_fields_left_alone_and_why(tmp_path) -> None:  # noqa: ANN001
    path = _write(tmp_path, FIELDS.format(rate="90.00%"))
    cov, statements = inspect_document(path)
    shown = render_text(path, cov, statements, "zh")
    assert "  [未读取] line 2: 项目名称、年初预算数、全年预算数、全年执行数、执行率: 逐行写出的“键：值”" in shown
    assert "left alone] line 2: 项目名称、年初预算数、全年预算数、全年执行数、执行率: fields printed one per line" in \
        render_text(path, cov, statements, "en")
    data = json.loads(render_json(path, cov, statements))
    assert [(s["kind"], s["why"], s["line"]) for s in data["statements"]] == [("left-alone", KEY_VALUES, 2)]


def test_fields_left_alone_give_no_finding_whatever_their_figures() -> None:
    # 108 ÷ 120 = 90%, ÷ 100 = 108%: a rate of 95% fits neither, and still nothing is said
    for rate in ("90.00%", "95.00%"):
        doc = read_bytes(FIELDS.format(rate=rate).encode("utf-8"), "r.txt")
        assert lint_document(doc, RunOptions()) == []


def test_a_key_on_its_line_and_its_value_on_the_next_is_one_field() -> None:
    text = "项目名称：\n城区道路维护\n预算数：\n100.00\n执行数：\n90.00\n本年完成了全部目标。\n"
    doc = read_bytes(text.encode("utf-8"), "r.txt")
    (block,) = key_value_blocks(doc.paragraphs)
    assert block.keys == ("项目名称", "预算数", "执行数") and block.paragraphs == (1, 2, 3, 4, 5, 6)


def test_fields_with_no_figure_a_check_reads_and_prose_are_no_such_block() -> None:
    text = ("项目名称：城区道路维护\n主管部门：某某局\n实施单位：某某中心\n"
            "存在问题：个别项目进度偏慢。\n改进措施：加快实施。\n本年支出：100万元，执行率90%，较上年增长5%，完成了全部目标任务。\n")
    doc = read_bytes(text.encode("utf-8"), "r.txt")
    assert key_value_blocks(doc.paragraphs) == []
