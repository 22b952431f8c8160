"""What checks share that is wording, not reading: how a row, a figure or a total is quoted
in a finding, and the finding builders several checks use. Checks import this module and
``auditlint.extract``; never each other."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike, indicator_rows
from auditlint.extract.narrative import Figure
from auditlint.extract.scoring import Indicator, ScoringTable
from auditlint.extract.tables import CanonicalTable, Row, column_name
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity
from auditlint.model import Cell
from auditlint.numbers import Approx, Quantity, Verdict, fmt
from auditlint.rank import materiality
from auditlint.rank import materiality as _materiality

if TYPE_CHECKING:
    from auditlint.model import Location


def report_indicator_rows(facts: Facts, *, scored: bool | None = None) -> list[tuple[str, IndicatorRowLike]]:
    """``indicator_rows(facts, scored=...)`` as a list, gathered once per report: nine
    checks walk the same rows, and telling which rows offer IndicatorRowLike reads every
    row's target and actual again. The rows are shared: a check must not change them."""
    if scored is None:  # indicator_rows gives the indicator tables' rows, then the scoring tables'
        return report_indicator_rows(facts, scored=False) + report_indicator_rows(facts, scored=True)
    return facts.memo(("indicator_rows", scored), lambda: list(indicator_rows(facts, scored=scored)))


def cell_text(row: IndicatorRowLike, role: str) -> str:
    cell = row.cells.get(role)
    return cell.text.strip() if cell is not None else ""


def row_snippet(row: IndicatorRowLike) -> str:
    parts = [row.name] + [cell_text(row, r) for r in ("target", "actual", "deviation")]
    return " ".join(p for p in parts if p)


# --- how figures are quoted and weighed: arithmetic, ratio and value checks (AL1xx–AL3xx)



def worded(message: Message, **values: object) -> Both:
    """A part of a message (a note added when it applies), worded in both languages."""
    said = message.format(**values)
    return Both(said["message_zh"], said["message_en"])


def joined(*parts: Both) -> Both:
    return Both("".join(p.zh for p in parts), "".join(p.en for p in parts))


NOTHING = Both("", "")


def column_names(ct: CanonicalTable, role: str) -> Both:
    """A column's name as the table prints it (zh) and as its role reads in English."""
    return Both(column_name(ct, role, "zh"), column_name(ct, role, "en"))


def printed(ct: CanonicalTable, row: Row, role: str) -> str:
    """The number as the report prints it ("0" for a blank cell)."""
    cell = row.cells.get(role)
    text = cell.text.strip() if cell is not None else ""
    q = row.values.get(role)
    if q is None or not q.is_number:
        return "0"
    return fmt(q.value, q.decimals) if text else "0"


def table_base(ct: CanonicalTable, role: str) -> float:
    """The table's total in a column, what a discrepancy in it is weighed against (0 when none)."""
    total = ct.total(role)
    return float(total) if total is not None else 0.0


def amount_materiality(ct: CanonicalTable, role: str, row: Row) -> float:
    """A row's amount weighed against its column's total (0.5 when either is missing)."""
    q = row.values.get(role)
    total = ct.total(role)
    if q is None or not q.is_number or not total:
        return 0.5
    return _materiality(float(q.value), float(total))


def sentence_snippet(text: str, limit: int = 120) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pct(value: Decimal, decimals: int = 2) -> str:
    return f"{fmt(value, decimals)}%"


def ratio_finding(
    location: Location,
    message: dict[str, str],
    *,
    expression: str,
    stated: str,
    computed: str,
    verdict: Verdict,
    soft: bool = False,
    snippet: str,
    related: list[Related],
    key: tuple[str, ...],
    operands: tuple[tuple[str, str], ...] = (),
    points: bool = True,
    base: float = 100.0,
) -> Finding:
    """A ratio finding (AL201–AL204) worded by ``message`` (``Message.format(...)``); an
    error only when the verdict is one and not ``soft`` (a mismatch that exists only at
    the column's precision). ``points``: the difference is in percentage points,
    material relative to 100, else relative to ``base``."""
    error = verdict.level == "error" and not soft
    diff = abs(verdict.difference)
    return Finding(
        location=location,
        **message,
        evidence=Evidence(expression=expression, stated=stated, computed=computed, difference=fmt(diff, 2),
                          tolerance=fmt(verdict.tolerance), operands=operands),
        snippet=snippet,
        related=related,
        confidence=0.95 if error else 0.6,
        materiality=min(1.0, float(diff) / 100) if points else _materiality(float(diff), base),
        key=key,
        severity=Severity.ERROR if error else Severity.WARNING,
    )


def figure_ratio_finding(sentence: str, stated: Figure, num: Figure, den: Figure, judged: tuple[Approx, Verdict],
                         message: Message, key: tuple[str, ...], /, **values: object) -> Finding:
    """A percentage the text states against num ÷ den of two of its figures; ``message``
    is worded with ``values`` and numerator, numerator_text, base, base_text, computed, diff."""
    computed, verdict = judged
    got, diff = pct(computed.mid, max(stated.quantity.decimals, 2)), fmt(abs(verdict.difference), 2)
    return ratio_finding(
        stated.location,
        message.format(numerator=num.subject, numerator_text=num.text, base=den.subject, base_text=den.text,
                       computed=got, diff=diff, **values),
        expression=f"{num.text} / {den.text} × 100", stated=stated.text, computed=got, verdict=verdict,
        operands=((num.subject, num.text), (den.subject, den.text)),
        snippet=sentence_snippet(sentence),
        related=[Related(f.location, f"{f.subject}{f.text}") for f in (num, den)],
        key=key,
    )


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
