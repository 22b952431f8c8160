"""The value rules on budget tables (AL301, AL302, AL303) as data, and each table's
breaches of them, found by one pandera schema over the table's canonical DataFrame.

The rules are data (``VALUE_RULES``) so the batch audit can turn the same rules into
a Great Expectations suite. pandas and pandera are imported only when a document
actually has a budget table to validate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditlint.extract.tables import RATE_ROLES, SHARE_ROLES, CanonicalTable

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

    from auditlint.extract.facts import Facts

# amounts that can never be negative; 调整数/追加/扣减 carry a sign by nature
NON_NEGATIVE = ("budget_initial", "budget_adjusted", "received", "actual", "prior_actual")


@dataclass(frozen=True)
class ValueRule:
    """One per-column rule: ``column`` of the canonical frame must satisfy
    ``op`` (``ge``: ≥ value, ``le``: ≤ value, ``eq``: == value) wherever it is not null."""

    check_id: str
    column: str
    op: str
    value: Any
    what_zh: str
    what_en: str


VALUE_RULES: tuple[ValueRule, ...] = (
    *(ValueRule("AL301", role, "ge", 0.0, "金额不应为负数", "an amount cannot be negative") for role in NON_NEGATIVE),
    *(
        ValueRule("AL302", f"{role}_undefined", "eq", False, "比率无定义（如 NaN%、#DIV/0!）", "the rate is undefined (NaN%, #DIV/0!)")
        for role in (*RATE_ROLES, *SHARE_ROLES)
    ),
    ValueRule("AL302", "rate_zero_base", "eq", False, "预算为 0 却印有执行率", "a rate printed over a zero budget"),
    # on the interval the printed rate stands for: "100%" may be 100.4%, "-0.00%" may be 0
    ValueRule("AL303", "rate_hi", "ge", 0.0, "执行率不应为负数", "an execution rate cannot be negative"),
    ValueRule("AL303", "rate_lo", "le", 100.0, "执行率超过 100%", "an execution rate above 100%"),
)

_CHECKS = {"ge": "ge", "le": "le", "eq": "eq"}


def value_schema(columns: list[str]) -> pa.DataFrameSchema:
    """The pandera schema of the rules whose column is in the frame."""
    import pandera.pandas as pa

    spec: dict[str, Any] = {}
    for rule in VALUE_RULES:
        if rule.column not in columns:
            continue
        chk = getattr(pa.Check, _CHECKS[rule.op])(rule.value)
        col = spec.get(rule.column)
        checks = [*(col.checks if col is not None else []), chk]
        spec[rule.column] = pa.Column(checks=checks, nullable=True, required=False)
    return pa.DataFrameSchema(spec)


def budget_tables(facts: Facts) -> list[CanonicalTable]:
    """The tables the value rules apply to: every canonical table with rows."""
    return [ct for ct in facts.tables if ct.rows]


def failures(ct: CanonicalTable) -> dict[str, dict[int, list[str]]]:
    """check id → row position → the frame columns that break a rule there.
    pandera reports a failing row once per column; they are grouped per row. Each
    table is validated once, however many checks ask."""
    memo = ct.memo.get("value_failures")
    if memo is None:
        memo = ct.memo["value_failures"] = _failures(ct)
    return memo  # type: ignore[return-value]


def _failures(ct: CanonicalTable) -> dict[str, dict[int, list[str]]]:
    """The rules evaluated row by row, as the pandera schema of :func:`value_schema`
    evaluates them (null cells pass; a row is reported once per failing column).
    Checking one report this way needs neither pandas nor pandera, whose import costs
    more than the whole check; :func:`schema_failures` is the same through pandera,
    and a test holds the two equal."""
    from auditlint.extract.frame import canonical_records

    out: dict[str, dict[int, list[str]]] = {}
    for index, rec in enumerate(canonical_records(ct)):
        for rule in VALUE_RULES:
            value = rec.get(rule.column)
            if value is None or value != value:  # absent or NaN: nullable
                continue
            if not _holds(rule, value):
                out.setdefault(rule.check_id, {}).setdefault(index, []).append(rule.column)
    return out


def _holds(rule: ValueRule, value: object) -> bool:
    if rule.op == "ge":
        return value >= rule.value  # type: ignore[operator]
    if rule.op == "le":
        return value <= rule.value  # type: ignore[operator]
    return value == rule.value


def schema_failures(ct: CanonicalTable) -> dict[str, dict[int, list[str]]]:
    """:func:`failures` computed by validating the canonical frame with pandera."""
    import pandera.pandas as pa

    from auditlint.extract.frame import canonical_frame

    frame: pd.DataFrame = canonical_frame(ct)
    schema = value_schema(list(frame.columns))
    out: dict[str, dict[int, list[str]]] = {}
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        for rec in cases.to_dict("records"):
            index = rec.get("index")
            if index is None or index != index:  # NaN: a schema-level failure, not a cell
                continue
            column = str(rec["column"])
            for rule in VALUE_RULES:
                if rule.column == column:
                    out.setdefault(rule.check_id, {}).setdefault(int(index), []).append(column)
    return out
