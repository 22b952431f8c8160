"""The scoring-table indicator a narrative paragraph names ("立项依据充分性（分值8分，得分8分）"):
the one indicator whose name the lead ends with, give or take an opening word."""

from __future__ import annotations

import re

from auditlint.extract.facts import Facts
from auditlint.extract.scoring import Indicator, squash

_OPENING = re.compile(r"^(?:关于|对于|其中|[一二三四五六七八九十]是)?$")


def _names_it(lead: str, name: str) -> bool:
    """The lead is the name, give or take a trailing 指标 and an opening word (关于, 一是):
    咨询服务满意度 does not name an indicator called 服务满意度."""
    lead = lead.removesuffix("指标")
    return len(name) >= 2 and lead.endswith(name) and bool(_OPENING.match(lead[: len(lead) - len(name)]))


def indicator_named(facts: Facts, lead: str) -> Indicator | None:
    """The one table indicator the narrative names."""
    lead = squash(lead).strip("（）()：:,，")
    if not lead:
        return None
    best: list[Indicator] = []
    best_len = 0
    for st in facts.scoring:
        for ind in st.indicators:
            name = squash(ind.name)
            if not _names_it(lead, name):
                continue
            if len(name) > best_len:
                best, best_len = [ind], len(name)
            elif len(name) == best_len:
                best.append(ind)
    return best[0] if len(best) == 1 else None
