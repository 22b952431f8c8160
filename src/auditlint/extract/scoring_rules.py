"""Moved to :mod:`auditlint.extract.scoring.rules`; this module re-exports it for the
importers not yet updated (to be removed)."""

from auditlint.extract.scoring.rules import (
    FULL,
    Additive,
    Award,
    Band,
    BandBreak,
    Bands,
    Choice,
    Cond,
    Deduction,
    Points,
    Proportional,
    Reading,
    Rule,
    Threshold,
    Unparsed,
    band_breaks,
    parse_condition,
    parse_item,
    parse_rule,
    reading_of,
    readings_in,
    to_base,
)

__all__ = [
    "FULL", "Additive", "Award", "Band", "BandBreak", "Bands", "Choice", "Cond", "Deduction", "Points",
    "Proportional", "Reading", "Rule", "Threshold", "Unparsed", "band_breaks", "parse_condition", "parse_item",
    "parse_rule", "reading_of", "readings_in", "to_base",
]
