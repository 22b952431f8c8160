"""The sizes past which a file is refused with one line instead of read.

Each limit is far above any real report (the largest published reports we have
seen: 30 MB PDFs of scans, 400-page texts, tables of a few thousand cells) and far
below what makes a check run for minutes or a worker take gigabytes. README
"Limits" states them; a file past one gets a ReadError that names the limit.
"""

from __future__ import annotations

from collections.abc import Iterable

from auditlint.model import Paragraph, Table

MIB = 1024 * 1024
# any file, as stored: PDFs of scans are large but carry their bulk in images
MAX_FILE_BYTES = 200 * MIB
# text and web pages, where every byte is content to parse
MAX_TEXT_BYTES = 20 * MIB
# one line of text, one paragraph or one table cell, in characters
MAX_LINE_CHARS = 100_000
# table cells in one document (grid positions, merged ones included)
MAX_CELLS = 200_000
# element depth of a web page (libxml2 silently drops what lies deeper than 255)
MAX_NESTING = 200
# a .docx: the parts' sizes once unpacked, one part and all together (a ZIP bomb check)
MAX_PART_BYTES = 128 * MIB
MAX_UNPACKED_BYTES = 512 * MIB


def _error(message: str) -> Exception:
    from auditlint.readers import ReadError

    return ReadError(message)


def _mb(n: int) -> str:
    return f"{n / MIB:,.0f} MB" if n >= MIB else f"{n / MIB:.1f} MB"


def check_file_size(size: int, text: bool = False) -> None:
    limit = MAX_TEXT_BYTES if text else MAX_FILE_BYTES
    if size > limit:
        kind = "for text and web pages" if text else "for a report file"
        raise _error(f"too large ({_mb(size)}; the limit {kind} is {limit // MIB} MB): "
                     "split the report or check its parts")


def check_line(length: int, what: str = "a line") -> None:
    if length > MAX_LINE_CHARS:
        raise _error(f"{what} of {length:,} characters (the limit is {MAX_LINE_CHARS:,}): not a report's text, "
                     "or its line breaks were lost in conversion")


def check_cells(n: int, at_least: bool = False) -> None:
    if n > MAX_CELLS:
        raise _error(f"too many table cells ({'at least ' if at_least else ''}{n:,}; the limit is {MAX_CELLS:,}): "
                     "split the report or check its tables separately")


def check_unpacked(parts: Iterable[tuple[str, int]]) -> None:
    """A ZIP's declared unpacked sizes (zipfile never inflates a part past the
    size its header declares, so these bound the memory reading takes)."""
    total = 0
    for name, size in parts:
        if size > MAX_PART_BYTES:
            raise _error(f"a part of the archive is too large unpacked ({name}: {_mb(size)}; the limit is "
                         f"{MAX_PART_BYTES // MIB} MB): a damaged file or a ZIP bomb")
        total += size
    if total > MAX_UNPACKED_BYTES:
        raise _error(f"the archive is too large unpacked ({_mb(total)}; the limit is {MAX_UNPACKED_BYTES // MIB} MB): "
                     "a damaged file or a ZIP bomb")


def check_nesting(depth: int) -> None:
    if depth > MAX_NESTING:
        raise _error(f"elements nested more than {MAX_NESTING} levels deep (tables inside tables …): the page cannot "
                     "be read whole; save the report as .docx or PDF")


def check_document(blocks: Iterable[Paragraph | Table]) -> None:
    """The limits a reader's result must meet, whatever the format."""
    cells = 0
    for b in blocks:
        if isinstance(b, Table):
            cells += sum(len(r) for r in b.rows)
            check_cells(cells)
            for row in b.rows:
                for c in row:
                    check_line(len(c.text), "a table cell")
        else:
            check_line(len(b.text), "a paragraph")
