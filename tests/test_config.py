"""Settings: auditlint.toml or [tool.auditlint], found upward; unknown keys and IDs
are errors; select, ignore, severity, tolerance, lang, fail-on, checks; the
command line wins. Tolerance reaches numbers.compare through a context variable."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import test_engine
from auditlint.engine.config import Config, ConfigError, discover, find_config, load_config
from auditlint.numbers import TOLERANCE, Approx, Tolerance, asum, compare
from outputs import bad_report, invoke, run

# a local check that reports once on every document (AL901, from the registry tests)
PLUGIN = test_engine.PLUGIN


def findings_json(*args: str) -> tuple[int, list[dict]]:
    res = invoke("check", "--format", "json", *args)
    doc = json.loads(res.stdout) if res.stdout else {"files": []}
    return res.exit_code, [f for entry in doc["files"] for f in entry["findings"]]


def one_line_error(res, *words: str) -> str:
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.output, res.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def test_found_upward_auditlint_toml_first(tmp_path, monkeypatch):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[tool.auditlint]\nlang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(deep)
    assert find_config() == tmp_path / "pyproject.toml"
    assert discover().lang == "en"
    (tmp_path / "a" / "auditlint.toml").write_text('lang = "zh"\nfail-on = "warning"\n', encoding="utf-8")
    assert find_config() == tmp_path / "a" / "auditlint.toml"
    assert (discover().lang, discover().fail_on) == ("zh", "warning")
    # a pyproject.toml that says nothing of auditlint is passed over, even a broken one
    (deep / "pyproject.toml").write_text("[project\nname = 'x'\n", encoding="utf-8")
    assert find_config() == tmp_path / "a" / "auditlint.toml"
    (tmp_path / "a" / "auditlint.toml").write_text('ignore = ["AL3"]\n', encoding="utf-8")
    assert discover(deep) == Config(path=tmp_path / "a" / "auditlint.toml", ignore=frozenset({"AL3"}))


def test_no_file_means_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path) is None and discover(tmp_path) == Config()
    assert Config().tolerance == Tolerance(4.0, 0.0)
    bad_report(tmp_path)
    code, fs = findings_json("report.txt")  # defaults: Chinese, fail on errors
    assert code == 1 and fs[0]["message"].startswith("基本支出：")


def test_every_setting(tmp_path):
    (tmp_path / "mychecks").mkdir()
    path = tmp_path / "auditlint.toml"
    path.write_text(
        'select = ["al1", "AL302"]\nignore = ["AL101"]\nlang = "en"\nfail-on = "info"\nchecks = ["mychecks"]\n'
        '[severity]\nAL103 = "warning"\nAL3 = "info"\n[tolerance]\nsigmas = 3\nrelative = 0.001\n',
        encoding="utf-8",
    )
    c = load_config(path)
    assert c.select == frozenset({"AL1", "AL302"}) and c.ignore == frozenset({"AL101"})
    assert (c.lang, c.fail_on) == ("en", "info")
    assert c.checks == (str(tmp_path / "mychecks"),)
    assert {k: v.value for k, v in c.severity.items()} == {"AL103": "warning", "AL3": "info"}
    assert c.tolerance == Tolerance(3.0, 0.001)


@pytest.mark.parametrize(("text", "words"), [
    ('fail_on = "warning"\n', ["unknown setting 'fail_on'", "did you mean 'fail-on'"]),
    ('lang = "fr"\n', ["lang = 'fr'", "zh, en"]),
    ('select = "AL1,AL2"\nignore = [1]\n', ["ignore must be a list of strings"]),
    ('[severity]\nAL101 = "fatal"\n', ["severity of AL101", "error, warning or info"]),
    ('[tolerance]\nsigma = 3\n', ["unknown setting 'sigma'", "did you mean 'sigmas'"]),
    ('[tolerance]\nsigmas = 0\n', ["tolerance.sigmas must be above 0"]),
    ('[tolerance]\nrelative = "1%"\n', ["tolerance.relative must be a number"]),
    ('[tolerance]\nrelative = 0.9\n', ["tolerance.relative must be a share"]),
    ('lang = "en\n', ["not valid TOML"]),
    ('[tool.auditlint]\nlang = "en"\n', ["top level", "without [tool.auditlint]"]),
])
def test_bad_settings_are_one_line_errors(tmp_path, monkeypatch, text, words):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    (tmp_path / "auditlint.toml").write_text(text, encoding="utf-8")
    line = one_line_error(invoke("check", "--lang", "en", "report.txt"), *words)
    assert "auditlint.toml" in line
    zh = one_line_error(invoke("check", "report.txt"), "auditlint.toml")
    assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}", zh.split("技术细节")[0])  # said in Chinese
    with pytest.raises(ConfigError):
        load_config(tmp_path / "auditlint.toml")


def test_unknown_ids_in_the_file_are_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.auditlint]\nignore = ["AL1O3"]\n', encoding="utf-8")
    one_line_error(invoke("check", "report.txt"), "pyproject.toml", "ignore 中的检查编号 'AL1O3' 不存在", "AL103")
    (tmp_path / "pyproject.toml").write_text('[tool.auditlint.severity]\nAL999 = "info"\n', encoding="utf-8")
    one_line_error(invoke("check", "report.txt"), "severity 中的检查编号 'AL999'")
    (tmp_path / "pyproject.toml").write_text('[tool.auditlint]\nunknown = 1\n', encoding="utf-8")
    one_line_error(invoke("check", "report.txt"), "[tool.auditlint] 中没有设置项 'unknown'")
    # `rules` and `explain` read the same file and say the same
    one_line_error(invoke("rules"), "没有设置项 'unknown'")


@pytest.fixture
def cfg(tmp_path, monkeypatch) -> Path:
    """A folder with report.txt (two AL103 findings); returns its auditlint.toml path."""
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    return tmp_path / "auditlint.toml"


def test_select_ignore_and_severity_apply(cfg):
    cfg.write_text('ignore = ["AL103"]\n', encoding="utf-8")
    assert findings_json("report.txt") == (0, [])
    cfg.write_text('[severity]\nAL1 = "info"\n', encoding="utf-8")
    code, fs = findings_json("report.txt")
    assert code == 0 and {f["severity"] for f in fs} == {"info"} and len(fs) == 2
    cfg.write_text('fail-on = "info"\n[severity]\nAL1 = "info"\nAL103 = "warning"\n', encoding="utf-8")
    code, fs = findings_json("report.txt")
    assert code == 1 and {f["severity"] for f in fs} == {"warning"}  # the longer ID wins


def test_command_line_wins(cfg, tmp_path):
    cfg.write_text('select = ["AL3"]\nlang = "en"\nfail-on = "never"\n', encoding="utf-8")
    assert findings_json("report.txt") == (0, [])
    code, fs = findings_json("report.txt", "--select", "AL1", "--fail-on", "error", "--lang", "zh")
    assert code == 1 and len(fs) == 2 and fs[0]["message"].startswith("基本支出：")
    # --ignore adds to the file's ignores
    cfg.write_text('ignore = ["AL3"]\n', encoding="utf-8")
    assert findings_json("report.txt", "--ignore", "AL103") == (0, [])
    # --no-config and --config
    cfg.write_text('ignore = ["AL1"]\n', encoding="utf-8")
    assert findings_json("report.txt")[1] == []
    assert len(findings_json("report.txt", "--no-config")[1]) == 2
    other = tmp_path / "strict.toml"
    other.write_text('[severity]\nAL103 = "warning"\n', encoding="utf-8")
    code, fs = findings_json("report.txt", "--config", str(other))
    assert code == 0 and [f["severity"] for f in fs] == ["warning", "warning"]
    one_line_error(invoke("check", "report.txt", "--config", "missing.toml"), "missing.toml", "设置文件不存在")


def test_checks_folder_from_the_file(tmp_path):
    """In a fresh process: a loaded check stays registered, and must not leak into
    the other tests."""
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "mine.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "auditlint.toml").write_text('checks = ["local"]\nselect = ["AL901"]\n', encoding="utf-8")
    sub = tmp_path / "reports"
    sub.mkdir()
    bad_report(sub)

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "auditlint.cli", *args], capture_output=True, text=True,
                              cwd=sub, timeout=120)

    done = cli("check", "--format", "json", "report.txt")
    fs = [f for entry in json.loads(done.stdout)["files"] for f in entry["findings"]]
    assert done.returncode == 0 and [f["check_id"] for f in fs] == ["AL901"]
    assert "AL901" in cli("rules").stdout
    assert "测试用检查" in cli("explain", "AL901").stdout


# --- tolerance -----------------------------------------------------------------------


def test_compare_reads_the_run_tolerance():
    stated, computed = Approx.printed(Decimal("100.0"), 1), Approx.printed(Decimal("100.5"), 1)
    assert compare(stated, computed).level == "error"
    token = TOLERANCE.set(Tolerance(relative=0.01))
    try:
        v = compare(stated, computed)
        assert v.level == "ok" and v.tolerance == Decimal("0.1") + Decimal("1.005")
        assert compare(Approx.printed(Decimal("100"), 0), Approx.printed(Decimal("103"), 0)).level == "error"
    finally:
        TOLERANCE.reset(token)
    # inside the worst case but beyond sigmas: a warning, unless the user allows more sigmas
    a = Approx.printed(Decimal("1.04"), 2)
    b = asum([Approx.printed(Decimal("0.10"), 2)] * 10)  # ten rounded parts: 1.00 ± 0.05, σ ≈ 0.0096
    assert compare(a, b).level == "warning"
    token = TOLERANCE.set(Tolerance(sigmas=5.0))
    try:
        assert compare(a, b).level == "ok"
        assert compare(a, b, plausible_sigmas=4.0).level == "warning"  # an explicit argument still wins
    finally:
        TOLERANCE.reset(token)
    assert TOLERANCE.get() == Tolerance()


def test_tolerance_setting_reaches_the_checks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path)
    assert len(run([path])[0].findings) == 2
    # 6.03 on 715.69 is 0.84 %, 6.04 on 1782.77 is 0.34 %: a 1 % slack lets both through,
    # 0.5 % only the second, 0.1 % neither
    assert run([path], tolerance=Tolerance(relative=0.01))[0].findings == []
    assert [f.key[0] for f in run([path], tolerance=Tolerance(relative=0.005))[0].findings] == ["基本支出"]
    assert len(run([path], tolerance=Tolerance(relative=0.001))[0].findings) == 2
    (tmp_path / "auditlint.toml").write_text("[tolerance]\nrelative = 0.01\n", encoding="utf-8")
    assert findings_json("report.txt") == (0, [])
    assert TOLERANCE.get() == Tolerance()  # the engine restores the default after the run


def test_the_repository_has_no_settings_of_its_own():
    """This repository's pyproject.toml must not configure auditlint: the tests
    would run under it."""
    import tomllib

    repo = Path(__file__).resolve().parents[1]
    assert "auditlint" not in tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8")).get("tool", {})
    assert not (repo / "auditlint.toml").exists()


# --- the settings nearest each file (ruff's rule) ---------------------------------------


def test_settings_beside_a_report_apply_from_anywhere(tmp_path, monkeypatch):
    """Two folders, each with its own auditlint.toml, checked together from a third:
    each report gets its own folder's settings, not the working directory's."""
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    for d in (quiet, loud):
        d.mkdir()
        bad_report(d)
    (quiet / "auditlint.toml").write_text('ignore = ["AL103"]\n', encoding="utf-8")
    (loud / "auditlint.toml").write_text('[severity]\nAL103 = "warning"\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "auditlint.toml").write_text('select = ["AL3"]\n', encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    code, fs = findings_json(str(quiet / "report.txt"), str(loud / "report.txt"))
    assert [(Path(f["location"]["path"]).parent.name, f["check_id"], f["severity"]) for f in fs] == [
        ("loud", "AL103", "warning"), ("loud", "AL103", "warning")]
    assert code == 0  # warnings only: below the default fail-on
    # the command line still wins over every file's settings, and --config names one for all
    assert len(findings_json("--select", "AL103", str(quiet / "report.txt"))[1]) == 0  # ignore stays
    code, fs = findings_json("--config", str(elsewhere / "auditlint.toml"), str(loud / "report.txt"))
    assert fs == [] and code == 0
    code, fs = findings_json("--no-config", str(quiet / "report.txt"))
    assert [f["severity"] for f in fs] == ["error", "error"] and code == 1


def test_a_file_without_settings_of_its_own_gets_the_defaults(tmp_path, monkeypatch):
    (tmp_path / "auditlint.toml").write_text('ignore = ["AL1"]\n', encoding="utf-8")
    bare = tmp_path.parent / f"{tmp_path.name}-bare"
    bare.mkdir()
    bad_report(bare)
    monkeypatch.chdir(tmp_path)  # the working directory's ignore does not reach a file elsewhere
    assert find_config(bare) is None or find_config(bare).parent != tmp_path
    code, fs = findings_json(str(bare / "report.txt"))
    assert [f["check_id"] for f in fs] == ["AL103", "AL103"] and code == 1


def test_show_settings_names_the_file_they_come_from(tmp_path, monkeypatch):
    sub = tmp_path / "reports"
    sub.mkdir()
    bad_report(sub)
    toml = sub / "auditlint.toml"
    toml.write_text('select = ["AL1", "AL302"]\nignore = ["AL104"]\nfail-on = "warning"\n[severity]\nAL101 = "warning"\n'
                    "[tolerance]\nsigmas = 3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    zh = invoke("check", "--show-settings", "reports/report.txt").stdout.splitlines()
    assert zh[0] == "reports/report.txt 适用的设置" and f"  来自: {toml.resolve()}" in zh
    assert "  启用的检查: AL101, AL102, AL103, AL302" in zh
    res = invoke("check", "--show-settings", "--lang", "en", "reports/report.txt")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0] == "Settings for reports/report.txt"
    assert lines[1] == f"  from: {toml.resolve()}"
    assert "  select: AL1, AL302" in lines and "  ignore: AL104" in lines and "  fail-on: warning" in lines
    assert "  severity: AL101 = warning" in lines and "  tolerance: sigmas = 3, relative = 0" in lines
    assert "  enabled checks: AL101, AL102, AL103, AL302" in lines
    other = tmp_path / "other.txt"
    other.write_text("x\n", encoding="utf-8")
    res = invoke("check", "--show-settings", "--lang", "en", "--ignore", "AL2", str(other))
    assert "  from: built-in defaults (no auditlint.toml or [tool.auditlint] found)" in res.stdout.splitlines()
    assert "  ignore: AL2" in res.stdout.splitlines()


def test_a_broken_settings_file_beside_a_report_is_an_error(tmp_path, monkeypatch):
    sub = tmp_path / "reports"
    sub.mkdir()
    bad_report(sub)
    (sub / "auditlint.toml").write_text('ignore = ["AL1O3"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    one_line_error(invoke("check", "reports/report.txt"), "auditlint.toml", "AL1O3")
