"""What the narrative states, by name: each exact figure or count dated in the year
evaluated ("12393热线来电总量99.54万个"), and the figures a table indicator's name
finds among them. An indicator that is not in the knowledge base is held against these
(AL501); a target the narrative gives is attached to the figure before it (AL502).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditlint.extract.counts import counts_of
from auditlint.extract.facts import Facts
from auditlint.extract.kb.knowledge import knowledge_base, name_key
from auditlint.extract.kb.values import year_ok_before
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, statements_of
from auditlint.model import Location
from auditlint.numbers import Approx, Quantity

MIN_NAME = 3  # an indicator name shorter than this (时效) is matched to no sentence


@dataclass(frozen=True)
class Stated:
    """A number a sentence states of something: "12393热线来电总量99.54万个"."""

    subject: str
    quantity: Quantity
    location: Location
    sentence: str
    cut: int  # where the number starts in the sentence
    paragraph: int  # Paragraph.index
    start: int  # offset of the number in the paragraph's text
    exact: bool = True

    @property
    def before(self) -> str:
        """The sentence's text before the number."""
        return self.sentence[: self.cut]

    @property
    def shown(self) -> str:
        return self.subject + self.quantity.text.strip()


@lru_cache(maxsize=1 << 16)  # pure; every stated figure is named again for each indicator
def matching_name(text: str) -> str:
    """A name as compared with an indicator's: quotes and spaces off, 金额 as 额,
    总/累计 before 量/额/数 off ("来电总量" → "来电量", "集中结算金额" → "集中结算额")."""
    t = name_key(text).replace("金额", "额")
    t = re.sub(r"(?:总|累计)(?=[量额数])", "", t)
    return t


def stated_values(facts: Facts, *, exact: bool = True) -> list[Stated]:
    """The narrative's numbers dated in the evaluated year (or not dated); ``exact``:
    only those stated exactly (not 超, 近, 余, not compared). Computed once per report."""
    every = facts.memo("stated_values", lambda: _stated_values(facts))
    # the exact ones are those of every number read that are stated exactly, in order
    return [s for s in every if s.exact] if exact else list(every)


def _stated_values(facts: Facts) -> list[Stated]:
    year = evaluated_year(facts.meta)
    out: list[Stated] = []
    for f in statements_of(facts, Figure):
        cut = f.start - f.sentence.start
        if f.quantity.value is not None and year_ok_before(f.sentence.text, cut, year):
            out.append(Stated(f.subject, f.quantity, f.location, f.sentence.text, cut, f.sentence.paragraph, f.start,
                              f.exact))
    for c in counts_of(facts):
        cut = len(c.before)  # the count's sentence starts with the words before it
        if c.quantity.value is not None and year_ok_before(c.sentence, cut, year):
            out.append(Stated(c.subject, c.quantity, c.location, c.sentence, cut, c.paragraph, c.start, c.exact))
    return out


MAX_QUALIFIER = 8  # "12393热线" before 来电量, "集中" before 结算额; a longer run of words names something else


def stated_of(facts: Facts, name: str) -> list[Stated]:
    """The narrative's numbers of the indicator, by name: a percentage only under the
    indicator's very name (人工接通率 and 综合接通率 are two rates, neither is "接通率"),
    an amount or count also under a name a few characters longer ending with it
    ("12393热线来电总量" for 来电量, "集中结算金额" for 结算额). Only the closest names
    count; when one of those is approximate ("超370亿元"), nothing is taken."""
    want = matching_name(name)
    if len(want) < MIN_NAME:
        return []
    return list(facts.memo(("stated_of", want), lambda: _stated_of(facts, want)))


def _named_values(facts: Facts) -> dict[str, list[tuple[str, Stated]]]:
    """Every stated number (exact or not) beside its subject's matching name, in order,
    by the name's last character: a name ends with another only if their last agree."""
    def compute() -> dict[str, list[tuple[str, Stated]]]:
        out: dict[str, list[tuple[str, Stated]]] = {}
        for s in stated_values(facts, exact=False):
            got = matching_name(s.subject)
            out.setdefault(got[-1:], []).append((got, s))
        return out

    return facts.memo("stated_named", compute)


def _stated_of(facts: Facts, want: str) -> list[Stated]:
    found: list[tuple[int, Stated]] = []
    for got, s in _named_values(facts).get(want[-1:], ()):
        if not got.endswith(want):
            continue  # both tests below need it
        extra = len(got) - len(want)
        if got == want or (not s.quantity.is_percent and got.endswith(want) and extra <= MAX_QUALIFIER):
            found.append((extra, s))
    if not found:
        return []
    closest = min(extra for extra, _ in found)
    best = [s for extra, s in found if extra == closest]
    return best if all(s.exact for s in best) else []


def base_value(q: Quantity) -> Approx:
    return q.approx.scale(q.scale)


def comparable_values(claim: Quantity, name: str, stated: list[Stated]) -> list[tuple[Stated, Approx]]:
    """The stated numbers measured like the claim, as intervals in the claim's terms: a
    percent against a percent; an amount or count in base units, and a count written
    in money (来电量 “100万元”) against the count the sentence gives."""
    out = []
    for s in stated:
        q = s.quantity
        if claim.is_percent or q.is_percent:
            if claim.is_percent and q.is_percent:
                out.append((s, q.approx))
            continue
        same = (claim.base_unit or None) == (q.base_unit or None)
        slip = knowledge_base().is_count(name) and claim.is_money != q.is_money
        if same or slip:
            out.append((s, base_value(q).scale(1 / claim.scale)))
    return out
