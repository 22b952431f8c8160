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
