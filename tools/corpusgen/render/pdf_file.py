"""A .pdf with a text layer, written with reportlab and its built-in CID font
STSong-Light (no font files): ruled tables with SPAN merges and header rows repeated
on every page (or, ``Report.unruled``, tables with only a top, header and bottom rule,
their columns laid out by whitespace), a page-number footer and an optional running
header."""

from __future__ import annotations

import html
import io
from typing import Any

from corpusgen.model import COVERED, PB, SP, C, Report, T, spans

FONT = "STSong-Light"


def register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def markup(text: str) -> str:
    """Report text as reportlab paragraph markup: "<" and "&" stay text, "\\n" breaks the line."""
    return html.escape(text, quote=False).replace("\n", "<br/>")


def column_widths(t: T, width: float) -> list[float]:
    """Given relative widths, or by the first line of each column's longest cell (capped at 16)."""
    ncol = max(len(r) for r in t.rows)
    if t.widths:
        rel = t.widths
    else:
        lens = [0] * ncol
        for row in t.rows:
            for c, x in enumerate(row):
                if x not in COVERED:
                    lens[c] = max(lens[c], min(len(x.split("\n")[0]), 16))
        rel = [max(x, 3) for x in lens]
    tot = sum(rel)
    return [width * x / tot for x in rel]


def _table(t: T, width: float, cell: Any, unruled: bool) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    ncol = max(len(r) for r in t.rows)
    data = [[Paragraph(markup(x), cell) if x not in COVERED else "" for x in row] + [""] * (ncol - len(row))
            for row in t.rows]
    if unruled:
        cmds: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, t.head - 1), (-1, t.head - 1), 0.4, colors.black),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black)]
    else:
        cmds = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for (r, c), (rs, cs) in spans(t.rows).items():
            if rs > 1 or cs > 1:
                cmds.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
    tab = Table(data, colWidths=column_widths(t, width), repeatRows=t.head)
    tab.setStyle(TableStyle(cmds))
    return tab


def pdf_bytes(rep: Report) -> bytes:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    f = register_font()
    body = ParagraphStyle("body", fontName=f, fontSize=10.5, leading=17, wordWrap="CJK", firstLineIndent=21,
                          spaceAfter=2)
    title = ParagraphStyle("title", fontName=f, fontSize=16, leading=24, alignment=TA_CENTER, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName=f, fontSize=8.5, leading=11, wordWrap="CJK")
    width = A4[0] - 40 * mm

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(f, 9)
        if rep.header:
            canvas.drawString(20 * mm, A4[1] - 13 * mm, rep.header)
            canvas.line(20 * mm, A4[1] - 15 * mm, A4[0] - 20 * mm, A4[1] - 15 * mm)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, rep.page_number.format(doc.page))
        canvas.restoreState()

    story: list[Any] = []
    for b in rep.blocks:
        if isinstance(b, T):
            story += [_table(b, width, cell, rep.unruled), Spacer(1, 6)]
        elif b is PB:
            story.append(PageBreak())
        elif isinstance(b, SP):
            story.append(Spacer(1, b.h))
        elif isinstance(b, C):
            story.append(Paragraph(markup(b), title))
        elif isinstance(b, str):
            story.append(Paragraph(markup(b), body) if b.strip() else Spacer(1, 8))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=22 * mm, bottomMargin=22 * mm, title=rep.title or "", author="")
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()
