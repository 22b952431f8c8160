"""PDF reports read fast: pdfminer's characters without its path drawing, PDFium's ruling lines.

The page reading and the assembly into paragraphs and tables are
``readers/pdf.py``'s, on the same pdfplumber page objects; only what fills a
page differs. Its characters come from pdfminer's interpreter given the text
operators alone (``pdf_text.py``: a report's content streams are mostly table
rules, which pdfminer would tokenize in Python), so they are pdfminer's, box for
box. Its ruling lines, the edges pdfplumber's table finder reads, come from
PDFium, which parses the paths in C (``pdf_objects.py``). A rotated page, or one
whose media box does not start at (0, 0), is read wholly by pdfplumber.

``AUDITLINT_PDF_READER=pdfplumber`` selects the reference reader, ``pdf.py``.
"""

from __future__ import annotations

from typing import Any

from auditlint.model import Document
from auditlint.readers import pdf as pdf_reader
from auditlint.readers.pdf import PageContent


def _prepare(page: Any) -> None:
    """Fill the pdfplumber page's layout (characters) and edges the fast way, where its geometry allows."""
    from auditlint.readers.pdf_objects import page_edges
    from auditlint.readers.pdf_text import CharCollector, TextInterpreter

    if page.rotation % 360 or tuple(page.mediabox[:2]) != (0, 0) or tuple(page.bbox) != tuple(page.mediabox):
        return  # pdfplumber reads it all: its coordinates are not pdfminer's page space
    height = float(page.height)
    device = CharCollector(page.pdf.rsrcmgr, height)
    TextInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._objects = {"char": device.chars}  # what pdfplumber's page.chars reads; no image is looked at
    page._edges = page_edges(device.paths, height)


def read_bytes(data: bytes, path: str) -> Document:
    return pdf_reader.read_bytes(data, path, pages_reader=_read_pages)


def _read_pages(page_objs: list, data: bytes) -> list[PageContent]:
    return pdf_reader.read_pages(page_objs, data, lambda _number, page: _prepare(page))
