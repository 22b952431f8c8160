"""Facts: what extraction understood of a Document, for checks to read.

Each field is computed on first use by the extractor that owns it (named beside
it), so a run that needs only the section outline (``--select AL601``) never parses
the narrative or the scoring tables. An extractor that reads another's field simply
reads it, and that extractor runs first. Checks only read.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

from auditlint.model import Document

if TYPE_CHECKING:
    from auditlint.extract.indicators import IndicatorTable
    from auditlint.extract.meta import ReportMeta
    from auditlint.extract.narrative import Statement
    from auditlint.extract.score_statements import ScoreStatement
    from auditlint.extract.scoring import ScoringTable
    from auditlint.extract.tables import CanonicalTable

# field → the extract module that fills it (its ``extract_into(facts)``)
OWNERS: dict[str, str] = {
    "meta": "meta",
    "tables": "tables",
    "statements": "narrative",
    "indicators": "indicators",
    "scoring": "scoring",
    "score_statements": "score_statements",
}
# key of ``facts.extra`` → the extract module that fills it
EXTRA_OWNERS: dict[str, str] = {
    "outline": "outline",
    "outline_midline": "outline",
    "toc": "toc",
    "toc_mismatches": "toc",
    "comparisons": "comparisons",
    "sum_tables": "tables",
    "counts": "counts",
    "yoy_rates": "yoy_rates",
    "unit_slips": "units",
    "stated_definitions": "kb.definitions",
    "unfilled": "placeholders",
    "halves": "tables",
    "stated_blanks": "stated_blanks",
    "doubled_marks": "doubled_marks",
}
_LISTS = frozenset(OWNERS) - {"meta"}
T = TypeVar("T")


class ExtractionError(Exception):
    """An extractor failed on the document: our bug, not the report's."""

    def __init__(self, module: str, cause: Exception) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.module = module


class _Lazy:
    """A field filled by its owning extractor when first read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, facts: Facts | None, owner: type) -> Any:
        if facts is None:
            return self
        facts.ensure(OWNERS[self.name])
        return facts.__dict__[self.name]


class Extra(dict[str, Any]):
    """``facts.extra``: other extractors' results by name, filled on first use."""

    def __init__(self, facts: Facts) -> None:
        super().__init__()
        self._facts = facts

    def _fill(self, key: str) -> None:
        owner = EXTRA_OWNERS.get(key)
        if owner is not None:
            self._facts.ensure(owner)

    def __getitem__(self, key: str) -> Any:
        self._fill(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self._fill(key)
        return super().__contains__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._fill(key)
        return super().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._fill(key)
        return super().setdefault(key, default)


class Facts:
    # budget-execution, 三公 and share tables with canonical column roles (extract/tables/)
    tables: list[CanonicalTable] = _Lazy()  # type: ignore[assignment]
    # narrative statements: totals with parts, shares, year-on-year changes, rates,
    # 其中 lists (extract/narrative/)
    statements: list[Statement] = _Lazy()  # type: ignore[assignment]
    # scoring tables (指标体系得分) with parsed rules (extract/scoring/)
    scoring: list[ScoringTable] = _Lazy()  # type: ignore[assignment]
    # narrative score claims: total score, grade, per-indicator 分值/得分 (extract/score_statements.py)
    score_statements: list[ScoreStatement] = _Lazy()  # type: ignore[assignment]
    # indicator tables (自评表: 指标名称, 目标值, 完成值, 偏差, 来源) (extract/indicators.py)
    indicators: list[IndicatorTable] = _Lazy()  # type: ignore[assignment]
    # the report as a whole: year evaluated, report date, unit, title (extract/meta.py)
    meta: ReportMeta | None = _Lazy()  # type: ignore[assignment]

    def __init__(self, document: Document) -> None:
        self.document = document
        # anything else an extractor shares, by name (outline, counts, sum_tables)
        self.extra: Extra = Extra(self)
        self._ran: set[str] = set()
        self._memo: dict[Hashable, Any] = {}

    def ensure(self, module: str) -> None:
        """Run the extractor ``module`` unless it has run: its fields get their
        empty defaults first, so it can fill them and read them as it goes."""
        if module in self._ran:
            return
        self._ran.add(module)
        for name, owner in OWNERS.items():
            if owner == module:
                self.__dict__[name] = [] if name in _LISTS else None
        try:
            import_module(f"auditlint.extract.{module}").extract_into(self)
        except (MemoryError, ExtractionError):
            raise
        except Exception as exc:
            raise ExtractionError(module, exc) from exc

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value derived from the facts, computed on the first ask and kept for the
        report: several checks ask for the same derived list (the narrative's stated
        figures), and the facts do not change once read. The caller must not mutate it."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def extracted(self) -> frozenset[str]:
        """The extract modules that have run (``tables``, ``narrative`` …)."""
        return frozenset(self._ran)

    def ensure_all(self) -> None:
        for module in (*OWNERS.values(), *EXTRA_OWNERS.values()):
            self.ensure(module)

    @property
    def path(self) -> str:
        return self.document.path

    def tables_of(self, *kinds: str) -> list[CanonicalTable]:
        return [t for t in self.tables if t.kind in kinds]
