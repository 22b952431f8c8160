"""The batch cache: keys, atomic writes, and which failures are kept."""

from __future__ import annotations

import json
import os

import pytest

from auditlint.batch.cache import _FILE_MODE, Cache, atomic_write, atomic_writer, config_fingerprint, digest
from auditlint.batch.worker import error_record, finding_from, finding_record
from auditlint.engine.run import RunOptions, lint_file
from auditlint.findings import Severity
from reports import report, write

BAD = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"],
    ["基本支出", "710.52", "0", "0.86", "715.69", "715.69"],
    ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
    ["合计", "1906.62", "0", "129.89", "1782.77", "1782.77"],
]


def test_atomic_writer_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "summary.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write("half of the new")
        raise RuntimeError("killed mid-write")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["summary.json"]  # no temporary left behind
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    # the permissions any new file gets, not mkstemp's private 0600
    assert target.stat().st_mode & 0o777 == _FILE_MODE


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path):
    root = tmp_path / ".cache"
    root.mkdir()
    (root / ".abc.json.x1y2.tmp").write_text("{half", encoding="utf-8")
    Cache(root, "cfg")
    assert list(root.iterdir()) == []


def test_put_get_and_unreadable_entries_count_as_missing(tmp_path):
    cache = Cache(tmp_path, "cfg")
    rec = {"sha256": "ab" * 32, "status": "ok", "error_kind": None, "findings": []}
    text = cache.put(rec)
    assert json.loads(text) == rec and cache.get("ab" * 32) == rec
    cache.path("ab" * 32).write_text('{"sha256": "abab', encoding="utf-8")  # torn by a crash
    assert cache.get("ab" * 32) is None
    assert cache.get("cd" * 32) is None


def test_key_depends_on_content_and_configuration():
    a, b = Cache.__new__(Cache), Cache.__new__(Cache)
    a.config_key, b.config_key = "one", "two"
    assert a.key("x") != a.key("y")
    assert a.key("x") != b.key("x")


def test_configuration_fingerprint_follows_what_changes_results(tmp_path):
    base = config_fingerprint(RunOptions(), None)
    assert digest(base) == digest(config_fingerprint(RunOptions(), None))
    assert digest(config_fingerprint(RunOptions(select=frozenset({"AL1"})), None)) != digest(base)
    assert digest(config_fingerprint(RunOptions(severity={"AL101": Severity.WARNING}), None)) != digest(base)
    assert digest(config_fingerprint(RunOptions(), "en")) != digest(base)
    # a local check folder is part of it by content: editing a check redoes the batch
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "mine.py").write_text("# version 1\n", encoding="utf-8")
    one = digest(config_fingerprint(RunOptions(checks_dirs=(str(folder),)), None))
    (folder / "mine.py").write_text("# version 2\n", encoding="utf-8")
    assert digest(config_fingerprint(RunOptions(checks_dirs=(str(folder),)), None)) != one
    assert base["auditlint"].startswith("0.") and "+" in base["auditlint"]


def test_only_a_files_own_outcome_is_kept(tmp_path):
    cache = Cache(tmp_path, "cfg")
    limits = {"timeout": 5.0, "memory_mb": 1000}
    # what the machine caused is tried again on the next run, whatever the limits
    cache.put(error_record("c" * 64, "crash", "killed by SIGSEGV"))
    assert cache.get("c" * 64) is None
    cache.put(error_record("t" * 64, "timeout", "too slow", limits=limits))
    assert cache.get("t" * 64, limits) is None
    cache.put(error_record("m" * 64, "memory", "too big", limits=limits))
    assert cache.get("m" * 64, limits) is None
    assert not cache.path("t" * 64).exists() and not cache.path("m" * 64).exists()
    # what the file caused stands: reading the same bytes would repeat it
    cache.put(error_record("r" * 64, "read", "the file is empty"))
    assert cache.get("r" * 64, limits)["error"] == "the file is empty"
    cache.put(error_record("i" * 64, "internal", "auditlint failed on this file (check AL101 …)"))
    assert cache.get("i" * 64)["error_kind"] == "internal"


def test_finding_record_round_trip_is_exact_and_path_free(tmp_path):
    path = write(tmp_path, report(BAD))
    result = lint_file(path, RunOptions())
    assert result.findings
    for f in result.findings:
        rec = json.loads(json.dumps(finding_record(f)))
        assert "path" not in rec["location"] and str(path) not in json.dumps(rec)
        back = finding_from(rec, str(path))
        assert back == f
        assert back.to_dict("en") == f.to_dict("en") and back.to_dict("zh") == f.to_dict("zh")
