"""What checks share that is wording, not reading: how a row is quoted in a finding.
Checks import this module and ``auditlint.extract``; never each other."""

from __future__ import annotations

from auditlint.extract.indicators import IndicatorRowLike


def cell_text(row: IndicatorRowLike, role: str) -> str:
    cell = row.cells.get(role)
    return cell.text.strip() if cell is not None else ""


def row_snippet(row: IndicatorRowLike) -> str:
    parts = [row.name] + [cell_text(row, r) for r in ("target", "actual", "deviation")]
    return " ".join(p for p in parts if p)


# --- how figures are quoted and weighed: arithmetic, ratio and value checks (AL1xx–AL3xx)

from decimal import Decimal  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from auditlint.extract.narrative import Figure  # noqa: E402
from auditlint.extract.tables import CanonicalTable, Row, column_name  # noqa: E402
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity  # noqa: E402
from auditlint.numbers import Approx, Verdict, fmt  # noqa: E402
from auditlint.rank import materiality as _materiality  # noqa: E402

if TYPE_CHECKING:
    from auditlint.model import Location


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
