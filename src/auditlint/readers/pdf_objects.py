"""A page's ruling lines from PDFium, as the edges pdfplumber's table finder reads.

pdfminer would tokenize every ``m l S`` of a table's rules in Python; PDFium
parses them in C. Each painted path is split into subpaths and classified as
pdfminer's ``paint_path`` does (one segment: a line; a closed axis-aligned
four-point path: a rect; anything else: a curve, of which pdfminer keeps each
segment's end point only), then turned into edges by pdfplumber's own
``line_to_edge``, ``rect_to_edges`` and ``curve_to_edges``.

Coordinates are the page's own, y from the top: valid for pages with no
rotation whose media box starts at (0, 0); ``pdfium.py`` leaves other pages to
pdfplumber.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import pypdfium2.raw as raw

_SEGMENT = {raw.FPDF_SEGMENT_LINETO: "l", raw.FPDF_SEGMENT_BEZIERTO: "c", raw.FPDF_SEGMENT_MOVETO: "m"}
_SUBPATH = re.compile(r"m[^m]+")
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 15  # form XObjects nested deeper than this are damage, not a report


def page_edges(page: Any, height: float) -> list[dict[str, Any]]:
    """The edges of every path painted on the PDFium page ``page``."""
    from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

    edges: list[dict[str, Any]] = []
    for kind, pts in _paths(page):
        obj = _object(kind, pts, height)
        if kind == "line":
            edges.append(line_to_edge(obj))
        elif kind == "rect":
            edges.extend(rect_to_edges(obj))
        else:
            edges.extend(curve_to_edges(obj))
    return edges


def _paths(page: Any) -> list[tuple[str, list[Point]]]:
    found: list[tuple[str, list[Point]]] = []
    m = raw.FS_MATRIX()

    def walk(obj: Any, outer: Matrix, depth: int) -> None:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            return
        raw.FPDFPageObj_GetMatrix(obj, m)
        matrix = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            if depth < MAX_DEPTH:
                for k in range(raw.FPDFFormObj_CountObjects(obj)):
                    walk(raw.FPDFFormObj_GetObject(obj, k), matrix, depth + 1)
            return
        shape, pts = _segments(obj, matrix)
        for sub in _SUBPATH.finditer(shape):
            found.append(_classify(sub.group(), pts[sub.start():sub.end()]))

    for k in range(raw.FPDFPage_CountObjects(page)):
        walk(raw.FPDFPage_GetObject(page, k), IDENTITY, 0)
    return found


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n``, as PDF concatenates matrices."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _segments(path: Any, matrix: Matrix) -> tuple[str, list[Point]]:
    """The path as pdfminer spells it (m, l, c per point kept, h for a close) and its points on the page."""
    a, b, c, d, e, f = matrix
    shape: list[str] = []
    pts: list[Point] = []
    fx, fy = ctypes.c_float(), ctypes.c_float()
    start: Point = (0.0, 0.0)
    bezier = 0
    for k in range(raw.FPDFPath_CountSegments(path)):
        seg = raw.FPDFPath_GetPathSegment(path, k)
        op = _SEGMENT.get(raw.FPDFPathSegment_GetType(seg), "l")
        if op == "c":
            bezier += 1
            if bezier % 3:
                continue  # a Bézier's two control points: pdfminer keeps the end point only
        raw.FPDFPathSegment_GetPoint(seg, fx, fy)
        x, y = fx.value, fy.value
        p = (a * x + c * y + e, b * x + d * y + f)
        if op == "m":
            start = p
        shape.append(op)
        pts.append(p)
        if raw.FPDFPathSegment_GetClose(seg):
            shape.append("h")
            pts.append(start)
    return "".join(shape), pts


def _classify(shape: str, pts: list[Point]) -> tuple[str, list[Point]]:
    """pdfminer's ``paint_path`` on one subpath: a line, a rect or a curve."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in {"mlh", "ml"}:
        return "line", pts[:2]
    if shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return "rect", [pts[0], pts[2]]
    return "curve", pts


def _object(kind: str, pts: list[Point], height: float) -> dict[str, Any]:
    """The object pdfplumber makes of a pdfminer line, rect or curve (the fields its edges use)."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top = height - y1
    return {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": top, "bottom": height - y0,
            "doctop": top, "width": x1 - x0, "height": y1 - y0, "pts": [(px, height - py) for px, py in pts]}
