"""Counts in the narrative: numbers of people, posts, calls, items … with the words
that name them, in ``facts.extra["counts"]``.

The narrative reader (``extract/narrative/``) keeps money and percentages; a count
("行政编制25名", "实有行政在职30名", "来电总量99.54万个") is read here the same way: the
words of its clause before it, cleaned as a figure's subject is (dates, enumerators,
lead and trailing words off). The indicator knowledge base's ``text:`` references of
kind ``count`` and the claim checks read them. A count glued to a code ("12393热线"),
approximate ("超18.4万人", "700余家") or compared ("不低于20次") is kept but marked, so
no check takes it as exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditlint.extract.narrative import clean_subject, name_of
from auditlint.extract.narrative.tokens import glued, hedged
from auditlint.extract.text import COUNT_NAMING, LINE, after_last, sentence_bounds
from auditlint.model import Location, Paragraph
from auditlint.numbers import BASE_UNITS, COUNT_UNITS, Quantity, find_quantities, normalize

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

KEY = "counts"


@dataclass(frozen=True)
class Count:
    subject: str  # the words before the number, cleaned: "实有行政在职"
    name: str  # as a matching name (quotes, brackets, time words off)
    quantity: Quantity
    text: str = field(repr=False)  # the paragraph's text, shared: a long sentence is not copied per count
    sentence_start: int
    sentence_end: int
    paragraph: int  # Paragraph.index
    start: int  # offset of the number in the paragraph's text
    location: Location
    approximate: bool = False

    @property
    def sentence(self) -> str:
        """The sentence it is in."""
        return self.text[self.sentence_start : self.sentence_end]

    @property
    def before(self) -> str:
        """The sentence's text before the number (for years and scope words)."""
        return self.text[self.sentence_start : self.start]

    @property
    def exact(self) -> bool:
        return not self.approximate and self.quantity.comparator in (None, "=")


def is_count_unit(unit: str | None) -> bool:
    return bool(unit) and BASE_UNITS.get(unit or "", unit) in COUNT_UNITS


def read_counts(par: Paragraph) -> list[Count]:
    text = normalize(par.text)
    out: list[Count] = []
    for m in find_quantities(par.text):
        q = m.quantity
        if not is_count_unit(q.unit) or q.value is None:
            continue
        s_start, s_end = sentence_bounds(text, m.start, LINE)
        clause = after_last(text, m.start, COUNT_NAMING, s_start)
        words = par.text[clause : m.start]
        subject = clean_subject(words)
        if not re.search(r"[\u4e00-\u9fff]", subject):
            continue
        approximate = glued(text, m.start) or hedged(text, m.start, m.end, q)
        out.append(Count(subject, name_of(subject), q, par.text, s_start, s_end,
                         par.index, m.start, par.location_at(m.start), approximate))
    return out


def counts_of(facts: Facts) -> list[Count]:
    return facts.extra.get(KEY) or []


def extract_into(facts: Facts) -> None:
    found: list[Count] = []
    for block in facts.document.blocks:
        if isinstance(block, Paragraph) and block.text.strip():
            try:
                found.extend(read_counts(block))
            except (ArithmeticError, ValueError, IndexError):  # an odd sentence says nothing
                continue
    facts.extra[KEY] = found
