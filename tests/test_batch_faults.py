"""Batch faults (issue 17): formula injection, links out of the tree, special
files, a shadowing ``auditlint`` folder, exit codes, what is cached, the time
limit after a restart, an unwritable output folder, two runs into one folder."""

from __future__ import annotations

import fcntl
import os
import sys
import time
from pathlib import Path

import pytest

from batch_support import batch, isolated_registry, read_csv, read_json, trouble_checks

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFOs, flock and /proc are Linux's")]
__all__ = ["isolated_registry"]

FORMULA = '=HYPERLINK("http://x","y")'
# a narrative total whose parts do not add up: one AL102 error
WRONG_TOTAL = f"一、预算执行情况\n{FORMULA}本年支出300.00万元（基本支出100.00万元，项目支出250.00万元）。\n"
CLEAN = "一、预算执行情况\n本年支出350.00万元（基本支出100.00万元，项目支出250.00万元）。\n"


def _folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_findings_csv_neutralises_formulas_as_check_csv_does(tmp_path):
    folder = _folder(tmp_path, wrong=WRONG_TOTAL)
    (folder / "=cmd.txt").write_text(WRONG_TOTAL.replace("300.00", "301.00"), encoding="utf-8")
    out = tmp_path / "out"
    batch(str(folder), "-o", str(out))
    rows = read_csv(out / "findings.csv")
    assert len(rows) == 2
    for row in rows:
        assert row["snippet"].startswith("'" + FORMULA)
        assert row["message"].startswith("'" + FORMULA)
        assert not any(v.startswith(("=", "+", "@")) for v in row.values())
    reports = read_csv(out / "reports.csv")
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in reports) == ["=cmd.txt", "wrong.txt"]


def test_a_link_out_of_the_input_folder_is_not_followed_unless_asked(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(WRONG_TOTAL, encoding="utf-8")
    folder = _folder(tmp_path, clean=CLEAN)
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "inside.txt").symlink_to(folder / "clean.txt")  # a link inside the tree is fine
    res = batch(str(folder), "-o", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    paths = sorted(r["path"].rsplit("/", 1)[-1] for r in read_csv(tmp_path / "out" / "reports.csv"))
    assert paths == ["clean.txt"]  # inside.txt: the same bytes, listed as its duplicate
    assert "passwd.txt: 链接指向" in res.stderr and "未跟随" in res.stderr
    res = batch(str(folder), "-o", str(tmp_path / "out2"), "--follow-links")
    paths = sorted(r["path"].rsplit("/", 1)[-1] for r in read_csv(tmp_path / "out2" / "reports.csv"))
    assert paths == ["clean.txt", "passwd.txt"]


def test_fifos_are_error_rows_not_hangs(tmp_path):
    folder = _folder(tmp_path, clean=CLEAN)
    os.mkfifo(folder / "pipe.txt")
    named = tmp_path / "named.txt"
    os.mkfifo(named)
    start = time.monotonic()
    res = batch(str(folder), str(named), "-o", str(tmp_path / "out"))
    assert time.monotonic() - start < 60
    rows = {r["path"].rsplit("/", 1)[-1]: r for r in read_csv(tmp_path / "out" / "reports.csv")}
    assert rows["pipe.txt"]["reason"] == rows["named.txt"]["reason"] == \
        "not a regular file (a named pipe (FIFO)): only files can be checked"
    assert rows["clean.txt"]["status"] == "ok"
    assert res.exit_code == 2


def test_an_auditlint_folder_in_the_current_directory_does_not_shadow_the_package(tmp_path, monkeypatch):
    fake = tmp_path / "cwd" / "auditlint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('the wrong auditlint')\n", encoding="utf-8")
    folder = _folder(tmp_path, clean=CLEAN, wrong=WRONG_TOTAL)
    monkeypatch.chdir(tmp_path / "cwd")
    res = batch(str(folder), "-o", str(tmp_path / "out"))
    rows = read_csv(tmp_path / "out" / "reports.csv")
    assert [r["status"] for r in rows] == ["ok", "ok"], [r["reason"] for r in rows]
    assert res.exit_code == 0


def test_exit_codes_follow_fail_on_and_unchecked_files(tmp_path):
    folder = _folder(tmp_path, clean=CLEAN, wrong=WRONG_TOTAL)
    assert batch(str(folder), "-o", str(tmp_path / "a")).exit_code == 0  # findings are a batch's product
    assert batch(str(folder), "-o", str(tmp_path / "a"), "--fail-on", "error").exit_code == 1
    assert batch(str(folder / "clean.txt"), "-o", str(tmp_path / "b"), "--fail-on", "info").exit_code == 0
    missing = batch(str(folder), str(tmp_path / "nowhere.txt"), "-o", str(tmp_path / "c"), "--fail-on", "never")
    assert missing.exit_code == 2
    (folder / "empty.txt").write_text("", encoding="utf-8")
    assert batch(str(folder), "-o", str(tmp_path / "d")).exit_code == 2


def test_timeouts_and_memory_errors_are_not_cached(tmp_path, isolated_registry):
    folder = _folder(tmp_path, HANG="一、说明\nHANG\n", HOG="一、说明\nHOG\n", OK1="一、说明\nOK1\n")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # a read error: the file's own outcome
    checks = trouble_checks(tmp_path / "checks")
    common = (str(folder), "-o", str(tmp_path / "out"), "--checks", str(checks), "--timeout", "2",
              "--memory-limit", "1200", "--jobs", "2")
    first = batch(*common)
    rows = {r["path"].rsplit("/", 1)[-1]: r for r in read_csv(tmp_path / "out" / "reports.csv")}
    assert (rows["HANG.txt"]["error_kind"], rows["HOG.txt"]["error_kind"]) == ("timeout", "memory")
    assert first.exit_code == 2
    batch(*common)
    run = read_json(tmp_path / "out" / "run.json")
    assert (run["computed"], run["reused"]) == (2, 2)  # HANG and HOG again; OK1 and empty.txt from the cache


def test_a_read_error_from_the_machine_is_not_cached(tmp_path):
    from auditlint.batch.cache import Cache
    from auditlint.batch.worker import error_record

    cache = Cache(tmp_path, "cfg")
    cache.put(error_record("i" * 64, "io", "permission denied: check the file's permissions"))
    assert cache.get("i" * 64) is None
    # an entry an older version stored for a timeout is not served either
    cache.path("t" * 64).write_text('{"sha256": "' + "t" * 64 + '", "status": "error", "error_kind": "timeout"}',
                                    encoding="utf-8")
    assert cache.get("t" * 64) is None


SLOW_IMPORT = '''
import time
time.sleep(4)  # a check package that takes seconds to import, as pandas does on a busy machine
from auditlint.engine.registry import check

@check("ZZ902", "slow-import", severity="info", zh="测试用", en="For tests")
def slow(facts):
    """
    zh:
    测试用。错误示例：无。正确示例：无。

    en:
    For tests. Bad: none. Good: none.
    """
    return []
'''


def test_the_time_limit_starts_when_the_worker_takes_the_file(tmp_path, isolated_registry):
    checks = tmp_path / "slowchecks"
    checks.mkdir()
    (checks / "slow.py").write_text(SLOW_IMPORT, encoding="utf-8")
    folder = _folder(tmp_path, clean=CLEAN)
    res = batch(str(folder), "-o", str(tmp_path / "out"), "--checks", str(checks), "--timeout", "3")
    rows = read_csv(tmp_path / "out" / "reports.csv")
    assert rows[0]["status"] == "ok", rows[0]["reason"]
    assert res.exit_code == 0


def test_an_output_folder_that_cannot_be_created_is_one_line_exit_2(tmp_path):
    folder = _folder(tmp_path, clean=CLEAN)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    res = batch(str(folder), "-o", str(blocker / "out"))
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "无法写入输出" in res.stderr
    assert "Traceback" not in res.output


def test_a_second_batch_into_a_held_folder_stops_and_says_so(tmp_path):
    folder = _folder(tmp_path, clean=CLEAN)
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT)
    try:
        os.write(fd, b"4242\n")
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another run holds it
        res = batch(str(folder), "-o", str(out))
        assert res.exit_code == 2
        assert "另一个 auditlint batch（进程 4242）正在写入" in res.stderr
        assert not (out / "reports.csv").exists()
    finally:
        os.close(fd)
    assert batch(str(folder), "-o", str(out)).exit_code == 0  # released: the next run goes ahead


def test_warnings_escape_control_characters_in_paths(tmp_path):
    folder = _folder(tmp_path, clean=CLEAN)
    outside = tmp_path / "outside.txt"
    outside.write_text(CLEAN, encoding="utf-8")
    (folder / "evil\nAL101 [error] forged.txt").symlink_to(outside)
    res = batch(str(folder), "-o", str(tmp_path / "out"))
    assert "evil\\nAL101 [error] forged.txt: 链接指向" in res.stderr
    assert not any(line.startswith("AL101") for line in res.stderr.splitlines())


def test_a_memory_row_names_the_limit_that_was_hit():
    from auditlint.batch.local import Limits, Worker

    w = Worker(Limits(timeout=5, memory_mb=4096))
    try:
        # under `ulimit -v 1048576` the worker's real limit is 1024 MiB, not --memory-limit's 4096
        assert w._memory_reason(1024) == ("needed more memory than the 1024 MiB the environment allows (ulimit -v); "
                                          "the worker was replaced")
        assert w._memory_reason(4096) == ("needed more memory than the 4096 MiB limit (--memory-limit); "
                                          "the worker was replaced")
    finally:
        w.close()


def test_the_worker_reports_the_address_space_limit_in_force():
    import subprocess

    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
            "from auditlint.batch.worker import _limit_memory; print(_limit_memory(4096), _limit_memory(0))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["3072", "3072"], out.stderr
