"""Running jobs in isolated worker processes, with a time limit and a memory guard.

Each worker is a ``python -P -m auditlint.batch.worker`` process (``-P``: the
current folder is not on its ``sys.path``, so an ``auditlint`` folder there cannot
shadow the package) that answers one job at a time. The side that sent the job
waits for the worker to take it (after its imports), then for the answer at most
``timeout`` seconds; a worker that does not answer in time is killed (the file becomes a
``timeout`` row), one that dies (a segfault, ``os._exit``, the OOM killer) becomes
a ``crash`` row with its exit status and the last line it wrote to stderr, and one
that hits its address-space limit answers with a ``memory`` row and exits. A new
worker replaces it and the batch goes on.

The local executor is N threads, each owning one worker process: threads only
wait on pipes, the work is in the processes. Its first N workers are forked from
the batch process, which has already imported everything a job needs
(batch/forked.py); a worker that replaces one that died is started afresh. The Dask executor uses the same
``Worker`` inside each Dask task (batch/dask.py), so both isolate a file alike.
"""

from __future__ import annotations

import os
import queue
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from auditlint.batch.forked import Forked, can_fork, fork_worker
from auditlint.batch.worker import error_record, read_frame, write_frame

# set in every worker's environment: which batch process started it (tests look for leftovers by it)
PARENT_ENV = "AUDITLINT_BATCH_PARENT"
# how long a worker may take to start and take a job (its imports, the job's checks)
# before it counts as crashed; the file's own time limit starts after that
STARTUP_SECONDS = 300.0


@dataclass(frozen=True)
class Limits:
    timeout: float = 120.0  # seconds per file; 0: none
    memory_mb: int = 4096  # address space per worker, MiB; 0: none

    def as_dict(self) -> dict[str, float]:
        return {"timeout": self.timeout, "memory_mb": self.memory_mb}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Worker:
    """One isolated worker process, started on first use and again after it dies."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.closed = False
        self.proc: subprocess.Popen | Forked | None = None
        # stderr of the worker, opened for appending so the child's writes and our
        # reads never share a file offset
        self.log = tempfile.TemporaryFile(mode="a+b")

    def start(self, fork: bool = False) -> None:
        """Start the process now rather than on the first job: forked from this
        process when ``fork`` (the caller knows no other thread runs), else afresh."""
        try:
            if fork:
                self.proc = fork_worker(self.limits.memory_mb, self.log.fileno())
            else:
                self._start()
        except OSError:  # no process now: the first job tries again, and says why if it fails
            self.proc = None

    def _start(self) -> subprocess.Popen:
        env = dict(os.environ, **{PARENT_ENV: str(os.getpid())})
        cmd = [sys.executable, "-P", "-m", "auditlint.batch.worker", "--memory-mb", str(self.limits.memory_mb),
               "--parent", str(os.getpid())]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                     bufsize=0, env=env, close_fds=True)
        return self.proc

    def run(self, job: dict[str, Any]) -> dict[str, Any]:
        """The job's record; never raises for anything the file or a check does."""
        proc = self.proc if self.proc is not None and self.proc.poll() is None else self._start()
        log_at = os.fstat(self.log.fileno()).st_size
        try:
            write_frame(proc.stdin, job)
        except OSError:  # it died while idle: one fresh start
            proc = self._start()
            write_frame(proc.stdin, job)
        taken = self._taken(proc, job, log_at)
        if taken is not None:
            return taken
        # the clock starts now that the worker holds the file, its imports done
        start = time.monotonic()
        timeout = self.limits.timeout or None
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        elapsed = time.monotonic() - start
        if not ready:
            self.stop()
            return error_record(job["sha256"], "timeout",
                                f"took longer than the {self.limits.timeout:g} s time limit (--timeout); "
                                "the worker was stopped", elapsed, limits=self.limits.as_dict())
        try:
            record = read_frame(proc.stdout)
        except (EOFError, OSError, ValueError):
            return self._crashed(job, elapsed, log_at)
        if record.get("error_kind") == "memory":
            record["error"] = self._memory_reason(record.pop("limit_mb", None))
            record["limits"] = self.limits.as_dict()
            self.stop()
        return record

    def _taken(self, proc: subprocess.Popen | Forked, job: dict[str, Any], log_at: int) -> dict[str, Any] | None:
        """Wait for the worker to say it took the job; a crash row if it never does."""
        ready, _, _ = select.select([proc.stdout], [], [], STARTUP_SECONDS)
        if not ready:
            self.stop()
            return error_record(job["sha256"], "crash", f"the worker process did not start within "
                                f"{STARTUP_SECONDS:g} s (the machine is overloaded?)", STARTUP_SECONDS)
        try:
            read_frame(proc.stdout)
        except (EOFError, OSError, ValueError):
            return self._crashed(job, 0.0, log_at)
        return None

    def _memory_reason(self, hit_mb: int | None) -> str:
        ours = self.limits.memory_mb
        if hit_mb and (not ours or hit_mb < ours):
            return (f"needed more memory than the {hit_mb} MiB the environment allows (ulimit -v); "
                    "the worker was replaced")
        return f"needed more memory than the {ours} MiB limit (--memory-limit); the worker was replaced"

    def _crashed(self, job: dict[str, Any], elapsed: float, log_at: int) -> dict[str, Any]:
        assert self.proc is not None
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.stop()
            code = None
        if code is not None and code < 0:
            try:
                how = f"was killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was killed by signal {-code}"
        else:
            how = f"exited with code {code}"
        tail = _last_line(os.pread(self.log.fileno(), 1 << 16, log_at))
        self.proc = None
        reason = f"the worker process {how} while checking this file" + (f": {tail}" if tail else "")
        return error_record(job["sha256"], "crash", reason, elapsed)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()

    def close(self) -> None:
        self.stop()
        self.log.close()
        self.closed = True


def _last_line(data: bytes) -> str:
    """The line that says why: faulthandler's "Fatal Python error" if there is
    one (a traceback follows it), else the last line written."""
    lines = [ln.strip() for ln in data.decode("utf-8", errors="replace").splitlines() if ln.strip()]
    fatal = [ln for ln in lines if ln.startswith("Fatal Python error")]
    return (fatal or lines or [""])[-1][:300]


def run_local(jobs: Iterable[dict[str, Any]], n_workers: int, limits: Limits,
              on_result: Callable[[dict[str, Any], dict[str, Any]], None],
              on_started: Callable[[], None] | None = None) -> None:
    """Run every job on ``n_workers`` isolated processes, in the order given;
    ``on_result(job, record)`` is called in this thread as each finishes, in the
    order they finish. ``on_started()`` is called once the workers are started and
    before any thread is (a caller's threads would stop the workers being forked).
    Ctrl-C stops the workers and propagates."""
    todo: queue.SimpleQueue = queue.SimpleQueue()
    count = 0
    for job in jobs:
        todo.put(job)
        count += 1
    if not count:
        if on_started is not None:
            on_started()
        return
    done: queue.SimpleQueue = queue.SimpleQueue()
    stopping = threading.Event()
    workers = [Worker(limits) for _ in range(max(1, min(n_workers, count)))]

    def loop(worker: Worker) -> None:
        while not stopping.is_set():
            try:
                job = todo.get_nowait()
            except queue.Empty:
                return
            try:
                record = worker.run(job)
            except BaseException as exc:  # our own bug: still one row, never a hung batch
                record = error_record(job["sha256"], "crash", f"the batch could not run this file ({exc!r})")
            done.put((job, record))

    threads = [threading.Thread(target=loop, args=(w,), daemon=True, name=f"auditlint-worker-{i}")
               for i, w in enumerate(workers)]
    try:
        fork = can_fork(limits.memory_mb)  # before any thread of ours runs
        for w in workers:
            w.start(fork)
        if on_started is not None:
            on_started()
        for t in threads:
            t.start()
        for _ in range(count):
            while True:
                try:
                    job, record = done.get(timeout=0.5)
                    break
                except queue.Empty:
                    if not any(t.is_alive() for t in threads) and done.empty():
                        raise RuntimeError("every worker thread stopped before the batch finished") from None
            on_result(job, record)
    finally:
        stopping.set()
        for w in workers:
            w.stop()
        for t in threads:
            if t.ident is not None:
                t.join(timeout=5)
        for w in workers:
            w.log.close()
