"""Structure-aware cases for the readers: HTML spans, DOCX parts, PDF objects.

Each starts from a well-formed small report and breaks one structure the reader
interprets (a span attribute, a merge, a part of the package, an object of the
PDF), so the cases reach the code that resolves grids and parses containers
rather than stopping at a bad signature.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from functools import cache

LABELS = ("项目", "预算数", "实际支出数", "执行率", "合计", "基本支出", "项目支出", "权重", "得分", "", "——", "NaN%")
SPAN_VALUES = ("0", "1", "2", "3", "-1", "200", "99999", "x", "", "1.5", " 2", "2abc", "0x10")


def _cell_text(rnd: random.Random) -> str:
    if rnd.random() < 0.5:
        return rnd.choice(LABELS)
    return rnd.choice(("{:.2f}", "{:.0f}", "{:.1f}%", "{:,.2f}")).format(rnd.uniform(-1000, 100000))


def html_case(rnd: random.Random) -> tuple[bytes, str]:
    """A page of tables whose rowspan/colspan take odd values, sometimes nested."""
    def table(depth: int) -> str:
        rows = []
        for _ in range(rnd.randint(1, 8)):
            cells = []
            for _ in range(rnd.randint(1, 6)):
                attrs = ""
                if rnd.random() < 0.3:
                    attrs += f' rowspan="{rnd.choice(SPAN_VALUES)}"'
                if rnd.random() < 0.3:
                    attrs += f' colspan="{rnd.choice(SPAN_VALUES)}"'
                inner = table(depth + 1) if depth < 3 and rnd.random() < 0.08 else _cell_text(rnd)
                tag = rnd.choice(("td", "td", "th"))
                cells.append(f"<{tag}{attrs}>{inner}</{tag}>" if rnd.random() > 0.05 else f"<{tag}{attrs}>{inner}")
            rows.append("<tr>" + "".join(cells) + ("</tr>" if rnd.random() > 0.05 else ""))
        section = rnd.choice(("", "thead", "tbody", "tfoot"))
        body = "".join(rows)
        return f"<table>{f'<{section}>{body}</{section}>' if section else body}</table>"

    parts = ["<p>一、预算执行情况</p>", f"<p>本年支出{_cell_text(rnd)}万元。</p>"]
    for _ in range(rnd.randint(1, 3)):
        parts.append(table(0))
    charset = rnd.choice(("utf-8", "gb18030"))
    page = f'<html><head><meta charset="{charset}"></head><body>{"".join(parts)}</body></html>'
    return page.encode(charset, errors="replace"), "case.html"


@cache
def _base_docx() -> bytes:
    from fixture_docs import Grid, Report, to_docx

    grid = Grid([["项目", "预算数", "实际支出数", "执行率"], ["基本支出", "100.00", "95.00", "95.00%"],
                 ["项目支出", "200.00", "205.00", "102.50%"], ["合计", "300.00", "300.00", "100.00%"]],
                spans={(0, 0): (1, 1)})
    return to_docx(Report("某单位2024年度绩效自评报告", ["一、预算执行情况", "本年支出300.00万元。", grid]))


_DOCX_EDITS = (
    (r'<w:gridCol w:w="\d+"/>', lambda rnd: f'<w:gridCol w:w="{rnd.choice(SPAN_VALUES)}"/>'),
    (r"<w:tcPr>", lambda rnd: f'<w:tcPr><w:gridSpan w:val="{rnd.choice(SPAN_VALUES)}"/>'),
    (r"<w:tcPr>", lambda rnd: '<w:tcPr><w:vMerge w:val="restart"/>' if rnd.random() < 0.5 else "<w:tcPr><w:vMerge/>"),
    (r"<w:tc>", lambda rnd: "<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"),
    (r"<w:t>[^<]*</w:t>", lambda rnd: f"<w:t>{_cell_text(rnd)}</w:t>"),
    (r"</w:tr>", lambda rnd: "</w:tr>" * rnd.randint(0, 2)),
    (r"<w:p>", lambda rnd: '<w:p><w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="77"/></w:numPr></w:pPr>'),
)
_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml", "word/_rels/document.xml.rels")


def docx_case(rnd: random.Random) -> tuple[bytes, str]:
    """The base .docx with its document.xml edited, or a part dropped, emptied or garbled."""
    src = zipfile.ZipFile(io.BytesIO(_base_docx()))
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    for _ in range(rnd.randint(1, 4)):
        pattern, make = rnd.choice(_DOCX_EDITS)
        hits = list(re.finditer(pattern, xml))
        if hits:
            m = rnd.choice(hits)
            xml = xml[:m.start()] + make(rnd) + xml[m.end():]
    parts["word/document.xml"] = xml.encode("utf-8")
    if rnd.random() < 0.2:
        victim = rnd.choice(_PARTS)
        if victim != "word/document.xml":
            action = rnd.choice(("drop", "empty", "garble"))
            if action == "drop":
                parts.pop(victim, None)
            elif action == "empty":
                parts[victim] = b""
            else:
                parts[victim] = bytes(rnd.randrange(256) for _ in range(64))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue(), "case.docx"


@cache
def _base_pdf() -> bytes:
    from fixture_docs import Grid, Report, to_pdf

    grid = Grid([["项目", "预算数", "实际支出数"], ["基本支出", "100.00", "95.00"], ["合计", "100.00", "95.00"]])
    return to_pdf(Report("某单位绩效自评报告", ["一、预算执行情况", "本年支出95.00万元。", grid]))


_OBJ = re.compile(rb"\d+ 0 obj\b")


def pdf_case(rnd: random.Random) -> tuple[bytes, str]:
    """The base PDF with an object garbled, a count or a reference changed, or cut short."""
    data = bytearray(_base_pdf())
    action = rnd.choice(("garble", "count", "reference", "truncate", "flip"))
    objects = [m.start() for m in _OBJ.finditer(data)]
    if action == "garble" and objects:
        at = rnd.choice(objects)
        for i in range(at + 8, min(at + 8 + rnd.randint(1, 40), len(data))):
            data[i] = rnd.randrange(256)
    elif action == "count":
        data = bytearray(re.sub(rb"/Count \d+", f"/Count {rnd.choice((0, 2, 99999, -1))}".encode(), bytes(data)))
    elif action == "reference":
        refs = list(re.finditer(rb"(\d+) 0 R", data))
        if refs:
            m = rnd.choice(refs)
            data[m.start():m.end()] = f"{rnd.choice((0, 9999, 1))} 0 R".encode()
    elif action == "truncate":
        cut = rnd.randrange(len(data) // 2, len(data))
        data = data[:cut] + b"\n%%EOF\n"
    else:
        for _ in range(rnd.randint(1, 20)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    return bytes(data), "case.pdf"
