"""Folders of generated reports for the batch's tests and benchmark.

Reports come from the corpus generator's ``synth`` shapes (the five shapes, clean and
with one planted mistake each), numbered so that every file is distinct; corrupt files of
every kind a real collection holds can be added beside them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

# name → what the file is; each must become an error row with a readable reason
CORRUPT = {
    "empty.txt": "an empty file",
    "junk.bin.txt": "binary junk with a .txt name",
    "truncated.pdf": "a PDF cut off after its header",
    "garbage.docx": "a ZIP archive of garbage named .docx",
    "notes.zip.docx": "a ZIP archive with no Word document in it",
    "old-word.docx": "an old binary Word file named .docx",
}


def generated(n: int) -> Iterator[tuple[str, object]]:
    """``n`` (name, synth Report) pairs: every shape, seed after seed, every planted version."""
    from corpusgen.synth.corpus import planted_versions
    from corpusgen.synth.shapes import SHAPES

    count = 0
    seed = 1
    while True:
        for shape in SHAPES:
            for p in planted_versions(shape, seed):
                if count == n:
                    return
                yield f"{count:05d}-{shape}-{seed}-{p.name}", p.report
                count += 1
        seed += 1


def write_reports(folder: Path, n: int, fmt: str = "txt") -> list[Path]:
    """Write ``n`` generated reports as ``fmt`` (txt or pdf) into ``folder``."""
    from corpusgen.synth.render import render_pdf, render_text

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, report in generated(n):
        path = folder / f"{name}.{fmt}"
        if fmt == "txt":
            path.write_text(render_text(report)[0], encoding="utf-8")
        elif fmt == "pdf":
            path.write_bytes(render_pdf(report))
        else:
            raise ValueError(f"unknown format {fmt!r} (txt or pdf)")
        paths.append(path)
    return paths


def write_corrupt(folder: Path) -> list[Path]:
    """The files of ``CORRUPT``, each with different bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    (folder / "garbage.docx").write_bytes(b"PK\x03\x04" + bytes(range(200, 256)) * 20)
    with zipfile.ZipFile(folder / "notes.zip.docx", "w") as z:
        z.writestr("notes.txt", "not a Word document")
    (folder / "old-word.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    return [folder / name for name in CORRUPT]
