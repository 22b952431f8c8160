"""PDF reports read fast: pdfminer's characters and ruling lines, without its layout objects.

The page reading and the assembly into paragraphs and tables are
``readers/pdf.py``'s, on the same pdfplumber page objects; only what fills a
page differs. Its characters and the paths its table finder reads come from
pdfminer's interpreter run on a content stream cut by one regular expression
(``pdf_text.py``, ``pdf_stream.py``), with pdfminer's own operators and
arithmetic, so they are pdfminer's, box for box and point for point; only the
layout objects pdfminer and pdfplumber would build of them are skipped
(``pdf_objects.py`` turns the paths into pdfplumber's edges, and finds the
cells of its ruled tables as its ``find_tables`` does, faster). A rotated page, or one whose media box does not
start at (0, 0), is read wholly by pdfplumber.

The module keeps its name from when the ruling lines came from PDFium: reading
the paths off the content stream turned out faster than loading each page in
PDFium and walking its path segments through ctypes, and exact (64-bit, as
pdfminer computes them) where PDFium's were 32-bit.

``AUDITLINT_PDF_READER=pdfplumber`` (``--pdf-reader pdfplumber``; ``fast`` is this reader) selects the
reference reader, ``pdf.py``.
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
    from auditlint.readers.pdf_objects import ruled_tables

    return pdf_reader.read_pages(page_objs, data, lambda _number, page: _prepare(page),
                                 lambda page: ruled_tables(page, pdf_reader.TABLE_SETTINGS))
