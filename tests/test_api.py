"""The public Python API: auditlint.lint, auditlint.lint_many and the types they return."""

from __future__ import annotations

from pathlib import Path

import pytest

import auditlint
from auditlint import Coverage, Finding, Location, Report, Severity, lint, lint_many
from outputs import BAD, WORSE, bad_report

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "corpus" / "examples" / "department-2024.txt"


def test_the_public_names():
    assert sorted(auditlint.__all__) == ["Coverage", "Evidence", "Finding", "Location", "Related", "Report",
                                         "Severity", "__version__", "lint", "lint_many"]
    for name in auditlint.__all__:
        assert getattr(auditlint, name) is not None
    with pytest.raises(AttributeError):
        auditlint.lint_file  # noqa: B018 - the engine is private


def test_lint_a_path(tmp_path):
    path = bad_report(tmp_path, rows=BAD)
    report = lint(path)
    assert isinstance(report, Report) and report.error is None and report.format == "text"
    assert report.path == str(path) and not report.ok
    assert [f.check_id for f in report.findings] == ["AL103", "AL103"]
    f = report.findings[0]
    assert isinstance(f, Finding) and isinstance(f.location, Location) and f.severity is Severity.ERROR
    assert f.evidence is not None and f.evidence.stated in ("715.69", "1782.77") and len(f.fingerprint) == 20
    assert report.count("error") == 2 and report.count(Severity.WARNING) == 0
    assert isinstance(report.coverage, Coverage) and report.coverage.numbers > 0


def test_lint_bytes_with_a_filename_gives_the_same_findings(tmp_path):
    path = bad_report(tmp_path, rows=WORSE)
    from_path = lint(path)
    from_bytes = lint(path.read_bytes(), filename="上传/报告.txt")
    assert from_bytes.path == "上传/报告.txt"
    assert {f.location.path for f in from_bytes.findings} == {"上传/报告.txt"}
    assert [f.fingerprint for f in from_bytes.findings] == [f.fingerprint for f in from_path.findings]
    assert [f.check_id for f in from_bytes.findings] == ["AL301", "AL302"]
    assert lint(path.read_bytes()).path == "<bytes>"


def test_select_ignore_and_lang():
    everything = lint(EXAMPLE)
    assert len(everything.findings) == 10
    only = lint(EXAMPLE, select="AL1")
    assert only.findings and all(f.check_id.startswith("AL1") for f in only.findings)
    assert lint(EXAMPLE, select=["AL1"], ignore=["AL101"]).findings == [
        f for f in only.findings if f.check_id != "AL101"]
    with pytest.raises(ValueError, match="AL999"):
        lint(EXAMPLE, select="AL999")
    with pytest.raises(ValueError, match="lang"):
        lint(EXAMPLE, lang="fr")


def test_an_unreadable_file_is_a_report_with_an_error(tmp_path):
    report = lint(tmp_path / "missing.pdf")
    assert report.error == "no such file" and report.findings == [] and not report.ok
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert lint(empty).error == "the file is empty: nothing to check"


def test_lint_many_keeps_the_order_and_matches_lint(tmp_path):
    a = bad_report(tmp_path, "a.txt", BAD)
    b = bad_report(tmp_path, "b.txt", WORSE)
    paths = [b, tmp_path / "missing.txt", a]
    serial = lint_many(paths)
    parallel = lint_many(paths, jobs=2)
    for reports in (serial, parallel):
        assert [r.path for r in reports] == [str(p) for p in paths]
        assert [len(r.findings) for r in reports] == [2, 0, 2] and reports[1].error == "no such file"
    assert [[f.fingerprint for f in r.findings] for r in parallel] == [[f.fingerprint for f in r.findings] for r in serial]
    assert [f.fingerprint for f in serial[2].findings] == [f.fingerprint for f in lint(a).findings]
    with pytest.raises(ValueError):
        lint_many(paths, select="XX1")


def test_pre_commit_hook_covers_the_report_formats():
    import re

    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "auditlint" and hook["entry"] == "auditlint check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("a.pdf", "dir/报告.docx", "b.html", "c.txt"):
        assert files.search(name), name
    for name in ("a.py", "b.docx.bak", "pdf", "README.md"):
        assert not files.search(name), name
