"""The grade a total score earns, on the report's own scale or a configured one."""

from __future__ import annotations

from decimal import Decimal

from auditlint.extract.score_statements import GradeScale
from auditlint.extract.scoring import vocabulary


def grade_for(score: Decimal, grade: str, scales: list[GradeScale]) -> str | None:
    """The grade a score earns: on the report's own scale when it prints one that
    names this grade, else on the first configured scale that does."""
    for s in scales:
        if any(g == grade for g, _ in s.bands):
            return next((g for g, lo in s.bands if score >= lo), None)
    for bands in vocabulary().grade_scales:
        if any(g == grade for g, _ in bands):
            return next((g for g, lo in bands if score >= lo), None)
    return None
