"""PDF reading speed: pdfplumber alone against `auditlint check` with each PDF reader.

    python benchmarks/pdf_reader.py [--repeat 3] [--only real|corpus]

For every PDF in ``../shared/real/`` (skipped, and said so, when the folder is
absent) and ``corpus/``, times in one process, best of N runs, the three
interleaved so that they see the same machine load:

* pdfplumber alone: ``extract_text()`` and ``extract_tables()`` over every page;
* auditlint read → extract → checks (``lint_file``) with the pdfplumber reader;
* the same with the fast reader (``readers/pdfium.py``, the default);
* each reader alone (``read_bytes``: the file to a Document, no checks).

Prints per file and in total the pages, the seconds, the ratio pdfplumber alone /
``auditlint check`` with the fast reader (the issue's target: ≥ 5×) and the ratio
of the two readers alone.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"


def pdfplumber_alone(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
        return len(pdf.pages)


def auditlint(path: Path, reader: str) -> int:
    from auditlint.engine.run import RunOptions, lint_file

    os.environ["AUDITLINT_PDF_READER"] = reader
    result = lint_file(path, RunOptions(plugins=False))
    assert result.error is None, result.error
    return len(result.findings)


def reader_alone(path: Path, reader: str) -> None:
    from auditlint.readers import pdf, pdfium

    (pdf if reader == "pdfplumber" else pdfium).read_bytes(path.read_bytes(), str(path))


def _machine() -> str:
    """When and where: the figures are ratios, but the load says how much to trust them."""
    import platform
    from datetime import UTC, datetime
    from importlib.metadata import version

    return (f"# {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {_commit()}, {os.cpu_count()} CPUs, load "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; Python {platform.python_version()} "
            f"pdfplumber {version('pdfplumber')} pdfminer.six {version('pdfminer.six')}")


def _commit() -> str:
    """The checkout's commit, with ``+`` when files differ from it: which code the figures are of."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+" if git("status", "--porcelain", "--untracked-files=no") else "")


def timed(fn, *args) -> float:  # noqa: ANN001 - a callable
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def files(only: str | None) -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    if only in (None, "real"):
        if REAL.is_dir():
            out += [("real", p) for p in sorted(REAL.glob("*.pdf"))]
        else:
            print(f"skipped ../shared/real: {REAL} is absent")
    if only in (None, "corpus"):
        out += [("corpus", p) for p in sorted((ROOT / "corpus").rglob("*.pdf"))]
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    ap.add_argument("--only", choices=["real", "corpus"])
    args = ap.parse_args(argv)
    todo = files(args.only)
    if todo:  # warm: imports, pdfminer's CMaps, the checks
        auditlint(todo[0][1], "pdfplumber")
        auditlint(todo[0][1], "pdfium")
    totals: dict[str, list[float]] = {}
    print(_machine())
    print("seconds, best of", args.repeat, "| plumber: pdfplumber extract_text + extract_tables | check: auditlint "
          "read → extract → checks | read: the reader alone | ratio: plumber / check fast, read plumber / read fast")
    print(f"{'file':56} {'pages':>5} {'plumber':>7} {'check':>6} {'check':>6} {'read':>6} {'read':>6} {'ratio':>6} "
          f"{'ratio':>6}")
    print(f"{'':56} {'':>5} {'':>7} {'plumbr':>6} {'fast':>6} {'plumbr':>6} {'fast':>6} {'check':>6} {'read':>6}")
    for group, path in todo:
        pages = pdfplumber_alone(path)
        best = [float("inf")] * 5
        for _ in range(args.repeat):
            best[0] = min(best[0], timed(pdfplumber_alone, path))
            best[1] = min(best[1], timed(auditlint, path, "pdfplumber"))
            best[2] = min(best[2], timed(auditlint, path, "pdfium"))
            best[3] = min(best[3], timed(reader_alone, path, "pdfplumber"))
            best[4] = min(best[4], timed(reader_alone, path, "pdfium"))
        t = totals.setdefault(group, [0, 0.0, 0.0, 0.0, 0.0, 0.0])
        t[0] += pages
        for k in range(5):
            t[k + 1] += best[k]
        shown = str(path.relative_to(ROOT.parent if group == "real" else ROOT))
        print(f"{shown:56} {pages:5d} {best[0]:7.2f} {best[1]:6.2f} {best[2]:6.2f} {best[3]:6.2f} {best[4]:6.2f} "
              f"{best[0] / best[2]:5.2f}× {best[3] / best[4]:5.2f}×")
    for group, (pages, plumber, check_plumber, check_fast, read_plumber, read_fast) in totals.items():
        print(f"TOTAL {group:50} {pages:5d} {plumber:7.2f} {check_plumber:6.2f} {check_fast:6.2f} {read_plumber:6.2f} "
              f"{read_fast:6.2f} {plumber / check_fast:5.2f}× {read_plumber / read_fast:5.2f}×")
        print(f"      {group}: {pages / check_fast:.1f} pages/s checked with the fast reader, "
              f"{pages / check_plumber:.1f} with pdfplumber's; {pages / read_fast:.1f} pages/s read, against "
              f"{pages / read_plumber:.1f}")
    os.environ.pop("AUDITLINT_PDF_READER", None)


if __name__ == "__main__":
    main()
