"""SARIF 2.1.0: schema-valid, every result's rule in tool.driver.rules, stable
fingerprints and bytes, relative percent-encoded URIs, PDF-style locations, and
Microsoft's SARIF Multitool as a real consumer (when installed)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from auditlint.engine.registry import all_checks
from auditlint.engine.run import FileResult
from auditlint.report.sarif import FINGERPRINT_KEY, artifact_uri, sarif_log
from outputs import BAD, REPO, SARIF_SCHEMA, WORSE, bad_report, invoke, missing_tool, pdf_result, run

URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~/%!$&'()*+,;=:@]*$")


def schema_errors(log: dict) -> list[str]:
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/sarif is not present on this machine")
    import jsonschema

    validator = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def consistent(log: dict) -> None:
    """What the schema alone does not catch (../shared/sarif/README.md)."""
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for r in rules:
        assert r["help"]["text"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
        if "helpUri" in r:
            url = urlparse(r["helpUri"])
            assert url.scheme == "https" and url.netloc and url.path.endswith(f"/docs/rules/{r['id']}.md")
    bases = run_["originalUriBaseIds"]
    assert "uri" not in bases["%SRCROOT%"]  # the consumer's checkout: no machine's path in the log
    for base, where in bases.items():
        if base != "%SRCROOT%":
            assert where["uri"].startswith("file:///") and where["uri"].endswith("/")
    ranks = []
    for res in run_["results"]:
        assert res["ruleId"] in ids and ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        assert res["partialFingerprints"][FINGERPRINT_KEY]
        for loc in [*res["locations"], *res.get("relatedLocations", [])]:
            artifact = loc["physicalLocation"]["artifactLocation"]
            uri = artifact["uri"]
            assert URI_CHARS.match(uri) and "#" not in uri and not uri.startswith("/") and ":" not in uri.split("/")[0]
            assert not uri.startswith("../") and artifact["uriBaseId"] in bases
            assert loc["physicalLocation"]["region"]["startLine"] >= 1  # something a viewer can show
        ranks.append(res["rank"])
    assert ranks == sorted(ranks, reverse=True)


def test_seeds_log_validates_and_is_stable(seeds, monkeypatch):
    monkeypatch.chdir(REPO)
    paths = [str(p) for p in sorted(seeds.glob("*.txt"))]
    first = invoke("check", "--format", "sarif", *paths)
    second = invoke("check", "--format", "sarif", *paths)
    assert first.exit_code == 1 and first.stdout == second.stdout  # byte-identical run to run
    log = json.loads(first.stdout)
    assert schema_errors(log) == []
    consistent(log)
    (run_,) = log["runs"]
    assert log["version"] == "2.1.0" and run_["invocations"] == [{"executionSuccessful": True}]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == [s.id for s in all_checks()]
    by_rule = {}
    for res in run_["results"]:
        loc = res["locations"][0]["physicalLocation"]
        by_rule.setdefault(res["ruleId"], []).append((loc["artifactLocation"]["uri"], loc["region"]["startLine"], res))
    uri, line, res = next(x for x in by_rule["AL103"] if x[1] == 46)
    # outside the working directory: relative to the file's folder, given as a file:// base
    assert uri == "nanjing-center-2024.txt"
    base = res["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]
    # the folder as the user named it (a symlinked checkout keeps its name), as the writer takes it
    assert run_["originalUriBaseIds"][base] == {"uri": Path(os.path.abspath(seeds)).as_uri() + "/"}
    assert res["level"] == "error" and res["properties"]["evidence"]["stated"] == "715.69"
    assert res["properties"]["evidence"]["computed"] == "709.66"
    assert "709.66" in res["message"]["text"] and "715.69" in res["message"]["text"]
    assert (seeds / "nanjing-center-2024.txt").read_text(encoding="utf-8").split("\n")[line - 1].strip() == "715.69"
    fingerprints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in run_["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_fingerprints_do_not_depend_on_lines_or_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = bad_report(tmp_path, "a.txt")
    b = tmp_path / "moved.txt"
    b.write_text("前言\n\n另一行说明\n" + a.read_text(encoding="utf-8"), encoding="utf-8")

    def prints(path: Path) -> dict[str, tuple[str, int]]:
        log = json.loads(invoke("check", "--format", "sarif", str(path)).stdout)
        return {r["partialFingerprints"][FINGERPRINT_KEY]: (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in log["runs"][0]["results"]}

    pa, pb = prints(a), prints(b)
    assert pa.keys() == pb.keys() and len(pa) == 2
    assert {k: v[1] + 3 for k, v in pa.items()} == {k: v[1] for k, v in pb.items()}


def test_non_ascii_names_are_percent_encoded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "报告 文件夹").mkdir()
    path = bad_report(tmp_path / "报告 文件夹", "南京#2024.txt")
    log = json.loads(invoke("check", "--format", "sarif", str(path)).stdout)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E6%8A%A5%E5%91%8A%20%E6%96%87%E4%BB%B6%E5%A4%B9/%E5%8D%97%E4%BA%AC%232024.txt"
    assert unquote(uri) == "报告 文件夹/南京#2024.txt"
    assert artifact_uri(str(path), tmp_path / "报告 文件夹") == "%E5%8D%97%E4%BA%AC%232024.txt"
    assert artifact_uri("../x/y.txt", tmp_path) == "../x/y.txt"
    consistent(log)


def test_uris_keep_the_names_the_user_gave(tmp_path, monkeypatch):
    real = tmp_path / "archive" / "2024"
    real.mkdir(parents=True)
    bad_report(real)
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "reports").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path / "work")
    assert artifact_uri("reports/report.txt") == "reports/report.txt"  # not ../archive/2024/…
    log = json.loads(invoke("check", "--format", "sarif", "reports/report.txt").stdout)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reports/report.txt"


def test_pdf_locations_go_to_logical_locations_the_message_and_a_region(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the result's path is relative to the working directory
    log = sarif_log([pdf_result()], all_checks(), root=tmp_path)
    assert schema_errors(log) == []
    consistent(log)
    (res,) = log["runs"][0]["results"]
    (loc,) = res["locations"]
    # no line: line 1 of the page, with the snippet to show; the page, table and cell in words
    assert loc["physicalLocation"]["region"] == {"startLine": 1, "snippet": {"text": "基本支出 710.52 0.86 715.69"}}
    assert res["message"]["text"].startswith("第3页 · 表2 第2行第4列：基本支出：预算数 710.52")
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "scan/%E5%B9%B4%E6%8A%A5.pdf"
    assert loc["properties"] == {"page": 3, "table": 2, "row": 2, "col": 4}
    assert loc["logicalLocations"] == [{"name": "row 2 col 4", "fullyQualifiedName": "page 3/table 2/row 2/col 4",
                                        "kind": "element"}]
    (rel,) = res["relatedLocations"]
    assert rel["id"] == 1 and rel["properties"] == {"page": 1, "paragraph": 1}
    assert rel["message"]["text"].startswith("本年支出1782.77万元")
    assert res["properties"]["evidence"]["operands"] == [{"name": "预算数", "value": "710.52"}, {"name": "扣减", "value": "0.86"}]


def test_rules_follow_the_selection_and_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path)
    log = json.loads(invoke("check", "--format", "sarif", "--select", "AL1", "--lang", "en", str(path)).stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [s.id for s in all_checks() if s.id.startswith("AL1")]
    al103 = next(r for r in rules if r["id"] == "AL103")
    assert al103["name"] == "row-identity-mismatch"
    assert al103["shortDescription"]["text"] == "Budget + additions − cuts ≠ adjusted budget in a row"
    assert "Bad:" in al103["help"]["text"] and "Good:" in al103["help"]["text"]
    assert "adjusted budget is 715.69" in log["runs"][0]["results"][0]["message"]["text"]


def test_read_errors_are_tool_notifications(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    log = sarif_log([FileResult("empty.txt", error="the file is empty: nothing to check")], all_checks(), root=tmp_path)
    (inv,) = log["runs"][0]["invocations"]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["level"] == "error" and "empty" in note["message"]["text"]
    assert schema_errors(log) == []


def test_plugin_rules_have_no_help_uri():
    from dataclasses import replace

    spec = replace(all_checks()[0], id="XY901", source="local:mine.py")
    log = sarif_log([], [spec])
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert "helpUri" not in rule and rule["help"]["text"]


# --- Microsoft's SARIF Multitool, a real consumer --------------------------------


def multitool() -> list[str] | None:
    """The native Multitool binary npm installs (README's ci:tools step), or one on PATH."""
    for found in sorted(REPO.glob(".tools/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool")):
        return [str(found)]
    exe = shutil.which("Sarif.Multitool") or shutil.which("sarif-multitool")
    return [exe] if exe else None


def multitool_problems(tool: list[str], log: dict, work: Path) -> list[tuple[str, str, str]]:
    """Validate with the SARIF rules and GitHub's (GH…, off by default) switched on;
    the Multitool exits 0 whatever it finds, so its output log is read."""
    work.mkdir(parents=True, exist_ok=True)
    config = work / "config.xml"
    subprocess.run([*tool, "export-validation-config", str(config)], capture_output=True, timeout=300, check=True)
    xml = re.sub(r'(<Properties Key="GH\d+\.[^"]*">\s*<Property Key="RuleEnabled" Value=")Default', r"\1Error",
                 config.read_text(encoding="utf-8-sig"))
    config.write_text(xml, encoding="utf-8")
    target, out = work / "log.sarif", work / "validation.sarif"
    target.write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([*tool, "validate", str(target), "-o", str(out), "--log", "ForceOverwrite",
                           "--config", str(config), "--rule-kind", "Sarif;Ghas"],
                          capture_output=True, text=True, timeout=300, cwd=work)
    assert out.is_file(), done.stdout + done.stderr
    results = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    return [(r.get("level", "warning"), r["ruleId"], json.dumps(r["message"], ensure_ascii=False)) for r in results]


@pytest.mark.slow  # the Multitool (.NET) and real reports
def test_multitool_accepts_the_seeds_log(seeds, tmp_path, monkeypatch):
    tool = multitool()
    if tool is None:
        missing_tool("SARIF Multitool not installed (README's ci:tools step: npm install --prefix .tools @microsoft/sarif-multitool)")
    monkeypatch.chdir(REPO)
    paths = [str(p) for p in sorted(seeds.glob("*.txt"))]
    log = json.loads(invoke("check", "--format", "sarif", *paths).stdout)
    problems = multitool_problems(tool, log, tmp_path / "mt")
    assert [p for p in problems if p[0] in ("error", "warning")] == []
    # it does read the log: a relative helpUri is an error it reports
    log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "docs/rules/AL101.md"
    broken = multitool_problems(tool, log, tmp_path / "mt-broken")
    assert ("error", "SARIF1005") in {(p[0], p[1]) for p in broken}


@pytest.mark.slow  # the Multitool (.NET) and real reports
def test_multitool_accepts_non_ascii_names_and_two_files(tmp_path, monkeypatch):
    tool = multitool()
    if tool is None:
        missing_tool("SARIF Multitool not installed (README's ci:tools step)")
    monkeypatch.chdir(tmp_path)
    paths = [bad_report(tmp_path, "部门 报告.txt"), bad_report(tmp_path, "b.txt", WORSE)]
    log = json.loads(invoke("check", "--format", "sarif", *map(str, paths)).stdout)
    assert len(log["runs"][0]["results"]) == 4
    problems = multitool_problems(tool, log, tmp_path / "mt")
    assert [p for p in problems if p[0] in ("error", "warning")] == []


def test_sarif_log_api_matches_the_cli(tmp_path, monkeypatch):
    """The function the batch command calls gives the CLI's log."""
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path, rows=BAD)
    cli = json.loads(invoke("check", "--format", "sarif", str(path)).stdout)
    api = sarif_log(run([path], keep_document=False), all_checks(), "zh", root=tmp_path)
    assert api == cli


@pytest.mark.slow  # the Multitool (.NET) and real reports
def test_seeds_real_pdfs_docx_and_html_give_a_log_the_schema_and_multitool_accept(seeds, tmp_path, monkeypatch):
    """Inputs inside the working directory (%SRCROOT%) and outside it (file:// bases);
    text lines, PDF pages and DOCX/HTML cells: no error and no warning anywhere."""
    real = sorted((REPO.parent / "shared" / "real").glob("*.pdf"))
    if not real:
        missing_tool("../shared/real/*.pdf are not present on this machine")
    tool = multitool()
    if tool is None:
        missing_tool("SARIF Multitool not installed (README's ci:tools step)")
    monkeypatch.chdir(REPO)
    planted = REPO / "corpus" / "realistic" / "bj-court-2024"
    inside = [planted / "adjust-identity.docx", *sorted(REPO.glob("corpus/realistic/*/[!c]*.html"))[:2]]
    paths = [*map(str, sorted(seeds.glob("*.txt"))), *map(str, real), *(str(p.relative_to(REPO)) for p in inside)]
    log = json.loads(invoke("check", "--format", "sarif", *paths).stdout)
    assert schema_errors(log) == []
    consistent(log)
    (run_,) = log["runs"]
    kinds = {Path(unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])).suffix for r in run_["results"]}
    assert {".txt", ".pdf", ".docx", ".html"} <= kinds
    for res in run_["results"]:
        props = res["locations"][0].get("properties", {})
        if "page" in props or "table" in props:
            # the place in the message, and as a logical location a viewer lists
            assert res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].startswith(
                f"page {props['page']}" if "page" in props else "table")
            assert res["message"]["text"].startswith(("第", "表"))
    assert {a["location"]["uriBaseId"] for a in run_["artifacts"]} == set(run_["originalUriBaseIds"])
    assert [p for p in multitool_problems(tool, log, tmp_path / "mt") if p[0] in ("error", "warning")] == []
