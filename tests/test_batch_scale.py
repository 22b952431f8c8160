"""The issue's two demonstrations: 1,000 generated reports with corrupt files
among them, and a batch killed halfway that finishes on a rerun with the same
outputs as an uninterrupted run, without redoing finished files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpusgen.batch_folders import CORRUPT, write_corrupt, write_reports

from auditlint.engine.run import RunOptions, lint_file
from batch_support import EXACT_OUTPUTS, batch, read_csv, read_json, reports_without_seconds, workers_of

# the corrupt files cannot be checked: batch exits 2, as check does
UNCHECKED = 2
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kill test reads /proc")]


def test_a_thousand_reports_with_corrupt_files(tmp_path):
    folder = tmp_path / "reports"
    generated = write_reports(folder / "generated", 1000)
    corrupt = write_corrupt(folder / "corrupt")
    out = tmp_path / "out"
    res = batch(str(folder), "-o", str(out), "--jobs", "2")
    assert res.exit_code == UNCHECKED, res.output

    reports = read_csv(out / "reports.csv")
    assert len(reports) == len(generated) + len(corrupt) == 1000 + len(CORRUPT)
    by_path = {r["path"]: r for r in reports}
    for p in corrupt:
        row = by_path[str(p)]
        reason = row["reason"]
        assert row["status"] == "error", p.name
        # readable: one line, not a traceback, not empty, not endless
        assert reason and "\n" not in reason and "Traceback" not in reason and len(reason) <= 320, reason
    assert by_path[str(folder / "corrupt" / "empty.txt")]["reason"] == "the file is empty: nothing to check"
    assert "binary file" in by_path[str(folder / "corrupt" / "junk.bin.txt")]["reason"]
    assert "old binary Word" in by_path[str(folder / "corrupt" / "old-word.docx")]["reason"]
    assert all(by_path[str(p)]["status"] == "ok" for p in generated)

    findings = read_csv(out / "findings.csv")
    s = read_json(out / "summary.json")
    assert s["reports"]["total"] == len(reports)
    assert s["reports"]["ok"] == sum(r["status"] == "ok" for r in reports) == 1000
    assert s["reports"]["error"] == sum(r["status"] == "error" for r in reports) == len(CORRUPT)
    assert sum(s["reports"]["by_error_kind"].values()) == len(CORRUPT)
    assert s["findings"]["total"] == len(findings) == sum(int(r["findings"]) for r in reports)
    for sev, col in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        assert s["findings"]["by_severity"][sev] == sum(int(r[col]) for r in reports) == \
            sum(f["severity"] == sev for f in findings)
    assert s["reports"]["with_findings"] == sum(int(r["findings"]) > 0 for r in reports)
    # generated clean reports give no finding; most planted mistakes are found
    clean = [r for r in reports if r["path"].endswith("-clean.txt")]
    assert clean and all(r["findings"] == "0" for r in clean)

    # the batch says what `auditlint check` says, file by file
    opts = RunOptions()
    per_file: dict[str, list[tuple]] = {}
    for f in findings:
        per_file.setdefault(f["path"], []).append((f["check_id"], f["stated"], f["computed"], int(f["line"])))
    for p in generated[::97]:
        direct = lint_file(p, opts, str(p))
        expect = [(x.check_id, x.evidence.stated, x.evidence.computed, x.location.line) for x in direct.findings]
        assert per_file.get(str(p), []) == expect, p.name


def _cached(out: Path) -> set[str]:
    shas = set()
    for p in (out / ".cache").glob("*.json"):
        if p.name == "config.json":
            continue
        shas.add(json.loads(p.read_text(encoding="utf-8"))["sha256"])  # every entry whole: written atomically
    return shas


def _batch_process(folder: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "auditlint.cli", "batch", str(folder), "-o", str(out), "--jobs", "2",
                             "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_batch_resumes_to_identical_outputs_without_redoing_finished_files(tmp_path):
    folder = tmp_path / "reports"
    paths = write_reports(folder, 300)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    assert batch(str(folder), "-o", str(whole), "--jobs", "2").exit_code == 0

    # outputs of an earlier, smaller batch in the same folder: the killed run must not damage them
    listing = tmp_path / "five.txt"
    listing.write_text("\n".join(str(p) for p in paths[:5]) + "\n", encoding="utf-8")
    assert batch(f"@{listing}", "-o", str(resumed), "--jobs", "1").exit_code == 0
    earlier = {n: (resumed / n).read_bytes() for n in (*EXACT_OUTPUTS, "reports.csv")}

    proc = _batch_process(folder, resumed)
    deadline = time.monotonic() + 120
    while len(_cached(resumed)) < 100 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be killed: " + proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()

    # its workers die with it (PR_SET_PDEATHSIG / closed pipes)
    deadline = time.monotonic() + 10
    while workers_of(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not workers_of(proc.pid)

    done_before = _cached(resumed)
    assert 100 <= len(done_before) < 300
    for name, data in earlier.items():  # untouched, whole: outputs are written only at the end, atomically
        assert (resumed / name).read_bytes() == data, name

    res = batch(str(folder), "-o", str(resumed), "--jobs", "2")
    assert res.exit_code == 0, res.output
    run = read_json(resumed / "run.json")
    assert run["reused"] == len(done_before) and run["computed"] == 300 - len(done_before)
    log = [json.loads(ln) for ln in (resumed / "run.log").read_text(encoding="utf-8").splitlines()]
    redone = {e["sha256"] for e in log if e["run"] == run["run"]}
    assert len(redone) == 300 - len(done_before) and not (redone & done_before)

    for name in EXACT_OUTPUTS:
        assert (resumed / name).read_bytes() == (whole / name).read_bytes(), name
    assert reports_without_seconds(resumed / "reports.csv") == reports_without_seconds(whole / "reports.csv")
    assert not list(resumed.glob(".*.tmp")) and not list((resumed / ".cache").glob(".*.tmp"))


def test_benchmark_script_runs_and_prints_its_figures(tmp_path):
    """Not a timing test: the documented benchmark command still works (tiny sizes)."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "batch.py"
    raw = tmp_path / "raw.json"
    out = subprocess.run([sys.executable, str(script), "--text", "3", "--pdf", "0", "--series", "2,4", "--repeat", "1", "--real", "2",
                          "--real-pdfs", "1", "--json", str(raw)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "reports/s" in out.stdout and "speed-up --jobs 1 → 2" in out.stdout and "peak RSS" in out.stdout
    assert "ms per extra report" in out.stdout or "per-report time" in out.stdout
    figures = json.loads(raw.read_text(encoding="utf-8"))
    assert figures["machine"]["nproc"] and [r["jobs"] for r in figures["text"]["best"]] == [1, 2]
    assert [r["reports"] for r in figures["scaling"]["best"]] == [2, 4]
    if (Path(__file__).resolve().parents[2] / "shared" / "real").is_dir():  # the seven real PDFs, once
        assert [(r["jobs"], r["reports"], r["errors"]) for r in figures["real pdfs once"]["best"]] == [(1, 7, 0), (2, 7, 0)]
        assert figures["real pdfs once"]["best"][1]["pages"] == 172
    # the real-size reports, with the batch and by independent processes in the same rounds
    assert "the same reports without the batch, 1 process → 2 independent ones" in out.stdout
    real = figures["real-size real"]
    assert [r["reports"] for r in real["independent"]["1"] + real["independent"]["2"]] == [2, 2]
    assert real["machine_scaling"] > 0 and real["checking_scaling"] > 0


def test_the_benchmark_copies_of_a_report_are_distinct_up_to_a_thousand():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from realsize import nudged
    finally:
        sys.path.pop(0)
    text = " ".join(f"{i}.5{i % 10}" for i in range(40))
    copies = {nudged(text, k) for k in range(1000)}
    assert len(copies) == 1000
    # the copies under 100 are those the earlier benchmarks measured
    first = text.split()[0]
    assert nudged(first, 7) == first[:-1] + str((int(first[-1]) + 7 + 1) % 10)


def test_ctrl_c_stops_the_workers_keeps_finished_work_and_exits_130(tmp_path):
    folder = tmp_path / "reports"
    write_reports(folder, 150)
    out = tmp_path / "out"
    proc = _batch_process(folder, out)
    deadline = time.monotonic() + 120
    while len(_cached(out)) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 130
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert "已中断" in err and "再运行同一条命令即可接着完成" in err and "Traceback" not in err
    assert not workers_of(proc.pid)
    kept = _cached(out)
    assert len(kept) >= 20 and not (out / "summary.json").exists()
    assert batch(str(folder), "-o", str(out)).exit_code == 0
    assert read_json(out / "run.json")["reused"] == len(kept)
