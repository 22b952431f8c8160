"""The Dask executor: the same per-file job on a dask.distributed cluster.

Each Dask task receives the report's bytes (workers need not see the batch's
file system), and runs the job in an isolated worker process of its own
(``local.Worker``), kept per Dask worker thread: the time limit, the memory guard
and crash isolation are the local executor's. A task that still takes its Dask
worker down is retried by Dask and, past ``distributed.scheduler.allowed-failures``,
comes back as ``KilledWorker``: a ``crash`` row. At most a few tasks per Dask
thread are in flight at once, so the client never holds every report in memory.

dask is imported only when this executor is chosen (``pip install 'auditlint[dask]'``).
"""

from __future__ import annotations

import atexit
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from auditlint.batch.local import Limits, Worker
from auditlint.batch.worker import error_record

# seconds to reach a scheduler before the batch gives up with one line
CONNECT_TIMEOUT = 20
_local = threading.local()
_workers: list[Worker] = []
_lock = threading.Lock()


def close_workers() -> None:
    """Stop this process's isolated workers (run on every Dask worker after a batch)."""
    with _lock:
        for w in _workers:
            w.close()
        _workers.clear()


atexit.register(close_workers)


def dask_task(job: dict[str, Any], limits: Limits) -> dict[str, Any]:
    """Runs on a Dask worker: writes the report's bytes to a temporary file (kept
    by this side, which outlives a worker killed mid-job) and runs the job in
    this thread's isolated process."""
    worker: Worker | None = getattr(_local, "worker", None)
    if worker is None or worker.closed or worker.limits != limits:
        worker = Worker(limits)
        _local.worker = worker
        with _lock:
            _workers.append(worker)
    # the job is left as it came: Dask may run it again on another worker
    run = {k: v for k, v in job.items() if k not in ("data", "suffix")}
    with tempfile.TemporaryDirectory(prefix="auditlint-") as tmp:
        path = Path(tmp) / f"report{job['suffix']}"
        path.write_bytes(job["data"])
        return worker.run({**run, "path": str(path)})


def _with_bytes(job: dict[str, Any]) -> dict[str, Any]:
    """The job as sent: the report's bytes instead of a path the cluster may not see."""
    path = job.pop("path")
    job["suffix"] = Path(path).suffix.lower()
    job["data"] = Path(path).read_bytes()
    return job


def connect(scheduler: str, n_workers: int):
    """A Client for ``scheduler``: an address (``tcp://host:8786``) or ``local``
    (a LocalCluster on 127.0.0.1 with ``n_workers`` single-threaded workers)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("--executor dask needs Dask: pip install 'auditlint[dask]'") from None
    if scheduler == "local":
        # threads are enough: each task's work is in an isolated process of its own
        cluster = LocalCluster(host="127.0.0.1", protocol="tcp", n_workers=n_workers, threads_per_worker=1,
                               processes=False, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}".replace("\n", " ")) from None


def run_dask(jobs: Iterable[dict[str, Any]], client, limits: Limits,
             on_result: Callable[[dict[str, Any], dict[str, Any]], None], window: int | None = None) -> None:
    """Submit every job to ``client`` (at most ``window`` in flight) and call
    ``on_result(job, record)`` here as each one comes back."""
    from dask.distributed import as_completed

    if window is None:
        threads = sum(client.nthreads().values()) or 1
        window = 2 * threads
    pending: Iterator[dict[str, Any]] = iter(jobs)
    sent: dict[str, dict[str, Any]] = {}

    def submit_next(ac) -> bool:
        job = next(pending, None)
        if job is None:
            return False
        fut = client.submit(dask_task, _with_bytes(dict(job)), limits, pure=False)
        sent[fut.key] = job
        ac.add(fut)
        return True

    ac = as_completed([])
    for _ in range(window):
        if not submit_next(ac):
            break
    for fut in ac:
        job = sent.pop(fut.key)
        try:
            record = fut.result()
        except Exception as exc:  # KilledWorker and friends: the file took its Dask worker down
            record = error_record(job["sha256"], "crash", f"the Dask task failed ({type(exc).__name__}: {exc})"
                                  .replace("\n", " ")[:300])
        fut.release()
        on_result(job, record)
        submit_next(ac)
    # the isolated processes would otherwise idle on every Dask worker until it exits
    client.run(close_workers)
