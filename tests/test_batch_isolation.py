"""A file that hangs, dies, exhausts memory or trips a bug becomes an error row;
the pool replaces the worker and the rest of the batch completes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditlint.batch.local import Limits, Worker, run_local
from batch_support import batch, isolated_registry, own_workers, read_csv, read_json, trouble_checks, workers_of

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory guard and /proc are Linux's")]

__all__ = ["isolated_registry"]  # a fixture, imported for pytest
# five of the files cannot be checked: batch exits 2, as check does
UNCHECKED = 2
TABLE = "\t项目\n\t预算数\n\t支出数\n\n\t基本支出\n\t1.00\n\t1.00\n\n\t合计\n\t1.00\n\t1.00\n"
WORDS = ("HANG", "EXIT", "SEGV", "HOG", "BOOM", "OK1", "OK2", "OK3", "OK4")


@pytest.fixture
def troubled(tmp_path, isolated_registry):
    folder = tmp_path / "in"
    folder.mkdir()
    for w in WORDS:
        # a small budget table: a report with something to check (its status is "ok")
        (folder / f"{w}.txt").write_text(f"一、说明\n{w}\n" + TABLE, encoding="utf-8")
    return folder, trouble_checks(tmp_path / "checks")


def _assert_troubled_rows(out: Path) -> None:
    """The rows of a batch over the troubled folder with --timeout 3 --memory-limit 1200."""
    rows = {r["path"].rsplit("/", 1)[-1]: r for r in read_csv(out / "reports.csv")}
    assert set(rows) == {f"{w}.txt" for w in WORDS}

    assert rows["HANG.txt"]["error_kind"] == "timeout"
    assert rows["HANG.txt"]["reason"] == "took longer than the 3 s time limit (--timeout); the worker was stopped"
    assert rows["EXIT.txt"]["error_kind"] == "crash"
    assert rows["EXIT.txt"]["reason"] == "the worker process exited with code 3 while checking this file"
    assert rows["SEGV.txt"]["error_kind"] == "crash"
    assert rows["SEGV.txt"]["reason"].startswith("the worker process was killed by SIGSEGV while checking this file")
    assert "Segmentation fault" in rows["SEGV.txt"]["reason"]
    assert rows["HOG.txt"]["error_kind"] == "memory"
    assert "1200 MiB limit (--memory-limit)" in rows["HOG.txt"]["reason"]
    assert rows["BOOM.txt"]["error_kind"] == "internal"
    assert rows["BOOM.txt"]["reason"].startswith("auditlint failed on this file (check ")
    assert "(ValueError: check exploded); its findings are missing" in rows["BOOM.txt"]["reason"]
    for w in ("OK1", "OK2", "OK3", "OK4"):
        assert rows[f"{w}.txt"]["status"] == "ok" and rows[f"{w}.txt"]["reason"] == ""


def test_hang_exit_segfault_memory_and_exceptions_are_error_rows(tmp_path, troubled):
    folder, checks = troubled
    before = own_workers()
    start = time.monotonic()
    res = batch(str(folder), "-o", str(tmp_path / "out"), "--checks", str(checks), "--jobs", "2",
                "--timeout", "3", "--memory-limit", "1200")
    elapsed = time.monotonic() - start
    assert res.exit_code == UNCHECKED, res.output
    _assert_troubled_rows(tmp_path / "out")
    summary = read_json(tmp_path / "out" / "summary.json")
    assert summary["reports"] == {**summary["reports"], "total": 9, "ok": 4, "error": 5}
    assert summary["reports"]["by_error_kind"] == {"crash": 2, "internal": 1, "memory": 1, "timeout": 1}
    assert elapsed < 60  # the hang (600 s) was cut at the limit
    assert own_workers() <= before  # no worker left running


def test_forked_workers_isolate_files_alike_and_leave_nothing_behind(tmp_path, troubled):
    """A batch process of its own forks its first workers from itself (batch/forked.py):
    the same rows as workers started afresh, and none left running."""
    folder, checks = troubled
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "auditlint.cli", "batch", str(folder), "-o", str(out), "--checks",
                             str(checks), "--jobs", "2", "--timeout", "3", "--memory-limit", "1200", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    forked: set[int] = set()
    while proc.poll() is None:
        forked |= workers_of(proc.pid, forked_only=True)
        time.sleep(0.05)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.returncode == UNCHECKED, err
    assert len(forked) >= 1  # HANG alone keeps a forked worker busy for 3 s
    _assert_troubled_rows(out)
    assert not workers_of(proc.pid)


def test_rerun_retries_what_the_machine_caused_and_keeps_what_the_file_caused(tmp_path, troubled):
    folder, checks = troubled
    out = str(tmp_path / "out")
    common = ("--checks", str(checks), "--jobs", "2", "--memory-limit", "1200")
    assert batch(str(folder), "-o", out, *common, "--timeout", "2").exit_code == UNCHECKED
    again = batch(str(folder), "-o", out, *common, "--timeout", "2")
    run = read_json(tmp_path / "out" / "run.json")
    # the crashes (EXIT, SEGV), the timeout (HANG) and the memory error (HOG) are tried
    # again; the check's exception (BOOM) and the four clean files come from the cache
    assert run["computed"] == 4 and run["reused"] == 5, again.output


def test_worker_survives_to_the_next_job_and_is_replaced_after_a_crash(tmp_path, troubled):
    folder, checks = troubled
    from auditlint.engine.run import RunOptions

    opts = RunOptions(checks_dirs=(str(checks),))

    def job(word: str) -> dict:
        return {"sha256": word, "path": str(folder / f"{word}.txt"), "display": f"{word}.txt", "options": opts}

    w = Worker(Limits(timeout=10, memory_mb=1200))
    try:
        assert w.run(job("OK1"))["status"] == "ok"
        pid = w.proc.pid
        assert w.run(job("OK2"))["status"] == "ok" and w.proc.pid == pid  # one process, many files
        assert w.run(job("EXIT"))["error_kind"] == "crash"
        assert w.run(job("OK3"))["status"] == "ok" and w.proc.pid != pid  # a fresh one took over
    finally:
        w.close()


def test_run_local_calls_back_once_per_job_even_when_workers_fail(tmp_path, troubled):
    folder, checks = troubled
    from auditlint.engine.run import RunOptions

    opts = RunOptions(checks_dirs=(str(checks),))
    jobs = [{"sha256": w, "path": str(folder / f"{w}.txt"), "display": w, "options": opts}
            for w in ("EXIT", "OK1", "SEGV", "OK2", "EXIT", "OK3")]
    got = []
    run_local(jobs, 2, Limits(timeout=10, memory_mb=1200), lambda job, rec: got.append((job["sha256"], rec["status"])))
    assert sorted(got) == sorted([("EXIT", "error"), ("EXIT", "error"), ("SEGV", "error"), ("OK1", "ok"),
                                  ("OK2", "ok"), ("OK3", "ok")])


def test_no_fork_beside_another_thread_or_past_half_the_memory_limit():
    import threading

    from auditlint.batch.forked import can_fork

    assert not can_fork(1)  # 1 MiB: any Python process is larger than half of it
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork(0)  # a lock that thread holds would stay held in the child
    finally:
        stop.set()
        other.join()
