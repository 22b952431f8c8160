"""One batch at a time per output folder.

Two runs into one OUTDIR would both do all the work and overwrite each other's
outputs. The first takes an exclusive ``flock`` on ``OUTDIR/.lock`` for its whole
run (the kernel drops it when the process ends, even on ``kill -9``, so a stale
lock never blocks); the second is told which process holds it and stops.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


class OutdirBusy(Exception):
    """Another batch holds the output folder; one line."""


@contextlib.contextmanager
def outdir_lock(outdir: Path) -> Iterator[None]:
    """Hold ``outdir``'s lock for the block; OutdirBusy when another run holds it.
    OSError when the folder cannot be created or written."""
    import fcntl

    outdir.mkdir(parents=True, exist_ok=True)
    fd = os.open(outdir / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise OutdirBusy(f"another auditlint batch (process {holder}) is writing into {outdir}: wait for it to "
                             "finish, or choose another --outdir") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
