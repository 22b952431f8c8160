"""extract/text.py: where sentences and clauses begin and end."""

from hypothesis import given
from hypothesis import strategies as st

from auditlint.extract.text import (
    CLAUSE,
    COUNT_NAMING,
    LINE,
    NAME_LIST,
    NAMING,
    SENTENCE,
    STATEMENT,
    STOP,
    after_last,
    clause_end,
    clause_start,
    clauses,
    last_clause,
    next_mark,
    sentence_bounds,
    sentence_spans,
)

TEXT = "本年支出100万元；其中基本支出60万元。项目支出40万元\n下一段"


def test_a_semicolon_ends_a_statement_but_not_a_sentence():
    at = TEXT.index("基本")
    assert TEXT[slice(*sentence_bounds(TEXT, at, SENTENCE))] == "本年支出100万元；其中基本支出60万元。"
    assert TEXT[slice(*sentence_bounds(TEXT, at, STATEMENT))] == "其中基本支出60万元。"


def test_a_line_end_closes_a_line_but_not_a_sentence():
    at = TEXT.index("项目")
    assert TEXT[slice(*sentence_bounds(TEXT, at, LINE))] == "项目支出40万元\n"
    assert TEXT[slice(*sentence_bounds(TEXT, at, SENTENCE))] == "项目支出40万元\n下一段"


def test_clauses_keep_their_offsets():
    assert list(clauses("甲，乙、丙")) == [(0, "甲"), (2, "乙"), (4, "丙")]


@given(st.text(alphabet="甲乙1。；\n，", max_size=40))
def test_spans_cover_the_text_in_order(text):
    spans = sentence_spans(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans)


def test_the_last_clause_of_a_text_and_where_it_starts():
    before = "经综合评定，项目立项得分"
    assert last_clause(before) == "项目立项得分"
    assert after_last(before, len(before), CLAUSE) == 6
    # a floor the text after the last mark may not start before
    assert after_last(before, len(before), CLAUSE, floor=8) == 8
    # 。 and ； end a named lead; a line end or a question mark does not
    assert last_clause("上一项。二、立项依据？充分性\n（分值", STOP) == "二、立项依据？充分性\n（分值"


def test_the_next_mark_or_the_end_of_the_text():
    assert next_mark("甲，乙；丙。", 0, STOP) == 3
    assert next_mark("甲，乙", 0, STOP) == 3


def test_the_words_naming_a_number_step_over_a_closed_bracket_and_stop_in_an_open_one():
    text = "其中，人员经费（含社保）60万元"
    assert text[clause_start(text, text.index("60")):] == "人员经费（含社保）60万元"
    text = "支出100万元（基本支出60万元"
    assert text[clause_start(text, text.index("60")):] == "基本支出60万元"
    # no mark after the floor: the clause starts at the floor
    assert clause_start("甲，乙丙", 4, floor=3) == 3


def test_a_list_item_runs_over_a_bracketed_aside_and_ends_at_a_stray_closing_bracket():
    text = "人员经费60万元（其中工资40万元，社保20万元），公用经费"
    assert text[: clause_end(text, 0)] == "人员经费60万元（其中工资40万元，社保20万元）"
    assert clause_end("工资40万元）。", 0) == 6
    assert clause_end("工资40万元", 0) == 6


def test_the_named_sets_differ_where_the_readings_do():
    assert "、" in NAMING and "、" not in NAME_LIST  # "A、B分别为": 、 joins the names
    assert "（" in COUNT_NAMING and "（" not in NAMING
    assert "\n" in LINE and "\n" not in SENTENCE and "\n" not in STOP
    assert "；" in STATEMENT and "；" not in LINE
