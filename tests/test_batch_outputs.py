"""What ``auditlint batch`` writes: one row per finding and per report, a summary
whose totals are the rows', an overview page, deterministic bytes, and a rerun
that redoes only what is missing."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from auditlint.rank import report_risk
from batch_support import EXACT_OUTPUTS, batch, read_csv, read_json, reports_without_seconds
from reports import report

# the folder holds empty.txt, which cannot be checked: batch exits 2, as check does
UNCHECKED = 2
BAD = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"],
    ["基本支出", "710.52", "0", "0.86", "715.69", "715.69"],
    ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
    ["合计", "1906.62", "0", "129.89", "1782.77", "1782.77"],
]
CLEAN = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数", "实际支出数"],
    ["基本支出", "710.52", "0", "0.86", "709.66", "709.66"],
    ["项目支出", "1196.10", "0", "129.03", "1067.07", "1067.07"],
    ["合计", "1906.62", "0", "129.89", "1776.73", "1776.73"],
]


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "reports"
    (d / "city").mkdir(parents=True)
    (d / "city" / "bad.txt").write_text(report(BAD), encoding="utf-8")
    (d / "clean.txt").write_text(report(CLEAN), encoding="utf-8")
    (d / "copy-of-bad.txt").write_text(report(BAD), encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def _line_of(path: Path, text: str, after: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln == after)
    return next(i for i in range(start, len(lines)) if lines[i] == text) + 1


def test_findings_rows_carry_the_arithmetic_the_line_and_the_report(tmp_path, folder):
    out = tmp_path / "out"
    res = batch(str(folder), "-o", str(out), "--jobs", "2")
    assert res.exit_code == UNCHECKED, res.output
    rows = read_csv(out / "findings.csv")
    bad = str(folder / "city" / "bad.txt")
    # the copy has the same bytes: the report is checked and listed once, under the first path
    assert {r["path"] for r in rows} == {bad}
    by_stated = {(r["check_id"], r["stated"]): r for r in rows}
    basic = by_stated[("AL103", "715.69")]
    assert basic["computed"] == "709.66" and basic["difference"] == "6.03" and basic["severity"] == "error"
    assert int(basic["line"]) == _line_of(folder / "city" / "bad.txt", "\t715.69", "\t基本支出")
    assert basic["message"].startswith("基本支出：") and "709.66" in basic["message"]
    total = by_stated[("AL103", "1782.77")]
    assert total["computed"] == "1776.73"
    assert all(r["sha256"] == rows[0]["sha256"] and len(r["sha256"]) == 64 for r in rows)

    import pyarrow.parquet as pq

    table = pq.read_table(out / "findings.parquet").to_pylist()
    assert len(table) == len(rows)
    for p, c in zip(table, rows):
        assert p["check_id"] == c["check_id"] and p["stated"] == c["stated"] and p["computed"] == c["computed"]
        assert p["line"] == int(c["line"]) and p["path"] == c["path"] and p["rank"] == float(c["rank"])
        assert p["page"] is None  # a text report has no pages: null, not 0


def test_reports_csv_and_summary_totals_match_the_rows(tmp_path, folder):
    out = tmp_path / "out"
    res = batch(str(folder), "-o", str(out))
    assert res.exit_code == UNCHECKED
    assert "files/s" not in res.stderr and "ETA" not in res.stderr  # no progress bar: stderr is no terminal
    reports = read_csv(out / "reports.csv")
    findings = read_csv(out / "findings.csv")
    assert [Path(r["path"]).name for r in reports] == ["bad.txt", "clean.txt", "empty.txt"]  # by risk, errors last
    bad, clean, empty = reports
    assert bad["duplicates"] == str(folder / "copy-of-bad.txt")
    assert int(bad["findings"]) == len(findings) and int(bad["errors"]) == sum(f["severity"] == "error" for f in findings)
    from auditlint.batch.worker import finding_from

    cached = [json.loads(p.read_text(encoding="utf-8")) for p in (out / ".cache").glob("*.json")
              if p.name != "config.json"]
    bad_rec = next(c for c in cached if c["sha256"] == bad["sha256"])
    assert float(bad["risk"]) == report_risk([finding_from(f, "x") for f in bad_rec["findings"]]) > 0
    assert clean["status"] == "ok" and clean["findings"] == "0" and clean["risk"] == "0.0"
    assert empty["status"] == "error" and empty["error_kind"] == "read"
    assert empty["reason"] == "the file is empty: nothing to check" and empty["risk"] == ""

    s = read_json(out / "summary.json")
    assert s["reports"]["total"] == len(reports) == 3
    assert s["reports"]["ok"] == sum(r["status"] == "ok" for r in reports)
    assert s["reports"]["error"] == sum(r["status"] == "error" for r in reports)
    assert s["reports"]["duplicate_paths"] == 1
    assert s["findings"]["total"] == len(findings) == sum(int(r["findings"]) for r in reports)
    for sev, col in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        assert s["findings"]["by_severity"][sev] == sum(int(r[col]) for r in reports)
    assert sum(c["findings"] for c in s["findings"]["by_check"]) == len(findings)
    assert s["findings"]["by_check"][0]["check_id"] == "AL103"


def test_index_html_is_self_contained_ranked_and_escaped(tmp_path, folder):
    (folder / "a<b>&c.txt").write_text(report(BAD) + "\n附：另一份\n", encoding="utf-8")
    out = tmp_path / "out"
    assert batch(str(folder), "-o", str(out), "--lang", "en").exit_code == UNCHECKED
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "src=" not in page and "<link" not in page  # nothing to fetch
    assert "a&lt;b&gt;&amp;c.txt" in page and "a<b>" not in page
    assert "Reports ranked by risk" in page and "Most frequent checks" in page
    from auditlint.engine.registry import get

    assert escape(get("AL103").summary("en")) in page  # what the check is about, in the reader's language
    assert "<td>cannot be read</td><td>the file is empty: nothing to check</td>" in page
    assert "the file is empty: nothing to check" in page
    ranked = page.split("Reports ranked by risk")[1]
    assert ranked.index("bad.txt") < ranked.index("clean.txt")
    assert 'href="reports/' in page  # each report's own page
    zh = tmp_path / "zh"
    assert batch(str(folder), "-o", str(zh)).exit_code == UNCHECKED
    assert "按风险排序的报告" in (zh / "index.html").read_text(encoding="utf-8")


def test_english_messages_with_lang_en(tmp_path, folder):
    out = tmp_path / "out"
    assert batch(str(folder), "-o", str(out), "--lang", "en").exit_code == UNCHECKED
    messages = [r["message"] for r in read_csv(out / "findings.csv")]
    assert messages and all("adjusted budget" in m for m in messages)


def test_outputs_are_the_same_bytes_whatever_the_jobs_and_on_a_rerun(tmp_path, folder):
    one, two = tmp_path / "one", tmp_path / "two"
    assert batch(str(folder), "-o", str(one), "--jobs", "1").exit_code == UNCHECKED
    assert batch(str(folder), "-o", str(two), "--jobs", "2").exit_code == UNCHECKED
    for name in EXACT_OUTPUTS:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert reports_without_seconds(one / "reports.csv") == reports_without_seconds(two / "reports.csv")
    first = {name: (one / name).read_bytes() for name in (*EXACT_OUTPUTS, "reports.csv")}
    assert batch(str(folder), "-o", str(one)).exit_code == UNCHECKED
    assert read_json(one / "run.json")["computed"] == 0
    for name, data in first.items():  # all from the cache: even the seconds are the same
        assert (one / name).read_bytes() == data, name


def test_rerun_redoes_only_the_missing_report(tmp_path, folder):
    out = tmp_path / "out"
    assert batch(str(folder), "-o", str(out)).exit_code == UNCHECKED
    before = {n: (out / n).read_bytes() for n in EXACT_OUTPUTS}
    reports = read_csv(out / "reports.csv")
    clean_sha = next(r["sha256"] for r in reports if r["path"].endswith("clean.txt"))
    entries = [p for p in (out / ".cache").glob("*.json") if p.name != "config.json"]
    victim = next(p for p in entries if json.loads(p.read_text(encoding="utf-8"))["sha256"] == clean_sha)
    victim.unlink()
    (out / "findings.csv").unlink()
    res = batch(str(folder), "-o", str(out))
    assert "新检查 1 份，取自缓存 2 份" in res.stdout
    log = [json.loads(ln) for ln in (out / "run.log").read_text(encoding="utf-8").splitlines()]
    last_run = [e for e in log if e["run"] == log[-1]["run"]]
    assert [e["sha256"] for e in last_run] == [clean_sha]
    for n, data in before.items():
        assert (out / n).read_bytes() == data, n


def test_fresh_ignores_the_cache(tmp_path, folder):
    out = tmp_path / "out"
    batch(str(folder), "-o", str(out))
    assert "新检查 3 份，取自缓存 0 份" in batch(str(folder), "-o", str(out), "--fresh").stdout


def test_usage_errors_are_one_line_exit_2(tmp_path, folder):
    empty = tmp_path / "nothing"
    empty.mkdir()
    res = batch(str(empty), "-o", str(tmp_path / "out"))
    assert res.exit_code == 2 and res.stderr.strip().count("\n") == 0 and "中没有找到报告文件" in res.stderr
    assert not (tmp_path / "out").exists()
    res = batch(str(folder), "-o", str(tmp_path / "out"), "--select", "AL999")
    assert res.exit_code == 2 and "没有这些检查编号：AL999" in res.stderr
    res = batch(str(folder), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1")
    assert res.exit_code == 2 and "--executor dask" in res.stderr
    res = batch(f"@{tmp_path / 'no-list.txt'}", "-o", str(tmp_path / "out"))
    assert res.exit_code == 2 and "无法读取文件列表" in res.stderr


def test_progress_bar_shows_files_per_second_and_eta():
    from rich.console import Console

    from auditlint.batch.cli import RichProgress

    buf = io.StringIO()
    bar = RichProgress(Console(file=buf, force_terminal=True, width=120), lang="en")
    bar.start(4, reused=2)
    for _ in range(4):
        bar.advance({})
    bar.stop()
    text = buf.getvalue()
    assert "checking (2 from cache)" in text and "files/s" in text and "ETA" in text and "4/4" in text


def test_batch_help_imports_no_heavy_library():
    code = ("import sys; from click.testing import CliRunner; from auditlint.cli import main; "
            "r = CliRunner().invoke(main, ['batch', '--help']); assert r.exit_code == 0, r.output; "
            "print(sorted(m for m in ('great_expectations', 'dask', 'distributed', 'pandas', 'pyarrow', 'rich') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_failure_extracting_gx_frames_leaves_the_findings_alone(tmp_path, folder, monkeypatch):
    from auditlint.batch import worker
    from auditlint.engine.run import RunOptions

    def broken(path, display):
        raise KeyError("no such role")

    job = {"sha256": "x", "path": str(folder / "city" / "bad.txt"), "display": "bad.txt", "options": RunOptions(),
           "frames": True}
    good = worker.run_job(job)
    assert good["status"] == "ok" and good["frames"] and good["frames"][0]["rows"][0]["label"] == "基本支出"
    monkeypatch.setattr(worker, "budget_frames", broken)
    rec = worker.run_job(job)
    assert rec["status"] == "ok" and rec["counts"] == good["counts"] and "frames" not in rec
    assert rec["frames_error"] == "KeyError: 'no such role'"


def test_a_report_with_nothing_to_check_has_its_own_status(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "clean.txt").write_text(report(CLEAN), encoding="utf-8")
    (d / "minutes.txt").write_text("会议纪要\n\n今天开会讨论了下一阶段的工作安排。\n", encoding="utf-8")
    out = tmp_path / "out"
    res = batch(str(d), "-o", str(out), "--jobs", "1")
    assert res.exit_code == 0, res.output
    rows = {Path(r["path"]).name: r for r in read_csv(out / "reports.csv")}
    assert rows["minutes.txt"]["status"] == "nothing-to-check" and rows["clean.txt"]["status"] == "ok"
    summary = read_json(out / "summary.json")["reports"]
    assert (summary["ok"], summary["nothing_to_check"], summary["error"]) == (1, 1, 0)
    assert "没有可核对内容的报告" in (out / "index.html").read_text(encoding="utf-8")


def test_the_parquet_table_is_what_from_pylist_builds_and_pandas_stays_unimported():
    # Arrow's JSON reader builds the table: pyarrow's Python-object constructors import
    # pandas first, seconds of CPU a batch would take from its workers
    code = (
        "import sys, json; from auditlint.batch.outputs import finding_rows, finding_schema, finding_texts, _arrow_table\n"
        "import pyarrow as pa\n"
        "rows = json.loads(sys.stdin.read())\n"
        "schema = finding_schema()\n"
        "_, lines = finding_texts(rows, 'zh')\n"
        "t = _arrow_table(lines, schema); print('pandas' in sys.modules)\n"
        "print(t.equals(pa.Table.from_pylist(finding_rows(rows, 'zh'), schema=schema)), t.num_rows,\n"
        "      _arrow_table(b'', schema).num_rows)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         input=json.dumps(_AWKWARD_ROWS))
    assert out.stdout.split() == ["False", "True", "3", "0"]


# findings whose cells need every kind of CSV and JSON quoting
_AWKWARD_ROWS = [
    {"path": "处室/a, \"b\".txt", "sha256": "ab" * 32, "findings": [
        {"check_id": "AL101", "name": "table-total-mismatch", "severity": "error", "confidence": 1, "rank": 87.54,
         "message_zh": 'a "quote" \\ \u2028 \n 🎉', "message_en": "=SUM(A1)", "snippet": "-3.5",
         "location": {"page": 3, "line": None, "table": 2, "row": 4, "col": 1},
         "evidence": {"expression": "1 + 2", "stated": "+4", "computed": "3", "difference": "1", "tolerance": "0"},
         "fingerprint": "f" * 16, "related": [{"location": {"line": 9}, "snippet": "x"}]},
        {"check_id": "AL201"},
    ]},
    {"path": "=cmd.txt", "sha256": "cd" * 32, "findings": []},
    {"path": "b\r\nc.txt", "sha256": "ef" * 32, "findings": [{"check_id": "AL605", "message_zh": ""}]},
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_joined_rows_are_what_the_csv_writer_writes_whole(lang):
    # each report's rows are encoded apart (in the worker) and joined here: the bytes must
    # be those of one CSV writer and one json.dumps per row over the assembled table
    from auditlint.batch.outputs import FINDING_COLUMNS, ROW_TEXTS, finding_rows, finding_texts, row_texts
    from auditlint.report.tabular import csv_text

    rows = [dict(r) for r in _AWKWARD_ROWS]
    whole = finding_rows(rows, lang)
    expected_csv = csv_text(FINDING_COLUMNS, whole)
    expected_lines = "".join(json.dumps({c: rec.get(c) for c in FINDING_COLUMNS}, ensure_ascii=False) + "\n"
                             for rec in whole).encode("utf-8")
    assert finding_texts(rows, lang) == (expected_csv, expected_lines)
    for r in rows:  # as the workers send them
        r[ROW_TEXTS] = row_texts(r["findings"], lang)
    assert finding_texts(rows, lang) == (expected_csv, expected_lines)
    for r in rows:  # made for the other language: not used
        r[ROW_TEXTS] = row_texts(r["findings"], "en" if lang == "zh" else "zh")
    assert finding_texts(rows, lang) == (expected_csv, expected_lines)


def test_rows_over_several_blocks_and_a_row_longer_than_a_block_give_one_table():
    # Arrow parses 1 MiB blocks on every core; a row longer than that gets a block of its own size
    import pyarrow as pa

    from auditlint.batch.outputs import _arrow_table, finding_rows, finding_schema, finding_texts

    findings = [{"check_id": f"AL{100 + i % 7}", "message_zh": "说明" * (40 + i % 13), "confidence": 0.5,
                 "rank": float(i), "location": {"line": i}} for i in range(6000)]
    findings[2500]["message_zh"] = "长" * 1_500_000
    rows = [{"path": "a.txt", "sha256": "ab" * 32, "findings": findings}]
    _, lines = finding_texts(rows, "zh")
    assert len(lines) > 3 << 20
    table = _arrow_table(lines, finding_schema())
    assert table.num_rows == 6000 and table.column("message").num_chunks == 1
    assert table.equals(pa.Table.from_pylist(finding_rows(rows, "zh"), schema=finding_schema()))
