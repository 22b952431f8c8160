"""Ranking: severity × confidence × materiality, on a 0–100 scale per finding;
a report's risk is the sum of its findings' ranks (no ceiling).

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
    """A report's risk score: the sum of its findings' ranks, with no ceiling.

    Each finding adds its rank (0–100), so adding a finding never lowers the score and
    a report keeps climbing past others as its findings accumulate: 17 errors and 12
    warnings score far above 2 errors. One fully material, certain error scores 100.
    """
    return round(sum((max(0.0, f.rank) for f in findings), 0.0), 1)


def _severity_counts(findings: list[Finding]) -> tuple[int, int, int]:
    sev = [f.severity or Severity.WARNING for f in findings]
    return sev.count(Severity.ERROR), sev.count(Severity.WARNING), sev.count(Severity.INFO)


def by_risk(results: list) -> list:
    """Files (anything with ``.findings``) riskiest first; equal scores go by more
    errors, then more warnings, then infos; full ties keep their order."""
    def key(r) -> tuple:
        errors, warnings, infos = _severity_counts(r.findings)
        return (-report_risk(r.findings), -errors, -warnings, -infos)

    return sorted(results, key=key)
