"""One batch from start to end: collect the reports, reuse what the cache holds,
run the rest on an executor (persisting each result as it arrives), then write
the outputs from the cache's records.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditlint import __version__
from auditlint.batch.cache import Cache, atomic_write, config_fingerprint, digest, encode, remove_stale_temporaries
from auditlint.batch.inputs import InputError, Source, collect
from auditlint.batch.local import Limits, run_local
from auditlint.batch.lock import outdir_lock
from auditlint.batch.outputs import ROW_TEXTS, page_name, prepare_parquet, write_all, write_sarif
from auditlint.batch.worker import error_record, fewer_collections


@dataclass
class BatchConfig:
    inputs: tuple[str, ...]
    outdir: Path
    options: Any  # engine.run.RunOptions
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    executor: str = "local"  # "local" | "dask"
    scheduler: str | None = None
    sarif: bool = False
    gx_docs: Path | None = None
    fresh: bool = False  # ignore the cache
    follow_links: bool = False  # follow links out of the input folders
    workbooks: bool = False  # also each report's Excel workbook, as workbook_name(sha) (auditlint serve)


@dataclass
class BatchOutcome:
    rows: list[dict[str, Any]]
    summary: dict[str, Any]
    computed: int  # reports checked in this run
    reused: int  # reports taken from the cache
    notes: list[str]
    seconds: float


class Progress:
    """What the runner tells the user while it works; the CLI supplies a rich bar."""

    def start(self, total: int, reused: int) -> None: ...

    def advance(self, row: dict[str, Any]) -> None: ...

    def stop(self) -> None: ...


def run_batch(cfg: BatchConfig, progress: Progress | None = None, warn: Callable[[str], None] = lambda m: None
              ) -> BatchOutcome:
    """The whole batch, holding OUTDIR's lock (OutdirBusy when another run holds
    it; OSError when OUTDIR cannot be created or written)."""
    sources = collect(cfg.inputs, exclude=cfg.outdir, warn=warn, follow_links=cfg.follow_links)
    if not sources:
        raise InputError("no report files found in " + ", ".join(cfg.inputs))
    with outdir_lock(cfg.outdir), fewer_collections():
        return _run(cfg, sources, progress or Progress())


def _run(cfg: BatchConfig, sources: list[Source], progress: Progress) -> BatchOutcome:
    started = time.perf_counter()
    outdir = cfg.outdir
    notes: list[str] = []

    pages_lang = cfg.options.lang
    fingerprint = config_fingerprint(cfg.options, pages_lang)
    config_key = digest(fingerprint)
    cache = Cache(outdir / ".cache", config_key)
    remove_stale_temporaries(outdir / "reports")  # a page a killed worker was writing
    atomic_write(outdir / ".cache" / "config.json", json.dumps(fingerprint, ensure_ascii=False, indent=2, sort_keys=True))
    want_frames = cfg.gx_docs is not None
    # the workers encode each record and its findings' output rows (worker.encoded)
    base = {"options": cfg.options, "page_lang": pages_lang, "workbook": cfg.workbooks, "encode": True,
            "rows_lang": cfg.options.lang}

    records: dict[str, dict[str, Any]] = {}
    jobs: list[dict[str, Any]] = []
    reused = 0
    for src in sources:
        if src.error is not None:
            continue
        rec = None if cfg.fresh else cache.get(src.sha256, cfg.limits.as_dict())
        if rec is not None and (not want_frames or "frames" in rec or rec.get("status") != "ok"):
            records[src.sha256] = rec
            reused += 1
            continue
        lint = rec is None
        if rec is not None:
            records[src.sha256] = rec  # findings kept; only the frames are computed
        job = {**base, "sha256": src.sha256, "path": src.path, "display": src.path, "lint": lint,
               "frames": want_frames}
        if cfg.executor == "local":  # the workers share this file system: each writes its own files
            job["write_to"] = {"cache": str(cache.path(src.sha256)), "page": str(outdir / page_name(src.sha256))}
        jobs.append(job)

    by_sha = {s.sha256: s for s in sources if s.error is None}
    # the largest first: the last files to start are small, so the workers finish together
    jobs.sort(key=lambda j: by_sha[j["sha256"]].size, reverse=True)
    log_path = outdir / "run.log"
    # Two runs can start in the same second from one process (a library caller, a test); the
    # random tail keeps their log lines apart.
    run_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:6]}"

    with open(log_path, "a", encoding="utf-8") as log:
        def on_result(job: dict[str, Any], record: dict[str, Any]) -> None:
            sha = job["sha256"]
            if not job.get("lint", True):  # frames for a report whose findings were cached
                merged = dict(records[sha])
                for key in ("frames", "frames_error"):
                    if key in record:
                        merged[key] = record[key]
                if record.get("status") == "error":
                    merged["frames_error"] = record.get("error")
                record = merged
            workbook = record.pop("workbook", None)
            if workbook:
                atomic_write(outdir / workbook_name(sha), workbook)
            page = record.pop("page", None)
            if page:
                atomic_write(outdir / page_name(sha), page)
            text = record.get("json")
            if text is None:  # a record made here, or by an executor that does not encode
                if page:
                    record["page_written"] = True
                text = encode(record)
            stored = json.loads(text)
            if not record.get("written"):  # a local worker stores its own
                cache.put_text(sha, text, stored.get("error_kind"))
            if record.get(ROW_TEXTS):
                stored[ROW_TEXTS] = record[ROW_TEXTS]
            records[sha] = stored
            log.write(json.dumps({"run": run_id, "sha256": sha, "path": job["display"],
                                  "status": stored.get("status"), "error_kind": stored.get("error_kind")},
                                 ensure_ascii=False) + "\n")
            log.flush()
            progress.advance(_row(by_sha[sha], stored, outdir))

        # the parquet writer's imports (0.2 s) while the workers work
        preparing = threading.Thread(target=_prepare_outputs, daemon=True, name="auditlint-outputs")

        def on_started() -> None:
            preparing.start()
            progress.start(len(jobs), reused)

        try:
            _execute(cfg, jobs, on_result, on_started)
        finally:
            progress.stop()

    if preparing.ident is not None:
        preparing.join()  # its imports finished before this thread imports the same modules
    rows = []
    for src in sources:
        if src.error is not None:
            rows.append(_row(src, error_record("", "read", src.error), outdir))
        else:
            rows.append(_row(src, records[src.sha256], outdir))

    titles = {spec.id: spec.summary(cfg.options.lang) for spec in cfg.options.enabled()}
    summ = write_all(outdir, rows, cfg.options.lang, config_key, __version__, titles)
    for row in rows:  # written: the outcome's rows are the records as the cache holds them
        row.pop(ROW_TEXTS, None)
    if cfg.sarif:
        write_sarif(outdir / "findings.sarif", rows, cfg.options.enabled(), cfg.options.lang)
    if cfg.gx_docs is not None:
        from auditlint.batch.gx import build_docs

        missing = [r["path"] for r in rows if r.get("frames_error")]
        if missing:
            notes.append(f"Great Expectations: the tables of {len(missing)} report(s) could not be extracted "
                         f"(first: {missing[0]}); they are not in the validation")
        notes.append(build_docs(rows, cfg.gx_docs))
    seconds = time.perf_counter() - started
    computed = len(jobs)
    atomic_write(outdir / "run.json", json.dumps({
        "run": run_id, "reports": len(rows), "computed": computed, "reused": reused,
        "jobs": cfg.jobs, "executor": cfg.executor, "wall_seconds": round(seconds, 3),
        "reports_per_second": round(computed / seconds, 3) if seconds and computed else None,
    }, indent=2) + "\n")
    return BatchOutcome(rows, summ, computed, reused, notes, seconds)


def _prepare_outputs() -> None:
    try:
        prepare_parquet()
    except Exception:  # noqa: BLE001 - write_parquet meets it again and says why
        pass


def workbook_name(sha256: str) -> str:
    return f"workbooks/{sha256[:16]}.xlsx"


def _row(src: Source, record: dict[str, Any], outdir: Path) -> dict[str, Any]:
    row = dict(record)
    row["path"] = src.path
    row["sha256"] = src.sha256
    row["duplicates"] = list(src.duplicates)
    row["page_written"] = bool(record.get("page_written")) and (outdir / page_name(src.sha256)).is_file()
    return row


def _execute(cfg: BatchConfig, jobs: list[dict[str, Any]], on_result, started: Callable[[], None]) -> None:
    """Run the jobs; ``started()`` once the workers are there (the local executor forks
    them from this process, which must have no other thread then)."""
    if not jobs or cfg.executor == "dask":
        started()
    if not jobs:
        return
    if cfg.executor == "dask":
        from auditlint.batch.dask import connect, run_dask

        client, cluster = connect(cfg.scheduler or "local", cfg.jobs)
        try:
            run_dask(jobs, client, cfg.limits, on_result)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return
    run_local(jobs, cfg.jobs, cfg.limits, on_result, started)
