"""Facts: what extraction understood of a Document, for checks to read.

Each extractor fills its own field; a check that needs a fact that was not
extracted simply finds an empty list and yields nothing. One module owns each
field (named beside it); others only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from auditlint.model import Document

if TYPE_CHECKING:
    from auditlint.extract.tables import CanonicalTable


@dataclass
class Facts:
    document: Document
    # budget-execution, 三公 and share tables with canonical column roles (extract/tables.py)
    tables: list[CanonicalTable] = field(default_factory=list)
    # narrative statements: totals with parts, shares, year-on-year changes, rates,
    # 其中 lists (extract/narrative.py)
    statements: list[Any] = field(default_factory=list)
    # scoring tables (指标体系得分) with parsed rules (extract/scoring.py)
    scoring: list[Any] = field(default_factory=list)
    # narrative score claims: total score, grade, per-indicator 分值/得分 (extract/score_statements.py)
    score_statements: list[Any] = field(default_factory=list)
    # indicator tables (自评表: 指标名称, 目标值, 完成值, 偏差, 来源) (extract/indicators.py)
    indicators: list[Any] = field(default_factory=list)
    # the report as a whole: year evaluated, report date, unit, title (extract/meta.py)
    meta: Any = None
    # anything else an extractor wants to share, by name
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.document.path

    def tables_of(self, *kinds: str) -> list[CanonicalTable]:
        return [t for t in self.tables if t.kind in kinds]
