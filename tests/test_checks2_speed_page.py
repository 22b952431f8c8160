"""The HTML page's shortcuts give what the long way gives: a paragraph found through the
page's index is the one a scan of every paragraph finds, a table's plain rows are the
cells' ``<td>`` one by one, and a finding's place is worded as part by part."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from auditlint.model import Cell, Document, Location, Paragraph, Table
from auditlint.readers import read
from auditlint.report import html
from auditlint.report.wording import _POSITION, position

REPO = Path(__file__).resolve().parents[1]


def _position_long_way(loc: Location, lang: str) -> str:
    """``position`` as it was written: a part and its refinements while they are known."""
    t = _POSITION["en" if lang == "en" else "zh"]

    def part(first: str, *more: str) -> str:
        text = t[first].format(getattr(loc, first))
        for name in more:
            if getattr(loc, name) is None:
                break
            text += t[name].format(getattr(loc, name))
        return text

    parts = []
    if loc.page is not None:
        parts.append(part("page"))
    if loc.line is not None:
        parts.append(part("line", "column"))
    if loc.table is not None:
        parts.append(part("table", "row", "col"))
    elif loc.paragraph is not None:
        parts.append(part("paragraph"))
    return " · ".join(parts)


def test_position_is_worded_as_part_by_part() -> None:
    for values in itertools.product((None, 1, 12), repeat=7):
        loc = Location("a.txt", *values[:6], paragraph=values[6])
        for lang in ("zh", "en"):
            assert position(loc, lang) == _position_long_way(loc, lang), loc
    assert position(Location("a.txt", line=46, column=2, table=1, row=4, col=6)) == "第46行第2列 · 表1 第4行第6列"


def _scan(doc: Document, loc: Location) -> tuple[Paragraph, int] | None:
    """Every paragraph in order, as the page looked before it kept an index."""
    for p in doc.paragraphs:
        offset = html._offset_in(p, loc)
        if offset is not None:
            return p, offset
    return None


def _wrapped_doc(seed: int) -> Document:
    """Paragraphs over pages whose lines restart on each page, some wrapped with their own
    line places (a PDF's), some plain, some without lines (a DOCX's)."""
    rng = random.Random(seed)
    blocks: list[Paragraph | Table] = []
    for i in range(1, 60):
        page = 1 + i // 15
        line = 1 + (i % 15) * 2
        kind = rng.choice(("plain", "placed", "docx"))
        text = "第一句。第二句很长，" * rng.randint(1, 3)
        if kind == "docx":
            blocks.append(Paragraph(i, text, Location("a", paragraph=i)))
        elif kind == "plain":
            blocks.append(Paragraph(i, text, Location("a", page=page, line=line, column=rng.randint(1, 3)), (5,)))
        else:
            places = (Location("a", page=page, line=line, column=3), Location("a", page=page + 1, line=1, column=1))
            blocks.append(Paragraph(i, text, Location("a", page=page, line=line, column=3), (6,), places))
    return Document("a", "pdf", blocks)


def test_the_index_finds_the_paragraph_a_scan_finds() -> None:
    docs = [_wrapped_doc(seed) for seed in range(5)]
    docs += [read(str(REPO / "corpus" / "realistic" / name)) for name in ("school-2024/clean.txt", "sh-university-2023/clean.pdf")]
    found = 0
    for doc in docs:
        index = html._DocIndex(doc)
        last = max((p.location.line or 0) + len(p.line_breaks) for p in doc.paragraphs) + 2
        for page, line, column, para in itertools.product((None, 1, 2, 3, 4, 5), range(0, last), (None, 1, 4), (None, 3, 7)):
            loc = Location("a", page=page, line=line if line else None, column=column, paragraph=para)
            got = html._paragraph_of(doc, loc, "", index)
            assert got == _scan(doc, loc), loc
            found += got is not None
    assert found > 1000  # the places asked about are mostly in some paragraph


def test_plain_rows_are_the_cells_one_by_one() -> None:
    rows = [[Cell("合计", Location("a", table=1, row=1, col=1)), Cell("1<2 & \"3\"", Location("a", table=1, row=1, col=2))],
            [],
            [Cell("", Location("a", table=1, row=3, col=1))]]
    table = Table(1, rows, Location("a", table=1))
    html._TABLE_CELLS.clear()
    grid = html._grid_of(table)
    assert grid.plain == ["<tr><td>合计</td><td>1&lt;2 &amp; &quot;3&quot;</td></tr>", "<tr></tr>", "<tr><td></td></tr>"]
    clean = Table(2, [[Cell("预算数", Location("a", table=2, row=1, col=1)), Cell("8.50", Location("a", table=2, row=1, col=2))]],
                  Location("a", table=2))
    assert html._grid_of(clean).plain == ["<tr><td>预算数</td><td>8.50</td></tr>"]
