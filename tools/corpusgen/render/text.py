"""Plain text as Word's and WPS's text exports print a report.

Cell per line: every cell a TAB-led line (continuation lines of a multi-line cell
without it), a blank line after each row; a vertically merged continuation prints as
an empty cell and a horizontally merged one not at all (the row comes out short, as
Word's own export does). Row per line: the cells of a row joined by TABs, both kinds
of covered cell printed empty.
"""

from __future__ import annotations

from corpusgen.model import COVERED, Report, T


def cell_lines(rows: list[list[str]], starts: dict[tuple[int, int], int] | None = None) -> list[str]:
    """A table cell per line, a blank line after each row (the last included); ``starts``,
    when given, receives the index of each printed cell's first line."""
    lines: list[str] = []
    for r, row in enumerate(rows):
        if r:
            lines.append("")
        for c, cell in enumerate(row):
            if cell == "<":
                continue
            if starts is not None:
                starts[(r, c)] = len(lines)
            text = "" if cell == "^" else cell
            first, *rest = text.split("\n")
            lines.append("\t" + first)
            lines.extend(rest)
    lines.append("")
    return lines


def row_lines(rows: list[list[str]]) -> list[str]:
    """A table row per line, cells joined by TABs."""
    return ["\t".join("" if c in COVERED else c.replace("\n", "") for c in row) for row in rows]


def render_text(report: Report) -> str:
    out: list[str] = []
    for b in report.blocks:
        if isinstance(b, T):
            style = b.style or report.style
            out.extend(cell_lines(b.rows) if style == "cell" else row_lines(b.rows))
        elif isinstance(b, str):
            out.append(b)
    return "\n".join(out) + "\n"
