"""Writing generated files so that regenerating an unchanged corpus changes nothing:
python-docx stamps each ZIP member with the time it was saved and reportlab each PDF
with its creation date and a random document ID, so a .docx or .pdf whose content is
what the folder already holds is left as it is."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

_PDF_STAMPS = re.compile(rb"/(?:CreationDate|ModDate) \(D:[^)]*\)|/ID\s*\[\s*<[0-9a-fA-F]*>\s*<[0-9a-fA-F]*>\s*\]")


def _content(suffix: str, data: bytes) -> object:
    if suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return sorted((n, z.read(n)) for n in z.namelist())
    if suffix == ".pdf":
        return _PDF_STAMPS.sub(b"", data)
    return data


def same_content(path: Path, data: bytes) -> bool:
    """Whether ``path`` holds ``data``, up to the time stamps of a .docx or .pdf."""
    if not path.exists():
        return False
    try:
        return _content(path.suffix, path.read_bytes()) == _content(path.suffix, data)
    except zipfile.BadZipFile:
        return False


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless ``path`` already holds the same content; True if written."""
    if same_content(path, data):
        return False
    path.write_bytes(data)
    return True
