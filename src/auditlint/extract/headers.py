"""Column headers: the one way a header is matched against a vocabulary of roles.

Budget tables, scoring tables and indicator tables each have their own role words
(``vocab/headers.yaml``, ``scoring.yaml``, ``indicator_tables.yaml``) and their own
exceptions, but the matching is the same: whitespace and a unit note (（万元）) are
dropped, then the first role with a word contained in the header wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

UNIT_NOTE = re.compile(r"[（(]\s*(万元|元|亿元|千元|%|％)\s*[)）]")
_SPACE = re.compile(r"\s+")

Roles = Iterable[tuple[str, Iterable[str]]]


def squash(text: str) -> str:
    """The text without any whitespace ("预 算 数" → "预算数")."""
    return _SPACE.sub("", text)


def bare(header: str) -> str:
    """A header without its unit note and whitespace: "预算数（万元）" → "预算数"."""
    return squash(UNIT_NOTE.sub("", header))


def first_role(header: str, roles: Roles) -> str | None:
    """The first role one of whose words the (bare) header contains."""
    for role, words in roles:
        if any(w in header for w in words):
            return role
    return None


def header_unit(header: str) -> str | None:
    """The unit a header's note names: "预算数（万元）" → "万元"."""
    m = UNIT_NOTE.search(header)
    return m.group(1).replace("％", "%") if m else None


_BRACKETED = re.compile(r"[（(][^()（）]*[)）]")


def header_rows(header: str) -> list[str]:
    """A column's header rows from its text joined with "/"; a "/" inside brackets is
    a division the header states ("执行率(E=D/C)"), not a row break."""
    hidden = _BRACKETED.sub(lambda m: m.group(0).replace("/", "\0"), header)
    return [part.replace("\0", "/") for part in hidden.split("/")]
