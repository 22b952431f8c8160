"""The report model every builder fills in: a list of blocks rendered to each format.

A paragraph is a ``str`` (a ``C`` is a centred title line), a table is a ``T``, ``PB``
forces a page break in the PDF only and ``SP(h)`` leaves ``h`` points of vertical space
in the PDF only (to push a paragraph or a table across a page boundary). Table cells are
strings; ``"^"`` means "merged with the cell above" (Word vMerge, HTML rowspan) and
``"<"`` "merged with the cell to the left" (gridSpan, colspan). A ``"\\n"`` in a cell is
a line break inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COVERED = ("^", "<")  # cells a merge covers


class C(str):
    """A centred title line."""


class _PageBreak:
    pass


PB = _PageBreak()


@dataclass
class SP:
    h: float


@dataclass
class T:
    rows: list[list[str]]
    head: int = 1  # header rows (repeated on each PDF page, <th> in HTML)
    widths: list[float] | None = None  # relative column widths in the PDF
    style: str | None = None  # plain-text form of this table when not the report's


@dataclass
class Report:
    blocks: list[object] = field(default_factory=list)
    style: str = "cell"  # plain-text form of the tables: "cell" (a cell a line) or "row"
    title: str = ""  # HTML <title>, PDF title
    site: str = ""  # HTML: the publishing site's name (page chrome)
    published: str = ""  # HTML: 发布时间
    footer: list[str] = field(default_factory=list)  # HTML: the site's footer lines
    font: str | None = "宋体"  # .docx: the Normal style's East Asian font (None: python-docx's default)
    unruled: bool = False  # PDF: tables without rules, columns laid out by whitespace
    header: str = ""  # PDF: running header on every page
    page_number: str = "— {} —"  # PDF: the footer, {} the page number
    span_numbers: bool = False  # HTML: numbers in table cells inside <span class="num">

    def p(self, *texts: str) -> None:
        self.blocks.extend(texts)

    def t(self, rows: list[list[str]] | list[tuple[str, ...]], head: int = 1, widths: list[float] | None = None,
          style: str | None = None) -> None:
        self.blocks.append(T([list(r) for r in rows], head, widths, style))



def spans(rows: list[list[str]]) -> dict[tuple[int, int], tuple[int, int]]:
    """(r, c) → (rowspan, colspan) for every anchor cell; covered cells are absent."""
    out = {}
    nrows = len(rows)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell in COVERED:
                continue
            cs = 1
            while c + cs < len(row) and row[c + cs] == "<":
                cs += 1
            rs = 1
            while r + rs < nrows and c < len(rows[r + rs]) and rows[r + rs][c] == "^":
                rs += 1
            out[(r, c)] = (rs, cs)
    return out
