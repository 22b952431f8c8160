"""Worker processes forked from the batch process instead of started afresh.

A fresh ``python -m auditlint.batch.worker`` spends about half a second of CPU
importing the readers, the extraction and the checks before it takes its first
file (more where no bytecode cache can be written); the batch process has
already imported all of that to validate the configuration, so a child forked
from it starts with everything in place, for nothing. The child then runs the
same ``serve`` loop as a fresh worker, over the same pipes and with the same
memory limit, and dies with the batch process.

Forking is only safe from a process with one thread (a lock another thread held
at that moment would stay held forever in the child) and only sensible when the
process is small (the child inherits its address space, which counts against
the worker's memory limit). ``can_fork`` says whether both hold; when they do
not, the caller starts a fresh worker, as it does for every replacement.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from typing import IO

# the name a forked worker gives itself (/proc/PID/comm, at most 15 bytes), with
# the batch process's id: its environment, where a fresh worker carries the same
# mark (local.PARENT_ENV), is the batch process's own and cannot say it
WORKER_NAME = "alworker{parent}"


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def can_fork(memory_mb: int) -> bool:
    """Linux, one thread in this process (native threads included), and an address
    space under half the worker's memory limit."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if _status_kib("Threads") != 1:
        return False
    size_kib = _status_kib("VmSize")
    if size_kib is None:
        return False
    return memory_mb <= 0 or size_kib < memory_mb * 1024 // 2


class Forked:
    """A forked worker, with the part of ``subprocess.Popen`` the batch uses."""

    def __init__(self, pid: int, stdin: IO[bytes], stdout: IO[bytes]):
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self._reap(os.WNOHANG)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if timeout is None:
            while self.returncode is None:
                self._reap(0)
            return self.returncode
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(f"worker {self.pid}", timeout)
            time.sleep(0.01)
        assert self.returncode is not None
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _reap(self, flags: int) -> None:
        try:
            pid, status = os.waitpid(self.pid, flags)
        except ChildProcessError:  # reaped elsewhere: its status is lost
            self.returncode = -signal.SIGKILL
            return
        if pid:
            self.returncode = os.waitstatus_to_exitcode(status)


def fork_worker(memory_mb: int, log_fd: int) -> Forked:
    """A worker forked from this process, its stderr appended to ``log_fd``."""
    from auditlint.batch import worker

    worker.warm_up()  # in this process, once: every child inherits it
    for stream in (sys.stdout, sys.stderr):  # or the child would write our pending output again
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    job_r, job_w = os.pipe()
    out_r, out_w = os.pipe()
    parent = os.getpid()
    # frozen across the fork: the child's first collection (worker._tune_gc) then walks only
    # what it allocates itself, not the inherited heap, whose every page it would have copied
    gc.freeze()
    pid = os.fork()
    if pid != 0:
        gc.unfreeze()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.dup2(job_r, 0)
            os.dup2(out_w, 1)
            os.dup2(log_fd, 2)
            for fd in (job_r, job_w, out_r, out_w):
                os.close(fd)
            _name_process(WORKER_NAME.format(parent=parent))
            # the parent's sys.stdout/stderr may be anything (a test runner's capture)
            sys.stdout = sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)
            worker.serve(["--memory-mb", str(memory_mb), "--parent", str(parent)])
            code = 0
        except BaseException:  # noqa: BLE001 - the traceback goes to the log, as a fresh worker's would
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(job_r)
    os.close(out_w)
    return Forked(pid, os.fdopen(job_w, "wb", buffering=0), os.fdopen(out_r, "rb", buffering=0))


def _name_process(name: str) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass
