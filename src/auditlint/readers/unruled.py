"""Tables printed without full rules (no lines, or only the three rules of a
三线表), found from the alignment of the text, as pdfplumber's "text" strategy
does, but only where lines look like table rows.

A run of at least three consecutive lines, each cut by wide gaps into several
runs of text, with numbers in at least two of them, is a table candidate. Its
columns are the x-ranges the numeric rows' cells cover; a candidate whose rows
put two cells in one column, or that has fewer than three columns, is left as
text. Header lines above the numbers place their cells by overlap, a header
over several columns standing for a merged cell.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditlint.readers.pdf import is_number as _numeric

if TYPE_CHECKING:
    from auditlint.readers.pdf import Line, PageTable

MIN_ROWS = 3
MIN_COLUMNS = 3
_CAPTION = re.compile(r"^\s*(?:续?表\s*\d|单位[:：]|附表|附件)")


def _is_row(line: Line) -> bool:
    return len(line.segments) >= 2


def _body(line: Line) -> bool:
    return _is_row(line) and any(_numeric(t) for _, _, t in line.segments[1:])


def _columns(body: list[Line]) -> list[tuple[float, float]] | None:
    """The x-ranges of the columns: the union of the body rows' cells, or None
    when a row puts two cells in one range (the rows do not align)."""
    spans = sorted((a, b) for ln in body for a, b, _ in ln.segments)
    cols: list[list[float]] = []
    for a, b in spans:
        if cols and a <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])
    out = [(a, b) for a, b in cols]
    for ln in body:
        hit = [_column_of(out, a, b) for a, b, _ in ln.segments]
        if len(set(hit)) != len(hit):
            return None
    return out


def _column_of(cols: list[tuple[float, float]], a: float, b: float) -> int:
    mid = (a + b) / 2
    best = min(range(len(cols)), key=lambda k: 0 if cols[k][0] <= mid <= cols[k][1] else
               min(abs(mid - cols[k][0]), abs(mid - cols[k][1])))
    return best


def _overlapped(cols: list[tuple[float, float]], a: float, b: float) -> list[int]:
    return [k for k, (x0, x1) in enumerate(cols) if min(b, x1) - max(a, x0) > 0]


def _runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of consecutive row-like lines. A short single run of
    text between two of them (a group heading row) belongs to the run; a
    caption, a wider gap than the rows before keep, or a new header row (three
    or more cells without numbers after rows with numbers) starts another."""
    out = []
    i, n = 0, len(lines)
    while i < n:
        if not _is_row(lines[i]) or _CAPTION.match(lines[i].text):
            i += 1
            continue
        j = i + 1
        gaps: list[float] = []
        seen_body = _body(lines[i])
        while j < n:
            ln = lines[j]
            gap = ln.top - lines[j - 1].bottom
            usual = sorted(gaps)[len(gaps) // 2] if gaps else None
            if gap > 2.0 * lines[j - 1].size or (usual is not None and gap > 1.8 * usual + 1.0):
                break
            if _CAPTION.match(ln.text):
                break
            if _is_row(ln):
                if seen_body and not _body(ln) and len(ln.segments) >= 3:
                    break
            elif not (j + 1 < n and _is_row(lines[j + 1]) and len(ln.text) <= 12):
                break
            seen_body = seen_body or _body(ln)
            gaps.append(gap)
            j += 1
        out.append((i, j))
        i = j
    return out


def _table(run: list[Line], page: int) -> PageTable | None:
    from auditlint.readers.pdf import Line, PageTable

    first_body = next((k for k, ln in enumerate(run) if _body(ln)), None)
    if first_body is None:
        return None
    body = [ln for ln in run[first_body:] if _body(ln)]
    if len(body) < 2:
        return None
    cols = _columns(body)
    if cols is None or len(cols) < MIN_COLUMNS:
        return None
    # header lines: row-like lines above the numbers that fit the columns; a caption stays text
    start = first_body
    while start > 0:
        ln = run[start - 1]
        if _CAPTION.match(ln.text) or any(len(_overlapped(cols, a, b)) >= 3 for a, b, _ in ln.segments):
            break
        start -= 1
    rows = run[start:]
    if len(rows) < MIN_ROWS:
        return None
    grid: list[list[list[Line] | None]] = []
    for ln in rows:
        cells: list[list[Line]] = [[] for _ in cols]
        covered: set[int] = set()
        for a, b, text in ln.segments:
            over = _overlapped(cols, a, b) or [_column_of(cols, a, b)]
            target = cells[over[0]]
            if target:  # two runs in one column ("项  目" with its spaces): one cell
                prev = target[-1]
                target[-1] = Line(page=page, top=prev.top, bottom=prev.bottom, x0=prev.x0, x1=b, size=prev.size,
                                  text=f"{prev.text} {text}", head=0.0)
            else:
                target.append(Line(page=page, top=ln.top, bottom=ln.bottom, x0=a, x1=b, size=ln.size, text=text,
                                   head=0.0))
            covered.update(over[1:])
        # a header spanning several columns is a merged cell: the columns it covers are present but empty
        grid.append([None if k in covered and not cell else cell for k, cell in enumerate(cells)])
    x0 = min(a for a, _ in cols)
    x1 = max(b for _, b in cols)
    bbox = (x0, rows[0].top, x1, rows[-1].bottom)
    return PageTable(page=page, bbox=bbox, columns=[a for a, _ in cols] + [x1], grid=grid)


def find_unruled(lines: list[Line], page: int) -> tuple[list[PageTable], list[Line]]:
    """Tables among the page's running-text lines, and the lines left as text."""
    tables: list[PageTable] = []
    used: set[int] = set()
    for i, j in _runs(lines):
        run = lines[i:j]
        if sum(1 for ln in run if _body(ln)) < 2:
            continue
        table = _table(run, page)
        if table is None:
            continue
        tables.append(table)
        taken = {id(ln) for ln in run if ln.top >= table.bbox[1] - 0.01}
        used |= taken
    return tables, [ln for ln in lines if id(ln) not in used]
