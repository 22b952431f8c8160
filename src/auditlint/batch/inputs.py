"""Expanding ``auditlint batch`` INPUTs into a deduplicated list of reports.

An INPUT is a file, a folder (searched recursively), a glob (``reports/**/*.pdf``)
or ``@list.txt`` (one INPUT a line; blank lines and ``#`` comments skipped, paths
taken as written, that is relative to the current folder, like a compiler's
``@file``). Files with the same bytes are one report: it is checked once and its
other paths are listed beside it.

A folder search does not follow a link out of the folder (a link to
``/etc/passwd`` among the reports is skipped, with a note) unless asked
(``follow_links``); links inside it, and files named on the command line, are
followed. A name that is not a regular file (a FIFO, a device) becomes an error
row without being opened: reading it would block.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

# what a folder search takes without looking inside: the suffixes the readers know
REPORT_SUFFIXES = {".txt", ".text", ".pdf", ".docx", ".html", ".htm", ".xhtml", ".xlsx", ".doc", ".wps", ".xls"}
# a file with another suffix in a folder is taken only if its first bytes say it is a
# report format that cannot be mistaken (published reports are often downloaded as
# "download.do?id=…" or "*.bin"); plain text is not sniffed, or every README, CSV and
# YAML beside the reports would be linted
_MAGIC = (b"%pdf-", b"pk\x03\x04", b"<!doctype html", b"<html")  # compared lower-cased


class InputError(Exception):
    """An INPUT that names nothing usable (a missing @list); one line."""


@dataclass
class Source:
    """One distinct report: the bytes' hash, the path it is read from and shown as,
    and the other paths that hold the same bytes."""

    path: str
    sha256: str
    size: int
    duplicates: list[str] = field(default_factory=list)
    error: str | None = None  # the file could not even be opened for hashing

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix.lower()


def file_sha256(path: str | Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _shown(path: Path) -> str:
    return os.path.normpath(str(path))


def _looks_like_report(path: Path) -> bool:
    if path.name.startswith("~$"):
        return False  # the lock file Office leaves beside an open document
    if path.suffix.lower() in REPORT_SUFFIXES:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return False
    return head.startswith(_MAGIC)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


def _walk(folder: Path, exclude: Path | None, follow_links: bool = False, warn=lambda message: None) -> list[Path]:
    out: list[Path] = []
    root_real = folder.resolve()
    seen: set[Path] = set()
    for root, dirs, files in os.walk(folder, followlinks=follow_links):
        here = Path(root)
        real = here.resolve()
        if real in seen:  # a link back up the tree: each folder once
            dirs[:] = []
            continue
        seen.add(real)
        # hidden folders (.git, .cache) and the output folder itself are never reports
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _same(here / d, exclude))
        for name in sorted(files):
            p = here / name
            if name.startswith("."):
                continue
            if p.is_symlink() and not follow_links and not _inside(p, root_real):
                warn(f"{_shown(p)}: a link out of {_shown(folder)}; not followed (--follow-links follows it)")
                continue
            if not p.is_file():
                if p.suffix.lower() in REPORT_SUFFIXES and p.exists():
                    out.append(p)  # a FIFO or device named like a report: an error row, not silence
                continue
            if _looks_like_report(p):
                out.append(p)
    return out


def _same(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _is_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def expand(inputs: list[str] | tuple[str, ...], exclude: str | Path | None = None,
           warn=lambda message: None, follow_links: bool = False) -> list[Path]:
    """Every file the INPUTs name, in a stable order, before deduplication. A path
    that does not exist is kept (it becomes an error row); a glob that matches
    nothing is reported through ``warn``."""
    skip = Path(exclude) if exclude is not None else None
    out: list[Path] = []
    for item in inputs:
        if item.startswith("@"):
            out.extend(expand(_read_list(item[1:]), skip, warn, follow_links))
            continue
        path = Path(item)
        if path.is_dir():
            out.extend(_walk(path, skip, follow_links, warn))
        elif path.exists() or not _is_glob(item):
            out.append(path)
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                warn(f"{item}: no file matches")
            for m in matches:
                mp = Path(m)
                out.extend(_walk(mp, skip, follow_links, warn) if mp.is_dir() else [mp])
    return out


def _read_list(name: str) -> list[str]:
    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"@{name}: cannot read the list ({exc.strerror or exc})") from None
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def collect(inputs: list[str] | tuple[str, ...], exclude: str | Path | None = None,
            warn=lambda message: None, follow_links: bool = False) -> list[Source]:
    """The distinct reports the INPUTs name, sorted by path. Of several paths with
    the same bytes the first in sorted order is the report, the rest its duplicates."""
    seen_paths: set[str] = set()
    by_hash: dict[str, Source] = {}
    missing: list[Source] = []
    from auditlint.readers import ReadError, check_regular

    for p in sorted(expand(inputs, exclude, warn, follow_links), key=_shown):
        shown = _shown(p)
        if shown in seen_paths:
            continue
        seen_paths.add(shown)
        try:
            check_regular(p)  # before opening: a FIFO would block the hash
            digest, size = file_sha256(p)
        except ReadError as exc:
            missing.append(Source(shown, "", 0, error=str(exc)))
            continue
        except OSError as exc:
            # still a row, with no hash: nothing was read, nothing is cached
            missing.append(Source(shown, "", 0, error=_why(exc)))
            continue
        first = by_hash.get(digest)
        if first is None:
            by_hash[digest] = Source(shown, digest, size)
        else:
            first.duplicates.append(shown)
    return sorted([*by_hash.values(), *missing], key=lambda s: s.path)


def _why(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied: check the file's permissions"
    return f"cannot be read ({exc.strerror or exc})"
