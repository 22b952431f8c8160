"""Readers turn a file into a Document. One module per format; they know nothing
of checks. The format is chosen by content (magic bytes), not by extension."""

from __future__ import annotations

import importlib
from pathlib import Path

from auditlint.model import Document

READERS = {
    "text": "auditlint.readers.text",
    "pdf": "auditlint.readers.pdf",
    "docx": "auditlint.readers.docx",
    "html": "auditlint.readers.html",
}
SUPPORTED_SUFFIXES = {".txt", ".text", ".pdf", ".docx", ".html", ".htm", ".xhtml"}


class ReadError(Exception):
    """A file that cannot be read. The message is one line: what is wrong and
    what to do about it (the path is added by the caller)."""


def sniff(data: bytes, suffix: str = "") -> str:
    """The format of a file from its first bytes."""
    head = data[:2048]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or suffix == ".docx" or b"[Content_Types].xml" in data[:65536]:
            return "docx"
        raise ReadError("a ZIP archive that is not a .docx document: open it and save as .docx, .pdf or .txt")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError("an old binary Word (.doc) file: save it as .docx or PDF first")
    if head.startswith(b"{\\rtf"):
        raise ReadError("an RTF file: save it as .docx or PDF first")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<table" in head.lower() or b"<body" in head.lower():
        return "html"
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise ReadError("a binary file that is not PDF, DOCX, HTML or text: convert it to one of those")
    return "text"


def read(path: str | Path, display_path: str | None = None) -> Document:
    p = Path(path)
    shown = display_path or str(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise ReadError("is a folder, not a file") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied: check the file's permissions") from None
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ReadError("the file is empty: nothing to check")
    fmt = sniff(data, p.suffix.lower())
    module = importlib.import_module(READERS[fmt])
    try:
        doc: Document = module.read_bytes(data, shown)
    except ReadError:
        raise
    except Exception as exc:  # a reader bug or a malformed file: one line, no traceback
        raise ReadError(f"malformed {fmt} file ({type(exc).__name__}: {exc})".replace("\n", " ")[:300]) from exc
    if not doc.blocks:
        raise ReadError("no text found in the file: nothing to check")
    return doc
