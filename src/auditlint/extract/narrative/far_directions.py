"""A comparison with last year that gives no amount ("2024年度收入总计1,100.00万元，比上年
有所减少"), held against last year's figure stated by name elsewhere (``far_bases``).

Read only right after an exact amount: "，比上年（有所）增加/减少…" or "，与上年相比（有所）
下降…", with no amount after the direction word (a comparison with its amount is a
change, AL204's to recompute). "持平", "基本持平" and "无变化" say about the same and are
not read. The figure compared is the amount it follows; last year's is found as
``far_bases.bases_of`` finds it, so the whole reading is inferred from names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditlint.extract.narrative.far_bases import FarBase, bases_of
from auditlint.extract.narrative.model import Figure, statements_of
from auditlint.model import Location

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

_LAST = r"(?:上一年度|上年度|上一年|上年|去年)"
_DIRECTION_ONLY = re.compile(
    rf"\s*[，,]\s*(?:(?:比|较){_LAST}|与{_LAST}(?:相比|比较)[，,]?)\s*(?:有所|略有|稍有|大幅|明显|均)?"
    r"(?P<word>增加|增长|上升|提高|减少|下降|降低)"
)
_AMOUNT_AFTER = re.compile(r"\s*(?:了|为|达)?\s*[\d-]")
_UP = ("增加", "增长", "上升", "提高")


@dataclass(frozen=True)
class FarDirection:
    """"X，比上年减少" with last year's figure of X found elsewhere."""

    current: Figure
    base: FarBase
    word: str  # as printed: 减少
    relation: str  # ">" (rose) or "<" (fell)
    location: Location  # of the direction word


def far_directions(facts: Facts) -> list[FarDirection]:
    out: list[FarDirection] = []
    for fig in statements_of(facts, Figure):
        text = fig.sentence.passage.text
        m = _DIRECTION_ONLY.match(text, fig.end)
        if m is None or m.end() > fig.sentence.end or _AMOUNT_AFTER.match(text, m.end()):
            continue
        bases = bases_of(facts, fig)
        if not bases:
            continue
        word = m.group("word")
        out.append(FarDirection(fig, bases[0], word, ">" if word in _UP else "<",
                                fig.sentence.passage.location_at(m.start("word"))))
    return out
