"""Render a synthetic report to the formats auditlint reads, with the shared writers of
``corpusgen.render``.

Text uses the cell-per-line extraction form of DESIGN.md ("Inputs"): every cell a
line starting with TAB (continuation lines without it), a blank line after each
row. ``render_text`` also returns the 1-based line of every printed piece, which
is how labels point at the number a finding must be about.
"""

from __future__ import annotations

import re

from corpusgen.model import T
from corpusgen.render.docx_file import add_table
from corpusgen.render.html_page import table_html
from corpusgen.render.pdf_file import markup, register_font
from corpusgen.render.text import cell_lines
from corpusgen.synth.model import CellSpec, Grid, Line, Num, Para, Piece, Report, Word


def _text(pieces: Line | list[Piece]) -> str:
    return "".join(p if isinstance(p, str) else p.render() for p in pieces)


def _cell_text(spec: CellSpec) -> str:
    return "\n".join(_text(line) for line in spec)


def _cells(grid: Grid) -> list[list[str]]:
    return [[_cell_text(spec) for spec in row] for row in grid.rows]


_SERIAL = re.compile(r"^(?:[一二三四五六七八九十]+(?:[、.．\s]|$)|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


def _header_rows(grid: Grid) -> int:
    """The rows above the first one with a number or a serial (一, （一）, 1.)."""
    n = 0
    for row in grid.rows:
        texts = [_cell_text(spec).strip() for spec in row]
        if any(isinstance(p, Num) for spec in row for line in spec for p in line):
            break
        if any(_SERIAL.match(t) for t in texts[:2] if t):
            break
        n += 1
    return n


def render_text(report: Report) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text and ``{id(piece): (line, first line of its cell)}`` for every Num and Word."""
    out: list[str] = [report.title, ""]
    where: dict[int, tuple[int, int]] = {}

    def note(pieces: Line | list[Piece], line: int, cell_line: int) -> None:
        for p in pieces:
            if isinstance(p, Num | Word):
                where.setdefault(id(p), (line, cell_line))

    for block in report.blocks:
        if isinstance(block, Para):
            note(block.pieces, len(out) + 1, len(out) + 1)
            out.append(_text(block.pieces))
            continue
        if block.caption:
            out.append(block.caption)
        starts: dict[tuple[int, int], int] = {}
        lines = cell_lines(_cells(block), starts)
        for r, row in enumerate(block.rows):
            for c, spec in enumerate(row):
                first = len(out) + starts[(r, c)] + 1
                for i, line in enumerate(spec):
                    note(line, first + i, first)
        out.extend(lines)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n", where


def render_html(report: Report) -> str:
    from html import escape

    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(report.title)}</title></head><body>", f"<h1>{escape(report.title)}</h1>"]
    for block in report.blocks:
        if isinstance(block, Para):
            parts.append(f"<p>{escape(_text(block.pieces))}</p>")
            continue
        if block.caption:
            parts.append(f"<p>{escape(block.caption)}</p>")
        parts.append(table_html(T(_cells(block), head=0)))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_docx(report: Report) -> bytes:
    """A .docx built with python-docx (one paragraph per printed line in a cell)."""
    import io

    import docx

    d = docx.Document()
    d.core_properties.author = "auditlint synth"
    d.add_paragraph(report.title)
    for block in report.blocks:
        if isinstance(block, Para):
            d.add_paragraph(_text(block.pieces))
            continue
        if block.caption:
            d.add_paragraph(block.caption)
        add_table(d, _cells(block))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def render_pdf(report: Report) -> bytes:
    """A .pdf with a text layer and ruled tables (reportlab, CID font STSong-Light)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    style = ParagraphStyle("zh", fontName=register_font(), fontSize=9, leading=12, wordWrap="CJK")

    def para(text: str) -> RLParagraph:
        return RLParagraph(markup(text), style)

    story: list = [para(report.title), Spacer(1, 6)]
    for block in report.blocks:
        if isinstance(block, Para):
            story.append(para(_text(block.pieces)))
            continue
        if block.caption:
            story.append(para(block.caption))
        data = [[para(text) for text in row] for row in _cells(block)]
        # as Word's "repeat header rows" does, a table continued on the next page repeats its header
        t = RLTable(data, repeatRows=_header_rows(block))
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.extend([t, Spacer(1, 6)])
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title=report.title, invariant=1).build(story)
    return buf.getvalue()
