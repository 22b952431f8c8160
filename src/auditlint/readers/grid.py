"""Tables given as spanning cells (HTML rowspan/colspan, Word gridSpan/vMerge)
turned into the model's plain grid: a span's text once at its top-left, the
positions it covers present and empty.

Positions covered from the left are ``merged``; the first position of each
lower row of a vertical span is a plain empty cell. That is the grid Word's own
text extraction prints (a vMerge continuation is an empty cell of its row) and
the text reader reads, so a report gives the same Document in every format, and
extractors that carry a ``merged`` header's text from its left neighbour (a
heading over several columns) stay right.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditlint.model import Cell, Location, Table, join_cell_lines

# a malformed file must not make a grid of millions of cells
MAX_SPAN = 200


@dataclass
class Span:
    row: int  # 0-based top-left position in the grid
    col: int
    rows: int
    cols: int
    lines: list[str]
    line: int | None = None  # source line, for formats that have one (HTML)


def place(rows: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """Grid positions for rows of (rowspan, colspan) cells laid out as HTML does:
    each cell takes the first column its row has free. Returns (row, col) per cell."""
    taken: set[tuple[int, int]] = set()
    out: list[list[tuple[int, int]]] = []
    for r, cells in enumerate(rows):
        c = 0
        placed = []
        for rowspan, colspan in cells:
            while (r, c) in taken:
                c += 1
            placed.append((r, c))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            c += colspan
        out.append(placed)
    return out


def to_table(spans: list[Span], index: int, path: str, n_rows: int, line: int | None = None) -> Table | None:
    """The grid of ``spans`` (``n_rows`` rows; a span reaching beyond is cut there),
    or None when nothing is in it."""
    if not spans or n_rows <= 0:
        return None
    width = max(s.col + s.cols for s in spans)
    owner: dict[tuple[int, int], Span] = {}
    for s in spans:
        for r in range(s.row, min(s.row + s.rows, n_rows)):
            for c in range(s.col, s.col + s.cols):
                owner.setdefault((r, c), s)
    rows: list[list[Cell]] = []
    for r in range(n_rows):
        cells = []
        for c in range(width):
            s = owner.get((r, c))
            loc = Location(path=path, line=s.line if s else line, table=index, row=r + 1, col=c + 1)
            if s is None:
                cells.append(Cell(text="", location=loc))
            elif (s.row, s.col) == (r, c):
                cells.append(Cell(text=join_cell_lines(s.lines), location=loc, raw="\n".join(s.lines)))
            else:
                cells.append(Cell(text="", location=loc, merged=c != s.col))
        rows.append(cells)
    if not any(c.text for row in rows for c in row):
        return None
    return Table(index=index, rows=rows, location=Location(path=path, line=line, table=index))
