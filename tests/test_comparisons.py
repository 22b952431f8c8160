"""Comparison words and the figures they compare (extract/comparisons.py), read over
a PDF's one-paragraph-per-line text and judged within rounding (AL206 reads them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.extract.comparisons import KEY, comparisons_in, figure, items
from auditlint.extract.facts import Facts
from auditlint.model import Location, Paragraph, Table
from auditlint.readers import read


def paragraphs(*lines: str) -> list[object]:
    return [Paragraph(n, text, Location("x", line=n, column=1)) for n, text in enumerate(lines, 1)]


def read_all(*lines: str) -> list[tuple[str, str, str, str, bool]]:
    return [(c.kind, c.left.text, c.word, c.right.text, c.contradicted)
            for item in items(paragraphs(*lines)) for c in comparisons_in(item)]


def test_figures_and_verdict_over_wrapped_lines():
    got = read_all("1、行政运行（项）。主要用于：基本支出。", "年初预算为1560.05万元，支出决算为1511.89万元。决算",
                   "数大于预算数的主要原因：人员减少。")
    assert got == [("budget", "1511.89万元", "大于", "1560.05万元", True)]


def test_location_is_the_line_of_the_verdict():
    [item] = items(paragraphs("1、行政运行（项）。", "年初预算为10.00万元，支出决算为9.00万元。决算", "数大于预算数。"))
    [c] = comparisons_in(item)
    assert (c.location.line, c.location.column) == (2, 26)  # the 决 of 决算 closing line 2


@pytest.mark.parametrize(("budget", "actual", "word", "contradicted"), [
    ("62.29", "60.99", "等于", True), ("187.2", "187.19", "等于", False), ("187.20", "187.18", "等于", True),
    # equal printed figures may differ below their last digit: 大于 and 小于 both stay possible
    ("10.00", "10.00", "大于", False), ("100", "100", "小于", False), ("10.00", "9.99", "大于", True),
    ("10", "10.4", "大于", False), ("80.81", "80.38", "小于", False), ("80.81", "80.38", "大于", True),
])
def test_judged_within_rounding(budget, actual, word, contradicted):
    got = read_all("一、说明", f"年初预算为{budget}万元，支出决算为{actual}万元。决算数{word}预算数。")
    assert [g[-1] for g in got] == [contradicted]


@pytest.mark.parametrize("verdict", ["决算数与预算数基本持平。", "决算数与预算数持平。"])
def test_about_the_same_is_not_read(verdict):
    assert read_all("一、说明", f"年初预算为10.00万元，支出决算为9.00万元。{verdict}") == []


def test_each_verdict_reads_the_figures_stated_since_the_last_one():
    got = read_all("一、说明", "年初预算为100万元，支出决算为90万元。决算数小于预算数。其中：",
                   "1、行政运行。年初预算为50万元，支出决算为60万元。决算数大于预算数。")
    assert got == [("budget", "90万元", "小于", "100万元", False), ("budget", "60万元", "大于", "50万元", False)]


def test_a_sub_item_figure_is_not_the_total():
    got = read_all("一、说明", "年初预算为10万元，支出决算为12万元，其中：公务接待费决算为3万元。决算数大于预算数。")
    assert got == [("budget", "12万元", "大于", "10万元", False)]


def test_figures_in_other_units_or_missing_are_not_compared():
    assert read_all("一、说明", "年初预算为10万元，支出决算为90000元。决算数小于预算数。") == []
    assert read_all("一、说明", "年初预算为 万元，支出决算为 万元。决算数大于预算数。", "1560.05 1511.89") == []


def test_a_table_between_ends_the_item():
    blocks = [*paragraphs("一、说明", "年初预算为10万元，支出决算为9万元。"), Table(1, [], Location("x", line=3)), *paragraphs("决算数大于预算数。")]
    assert [c for item in items(blocks) for c in comparisons_in(item)] == []


def test_change_over_last_year():
    assert read_all("一、说明", "支出184.65万元，比上年的182.10万元有所减少。") == [
        ("change", "184.65万元", "减少", "182.10万元", True)]
    assert read_all("一、说明", "支出184.65万元，比上年的182.10万元减少。") == [
        ("change", "184.65万元", "减少", "182.10万元", True)]
    assert read_all("一、说明", "支出184.65万元，较2023年度182.10万元增长，主要是…") == [
        ("change", "184.65万元", "增长", "182.10万元", False)]


def test_a_change_with_its_amount_is_left_to_al204():
    assert read_all("一、说明", "支出184.65万元，比上年的182.10万元减少2.55万元。") == []
    assert read_all("一、说明", "支出184.65万元，较2023年度182.10万元增长1.40%。") == []


def test_figure_interval():
    f = figure("1,511.89", "万元")
    assert (str(f.value), str(f.half)) == ("1511.89", "0.005")


REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


@pytest.mark.skipif(not REAL.is_dir(), reason="the real PDFs are not here")
def test_the_edited_final_accounts():
    facts = Facts(read(str(REAL / "putuo-finance-2024-final-accounts-edited.pdf")))
    wrong = [(c.left.text, c.word, c.right.text) for c in facts.extra[KEY] if c.contradicted]
    assert wrong == [("1511.89万元", "大于", "1560.05万元"), ("80.38万元", "大于", "80.81万元"),
                     ("60.99万元", "等于", "62.29万元")]
    assert len(facts.extra[KEY]) == 10
