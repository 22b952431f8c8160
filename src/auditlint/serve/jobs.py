"""Jobs: the files of one upload, checked together by the batch engine.

One thread takes the jobs in turn and hands each to ``batch.runner.run_batch`` (the
cache, the isolated worker processes, the per-file time and memory limits are the
batch's own). Jobs run one at a time because the batch holds its output folder's
lock for the whole run; the page polls each job's state while it waits.
The uploads are deleted as soon as their job ends, whatever happened.
"""

from __future__ import annotations

import os
import queue
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditlint.batch.local import Limits
from auditlint.batch.runner import BatchConfig, Progress, run_batch
from auditlint.serve.reasons import reason_zh
from auditlint.serve.results import page_of, workbook_of
from auditlint.serve.uploads import Stored, Workspace

QUEUED, CHECKING, DONE, FAILED = "queued", "checking", "done", "failed"
KEEP_JOBS = 50  # finished jobs kept for their downloads; older ones are forgotten


@dataclass
class FileEntry:
    index: int
    name: str  # the uploaded name, for display only
    size: int
    suffix: str | None  # None: a type the server does not take
    stored: Stored | None = None
    status: str = QUEUED
    reason_zh: str | None = None
    reason_en: str | None = None
    row: dict[str, Any] | None = None  # the batch's row for the file
    page: str | None = None  # the HTML reporter's page, naming the upload by its name
    workbook: bytes | None = None  # the Excel workbook, likewise


@dataclass
class Job:
    lang: str
    files: list[FileEntry]
    id: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    created: float = field(default_factory=time.time)
    state: str = QUEUED

    def fail(self, entry: FileEntry, zh: str, en: str) -> None:
        entry.status, entry.reason_zh, entry.reason_en = FAILED, zh, en


class _FileProgress(Progress):
    """Marks each file as the batch reaches it (its report page is already written then)."""

    def __init__(self, entries: dict[str, list[FileEntry]], outdir: Path, checking: Path) -> None:
        self.entries = entries
        self.outdir = outdir
        self.checking = checking

    def start(self, total: int, reused: int) -> None:
        for group in self.entries.values():
            for e in group:
                e.status = CHECKING

    def advance(self, row: dict[str, Any]) -> None:
        for e in self.entries.get(row["path"], ()):
            _settle(e, row, self.outdir, self.checking)


def _settle(entry: FileEntry, row: dict[str, Any], outdir: Path, checking: Path) -> None:
    """The file's outcome; its state changes last, when everything the page asks for is there."""
    entry.row = row
    if row.get("status") == "error":
        entry.reason_zh = reason_zh(row.get("error_kind"), row.get("error"))
        entry.reason_en = row.get("error") or row.get("error_kind") or "cannot be checked"
        entry.status = FAILED
    else:
        entry.page = page_of(outdir, row, checking, entry.name)
        entry.workbook = workbook_of(outdir, row, entry.name)
        entry.status = DONE


class Checker:
    """The job queue and the thread that runs it."""

    def __init__(self, workspace: Workspace, options: dict[str, Any], limits: Limits, workers: int = 2) -> None:
        self.workspace = workspace
        self.options = options  # lang → RunOptions
        self.limits = limits
        self.workers = workers
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()
        self.todo: queue.Queue[Job | None] = queue.Queue()
        self.thread = threading.Thread(target=self._loop, name="auditlint-serve-jobs", daemon=True)
        self.thread.start()

    def submit(self, job: Job) -> Job:
        with self.lock:
            self.jobs[job.id] = job
            while len(self.jobs) > KEEP_JOBS:
                oldest = next(iter(self.jobs.values()))
                if oldest.state not in (DONE, FAILED):
                    break
                self.jobs.popitem(last=False)
        self.todo.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def stop(self) -> None:
        self.todo.put(None)
        self.thread.join(timeout=30)

    def _loop(self) -> None:
        while (job := self.todo.get()) is not None:
            try:
                self.run(job)
            except Exception as exc:  # noqa: BLE001 - one job's failure must not stop the server
                for e in job.files:
                    if e.status in (QUEUED, CHECKING):
                        job.fail(e, "服务器检查此文件时出错", f"the server failed on this job ({exc!r})")
            finally:
                job.state = DONE

    def run(self, job: Job) -> None:
        job.state = CHECKING
        staged: dict[str, list[FileEntry]] = {}
        try:
            for e in job.files:
                if e.stored is not None and e.suffix is not None and e.status == QUEUED:
                    path = os.path.normpath(str(self.workspace.stage(e.stored, e.suffix)))
                    staged.setdefault(path, []).append(e)
            if staged:
                self._check(job, staged)
        finally:
            leftovers = [e.stored.path for e in job.files if e.stored is not None]
            self.workspace.discard(leftovers)

    def _check(self, job: Job, staged: dict[str, list[FileEntry]]) -> None:
        outdir = self.workspace.results(job.lang)
        cfg = BatchConfig(inputs=tuple(staged), outdir=outdir, options=self.options[job.lang],
                          jobs=max(1, min(self.workers, len(staged))), limits=self.limits, workbooks=True)
        checking = self.workspace.checking
        outcome = run_batch(cfg, _FileProgress(staged, outdir, checking))
        for row in outcome.rows:  # the reports the cache held, and the duplicates, are settled here
            for path in (row["path"], *row.get("duplicates", ())):
                for e in staged.get(path, ()):
                    if e.row is None:
                        _settle(e, row, outdir, checking)
        for group in staged.values():
            for e in group:
                if e.row is None:
                    job.fail(e, "服务器未能检查此文件", "the batch returned no result for this file")

