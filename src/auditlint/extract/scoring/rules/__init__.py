"""Scoring rules (评分标准): a small model and a parser, one module per rule shape.

A rule's text is parsed into one of

- ``Additive``: items whose points add up ("共3项：1.…得1分；2.…得1分；3.…得1分");
- ``Bands``: ranges of one measure → points ("90%-100%得2.5分；80%-89%得1分；60%以下，不得分");
- ``Threshold``: one condition → points ("不低于85%，得4分");
- ``Proportional``: a factor × the weight ("到位比率×权重=得分"), with the bound above
  which full marks are given, when printed;
- ``Deduction``: points off per unit, from full marks or from the points printed for the
  best case ("每超出1%扣除5%的权重分，扣完为止", "每发现一例扣除0.2分");
- ``Choice``: worded levels, the best of which is the maximum ("明确的得2分；明确性不足得1分；
  不明确得0分", "完成得分，没完成不得分");
- ``Unparsed``: anything else, kept as text with the reason. No guessing: two worded
  conditions worth the same points may be alternatives or may add up, so they are left
  unparsed.

Every rule knows its maximum points (given the indicator's weight, for rules that speak
of 满分 or 权重) and, for a stated actual it can read, the points it awards (an
``Award``) or ``None`` when it cannot tell. Offsets (``at``) point into the rule's text so
a finding can name the line a number is printed on. Pure functions: no Document, no
Facts.
"""

from __future__ import annotations

from auditlint.extract.scoring.rules.additive import Additive
from auditlint.extract.scoring.rules.bands import Band, BandBreak, Bands, band_breaks
from auditlint.extract.scoring.rules.base import Rule, Unparsed
from auditlint.extract.scoring.rules.choice import Choice
from auditlint.extract.scoring.rules.conditions import parse_condition
from auditlint.extract.scoring.rules.deductions import Deduction
from auditlint.extract.scoring.rules.measures import Cond, Reading, reading_of, readings_in, to_base
from auditlint.extract.scoring.rules.parse import parse_item, parse_rule
from auditlint.extract.scoring.rules.points import FULL, Award, Points
from auditlint.extract.scoring.rules.proportional import Proportional
from auditlint.extract.scoring.rules.thresholds import Threshold

__all__ = [
    "FULL", "Additive", "Award", "Band", "BandBreak", "Bands", "Choice", "Cond", "Deduction", "Points",
    "Proportional", "Reading", "Rule", "Threshold", "Unparsed", "band_breaks", "parse_condition", "parse_item",
    "parse_rule", "reading_of", "readings_in", "to_base",
]
