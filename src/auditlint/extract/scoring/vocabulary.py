"""The words a scoring table is read with (``vocab/scoring.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auditlint import vocab


@dataclass(frozen=True)
class Vocabulary:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    total_labels: frozenset[str]
    score_total_labels: frozenset[str]
    subtotal_labels: frozenset[str]
    unweighted_rows: tuple[str, ...]
    hundred_point_words: tuple[str, ...]
    grade_scales: tuple[tuple[tuple[str, Decimal], ...], ...]


@vocab.cached
def vocabulary() -> Vocabulary:
    """The words in ``vocab/scoring.yaml``."""
    data = vocab.load("scoring")
    scales = tuple(
        tuple(sorted(((str(k), Decimal(str(v))) for k, v in scale.items()), key=lambda kv: kv[1], reverse=True))
        for scale in data.get("grade_scales", [])
    )
    return Vocabulary(
        roles=tuple((role, tuple(words)) for role, words in data["roles"].items()),
        total_labels=frozenset(data.get("total_labels", [])),
        score_total_labels=frozenset(data.get("score_total_labels", [])),
        subtotal_labels=frozenset(data.get("subtotal_labels", [])),
        unweighted_rows=tuple(data.get("unweighted_rows", [])),
        hundred_point_words=tuple(data.get("hundred_point_words", [])),
        grade_scales=scales,
    )

