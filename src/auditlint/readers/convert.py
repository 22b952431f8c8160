"""Old binary Office files (.doc, .wps, .xls) read through LibreOffice.

Offices still keep reports as Word 97 or WPS files and tables as .xls. When
LibreOffice (``soffice``) is installed the file is converted headless to .docx
or .xlsx and read by that reader; otherwise one line says what to install or
how to save the file instead.

The conversion works on a copy in a private temporary folder, named by us (the
user's file name never becomes a path or an argument), with LibreOffice's own
throwaway profile (a running office or a locked user profile would otherwise
take the job and convert nothing), no shell, and a time limit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from auditlint.model import Document

TIMEOUT_SECONDS = 120

# what the old file is, what it becomes, and the LibreOffice package that converts it
_KINDS = {
    "doc": ("an old binary Word file (.doc/.wps)", "docx", "libreoffice-writer"),
    "xls": ("an old binary Excel file (.xls)", "xlsx", "libreoffice-calc"),
}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(cmd: list[str], cwd: str) -> None:
    """Run LibreOffice; on timeout end its whole process group (``soffice`` is a
    wrapper: killing it alone would leave ``soffice.bin`` converting)."""
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          cwd=cwd, start_new_session=True) as proc:
        try:
            proc.wait(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise


def convert(data: bytes, kind: str, program: str) -> bytes:
    """The bytes of the .docx/.xlsx LibreOffice makes of ``data``."""
    from auditlint.readers import ReadError

    what, target, _ = _KINDS[kind]
    with tempfile.TemporaryDirectory(prefix="auditlint-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"input.{kind}"
        source.write_bytes(data)
        out = folder / "out"
        cmd = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", target, "--outdir", str(out), str(source)]
        try:
            _run(cmd, tmp)
        except subprocess.TimeoutExpired:
            raise ReadError(f"{what}: LibreOffice did not convert it within {TIMEOUT_SECONDS} s; "
                            f"save it as .{target} and check that") from None
        except OSError as exc:
            raise ReadError(f"{what}: LibreOffice could not be started ({exc.strerror or exc}); "
                            f"save it as .{target} instead") from None
        result = out / f"input.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise ReadError(f"{what} that LibreOffice could not convert (damaged or password-protected?): "
                            f"open it and save it as .{target}")
        return result.read_bytes()


def read_bytes(data: bytes, path: str) -> Document:
    from auditlint.readers import ReadError, _ole_workbook

    kind = "xls" if _ole_workbook(data) else "doc"
    what, target, package = _KINDS[kind]
    program = soffice()
    if program is None:
        raise ReadError(f"{what}: cannot read it without LibreOffice: install it (apt-get install {package}) "
                        f"or save the file as .{target}")
    converted = convert(data, kind, program)
    if target == "docx":
        from auditlint.readers.docx import read_bytes as read_converted
    else:
        from auditlint.readers.xlsx import read_bytes as read_converted
    doc = read_converted(converted, path)
    doc.format = kind
    return doc
