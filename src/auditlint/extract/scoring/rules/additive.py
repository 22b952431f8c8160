"""Items whose points add up (``Additive``): "共3项：1.…得1分；2.…得1分；3.…得1分", and
how numbered items and a declared count (共3项) are found in a rule's text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint.extract.scoring.rules.base import Rule
from auditlint.extract.scoring.rules.measures import Reading
from auditlint.extract.scoring.rules.patterns import CN, dec
from auditlint.extract.scoring.rules.points import Award
from auditlint.numbers import ZERO

if TYPE_CHECKING:
    from auditlint.extract.scoring.rules.bands import Bands

_DECLARED = re.compile(r"共\s*(?P<n>\d+|" + CN + r")\s*(?:项|个方面|个要点|条)")
_ITEM = re.compile(r"(?:(?<=[:：,，；;。\s])|^)(?:(?P<d>\d{1,2})[.、．](?!\d)|\((?P<p>\d{1,2})\)|(?P<c>[①②③④⑤⑥⑦⑧⑨⑩]))")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


@dataclass(frozen=True)
class Additive(Rule):
    items: tuple[Rule, ...] = ()

    def max_points(self, weight: Decimal | None) -> Decimal | None:
        if any(it.uses_weight() for it in self.items) and len(self.items) > 1:
            return None  # 满分 inside one of several items: a share we cannot know
        vals = [it.max_points(weight) for it in self.items]
        if not vals or any(v is None for v in vals):
            return None
        return sum((v for v in vals if v is not None), ZERO)

    def maxima(self, weight: Decimal | None) -> set[Decimal]:
        if self.max_points(weight) is None:
            return set()
        sums = {ZERO}
        for it in self.items:
            sums = {a + b for a in sums for b in it.maxima(weight)}
            if len(sums) > 64:
                break  # enough readings to know the weight is among them or not
        return sums

    def award(self, readings: list[Reading], weight: Decimal | None, target: Reading | None = None) -> Award | None:
        if any(it.uses_weight() for it in self.items):
            return None
        got = [it.award(readings, weight, target) for it in self.items]
        if not got or any(a is None for a in got):
            return None
        awards = [a for a in got if a is not None]
        lo = sum((a.lo for a in awards), ZERO)
        hi = sum((a.hi for a in awards), ZERO)
        return Award(lo, hi, all(a.exact for a in awards), "; ".join(a.how for a in awards),
                     how_zh="；".join(a.how_in_zh for a in awards))

    def bands(self) -> list[Bands]:
        return [b for it in self.items for b in it.bands()]


def item_spans(text: str) -> list[tuple[int, int]]:
    """Spans of numbered items (1.… 2.…, (1)…(2)…, ①…②…) numbered from one, in order."""
    marks = []
    for m in _ITEM.finditer(text):
        n = int(m.group("d") or m.group("p") or 0) if not m.group("c") else _CIRCLED.index(m.group("c")) + 1
        marks.append((n, m.start(), m.end()))
    chosen: list[tuple[int, int]] = []
    want = 1
    for n, s, e in marks:
        if n == want:
            chosen.append((s, e))
            want += 1
    if len(chosen) < 2:
        return []
    spans = []
    for k, (_s, e) in enumerate(chosen):
        end = chosen[k + 1][0] if k + 1 < len(chosen) else len(text)
        spans.append((e, end))
    return spans


def declared_count(text: str) -> int | None:
    """The number of items the text says it has ("共3项", "共三个方面"); None when it says none."""
    m = _DECLARED.search(text)
    if not m:
        return None
    v = dec(m.group("n"))
    return int(v) if v is not None else None
