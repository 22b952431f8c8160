"""The fast reader's ruled tables (``pdf_objects.ruled_tables``) against pdfplumber's
``find_tables``: the same cells, table for table, on every page of the corpus PDFs
and of ``../shared/real/`` (skipped when absent), and on made-up grids."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
PDFS = sorted((ROOT / "corpus").rglob("*.pdf"))[:8] + (sorted(REAL.glob("*.pdf"))[:2] if REAL.is_dir() else [])


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_the_same_tables_as_pdfplumber_finds(path: Path) -> None:
    import pdfplumber

    from auditlint.readers.pdf import TABLE_SETTINGS
    from auditlint.readers.pdf_objects import ruled_tables

    with pdfplumber.open(path) as pdf:
        found = 0
        for page in pdf.pages:
            expected = [t.cells for t in page.find_tables(TABLE_SETTINGS)]
            assert ruled_tables(page, TABLE_SETTINGS) == expected
            found += len(expected)
    assert found > 0  # the files hold ruled tables: the comparison compared something


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "orientation": orientation,
            "width": x1 - x0, "height": bottom - top}


@pytest.mark.parametrize("edges", [
    # a 2×2 grid
    [_edge("h", 0, y, 20, y) for y in (0, 10, 20)] + [_edge("v", x, 0, x, 20) for x in (0, 10, 20)],
    # a merged cell: the middle rule stops halfway, and a dangling rule that closes no cell
    [_edge("h", 0, 0, 20, 0), _edge("h", 0, 10, 10, 10), _edge("h", 0, 20, 20, 20), _edge("h", 20, 30, 40, 30)]
    + [_edge("v", 0, 0, 0, 20), _edge("v", 10, 0, 10, 20), _edge("v", 20, 0, 20, 20)],
    # a top rule drawn in two pieces (no cell spans their joint), and a lone crossing
    [_edge("h", 0, 0, 10, 0), _edge("h", 10, 0, 20, 0), _edge("h", 0, 10, 20, 10), _edge("v", 0, 0, 0, 10),
     _edge("v", 10, 0, 10, 10), _edge("v", 20, 0, 20, 10), _edge("v", 5, -5, 5, 5), _edge("h", 30, 40, 50, 40),
     _edge("v", 40, 30, 40, 50)],
])
def test_the_cells_of_intersections_are_pdfplumbers(edges: list[dict]) -> None:
    from pdfplumber.table import edges_to_intersections, intersections_to_cells

    from auditlint.readers.pdf_objects import _cells

    points = edges_to_intersections(edges, 3, 3)
    expected = intersections_to_cells(points)
    assert expected  # each grid has cells
    assert _cells(points) == expected
