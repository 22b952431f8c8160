"""Round-four helpers: reuse _build2/lib2.py and add PDF variants (unruled tables laid out
by whitespace, a running page header and "第 N 页" footer) and HTML numbers wrapped in
<span>s."""

from __future__ import annotations

import html as _html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_build2"))
import lib2  # noqa: E402
from lib2 import C, D, PB, SP, T, Report, cn_num, pct, q, s, signed, th, wan  # noqa: E402,F401


class Report4(Report):
    """Report with round-four rendering options."""

    unruled: bool = False  # PDF: tables without lines, columns by whitespace
    header: str = ""  # PDF: running header on every page
    span_numbers: bool = False  # HTML: numbers inside <span class="num">

    def pdf(self, path: Path) -> None:
        _pdf4(self, path)

    def html(self, path: Path, encoding: str = "utf-8") -> None:
        page = lib2._html_page(self, encoding)
        if self.span_numbers:
            def wrap(m):
                cell = m.group(2)
                cell = re.sub(r"(-?[\d,]+(?:\.\d+)?%?)", r'<span class="num" style="font-family:Arial">\1</span>', cell)
                return m.group(1) + cell + m.group(3)
            page = re.sub(r"(<td[^>]*>)(.*?)(</td>)", wrap, page)
        path.write_bytes(page.encode(encoding))


def _pdf4(rep: Report4, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    f = "STSong-Light"
    body = ParagraphStyle("body", fontName=f, fontSize=10.5, leading=17, wordWrap="CJK", firstLineIndent=21,
                          spaceAfter=2)
    title = ParagraphStyle("title", fontName=f, fontSize=16, leading=24, alignment=TA_CENTER, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName=f, fontSize=8.5, leading=11, wordWrap="CJK")
    width = A4[0] - 40 * mm

    def deco(canvas, doc):
        canvas.saveState()
        canvas.setFont(f, 9)
        if rep.header:
            canvas.drawString(20 * mm, A4[1] - 13 * mm, rep.header)
            canvas.line(20 * mm, A4[1] - 15 * mm, A4[0] - 20 * mm, A4[1] - 15 * mm)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    story = []
    for b in rep.blocks:
        if isinstance(b, T):
            ncol = max(len(r) for r in b.rows)
            if b.widths:
                tot = sum(b.widths)
                cw = [width * x / tot for x in b.widths]
            else:
                lens = [0] * ncol
                for row in b.rows:
                    for c, x in enumerate(row):
                        if x not in ("^", "<"):
                            lens[c] = max(lens[c], min(len(x.split("\n")[0]), 16))
                lens = [max(x, 3) for x in lens]
                tot = sum(lens)
                cw = [width * x / tot for x in lens]
            data = [[Paragraph(lib2._esc(x), cell) if x not in ("^", "<") else "" for x in row]
                    + [""] * (ncol - len(row)) for row in b.rows]
            if rep.unruled:
                cmds = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                        ("LINEBELOW", (0, b.head - 1), (-1, b.head - 1), 0.4, colors.black),
                        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black)]
            else:
                cmds = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                for (r, c), (rs, cs) in lib2.spans(b.rows).items():
                    if rs > 1 or cs > 1:
                        cmds.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
            tab = Table(data, colWidths=cw, repeatRows=b.head)
            tab.setStyle(TableStyle(cmds))
            story.append(tab)
            story.append(Spacer(1, 6))
        elif b is PB:
            story.append(PageBreak())
        elif isinstance(b, SP):
            story.append(Spacer(1, b.h))
        elif isinstance(b, C):
            story.append(Paragraph(lib2._esc(b), title))
        elif isinstance(b, str):
            story.append(Paragraph(lib2._esc(b), body) if b.strip() else Spacer(1, 8))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=22 * mm, bottomMargin=22 * mm, title=rep.title or "", author="")
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
