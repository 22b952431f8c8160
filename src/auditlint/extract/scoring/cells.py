"""What one cell or row of a scoring table says: a plain number, a label, a serial
number's depth, the printed row as a snippet, and where a character of a cell is printed."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from auditlint.extract.headers import squash
from auditlint.extract.tables import split_serial
from auditlint.model import Cell, Location
from auditlint.numbers import Approx, Quantity, normalize, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.scoring.model import ScoringTable


def row_snippet(row: list[Cell]) -> str:
    """The row's printed cells, as a finding quotes them."""
    return " ".join(c.text for c in row if c.text.strip())[:160]


def points_of(q: Quantity | None) -> Approx | None:
    """A weight or score as an interval: weights and scores stand for themselves
    ("2", "2.5"), but one printed with two or more decimals ("33.33") was rounded."""
    if q is None or q.value is None:
        return None
    return Approx.printed(q.value, q.decimals) if q.decimals >= 2 else Approx.exact(q.value)


def cell_location(cell: Cell, offset: int) -> Location:
    """The location of character ``offset`` of ``cell.text``: the cell's lines are
    rejoined as the reader joined them, so the line a number sits on is known."""
    loc = cell.location
    raw_lines = cell.raw.split("\n") if cell.raw else []
    if loc.line is None or not raw_lines:
        return loc
    pos = 0
    first = next((i for i, ln in enumerate(raw_lines) if ln.strip()), 0)
    starts: list[tuple[int, int]] = []
    out = ""
    for i, ln in enumerate(raw_lines):
        part = ln.strip()
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalpha():
            out += " "
        starts.append((len(out), i))
        out += part
    if out != cell.text:
        return loc
    idx = first
    for pos, i in starts:
        if pos <= offset:
            idx = i
    return loc.with_(line=loc.line + (idx - first), column=None)


@lru_cache(maxsize=1 << 16)  # asked of every cell of a table's top rows, by each header reading
def numberish(text: str) -> bool:
    """The text is a number (with digits): "2", "95%", "≥90"."""
    t = text.strip()
    if not t or not any(ch.isdigit() for ch in t):
        return False
    q = parse_quantity(t)
    return q is not None and q.is_number


def number(cell: Cell | None) -> Quantity | None:
    """A weight or score cell's number: plain, or in 分; None for a bound, a range or a
    figure in another unit."""
    if cell is None or not cell.text.strip():
        return None
    q = parse_quantity(cell.text)
    if q is None or not q.is_number or q.comparator is not None or q.upper is not None:
        return None
    if q.unit not in (None, "分"):
        return None
    return q


def label(row: list[Cell]) -> tuple[str, Cell | None]:
    """The row's first printed cell, squashed, when it is words; ("", None) when the row
    starts with a number or prints nothing."""
    for cell in row:
        if cell.text.strip():
            if numberish(cell.text):
                return "", None
            return squash(cell.text), cell
    return "", None


def serial_depth(text: str) -> int | None:
    """The depth of a row's serial number: 一、 1, （一） 2, 1. 3, （1） 4; None when unnumbered."""
    return split_serial(normalize(text))[2]


def role_cell(st: ScoringTable, row: list[Cell], role: str) -> Cell | None:
    """The row's cell in the column of ``role``, when the table has one."""
    col = st.column(role)
    if col is None or col.index >= len(row):
        return None
    return row[col.index]
