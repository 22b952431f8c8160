"""Real-size text reports for the batch benchmark: the size of the seeds (~700 lines,
~10,000 characters, many tables), each distinct.

A generated real-size report is a few of the corpus generator's hand-written realistic
reports (``tools/corpusgen/realistic``) followed by synth shapes (``tools/corpusgen/synth``)
until it has ~700 lines. Report ``k`` takes its realistic reports from a rotation that
pairs them differently for every ``k``, renders its synth shapes with seed ``k`` (their
figures differ from seed to seed), and nudges every decimal figure of its realistic part
by a per-copy amount, so no two copies share their figures: neither the batch's cache nor
any in-process cache of the checker sees the same sentence or cell twice, except the
labels and headings every report of a kind shares.

Copies of the seeds (``../shared/seeds``, never committed to the project) are made the
same way at run time: every decimal figure nudged per copy.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_LINES = 700
REALISTIC_LINES = 420  # the rest from synth shapes, whose figures vary with the seed
# a decimal figure: its last digit is the one a copy changes
_DECIMAL = re.compile(r"(?<![\d.])(\d+\.\d*)(\d)(?![\d.])")


def nudged(text: str, k: int) -> str:
    """``text`` with the last digit of every decimal figure shifted by an amount that
    depends on ``k`` and on the figure's place, so copies ``k`` and ``k'`` differ (for any two
    ``k`` under 1,000, once the text has 40 figures; the shifts for ``k`` under 100 are those
    of the earlier benchmarks, whose copies repeated from ``k`` = 100 on)."""
    count = 0

    def shift(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        step = k + count * (k // 10 + 1) + count * (count + 1) // 2 * (k // 100)
        return m.group(1) + str((int(m.group(2)) + step) % 10)

    return _DECIMAL.sub(shift, text)


def _tools() -> None:
    tools = str(ROOT / "tools")  # the corpus generator is not installed
    if tools not in sys.path:
        sys.path.insert(0, tools)


def _realistic_texts() -> list[str]:
    _tools()
    from corpusgen.realistic import reports
    from corpusgen.render.text import render_text

    return [render_text(m.build()) for m in reports() if "txt" in m.FORMATS]


def _synth_text(shape: str, seed: int) -> str:
    from corpusgen.synth.render import render_text
    from corpusgen.synth.shapes import SHAPES

    return render_text(SHAPES[shape](seed))[0]


def real_size_report(k: int, realistic: list[str]) -> str:
    """The ``k``-th real-size report."""
    from corpusgen.synth.shapes import SHAPES

    parts: list[str] = []
    lines = 0
    step = 1 + k // len(realistic) % (len(realistic) - 1)  # a different pairing every round
    i = k
    while lines < REALISTIC_LINES:
        text = nudged(realistic[i % len(realistic)], k)
        parts.append(text)
        lines += text.count("\n")
        i += step
    shapes = list(SHAPES)
    j = k
    while lines < TARGET_LINES:
        text = _synth_text(shapes[j % len(shapes)], k + 1)
        parts.append(text)
        lines += text.count("\n")
        j += 1
    return "\n".join(parts)


def write_real_size(folder: Path, n: int) -> Path:
    """``n`` real-size text reports in ``folder`` (kept if already there)."""
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == n:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    realistic = _realistic_texts()
    for k in range(n):
        (folder / f"real-{k:05d}.txt").write_text(real_size_report(k, realistic), encoding="utf-8")
    return folder


def write_seed_copies(folder: Path, seeds: Path, n: int) -> Path:
    """``n`` distinct copies of the seeds' text reports, in turn, each with its figures nudged."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt report in {seeds}")
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"seed-{k:05d}.txt").write_text(nudged(texts[k % len(texts)], k // len(texts) + 1),
                                                   encoding="utf-8")
    return folder


def seeds_folder() -> Path | None:
    """The seeds beside the checkout (``../shared/seeds``), if there."""
    for cand in (ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds"):
        if cand.is_dir():
            return cand
    return None


def real_pdfs_folder() -> Path | None:
    """The real PDFs beside the checkout (``../shared/real``), if there."""
    for cand in (ROOT.parent / "shared" / "real", ROOT.parent.parent / "shared" / "real"):
        if cand.is_dir() and any(cand.glob("*.pdf")):
            return cand
    return None


def write_pdf_copies(folder: Path, source: Path, copies: int) -> Path:
    """``copies`` copies of every PDF in ``source``, each with its own bytes: a PDF comment
    after the file's end, which readers skip (the batch checks identical bytes once)."""
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(source.glob("*.pdf")):
        data = pdf.read_bytes()
        for k in range(copies):
            name = pdf.name if copies == 1 else f"{pdf.stem}-copy{k:03d}.pdf"
            tail = b"" if copies == 1 else f"\n%auditlint copy {k}\n".encode()
            (folder / name).write_bytes(data + tail)
    return folder


def shape_of(folder: Path, read: Callable[[bytes, str], object] | None = None) -> dict[str, float]:
    """Mean lines, characters and tables (as the text reader finds them) of the reports in ``folder``."""
    from auditlint.model import Table
    from auditlint.readers import read_data

    files = sorted(folder.glob("*.txt"))
    lines = chars = tables = 0
    for p in files:
        data = p.read_bytes()
        text = data.decode("utf-8")
        lines += text.count("\n")
        chars += len(text)
        doc = read_data(data, p.name)
        tables += sum(isinstance(b, Table) for b in doc.blocks)
    n = max(1, len(files))
    return {"reports": len(files), "lines": round(lines / n), "chars": round(chars / n), "tables": round(tables / n, 1)}
