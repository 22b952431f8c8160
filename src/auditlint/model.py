"""The Document model every reader produces and every extractor reads.

A Document is an ordered list of blocks: paragraphs and tables. Tables are plain
grids (merged cells resolved: the merged text once, the covered cells present but
empty), and every block and cell knows where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class Location:
    """Where something is. All numbers are 1-based, as a reader would count them.

    ``line``/``column`` are for text-like inputs, ``page`` for PDF, ``paragraph``
    for DOCX/HTML paragraphs; ``table``/``row``/``col`` locate a table cell.
    ``sheet``/``cell`` are a workbook's sheet name and the cell's A1 reference
    ("D12"), as Excel names them: the trimmed grid's row and column are not the
    sheet's.
    """

    path: str
    page: int | None = None
    line: int | None = None
    column: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    paragraph: int | None = None
    sheet: str | None = None
    cell: str | None = None

    # A Location is made for every table cell and every place a finding quotes. The
    # __init__ dataclass writes for a frozen class sets each field with object.__setattr__
    # (a lookup by name per field); this one, with the same signature, sets the slots
    # through their descriptors, in half the time. tests/test_reader_speed_model.py holds
    # it to the fields above.
    def __init__(self, path: str, page: int | None = None, line: int | None = None, column: int | None = None,
                 table: int | None = None, row: int | None = None, col: int | None = None,
                 paragraph: int | None = None, sheet: str | None = None, cell: str | None = None) -> None:
        _set_path(self, path)
        _set_page(self, page)
        _set_line(self, line)
        _set_column(self, column)
        _set_table(self, table)
        _set_row(self, row)
        _set_col(self, col)
        _set_paragraph(self, paragraph)
        _set_sheet(self, sheet)
        _set_cell(self, cell)

    def to_dict(self) -> dict[str, object]:
        # the workbook fields only when set: every other format's JSON stays as it was
        extra = {k: v for k, v in (("sheet", self.sheet), ("cell", self.cell)) if v is not None}
        return {
            "path": self.path,
            "page": self.page,
            "line": self.line,
            "column": self.column,
            "table": self.table,
            "row": self.row,
            "col": self.col,
            "paragraph": self.paragraph,
            **extra,
        }

    def with_(self, **changes: object) -> Location:
        if not changes.keys() <= _SETTERS.keys():
            return replace(self, **changes)  # type: ignore[arg-type]  # its TypeError names the field
        # dataclasses.replace reads every field's metadata on each call; location_at
        # calls this for each quoted place
        new = Location(*_values(self))
        for name, value in changes.items():
            _SETTERS[name](new, value)
        return new


_SETTERS = {f.name: getattr(Location, f.name).__set__ for f in fields(Location)}
(_set_path, _set_page, _set_line, _set_column, _set_table, _set_row, _set_col, _set_paragraph, _set_sheet,
 _set_cell) = _SETTERS.values()
_values = attrgetter(*_SETTERS)  # a Location's fields in order, as one tuple


@dataclass(slots=True)
class Cell:
    """One grid cell. ``text`` is the cleaned single-line text used for matching
    (line breaks inside a cell dropped between CJK characters); ``raw`` keeps the
    lines as printed."""

    text: str
    location: Location
    raw: str = ""
    merged: bool = False  # covered by a neighbour's merge: present but empty

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Table:
    index: int  # 1-based, in document order
    rows: list[list[Cell]]
    location: Location
    # 0-based rows whose cells' columns a reader had to guess (a short row that fits
    # the grid in more than one way); extractors take no numbers from them
    uncertain_rows: frozenset[int] = frozenset()
    # why a reader kept this block as a table of whole lines without reading its cells
    # (a flattened table whose rows disagree); coverage shows it as left alone
    unread: str | None = None

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> Cell | None:
        """0-based access; None outside the grid."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def texts(self) -> list[list[str]]:
        return [[c.text for c in r] for r in self.rows]


@dataclass(slots=True)
class Paragraph:
    index: int  # 1-based, in document order among paragraphs
    text: str
    location: Location
    # offsets in ``text`` where a new source line begins (multi-line paragraphs)
    line_breaks: tuple[int, ...] = ()
    # where each source line starts, when they are not simply consecutive lines
    # (PDF: a paragraph wrapped by the page width, perhaps over a page break);
    # one more entry than ``line_breaks``
    line_locations: tuple[Location, ...] = ()

    def location_at(self, offset: int) -> Location:
        """Location of the character at ``offset`` in ``text``."""
        base = self.location
        if self.line_locations:
            k = sum(1 for b in self.line_breaks if b <= offset)
            start = self.line_breaks[k - 1] if k else 0
            loc = self.line_locations[min(k, len(self.line_locations) - 1)]
            return loc.with_(column=(loc.column or 1) + offset - start)
        if base.line is None:
            return base
        before = [b for b in self.line_breaks if b <= offset]
        if not before:
            return base.with_(column=(base.column or 1) + offset)
        return base.with_(line=base.line + len(before), column=offset - before[-1] + 1)


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    path: str
    format: str  # "text" | "pdf" | "docx" | "html" | "xlsx", or "doc"/"xls" read through LibreOffice
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    encoding: str | None = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def join_cell_lines(lines: list[str]) -> str:
    """Join the lines of a cell into one matching text.

    Word wraps CJK text inside narrow cells ("一级\\n指标"); the break carries no
    meaning there, so it is dropped, except between two Latin letters or digits
    where it stood for a space.
    """
    if len(lines) == 1:  # most cells: what the loop below makes of one line
        return lines[0].strip()
    out = ""
    for part in (ln.strip() for ln in lines):
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalpha():
            out += " "
        out += part
    return out
