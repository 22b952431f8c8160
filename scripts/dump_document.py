"""Print the Document a file reads as: paragraphs and tables as grids (for eyeballing readers)."""

from __future__ import annotations

import sys

from auditlint.model import Table
from auditlint.readers import read


def main(argv: list[str]) -> None:
    for path in argv:
        doc = read(path)
        print(f"# {path}: {doc.format}, {len(doc.paragraphs)} paragraphs, {len(doc.tables)} tables")
        for block in doc.blocks:
            if isinstance(block, Table):
                print(f"## table {block.index} ({block.n_rows}x{block.n_cols}) at line {block.location.line}")
                for row in block.rows:
                    print(" | ".join((c.text[:14] or "·") + ("*" if c.merged else "") for c in row))
            elif "-p" in sys.argv:
                print(f"{block.location.line}: {block.text[:80]}")


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if not a.startswith("-")])
