"""extract/text.py: where sentences and clauses begin and end."""

from hypothesis import given
from hypothesis import strategies as st

from auditlint.extract.text import LINE, SENTENCE, STATEMENT, clauses, sentence_bounds, sentence_spans

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
