"""JSON, CSV and JSON Lines, the rank formula, and byte-identical output run to run."""

from __future__ import annotations

import csv
import io
import json

import pytest

from auditlint.findings import Finding, Severity
from auditlint.model import Location
from auditlint.rank import by_risk, materiality, rank_of, report_risk
from auditlint.report.tabular import FIELDS, to_csv
from outputs import WORSE, bad_report, invoke, line_of, pdf_result, run


def two_reports(tmp_path):
    return bad_report(tmp_path, "a.txt"), bad_report(tmp_path, "b.txt", WORSE)


@pytest.mark.parametrize("fmt", ["json", "sarif", "csv", "jsonl", "html"])
def test_same_input_same_bytes(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    a, b = two_reports(tmp_path)
    first = invoke("check", "--format", fmt, "a.txt", "b.txt")
    second = invoke("check", "--format", fmt, "a.txt", "b.txt")
    assert first.exit_code == 1 and first.stdout_bytes == second.stdout_bytes
    assert str(tmp_path) not in first.stdout  # no absolute paths unless given


def test_json_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    two_reports(tmp_path)
    doc = json.loads(invoke("check", "--format", "json", "a.txt", "b.txt").stdout)
    a, b = doc["files"]
    assert (a["path"], b["path"]) == ("a.txt", "b.txt") and a["format"] == "text"
    for entry in (a, b):
        ranks = [f["rank"] for f in entry["findings"]]
        assert ranks == sorted(ranks, reverse=True)
        assert entry["risk"] == report_risk_of(entry)
    neg = b["findings"][0]
    assert (neg["check_id"], neg["rank"], neg["evidence"]["stated"]) == ("AL301", 97.0, "-1087.3")
    assert neg["materiality"] == 1.0 and neg["location"]["line"] == 8
    assert doc["summary"] == {"files": 2, "files_with_errors": 0, "findings": 4,
                              "by_severity": {"error": 4, "warning": 0, "info": 0},
                              "by_check": {"AL103": 2, "AL301": 1, "AL302": 1}, "baselined": 0}


def report_risk_of(entry: dict) -> float:
    return round(sum(f["rank"] for f in entry["findings"]), 1)


def test_csv_for_spreadsheets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a, b = two_reports(tmp_path)
    res = invoke("check", "--format", "csv", "a.txt", "b.txt", "-o", "out.csv")
    assert res.exit_code == 1 and res.stdout == ""
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM for Excel, RFC 4180 rows
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == list(FIELDS)
    assert [r["check_id"] for r in rows] == ["AL301", "AL302", "AL103", "AL103"]  # by rank over both files
    assert [float(r["rank"]) for r in rows] == sorted((float(r["rank"]) for r in rows), reverse=True)
    neg = rows[0]
    assert (neg["path"], neg["line"], neg["stated"], neg["computed"]) == ("b.txt", "8", "-1087.3", "≥ 0")
    assert line_of(b, int(neg["line"])) == "\t-1087.3"
    # "-1087.3 ≥ 0" would start a formula in Excel; "-1087.3" is a plain number and stays one
    assert neg["expression"] == "'-1087.3 ≥ 0" and neg["stated"] == "-1087.3"
    al103 = rows[2]
    assert (al103["path"], al103["line"], al103["stated"], al103["computed"], al103["difference"]) == (
        "a.txt", "13", "715.69", "709.66", "6.03")
    assert al103["page"] == "" and al103["severity"] == "error"


def test_csv_escapes_only_what_excel_would_run():
    r = pdf_result()
    r.findings[0].evidence = type(r.findings[0].evidence)("=1+2", "+5%", "@x", "-0.5", "-")
    (row,) = csv.DictReader(io.StringIO(to_csv([r]).lstrip("\ufeff"), newline=""))
    assert (row["expression"], row["stated"], row["computed"], row["difference"], row["tolerance"]) == (
        "'=1+2", "+5%", "'@x", "-0.5", "'-")
    assert row["page"] == "3" and row["table"] == "2" and row["line"] == ""


def test_jsonl_one_finding_per_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    two_reports(tmp_path)
    out = invoke("check", "--format", "jsonl", "--lang", "en", "a.txt", "b.txt").stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 4 and all(list(r) == list(FIELDS) for r in records)
    first = records[0]
    assert first["check_id"] == "AL301" and first["line"] == 8 and first["page"] is None
    assert first["expression"] == "-1087.3 ≥ 0"  # no spreadsheet escaping in JSON
    assert first["message"] == "党团活动经费: negative adjusted budget -1087.3"


def test_statistics_as_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    two_reports(tmp_path)
    stats = json.loads(invoke("check", "--statistics", "--format", "json", "a.txt", "b.txt").stdout)
    assert [(s["code"], s["count"]) for s in stats] == [("AL103", 2), ("AL301", 1), ("AL302", 1)]
    assert stats[0]["name"] == "row-identity-mismatch" and stats[0]["severity"] == "error"
    res = invoke("check", "--statistics", "--format", "csv", "a.txt")
    assert res.exit_code == 2 and "--statistics" in res.stderr


def test_unwritable_output_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    res = invoke("check", "--format", "json", "report.txt", "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1 and "无法写入" in res.stderr


# --- rank --------------------------------------------------------------------------


def finding(sev: Severity, confidence: float, mat: float, line: int = 1) -> Finding:
    f = Finding(Location("r.txt", line=line), "z", "e", confidence=confidence, materiality=mat, severity=sev, check_id="AL101")
    f.rank = rank_of(f)
    return f


def test_rank_formula():
    # 100 × s × c × (0.4 + 0.6 × √m)
    assert rank_of(finding(Severity.ERROR, 1.0, 1.0)) == 100.0
    assert rank_of(finding(Severity.ERROR, 0.95, 0.0)) == 38.0
    assert rank_of(finding(Severity.WARNING, 0.6, 0.25)) == round(100 * 0.6 * 0.6 * (0.4 + 0.6 * 0.5), 1)
    assert rank_of(finding(Severity.INFO, 1.0, 1.0)) == 30.0
    assert rank_of(finding(Severity.ERROR, 2.0, 7.0)) == 100.0  # clamped
    assert materiality(6.03, 1782.77) == pytest.approx(6.03 / 1782.77 * 10)
    assert materiality(500, 1000) == 1.0 and materiality(0, 0) == 0.0 and materiality(1, 0) == 1.0


def test_report_risk_and_file_order():
    one = [finding(Severity.ERROR, 0.95, 0.1)]
    many = [finding(Severity.WARNING, 0.6, 0.1, line=i) for i in range(10)]
    assert report_risk([]) == 0.0
    assert report_risk(one) == one[0].rank
    top = many[0].rank
    assert report_risk(many) == round(10 * top, 1)  # the sum of the ranks: ten warnings outrank one
    assert report_risk([finding(Severity.ERROR, 1, 1)] * 3) == 300.0  # no ceiling

    class R:
        def __init__(self, name, findings):
            self.path, self.findings = name, findings

    assert report_risk(one) == 56.0 and report_risk(many) == 212.0
    order = by_risk([R("quiet", []), R("many", many), R("one", one), R("also-quiet", [])])
    assert [r.path for r in order] == ["many", "one", "quiet", "also-quiet"]  # ties keep their order


def test_findings_sorted_by_rank_in_every_file(tmp_path):
    a, b = two_reports(tmp_path)
    for r in run([a, b]):
        ranks = [f.rank for f in r.findings]
        assert ranks == sorted(ranks, reverse=True) and ranks


def test_word_evidence_reads_in_the_run_language():
    """Evidence that is words, not arithmetic, has its Chinese; JSON, CSV and the
    terminal show the run's language, and --lang en the English."""
    from auditlint.findings import Evidence
    from auditlint.report.wording import arithmetic

    ev = Evidence(expression="source year = evaluated year", stated="2023年度决算报告", computed="2024年",
                  expression_zh="资料年度 = 评价年度")
    assert arithmetic(ev, "zh") == "资料年度应为评价年度；报告为 2023年度决算报告，应为 2024年"
    assert arithmetic(ev, "en").startswith("source year should be evaluated year; ")
    assert ev.to_dict("zh")["expression"] == "资料年度 = 评价年度" and ev.to_dict("en")["expression"].startswith("source")
