"""What checks share that is wording, not reading: how a row is quoted in a finding.
Checks import this module and ``auditlint.extract``; never each other."""

from __future__ import annotations

from decimal import Decimal

from auditlint.extract.indicators import IndicatorRowLike
from auditlint.extract.scoring import Indicator, ScoringTable
from auditlint.findings import Evidence, Finding, Message, Related
from auditlint.model import Cell
from auditlint.numbers import Approx, Quantity, fmt
from auditlint.rank import materiality


def cell_text(row: IndicatorRowLike, role: str) -> str:
    cell = row.cells.get(role)
    return cell.text.strip() if cell is not None else ""


def row_snippet(row: IndicatorRowLike) -> str:
    parts = [row.name] + [cell_text(row, r) for r in ("target", "actual", "deviation")]
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------------------
# scoring tables (AL104, AL401–AL410): how points, keys and shared findings are worded

POINTS_BASE = 100.0  # scores are material relative to 100 points


def points(q: Quantity | None) -> str:
    """A weight or score as printed in a message ("" when there is none)."""
    return fmt(q.value) if q is not None and q.value is not None else ""


def points_en(x: Decimal) -> str:
    return f"{fmt(x)} point" + ("" if x == 1 else "s")


def table_key(st: ScoringTable, *parts: str) -> tuple[str, ...]:
    return (str(st.table.index), *parts)


def points_materiality(diff: Decimal | float) -> float:
    return materiality(float(diff), POINTS_BASE)


def rule_finding(st: ScoringTable, ind: Indicator, at: int, message: dict[str, str], evidence: Evidence,
                 confidence: float, mat: float, *key: str) -> Finding:
    """A finding about a rule, at the line of the rule's text it is about; ``message`` is
    the check's template, formatted."""
    return Finding(
        location=ind.rule_location(at) or ind.cells["rule"].location,
        **message,
        evidence=evidence,
        snippet=ind.rule_text[:160],
        confidence=confidence,
        materiality=mat,
        key=table_key(st, *ind.path, *key),
    )


def total_finding(st: ScoringTable, message: Message, what: str, stated: tuple[Quantity, Cell], computed: Approx,
                  values: list[tuple[str, Quantity | None]], stated_text: str | None = None,
                  related: list[Related] | None = None) -> Finding:
    """A printed total (of weights or scores) that its rows do not add up to; ``message``
    takes ``shown``, ``n``, ``got`` and ``diff``."""
    q, cell = stated
    got = fmt(computed.mid)
    diff = abs((q.value or Decimal(0)) - computed.mid)
    return Finding(
        location=cell.location,
        **message.format(shown=stated_text or points(q), n=len(values), got=got, diff=fmt(diff)),
        evidence=Evidence(" + ".join(points(v) for _, v in values[:12]) + (" + …" if len(values) > 12 else ""),
                          points(q), got, fmt(diff), fmt(q.approx.half + computed.half) if q.value is not None else "0",
                          tuple((n, points(v)) for n, v in values)),
        snippet=st.total.snippet if st.total is not None else cell.text,
        related=related or [],
        confidence=0.95,
        materiality=points_materiality(diff),
        key=table_key(st, what + "-total"),
    )


def missing_finding(st: ScoringTable, ind: Indicator, cell: Cell | None, role: str, message: dict[str, str],
                    mat: float) -> Finding:
    """A row without the weight or score its table's column promises."""
    word = {"weight": "权重", "score": "得分"}.get(role, role)
    return Finding(
        location=(cell or ind.cells["name"]).location,
        **message,
        evidence=Evidence(role, cell.text.strip() if cell else "", f"a {role}", expression_zh=word, computed_zh="应填写" + word),
        snippet=ind.snippet,
        confidence=0.85,
        materiality=mat,
        key=table_key(st, *ind.path, f"missing-{role}"),
    )
