"""Great Expectations over the batch's canonical tables (``--gx-docs DIR``).

The expectation suite is built from ``extract/value_rules.py``'s ``VALUE_RULES``, the
same rules the pandera schema of AL301/AL302 is built from, so the two cannot
drift: ``ge`` becomes ``expect_column_values_to_be_between(min_value=…)``, ``le`` its
``max_value=…``, ``eq``
becomes ``expect_column_values_to_be_in_set([…])``; nulls are skipped by both, as
the schema's ``nullable=True`` skips them. The canonical budget frames of every
report in the batch (``extract/frame.py``), computed by the workers, are stacked
into one frame with the report's path, the table and the row, validated in an
ephemeral GX context, and rendered as GX Data Docs into DIR.

Scoring tables: their canonical frame is being built with the scoring checks.
When it exists, the worker adds its records to ``frames`` with ``"kind":
"scoring"`` and a ``TableSource`` for it with its rules goes into ``SOURCES``;
nothing else here changes.

great_expectations is imported only here, and only under ``--gx-docs``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

KEY_COLUMNS = ("path", "sha256", "table", "row", "label", "kind")
SITE = "auditlint"


@dataclass(frozen=True)
class TableSource:
    """One family of canonical tables: which frames it takes and its rules."""

    name: str  # the GX data asset
    kinds: frozenset[str] | None  # the frames' ``kind`` it takes; None: every budget-like table
    rules: tuple  # ValueRule-like: check_id, column, op, value, what_en


def sources() -> list[TableSource]:
    from auditlint.extract.value_rules import VALUE_RULES

    return [TableSource("budget_tables", None, VALUE_RULES)]


@dataclass
class Failure:
    check_id: str
    column: str
    path: str
    table: int
    row: int
    value: Any


@dataclass
class Validation:
    success: bool
    expectations: int
    failures: list[Failure]
    docs: Path | None


def expectation_for(gx, rule):
    """The GX expectation of one value rule."""
    meta = {"check_id": rule.check_id, "rule": rule.what_en}
    if rule.op == "ge":
        return gx.expectations.ExpectColumnValuesToBeBetween(column=rule.column, min_value=rule.value, meta=meta)
    if rule.op == "le":
        return gx.expectations.ExpectColumnValuesToBeBetween(column=rule.column, max_value=rule.value, meta=meta)
    if rule.op == "eq":
        return gx.expectations.ExpectColumnValuesToBeInSet(column=rule.column, value_set=[rule.value], meta=meta)
    raise ValueError(f"value rule op {rule.op!r} has no Great Expectations counterpart yet")


def stacked_frame(rows: list[dict[str, Any]], source: TableSource) -> pd.DataFrame:
    """Every canonical table row of the batch, one frame, every rule column present."""
    import pandas as pd

    records = []
    for r in sorted(rows, key=lambda r: r["path"]):
        for frame in r.get("frames") or ():
            if source.kinds is not None and frame.get("kind") not in source.kinds:
                continue
            for rec in frame["rows"]:
                records.append({"path": r["path"], "sha256": r["sha256"], "table": frame["table"], **rec})
    columns = list(dict.fromkeys([*KEY_COLUMNS, *(rule.column for rule in source.rules)]))
    df = pd.DataFrame.from_records(records)
    for c in columns:
        if c not in df.columns:
            df[c] = None
    return df


def _quiet_import():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # no usage statistics leave the machine
    try:
        import great_expectations as gx
    except ImportError:
        raise RuntimeError("--gx-docs needs Great Expectations: pip install 'auditlint[gx]'") from None
    return gx


def validate(rows: list[dict[str, Any]], docs_dir: Path | None) -> Validation:
    gx = _quiet_import()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    actions = []
    if docs_dir is not None:
        docs_dir.mkdir(parents=True, exist_ok=True)
        ctx.add_data_docs_site(site_name=SITE, site_config={
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir.resolve())},
        })
        actions.append(gx.checkpoint.UpdateDataDocsAction(name="data_docs", site_names=[SITE]))
    datasource = ctx.data_sources.add_pandas("auditlint_batch")
    success, count, failures = True, 0, []
    for source in sources():
        df = stacked_frame(rows, source)
        if df.empty:
            continue
        batch_def = datasource.add_dataframe_asset(source.name).add_batch_definition_whole_dataframe("all_reports")
        suite = ctx.suites.add(gx.ExpectationSuite(name=f"auditlint_{source.name}"))
        for rule in source.rules:
            suite.add_expectation(expectation_for(gx, rule))
            count += 1
        vdef = ctx.validation_definitions.add(gx.ValidationDefinition(name=source.name, data=batch_def, suite=suite))
        checkpoint = ctx.checkpoints.add(gx.Checkpoint(
            name=f"auditlint_{source.name}", validation_definitions=[vdef], actions=actions,
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["path", "table", "row"]}))
        result = checkpoint.run(batch_parameters={"dataframe": df})
        success = success and bool(result.success)
        for run in result.run_results.values():
            for r in run.results:
                if r.success:
                    continue
                cfg = r.expectation_config
                column = cfg.kwargs.get("column")
                for hit in r.result.get("unexpected_index_list") or ():
                    failures.append(Failure(cfg.meta.get("check_id", ""), column, str(hit["path"]), int(hit["table"]),
                                            int(hit["row"]), hit.get(column)))
    if docs_dir is not None:
        ctx.build_data_docs(site_names=[SITE])
    failures.sort(key=lambda f: (f.path, f.table, f.row, f.column))
    return Validation(success, count, failures, docs_dir / "index.html" if docs_dir is not None else None)


def build_docs(rows: list[dict[str, Any]], docs_dir: Path) -> str:
    """Validate and write Data Docs; a one-line account for the user."""
    v = validate(rows, docs_dir)
    n_tables = sum(len(r.get("frames") or ()) for r in rows)
    state = "all met" if v.success else f"{len(v.failures)} unexpected values"
    return (f"Great Expectations: {v.expectations} expectations over {n_tables} budget tables, {state}; "
            f"Data Docs in {v.docs}")
