"""A .docx written with python-docx: paragraphs, centred bold titles and ruled tables
whose merges are Word's own (vMerge, gridSpan)."""

from __future__ import annotations

import io
from typing import Any

from corpusgen.model import COVERED, C, Report, T, spans


def add_table(doc: Any, rows: list[list[str]]) -> Any:
    """A "Table Grid" table; texts are written before merging (python-docx keeps the anchor's)."""
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    # row by row: table.cell(r, c) rebuilds the whole grid on every call
    for row_obj, row in zip(table.rows, rows):
        for cell_obj, cell in zip(row_obj.cells, row):
            if cell not in COVERED:
                cell_obj.text = cell
    for (r, c), (rs, cs) in spans(rows).items():
        if rs > 1 or cs > 1:
            table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))
    return table


def docx_bytes(report: Report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.size = Pt(10.5)
    if report.font:
        st.font.name = report.font
        st.element.rPr.rFonts.set(qn("w:eastAsia"), report.font)
    for b in report.blocks:
        if isinstance(b, T):
            add_table(doc, b.rows)
        elif isinstance(b, C):
            para = doc.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = para.add_run(str(b))
            run.bold = True
            run.font.size = Pt(16)
        elif isinstance(b, str):
            doc.add_paragraph(b)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
