"""The per-file job of a batch, and the isolated process that runs it.

``run_job(job)`` checks one report and returns plain data (dicts, lists, strings,
numbers): it pickles cheaply to the parent and to Dask, and it is exactly what the
cache stores. Nothing in it depends on the path the report was found at, so the
same bytes give the same record wherever they are.

``python -P -m auditlint.batch.worker`` is the isolated process the executors
talk to over its stdin/stdout (length-prefixed pickles): it sets its memory limit,
dies with its parent, imports what checking needs, and answers one job at a time:
first ``STARTED`` when it takes the job (the parent's clock for the file starts
then, not while the process was still importing), then the job's record.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import pickle
import struct
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

# a report read but holding nothing checkable (no table, no figure): its own status in the batch
NOTHING = "nothing-to-check"

HEADER = struct.Struct("!Q")
SEVERITIES = ("error", "warning", "info")
STARTED = {"started": True}
# the address-space limit this process really has, MiB (0: none): the batch's
# --memory-limit, or lower when the environment (ulimit -v) already set one
_memory_limit_mb = 0


def with_document(options):
    """The options with the Document kept on the FileResult, for the report's HTML
    page (a RunOptions field the output reporter adds; absent before it)."""
    if any(f.name == "keep_document" for f in dataclasses.fields(options)):
        return dataclasses.replace(options, keep_document=True)
    return options


# -- findings as plain data ---------------------------------------------------------

def finding_record(f) -> dict[str, Any]:
    """Every field of a Finding, both languages, with no path: enough to rebuild it."""
    d = plain(f)
    d["severity"] = f.severity.value if f.severity else None
    d["location"].pop("path", None)
    for r in d["related"]:
        r["location"].pop("path", None)
    return d


# copy.deepcopy gives these back as they are
_ATOMIC = frozenset({str, int, float, bool, type(None), Decimal})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(obj: Any) -> Any:
    """``dataclasses.asdict`` without its deep copy of every string and number (a
    report's findings hold thousands): the same dicts, lists and tuples, sharing the
    immutable leaves."""
    kind = type(obj)
    if kind in _ATOMIC or isinstance(obj, Enum):
        return obj
    # most values are strings and numbers: they are kept without a call
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for name in _field_names(kind):
            v = getattr(obj, name)
            out[name] = v if type(v) in _ATOMIC else plain(v)
        return out
    if kind is list:
        return [v if type(v) in _ATOMIC else plain(v) for v in obj]
    if kind is tuple:
        return tuple(v if type(v) in _ATOMIC else plain(v) for v in obj)
    if kind is dict:
        return {plain(k): plain(v) for k, v in obj.items()}
    return copy.deepcopy(obj)


def finding_from(record: dict[str, Any], path: str):
    """The Finding a record was made from, located in ``path``."""
    from auditlint.findings import Evidence, Finding, Related, Severity
    from auditlint.model import Location

    d = dict(record)
    d["location"] = Location(path=path, **d["location"])
    ev = d.get("evidence")
    if ev is not None:
        d["evidence"] = Evidence(**{**ev, "operands": tuple(tuple(o) for o in ev.get("operands") or ())})
    d["related"] = [Related(Location(path=path, **r["location"]), r["snippet"]) for r in d.get("related") or ()]
    d["key"] = tuple(d.get("key") or ())
    d["severity"] = Severity.parse(d["severity"]) if d.get("severity") else None
    names = {f.name for f in dataclasses.fields(Finding)}
    return Finding(**{k: v for k, v in d.items() if k in names})


def file_result_from(row: dict[str, Any]):
    """A FileResult (for the SARIF and HTML reporters) from an assembled row."""
    from auditlint.engine.run import FileResult

    return FileResult(
        path=row["path"],
        findings=[finding_from(r, row["path"]) for r in row.get("findings") or ()],
        error=row.get("error"),
        format=row.get("format"),
        pages=row.get("pages"),
        seconds=row.get("seconds") or 0.0,
        stated_total_score=row.get("stated_total_score"),
    )


# -- the job ------------------------------------------------------------------------

def error_record(sha256: str, kind: str, reason: str, seconds: float = 0.0, **extra: Any) -> dict[str, Any]:
    return {"sha256": sha256, "status": "error", "error_kind": kind, "error": reason, "format": None, "pages": None,
            "seconds": round(seconds, 3), "stated_total_score": None, "risk": 0.0,
            "counts": dict.fromkeys(SEVERITIES, 0), "findings": [], **extra}


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".replace("\n", " ")[:300]


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """Check one report. ``job``: ``sha256``, ``path`` (the file to read),
    ``display`` (the path shown), ``options`` (a RunOptions); ``lint`` and
    ``frames`` (what to compute) and ``page_lang`` (render the report's HTML
    page, or None)."""
    start = time.perf_counter()
    sha = job["sha256"]
    path = job["path"]
    try:
        record: dict[str, Any] = {"sha256": sha}
        if job.get("lint", True):
            record = _lint(job, path, sha)
    except MemoryError:  # the parent words it, naming the limit that was hit
        return error_record(sha, "memory", "", time.perf_counter() - start, limit_mb=_memory_limit_mb)
    except Exception as exc:  # a bug in a check or reader must not end the batch
        return error_record(sha, "internal", f"auditlint failed on this file ({_one_line(exc)})",
                            time.perf_counter() - start)
    if job.get("frames") and record.get("status", "ok") == "ok":
        # only for Great Expectations: a failure here leaves the findings as they are
        try:
            record["frames"] = budget_frames(path, job["display"])
        except MemoryError:
            record["frames_error"] = "out of memory"
        except Exception as exc:
            record["frames_error"] = _one_line(exc)
    # an error record is reworded by the batch process; frames alone are merged there
    if job.get("encode") and job.get("lint", True) and record.get("status") != "error":
        return encoded(record, job.get("rows_lang"), job.get("write_to"))
    return record


def encoded(record: dict[str, Any], rows_lang: str | None = None,
            write_to: dict[str, str] | None = None) -> dict[str, Any]:
    """The record as the batch process stores it, encoded here: the JSON text the
    cache keeps (``json``), the page and workbook beside it, and, with ``rows_lang``,
    the report's findings.csv and parquet rows (``outputs.ROW_TEXTS``). With
    ``write_to`` (``cache`` and ``page``: the files on this machine), the cache entry
    and the page are written here, and ``written`` says so. A batch process that
    encoded and wrote every report itself would be the bottleneck of two workers."""
    from auditlint.batch.cache import atomic_write, encode
    from auditlint.batch.outputs import ROW_TEXTS, row_texts

    record = dict(record)
    envelope = {"sha256": record["sha256"], "status": record.get("status"), "error_kind": record.get("error_kind")}
    for key in ("page", "workbook"):
        value = record.pop(key, None)
        if value:
            envelope[key] = value
    if "page" in envelope:
        record["page_written"] = True
    envelope["json"] = encode(record)
    if rows_lang and record.get("findings"):
        envelope[ROW_TEXTS] = row_texts(record["findings"], rows_lang)
    if write_to:
        try:
            if "page" in envelope:
                atomic_write(write_to["page"], envelope["page"])
            atomic_write(write_to["cache"], envelope["json"])
        except OSError:  # the batch process writes them, and says why if it cannot either
            return envelope
        envelope.pop("page", None)
        envelope["written"] = True
    return envelope


def _lint(job: dict[str, Any], path: str, sha: str) -> dict[str, Any]:
    from auditlint.engine.run import lint_file
    from auditlint.rank import report_risk

    options = job["options"]
    if job.get("page_lang"):
        options = with_document(options)
    result = lint_file(path, options, job["display"])
    if result.error:
        # a file that cannot even be opened now (permissions, a disk error) may open
        # next time: that is not the file's own outcome, and is not cached
        kind = "read" if _openable(path) else "io"
        return error_record(sha, kind, result.error, result.seconds)
    if result.problems:  # a check failed: the report's findings are incomplete
        return error_record(sha, "internal", f"auditlint failed on this file ({'; '.join(result.problems)})",
                            result.seconds)
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in result.findings:
        if f.severity is not None:
            counts[f.severity.value] += 1
    record = {
        # read, but no table and no figure in it: its own status, never among the clean reports
        "sha256": sha, "status": NOTHING if result.nothing_to_check else "ok", "error_kind": None, "error": None,
        "format": result.format,
        "pages": result.pages, "seconds": round(result.seconds, 3),
        "stated_total_score": None if result.stated_total_score is None else str(result.stated_total_score),
        "risk": report_risk(result.findings), "counts": counts,
        "findings": [finding_record(f) for f in result.findings],
    }
    if job.get("page_lang"):
        record["page"] = _page(result, job["page_lang"])
        if job.get("workbook"):  # auditlint serve: the Excel workbook, tables and all, while the Document is here
            from auditlint.report.xlsx import render_xlsx

            record["workbook"] = render_xlsx([result], job["page_lang"])
    return record


def _openable(path: str) -> bool:
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


def _page(result, lang: str) -> str:
    from auditlint.report.html import render_html

    return render_html([result], lang=lang)


def budget_frames(path: str, display: str) -> list[dict[str, Any]]:
    """The canonical frames of the report's budget tables, as records (for the
    Great Expectations suite). NaN becomes None so the records are plain JSON."""
    from auditlint.extract import extract
    from auditlint.extract.frame import canonical_frame
    from auditlint.readers import read

    facts = extract(read(path, display))
    out = []
    for ct in facts.tables:
        if not ct.rows:
            continue
        frame = canonical_frame(ct)
        rows = [{k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                for rec in frame.to_dict("records")]
        for i, rec in enumerate(rows):
            rec["row"] = i
        out.append({"table": ct.table.index, "kind": ct.kind, "rows": rows})
    return out


# -- the isolated process -------------------------------------------------------------

def read_frame(stream) -> Any:
    head = _read_exactly(stream, HEADER.size)
    return pickle.loads(_read_exactly(stream, HEADER.unpack(head)[0]))


def write_frame(stream, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exactly(stream, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = stream.read(n - len(buf))
        if not chunk:
            raise EOFError("the other side closed the pipe")
        buf += chunk
    return bytes(buf)


def _die_with_parent(parent: int) -> None:
    """Linux: be killed when the parent dies, even in the middle of a job that
    hangs (a closed stdin only wakes an idle worker)."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(0)


def _limit_memory(mib: int) -> int:
    """The memory guard: a cap on the address space (RLIMIT_AS), so an allocation
    past it raises MemoryError in this process instead of swapping the machine.
    Returns the limit in force, MiB (0: none), which may be the environment's."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    inherited = min((v for v in (soft, hard) if v != resource.RLIM_INFINITY), default=0)
    if mib <= 0:
        return inherited >> 20
    limit = mib * 1024 * 1024
    if inherited:
        limit = min(limit, inherited)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit >> 20


def warm_up() -> None:
    """Import what every job needs before taking one, so that the time a job is
    given is spent on its file (the imports take seconds on a busy machine). The
    batch process calls it too before it forks workers (batch/forked.py)."""
    from importlib import import_module

    import auditlint.batch.outputs  # noqa: F401 - each record's output rows
    import auditlint.engine.run  # noqa: F401
    import auditlint.extract  # noqa: F401
    import auditlint.extract.coverage  # noqa: F401
    import auditlint.rank  # noqa: F401
    import auditlint.readers  # noqa: F401
    import auditlint.readers.text  # noqa: F401
    import auditlint.report.html  # noqa: F401 - each report's page
    from auditlint import vocab
    from auditlint.engine import registry
    from auditlint.extract.facts import EXTRA_OWNERS, OWNERS

    registry.load_builtin()
    for module in sorted({*OWNERS.values(), *EXTRA_OWNERS.values()}):  # imported by the facts when first read
        import_module(f"auditlint.extract.{module}")
    for name in vocab.NAMES:  # the built-in words, parsed once
        vocab.load(name)


# objects allocated between two collections of the youngest generation (CPython's
# default is 700): a report allocates hundreds of thousands, nearly all freed by
# reference counting, and at 700 the collector ran about 500 times per 30 reports
# for a few per cent of the worker's time
GC_YOUNG = 50_000


def _tune_gc() -> None:
    """Fewer garbage collections in a worker: the imported modules and the checks
    (tens of thousands of objects that live as long as the process) are set aside
    from every later collection, and the youngest generation is collected less
    often. Only when cycles are freed changes, never what a job computes."""
    import gc

    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, older, oldest)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The batch process's youngest generation collected as seldom as a worker's while
    the batch runs: it keeps every record it receives (thousands of objects each), and
    at CPython's default it spent a tenth of its CPU, taken from the workers, walking
    them again. The threshold is restored afterwards (``auditlint serve`` runs many batches
    in one process)."""
    import gc

    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG), older, oldest)
    try:
        yield
    finally:
        gc.set_threshold(young, older, oldest)


def _prepare(job: dict[str, Any]) -> None:
    """Load the job's checks (plug-ins, --checks folders) before its clock starts;
    a failure here is the job's own, reported by run_job."""
    try:
        job["options"].enabled()
    except Exception:  # noqa: BLE001 - run_job meets and reports it again
        pass


def serve(argv: list[str]) -> None:
    import argparse
    import signal

    ap = argparse.ArgumentParser(prog="python -m auditlint.batch.worker")
    ap.add_argument("--memory-mb", type=int, default=0)
    ap.add_argument("--parent", type=int, default=0)
    args = ap.parse_args(argv)
    if args.parent:
        _die_with_parent(args.parent)
    # Ctrl-C reaches the whole process group; the parent decides what stops
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the protocol owns the real stdin/stdout; anything a library prints goes to stderr
    proto_in = os.fdopen(os.dup(0), "rb", buffering=0)
    proto_out = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    global _memory_limit_mb
    _memory_limit_mb = _limit_memory(args.memory_mb)
    import faulthandler

    # a segfault leaves "Fatal Python error: …" for the crash row; fd 2 by number, since a
    # forked worker's sys.stderr object is its parent's
    faulthandler.enable(file=2)
    warm_up()
    _tune_gc()
    while True:
        try:
            job = read_frame(proto_in)
        except EOFError:
            return
        _prepare(job)
        write_frame(proto_out, STARTED)
        record = run_job(job)
        write_frame(proto_out, record)
        if record.get("error_kind") == "memory":
            return  # a process that ran out of memory is not trusted with the next file


if __name__ == "__main__":
    serve(sys.argv[1:])
