"""The Dask executor gives the local executor's outputs, on a LocalCluster on loopback."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from corpusgen.batch_folders import write_corrupt, write_reports

from batch_support import EXACT_OUTPUTS, batch, isolated_registry, own_workers, reports_without_seconds, trouble_checks

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory guard is Linux's")]
__all__ = ["isolated_registry"]  # a fixture, imported for pytest


def test_dask_cluster_outputs_equal_the_local_run(tmp_path, isolated_registry, monkeypatch):
    from dask.distributed import LocalCluster

    # this test's own temporary folder: other processes on the machine make auditlint-* folders too
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))

    folder = tmp_path / "reports"
    write_reports(folder / "generated", 40)
    write_corrupt(folder / "corrupt")
    for word in ("HANG", "EXIT"):
        (folder / f"{word}.txt").write_text(f"一、说明\n{word}\n", encoding="utf-8")
    checks = trouble_checks(tmp_path / "checks")
    common = ("--checks", str(checks), "--timeout", "15", "--memory-limit", "1200")  # generous: a loaded machine
    local, remote = tmp_path / "local", tmp_path / "dask"
    # the corrupt files, HANG and EXIT cannot be checked: batch exits 2, as check does
    assert batch(str(folder), "-o", str(local), "--jobs", "2", *common).exit_code == 2

    before = own_workers()
    temporaries = set(Path(tempfile.gettempdir()).glob("auditlint-*"))
    with LocalCluster(host="127.0.0.1", protocol="tcp", n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        res = batch(str(folder), "-o", str(remote), "--executor", "dask", "--scheduler", cluster.scheduler_address,
                    *common)
        assert res.exit_code == 2, res.output
        # a second batch on the same cluster (its workers' isolated processes were stopped after the first)
        again = batch(str(folder), "-o", str(tmp_path / "again"), "--executor", "dask", "--scheduler",
                      cluster.scheduler_address, *common)
        assert again.exit_code == 2, again.output
    assert (tmp_path / "again" / "findings.csv").read_bytes() == (local / "findings.csv").read_bytes()
    assert own_workers() <= before  # the batch stopped the isolated processes it started on the Dask workers
    # the bytes shipped to the workers were written to temporaries, removed even for the killed HANG and EXIT
    assert set(Path(tempfile.gettempdir()).glob("auditlint-*")) <= temporaries

    for name in EXACT_OUTPUTS:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
    rows = reports_without_seconds(remote / "reports.csv")
    assert rows == reports_without_seconds(local / "reports.csv")
    kinds = {r["path"].rsplit("/", 1)[-1]: r["error_kind"] for r in rows}
    assert kinds["HANG.txt"] == "timeout" and kinds["EXIT.txt"] == "crash"  # isolated on Dask too


def test_scheduler_local_starts_its_own_cluster(tmp_path):
    folder = tmp_path / "reports"
    write_reports(folder, 6)
    res = batch(str(folder), "-o", str(tmp_path / "out"), "--executor", "dask", "--scheduler", "local", "--jobs", "1")
    assert res.exit_code == 0, res.output
    assert "共 6 份报告（新检查 6 份，取自缓存 0 份）" in res.stdout


def test_an_unreachable_scheduler_is_one_line_exit_2(tmp_path, monkeypatch):
    from auditlint.batch import dask as batch_dask

    monkeypatch.setattr(batch_dask, "CONNECT_TIMEOUT", 1)
    folder = tmp_path / "reports"
    write_reports(folder, 1)
    res = batch(str(folder), "-o", str(tmp_path / "out"), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:1")
    assert res.exit_code == 2
    assert res.stderr.startswith("auditlint: 无法连接 Dask 调度器 tcp://127.0.0.1:1（技术细节：")
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
