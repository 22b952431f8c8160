"""PDF reports through pdfplumber.

Each page's characters are parsed once. Ruled tables come from pdfplumber's
``find_tables`` (the grid its lines draw; merged cells are the positions no cell
starts at); every character is then placed either in a table cell or in the
running text, by position, so text inside a table never becomes a paragraph too.
Running text is grouped into lines, and lines into paragraphs: a line that
reaches the right margin continues on the next one (also over a page break),
while a short line, an indented line, a heading (一、 （一） 1. …) or a change of
font size starts a new paragraph. A table that ends one page and starts the next
with the same columns is one table, its repeated header rows dropped.
Tables without full rules are found from the text's alignment (``unruled.py``).

Locations: page, and the line on the page counted from the top, table rows
included (a reader counts lines as printed); table cells add table, row and col.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from auditlint.model import Cell, Document, Location, Paragraph, Table, join_cell_lines
from auditlint.numbers import prints_number
from auditlint.readers.pdf_lines import Line, build_lines

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．](?!\d)|"
                     r"第[一二三四五六七八九十\d]+[章节部分条]|附件|附表|表\s*\d|[①-⑳])")
_CONTINUED = re.compile(r"^\s*续表\s*\d*")
_PAGE_NO = re.compile(r"^[-—–－_\s]*(?:第\s*)?[\d一二三四五六七八九十]+\s*(?:页)?\s*(?:[/／]\s*\d+|共\s*\d+\s*页)?[-—–－_\s]*$")
@dataclass
class PageTable:
    """A table as found on one page: a grid of cells, each its lines, None where
    a merged neighbour on the left covers the position (see grid.py)."""

    page: int
    bbox: tuple[float, float, float, float]
    columns: list[float]  # x of every column boundary, left to right
    grid: list[list[list[Line] | None]]

    @property
    def top(self) -> float:
        return self.bbox[1]


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    n_chars: int = 0
    n_cid: int = 0
    has_images: bool = False

    def items(self) -> list[Line | PageTable]:
        return sorted([*self.lines, *self.tables], key=lambda it: it.top)


# ---------------------------------------------------------------------------
# one page


def stacked(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """The cells of one ruled grid split into the tables stacked in it. Two tables
    printed one right under the other share a rule, so pdfplumber finds one
    grid; they part where the rows above and the rows below each have column
    lines the other never uses (a header's spans use a subset of the body's
    lines, so a table never parts from its own header)."""
    tops = sorted({c[1] for c in cells})
    lines_of = {t: set() for t in tops}
    for c in cells:
        lines_of[c[1]] |= {round(c[0], 1), round(c[2], 1)}
    for k in range(1, len(tops)):
        above = set().union(*(lines_of[t] for t in tops[:k]))
        below = set().union(*(lines_of[t] for t in tops[k:]))
        if above - below and below - above:
            upper = [c for c in cells if c[1] < tops[k]]
            return [upper, *stacked([c for c in cells if c[1] >= tops[k]])]
    return [cells]


class _Grid:
    """Where each character of a ruled table goes: its cells' grid positions
    (pdfplumber puts a cell in the row of its top and the column of its left
    edge; positions no cell starts at are covered by a merged neighbour)."""

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.bbox = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells),
                     max(c[3] for c in cells))
        self.xs = sorted({c[0] for c in cells})
        self.tops = sorted({c[1] for c in cells})
        right = max(c[2] for c in cells)
        self.columns = [*self.xs, right]
        self.owner: dict[tuple[int, int], tuple[int, int]] = {}
        self.cell_box: dict[tuple[int, int], tuple[float, float, float, float]] = {}
        row_of = {t: i for i, t in enumerate(self.tops)}
        col_of = {x: i for i, x in enumerate(self.xs)}
        for c in cells:
            r, k = row_of[c[1]], col_of[c[0]]
            self.cell_box[(r, k)] = c
            for rr in range(r, len(self.tops)):
                if self.tops[rr] >= c[3] - 0.01:
                    break
                for kk in range(k, len(self.xs)):
                    if self.xs[kk] >= c[2] - 0.01:
                        break
                    self.owner.setdefault((rr, kk), (r, k))
        self.chars: dict[tuple[int, int], list[dict]] = {}

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.tops), len(self.xs)

    def place(self, ch: dict, h: float, v: float) -> None:
        """Put the character whose middle (``h``, ``v``) is inside the table in its cell."""
        pos = self.owner.get((bisect_right(self.tops, v) - 1, bisect_right(self.xs, h) - 1))
        if pos is not None:
            self.chars.setdefault(pos, []).append(ch)
        # a character inside the table's outline but in no cell is dropped, as pdfplumber does

    def to_page_table(self, page: int) -> PageTable:
        n_rows, n_cols = self.shape
        grid: list[list[list[Line] | None]] = []
        for r in range(n_rows):
            row: list[list[Line] | None] = []
            for k in range(n_cols):
                if (r, k) in self.cell_box:
                    row.append(build_lines(self.chars.get((r, k), []), page))
                elif self.owner.get((r, k), (r, -1))[1] == k:
                    row.append([])  # a lower row of a vertical merge: an empty cell, as in grid.py
                else:
                    row.append(None)
            grid.append(row)
        return PageTable(page=page, bbox=self.bbox, columns=self.columns, grid=grid)


Cells = list[tuple[float, float, float, float]]


def plumber_tables(page) -> list[Cells]:  # noqa: ANN001 - pdfplumber Page
    """The cells of each ruled table, as pdfplumber's ``find_tables`` finds them."""
    return [t.cells for t in page.find_tables(TABLE_SETTINGS)]


def read_page(page, number: int, tables: Callable[[object], list[Cells]] = plumber_tables,  # noqa: ANN001
              ) -> PageContent:
    """One pdfplumber page read; ``tables(page)`` finds the cells of its ruled tables."""
    from auditlint.readers.unruled import find_unruled

    content = PageContent(number=number, width=float(page.width), height=float(page.height))
    chars = page.chars
    texts = [c["text"] for c in chars]
    content.n_chars = sum(1 for t in texts if not t.isspace())
    content.n_cid = sum(1 for t in texts if t.startswith("(cid:"))
    content.has_images = bool(page.images)
    grids = []
    for table in tables(page):
        for cells in stacked(table):
            g = _Grid(cells)
            # a single box round a paragraph is not a table; one row is (perhaps a header whose table goes on overleaf)
            if g.shape[0] * g.shape[1] > 1:
                grids.append(g)
    content.lines = build_lines(_placed(chars, grids), number)
    found = [g.to_page_table(number) for g in grids]
    content.tables = [t for t in found if any(cell for row in t.grid for cell in row)]
    unruled, content.lines = find_unruled(content.lines, number)
    content.tables.extend(unruled)
    _number_lines(content)
    page.close()
    return content


def _placed(chars: list[dict], grids: list[_Grid]) -> list[dict]:
    """Put each character in the cell of the table it is in; the upright ones in none are the
    running text, returned."""
    if not grids:
        return [ch for ch in chars if ch.get("upright", True)]
    boxes = [(g.bbox, g) for g in grids]
    free: list[dict] = []
    for ch in chars:
        h = (ch["x0"] + ch["x1"]) / 2
        v = (ch["top"] + ch["bottom"]) / 2
        for (x0, top, x1, bottom), g in boxes:
            if x0 <= h < x1 and top <= v < bottom:
                g.place(ch, h, v)
                break
        else:
            if ch.get("upright", True):
                free.append(ch)
    return free


def _number_lines(content: PageContent) -> None:
    """Number every printed line on the page from the top, table rows included."""
    lines = list(content.lines)
    for t in content.tables:
        for row in t.grid:
            for cell in row:
                lines.extend(cell or [])
    mids = sorted(ln.mid for ln in lines)
    starts: list[float] = []
    for m in mids:
        if not starts or m - starts[-1] > 2.0:
            starts.append(m)
    for ln in lines:
        ln.number = bisect_right(starts, ln.mid + 1e-6)


# ---------------------------------------------------------------------------
# the document: page furniture, paragraphs, tables over page breaks


def _furniture(pages: list[PageContent]) -> set[int]:
    """ids of running headers, footers and page numbers: lines in the top or
    bottom margin that are page numbers or repeat on many pages."""
    zone: list[Line] = []
    for p in pages:
        for ln in p.lines:
            if ln.bottom < p.height * 0.08 or ln.top > p.height * 0.92:
                zone.append(ln)
    # the same text (up to its numbers) in the margin of at least half the pages, two at least
    pages_with: dict[str, set[int]] = {}
    for ln in zone:
        pages_with.setdefault(re.sub(r"\d+", "#", ln.text), set()).add(ln.page)
    need = max(2, (len(pages) + 1) // 2)
    return {id(ln) for ln in zone if _PAGE_NO.match(ln.text) or len(pages_with[re.sub(r"\d+", "#", ln.text)]) >= need}


@dataclass
class _Layout:
    """The text column: where lines start, where full lines end, how far apart lines are."""

    left: float
    full: float | None  # where a line that wrapped typically ends; None: no line is seen to wrap
    size: float  # the body text's font size
    pitch: dict[int, float]  # usual distance between line tops, by font size

    @staticmethod
    def of(pages: list[PageContent]) -> _Layout:
        lines = [ln for p in pages for ln in p.lines]
        if not lines:
            return _Layout(0.0, None, 10.0, {})
        size = sorted(ln.size for ln in lines)[len(lines) // 2]
        # the left margin: where most lines start, or, when the two commonest starts are a first-line
        # indent apart (about two characters), the smaller of them; a stray line never moves it
        starts = Counter(round(ln.x0) for ln in lines).most_common(2)
        left = float(starts[0][0])
        if len(starts) == 2 and 1.4 * size <= abs(starts[0][0] - starts[1][0]) <= 2.6 * size:
            left = float(min(starts[0][0], starts[1][0]))
        # full lines end within a character or so of each other (CJK breaks anywhere, punctuation
        # may hang over the margin): the median end of the long lines is where a line wraps
        reach = max(ln.x1 for ln in lines)
        long = sorted(ln.x1 for ln in lines if ln.x1 > left + 0.75 * (reach - left) and ln.size <= size * 1.15)
        full = long[len(long) // 2] if len(long) >= 3 else None
        pitches: dict[int, Counter] = {}
        for p in pages:
            for a, b in zip(p.lines, p.lines[1:]):
                if round(a.size) == round(b.size) and 0 < b.top - a.top < 3 * a.size:
                    pitches.setdefault(round(a.size), Counter())[round(b.top - a.top, 1)] += 1
        return _Layout(left, full, size, {k: c.most_common(1)[0][0] for k, c in pitches.items()})

    def reaches_end(self, line: Line, page: PageContent, head: float) -> bool:
        """Did ``line`` stop because the next word (``head`` wide) no longer fit?"""
        if self.full is None:
            return line.x1 + head > page.width - self.left - 1.0 * line.size
        return line.x1 + head > self.full - 0.5 * line.size


def _continues(prev: Line, line: Line, first_of_para: bool, layout: _Layout, pages: dict[int, PageContent],
               page_break: bool) -> bool:
    """Is ``line`` the rest of the paragraph that ``prev`` ends?"""
    if HEADING.match(line.text) or abs(prev.size - line.size) > 0.15 * prev.size:
        return False
    if not layout.reaches_end(prev, pages[prev.page], line.head):
        return False  # the line before stopped short: the author ended the paragraph
    at_margin = line.x0 <= layout.left + 0.9 * line.size
    if not at_margin and (first_of_para or abs(line.x0 - prev.x0) > 1.5):
        return False  # indented: a new paragraph's first line
    if not page_break:
        pitch = layout.pitch.get(round(prev.size))
        gap = line.top - prev.top
        if gap <= 0 or gap > (1.4 * pitch if pitch else 2.0 * prev.size):
            return False
    return True


def _join(parts: list[str]) -> tuple[str, tuple[int, ...]]:
    text = ""
    breaks: list[int] = []
    for part in parts:
        if text:
            a, b = text[-1], part[0]
            if a.isascii() and (a.isalpha() or a in ",;:!?)") and b.isascii() and b.isalnum():
                text += " "
            breaks.append(len(text))
        text += part
    return text, tuple(breaks)


is_number = prints_number  # the one test of "prints a number", in numbers.py


def _texts(row: list[list[Line] | None]) -> list[str]:
    return [join_cell_lines([ln.text for ln in cell]) if cell else "" for cell in row]


def _same_columns(a: PageTable, b: PageTable) -> bool:
    if len(a.columns) != len(b.columns):
        return False
    return all(abs(x - y) < 3.0 for x, y in zip(a.columns, b.columns))


@dataclass
class _Stitched:
    """A table being assembled from its pages."""

    parts: list[PageTable]
    rows: list[list[list[Line] | None]]

    @property
    def header_rows(self) -> int:
        n = 0
        for row in self.rows:
            if any(is_number(t) for t in _texts(row)):
                break
            n += 1
        return n

    def extend(self, part: PageTable) -> None:
        rows = list(part.grid)
        # a continued table usually repeats its header: drop the rows that repeat it
        k = 0
        header = self.header_rows
        while k < min(header, len(rows) - 1) and _texts(rows[k]) == _texts(self.rows[k]):
            k += 1
        rows = rows[k:]
        if rows and self.rows and _split_row(self.rows[-1], rows[0]):
            last = self.rows[-1]
            self.rows[-1] = [a if not b else (a or []) + b for a, b in zip(last, rows[0])]
            rows = rows[1:]
        self.parts.append(part)
        self.rows.extend(rows)


def _split_row(last: list[list[Line] | None], first: list[list[Line] | None]) -> bool:
    """Is ``first`` (the top row after a page break) the rest of ``last``, a row
    Word let break across the page? Only text goes on, in columns the row
    already filled, leaving others empty, and beyond the label columns; a row
    with text in its first column starts an item of its own (a group heading,
    or a row whose amounts are blank)."""
    a, b = _texts(last), _texts(first)
    filled = [k for k, t in enumerate(b) if t]
    if not filled or b[0] or any(is_number(t) for t in b) or HEADING.match(b[filled[0]]):
        return False
    if any(not a[k] for k in filled) or all(b[k] or not a[k] for k in range(len(a))):
        return False
    return any(k >= 2 for k in filled)


def assemble(pages: list[PageContent], path: str) -> list[Paragraph | Table]:
    furniture = _furniture(pages)
    for p in pages:
        p.lines = [ln for ln in p.lines if id(ln) not in furniture]
    layout = _Layout.of(pages)
    by_number = {p.number: p for p in pages}
    flow: list[list[Line] | _Stitched] = []
    last_page_item: Line | PageTable | None = None
    for p in pages:
        items = p.items()
        # "续表" over the top of a continued table only says it continues
        if len(items) >= 2 and isinstance(items[0], Line) and _CONTINUED.match(items[0].text) and isinstance(items[1], PageTable):
            items = items[1:]
        for n, item in enumerate(items):
            top_of_page = n == 0
            prev = flow[-1] if flow else None
            if isinstance(item, PageTable):
                if (top_of_page and isinstance(prev, _Stitched) and last_page_item is prev.parts[-1]
                        and prev.parts[-1].page == p.number - 1 and _same_columns(prev.parts[-1], item)):
                    prev.extend(item)
                else:
                    flow.append(_Stitched([item], list(item.grid)))
                continue
            if isinstance(prev, list):
                before = prev[-1]
                page_break = before.page != item.page
                joinable = (not page_break) or (top_of_page and last_page_item is before and before.page == p.number - 1)
                if joinable and _continues(before, item, len(prev) == 1, layout, by_number, page_break):
                    prev.append(item)
                    continue
            flow.append([item])
        last_page_item = items[-1] if items else last_page_item
    return _blocks(flow, path)


def _blocks(flow: list[list[Line] | _Stitched], path: str) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    n_par = n_tab = 0
    for item in flow:
        if isinstance(item, list):
            n_par += 1
            text, breaks = _join([ln.text.lstrip(" \u3000") for ln in item])
            locs = tuple(Location(path=path, page=ln.page, line=ln.number, column=1) for ln in item)
            first = item[0]
            loc = Location(path=path, page=first.page, line=first.number, column=1, paragraph=n_par)
            blocks.append(Paragraph(index=n_par, text=text, location=loc, line_breaks=breaks, line_locations=locs))
            continue
        n_tab += 1
        blocks.append(_table(item, n_tab, path))
    return blocks


def _table(st: _Stitched, index: int, path: str) -> Table:
    first = st.parts[0]
    rows: list[list[Cell]] = []
    page_of_row: list[int] = []
    for part in st.parts:
        page_of_row.extend([part.page] * len(part.grid))
    # rows dropped or merged while stitching shift the pages; take each row's page from its lines
    for r, row in enumerate(st.rows, start=1):
        lines_in_row = [ln for cell in row for ln in (cell or [])]
        page = lines_in_row[0].page if lines_in_row else (page_of_row[r - 1] if r - 1 < len(page_of_row) else first.page)
        row_line = min((ln.number for ln in lines_in_row if ln.page == page), default=None)
        cells: list[Cell] = []
        for c, cell in enumerate(row, start=1):
            if cell is None:
                loc = Location(path=path, page=page, line=row_line, table=index, row=r, col=c)
                cells.append(Cell(text="", location=loc, merged=True))
                continue
            texts = [ln.text for ln in cell]
            line = cell[0].number if cell else row_line
            loc = Location(path=path, page=cell[0].page if cell else page, line=line, table=index, row=r, col=c)
            cells.append(Cell(text=join_cell_lines(texts), location=loc, raw="\n".join(texts)))
        rows.append(cells)
    top_line = min((c.location.line for c in rows[0] if c.location.line is not None), default=None) if rows else None
    return Table(index=index, rows=rows, location=Location(path=path, page=first.page, line=top_line, table=index))


# ---------------------------------------------------------------------------
# the file


def _open_error(exc: Exception):  # noqa: ANN202 - returns a ReadError
    from auditlint.readers import ReadError

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if "Password" in name:
        return ReadError("password-protected PDF: remove the password (or print it to a new PDF) and check that copy")
    if "Encryption" in name:
        return ReadError("encrypted PDF that cannot be opened (unsupported protection): save an unprotected copy")
    return ReadError(f"damaged PDF ({name}: {str(inner)[:80]}): export or download it again".replace("\n", " "))


def _quiet() -> None:
    """pdfminer and pdfplumber log what they repair in damaged files to stderr;
    the user gets one line from us instead (or nothing, when the file reads)."""
    import logging

    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def read_bytes(data: bytes, path: str, pages_reader: Callable[[list, bytes], list[PageContent]] | None = None,
               ) -> Document:
    """The Document of a PDF. ``pages_reader(pdfplumber_pages, data)`` reads the pages
    (default: pdfplumber's own way, :func:`read_pages`); opening the file, its damage
    and its text layer are judged here for every reader alike."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    from auditlint.readers import ReadError

    _quiet()
    if b"%%EOF" not in data[-2048:]:
        raise ReadError("truncated PDF (the end of the file is missing): download or export it again")
    try:
        # the empty user password: a PDF protected only by an owner password (no
        # copying, no printing) opens for reading, as in any viewer
        pdf = pdfplumber.open(io.BytesIO(data), password="")
    except PdfminerException as exc:
        raise _open_error(exc) from None
    except Exception as exc:  # pdfminer raises plain errors on some damage
        raise _open_error(exc) from None
    with pdf:
        try:
            page_objs = pdf.pages
        except Exception as exc:
            raise _open_error(exc) from None
        declared = _declared_pages(pdf)
        if declared and len(page_objs) < declared:
            raise ReadError(f"damaged PDF: only {len(page_objs)} of its {declared} pages can be read: "
                            "export or download it again")
        pages = (pages_reader or read_pages)(page_objs, data)
    n_chars = sum(p.n_chars for p in pages)
    if n_chars == 0:
        raise ReadError("no text layer: run OCR first (the PDF holds only images or drawings, e.g. a scan)")
    if sum(p.n_cid for p in pages) > 0.3 * n_chars:
        raise ReadError("no usable text layer (its fonts have no Unicode map): run OCR first")
    blocks = assemble(pages, path)
    return Document(path=path, format="pdf", blocks=blocks, pages=len(pages))


def read_pages(page_objs: list, data: bytes, prepare: Callable[[int, object], None] | None = None,
               tables: Callable[[object], list[Cells]] = plumber_tables) -> list[PageContent]:
    """Every page read; ``prepare(number, page)`` may fill a page's objects first, and
    ``tables(page)`` finds its ruled tables' cells."""
    from auditlint.readers import ReadError

    pages: list[PageContent] = []
    for number, page in enumerate(page_objs, start=1):
        try:
            if prepare is not None:
                prepare(number, page)
            pages.append(read_page(page, number, tables))
        except ReadError:
            raise
        except Exception as exc:
            raise ReadError(f"damaged PDF: page {number} cannot be read ({type(exc).__name__}): "
                            "export or download it again") from None
    return pages


def _declared_pages(pdf) -> int | None:  # noqa: ANN001
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        return int(count) if isinstance(count, int) and count > 0 else None
    except Exception:  # a damaged page tree: the pages that were read are all we know
        return None
