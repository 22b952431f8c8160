"""The words budget tables are read by (``vocab/headers.yaml``): header roles, total
and subtotal labels, 其中 prefixes, 三公 items, and what marks a table as no budget
table.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditlint import vocab


@dataclass(frozen=True)
class Vocabulary:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    sum_after_adjustments: frozenset[str]
    total_labels: tuple[str, ...]
    subtotal_labels: tuple[str, ...]
    of_which_prefixes: tuple[str, ...]
    not_budget: tuple[str, ...]
    sangong_labels: tuple[str, ...]
    sangong_items: tuple[str, ...]


@vocab.cached
def vocabulary() -> Vocabulary:
    """The header words in ``vocab/headers.yaml``."""
    data = vocab.load("headers")
    return Vocabulary(
        roles=tuple((role, tuple(words)) for role, words in data["roles"].items()),
        sum_after_adjustments=frozenset(data.get("sum_after_adjustments", [])),
        total_labels=tuple(data.get("total_labels", [])),
        subtotal_labels=tuple(data.get("subtotal_labels", [])),
        of_which_prefixes=tuple(data.get("of_which_prefixes", [])),
        not_budget=tuple(data.get("not_budget", [])),
        sangong_labels=tuple(data.get("sangong_labels", [])),
        sangong_items=tuple(data.get("sangong_items", [])),
    )
