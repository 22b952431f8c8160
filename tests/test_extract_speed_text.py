"""Shortcuts taken for speed give what the full reading gave, on generated text made of
the marks and words each one hinges on:

- sentence spans found by the regex engine are the spans of the character loop;
- the cheap tests that let a reader skip a text (a colon for a form field, a band's end
  for a grade scale, 得分 for a total score, an amount or a percentage for the narrative)
  never skip a text the full reading finds something in;
- blanks asked of a table cell (instructions only) are the full reading's instructions.
"""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.extract import meta, narrative, placeholders, score_statements, text
from auditlint.extract.narrative import read_paragraph
from auditlint.extract.narrative.tokens import has_tokens
from auditlint.model import Location, Paragraph
from auditlint.numbers import normalize


def _loop_spans(s: str, ends: str) -> tuple[tuple[int, int], ...]:
    """The character loop the regex replaced."""
    out, start = [], 0
    for i, ch in enumerate(s):
        if ch in ends:
            out.append((start, i + 1))
            start = i + 1
    if start < len(s):
        out.append((start, len(s)))
    return tuple(out)


ENDS = [text.SENTENCE, text.LINE, text.STATEMENT, text.STOP, text.CLAUSE, text.NAMING, text.COUNT_NAMING,
        text.NAME_LIST, text.LIST_ITEM, text.BRACKET_ITEM, "", "]^-\\"]
MARKS = st.text(alphabet="。！!？?\n；;，,、：:（）()[]^-\\ 支出为得分优良中差", max_size=40)


@settings(max_examples=300, deadline=None)
@given(MARKS, st.sampled_from(ENDS))
def test_sentence_spans_are_the_character_loops(s: str, ends: str) -> None:
    assert text._spans.__wrapped__(s, ends) == _loop_spans(s, ends)


WORDS = ["填报人", "联系电话", "日期", "：", ":", " ", "张三", "2024年", "3月", "自评", "得分", "为", "是", "95", "90.5",
         "分", "等级", "优", "良好", "合格", "差", "属于", "评为", "“", "以上", "-", "至", "80", "（含）", "，", "。",
         "万元", "元", "%", "支出", "预算", "占", "请在此处填写", "）", "（", "此处填写", "文字说明", "百分之",
         "增长", "共计", "人", "个"]
PHRASES = st.lists(st.sampled_from(WORDS), max_size=24).map("".join)
LOC = Location("t.txt", line=1)


@settings(max_examples=400, deadline=None)
@given(PHRASES)
def test_a_line_without_a_colon_has_no_field(s: str) -> None:
    if ":" not in s and "：" not in s:
        meta._field_re.cache_clear()
        rx = meta._field_re()
        assert rx.search(s) is None


# "90分（含）以上为优", "80-90分的评为“良”", "60分以下属于差": a band's parts, each maybe left out
BAND = st.tuples(*(st.sampled_from(["", *parts]) for parts in (
    ["≥", "不低于", "达到"], ["90", "80.5", "60"], ["分"], ["（含）", "(不含)"], ["以上", "及以下", "以内"],
    ["-85", "至89分", "～70"], ["的", "者"], ["为", "评为", "定为", "属于", ":", "：", "是"], ["“", "「", '"'],
    ["优", "良好", "合格", "不合格", "中等", "较差", "一般", "差", "好"], ["”", "」"],
))).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(BAND, PHRASES), min_size=1, max_size=4).map("，".join))
def test_a_paragraph_without_a_bands_end_has_no_band(s: str) -> None:
    t = normalize(s)
    if score_statements._BAND_END.search(t) is None:
        assert score_statements._BAND.search(t) is None


@settings(max_examples=400, deadline=None)
@given(PHRASES)
def test_a_sentence_without_defen_has_no_total(s: str) -> None:
    if "得分" not in s:
        assert score_statements._TOTAL.search(s) is None


@settings(max_examples=300, deadline=None)
@given(PHRASES)
def test_a_paragraph_without_amounts_or_percentages_states_nothing(s: str) -> None:
    if has_tokens(s):
        return
    # the full reading, the shortcut switched off
    with patch.object(narrative, "has_tokens", lambda _text: True):
        assert read_paragraph(Paragraph(1, s, LOC)) == []


@settings(max_examples=400, deadline=None)
@given(PHRASES)
def test_instructions_alone_are_the_full_readings_instructions(s: str) -> None:
    full = [f for f in placeholders.unfilled_in(s) if f[0] == "instruction"]
    assert placeholders.unfilled_in(s, ("instruction",)) == full


def test_the_shortcuts_still_find_what_they_guard() -> None:
    assert [f.label for f in meta.parse_fields("填报人：张三  联系电话：", lambda _o: LOC)] == ["填报人", "联系电话"]
    assert score_statements._BAND_END.search("90分以上为优") is not None
    assert placeholders.unfilled_in("（请在此处填写绩效目标）占 %") == [("instruction", 0, 12), ("share", 12, 15)]
    assert has_tokens("支出100万元") and has_tokens("占比50%") and not has_tokens("共5人，2024年")


def _after_last_from_the_start(s: str, pos: int, marks: str, floor: int = 0) -> int:
    return max(floor, max(s.rfind(ch, 0, pos) for ch in marks) + 1)


@settings(max_examples=400, deadline=None)
@given(MARKS, st.integers(min_value=-3, max_value=45), st.sampled_from(ENDS[:-2]), st.integers(min_value=0, max_value=45))
def test_after_last_searches_from_its_floor_with_the_same_answer(s: str, pos: int, marks: str, floor: int) -> None:
    assert text.after_last(s, pos, marks, floor) == _after_last_from_the_start(s, pos, marks, floor)
