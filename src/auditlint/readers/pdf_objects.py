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


def ruled_tables(page: Any, settings: dict[str, Any]) -> list[list[tuple[float, float, float, float]]]:
    """The cells of each table pdfplumber's ``page.find_tables(settings)`` finds, found its
    way (its edges, intersections and grouping into tables) but for the cells that the
    intersections describe, which ``_cells`` finds as its ``intersections_to_cells`` does,
    without building each point's edge sets again for every pair of points it tries."""
    from pdfplumber.table import TableFinder, TableSettings, cells_to_tables, edges_to_intersections

    finder = TableFinder.__new__(TableFinder)  # its get_edges, without the rest of its __init__
    finder.page = page
    finder.settings = TableSettings.resolve(settings)
    edges = finder.get_edges()
    if not edges:
        return []
    points = edges_to_intersections(edges, finder.settings.intersection_x_tolerance,
                                    finder.settings.intersection_y_tolerance)
    return cells_to_tables(_cells(points))


Box = tuple[float, float, float, float]


def _cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[Box]:
    """pdfplumber's ``intersections_to_cells``: for each point, in order, the smallest cell whose
    corners it and three other points are, joined by edges they share."""
    from operator import itemgetter

    box = itemgetter("x0", "top", "x1", "bottom")  # pdfplumber's obj_to_bbox
    v_sets = {p: set(map(box, e["v"])) for p, e in intersections.items()}
    h_sets = {p: set(map(box, e["h"])) for p, e in intersections.items()}

    def connects(p1: Point, p2: Point) -> bool:
        return ((p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]))
                or (p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])))

    points = sorted(intersections)
    column: dict[float, list[Point]] = {}  # the points of each x, top to bottom
    row: dict[float, list[Point]] = {}  # the points of each top, left to right
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    cells: list[Box] = []
    for pt in points:
        col, line = column[pt[0]], row[pt[1]]
        below, right = col[col.index(pt) + 1:], line[line.index(pt) + 1:]
        cell = _smallest(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(pt: Point, below: list[Point], right: list[Point], intersections: dict, connects: Any) -> Box | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None
