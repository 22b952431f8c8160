"""Plant one mistake in a consistent report and label what a linter must then say.

The label is not written by hand: after the change, every invariant of the report
is re-evaluated, and each one that broke is an expected finding (its check, the
printed value that is now wrong, what it should be). A mistake usually breaks
more than one thing — a changed part breaks its total and its rate — and all of
them are expected.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from decimal import Decimal

from corpusgen.synth.model import Num, Report, Word

KINDS = ("total", "part", "rate", "share", "prior-year", "weight", "score", "band", "rule-points", "sign", "unit",
         "year", "narrative")


@dataclass
class Expected:
    check: str
    subject: str
    stated: str
    computed: str
    optional: bool = False
    piece: Num | Word | None = field(default=None, repr=False, compare=False)


def broken(report: Report) -> list[Expected]:
    out: list[Expected] = []
    for inv in report.invariants:
        computed = inv.broken()
        if computed is None:
            continue
        out.append(Expected(inv.check, inv.subject, inv.shown(), computed, inv.soft(), inv.stated))
    return out


def plant(report: Report, kind: str, rng: random.Random) -> tuple[Report, str, list[Expected]] | None:
    """A copy of ``report`` with one ``kind`` mistake, its description and the
    expected findings; None when the shape has no place for that kind."""
    sites = report.sites.get(kind, [])
    order = list(range(len(sites)))
    rng.shuffle(order)
    for i in order:
        mutated = copy.deepcopy(report)
        site = mutated.sites[kind][i]
        target = site.target
        if site.change == "add" and isinstance(target, Num):
            target.value += Decimal(site.amount)
        elif site.change == "neg" and isinstance(target, Num):
            target.value = -target.value
        elif site.change == "unit" and isinstance(target, Num):
            target.unit = str(site.amount)
        elif site.change == "text" and isinstance(target, Word):
            target.text = str(site.amount)
        else:
            continue
        expected = broken(mutated)
        if any(not e.optional for e in expected):  # a change that breaks nothing is no mistake: try another place
            return mutated, site.description, expected
    return None
