"""Tables whose cells are marked by "|", as Markdown and many web extractions print
them (issue 15, forms2 (a)):

    | 项目 | 预算数 | 执行数 |
    |------|--------|--------|
    | 基本支出 | 700.00 | 690.00 |

A run of two or more lines that each open or close with a "|" (full-width "｜" too)
and hold at least two of them is a table: every "|" ends a cell, "||" is an empty
cell, a Markdown rule line (|---|:--:|) and a line of bare pipes are no row, and a run
of pipes with nothing between them that ends a row pads it to the table's width (a
row whose cells were merged): it is no cells. The pipes state the cells, so
nothing is guessed about them; what can still need a guess is a row with fewer
cells than the table. A header row may be short (a merged cell over the sub-headers
under it: the TAB reader spreads it the same way); a row holding numbers may not,
because which column each of its numbers is under would be a guess. Then the block
is refused: kept as a table of whole lines with ``REFUSED_PIPES`` as the reason
``inspect`` shows.
"""

from __future__ import annotations

import re

from auditlint.readers.flat import Cell, FlatBlock, is_number

# why a block of pipe-marked rows was left unread (shown by ``auditlint inspect``)
REFUSED_PIPES = "pipe-rows-disagree"

_PIPES = "|｜"
_RULE = re.compile(r"^\s*:?-{2,}:?\s*$")  # one cell of a Markdown rule line
MIN_ROWS = 2


def _is_pipe_line(line: str) -> bool:
    if "|" not in line and "｜" not in line:  # most lines: no pipe at all
        return False
    t = line.strip()
    return ("\t" not in line and sum(t.count(p) for p in _PIPES) >= 2
            and (t[:1] in _PIPES or t[-1:] in _PIPES))


def _cells(line: str, lineno: int) -> list[Cell]:
    """The cells of one pipe-marked line with their 1-based columns; the empty piece
    before an opening "|" and after a closing one is no cell."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for k, ch in enumerate(line + "|"):
        if ch in _PIPES:
            pieces.append((start, line[start:k]))
            start = k + 1
    stripped = line.strip()
    if stripped[:1] in _PIPES:
        pieces = pieces[1:]
    if stripped[-1:] in _PIPES and pieces and not pieces[-1][1].strip():
        pieces = pieces[:-1]
    # a run of pipes with nothing between them at the end of a row ("丰都县林业局 | ||")
    # pads a row whose cells were merged up to the table's width: padding, not cells,
    # for where the merged cells stood is not stated
    while pieces and pieces[-1][1] == "":
        pieces = pieces[:-1]
    out = []
    for col, text in pieces:
        lead = len(text) - len(text.lstrip())
        out.append((lineno, col + lead + 1, text.strip()))
    return out


def _is_rule(cells: list[Cell]) -> bool:
    return bool(cells) and all(_RULE.match(t) for _, _, t in cells)


def _holds_number(cells: list[Cell]) -> bool:
    return any(is_number(t) for _, _, t in cells)


def pipe_rows(lines: list[str], i: int) -> FlatBlock | None:
    """The pipe-marked table starting at line ``i``, or None when line ``i`` does not
    start one (blank lines between its rows are skipped, as web extractions set them)."""
    if not _is_pipe_line(lines[i]):
        return None
    rows: list[list[Cell]] = []
    used: list[int] = []
    j = i
    while j < len(lines):
        if _is_pipe_line(lines[j]):
            cells = _cells(lines[j], j + 1)
            if any(t for _, _, t in cells) and not _is_rule(cells):
                rows.append(cells)
            used.append(j)
            j += 1
            continue
        nxt = next((k for k in range(j, len(lines)) if lines[k].strip()), None)
        if lines[j].strip() or nxt is None or not _is_pipe_line(lines[nxt]):
            break
        j = nxt
    if len(rows) < MIN_ROWS:
        return None
    end = used[-1] + 1
    width = max(len(r) for r in rows)
    if any(len(r) != width and _holds_number(r) for r in rows):
        whole = [[(n + 1, 1, lines[n].strip())] for n in used]
        return FlatBlock(i, end, whole, refused=REFUSED_PIPES)
    return FlatBlock(i, end, rows)
