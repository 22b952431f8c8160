"""Ranking: severity × confidence × materiality, on a 0–100 scale.

rank = 100 × s × c × (0.4 + 0.6 × √m)

- s: 1.0 for error, 0.6 for warning, 0.3 for info;
- c: the check's confidence in this finding (0–1);
- m: materiality (0–1), how large the discrepancy is relative to what it is part
  of (the table's total, 100 points for scores). Even an immaterial error keeps
  40 % of its weight: a wrong figure is wrong however small.
"""

from __future__ import annotations

import math

from auditlint.findings import Finding, Severity

SEVERITY_WEIGHT = {Severity.ERROR: 1.0, Severity.WARNING: 0.6, Severity.INFO: 0.3}


def rank_of(f: Finding) -> float:
    s = SEVERITY_WEIGHT[f.severity or Severity.WARNING]
    m = min(1.0, max(0.0, f.materiality))
    c = min(1.0, max(0.0, f.confidence))
    return round(100.0 * s * c * (0.4 + 0.6 * math.sqrt(m)), 1)


def materiality(difference: float, base: float) -> float:
    """|difference| relative to ``base``, scaled so that 10 % of the base or more
    counts as fully material."""
    if not base:
        return 1.0 if difference else 0.0
    return min(1.0, abs(difference) / abs(base) * 10)


def sort_key(f: Finding) -> tuple:
    loc = f.location
    return (-f.rank, loc.path, loc.page or 0, loc.line or 0, loc.table or 0, loc.row or 0, loc.col or 0, f.check_id)


def report_risk(findings: list[Finding]) -> float:
    """A report's risk score (0–100): the top finding plus a diminishing share of
    the rest, so ten warnings outrank one, but never past 100."""
    ranks = sorted((f.rank for f in findings), reverse=True)
    score = 0.0
    for i, r in enumerate(ranks):
        score += r * (0.5 ** i) if i else r
    return round(min(100.0, score), 1)


def by_risk(results: list) -> list:
    """Files (anything with ``.findings``) riskiest first; ties keep their order."""
    return sorted(results, key=lambda r: -report_risk(r.findings))
