"""The checks' second-round shortcuts read what the long way reads, on the seeds and on
realistic reports: AL503 holds a figure only against the row's measures not already found
to differ, and AL201 works each row's rate over a base out once per table."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditlint.checks.crossref import AL503_same_quantity_differs as al503
from auditlint.checks.ratios import AL201_rate_mismatch as al201

from auditlint.extract import extract
from auditlint.extract.facts import Facts
from auditlint.extract.meta import evaluated_year
from auditlint.extract.repeated_amounts import differs, figure_context, narrative_amounts
from auditlint.extract.tables import RATE_BASES
from auditlint.readers import read

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def _reports() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    found += sorted((REPO / "corpus" / "realistic").glob("*/clean.docx"))[:10]
    found += sorted((REPO / "corpus" / "realistic").glob("*/*.txt"))[:10]
    found.append(REPO / "corpus" / "examples" / "department-2024.txt")
    return found


@pytest.fixture(scope="module", params=_reports(), ids=lambda p: f"{p.parent.name}/{p.name}")
def facts(request: pytest.FixtureRequest) -> Facts:
    path = request.param
    return extract(read(str(path), str(path)))


def test_al503_holds_only_the_measures_not_yet_found_to_differ(facts: Facts) -> None:
    year = evaluated_year(facts.meta)
    for fig, m, cells in narrative_amounts(facts, figure_context(facts)):
        if not cells or not all(differs(fig.quantity, c) for c in cells):
            continue
        every = al503._every_measure(facts, m, year)
        long_way = any(not differs(fig.quantity, c) for c in every)
        held = {(c.table, id(c.row), c.role) for c in cells}
        short = any(not differs(fig.quantity, c) for c in every if (c.table, id(c.row), c.role) not in held)
        assert short == long_way, fig.sentence.text


def test_al503_is_asked_about_figures_on_the_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip("no seeds here")
    total = 0
    for path in sorted(SEEDS.glob("*.txt")):
        f = extract(read(str(path), str(path)))
        total += sum(1 for _, _, cells in narrative_amounts(f) if cells)
    assert total > 0


def test_al201_rates_are_the_long_ways(facts: Facts) -> None:
    for ct in facts.tables:
        rates = al201._RowRates(ct)
        for role in RATE_BASES:
            for row in ct.rows:
                assert rates(row, role) == al201._row_rate(ct, row, role)
                assert rates(row, role) == al201._row_rate(ct, row, role)  # from what is kept
        assert al201._rate_base(ct, rates) == al201._rate_base(ct)
