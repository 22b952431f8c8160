"""Benchmark of ``auditlint batch``: throughput, speed-up, peak memory, scaling.

    python benchmarks/batch.py                       # 1,000 text + 40 PDF reports; series 100, 1,000
    python benchmarks/batch.py --series 100,1000,10000   # adds the slow 10,000-report run
    python benchmarks/batch.py --json raw.json       # also keep the raw figures
    python benchmarks/batch.py --only real --real 160   # real-size text reports only (and the seeds' copies)

1. Writes generated reports (``tools/corpusgen/batch_folders.py``: the five synth shapes,
   clean and with planted mistakes) as text and as PDF (PDF needs reportlab).
2. Runs ``auditlint batch --fresh`` on each set at ``--jobs 1`` and ``--jobs 2``
   in a subprocess, and prints reports/s, pages/s, the speed-up and the peak
   memory: the largest sum of RSS over the batch process and all its workers,
   sampled every 50 ms from /proc (Linux), and the CPU time of the batch and its
   workers (which does not depend on what else the machine is doing).
   Pages are PDF pages as the PDF reader counts them; text reports have none,
   so pages/s is given for the PDF set only (and not at all when no PDF reader
   is installed: those files are then error rows, which the output says).
3. Runs text batches of growing size (default 100 and 1,000) at ``--jobs 2`` and
   checks that the time grows linearly: the marginal time per report (extra
   seconds ÷ extra reports between two sizes) must stay within 1.5× of the first
   step's. Per-report time over the whole run falls with size at first, as the
   fixed start-up (worker processes, imports) is shared by more reports.

4. Real-size text reports (``--real``, default 160; benchmarks/realsize.py): reports the
   size of the seeds (~700 lines, ~10,000 characters, ~11 tables), generated from the
   corpus generator's realistic and synth reports with distinct figures in every copy;
   and, when the seeds are beside the checkout (``../shared/seeds``), as many distinct
   copies of them made in the temporary folder. Each at ``--jobs 1`` and ``--jobs 2``:
   reports/s, CPU s per report, and the scaling (reports/s at 2 jobs ÷ at 1 job).
   Beside it, the machine's own scaling on the same work: the same reports checked by one
   process, then split between two independent processes (``auditlint.engine.run.lint_file``
   in a loop; no batch, no outputs, nothing shared), each run after the batch's runs of the
   same round so that both see the machine alike. On a VM whose two CPUs are not two whole
   cores, this is the most any batch could scale; the batch's own overhead is the gap between
   the two figures.

5. The real PDFs (``--real-pdfs``, default 10; ``../shared/real`` beside the checkout): pages/s
   at ``--jobs 1`` and ``--jobs 2`` on the seven files once, then on ``--real-pdfs`` copies of
   each. The seven alone take a few seconds, of which the batch's fixed costs (starting, reading
   the configuration, writing the outputs) are a large part, and two workers cannot share seven
   files of 21–30 pages evenly; a province's run is thousands of files, which the copies stand
   for. A copy is the file with a PDF comment appended after its end (``%auditlint copy k``),
   so the batch, which checks identical bytes once, checks each; the readers ignore the comment
   and find the same pages, tables and findings. ``--pdf-reader pdfplumber`` adds the reference
   reader on the seven files at ``--jobs 2``, for the ratio.

Generation time is not measured. Every figure comes from a fresh batch (no cache).
On a shared machine timings vary from run to run: each configuration is run
``--repeat`` times (default 3; runs of 10,000 reports or more once) and the
fastest run is reported, the usual way to filter out other people's load; the
raw output keeps every run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def machine() -> dict[str, object]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gib": mem, "python": platform.python_version(),
            "os": platform.platform()}


def _tree_rss(root: int) -> int:
    """Sum of RSS (bytes) of ``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            statm = Path(f"/proc/{entry}/statm").read_text().split()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = int(statm[1]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_batch(folder: Path, jobs: int, *extra: str) -> dict[str, object]:
    out = Path(tempfile.mkdtemp(prefix="al-bench-out-"))
    cmd = [sys.executable, "-m", "auditlint.cli", "batch", str(folder), "-o", str(out), "--jobs", str(jobs),
           "--no-progress", "--fresh", *extra]
    peak = 0
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # as an installed tool runs: with its bytecode cached (some sandboxes set PYTHONDONTWRITEBYTECODE,
    # which makes every run compile auditlint's ~300 modules again before the first report)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    # CPU time of the batch and of every worker it waited for: the work done, whatever the machine's load
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {stderr.strip()}")
    with open(out / "reports.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    shutil.rmtree(out, ignore_errors=True)
    pages = sum(int(r["pages"]) for r in rows if r["pages"])
    errors = sum(r["status"] != "ok" for r in rows)
    reasons = sorted({r["reason"] for r in rows if r["status"] != "ok"})
    return {"jobs": jobs, "reports": len(rows), "errors": errors, "error_reasons": reasons[:3], "pages": pages,
            "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "reports_per_s": round(len(rows) / seconds, 2),
            "pages_per_s": round(pages / seconds, 2) if pages else None, "peak_rss_mib": round(peak / 2**20, 1),
            "summary_line": stdout.strip()}


# one process checking its share of the files: what the batch's workers do, with nothing around it
INDEPENDENT = """
import sys
from auditlint.batch.worker import warm_up
from auditlint.engine.run import RunOptions, lint_file
import time
warm_up()
options = RunOptions()
start = time.perf_counter()
for path in sys.argv[1:]:
    lint_file(path, options, path)
print(time.perf_counter() - start)
"""


def run_independent(folder: Path, procs: int) -> dict[str, object]:
    """The files of ``folder`` checked by ``procs`` processes that share nothing, the largest
    first and dealt in turn as the batch deals them; wall time from the first start to the last end."""
    files = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.stat().st_size, reverse=True)
    shares = [[str(p) for p in files[i::procs]] for i in range(procs)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", INDEPENDENT, *share], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env) for share in shares if share]
    checking = 0.0  # the longest of the processes' checking loops, after their start and imports
    for proc in running:
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"independent check failed ({proc.returncode}): {stderr.strip()[-300:]}")
        checking = max(checking, float(stdout.split()[-1]))
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {"procs": procs, "reports": len(files), "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "reports_per_s": round(len(files) / seconds, 2), "checking_seconds": round(checking, 3)}


def generate(root: Path, n: int, fmt: str) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))  # the corpus generator (not installed)
    from corpusgen.batch_folders import write_reports

    folder = root / f"{fmt}-{n}"
    if not folder.is_dir():
        t = time.perf_counter()
        write_reports(folder, n, fmt)
        print(f"  generated {n} {fmt} reports in {time.perf_counter() - t:.1f} s", flush=True)
    return folder


def best_of(folder: Path, jobs: int, repeat: int, raw_runs: list, *extra: str) -> dict[str, object]:
    runs = [run_batch(folder, jobs, *extra) for _ in range(max(1, repeat))]
    raw_runs.extend(runs)
    return _best(runs)


def _best(runs: list[dict[str, object]]) -> dict[str, object]:
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
            "all_seconds": [r["seconds"] for r in runs]}


def speed(label: str, folder: Path, raw: dict, repeat: int) -> None:
    every: list = []
    one, two = best_of(folder, 1, repeat, every), best_of(folder, 2, repeat, every)
    raw[label] = {"runs": every, "best": [one, two]}
    for r in (one, two):
        pages = f"{r['pages_per_s']} pages/s" if r["pages_per_s"] else "pages/s: n/a (no pages)"
        print(f"  {label:5} --jobs {r['jobs']}: {r['reports']} reports in {r['seconds']:.2f} s = "
              f"{r['reports_per_s']} reports/s, {pages}, CPU {r['cpu_seconds']:.2f} s, peak RSS {r['peak_rss_mib']} MiB, "
              f"{r['errors']} error rows  (runs: {', '.join(f'{x:.2f}' for x in r['all_seconds'])} s)")
        if r["errors"]:
            print(f"        error rows say: {r['error_reasons']}")
    print(f"  {label:5} speed-up --jobs 1 → 2: {one['seconds'] / two['seconds']:.2f}×")


def scaling(root: Path, sizes: list[int], raw: dict, repeat: int) -> None:
    runs, every = [], []
    for n in sizes:
        r = best_of(generate(root, n, "txt"), 2, repeat if n < 10_000 else 1, every)
        runs.append(r)
        print(f"  {n:>6} text reports --jobs 2: {r['seconds']:.2f} s, {1000 * r['seconds'] / n:.2f} ms/report, "
              f"CPU {1000 * r['cpu_seconds'] / n:.2f} ms/report, peak RSS {r['peak_rss_mib']} MiB  "
              f"(runs: {', '.join(f'{x:.2f}' for x in r['all_seconds'])} s)",
              flush=True)
    raw["scaling"] = {"runs": every, "best": runs}
    steps = []
    for a, b in zip(runs, runs[1:]):
        marginal = (b["seconds"] - a["seconds"]) / (b["reports"] - a["reports"])
        steps.append(marginal)
        print(f"  {a['reports']} → {b['reports']}: {1000 * marginal:.2f} ms per extra report")
    if len(steps) >= 2:
        ratio = max(steps[1:]) / steps[0]
        verdict = "linear" if ratio <= 1.5 else "NOT linear"
        print(f"  marginal cost ratio (later steps ÷ first): {ratio:.2f} → {verdict}")
        raw["linear"] = {"ratio": round(ratio, 3), "linear": ratio <= 1.5}
    elif steps:
        per_small, per_large = runs[0]["seconds"] / runs[0]["reports"], runs[-1]["seconds"] / runs[-1]["reports"]
        verdict = "linear or better" if per_large <= 1.5 * per_small else "NOT linear"
        print(f"  per-report time {1000 * per_small:.2f} → {1000 * per_large:.2f} ms → {verdict}")
        raw["linear"] = {"per_report_small": per_small, "per_report_large": per_large,
                         "linear": per_large <= 1.5 * per_small}


def real_size(root: Path, n: int, raw: dict, repeat: int) -> None:
    """Real-size generated reports, then copies of the seeds when they are there."""
    from realsize import seeds_folder, shape_of, write_real_size, write_seed_copies

    sets = [("real", lambda: write_real_size(root / f"real-{n}", n))]
    seeds = seeds_folder()
    if seeds is not None:
        sets.append(("seeds", lambda: write_seed_copies(root / f"seeds-{n}", seeds, n)))
    else:
        print("  seeds: skipped (no ../shared/seeds beside the checkout)")
    for label, make in sets:
        folder = make()
        shape = shape_of(folder)
        print(f"  {label}: {shape['reports']} reports of {shape['lines']} lines, {shape['chars']} characters, "
              f"{shape['tables']} tables on average", flush=True)
        every: list = []
        alone: dict[int, list] = {1: [], 2: []}
        for _ in range(max(1, repeat)):  # a round: the batch at 1 and 2 jobs, then the same work without it
            every += [run_batch(folder, 1), run_batch(folder, 2)]
            for procs in (1, 2):
                alone[procs].append(run_independent(folder, procs))
        one, two = (_best([r for r in every if r["jobs"] == j]) for j in (1, 2))
        for r in (one, two):
            print(f"  {label:5} --jobs {r['jobs']}: {r['reports']} reports in {r['seconds']:.2f} s = "
                  f"{r['reports_per_s']} reports/s, CPU {r['cpu_seconds'] / r['reports']:.3f} s/report, "
                  f"{r['errors']} error rows  (runs: {', '.join(f'{x:.2f}' for x in r['all_seconds'])} s)", flush=True)
            if r["errors"]:
                print(f"        error rows say: {r['error_reasons']}")
        scaling_2 = two["reports_per_s"] / one["reports_per_s"]
        print(f"  {label:5} scaling --jobs 1 → 2: {scaling_2:.2f}×  (load average {_load()})", flush=True)
        solo, pair = (min(alone[p], key=lambda r: r["seconds"]) for p in (1, 2))
        machine_2 = solo["seconds"] / pair["seconds"]
        checking_2 = (min(r["checking_seconds"] for r in alone[1]) / min(r["checking_seconds"] for r in alone[2]))
        times = "; ".join(", ".join(f"{r['seconds']:.2f}" for r in alone[p]) + " s" for p in (1, 2))
        print(f"  {label:5} the same reports without the batch, 1 process → 2 independent ones: "
              f"{solo['reports_per_s']} → {pair['reports_per_s']} reports/s = {machine_2:.2f}× from start to end "
              f"(each starts Python and imports), {checking_2:.2f}× on the checking alone  (runs: {times})", flush=True)
        print(f"  {label:5} the batch's scaling is {scaling_2 / machine_2:.0%} of two independent processes' "
              f"on this machine", flush=True)
        raw[f"real-size {label}"] = {"shape": shape, "runs": every, "best": [one, two], "scaling": round(scaling_2, 3),
                                     "independent": alone, "machine_scaling": round(machine_2, 3),
                                     "checking_scaling": round(checking_2, 3)}


def real_pdfs(root: Path, copies: int, raw: dict, repeat: int, reference: bool) -> None:
    """The real PDFs once, then ``copies`` distinct copies of each, at 1 and 2 jobs."""
    from realsize import real_pdfs_folder, write_pdf_copies

    source = real_pdfs_folder()
    if source is None:
        print("  real PDFs: skipped (no ../shared/real beside the checkout)")
        return
    sets = [("once", write_pdf_copies(root / "pdfs-1", source, 1))]
    if copies > 1:
        sets.append((f"×{copies}", write_pdf_copies(root / f"pdfs-{copies}", source, copies)))
    for label, folder in sets:
        every: list = []
        one, two = best_of(folder, 1, repeat, every), best_of(folder, 2, repeat, every)
        for r in (one, two):
            print(f"  {label:5} --jobs {r['jobs']}: {r['reports']} PDFs, {r['pages']} pages in {r['seconds']:.2f} s = "
                  f"{r['pages_per_s']} pages/s, CPU {r['cpu_seconds'] / max(1, r['pages']):.3f} s/page, "
                  f"{r['errors']} error rows  (runs: {', '.join(f'{x:.2f}' for x in r['all_seconds'])} s)", flush=True)
            if r["errors"]:
                print(f"        error rows say: {r['error_reasons']}")
        print(f"  {label:5} scaling --jobs 1 → 2: {two['pages_per_s'] / one['pages_per_s']:.2f}×  "
              f"(load average {_load()})", flush=True)
        raw[f"real pdfs {label}"] = {"runs": every, "best": [one, two]}
    if reference:
        every = []
        ref = best_of(sets[0][1], 2, repeat, every, "--pdf-reader", "pdfplumber")
        fast = raw["real pdfs once"]["best"][1]
        print(f"  pdfplumber reader, once --jobs 2: {ref['pages']} pages in {ref['seconds']:.2f} s = "
              f"{ref['pages_per_s']} pages/s; the default reader {fast['pages_per_s'] / ref['pages_per_s']:.2f}× "
              f"that pace on the same files, {raw[f'real pdfs {sets[-1][0]}']['best'][1]['pages_per_s'] / ref['pages_per_s']:.2f}× "
              f"with the copies  (load average {_load()})", flush=True)
        raw["real pdfs pdfplumber"] = {"runs": every, "best": [ref]}


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


SECTIONS = ("text", "pdf", "scaling", "real", "pdfs")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python benchmarks/batch.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", type=int, default=1000,
                    help="text reports for the speed-up run (default 1,000: fewer, and the workers' start-up weighs)")
    ap.add_argument("--pdf", type=int, default=40, help="PDF reports for the speed-up run (default 40; 0: none)")
    ap.add_argument("--series", default="100,1000", help="sizes of the scaling run (10,000 takes minutes)")
    ap.add_argument("--workdir", type=Path,
                    help="where to write the generated reports, kept for the next run (default: a temporary folder, "
                         "removed at the end)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per configuration, fastest reported (default 3)")
    ap.add_argument("--real", type=int, default=160,
                    help="real-size text reports (and as many copies of the seeds when present; default 160)")
    ap.add_argument("--real-pdfs", type=int, default=10,
                    help="copies of each real PDF (../shared/real) after the files themselves (default 10; 0: none)")
    ap.add_argument("--pdf-reader", choices=("fast", "pdfplumber"), default="fast",
                    help="pdfplumber: also the reference reader on the real PDFs at --jobs 2, for the ratio")
    ap.add_argument("--only", default=",".join(SECTIONS),
                    help=f"comma-separated sections to run, of {', '.join(SECTIONS)} (default: all)")
    ap.add_argument("--json", type=Path, help="write the raw figures here")
    args = ap.parse_args(argv)

    root = args.workdir or Path(tempfile.mkdtemp(prefix="al-bench-"))
    try:
        _bench(args, root)
    finally:
        if args.workdir is None:
            shutil.rmtree(root, ignore_errors=True)


def _bench(args: argparse.Namespace, root: Path) -> None:
    raw: dict = {"machine": machine(), "argv": sys.argv[1:]}
    m = raw["machine"]
    print(f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gib']} GiB RAM, Python {m['python']}, {m['os']}")
    print(f"reports in {root}")
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    print(f"load average at the start: {_load()}")
    if "text" in only or "pdf" in only:
        print("throughput and speed-up")
    if "text" in only:
        speed("text", generate(root, args.text, "txt"), raw, args.repeat)
    if args.pdf and "pdf" in only:
        try:
            import reportlab  # noqa: F401
        except ImportError:
            print("  pdf: skipped (reportlab is not installed: pip install reportlab)")
        else:
            speed("pdf", generate(root, args.pdf, "pdf"), raw, args.repeat)
    if "scaling" in only:
        print("scaling")
        scaling(root, [int(s) for s in args.series.split(",") if s.strip()], raw, args.repeat)
    if "real" in only and args.real:
        print("real-size text reports")
        real_size(root, args.real, raw, args.repeat)
    if "pdfs" in only and args.real_pdfs:
        print("real PDFs")
        real_pdfs(root, args.real_pdfs, raw, args.repeat, args.pdf_reader == "pdfplumber")
    print(f"load average at the end: {_load()}")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
