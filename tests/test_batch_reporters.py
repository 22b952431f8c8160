"""--sarif (one combined log) and the per-report HTML pages linked from index.html.

They use the output engineer's ``auditlint.report.sarif.sarif_log`` and
``auditlint.report.html.render_html``. The tests against those modules run when
they are installed and skip, saying so, when they are not; the plumbing (pages
written by content hash, links, FileResults rebuilt for SARIF, the one-line
notes when a module is missing) is tested now with stand-ins of the same
signatures, loaded as a --checks folder so the worker processes get them too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from batch_support import batch, isolated_registry, read_csv, read_json
from reports import report

__all__ = ["isolated_registry"]  # a fixture, imported for pytest

# the folder holds empty.txt, which cannot be checked: batch exits 2, as check does
UNCHECKED = 2
BAD = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"],
    ["基本支出", "710.52", "0", "0.86", "715.69", "715.69"],
    ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
    ["合计", "1906.62", "0", "129.89", "1782.77", "1782.77"],
]

STAND_INS = '''
import importlib.machinery, sys, types

def render_html(results, lang="zh"):
    r = results[0]
    return f"<html><body>page of {r.path}: {len(r.findings)} findings, {lang}</body></html>"

def sarif_log(results, checks, lang="zh", root=None):
    return {"version": "2.1.0", "runs": [{"tool": {"driver": {"rules": [c.id for c in checks]}}, "results": [
        {"ruleId": f.check_id, "uri": r.path, "line": f.location.line, "message": f.message(lang)}
        for r in results for f in r.findings], "errors": [[r.path, r.error] for r in results if r.error]}]}

for name, fn in (("auditlint.report.html", render_html), ("auditlint.report.sarif", sarif_log)):
    mod = types.ModuleType(name)
    mod.__spec__ = importlib.machinery.ModuleSpec(name, None)
    setattr(mod, fn.__name__, fn)
    sys.modules[name] = mod
'''


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    (d / "bad.txt").write_text(report(BAD), encoding="utf-8")
    (d / "other.txt").write_text(report(BAD) + "\n附件\n", encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


@pytest.fixture
def stand_ins(tmp_path, isolated_registry):
    saved = {n: sys.modules.get(n) for n in ("auditlint.report.html", "auditlint.report.sarif")}
    d = tmp_path / "stand-ins"
    d.mkdir()
    (d / "reporters.py").write_text(STAND_INS, encoding="utf-8")
    yield d
    for name, mod in saved.items():
        if mod is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = mod


def test_pages_and_sarif_plumbing_with_stand_ins(tmp_path, folder, stand_ins):
    out = tmp_path / "out"
    res = batch(str(folder), "-o", str(out), "--checks", str(stand_ins), "--sarif", "--lang", "en")
    assert res.exit_code == UNCHECKED, res.output
    assert "not installed" not in res.stderr
    reports = {Path(r["path"]).name: r for r in read_csv(out / "reports.csv")}
    page = reports["bad.txt"]["page"]
    assert page == f"reports/{reports['bad.txt']['sha256'][:16]}.html"
    text = (out / page).read_text(encoding="utf-8")
    assert f"page of {folder / 'bad.txt'}: {reports['bad.txt']['findings']} findings, en" in text
    assert reports["empty.txt"]["page"] == ""  # nothing to show for a file that could not be read
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{page}">' in index and f'<a href="{reports["other.txt"]["page"]}">' in index

    log = read_json(out / "findings.sarif")
    run = log["runs"][0]
    findings = read_csv(out / "findings.csv")
    assert [(r["ruleId"], r["uri"], r["line"]) for r in run["results"]] == \
        [(f["check_id"], f["path"], int(f["line"])) for f in findings]
    assert all("adjusted budget" in r["message"] for r in run["results"])
    assert run["errors"] == [[str(folder / "empty.txt"), "the file is empty: nothing to check"]]
    assert "AL103" in run["tool"]["driver"]["rules"]


def test_combined_sarif_log_is_valid_and_has_every_finding(tmp_path, folder):
    out = tmp_path / "out"
    assert batch(str(folder), "-o", str(out), "--sarif").exit_code == UNCHECKED
    log = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    results = [r for run in log["runs"] for r in run.get("results", [])]
    findings = read_csv(out / "findings.csv")
    assert sorted(r["ruleId"] for r in results) == sorted(f["check_id"] for f in findings)
    fingerprints = {v for r in results for v in (r.get("partialFingerprints") or r.get("fingerprints") or {}).values()}
    assert {f["fingerprint"] for f in findings} <= fingerprints or not fingerprints


def test_each_checked_report_has_its_page_linked_from_the_index(tmp_path, folder):
    out = tmp_path / "out"
    assert batch(str(folder), "-o", str(out)).exit_code == UNCHECKED
    index = (out / "index.html").read_text(encoding="utf-8")
    for r in read_csv(out / "reports.csv"):
        if r["status"] != "ok":
            assert r["page"] == ""
            continue
        page = out / r["page"]
        assert page.is_file() and f'href="{r["page"]}"' in index
        text = page.read_text(encoding="utf-8")
        assert "<html" in text.lower() and Path(r["path"]).name in text
