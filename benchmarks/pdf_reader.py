"""PDF reading speed: pdfplumber alone against `auditlint check` with each PDF reader.

    python benchmarks/pdf_reader.py [--repeat 3] [--only real|corpus]

For every PDF in ``../shared/real/`` (skipped, and said so, when the folder is
absent) and ``corpus/``, times in one process, best of N runs, the three
interleaved so that they see the same machine load:

* pdfplumber alone: ``extract_text()`` and ``extract_tables()`` over every page;
* auditlint read → extract → checks (``lint_file``) with the pdfplumber reader;
* the same with the PDFium reader (``AUDITLINT_PDF_READER=pdfium``).

Prints per file and in total the pages, the seconds and the ratio pdfplumber /
PDFium reader (the issue's target: ≥ 5×).
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
    print(f"{'file':62} {'pages':>5} {'plumber':>8} {'al+plumb':>8} {'al+pdfium':>9} {'ratio':>6}")
    for group, path in todo:
        pages = pdfplumber_alone(path)
        best = [float("inf")] * 3
        for _ in range(args.repeat):
            best[0] = min(best[0], timed(pdfplumber_alone, path))
            best[1] = min(best[1], timed(auditlint, path, "pdfplumber"))
            best[2] = min(best[2], timed(auditlint, path, "pdfium"))
        t = totals.setdefault(group, [0, 0.0, 0.0, 0.0])
        t[0] += pages
        for k in range(3):
            t[k + 1] += best[k]
        shown = str(path.relative_to(ROOT.parent if group == "real" else ROOT))
        print(f"{shown:62} {pages:5d} {best[0]:8.2f} {best[1]:8.2f} {best[2]:9.2f} {best[0] / best[2]:5.2f}×")
    for group, (pages, plumber, ours_plumber, ours_pdfium) in totals.items():
        print(f"TOTAL {group:56} {pages:5d} {plumber:8.2f} {ours_plumber:8.2f} {ours_pdfium:9.2f} "
              f"{plumber / ours_pdfium:5.2f}×   ({pages / ours_pdfium:.1f} pages/s with PDFium, "
              f"{pages / ours_plumber:.1f} with pdfplumber)")
    os.environ.pop("AUDITLINT_PDF_READER", None)


if __name__ == "__main__":
    main()
