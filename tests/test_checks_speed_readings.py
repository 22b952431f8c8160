"""The checks' shortcuts read what the long way reads: each per-report memo and each
cheap pre-test (periods, stated figures, indicator rows, AL403's text results, the
knowledge base's readings) against the computation it stands for, on the seeds and on
realistic reports; and what is kept for a report is that report's alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditlint.checks.helpers import report_indicator_rows

from auditlint.extract import extract
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import indicator_rows
from auditlint.extract.kb.claims import kb_readings
from auditlint.extract.kb.knowledge import knowledge_base
from auditlint.extract.kb.values import names_phrase, subject_key, word_keys
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import narrative_paragraphs
from auditlint.extract.passages import Passage, sentences
from auditlint.extract.periods import (
    foreign_sources,
    later_statements,
    outside_goal_sections,
    period_statements,
    stale_as_of,
    stale_states,
)
from auditlint.extract.scoring import squash
from auditlint.extract.stated_figures import (
    MAX_QUALIFIER,
    MIN_NAME,
    matching_name,
    stated_of,
    stated_values,
)
from auditlint.extract.stated_results import stated_in_text
from auditlint.extract.tables import split_serial
from auditlint.numbers import normalize
from auditlint.readers import read

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def _reports() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    found += sorted((REPO / "corpus" / "realistic").glob("*/clean.docx"))[:10]
    found.append(REPO / "corpus" / "examples" / "department-2024.txt")
    return found


REPORTS = _reports()


def _facts(path: Path) -> Facts:
    return extract(read(str(path), str(path)))


@pytest.fixture(scope="module", params=REPORTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def report(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_the_reports_are_there() -> None:
    assert len(REPORTS) >= 8


# --- periods: passages that cannot state a later period or a source are not split


def _period_statements_long_way(facts: Facts, year: int, date: object) -> list[object]:
    out: list[object] = []
    for passage in outside_goal_sections(facts):
        for sentence in sentences(passage):
            out.extend(later_statements(sentence, year, date))  # type: ignore[arg-type]
            out.extend(foreign_sources(sentence, year))
    return out


@pytest.mark.parametrize("shift", [-1, 0, 1])
def test_period_statements_as_every_sentence_read(report: Path, shift: int) -> None:
    facts = _facts(report)
    year = evaluated_year(facts.meta)
    if year is None:
        pytest.skip("no evaluated year")
    date = facts.meta.date.value if facts.meta.date is not None else None
    # a year before and after the report's own too: other sentences become "later"
    got = list(period_statements(facts, year + shift, date))
    assert got == _period_statements_long_way(facts, year + shift, date)


def test_stale_states_as_every_sentence_read(report: Path) -> None:
    facts = _facts(report)
    year = evaluated_year(facts.meta)
    if year is None:
        pytest.skip("no evaluated year")
    for y in (year, year + 1, year + 2):
        long_way = [s for p in narrative_paragraphs(facts) for sentence in sentences(Passage.of(p))
                    if (s := stale_as_of(sentence, y)) is not None]
        assert list(stale_states(facts, y)) == long_way


def test_a_later_year_is_found_however_its_passage_is_cut() -> None:
    from auditlint.extract.meta import ReportDate
    from auditlint.extract.periods import _may_state_periods

    assert _may_state_periods("截至2024年底", 2023, None)
    assert not _may_state_periods("2023年完成", 2023, None)
    assert _may_state_periods("据2022年度台账统计", 2023, None)  # a source opens with 据
    assert _may_state_periods("2023年3月", 2022, ReportDate(2023, 2))  # after the report's date
    assert not _may_state_periods("2022年3月", 2022, ReportDate(2023, 2))
    assert _may_state_periods("12024年", 2023, None)  # years overlapping: 2024 is still seen


# --- stated figures


def _stated_of_long_way(facts: Facts, name: str) -> list[object]:
    want = matching_name(name)
    if len(want) < MIN_NAME:
        return []
    found = []
    for s in stated_values(facts, exact=False):
        got = matching_name(s.subject)
        extra = len(got) - len(want)
        if got == want or (not s.quantity.is_percent and got.endswith(want) and extra <= MAX_QUALIFIER):
            found.append((extra, s))
    if not found:
        return []
    closest = min(extra for extra, _ in found)
    best = [s for extra, s in found if extra == closest]
    return best if all(s.exact for s in best) else []


def test_stated_of_as_every_figure_compared(report: Path) -> None:
    facts = _facts(report)
    names = {row.name for _key, row in indicator_rows(facts)}
    # the figures' own names, and their tails, find something
    for s in stated_values(facts, exact=False):
        names |= {s.subject, s.subject[1:], s.subject[2:]}
    assert names
    hits = 0
    for name in sorted(names):
        got = stated_of(facts, name)
        assert got == _stated_of_long_way(facts, name)
        hits += bool(got)
    assert hits or not stated_values(facts, exact=False)


def test_exact_stated_values_are_the_exact_ones_in_order(report: Path) -> None:
    facts = _facts(report)
    every = stated_values(facts, exact=False)
    assert stated_values(facts) == [s for s in every if s.exact]
    stated_values(facts).clear()  # a caller's list is its own
    assert stated_values(facts) == [s for s in every if s.exact]


# --- indicator rows, gathered once


def test_report_indicator_rows_as_indicator_rows(report: Path) -> None:
    facts = _facts(report)
    for scored in (None, True, False):
        ours = [(k, r.name, r.cells.get("actual")) for k, r in report_indicator_rows(facts, scored=scored)]
        fresh = _facts(report)
        theirs = [(k, r.name, r.cells.get("actual")) for k, r in indicator_rows(fresh, scored=scored)]
        assert ours == theirs


# --- AL403: stated_in_text reads only the paragraphs that print the name


def test_a_name_no_paragraph_prints_has_no_result_in_the_text(report: Path) -> None:
    facts = _facts(report)
    asked = 0
    for st in facts.scoring:
        for ind in st.indicators:
            name = squash(split_serial(normalize(ind.name))[1])
            if not any(name in normalize(p.text) for p in facts.document.paragraphs):
                asked += 1
                assert stated_in_text(facts, ind) is None
    assert asked or not facts.scoring


# --- knowledge base


def test_names_phrase_needs_the_word_s_ending() -> None:
    # the pre-test of text sources: a name the phrase's words do not end is named by none
    assert subject_key("核定行政编制（含工勤）") == "核定行政编制"
    assert word_keys(("编制数", "", "核定编制")) == ("编制数", "核定编制")
    for name, words in [("市医疗保障局行政编制", ("行政编制",)), ("机关公益性岗位编制数", ("编制数",)),
                        ("年末结转结余", ("结转结余", "结余")), ("在职人员", ("编制",))]:
        named = any(names_phrase(name, w) for w in words)
        assert not named or subject_key(name).endswith(word_keys(words))
    assert names_phrase("市医疗保障局行政编制", "行政编制")
    assert not names_phrase("机关公益性岗位编制数", "编制数")


def test_kb_readings_are_the_report_s_own(report: Path) -> None:
    kb = knowledge_base()
    facts = _facts(report)
    for ind in kb.indicators:
        once = [(r.expression(), r.value) for r in kb_readings(facts, ind)]
        again = [(r.expression(), r.value) for r in kb_readings(facts, ind)]
        fresh = [(r.expression(), r.value) for r in kb_readings(_facts(report), ind)]
        assert once == again == fresh


def test_nothing_kept_for_one_report_reaches_the_next() -> None:
    # two reports whose budget tables give different execution rates: each keeps its own
    ind = knowledge_base().lookup("预算执行率")
    assert ind is not None
    values = {}
    for path in REPORTS:
        got = [r.value for r in kb_readings(_facts(path), ind)]
        if got:
            values[path] = got
    assert len({str(v) for v in values.values()}) >= 2
    paths = list(values)
    first, second = _facts(paths[0]), _facts(paths[1])
    assert [r.value for r in kb_readings(first, ind)] == values[paths[0]]
    assert [r.value for r in kb_readings(second, ind)] == values[paths[1]] != values[paths[0]]
