"""Second round of speed shortcuts: each gives what the long way gave, on generated input
made of the marks, numbers and words it hinges on.

- ``numbers.disagree`` is ``compare(...).level == "error"``, with and without a relative slack;
- a number's Quantity built from the cache of its printed text and groups is the one ``_mk``
  builds for that match;
- a table whose cells joined hold no instruction's word has no instruction in any cell;
- a token's sentence found by bisection is the first sentence holding it (the linear scan);
- ``hedged`` with the tuple forms of endswith/startswith is the any() over the words;
- the unweighted-row test on a joined path is the test on each squashed name;
- score claims read with paragraphs lacking every claim word skipped are those read from all;
- a table cell without a colon holds no form field;
- a grid left alone is told empty, text or numeric from its cells up to the first number;
- passages asked to hold a word are the passages that hold it;
- blanks and lines of figures only, with their one-search pre-tests, are the full readings.
"""

from __future__ import annotations

import re
from decimal import Decimal
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint import numbers as N
from auditlint.extract import coverage, meta, placeholders, score_statements
from auditlint.extract.headers import squash
from auditlint.extract.narrative.tokens import hedged, paragraph_sentences, read_tokens, scan_text
from auditlint.extract.narrative.vocabulary import vocabulary as narrative_vocabulary
from auditlint.extract.passages import passages
from auditlint.extract.scoring import rows as scoring_rows
from auditlint.extract.scoring.vocabulary import vocabulary as scoring_vocabulary
from auditlint.model import Cell, Document, Location, Paragraph, Table
from auditlint.numbers import parse_quantity
from scoring_reports import GROUPED, facts_of, scoring_report

DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=5)


@st.composite
def approxes(draw: st.DrawFn) -> N.Approx:
    whole = draw(DIGITS)
    decimals = draw(st.integers(0, 3))
    frac = draw(st.text(alphabet="0123456789", min_size=decimals, max_size=decimals))
    sign = draw(st.sampled_from(["", "-"]))
    value = Decimal(f"{sign}{whole}.{frac}" if decimals else f"{sign}{whole}")
    a = N.Approx.printed(value, decimals)
    return a.scale(draw(st.sampled_from([Decimal(1), Decimal(10000), Decimal("0.0001")])))


@settings(max_examples=400, deadline=None)
@given(approxes(), approxes(), st.sampled_from([0.0, 0.001, 0.05]))
def test_disagree_is_compares_error(a: N.Approx, b: N.Approx, relative: float) -> None:
    token = N.TOLERANCE.set(N.Tolerance(relative=relative))
    try:
        assert N.disagree(a, b) == (N.compare(a, b).level == "error")
    finally:
        N.TOLERANCE.reset(token)


def test_disagree_on_the_design_example() -> None:
    parts = N.Approx.printed(Decimal("715.69"), 2) + N.Approx.printed(Decimal("1067.07"), 2)
    assert not N.disagree(N.Approx.printed(Decimal("1782.77"), 2), parts)  # rounding, not a mistake
    assert N.disagree(N.Approx.printed(Decimal("1782.80"), 2), parts)


NUMBER_TEXT = st.text(alphabet="0123456789.,，-+负约不低于超过以上万元亿%％年月日号人次个件 预算支出（）１２３．", max_size=40)


def _long_way(text: str) -> tuple[N.Match, ...]:
    """``_matches`` as it was: a Quantity built for every match."""
    t = N.normalize(text)
    out = []
    for m in N._FIND_RE.finditer(t):
        cmp = N._CMP_MAP.get(m.group("cmp")) if m.group("cmp") else None
        q = N._mk(text[m.start():m.end()], m.group("num"), m.group("unit"), cmp, bool(m.group("neg")))
        if q is not None:
            out.append(N.Match(m.start(), m.end(), q))
    return tuple(out)


@settings(max_examples=400, deadline=None)
@given(NUMBER_TEXT)
def test_matches_from_the_quantity_cache_are_the_long_ways(text: str) -> None:
    got = N._matches(text)
    want = _long_way(text)
    assert got == want
    # equal Quantities compare by value: the printed text and decimals must agree too
    assert [(m.quantity.text, m.quantity.decimals, m.quantity.unit, m.quantity.comparator) for m in got] == \
        [(m.quantity.text, m.quantity.decimals, m.quantity.unit, m.quantity.comparator) for m in want]


def test_matches_read_a_sentence() -> None:
    found = [(m.start, m.end, m.quantity.value, m.quantity.unit, m.quantity.comparator)
             for m in N.find_quantities("2024年支出1,782.77万元，不低于95%，负3人")]
    assert found == [(0, 5, Decimal(2024), "年", None), (7, 17, Decimal("1782.77"), "万元", None),
                     (18, 24, Decimal(95), "%", ">="), (25, 28, Decimal(-3), "人", None)]


CELL_TEXT = st.text(alphabet="此处在请文字说明填写报（）()【】：: 预算万元\n", max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL_TEXT, max_size=6))
def test_a_table_without_instruction_words_has_no_instruction_in_a_cell(cells: list[str]) -> None:
    skipped = placeholders._NEEDED["instruction"].search("\n".join(cells)) is None
    if skipped:
        assert all(placeholders.unfilled_in(c, ("instruction",)) == [] for c in cells)


def test_an_instruction_in_a_cell_is_still_found() -> None:
    cells = ["预算数", "（请在此处填写绩效目标完成情况，不超过500字）"]
    assert placeholders._NEEDED["instruction"].search("\n".join(cells)) is not None
    assert [k for k, _, _ in placeholders.unfilled_in(cells[1], ("instruction",))] == ["instruction"]


PARAGRAPH_TEXT = st.text(alphabet="。！？；，支出为12.5万元%其中 约近超余", max_size=60)


def _par(text: str) -> Paragraph:
    return Paragraph(1, text, Location("t.txt", line=1))


@settings(max_examples=300, deadline=None)
@given(PARAGRAPH_TEXT)
def test_a_tokens_sentence_is_the_first_sentence_holding_it(text: str) -> None:
    par = _par(text)
    sentences = paragraph_sentences(par)
    if not sentences:
        return
    for tok in read_tokens(par, scan_text(text), sentences):
        want = next((k for k, s in enumerate(sentences) if s.start <= tok.start < s.end), len(sentences) - 1)
        assert tok.sentence == want


def test_tokens_of_two_sentences() -> None:
    par = _par("本年支出100万元。其中基本支出60万元，占60%。")
    toks = read_tokens(par, scan_text(par.text), paragraph_sentences(par))
    assert [(t.sentence, t.q.value) for t in toks] == [(0, Decimal(100)), (1, Decimal(60)), (1, Decimal(60))]


@settings(max_examples=300, deadline=None)
@given(PARAGRAPH_TEXT)
def test_hedged_with_tuples_is_any_of_the_words(text: str) -> None:
    v = narrative_vocabulary()
    for m in N.find_quantities(text):
        before = text[max(0, m.start - 3): m.start]
        after = text[m.end: m.end + 2]
        want = (any(before.endswith(w) for w in v.approx_before) or any(after.startswith(w) for w in v.approx_after)
                or m.quantity.comparator not in (None, "="))
        assert hedged(text, m.start, m.end, m.quantity) == want


def test_hedged_figures() -> None:
    text = "超35.8亿元，近30亿元，支出12万元"
    got = [hedged(text, m.start, m.end, m.quantity) for m in N.find_quantities(text)]
    assert got == [True, True, False]


PATH_NAME = st.text(alphabet="加分项扣附一票否决 \t产出指标", max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(PATH_NAME, min_size=1, max_size=4))
def test_unweighted_on_the_joined_path_is_per_name(path: list[str]) -> None:
    words = scoring_vocabulary().unweighted_rows
    want = any(w in squashed for squashed in map(squash, path) for w in words)
    assert scoring_rows._unweighted(scoring_rows._PATH_SEP.join(path)) == want


def test_unweighted_rows() -> None:
    assert scoring_rows._unweighted(scoring_rows._PATH_SEP.join(("产出指标", "加 分 项")))
    # a word split across two names of the path is in neither
    assert not scoring_rows._unweighted(scoring_rows._PATH_SEP.join(("产出指标加", "分")))


CLAIM_PHRASES = st.lists(st.sampled_from([
    "经综合评定，", "得分为", "自评得分", "98", "97.5", "分", "，", "。", "；", "等级", "为", "优", "良", "评价结论",
    "等次", "评定结果", "是", "分值", "权重", "5", "得", "上年", "项目", "2023年", "（一）", "满分100分", "\n",
]), max_size=14).map("".join)


def _statements(text: str) -> list[tuple[str, str]]:
    facts = facts_of(scoring_report(GROUPED, narrative=text))
    return [(type(s).__name__, repr(s)) for s in facts.score_statements]


@settings(max_examples=150, deadline=None)
@given(CLAIM_PHRASES)
def test_paragraphs_without_claim_words_skipped_as_the_long_way(text: str) -> None:
    fast = _statements(text)
    with patch.object(score_statements, "_CLAIM_WORD", re.compile("")):  # every paragraph read
        assert _statements(text) == fast


def test_claims_are_still_read() -> None:
    got = [s for s in facts_of(scoring_report(GROUPED, narrative="经综合评定，得分为99分，等级为“优”。")).score_statements
           if isinstance(s, (score_statements.TotalScore, score_statements.GradeClaim))]
    assert [(type(s).__name__, getattr(s, "grade", None)) for s in got] == [("TotalScore", None), ("GradeClaim", "优")]
    assert got[0].score.value == Decimal(99)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="填报人联系电话单位名称日期：: 张三", max_size=20))
def test_a_cell_without_a_colon_has_no_field(text: str) -> None:
    cell = Cell(text, Location("t.txt", table=1, row=1, col=1))
    row = [cell, Cell("李四", Location("t.txt", table=1, row=1, col=2))]
    if ":" not in text and "：" not in text:
        assert meta._cell_fields(cell, row) == []


def test_a_form_cell_is_read() -> None:
    cell = Cell("填报人：", Location("t.txt", table=1, row=1, col=1))
    row = [cell, Cell("张三", Location("t.txt", table=1, row=1, col=2))]
    assert [(f.label, f.value) for f in meta._cell_fields(cell, row)] == [("填报人", "张三")]


def _left_alone_long_way(t: Table) -> str | None:
    """``coverage._unread``'s reason as it was: every cell parsed."""
    values = [parse_quantity(c.text) for row in t.rows for c in row if c.text.strip()]
    numeric = [q for q in values if q is not None and q.is_number]
    if not values:
        return coverage.LEFT_ALONE_EMPTY
    return None if numeric else coverage.LEFT_ALONE_TEXT


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(alphabet="12.5%万元合计 —-/", max_size=6), min_size=1, max_size=3), min_size=1, max_size=4))
def test_a_left_alone_grid_read_to_its_first_number(grid: list[list[str]]) -> None:
    loc = Location("t.txt", line=1)
    t = Table(1, [[Cell(x, loc) for x in row] for row in grid], loc)
    assert coverage._left_alone(t) == _left_alone_long_way(t)


def test_left_alone_reasons() -> None:
    loc = Location("t.txt", line=1)
    assert coverage._left_alone(Table(1, [[Cell(" ", loc)]], loc)) == coverage.LEFT_ALONE_EMPTY
    assert coverage._left_alone(Table(1, [[Cell("职责", loc), Cell("—", loc)]], loc)) == coverage.LEFT_ALONE_TEXT
    assert coverage._left_alone(Table(1, [[Cell("合计", loc), Cell("12.5", loc)]], loc)) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="支出12.5万元，。职责合计 ", max_size=20), min_size=1, max_size=5),
       st.lists(st.text(alphabet="支出12.5万元，。职责合计 ", max_size=20), min_size=1, max_size=5))
def test_passages_holding_a_word_are_the_filtered_passages(pars: list[str], cells: list[str]) -> None:
    loc = Location("t.txt", line=1)
    blocks = [Paragraph(k + 1, t, loc) for k, t in enumerate(pars)] + [Table(1, [[Cell(t, loc) for t in cells]], loc)]
    doc = Document("t.txt", "text", blocks)
    want = [(p.text, p.in_table, p.paragraph) for p in passages(doc) if "元" in p.text]
    assert [(p.text, p.in_table, p.paragraph) for p in passages(doc, holding="元")] == want


def test_passages_holding() -> None:
    loc = Location("t.txt", line=1)
    doc = Document("t.txt", "text", [Paragraph(1, "本年支出100万元。", loc), Paragraph(2, "职责", loc),
                                     Table(1, [[Cell("项目支出完成情况良好，支出80万元", loc), Cell("12.5", loc)]], loc)])
    assert [(p.text, p.in_table) for p in passages(doc, holding="元")] == [
        ("本年支出100万元。", False), ("项目支出完成情况良好，支出80万元", True)]


def _figures_only_long_way(text: str) -> bool:
    tokens = [t for t in text.split() if t not in ("“", "”", '"')]
    return bool(tokens) and all(placeholders._FIGURE.fullmatch(t) for t in tokens)


def _unfilled_long_way(text: str, kinds: tuple[str, ...] = placeholders.ALL_KINDS) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for kind, pattern in placeholders._PATTERNS:
        if kind not in kinds or placeholders._NEEDED[kind].search(text) is None:
            continue
        for m in pattern.finditer(text):
            if not any(a <= m.start() < b for _, a, b in found):
                found.append((kind, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


BLANK_TEXT = st.text(alphabet="12.5%％，,-−+ “”\"\u3000\t占收入合计万元元请在此处填写（）此处说明百分之为", max_size=24)


@settings(max_examples=400, deadline=None)
@given(BLANK_TEXT)
def test_blanks_and_figure_lines_as_the_long_way(text: str) -> None:
    assert placeholders._figures_only(text) == _figures_only_long_way(text)
    assert placeholders.unfilled_in(text) == _unfilled_long_way(text)
    assert placeholders.unfilled_in(text, ("instruction",)) == _unfilled_long_way(text, ("instruction",))


def test_figure_lines_and_blanks() -> None:
    assert placeholders._figures_only("2946.25 2940.05 99.79%")
    assert not placeholders._figures_only("支出 2946.25")
    assert placeholders.unfilled_in("财政拨款收入90.00万元，占 %") == [("share", 14, 17)]
    assert placeholders.unfilled_in("本年支出100万元。") == []
