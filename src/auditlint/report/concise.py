"""``--format concise``: one line per finding, ``path:line:col: ID message``.

The ``path:line:col`` prefix is what editors, ``grep -n`` style tools and problem
matchers parse, so it is the same shape for every format:

- text: the line and column in the file;
- PDF: the line and column *within the page*, and the page leads the message as
  ``[p.2]`` (a PDF has no file-wide line; ``path:page:line:col`` would not parse);
- DOCX/HTML cells and paragraphs have no line: ``1:1``, and the place leads the
  message as ``[t.3 r.6 c.4]`` (table, row, column) or ``[para 12]``.
"""

from __future__ import annotations

from auditlint.findings import Finding
from auditlint.model import Location


def place_tag(loc: Location) -> str:
    """The place a line number cannot give: "[p.2]", "[t.3 r.6 c.4]", "[p.1 t.2 r.4 c.6]"; "" for text."""
    parts = []
    if loc.page is not None:
        parts.append(f"p.{loc.page}")
    if loc.table is not None:
        parts.append(f"t.{loc.table}")
        parts += [f"{short}.{v}" for short, v in (("r", loc.row), ("c", loc.col)) if v is not None]
    elif loc.paragraph is not None and loc.line is None:
        parts.append(f"para {loc.paragraph}")
    if loc.line is not None and loc.page is None:
        return ""  # a text file's line says it all
    return f"[{' '.join(parts)}]" if parts else ""


def line_col(loc: Location) -> tuple[int, int]:
    """Line and column for ``path:line:col``: 1:1 where the format has no lines."""
    if loc.line is None:
        return 1, 1
    return loc.line, loc.column or 1


def one_line(text: str) -> str:
    return " ".join(text.split())


def message_with_place(f: Finding, lang: str) -> str:
    tag = place_tag(f.location)
    text = one_line(f.message(lang))
    return f"{tag} {text}" if tag else text


def by_place(results: list) -> list[tuple[str, Finding]]:
    """(path, finding) in file order, as a reader goes through the files."""
    def key(pair: tuple[str, Finding]) -> tuple:
        path, f = pair
        loc = f.location
        return (path, loc.page or 0, loc.line or 0, loc.table or 0, loc.row or 0, loc.col or 0,
                loc.paragraph or 0, f.check_id)

    return sorted(((r.path, f) for r in results for f in r.findings), key=key)


def to_concise(results: list, lang: str = "zh") -> str:
    lines = []
    for path, f in by_place(results):
        line, col = line_col(f.location)
        lines.append(f"{path}:{line}:{col}: {f.check_id} {message_with_place(f, lang)}")
    return "".join(f"{x}\n" for x in lines)
