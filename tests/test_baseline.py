"""Baselines: --write-baseline records today's findings, --baseline reports only new
ones; matching survives moved lines, renames and format changes, not a changed number."""

from __future__ import annotations

import json

from auditlint.engine.baseline import Baseline, BaselineError, load_baseline
from outputs import BAD, WORSE, bad_report, invoke, run
from reports import report

# BAD with new mistakes: 项目支出 1196.10 − 129.03 printed as 1077.07, so 合计 no longer adds up either
WORSE_AFTER_EDIT = [row[:] for row in BAD]
WORSE_AFTER_EDIT[2][4] = "1077.07"


def test_write_then_only_new_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path)
    res = invoke("check", "report.txt", "--write-baseline", "base.json")
    assert res.exit_code == 0 and res.stdout == ""
    assert res.stderr.strip() == "auditlint: 已把 2 个问题记入 base.json"
    doc = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert doc["format"] == "auditlint-baseline" and doc["version"] == 1
    assert [(e["path"], e["check_id"]) for e in doc["findings"]] == [("report.txt", "AL103")] * 2
    assert {e["fingerprint"] for e in doc["findings"]} == {f.fingerprint for f in run([path])[0].findings}

    res = invoke("check", "report.txt", "--baseline", "base.json")
    assert res.exit_code == 0
    assert res.stdout.strip().splitlines()[-1] == "检查了 1 个文件，未发现问题。另有 2 个已记入基线，未显示。"

    # the finance office edits the report and makes a new mistake: only that one shows
    path.write_text(report(WORSE_AFTER_EDIT), encoding="utf-8")
    res = invoke("check", "report.txt", "--baseline", "base.json", "--format", "json")
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    new = {(f["check_id"], f["evidence"]["stated"], f["evidence"]["computed"]) for f in doc["files"][0]["findings"]}
    assert new == {("AL103", "1077.07", "1067.07"), ("AL101", "1782.77", "1792.76")}
    assert doc["summary"]["baselined"] == 2  # the two accepted ones are still there, still hidden


def test_moved_lines_renamed_file_still_match(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path)
    invoke("check", "report.txt", "--write-baseline", "base.json")
    moved = tmp_path / "report-v2.txt"
    moved.write_text("封面\n\n目录\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    res = invoke("check", "report-v2.txt", "--baseline", "base.json")
    assert res.exit_code == 0 and "另有 2 个已记入基线" in res.stdout


def test_a_changed_number_is_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path)
    invoke("check", "report.txt", "--write-baseline", "base.json")
    # 基本支出 corrected to a different wrong value: a different finding
    rows = [row[:] for row in BAD]
    rows[1][4] = "712.69"
    path.write_text(report(rows), encoding="utf-8")
    res = invoke("check", "report.txt", "--baseline", "base.json", "--format", "json")
    doc = json.loads(res.stdout)
    new = {(f["check_id"], f["evidence"]["stated"]) for f in doc["files"][0]["findings"]}
    assert res.exit_code == 1 and new == {("AL103", "712.69"), ("AL101", "1782.77")}
    assert doc["summary"]["baselined"] == 1  # 合计's row identity, unchanged


def test_one_accepted_mistake_hides_one_finding(tmp_path):
    a = bad_report(tmp_path, "a.txt")
    b = bad_report(tmp_path, "b.txt")  # the same two mistakes in another report
    results = run([a])
    baseline = Baseline()
    for f in results[0].findings:
        baseline.by_path[(str(a), f.fingerprint)] += 1
    both = run([b, a])
    assert baseline.apply(both) == 2
    assert [len(r.findings) for r in both] == [2, 0]  # a's own findings matched first, b's stay new
    only_b = run([b])
    assert Baseline(baseline.by_path).apply(only_b) == 2 and only_b[0].findings == []  # renamed/converted


def test_bad_baseline_files_are_one_line_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    for content, words in [
        (None, "基线文件不存在"),
        ("{not json", "JSON 无效"),
        ('{"format": "sarif"}', "不是 auditlint 的基线文件"),
        ('{"format": "auditlint-baseline", "version": 9, "findings": []}', "version 9"),
        ('{"format": "auditlint-baseline", "version": 1, "findings": [{"path": "x"}]}', "needs a fingerprint"),
    ]:
        target = tmp_path / "base.json"
        target.unlink(missing_ok=True)
        if content is not None:
            target.write_text(content, encoding="utf-8")
        res = invoke("check", "report.txt", "--baseline", "base.json")
        assert res.exit_code == 2 and res.stdout == ""
        (line,) = res.stderr.strip().splitlines()
        assert "base.json" in line and words in line
        if content is not None:
            try:
                load_baseline(target)
            except BaselineError:
                pass
            else:
                raise AssertionError("load_baseline accepted a bad file")


def test_baseline_file_is_stable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path, "a.txt")
    bad_report(tmp_path, "b.txt", WORSE)
    invoke("check", "b.txt", "a.txt", "--write-baseline", "one.json")
    invoke("check", "a.txt", "b.txt", "--write-baseline", "two.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    assert invoke("check", "a.txt", "b.txt", "--baseline", "one.json").exit_code == 0
