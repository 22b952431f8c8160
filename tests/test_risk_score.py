"""The report risk score keeps ordering reports as findings accumulate: no ceiling,
monotone in the findings, and more errors rank higher than fewer (docs/output.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from auditlint.findings import Finding, Severity
from auditlint.model import Location
from auditlint.rank import by_risk, rank_of, report_risk

SEVERITIES = [Severity.ERROR, Severity.WARNING, Severity.INFO]


@dataclass
class Result:
    path: str
    findings: list[Finding] = field(default_factory=list)


def finding(rng: random.Random, severity: Severity | None = None) -> Finding:
    f = Finding(Location("r.txt", line=rng.randint(1, 500)), "m", "m", severity=severity or rng.choice(SEVERITIES),
                confidence=rng.uniform(0.3, 1.0), materiality=rng.uniform(0.0, 1.0))
    f.rank = rank_of(f)
    return f


def batch(seed: int = 19) -> list[list[Finding]]:
    """Reports with 0…50 findings each, growing one finding at a time."""
    rng = random.Random(seed)
    grown: list[Finding] = []
    out = [[]]
    for _ in range(50):
        grown = [*grown, finding(rng)]
        out.append(grown)
    return out


def test_adding_a_finding_never_lowers_the_score():
    for seed in range(20):
        scores = [report_risk(fs) for fs in batch(seed)]
        assert scores == sorted(scores) and scores[0] == 0.0
        assert all(b > a for a, b in zip(scores, scores[1:], strict=False))  # every rank here is above 0


def test_no_ceiling_that_many_reach():
    scores = [report_risk(fs) for fs in batch()]
    assert len(set(scores)) == len(scores)  # 51 reports, 51 scores: no tie at a cap
    certain = Finding(Location("r.txt"), "m", "m", severity=Severity.ERROR, confidence=1.0, materiality=1.0)
    certain.rank = rank_of(certain)
    assert report_risk([certain]) == 100.0 and report_risk([certain] * 17) == 1700.0


def test_more_errors_rank_higher_than_fewer():
    rng = random.Random(7)
    errors = [finding(rng, Severity.ERROR) for _ in range(17)]
    warnings = [finding(rng, Severity.WARNING) for _ in range(12)]
    two = Result("a-two-errors.txt", errors[:2])
    many = Result("z-many.txt", errors + warnings)
    assert [r.path for r in by_risk([two, many])] == ["z-many.txt", "a-two-errors.txt"]
    # the same findings plus one more error: always above, whatever the path
    reports = [Result(f"r{n:02d}.txt", errors[:n]) for n in range(18)]
    assert [r.path for r in by_risk(reports)] == [f"r{n:02d}.txt" for n in reversed(range(18))]


def test_equal_scores_go_by_errors_then_warnings():
    e = Finding(Location("r.txt"), "m", "m", severity=Severity.ERROR, rank=30.0)
    w = Finding(Location("r.txt"), "m", "m", severity=Severity.WARNING, rank=15.0)
    a, b = Result("a.txt", [w, w]), Result("b.txt", [e])
    assert report_risk(a.findings) == report_risk(b.findings) == 30.0
    assert [r.path for r in by_risk([a, b])] == ["b.txt", "a.txt"]
