"""Helpers for the round-two red-team reports: exact arithmetic and one report model
rendered as plain text (cell per line or row per line), .docx (python-docx), PDF
(reportlab, built-in CID font STSong-Light) and HTML (any encoding).

A report is a list of blocks: a paragraph is a ``str`` (a ``C`` is a centred title
line), a table is a ``T``, ``PB`` forces a page break in the PDF only and ``SP(h)``
leaves ``h`` points of vertical space in the PDF only (used to push a paragraph or a
table across a page boundary). Table cells are strings; ``"^"`` means "merged with
the cell above" (Word vMerge, HTML rowspan) and ``"<"`` means "merged with the cell to
the left" (gridSpan, colspan). Cell-per-line text prints a vMerge continuation as an
empty cell and drops gridSpan continuations (Word's own export does this); row-per-line
text prints both as empty cells. A ``"\\n"`` in a cell is a line break inside it.
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

D = Decimal


def q(x, d: int = 2) -> Decimal:
    """Round half up to ``d`` decimals."""
    return D(x).quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)


def s(x, d: int = 2) -> str:
    """Printed number, ``d`` decimals."""
    return f"{q(x, d):f}"


def wan(yuan, d: int = 2) -> str:
    """元 → 万元, ``d`` decimals."""
    return s(D(yuan) / D(10000), d)


def yi(yuan, d: int = 2) -> str:
    """元 → 亿元, ``d`` decimals."""
    return s(D(yuan) / D(100000000), d)


def th(x, d: int = 2) -> str:
    """Thousands separators."""
    v = q(x, d)
    return f"{v:,.{d}f}"


def pct(num, den, d: int = 2, sign: bool = True) -> str:
    v = q(D(num) / D(den) * 100, d)
    return f"{v:f}%" if sign else f"{v:f}"


def signed(x, d: int = 2, fmt=None) -> str:
    """+1.23 / -1.23 / 0.00."""
    v = q(x, d)
    body = (fmt or (lambda y: f"{y:f}"))(abs(v))
    return body if v == 0 else ("+" if v > 0 else "-") + body


def cn_num(n: int) -> str:
    """Chinese numeral for 0 < n < 100 (十二, 二十三)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else digits[t]) + "十" + ("" if u == 0 else digits[u])


class C(str):
    """A centred title line."""


class _PB:
    pass


PB = _PB()


@dataclass
class SP:
    h: float


@dataclass
class T:
    rows: list[list[str]]
    head: int = 1  # header rows (repeated on each PDF page)
    widths: list[float] | None = None  # relative column widths in the PDF


@dataclass
class Report:
    blocks: list = field(default_factory=list)
    style: str = "cell"  # plain-text form of the tables: "cell" or "row"
    title: str = ""  # <title> of the HTML page
    site: str = ""  # HTML: the publishing site's name (page chrome)
    published: str = ""  # HTML: 发布时间
    footer: list = field(default_factory=list)  # HTML: the site's footer lines

    def p(self, *texts: str) -> None:
        self.blocks.extend(texts)

    def t(self, rows, head: int = 1, widths=None) -> None:
        self.blocks.append(T([list(r) for r in rows], head, widths))

    # -- plain text ---------------------------------------------------------
    def text(self) -> str:
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, T):
                out.extend(_table_cell(b) if self.style == "cell" else _table_row(b))
            elif isinstance(b, str):
                out.append(b)
        return "\n".join(out) + "\n"

    # -- docx ---------------------------------------------------------------
    def docx(self, path: Path) -> None:
        from docx import Document
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt

        doc = Document()
        st = doc.styles["Normal"]
        st.font.size = Pt(10.5)
        st.font.name = "宋体"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
        for b in self.blocks:
            if isinstance(b, T):
                _docx_table(doc, b)
            elif isinstance(b, C):
                para = doc.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = para.add_run(str(b))
                run.bold = True
                run.font.size = Pt(16)
            elif isinstance(b, str):
                doc.add_paragraph(b)
        doc.save(str(path))

    # -- pdf ----------------------------------------------------------------
    def pdf(self, path: Path) -> None:
        _pdf(self, path)

    # -- html ---------------------------------------------------------------
    def html(self, path: Path, encoding: str = "utf-8") -> None:
        path.write_bytes(_html_page(self, encoding).encode(encoding))


def spans(rows):
    """(r, c) → (rowspan, colspan) for every anchor cell; covered cells are absent."""
    out = {}
    nrows = len(rows)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell in ("^", "<"):
                continue
            cs = 1
            while c + cs < len(row) and row[c + cs] == "<":
                cs += 1
            rs = 1
            while r + rs < nrows and c < len(rows[r + rs]) and rows[r + rs][c] == "^":
                rs += 1
            out[(r, c)] = (rs, cs)
    return out


def _table_cell(t: T) -> list[str]:
    lines: list[str] = []
    for r, row in enumerate(t.rows):
        if r:
            lines.append("")
        for cell in row:
            if cell == "<":
                continue
            text = "" if cell == "^" else cell
            first, *rest = text.split("\n")
            lines.append("\t" + first)
            lines.extend(rest)
    lines.append("")
    return lines


def _table_row(t: T) -> list[str]:
    return ["\t".join("" if c in ("^", "<") else c.replace("\n", "") for c in row) for row in t.rows]


def _docx_table(doc, t: T) -> None:
    n = len(t.rows)
    w = max(len(r) for r in t.rows)
    table = doc.add_table(rows=n, cols=w)
    table.style = "Table Grid"
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            if cell not in ("^", "<"):
                table.cell(r, c).text = cell
    for (r, c), (rs, cs) in spans(t.rows).items():
        if rs > 1 or cs > 1:
            table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))


# -- PDF ---------------------------------------------------------------------

def _esc(s: str) -> str:
    return _html.escape(s, quote=False).replace("\n", "<br/>")


def _pdf(rep: Report, path: Path) -> None:
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

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(f, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
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
            data = [[Paragraph(_esc(x), cell) if x not in ("^", "<") else "" for x in row]
                    + [""] * (ncol - len(row)) for row in b.rows]
            cmds = [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            for (r, c), (rs, cs) in spans(b.rows).items():
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
            story.append(Paragraph(_esc(b), title))
        elif isinstance(b, str):
            if b.strip():
                story.append(Paragraph(_esc(b), body))
            else:
                story.append(Spacer(1, 8))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=22 * mm, bottomMargin=22 * mm, title=rep.title or "", author="")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# -- HTML --------------------------------------------------------------------

def _html_table(t: T) -> str:
    sp = spans(t.rows)
    out = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">']
    for r, row in enumerate(t.rows):
        out.append("<tr>")
        for c, cell in enumerate(row):
            if (r, c) not in sp:
                continue
            rs, cs = sp[(r, c)]
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            tag = "th" if r < t.head else "td"
            out.append(f"<{tag}{attrs}>{_html.escape(cell).replace(chr(10), '<br>')}</{tag}>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def _html_page(rep: Report, encoding: str) -> str:
    parts = [
        "<!DOCTYPE html>",
        "<html>",
        "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
        f"<title>{_html.escape(rep.title)}</title>",
        "<style>body{font-family:SimSun,serif;font-size:14px} .TRS_Editor p{text-indent:2em;line-height:1.8}"
        " th,td{font-size:13px}</style>",
        "</head>",
        "<body>",
    ]
    if rep.site:
        parts += [f'<div class="header"><a href="/">{_html.escape(rep.site)}</a> | '
                  '<a href="/xxgk/">政府信息公开</a> | <a href="/xxgk/czxx/">财政预决算</a></div>',
                  '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a>'
                  ' &gt; 财政信息</div>']
    parts.append(f'<div class="title"><h1>{_html.escape(rep.title)}</h1></div>')
    if rep.published:
        parts.append(f'<div class="info">发布时间：{rep.published}　来源：{_html.escape(rep.site)}'
                     '　浏览次数：<span id="views">1358</span></div>')
    parts.append('<div class="TRS_Editor">')
    for b in rep.blocks:
        if isinstance(b, T):
            parts.append(_html_table(b))
        elif isinstance(b, C):
            parts.append(f'<p style="text-align:center;text-indent:0"><strong>{_html.escape(b)}</strong></p>')
        elif isinstance(b, str):
            parts.append(f"<p>{_html.escape(b)}</p>" if b.strip() else "<p>&nbsp;</p>")
    parts.append("</div>")
    if rep.footer:
        parts += ['<div class="footer">'] + [f"<p>{_html.escape(x)}</p>" for x in rep.footer] + ["</div>"]
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def line_of(text: str, needle: str, nth: int = 1, after: str | None = None) -> int:
    """1-based line of the ``nth`` line containing ``needle`` (after the first line
    containing ``after``, when given); a needle "=95" matches a line that is just 95."""
    lines = text.split("\n")
    start = 0
    if after is not None:
        start = next(i for i, ln in enumerate(lines) if after in ln) + 1
    exact = needle.startswith("=")
    if exact:
        needle = needle[1:]
    k = 0
    for i in range(start, len(lines)):
        if (lines[i].strip() == needle) if exact else (needle in lines[i]):
            k += 1
            if k == nth:
                return i + 1
    raise ValueError(f"{needle!r} not found")
