"""Plain-text extractions of Word reports.

Two layouts reach auditors (DESIGN.md "Inputs"):

* **cell per line** — every table cell is a line that starts with a TAB, a blank
  line ends a row, a line without a TAB continues the cell before it (cells may
  hold several lines, even blank ones);
* **row per line** — a whole row on one line, cells separated by TABs.

Word's own quirks survive the conversion and are repaired here, not in the
checks: a merged header cell leaves its row short ("预算资金" over 预算数/追加/扣减),
a merged label leaves a total row short ("合计" over 序号+项目), inline TABs add
stray empty cells, and a tall merged cell prints its text after blank lines.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import combinations
from math import comb

from auditlint.model import Cell, Document, Paragraph, Table, join_cell_lines
from auditlint.numbers import parse_quantity
from auditlint.readers.fields import unfield
from auditlint.readers.flat import FlatBlock, cell_per_line, space_separated
from auditlint.readers.hant import unruby_text
from auditlint.readers.pipes import pipe_rows

_MARK = re.compile(r"\[(?:bookmark|image|comment|footnote)[^\]]*\]", re.IGNORECASE)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was in (UTF-8, UTF-16 or GB18030);
    ReadError when it is nonsense in all of them, or was garbled before it was saved."""
    from auditlint.readers import ReadError
    from auditlint.readers.charset import mojibake

    text, encoding = _decode(data)
    garbled = mojibake(text)
    if garbled is not None:
        raise ReadError(garbled)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    from auditlint.readers import ReadError

    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from auditlint.readers.charset import misread, refusal

    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or misread(text):
        raise ReadError(refusal(data)) from None
    return text, "gb18030"


class _Seg:
    """One cell while it is being read: its lines with their line numbers, and ``text``,
    their joined matching text (kept up to date by ``add``: shaping a table reads it a
    dozen times)."""

    __slots__ = ("line", "column", "lines", "inline", "text")

    def __init__(self, line: int, column: int, text: str | None = None, inline: bool = False) -> None:
        self.line = line
        self.column = column
        self.lines: list[tuple[int, int, str]] = [] if text is None else [(line, column, text)]  # (line, column, text)
        self.inline = inline  # created by a TAB in the middle of a line
        self.text = "" if text is None else text.strip()  # join_cell_lines of one line

    def add(self, line: int, column: int, text: str) -> None:
        self.lines.append((line, column, text))
        self.text = join_cell_lines([t for _, _, t in self.lines])

    def anchor(self) -> tuple[int, int]:
        for ln, col, t in self.lines:
            if t.strip():
                return ln, col + len(t) - len(t.lstrip())
        return self.line, self.column


def _clean_lines(text: str) -> list[str]:
    """The text's lines without Word's bracketed marks, NBSP read as a space, and no
    trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # a mark never spans lines: removed line by line, only from lines that hold a "["
    return [(_MARK.sub("", ln) if "[" in ln else ln).rstrip(" ") for ln in text.split("\n")]


def _cells_on(line: str, lineno: int, leading_tab: bool) -> list[_Seg]:
    if leading_tab and line.count("\t") == 1:  # a cell per line: the one cell after the TAB
        return [_Seg(lineno, 2, line[1:])]
    parts = line.split("\t")
    if leading_tab:
        parts = parts[1:]
    segs: list[_Seg] = []
    col = 2 if leading_tab else 1
    for i, part in enumerate(parts):
        segs.append(_Seg(lineno, col, part, leading_tab and i > 0))  # inline: a TAB inside the line
        col += len(part) + 1
    return segs


def _row_per_line(lines: list[str], start: int) -> bool:
    """Does the table starting at ``start`` put whole rows on single lines?"""
    multi = single = 0
    for line in lines[start : start + 40]:
        if "\t" not in line:
            if line.strip() and multi + single >= 6:
                break
            continue
        cells = line.split("\t")[1:] if line.startswith("\t") else line.split("\t")
        if len(cells) >= 2:
            multi += 1
        else:
            single += 1
        if multi + single >= 6:
            break
    return multi > single


def _starts_table(lines: list[str], i: int) -> bool:
    """A lone TAB-led line inside running text (an indented heading) is not a table:
    a table's next cell follows within a few lines."""
    if lines[i].count("\t") >= 2 or not lines[i].startswith("\t"):
        return True
    text_lines = 0
    for line in lines[i + 1 :]:
        if line.startswith("\t") or ("\t" in line and line.strip()):
            return True
        if line.strip():
            text_lines += 1
            if text_lines > _MAX_CELL_LINES:
                return False
    return False


_MAX_CELL_LINES = 10
# a chapter heading of the report: 一、 to 十九、 (not the 1. or （一） of items inside cells)
_CHAPTER = re.compile(r"^[一二三四五六七八九十]{1,3}、")
# the label of a total row; such a label is what Word users merge over several columns
_TOTAL_LABEL = re.compile(r"^.{0,8}(?:合计|总计|总分|共计|小计|总得分)$")


def is_total_label(text: str) -> bool:
    """Does a row's first cell name a total (合计, 总分, 项目支出小计 …)?"""
    return bool(_TOTAL_LABEL.match(re.sub(r"\s+", "", text)))


def _read_cell_per_line(lines: list[str], i: int) -> tuple[list[list[_Seg]], int]:
    rows: list[list[_Seg]] = [[]]
    blanks = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            if blanks and rows[-1]:
                rows.append([])
            rows[-1].extend(_cells_on(line, i + 1, True))
            blanks = 0
            i += 1
            continue
        if not line.strip():
            blanks += 1
            i += 1
            continue
        # a line of text without a leading TAB
        current = rows[-1][-1] if rows[-1] else None
        if current is None:
            break
        if blanks:
            # a tall merged cell prints its text after blank lines; after a complete
            # row, text after a blank line is the narrative that follows the table. A
            # total row is complete however short (its label is merged over several
            # columns), and a new chapter heading (三、…) is never inside a cell.
            width = _mode([len(r) for r in rows[:-1]]) if len(rows) > 1 else None
            incomplete = (width is None or len(rows[-1]) < width) and not is_total_label(rows[-1][0].text)
            if current.text or _CHAPTER.match(line.strip()) or not (incomplete or _table_resumes(lines, i)):
                break
        if "\t" in line:
            head, *rest = line.split("\t")
            current.add(i + 1, 1, head)
            col = len(head) + 2
            for part in rest:
                rows[-1].append(_Seg(i + 1, col, part, True))  # inline
                col += len(part) + 1
        else:
            current.add(i + 1, 1, line)
        blanks = 0
        i += 1
    return [r for r in rows if r], i


def _table_resumes(lines: list[str], i: int) -> bool:
    """After the run of text lines starting at ``i`` (and any blank lines), does
    the table go on with another TAB-led cell?"""
    n = len(lines)
    while i < n and lines[i].strip() and not lines[i].startswith("\t"):
        i += 1
    while i < n and not lines[i].strip() and not lines[i].startswith("\t"):
        i += 1
    return i < n and lines[i].startswith("\t")


def _read_row_per_line(lines: list[str], i: int) -> tuple[list[list[_Seg]], int]:
    rows: list[list[_Seg]] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        if "\t" in line:
            rows.append(_cells_on(line, i + 1, False))
            i += 1
            continue
        if not line.strip() and i + 1 < n and "\t" in lines[i + 1]:
            i += 1
            continue
        break
    return rows, i


def _mode(values: list[int]) -> int:
    if not values:
        return 0
    counts = Counter(values)
    best = max(counts.values())
    return max(v for v, c in counts.items() if c == best)


# each table cell's text is classified once per column vote and once per header test:
# the classifications are pure functions of the text, kept across tables
@lru_cache(maxsize=8192)
def _is_numeric(text: str) -> bool | None:
    t = text.strip()
    if not t:
        return None
    q = parse_quantity(t)
    if q is None:
        return False
    if q.placeholder is not None:
        return True
    # serial numbers 一、（二） read as numbers but fill label columns
    return q.is_number and any(ch.isdigit() for ch in t)


@lru_cache(maxsize=8192)
def _shape(text: str) -> str | None:
    """What a numeric cell looks like: "plain" (a bare number: a weight, a score, an
    amount) or "measure" (with a unit, a % or a comparator: a target or a result);
    None for words, placeholders and empty cells."""
    t = text.strip()
    if not t or not any(ch.isdigit() for ch in t):
        return None
    q = parse_quantity(t)
    if q is None or not q.is_number:
        return None
    plain = q.unit is None and q.comparator in (None, "=") and q.upper is None
    return "plain" if plain else "measure"


class _Grid:
    """Normalises ragged rows to the table's width."""

    def __init__(self, rows: list[list[_Seg]]) -> None:
        self.rows = rows
        self.width = _mode([len(r) for r in rows])
        self.uncertain: set[int] = set()  # id() of the first segment of rows placed by a guess

    def normalise(self) -> list[list[_Seg | None]]:
        w = self.width
        rows = [self._trim(r) for r in self.rows]
        rows = self._merge_split_rows(rows)
        # the full-width rows' texts, column by column: what the columns' votes count
        full = [[s.text for s in r] for r in rows if len(r) == w]
        columns = list(zip(*full)) if full else [()] * w
        numeric = self._profile(columns)
        shapes = self._shapes(columns)
        data = [r for r in rows if len(r) == w and not self._is_header_like(r)]
        out: list[list[_Seg | None]] = [[] for _ in rows]
        # bottom up: a header cell merged over sub-headers is spread over the sub-header
        # row below it once that row has been spread itself (nested spans)
        for k in reversed(range(len(rows))):
            row = rows[k]
            if len(row) >= w:
                out[k] = list(row)
                continue
            below = out[k + 1] if k + 1 < len(rows) else None
            below_header = below is not None and self._is_header_like(rows[k + 1])
            below_full = below is not None and len(rows[k + 1]) == w
            out[k] = self._widen(row, below, below_header, below_full, data, numeric, shapes)
        return out

    def _trim(self, row: list[_Seg]) -> list[_Seg]:
        row = list(row)
        w = self.width
        while len(row) > w:
            inline_empty = [j for j, s in enumerate(row) if s.inline and not s.text]
            if inline_empty:
                del row[inline_empty[-1]]
            elif not row[0].text:
                del row[0]
            elif not row[-1].text:
                del row[-1]
            else:
                break
        return row

    def _merge_split_rows(self, rows: list[list[_Seg]]) -> list[list[_Seg]]:
        # Word sometimes ends a row early inside a header; two short rows whose cells
        # add up to exactly the width are one row
        out: list[list[_Seg]] = []
        k = 0
        while k < len(rows):
            row = rows[k]
            if len(row) < self.width and k + 1 < len(rows):
                nxt = rows[k + 1]
                if len(nxt) < self.width and len(row) + len(nxt) == self.width and self._is_header_like(row + nxt):
                    out.append(row + nxt)
                    k += 2
                    continue
            out.append(row)
            k += 1
        return out

    @staticmethod
    def _is_header_like(row: list[_Seg]) -> bool:
        return not any(_is_numeric(s.text) for s in row)

    @staticmethod
    def _votes(columns: list[tuple[str, ...]], classify) -> list[Counter]:
        """Per column, how many of its texts ``classify`` puts in each class (None: no class)."""
        votes = [Counter(map(classify, texts)) for texts in columns]
        for counts in votes:
            counts.pop(None, None)
        return votes

    def _profile(self, columns: list[tuple[str, ...]]) -> list[bool | None]:
        """Per column: mostly numbers (True), mostly words (False), or nothing."""
        return [None if not c else c[True] > c[False] for c in self._votes(columns, _is_numeric)]

    def _shapes(self, columns: list[tuple[str, ...]]) -> list[str | None]:
        """Per column, the shape most of its numbers have (see ``_shape``)."""
        return [None if not c or c["plain"] == c["measure"] else c.most_common(1)[0][0]
                for c in self._votes(columns, _shape)]

    def _widen(self, row: list[_Seg], below: list[_Seg | None] | None, below_header: bool, below_full: bool,
               data: list[list[_Seg]], numeric: list[bool | None], shapes: list[str | None]) -> list[_Seg | None]:
        if self._is_header_like(row):
            spread = self._over_sub_headers(row, below, below_header, below_full)
            if spread is not None:
                return spread
            shifted = self._shifted_header(row, data)
            if shifted is not None:
                return shifted
        return self._place(row, numeric, shapes if is_total_label(row[0].text) else None)

    def _over_sub_headers(self, row: list[_Seg], below: list[_Seg | None] | None, below_header: bool,
                          below_full: bool) -> list[_Seg | None] | None:
        """A header row whose merged cells span the sub-headers printed under them.

        Under a header row, each run of sub-header cells (merged ones included) belongs
        to the one header cell above it, and every other column to a header cell of its
        own: when that gives exactly as many places as the row has cells, it is how the
        row is spread (预算数 over 年初预算 | 调整数 | 调整后预算, 调整数 over 调增 | 调减)."""
        w = self.width
        k = w - len(row)
        if below is None:
            return None
        if below_header:
            covered = [s is None or bool(s.text) for s in below]
            places: list[tuple[int, int]] = []
            j = 0
            for a, b in _runs(covered):
                places.extend((c, c + 1) for c in range(j, a))
                places.append((a, b))
                j = b
            places.extend((c, c + 1) for c in range(j, w))
            if len(places) == len(row) and all(row[i].text for i, (a, b) in enumerate(places) if b - a > 1):
                out: list[_Seg | None] = [None] * w
                for seg, (a, _) in zip(row, places):
                    out[a] = seg
                return out
        if below_full:
            # one merged header cell over the run of sub-headers printed under it
            runs = _runs([s is not None and bool(s.text) for s in below])
            fits = [(a, b) for a, b in runs if b - a == k + 1 and a < len(row) and row[a].text]
            if len(fits) == 1:
                a = fits[0][0]
                return [*row[: a + 1], *([None] * k), *row[a + 1 :]]
        return None

    def _shifted_header(self, row: list[_Seg], data: list[list[_Seg]]) -> list[_Seg | None] | None:
        """A header row one cell short over data rows that all begin with an empty cell
        (row-per-line text whose data lines start with a TAB and whose header line does
        not): the header lost its empty corner cell, and starts one column to the right."""
        if self.width - len(row) != 1 or len(data) < 2 or any(r[0].text for r in data):
            return None
        corner = _Seg(row[0].line, row[0].column)
        return [corner, *row]

    def _place(self, row: list[_Seg], numeric: list[bool | None], shapes: list[str | None] | None = None) -> list[_Seg | None]:
        """Spread a short row over the width: each cell's text sits at the start of
        its (merged) span, so choose the starts that put numbers in numeric columns
        and words in word columns. Equal best choices that move a number make the
        row's placement a guess, recorded in ``uncertain``. For a total row
        (``shapes`` given) a tie is broken by the kind of number each column holds: a
        total's bare numbers (weights, scores, amounts) go under columns of bare
        numbers, not under targets and results printed with %, units or ≥."""
        w, n = self.width, len(row)
        kinds = [_is_numeric(s.text) for s in row]
        if comb(w - 1, n - 1) > 5000:
            return [*row, *([None] * (w - n))]
        best = _best_fits([(0, *rest) for rest in combinations(range(1, w), n - 1)], kinds, numeric)
        if shapes is not None and len(best) > 1:
            best = _best_fits(best, [_shape(s.text) for s in row], shapes)
        numbers_at = {tuple(j for kind, j in zip(kinds, starts) if kind) for starts in best}
        chosen = best[0]
        out: list[_Seg | None] = [None] * w
        for seg, j in zip(row, chosen):
            out[j] = seg
        if len(numbers_at) > 1:
            self.uncertain.add(id(row[0]))
        return out


def _best_fits(placements: list[tuple[int, ...]], kinds: list, columns: list) -> list[tuple[int, ...]]:
    """The placements (each cell's column) that put most cells in a column of their
    own kind: +1 for each that does, −1 for each that does not (None: no opinion)."""
    scored = []
    for starts in placements:
        score = 0
        for kind, j in zip(kinds, starts):
            if kind is not None and columns[j] is not None:
                score += 1 if kind == columns[j] else -1
        scored.append((score, starts))
    top = max(score for score, _ in scored)
    return [starts for score, starts in scored if score == top]


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = None
    for j, f in enumerate([*flags, False]):
        if f and start is None:
            start = j
        elif not f and start is not None:
            out.append((start, j))
            start = None
    return out


def _to_table(index: int, segs: list[list[_Seg]], path: str) -> Table:
    from auditlint.model import Location

    shaper = _Grid(segs)
    grid = shaper.normalise()
    first = segs[0][0]
    table_loc = Location(path=path, line=first.line, column=1, table=index)
    rows: list[list[Cell]] = []
    # Location and Cell are called positionally here, (path, page, line, column, table,
    # row, col) and (text, location, raw, merged): a class called with keywords costs
    # twice as much (a dict of them is built), and a real-size report has a thousand cells
    for r, row in enumerate(grid, start=1):
        cells: list[Cell] = []
        line, column = first.line, 1
        for c, seg in enumerate(row, start=1):
            if seg is None:  # covered by a merge: where the cell before it is
                cells.append(Cell("", Location(path, None, line, column, index, r, c), "", True))
                continue
            if len(seg.lines) == 1:  # most cells: ``anchor`` and the raw text of one line, inline
                line, column, raw = seg.lines[0]
                if seg.text:
                    column += len(raw) - len(raw.lstrip())
            else:
                line, column = seg.anchor()
                raw = "\n".join(t for _, _, t in seg.lines)
            cells.append(Cell(seg.text, Location(path, None, line, column, index, r, c), raw))
        rows.append(cells)
    uncertain = frozenset(r for r, row in enumerate(grid) if row and row[0] is not None and id(row[0]) in shaper.uncertain)
    return Table(index=index, rows=rows, location=table_loc, uncertain_rows=uncertain)


def _flat_block(lines: list[str], i: int) -> FlatBlock | None:
    """A table without TABs starting at line ``i``: cells marked by "|"
    (readers/pipes.py), or flattened (readers/flat.py)."""
    return pipe_rows(lines, i) or space_separated(lines, i) or cell_per_line(lines, i)


def parse_text(text: str, path: str) -> list[Paragraph | Table]:
    lines = _clean_lines(text)
    blocks: list[Paragraph | Table] = []
    tables = paragraphs = 0
    i = 0
    n = len(lines)
    from auditlint.model import Location

    while i < n:
        line = lines[i]
        if ("\t" in line and line.replace("\t", "").strip() or line.startswith("\t")) and _starts_table(lines, i):
            if _row_per_line(lines, i):
                segs, j = _read_row_per_line(lines, i)
            else:
                segs, j = _read_cell_per_line(lines, i)
            if segs and any(s.text for row in segs for s in row):
                tables += 1
                blocks.append(_to_table(tables, segs, path))
            i = max(j, i + 1)
            continue
        flat = _flat_block(lines, i) if line.strip() else None
        if flat is not None:
            segs = [[_Seg(*cell) for cell in row] for row in flat.rows]
            tables += 1
            table = _to_table(tables, segs, path)
            table.unread = flat.refused
            blocks.append(table)
            i = flat.end
            continue
        if line.strip():
            stripped = unfield(line).lstrip(" \u3000")
            col = len(line) - len(stripped) + 1
            paragraphs += 1
            # positional, as the cells in _to_table: (path, page, line, column, table, row, col, paragraph)
            location = Location(path, None, i + 1, col, None, None, None, paragraphs)
            blocks.append(Paragraph(paragraphs, stripped.strip(), location))
        i += 1
    return blocks


def _within_limits(text: str) -> None:
    """Refuse before parsing what would be refused after it, slowly: a huge line,
    or more TABs (each starts or separates a cell) than the cell limit."""
    from auditlint.readers import limits

    limits.check_cells(text.count("\t"), at_least=True)
    longest = max(map(len, text.splitlines()), default=0) if len(text) > limits.MAX_LINE_CHARS else 0
    limits.check_line(longest)


def read_bytes(data: bytes, path: str) -> Document:
    text, encoding = decode(data)
    _within_limits(text)
    text = unruby_text(text)
    return Document(path=path, format="text", blocks=parse_text(text, path), encoding=encoding)
