"""PDF reports through PDFium (pypdfium2): the pdfplumber reader's logic on
characters and ruling lines PDFium parses in C.

Everything after the characters is ``readers/pdf.py``'s: its page reading
(tables from pdfplumber's ``TableFinder`` on PDFium's edges, lines, unruled
tables, line numbers) and its assembly into paragraphs and tables. Only where
the characters and edges come from differs (``pdf_objects.py``).
"""

from __future__ import annotations

from typing import Any

from auditlint.model import Document
from auditlint.readers.pdf import PageContent, assemble, read_page
from auditlint.readers.pdf_objects import PageObjects


class _Page(PageObjects):
    """A page as ``read_page`` reads a pdfplumber page."""

    def find_tables(self, settings: dict[str, Any]) -> list:
        from pdfplumber.table import TableFinder, TableSettings

        if not self.edges:
            return []  # no ruling line: no ruled table (the finder would only say so slower)
        return TableFinder(self, TableSettings.resolve(settings)).tables

    def close(self) -> None:
        pass


class _Reference:
    """pdfplumber on the same file, opened only for the pages PDFium cannot read in full."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf: Any = None

    def page(self, number: int) -> Any:
        if self.pdf is None:
            import io

            import pdfplumber

            from auditlint.readers.pdf import _quiet

            _quiet()
            self.pdf = pdfplumber.open(io.BytesIO(self.data))
        return self.pdf.pages[number - 1]

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _open_error(exc: Exception):  # noqa: ANN202 - returns a ReadError
    from auditlint.readers import ReadError

    text = str(exc)
    if "password" in text.lower():
        return ReadError("password-protected PDF: remove the password (or print it to a new PDF) and check that copy")
    if "security" in text.lower():
        return ReadError("encrypted PDF that cannot be opened (unsupported protection): save an unprotected copy")
    return ReadError(f"damaged PDF ({type(exc).__name__}: {text[:80]}): export or download it again".replace("\n", " "))


def read_bytes(data: bytes, path: str) -> Document:
    import pypdfium2 as pdfium

    from auditlint.readers import ReadError

    if b"%%EOF" not in data[-2048:]:
        raise ReadError("truncated PDF (the end of the file is missing): download or export it again")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc) from None
    pages: list[PageContent] = []
    reference = _Reference(data)
    try:
        for number in range(1, len(pdf) + 1):
            try:
                page = pdf[number - 1]
                objects = _Page(page)
                page.close()
                pages.append(read_page(objects if objects.complete else reference.page(number), number))
            except ReadError:
                raise
            except Exception as exc:
                raise ReadError(f"damaged PDF: page {number} cannot be read ({type(exc).__name__}): "
                                "export or download it again") from None
    finally:
        pdf.close()
        reference.close()
    n_chars = sum(p.n_chars for p in pages)
    if n_chars == 0:
        raise ReadError("no text layer: run OCR first (the PDF holds only images or drawings, e.g. a scan)")
    if sum(p.n_cid for p in pages) > 0.3 * n_chars:
        raise ReadError("no usable text layer (its fonts have no Unicode map): run OCR first")
    return Document(path=path, format="pdf", blocks=assemble(pages, path), pages=len(pages))
