"""The command line contract of issue 2: exit codes, one-line errors, JSON shape."""

from __future__ import annotations

import json

from click.testing import CliRunner

from auditlint.cli import main
from reports import report, write

BAD = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"],
    ["基本支出", "710.52", "0", "0.86", "715.69", "715.69"],
    ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
    ["合计", "1906.62", "0", "129.89", "1782.77", "1782.77"],
]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_findings_exit_1_and_json_document(tmp_path):
    path = write(tmp_path, report(BAD))
    res = invoke("check", str(path), "--format", "json")
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert doc["tool"]["name"] == "auditlint" and doc["tool"]["version"]
    (entry,) = doc["files"]
    assert entry["error"] is None
    f = entry["findings"][0]
    assert f["check_id"] == "AL103" and f["name"] == "row-identity-mismatch" and f["severity"] == "error"
    assert f["evidence"]["stated"] == "715.69" and f["evidence"]["computed"] == "709.66"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[f["location"]["line"] - 1] == "\t715.69"
    assert {"confidence", "rank", "message", "snippet", "related", "fingerprint"} <= set(f)
    assert doc["summary"]["findings"] == len(entry["findings"])


def test_fail_on_and_select(tmp_path):
    path = write(tmp_path, report(BAD))
    assert invoke("check", str(path), "--fail-on", "never").exit_code == 0
    assert invoke("check", str(path), "--select", "AL301").exit_code == 0
    en = invoke("check", str(path), "--lang", "en", "--format", "json")
    assert "adjusted budget" in json.loads(en.stdout)["files"][0]["findings"][0]["message"]


def test_empty_file_one_line_exit_2(tmp_path):
    path = write(tmp_path, "", "empty.txt")
    res = invoke("check", str(path))
    assert res.exit_code == 2
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and "empty.txt" in err[0] and "empty" in err[0]


def test_unreadable_and_binary_files(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    res = invoke("check", str(binary))
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.output
    res = invoke("check", str(tmp_path / "missing.txt"))
    assert res.exit_code == 2 and "missing.txt" in res.stderr


def test_unknown_check_id_is_a_usage_error(tmp_path):
    path = write(tmp_path, report(BAD))
    res = invoke("check", str(path), "--select", "AL777")
    assert res.exit_code == 2 and "AL777" in res.stderr


def test_rules_lists_checks_without_importing_pandas():
    import subprocess
    import sys

    code = "import sys\nfrom auditlint.cli import main\ntry:\n    main(['rules'])\nexcept SystemExit:\n    pass\nprint('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "AL101" in out.stdout and "table-total-mismatch" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "False"
