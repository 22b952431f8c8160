"""The synthetic report generator: deterministic, consistent, and labels that
point at the right line with the right numbers."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from corpusgen.synth.corpus import build, planted_versions
from corpusgen.synth.model import Num, Ratio, SumOf, Word, WordIs
from corpusgen.synth.mutate import KINDS, broken, plant
from corpusgen.synth.render import render_html, render_text
from corpusgen.synth.shapes import SHAPES
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.readers.text import read_bytes

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_same_seed_same_report(shape: str):
    assert render_text(SHAPES[shape](5))[0] == render_text(SHAPES[shape](5))[0]
    assert render_text(SHAPES[shape](5))[0] != render_text(SHAPES[shape](6))[0]


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6), shape=st.sampled_from(sorted(SHAPES)))
def test_clean_reports_are_consistent(seed: int, shape: str):
    report = SHAPES[shape](seed)
    assert broken(report) == []


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6), shape=st.sampled_from(sorted(SHAPES)))
def test_labels_point_at_the_printed_number(seed: int, shape: str):
    # every expected finding's line holds the value it says is stated
    for p in planted_versions(shape, seed):
        text, where = render_text(p.report)
        lines = text.splitlines()
        for e in p.expected:
            assert id(e.piece) in where, (p.name, e)
            line, _ = where[id(e.piece)]
            printed = e.piece.render() if isinstance(e.piece, Word) else e.piece.number
            assert printed in lines[line - 1], (p.name, e, lines[line - 1])


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6), shape=st.sampled_from(sorted(SHAPES)))
def test_text_rendering_reads_back_as_tables(seed: int, shape: str):
    report = SHAPES[shape](seed)
    text, _ = render_text(report)
    doc = read_bytes(text.encode("utf-8"), "r.txt")
    grids = [b for b in report.blocks if hasattr(b, "rows")]
    assert [t.n_rows for t in doc.tables] == [len(g.rows) for g in grids]
    assert [t.n_cols for t in doc.tables] == [max(len(r) for r in g.rows) for g in grids]


def test_clean_jiangsu_total_shows_rounding_only():
    # some seed prints a total one cent off the sum of its printed parts, like 1782.77 vs 1782.76:
    # that is rounding, and the oracle must not call it a mistake
    found = False
    for seed in range(40):
        rep = SHAPES["jiangsu-department"](seed)
        for inv in rep.invariants:
            if isinstance(inv, SumOf) and inv.check == "AL101" and isinstance(inv.stated, Num):
                printed = Decimal(inv.stated.number)
                parts = sum(Decimal(p.number) * s for s, p in inv.parts)
                if abs(printed - parts) == Decimal("0.01"):
                    found = True
                    assert inv.broken() is None
    assert found


def test_every_kind_planted_somewhere():
    kinds = {p.mutation for shape in SHAPES for p in planted_versions(shape, 1)}
    assert kinds - {None} == set(KINDS)


def test_total_mutation_exact_label():
    # jiangsu seed 1: the 合计 row's 调整后 changed; both its total and its row identity break
    rep = SHAPES["jiangsu-department"](1)
    mutated, where, expected = plant(rep, "total", random.Random(3))
    got = {(e.check, e.subject) for e in expected}
    assert ("AL101", "预算执行表/合计/调整后预算数") in got or ("AL101", "预算执行表/合计/实际支出数") in got
    for e in expected:
        assert e.stated != e.computed


def test_ratio_interval_is_not_fooled_by_rounding():
    # 2.96 / 3.20 = 92.50%; printed 92.5% is fine, 93.5% is not
    num, den = Num(Decimal("2.96")), Num(Decimal("3.20"))
    assert Ratio("AL201", Num(Decimal("92.5"), 1, unit="%"), "r", num, den).broken() is None
    assert Ratio("AL201", Num(Decimal("93.5"), 1, unit="%"), "r", num, den).broken() == "92.5"


def test_sum_interval_matches_design_example():
    # DESIGN.md §3: 715.69 + 1067.07 = 1782.76 against a printed 1782.77 is rounding
    total = Num(Decimal("1782.77"))
    assert SumOf("AL101", total, "t", [(1, Num(Decimal("715.69"))), (1, Num(Decimal("1067.07")))]).broken() is None
    total.value = Decimal("1782.79")
    assert SumOf("AL101", total, "t", [(1, Num(Decimal("715.69"))), (1, Num(Decimal("1067.07")))]).broken() == "1782.76"


def test_unit_mistake_scales_before_comparing():
    t = Num(Decimal("1782.77"), unit="元")
    inv = SumOf("AL102", t, "t", [(1, Num(Decimal("715.69"), unit="万元")), (1, Num(Decimal("1067.07"), unit="万元"))])
    assert inv.broken() is not None
    t.unit = "万元"
    assert inv.broken() is None


def test_grade_word_follows_the_score():
    s = Num(Decimal(92), 0, exact=True)
    g = Word("优")
    inv = WordIs("AL410", g, "等级", lambda: "优" if s.value >= 90 else "良")
    assert inv.broken() is None
    s.value = Decimal(85)
    assert inv.broken() == "良"


def test_html_rendering_has_every_table():
    rep = SHAPES["suzhou-projects"](2)
    html = render_html(rep)
    assert html.count("<table") == sum(1 for b in rep.blocks if hasattr(b, "rows"))


def test_committed_corpus_is_what_the_generator_writes(tmp_path: Path):
    build(tmp_path, (1,), ("txt",))
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert made, "the generator wrote nothing"
    for rel in made:
        committed = CORPUS / rel
        assert committed.exists(), f"{rel} missing from corpus/: run python tools/corpus.py generate corpus"
        assert committed.read_bytes() == (tmp_path / rel).read_bytes(), (
            f"corpus/{rel} differs from the generator: run python tools/corpus.py generate corpus")
    shapes = {rel.parts[0] for rel in made}
    stale = [p for s in shapes for p in (CORPUS / s).iterdir() if p.relative_to(CORPUS) not in made]
    assert not stale, f"files in corpus/ the generator no longer writes: {stale}"
