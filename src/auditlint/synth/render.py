"""Render a synthetic report to the formats auditlint reads.

Text uses the cell-per-line extraction form of DESIGN.md ("Inputs"): every cell a
line starting with TAB (continuation lines without it), a blank line after each
row. ``render_text`` also returns the 1-based line of every printed piece, which
is how labels point at the number a finding must be about.
"""

from __future__ import annotations

import re

from auditlint.synth.model import CellSpec, Grid, Line, Num, Para, Piece, Report, Word


def _text(pieces: Line | list[Piece]) -> str:
    return "".join(p if isinstance(p, str) else p.render() for p in pieces)


def _cell_text(spec: CellSpec) -> str:
    return "\n".join(_text(line) for line in spec)


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
    start = 0

    def note(pieces: Line | list[Piece]) -> None:
        for p in pieces:
            if isinstance(p, Num | Word):
                # the line about to be appended, 1-based
                where.setdefault(id(p), (len(out) + 1, start or len(out) + 1))

    for block in report.blocks:
        if isinstance(block, Para):
            start = 0
            note(block.pieces)
            out.append(_text(block.pieces))
            continue
        if block.caption:
            out.append(block.caption)
        for r, row in enumerate(block.rows):
            if r:
                out.append("")
            for spec in row:
                start = len(out) + 1
                for i, line in enumerate(spec or [[]]):
                    note(line)
                    out.append(("\t" if i == 0 else "") + _text(line))
        out.append("")
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
        parts.append('<table border="1">')
        for row in block.rows:
            cells = "".join("<td>" + "<br>".join(escape(_text(line)) for line in spec) + "</td>" for spec in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
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
        n_cols = max(len(r) for r in block.rows)
        table = d.add_table(rows=len(block.rows), cols=n_cols)
        table.style = "Table Grid"
        # row by row: table.cell(r, c) rebuilds the whole grid on every call
        for row_obj, row in zip(table.rows, block.rows):
            for cell, spec in zip(row_obj.cells, row):
                cell.text = _cell_text(spec)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def render_pdf(report: Report) -> bytes:
    """A .pdf with a text layer and ruled tables (reportlab, CID font STSong-Light)."""
    import io
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")

    def para(text: str) -> RLParagraph:
        # reportlab reads paragraph text as markup: "<" or "&" in a report must stay text
        return RLParagraph(escape(text).replace("\n", "<br/>"), style)

    story: list = [para(report.title), Spacer(1, 6)]
    for block in report.blocks:
        if isinstance(block, Para):
            story.append(para(_text(block.pieces)))
            continue
        if block.caption:
            story.append(para(block.caption))
        data = [[para(_cell_text(spec)) for spec in row] for row in block.rows]
        # as Word's "repeat header rows" does, a table continued on the next page repeats its header
        t = RLTable(data, repeatRows=_header_rows(block))
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.extend([t, Spacer(1, 6)])
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title=report.title, invariant=1).build(story)
    return buf.getvalue()
