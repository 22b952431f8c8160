"""Tables flattened out of their grid, as OCR and web extractions leave them.

Two forms reach auditors with no TAB to mark a cell (issue 15, form 5):

* **space-separated rows**: a header line of column names, then one line per row,
  "label n n n", the cells separated by spaces (a Word table pasted as text, an OCR
  layer);
* **one cell per line**: a web page's table with every cell on a line of its own,
  a header of k names, then rows of k lines (a label, then k−1 numbers).

Both are read only where the document states the columns: every row has exactly one
value under each column name of the header (a label may hold spaces when all its
words come before the numbers and none of them is a number). Then spaces separate
the cells as TABs would, nothing is guessed, and a 合计 row is the stated total it is
in any table. Anything that needs a guess is not read: a space-separated block whose
rows disagree with the header or with one another in their number of cells is
refused (kept as a table of whole lines, with ``REFUSED_FLAT`` as the reason
``inspect`` shows); a cell-per-line run whose period is not confirmed by several
full rows whose numbers line up column by column stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditlint.numbers import parse_quantity, prints_number

# why a block of space-separated rows was left unread (shown by ``auditlint inspect``)
REFUSED_FLAT = "flat-rows-disagree"

Cell = tuple[int, int, str]  # (1-based line, 1-based column, text)

_TOKEN = re.compile(r"[^\s\u3000]+")
# words a header cell or a row label never holds: sentence punctuation
_PROSE = re.compile(r"[。，；！？,;]")
_MAX_HEADER_CELL = 12
_MAX_LABEL = 30
MIN_ROWS = 2  # space-separated: rows under a header
MIN_CELL_ROWS = 3  # cell per line: full rows that confirm the period
_MAX_WIDTH = 16  # cell per line: header names looked for before the first number


@dataclass
class FlatBlock:
    """A block of lines read as a table (``rows``: cells with where they are), or
    refused (``refused`` set: each row is then one whole line)."""

    start: int  # 0-based index of the first line
    end: int  # 0-based index past the last line
    rows: list[list[Cell]]
    refused: str | None = None


is_number = prints_number  # the one test of "prints a number", in numbers.py


def _is_cell_value(text: str) -> bool:
    """A number, or a placeholder that stands in a number's cell (—, -, /)."""
    if is_number(text):
        return True
    q = parse_quantity(text.strip())
    return q is not None and q.placeholder is not None


def _shape(text: str) -> str:
    """How a number is printed: a rate (%), an amount with a unit or comparator, or bare."""
    q = parse_quantity(text.strip())
    if q is None:
        return "?"
    if q.unit == "%":
        return "%"
    return "plain" if q.unit is None and q.comparator in (None, "=") else "measure"


def _tokens(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _TOKEN.finditer(line)]


def _header_word(text: str) -> bool:
    return 0 < len(text) <= _MAX_HEADER_CELL and not is_number(text) and not _PROSE.search(text)


def _is_header_line(line: str) -> bool:
    # str.split() cuts at the whitespace \s stands for (U+3000 among it): _tokens' words,
    # counted without building their places, for the many lines that are no header
    if "\t" in line or len(line.split()) < 3:
        return False
    return all(_header_word(t) for _, t in _tokens(line))


def _numbers_at_end(toks: list[tuple[int, str]]) -> int:
    """How many of the line's last words are numbers (or placeholders standing for one)."""
    n = 0
    for _, t in reversed(toks):
        if not _is_cell_value(t):
            break
        n += 1
    return n


def _is_row_line(line: str) -> bool:
    toks = _tokens(line)
    return "\t" not in line and len(toks) >= 3 and _numbers_at_end(toks) >= 2 and not _PROSE.search(line)


def _row_like(line: str) -> bool:
    """A line that may be a row of the table cut short (a label and a number): the
    table may go on in a shape that cannot be read, so the rows above are not all."""
    toks = _tokens(line)
    return "\t" not in line and len(toks) >= 2 and _numbers_at_end(toks) >= 1 and not _PROSE.search(line)


def _row_cells(toks: list[tuple[int, str]], width: int, lineno: int) -> list[Cell] | None:
    """The row's cells under a header of ``width`` names, or None when that takes a
    guess: the numbers are the last width−1 words; the label, every word before them,
    none a number."""
    numbers = _numbers_at_end(toks)
    if numbers != width - 1 or len(toks) < width:
        return None
    label = toks[: len(toks) - numbers]
    if any(_is_cell_value(t) for _, t in label) or len(" ".join(t for _, t in label)) > _MAX_LABEL:
        return None
    cells = [(lineno, label[0][0] + 1, " ".join(t for _, t in label))]
    cells += [(lineno, col + 1, t) for col, t in toks[len(label):]]
    return cells


def space_separated(lines: list[str], i: int) -> FlatBlock | None:
    """A header line at ``i`` and the space-separated rows under it, or None when
    line ``i`` does not start such a block."""
    if not _is_header_line(lines[i]):
        return None
    j = i + 1
    while j < len(lines) and _is_row_line(lines[j]):
        j += 1
    if j - i - 1 < MIN_ROWS:
        return None
    header = _tokens(lines[i])
    rows: list[list[Cell]] = [[(i + 1, col + 1, t) for col, t in header]]
    cut_short = j < len(lines) and _row_like(lines[j])
    for k in range(i + 1, j):
        cells = _row_cells(_tokens(lines[k]), len(header), k + 1)
        if cells is None or cut_short:
            end = j + 1 if cut_short else j
            whole = [[(n + 1, 1, lines[n].strip())] for n in range(i, end)]
            return FlatBlock(i, end, whole, refused=REFUSED_FLAT)
        rows.append(cells)
    return FlatBlock(i, j, rows)


def _label_line(text: str) -> bool:
    return 0 < len(text) <= _MAX_LABEL and not is_number(text) and not _PROSE.search(text) and "\t" not in text


def _filled(lines: list[str], i: int) -> Iterator[tuple[int, str]]:
    """The non-blank lines from ``i`` on (web extractions set blank lines between cells)."""
    for n in range(i, len(lines)):
        if lines[n].strip():
            yield n, lines[n].strip()


def cell_per_line(lines: list[str], i: int) -> FlatBlock | None:
    """A table printed one cell per line starting at ``i`` (blank lines between cells
    are skipped), or None. The period k comes from the first row: its label and the
    run of numbers after it; the k lines before that label are the header. Every row
    must then be a label and k−1 numbers, at least ``MIN_CELL_ROWS`` of them, each
    column's numbers printed alike (all rates, or all bare amounts), and no row cut
    short after them."""
    if not _header_word(lines[i].strip()) or "\t" in lines[i]:
        return None
    it = _filled(lines, i)
    head = _header_and_label(it)
    if head is None:
        return None
    width = len(head) - 2  # header names; then the first row's label and its first number
    rows = _full_rows(it, head[width:], width)
    if rows is None or len(rows) < MIN_CELL_ROWS or not _lined_up(rows):
        return None
    header = [[(n + 1, 1, t) for n, t in head[:width]]]
    end = rows[-1][-1][0] + 1
    return FlatBlock(i, end, header + [[(n + 1, 1, t) for n, t in r] for r in rows])


def _header_and_label(it: Iterator[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The header's lines, the first row's label and its first number; None when
    they are not short names before a number."""
    filled: list[tuple[int, str]] = []
    for n, t in it:
        filled.append((n, t))
        if is_number(t) or len(filled) > 2 * _MAX_WIDTH:
            break
        if not _header_word(t):
            # only the label right before the first number may be no header word: a
            # line of running text ends the search here, not 32 lines further down
            if not _label_line(t):
                return None
            after = next(it, None)
            if after is None:
                return None
            filled.append(after)
            break
    width = len(filled) - 2
    if width < 3 or not is_number(filled[-1][1]):
        return None
    if any(not _header_word(t) for _, t in filled[:width]) or not _label_line(filled[width][1]):
        return None
    return filled


def _full_rows(it: Iterator[tuple[int, str]], row: list[tuple[int, str]],
               width: int) -> list[list[tuple[int, str]]] | None:
    """The rows of ``width`` lines (a label, then numbers) from ``row`` on; None when a
    row is cut short after them (a number, or a label and a number): the period is
    not confirmed to the end."""
    rows: list[list[tuple[int, str]]] = []
    for n, t in it:
        row.append((n, t))
        if len(row) < width:
            continue
        if not _label_line(row[0][1]) or not all(is_number(c) for _, c in row[1:]):
            break
        rows.append(row)
        row = []
    if row and (is_number(row[0][1]) or (len(row) > 1 and is_number(row[1][1]))):
        return None
    return rows


def _lined_up(rows: list[list[tuple[int, str]]]) -> bool:
    return all(len({_shape(row[c][1]) for row in rows}) == 1 for c in range(1, len(rows[0])))
