"""Excel workbooks (.xlsx) through openpyxl: the 自评表 and budget tables finance
offices keep as spreadsheets.

Every visible sheet is read top to bottom. Runs of rows separated by an empty
row are blocks: the rows at the top of a block with a single value (the title,
"单位：万元") are paragraphs, as they are in a Word report above its table, and
so are rows at the bottom merged across the whole width (a note); the rest is
a table. Merged cells become the model's grid as in DOCX (grid.py); empty
columns are dropped. Numbers are taken as the cell's number format prints them
(numfmt.py), formulas by the value Excel saved with them. Every block and cell
knows its sheet and A1 reference, so findings read ``Sheet1!D12``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from auditlint.model import Document, Location, Paragraph, Table
from auditlint.readers.grid import MAX_SPAN, Span, to_table
from auditlint.readers.numfmt import printed

# a formula cell with no saved result: a workbook written by a program and never
# calculated (a string result, t="str", may be empty: ="" is common in templates)
_UNCALCULATED = re.compile(rb'<c\b(?![^>]*\bt="(?:str|s|e|b|inlineStr)")[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)'
                           rb"\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")
# a sheet styled down to row 1,048,576 holds no report; past this, refuse rather than hang
MAX_CELLS = 2_000_000


@dataclass(frozen=True)
class _Anchor:
    """A value and the rectangle it fills (a merged range, or its own cell)."""

    row: int  # 1-based sheet coordinates
    col: int
    last_row: int
    last_col: int
    text: str


@dataclass
class _Builder:
    path: str
    blocks: list[Paragraph | Table] = field(default_factory=list)
    n_tables: int = 0
    n_paragraphs: int = 0

    def paragraph(self, anchor: _Anchor, sheet: str) -> None:
        from openpyxl.utils import get_column_letter

        for line in anchor.text.split("\n"):
            text = line.replace("\u00a0", " ").strip(" \u3000\t")
            if text:
                self.n_paragraphs += 1
                loc = Location(path=self.path, paragraph=self.n_paragraphs, sheet=sheet,
                               cell=f"{get_column_letter(anchor.col)}{anchor.row}")
                self.blocks.append(Paragraph(index=self.n_paragraphs, text=text, location=loc))

    def table(self, rows: list[int], anchors: list[_Anchor], sheet: str) -> None:
        from openpyxl.utils import get_column_letter

        cols = sorted({c for a in anchors for c in range(a.col, a.last_col + 1)})
        grid_row = {r: i for i, r in enumerate(rows)}
        grid_col = {c: i for i, c in enumerate(cols)}
        spans = []
        for a in anchors:
            height = sum(1 for r in rows if a.row <= r <= a.last_row)
            width = sum(1 for c in cols if a.col <= c <= a.last_col)
            spans.append(Span(grid_row[a.row], grid_col[a.col], min(height, MAX_SPAN), min(width, MAX_SPAN),
                              [ln.replace("\u00a0", " ") for ln in a.text.split("\n")]))
        table = to_table(spans, self.n_tables + 1, self.path, len(rows))
        if table is None:
            return
        self.n_tables += 1
        for r, cells in zip(rows, table.rows):
            for c, cell in zip(cols, cells):
                cell.location = cell.location.with_(sheet=sheet, cell=f"{get_column_letter(c)}{r}")
        table.location = table.location.with_(sheet=sheet)
        self.blocks.append(table)

    def block(self, rows: list[int], anchors: list[_Anchor], sheet: str) -> None:
        """One run of rows: title rows, a table, note rows."""
        by_row: dict[int, list[_Anchor]] = {}
        for a in anchors:
            by_row.setdefault(a.row, []).append(a)
        left = min(a.col for a in anchors)
        right = max(a.last_col for a in anchors)
        if left == right or all(len(by_row.get(r, ())) <= 1 for r in rows):
            for a in sorted(anchors, key=lambda a: (a.row, a.col)):
                self.paragraph(a, sheet)
            return
        head: list[_Anchor] = []
        while rows and len(by_row.get(rows[0], ())) == 1 and by_row[rows[0]][0].last_row == rows[0]:
            head.append(by_row[rows.pop(0)][0])
        tail: list[_Anchor] = []
        while rows and len(by_row.get(rows[-1], ())) == 1 and _spans_width(by_row[rows[-1]][0], left, right):
            tail.insert(0, by_row[rows.pop()][0])
        for a in head:
            self.paragraph(a, sheet)
        body = [a for a in anchors if a not in head and a not in tail]
        if body:
            self.table(rows, body, sheet)
        for a in tail:
            self.paragraph(a, sheet)


def _spans_width(a: _Anchor, left: int, right: int) -> bool:
    return a.col == left and a.last_col == right and a.row == a.last_row


def _anchors(ws) -> list[_Anchor]:  # noqa: ANN001 - an openpyxl worksheet
    from auditlint.readers import ReadError

    if (ws.max_row or 0) * (ws.max_column or 0) > MAX_CELLS:
        raise ReadError(f"sheet {ws.title!r} is too large to be a report table "
                        f"({ws.max_row} rows × {ws.max_column} columns): delete the empty rows and columns and save again")
    merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    out = []
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:  # empty, or covered by a merge
                continue
            text = printed(cell.value, cell.number_format)
            if not text.strip():
                continue
            m = merged.get((cell.row, cell.column))
            out.append(_Anchor(cell.row, cell.column, m.max_row if m else cell.row, m.max_col if m else cell.column,
                               text))
    return out


def _runs(anchors: list[_Anchor]) -> list[tuple[list[int], list[_Anchor]]]:
    """The anchors grouped into runs of rows with no empty row between them."""
    occupied = sorted({r for a in anchors for r in range(a.row, a.last_row + 1)})
    runs: list[list[int]] = []
    for r in occupied:
        if runs and r == runs[-1][-1] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    out = []
    for rows in runs:
        members = [a for a in anchors if rows[0] <= a.row <= rows[-1]]
        out.append((rows, sorted(members, key=lambda a: (a.row, a.col))))
    return out


def _uncalculated(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(_UNCALCULATED.search(z.read(name)) for name in z.namelist()
                   if name.startswith("xl/worksheets/") and name.endswith(".xml"))


def read_bytes(data: bytes, path: str) -> Document:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    from auditlint.readers import ReadError

    try:
        # not read_only: merged ranges are only known to a fully loaded sheet
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise ReadError(f"a damaged spreadsheet (.xlsx; {type(exc).__name__}): open it in Excel or WPS and save it again") from None
    if _uncalculated(data):
        # openpyxl reads such a formula as empty: the report's totals would silently vanish
        raise ReadError("formulas without saved results (the workbook was made by a program and never calculated): "
                        "open it in Excel or WPS, save it, and check it again")
    builder = _Builder(path)
    for ws in wb.worksheets:
        # a hidden sheet is the workbook's scratch space, not what the office published
        if ws.sheet_state != "visible":
            continue
        for rows, anchors in _runs(_anchors(ws)):
            builder.block(rows, anchors, ws.title)
    return Document(path=path, format="xlsx", blocks=builder.blocks)
