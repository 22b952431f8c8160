"""A punctuation mark printed twice in the running text ("…财政拨款。。", "收入，，"):
``facts.extra["doubled_marks"]``, read by AL606.

Exactly two of one mark: three or more are an ellipsis or a leader ("。。。", "……"), a
doubled dash or ellipsis mark is the mark itself ("——", "……"), and table cells are left
out (a template fills empty cells with marks). A contents' leaders are three marks or
more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.extract.facts import Facts
from auditlint.model import Location

KEY = "doubled_marks"  # list[DoubledMark]

_MARKS = "。，、；："
# one mark twice, with no third mark (of these or their ASCII forms) on either side
_DOUBLED = re.compile(rf"(?<![{_MARKS},;:.])([{_MARKS}])\1(?![{_MARKS},;:.])")
_CONTEXT = 16  # characters quoted before the marks


@dataclass(frozen=True)
class DoubledMark:
    mark: str
    context: str  # the text up to and including the marks
    location: Location  # the second mark


def extract_into(facts: Facts) -> None:
    found: list[DoubledMark] = []
    for par in facts.document.paragraphs:
        for m in _DOUBLED.finditer(par.text):
            context = par.text[max(0, m.start() - _CONTEXT) : m.end()].lstrip()
            found.append(DoubledMark(m.group(1), context, par.location_at(m.start() + 1)))
    facts.extra[KEY] = found
