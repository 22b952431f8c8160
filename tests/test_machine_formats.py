"""--format concise, github, gitlab and junit: each parsed as its consumer parses it."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from auditlint.engine.registry import all_checks
from auditlint.report.concise import to_concise
from auditlint.report.github import to_github
from auditlint.report.gitlab import code_quality
from auditlint.report.junit import to_junit
from outputs import WORSE, bad_report, invoke, line_of, pdf_result

CONCISE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<id>AL\d{3}) (?P<msg>\S.*)$")
# the Actions runner's grammar: ::command key=value,key=value::data
WORKFLOW = re.compile(r"^::(?P<cmd>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_concise_lines_parse_as_path_line_col(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path, "a.txt")
    out = invoke("check", "--format", "concise", "a.txt")
    assert out.exit_code == 1
    lines = out.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        m = CONCISE.match(line)
        assert m and m["path"] == "a.txt" and m["id"] == "AL103"
        # the line and column point at the stated figure
        assert line_of(path, int(m["line"]))[int(m["col"]) - 1:].startswith(("715.69", "1782.77"))
    assert lines[0].startswith("a.txt:") and "715.69" in lines[0] + lines[1]


def test_concise_folds_the_page_and_cell_into_the_message():
    (line,) = to_concise([pdf_result()]).splitlines()
    assert line == "scan/年报.pdf:1:1: AL103 [p.3 t.2 r.2 c.4] 基本支出：预算数 710.52 − 扣减 0.86 = 709.66，但调整后为 715.69（差 6.03）"
    assert CONCISE.match(line)["path"] == "scan/年报.pdf"


def test_github_annotations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path, "a,b:c.txt")
    bad_report(tmp_path, "worse.txt", WORSE)
    out = invoke("check", "--format", "github", "a,b:c.txt", "worse.txt").stdout
    annotations = []
    for line in out.splitlines():
        m = WORKFLOW.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m["props"].split(","))
        assert set(props) == {"file", "line", "col", "title"}
        annotations.append((m["cmd"], unescape(props["file"]), int(props["line"]), unescape(props["title"]), unescape(m["data"])))
    assert [(a[0], a[1], a[3][:5]) for a in annotations] == [
        ("error", "a,b:c.txt", "AL103"), ("error", "a,b:c.txt", "AL103"),
        ("error", "worse.txt", "AL301"), ("error", "worse.txt", "AL302")]
    assert annotations[2][2] == 8 and "-1087.3" in annotations[2][4]
    assert annotations[2][3] == "AL301 negative-amount"


def test_github_escapes_what_the_runner_unescapes():
    (line,) = to_github([pdf_result("dir/50%,x.pdf")]).splitlines()
    assert line.startswith("::error file=dir/50%25%2Cx.pdf,line=1,col=1,title=AL103 row-identity-mismatch::[p.3 t.2 r.2 c.4] ")


def test_gitlab_code_quality(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path, "a.txt")
    bad_report(tmp_path, "b.txt")  # the same findings in another file: distinct issues
    issues = json.loads(invoke("check", "--format", "gitlab", "a.txt", "b.txt").stdout)
    assert isinstance(issues, list) and len(issues) == 4
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["description"], str) and issue["check_name"] == "AL103"
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker") and issue["severity"] == "major"
        assert set(issue["location"]) == {"path", "lines"} and isinstance(issue["location"]["lines"]["begin"], int)
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == 4
    assert [i["location"]["path"] for i in issues] == ["a.txt", "a.txt", "b.txt", "b.txt"]
    assert code_quality([pdf_result()])[0]["location"] == {"path": "scan/年报.pdf", "lines": {"begin": 1}}


def test_junit_one_testcase_per_check_per_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path, "a.txt")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = invoke("check", "--format", "junit", "--select", "AL1,AL3", "a.txt", "empty.txt")
    root = ET.fromstring(out.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.txt", "empty.txt"]
    selected = [s for s in all_checks() if s.id.startswith(("AL1", "AL3"))]
    a, empty = suites
    cases = a.findall("testcase")
    assert [c.get("name").split()[0] for c in cases] == [s.id for s in selected]
    assert all(c.get("classname") == "a.txt" for c in cases)
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["AL103 row-identity-mismatch"]
    failure = failed[0].find("failure")
    assert failure.get("type") == "error" and len(failure.text.splitlines()) == 2
    assert all(CONCISE.match(x) for x in failure.text.splitlines())
    assert (a.get("tests"), a.get("failures"), a.get("errors")) == (str(len(selected)), "1", "0")
    assert empty.find("testcase/error") is not None and empty.get("errors") == "1"
    assert root.get("tests") == str(len(selected) + 1) and root.get("failures") == "1" and root.get("errors") == "1"


def test_junit_api_without_findings_passes_every_check():
    root = ET.fromstring(to_junit([], all_checks()))
    assert root.get("tests") == "0" and root.findall("testsuite") == []
