"""A page's ruling lines as the edges pdfplumber's table finder reads.

The paths come from the content stream (``pdf_text.py``'s interpreter runs
pdfminer's own path operators and classifies each painted subpath as pdfminer's
``paint_path`` does: a line, a rect or a curve, of which pdfminer keeps each
segment's end point only). Here they become the objects pdfplumber makes of
them and then edges, by pdfplumber's own ``line_to_edge``, ``rect_to_edges`` and
``curve_to_edges``.

Coordinates are the page's own, y from the top: valid for pages with no
rotation whose media box starts at (0, 0); ``pdfium.py`` leaves other pages to
pdfplumber.
"""

from __future__ import annotations

from typing import Any

Point = tuple[float, float]


def page_edges(paths: list[tuple[str, list[Point]]], height: float) -> list[dict[str, Any]]:
    """The edges of the painted paths ``paths`` (kind, points in PDF space) on a page ``height`` high."""
    from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

    edges: list[dict[str, Any]] = []
    for kind, pts in paths:
        obj = _object(kind, pts, height)
        if kind == "line":
            edges.append(line_to_edge(obj))
        elif kind == "rect":
            edges.extend(rect_to_edges(obj))
        else:
            edges.extend(curve_to_edges(obj))
    return edges


def _object(kind: str, pts: list[Point], height: float) -> dict[str, Any]:
    """The object pdfplumber makes of a pdfminer line, rect or curve (the fields its edges use)."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top = height - y1
    return {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": top, "bottom": height - y0,
            "doctop": top, "width": x1 - x0, "height": y1 - y0, "pts": [(px, height - py) for px, py in pts]}
