"""The server's private working folder, and uploads written into it safely.

Everything the server keeps on disk lives under one folder made by ``mkdtemp``
(mode 0700: other accounts on a shared office machine cannot list or read it) and
removed when the server stops. An uploaded file's name is never used as a path:
only its suffix, from a fixed list, survives, and the bytes are stored under a
random name, then under their hash while the batch checks them.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

# what the readers take without LibreOffice; .doc/.wps/.xls need it (readers/convert.py)
BASE_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".xhtml", ".xlsx", ".txt", ".text")
OFFICE_SUFFIXES = (".doc", ".wps", ".xls")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_NAME = 200  # characters of an uploaded name kept for display
_CHUNK = 1 << 20


class TooLarge(Exception):
    """An upload over the size limit (its partial copy is already removed)."""


def accepted_suffixes(libreoffice: bool) -> tuple[str, ...]:
    return BASE_SUFFIXES + (OFFICE_SUFFIXES if libreoffice else ())


def display_name(raw: str | None) -> str:
    """The name shown for an upload: its last component only (a browser may send
    "C:\\fakepath\\x.pdf" or "../../x.pdf"), without control characters, shortened."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[-MAX_NAME:] or "未命名文件"


def safe_suffix(name: str, accepted: tuple[str, ...]) -> str | None:
    """The name's suffix when it is one the server takes, else None."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix if suffix in accepted else None


@dataclass
class Stored:
    """One upload on disk: where, its hash and size, and the suffix it may be read as."""

    path: Path
    sha256: str
    size: int


class Workspace:
    """The private folder: ``incoming/`` for uploads, ``checking/`` for the files of
    the job being checked, ``results-LANG/`` for the batch's output folder and cache."""

    def __init__(self, parent: str | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="auditlint-serve-", dir=parent))
        os.chmod(self.root, 0o700)  # mkdtemp's own mode, said again: the folder's privacy is the point
        for sub in ("incoming", "checking"):
            (self.root / sub).mkdir(mode=0o700)

    @property
    def incoming(self) -> Path:
        return self.root / "incoming"

    @property
    def checking(self) -> Path:
        return self.root / "checking"

    def results(self, lang: str) -> Path:
        path = self.root / f"results-{'en' if lang == 'en' else 'zh'}"
        path.mkdir(mode=0o700, exist_ok=True)
        return path

    def save(self, stream: BinaryIO, max_bytes: int) -> Stored:
        """Copy ``stream`` into a new random file, hashing it; TooLarge past ``max_bytes``."""
        path = self.incoming / f"{secrets.token_hex(16)}.part"
        h = hashlib.sha256()
        size = 0
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge
                    h.update(chunk)
                    out.write(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return Stored(path, h.hexdigest(), size)

    def stage(self, stored: Stored, suffix: str) -> Path:
        """Move an upload to where the batch reads it: ``checking/<hash><suffix>``. The
        name depends only on the bytes, so a report page the cache kept from an earlier
        upload of the same file names the same path (serve/results.py replaces it)."""
        target = self.checking / f"{stored.sha256}{suffix}"
        os.replace(stored.path, target)
        stored.path = target
        return target

    def discard(self, paths: list[Path]) -> None:
        for p in paths:
            try:
                p.unlink(missing_ok=True)
            except OSError:
                pass

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
