"""Helpers to write the red-team reports: exact arithmetic, Word-like tables,
and the two plain-text extraction forms plus .docx.

A report is a list of blocks: a paragraph is a str, a table is a ``T``.
Table cells are strings; ``"^"`` means "vertically merged with the cell above"
(Word vMerge) and ``"<"`` means "horizontally merged with the cell to the left"
(gridSpan). Cell-per-line text prints a vMerge continuation as an empty cell and
drops gridSpan continuations (the row comes out short, as Word's own export
does); row-per-line text prints both as empty cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

D = Decimal


def q(x, d: int = 2) -> Decimal:
    """Round half up to ``d`` decimals."""
    return D(x).quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)


def s(x, d: int = 2) -> str:
    """Printed number, ``d`` decimals."""
    return f"{q(x, d):f}"


def wan(yuan, d: int = 2) -> str:
    """元 → 万元 printed with ``d`` decimals."""
    return s(D(yuan) / D(10000), d)


def thousands(x, d: int = 2) -> str:
    v = q(x, d)
    return f"{v:,.{d}f}"


def pct(num, den, d: int = 2, sign: bool = True) -> str:
    v = q(D(num) / D(den) * 100, d)
    return f"{v:f}%" if sign else f"{v:f}"


@dataclass
class T:
    rows: list[list[str]]
    style: str = "cell"  # "cell" or "row" (the plain-text form)
    widths: list[float] | None = None


@dataclass
class Report:
    blocks: list = field(default_factory=list)

    def p(self, *texts: str) -> None:
        self.blocks.extend(texts)

    def t(self, rows, style: str = "cell") -> None:
        self.blocks.append(T([list(r) for r in rows], style))

    # -- plain text ---------------------------------------------------------
    def text(self) -> str:
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, T):
                out.extend(_table_cell(b) if b.style == "cell" else _table_row(b))
            else:
                out.append(b)
        return "\n".join(out) + "\n"

    # -- docx ---------------------------------------------------------------
    def docx(self, path: Path) -> None:
        from docx import Document
        from docx.shared import Pt

        doc = Document()
        style = doc.styles["Normal"]
        style.font.size = Pt(10.5)
        for b in self.blocks:
            if isinstance(b, T):
                _docx_table(doc, b)
            elif b.strip():
                doc.add_paragraph(b)
            else:
                doc.add_paragraph("")
        doc.save(str(path))


def _table_cell(t: T) -> list[str]:
    lines: list[str] = []
    for r, row in enumerate(t.rows):
        if r:
            lines.append("")
        for _c, cell in enumerate(row):
            if cell == "<":
                continue
            text = "" if cell == "^" else cell
            first, *rest = text.split("\n")
            lines.append("\t" + first)
            lines.extend(rest)
    lines.append("")
    return lines


def _table_row(t: T) -> list[str]:
    lines = []
    for row in t.rows:
        cells = ["" if c in ("^", "<") else c.replace("\n", "") for c in row]
        lines.append("\t".join(cells))
    return lines


def _docx_table(doc, t: T) -> None:
    n = len(t.rows)
    w = max(len(r) for r in t.rows)
    table = doc.add_table(rows=n, cols=w)
    table.style = "Table Grid"
    # write texts first, then merge spans (python-docx keeps the first cell's text)
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            if cell not in ("^", "<"):
                table.cell(r, c).text = cell
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            if cell == "<":
                a = c - 1
                while t.rows[r][a] == "<":
                    a -= 1
                table.cell(r, a).merge(table.cell(r, c))
            elif cell == "^":
                a = r - 1
                while t.rows[a][c] == "^":
                    a -= 1
                table.cell(a, c).merge(table.cell(r, c))


def line_of(text: str, needle: str, nth: int = 1, after: str | None = None) -> int:
    """1-based line of the ``nth`` line containing ``needle`` (after the first line
    containing ``after``, when given)."""
    lines = text.split("\n")
    start = 0
    if after is not None:
        start = next(i for i, ln in enumerate(lines) if after in ln) + 1
    exact = needle.startswith("=")  # "=95": a line that is just 95 (a cell)
    if exact:
        needle = needle[1:]
    k = 0
    for i in range(start, len(lines)):
        if (lines[i].strip() == needle) if exact else (needle in lines[i]):
            k += 1
            if k == nth:
                return i + 1
    raise ValueError(f"{needle!r} not found")
