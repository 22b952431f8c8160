"""Readers turn a file into a Document. One module per format; they know nothing
of checks. The format is chosen by content (magic bytes), not by extension: a PDF
saved as .txt is read as a PDF, a web page saved as .doc as HTML."""

from __future__ import annotations

import importlib
import os
import re
import stat
from pathlib import Path

from auditlint.model import Document
from auditlint.readers import hant, limits

READERS = {
    "text": "auditlint.readers.text",
    "pdf": "auditlint.readers.pdf",
    "docx": "auditlint.readers.docx",
    "html": "auditlint.readers.html",
    "xlsx": "auditlint.readers.xlsx",
    "doc": "auditlint.readers.convert",  # .doc/.wps through LibreOffice
    "xls": "auditlint.readers.convert",
}
SUPPORTED_SUFFIXES = {".txt", ".text", ".pdf", ".docx", ".html", ".htm", ".xhtml", ".xlsx", ".doc", ".wps", ".xls"}
# suffixes that promise a binary format: content that is neither that nor HTML is damage, not text
_BINARY_SUFFIXES = {".pdf": "PDF", ".docx": ".docx"}


class ReadError(Exception):
    """A file that cannot be read. The message is one line: what is wrong and
    what to do about it (the path is added by the caller)."""


def _zip_kind(data: bytes, suffix: str) -> str:
    import io
    import zipfile

    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        if suffix == ".xlsx" or b"xl/" in data[:65536]:
            raise ReadError("damaged .xlsx (the ZIP archive is truncated or corrupt): save or download it again") from None
        if suffix == ".docx" or b"word/" in data[:65536]:
            raise ReadError("damaged .docx (the ZIP archive is truncated or corrupt): save or download it again") from None
        raise ReadError("a damaged ZIP archive: save or download the report again") from None
    names = {i.filename for i in infos}
    if "word/document.xml" in names:
        limits.check_unpacked((i.filename, i.file_size) for i in infos)
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        raise ReadError("a presentation (.pptx), not a report: save the report as .docx, .pdf or .txt")
    if "content.xml" in names:
        raise ReadError("an OpenDocument file (.odt): save it as .docx or PDF first")
    raise ReadError("a ZIP archive that is not a .docx document: open it and save as .docx, .pdf or .txt")


def _ole_workbook(data: bytes) -> bool:
    # an old binary file's directory names its streams: Excel's is "Workbook" (or "Book")
    return any(name.encode("utf-16-le") + b"\x00\x00" in data for name in ("Workbook", "Book"))


_HTML_START = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|h[1-6])\b",
                         re.IGNORECASE | re.DOTALL)


def _looks_html(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head[2:].decode("utf-16-le" if head[:2] == b"\xff\xfe" else "utf-16-be", errors="ignore").encode()
        except UnicodeError:
            return False
    return bool(_HTML_START.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")))


# bytes no text file holds (NUL, the C0 controls but TAB, LF, FF, CR and ESC, and DEL)
_CONTROL = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])


def _looks_binary(head: bytes) -> bool:
    """Content that is no text in any encoding: a NUL, or more than 2 % control
    bytes (random bytes hold about 10 %; text, HTML and GB18030 none)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    return len(head) - len(head.translate(None, _CONTROL)) > 0.02 * len(head)


def sniff(data: bytes, suffix: str = "") -> str:
    """The format of a file from its first bytes; ReadError for formats auditlint
    cannot read, with what to do instead."""
    head = data[:4096]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, suffix)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptedPackage".encode("utf-16-le") in data:
            if suffix in (".xlsx", ".xls"):
                raise ReadError("a password-protected workbook: remove the password in Excel or WPS and save again")
            raise ReadError("a password-protected Word document: remove the password in Word and save again")
        return "xls" if _ole_workbook(data) else "doc"
    if head.startswith(b"{\\rtf"):
        raise ReadError("an RTF file: save it as .docx or PDF first")
    lowered = head.lower()
    if b"mso-application progid=\"word.document\"" in lowered or b"<w:worddocument" in lowered:
        raise ReadError("a Word 2003 XML document: save it as .docx or PDF first")
    if lowered.startswith(b"mime-version:") or (b"mime-version:" in lowered[:512] and b"multipart/related" in lowered):
        raise ReadError("a web archive (.mht): open it in a browser and save it as .html")
    if _looks_binary(head):
        # whatever the name says: a binary file is never read as a page or as text
        raise ReadError("a binary file that is not PDF, DOCX, HTML or text: convert it to one of those")
    if _looks_html(head):
        return "html"
    if suffix in {".html", ".htm", ".xhtml"} and b"<" in head:
        return "html"
    if suffix in _BINARY_SUFFIXES:
        kind = _BINARY_SUFFIXES[suffix]
        raise ReadError(f"not a {kind} file (its content has no {kind} signature): the file is damaged or misnamed; "
                        "download or export it again")
    return "text"


def read(path: str | Path, display_path: str | None = None) -> Document:
    p = Path(path)
    shown = display_path or str(path)
    try:
        check_regular(p)
        data = p.read_bytes()
    except IsADirectoryError:
        raise ReadError("is a folder, not a file") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied: check the file's permissions") from None
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from None
    return read_data(data, shown, p.suffix.lower())


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def check_regular(path: Path) -> None:
    """Refuse what is not a regular file before opening it: reading a FIFO or a
    device blocks or never ends. Also refuses a file past the size limit unread."""
    mode = os.stat(path).st_mode  # follows a link: its target is what would be read
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        raise ReadError(f"not a regular file ({kind}): only files can be checked")
    limits.check_file_size(os.stat(path).st_size)


def read_data(data: bytes, shown: str, suffix: str = "") -> Document:
    """A Document from a file's bytes; ``suffix`` only breaks ties the content leaves open."""
    if not data.strip():
        raise ReadError("the file is empty: nothing to check")
    limits.check_file_size(len(data))
    fmt = sniff(data, suffix)
    limits.check_file_size(len(data), text=fmt in ("text", "html"))
    module = importlib.import_module(READERS[fmt])
    if fmt == "pdf" and os.environ.get("AUDITLINT_PDF_READER") != "pdfplumber":  # pdfplumber: the reference
        module = importlib.import_module("auditlint.readers.pdfium")
    try:
        doc: Document = hant.simplify(module.read_bytes(data, shown))
        limits.check_document(doc.blocks)
    except (ReadError, MemoryError):
        # running out of memory is the machine's state, not the file's: the caller
        # decides (a batch retries it; it is never cached as the file's outcome)
        raise
    except RecursionError:
        raise ReadError(f"malformed {fmt} file (nested too deeply to read)") from None
    except Exception as exc:  # a reader bug or a malformed file: one line, no traceback
        raise ReadError(f"malformed {fmt} file ({type(exc).__name__}: {exc})".replace("\n", " ")[:300]) from exc
    if not doc.blocks:
        raise ReadError("no text found in the file: nothing to check")
    return doc
