"""The canonical DataFrame of a budget table: one row per table row, one column
per role, for schema validation (pandera in checks, Great Expectations in batch).

pandas is imported only when a frame is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditlint.extract.tables import AMOUNT_ROLES, RATE_BASES, RATE_ROLES, SHARE_ROLES, CanonicalTable, Row

if TYPE_CHECKING:
    import pandas as pd

BASE_ROLES = RATE_BASES  # what a rate is taken over, in order of preference


def canonical_frame(ct: CanonicalTable) -> pd.DataFrame:
    """The table's :func:`canonical_records` as a DataFrame, indexed by row position."""
    import pandas as pd

    return pd.DataFrame.from_records(canonical_records(ct), index=list(range(len(ct.rows))))


def canonical_records(ct: CanonicalTable) -> list[dict[str, object]]:
    """One record per row of ``ct.rows``. Columns: ``label``, ``kind``, each amount and rate role present (float, NaN
    where not a number), ``<rate role>_undefined`` (printed NaN%, #DIV/0!…) and
    ``rate_zero_base`` (a non-zero rate printed over a zero budget). With a rate
    column also ``rate_lo``/``rate_hi``, the interval the printed rate stands for at
    its own printed precision ("100%" is anything in [99.5, 100.5]), and
    ``rate_base``, the column it is taken over ("" when the row has no such figure).
    Plain Python: checking a report needs no pandas."""
    roles = [r for r in ct.roles() if r in AMOUNT_ROLES or r in RATE_ROLES or r in SHARE_ROLES]
    base_role = ct.rate_base()
    records = []
    for row in ct.rows:
        rec: dict[str, object] = {"label": row.label, "kind": row.kind}
        for role in roles:
            q = row.values.get(role)
            rec[role] = float(q.value) if q is not None and q.is_number and q.comparator in (None, "=") else float("nan")
            if role in RATE_ROLES or role in SHARE_ROLES:
                rec[f"{role}_undefined"] = bool(q is not None and q.undefined)
        if "rate" in roles:
            rec.update(_rate_fields(row, roles, base_role))
        records.append(rec)
    return records


def _rate_fields(row: Row, roles: list[str], base_role: str | None) -> dict[str, object]:
    """``rate_zero_base``, ``rate_lo``/``rate_hi`` and ``rate_base`` of one row."""
    base = next((row.values[b] for b in BASE_ROLES if b in roles and row.has(b)), None)
    rate = row.values.get("rate")
    exact = rate is not None and rate.is_number and rate.comparator in (None, "=")
    return {
        "rate_zero_base": bool(
            base is not None and base.value == 0 and rate is not None and rate.is_number and rate.value != 0
        ),
        "rate_lo": float(rate.approx.lo) if exact else float("nan"),  # type: ignore[union-attr]
        "rate_hi": float(rate.approx.hi) if exact else float("nan"),  # type: ignore[union-attr]
        "rate_base": base_role if base_role is not None and row.has(base_role) else "",
    }
