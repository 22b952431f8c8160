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

import io
from typing import Any

from auditlint.model import Document
from auditlint.readers.pdf import PageContent, _declared_pages, _open_error, _quiet, assemble, read_page


def _prepare(page: Any, pdfium_page: Any) -> None:
    """Fill the pdfplumber page's layout (characters) and edges the fast way, where its geometry allows."""
    from auditlint.readers.pdf_objects import page_edges
    from auditlint.readers.pdf_text import CharCollector, TextInterpreter

    if page.rotation % 360 or tuple(page.mediabox[:2]) != (0, 0) or tuple(page.bbox) != tuple(page.mediabox):
        return  # pdfplumber reads it all: its coordinates are not PDFium's page space
    height = float(page.height)
    device = CharCollector(page.pdf.rsrcmgr, height)
    TextInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._objects = {"char": device.chars}  # what pdfplumber's page.chars reads; no image is looked at
    page._edges = page_edges(pdfium_page.raw, height)


def read_bytes(data: bytes, path: str) -> Document:
    import pdfplumber
    import pypdfium2 as pdfium
    from pdfplumber.utils.exceptions import PdfminerException

    from auditlint.readers import ReadError

    _quiet()
    if b"%%EOF" not in data[-2048:]:
        raise ReadError("truncated PDF (the end of the file is missing): download or export it again")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise _open_error(exc) from None
    except Exception as exc:  # pdfminer raises plain errors on some damage
        raise _open_error(exc) from None
    with pdf:
        try:
            page_objs = pdf.pages
        except Exception as exc:
            raise _open_error(exc) from None
        declared = _declared_pages(pdf)
        if declared and len(page_objs) < declared:
            raise ReadError(f"damaged PDF: only {len(page_objs)} of its {declared} pages can be read: "
                            "export or download it again")
        try:
            fast = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            fast = None  # pdfminer reads what PDFium refuses: the reference reader's way, page by page
        pages = _read_pages(page_objs, fast)
    n_chars = sum(p.n_chars for p in pages)
    if n_chars == 0:
        raise ReadError("no text layer: run OCR first (the PDF holds only images or drawings, e.g. a scan)")
    if sum(p.n_cid for p in pages) > 0.3 * n_chars:
        raise ReadError("no usable text layer (its fonts have no Unicode map): run OCR first")
    return Document(path=path, format="pdf", blocks=assemble(pages, path), pages=len(pages))


def _read_pages(page_objs: list, fast: Any) -> list[PageContent]:
    from auditlint.readers import ReadError

    pages: list[PageContent] = []
    try:
        for number, page in enumerate(page_objs, start=1):
            try:
                if fast is not None and len(fast) == len(page_objs):
                    pdfium_page = fast[number - 1]
                    _prepare(page, pdfium_page)
                    pdfium_page.close()
                pages.append(read_page(page, number))
            except ReadError:
                raise
            except Exception as exc:
                raise ReadError(f"damaged PDF: page {number} cannot be read ({type(exc).__name__}): "
                                "export or download it again") from None
    finally:
        if fast is not None:
            fast.close()
    return pages
