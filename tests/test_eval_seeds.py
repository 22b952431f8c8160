"""The hand labels for the three real seeds: they point at real lines holding the
labelled values, and the eval figures on them are printed (at the end of the pytest run).
Skips when ../shared/seeds is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.accuracy.evaluate import evaluate, load_labels, norm_value, table
from conftest import EVAL_TABLES

pytestmark = pytest.mark.slow  # pytest -m "not slow" skips it (README)

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "corpus" / "seeds-labels"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FOUNDATION = {"AL101", "AL103", "AL301", "AL302"}


def _seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present on this machine")
    return SEEDS


@pytest.mark.parametrize("labels", sorted(LABELS.glob("*.labels.yaml")), ids=lambda p: p.name)
def test_seed_labels_point_at_their_values(labels: Path):
    seeds = _seeds()
    for entry in load_labels(labels)["reports"].values():
        lines = (seeds / entry["file"]).read_text(encoding="utf-8").splitlines()
        for e in entry["expect"]:
            where = [e["line"], *(e.get("also_lines") or [])]
            assert all(1 <= n <= len(lines) for n in where), e
            shown = norm_value(str(e["stated"]))
            assert any(shown in lines[n - 1] for n in where), (e, [lines[n - 1] for n in where])


def test_seed_eval_figures(pytestconfig):
    seeds = _seeds()
    result = evaluate(LABELS, reports_dir=seeds, formats=("txt",))
    pytestconfig.stash.setdefault(EVAL_TABLES, []).append(("accuracy on the three seeds (../shared/seeds)", table(result)))
    assert len(result.outcomes) == 3 and not [o for o in result.outcomes if o.error]
    # what the foundation issue requires on the seeds is found; the rest is reported, not gated yet
    missed = [(o.report, m.check, m.line) for o in result.outcomes for m in o.misses if m.check in FOUNDATION]
    assert not missed
