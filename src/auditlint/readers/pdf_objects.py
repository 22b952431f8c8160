"""A PDF page's characters and ruling lines from PDFium, in pdfplumber's terms.

pdfplumber spends most of its time tokenizing content streams in Python
(pdfminer); PDFium parses them in C. This module gives, per page, what
``readers/pdf.py`` reads from a pdfplumber page: character dicts with the box
pdfminer computes (origin, advance width, the font's descent, font size × the
text matrix's vertical scale) and the edges pdfplumber's table finder uses,
built from PDFium's path objects classified the way pdfminer does (a single
segment is a line, a closed axis-aligned four-point path a rect, anything else
a curve).
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

_SEGMENT = {raw.FPDF_SEGMENT_LINETO: "l", raw.FPDF_SEGMENT_BEZIERTO: "c", raw.FPDF_SEGMENT_MOVETO: "m"}


class PageObjects:
    """The parts of a pdfplumber page that ``read_page`` and ``TableFinder`` touch."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.width, self.height = page.get_size()
        left, bottom, right, top = page.get_mediabox()
        self._top = top
        self._left = left
        self.bbox = (0.0, 0.0, self.width, self.height)
        textpage = page.get_textpage()
        # PDFium leaves out the characters of some text objects (a lone CJK character of a
        # non-embedded CID font, some space glyphs): pdfminer reads them, so such a page is not ours
        self.complete = _complete(page, textpage)
        self.chars = self._chars(textpage) if self.complete else []
        textpage.close()
        self.n_fallback_reason = ""
        self.images: list[dict] = []
        self.edges = self._edges(page)

    # -- characters

    def _chars(self, textpage: pdfium.PdfTextPage) -> list[dict[str, Any]]:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        x, y = ctypes.c_double(), ctypes.c_double()
        box, m, f = raw.FS_RECTF(), raw.FS_MATRIX(), ctypes.c_float()
        descent_of: dict[int, float] = {}
        out: list[dict[str, Any]] = []
        top = self._top
        last_key, last_right, last_y = 0, 0.0, 0.0
        for i in range(n):
            if raw.FPDFText_IsGenerated(tp, i):
                continue  # PDFium's own spaces and line breaks: pdfminer has none
            u = raw.FPDFText_GetUnicode(tp, i)
            raw.FPDFText_GetLooseCharBox(tp, i, box)
            raw.FPDFText_GetCharOrigin(tp, i, x, y)
            size = raw.FPDFText_GetFontSize(tp, i)
            raw.FPDFText_GetMatrix(tp, i, m)
            obj = raw.FPDFText_GetTextObject(tp, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            if key == last_key and y.value == last_y and not -0.1 * size < x.value - last_right < 0.15 * size:
                # the next character of a text object starts before the last one's advance ends
                # (PDFium's width is not the font's /W width pdfminer uses) or a gap as wide as a
                # space after it (PDFium left a space glyph out): this page is read by pdfplumber
                self.complete = False
                return []
            last_key, last_right, last_y = key, box.right, y.value
            descent = descent_of.get(key)
            if descent is None:
                font = raw.FPDFTextObj_GetFont(obj)
                descent = descent_of[key] = -abs(f.value) if raw.FPDFFont_GetDescent(font, 1.0, f) else 0.0
            # pdfminer's box: baseline + descent to that + the font size, scaled by the text matrix
            y0 = y.value + descent * size * m.d
            y1 = y0 + size * m.d
            if y1 < y0:
                y0, y1 = y1, y0
            x0, x1 = (box.left, box.right) if box.left <= box.right else (box.right, box.left)
            out.append({"text": _text(u), "x0": x0 - self._left, "x1": x1 - self._left, "top": top - y1,
                        "bottom": top - y0, "size": y1 - y0, "upright": m.a * m.d > 0 and m.b * m.c <= 0})
        return out

    # -- ruling lines

    def _edges(self, page: pdfium.PdfPage) -> list[dict[str, Any]]:
        from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

        edges: list[dict[str, Any]] = []
        for kind, pts in self._paths(page):
            obj = self._object(kind, pts)
            if kind == "line":
                edges.append(line_to_edge(obj))
            elif kind == "rect":
                edges.extend(rect_to_edges(obj))
            else:
                edges.extend(curve_to_edges(obj))
        return edges

    def _paths(self, page: pdfium.PdfPage) -> list[tuple[str, list[tuple[float, float]]]]:
        found: list[tuple[str, list[tuple[float, float]]]] = []
        for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=15):
            matrix = obj.get_matrix()
            parent = obj.container
            while parent is not None and not isinstance(parent, pdfium.PdfPage):
                matrix = matrix.multiply(parent.get_matrix())
                parent = parent.container
            shape, pts = _segments(obj.raw, matrix)
            for sub in re.finditer(r"m[^m]+", shape):
                found.extend(_classify(shape[sub.start():sub.end()], pts[sub.start():sub.end()]))
        return found

    def _object(self, kind: str, pts: list[tuple[float, float]]) -> dict[str, Any]:
        xs = [p[0] - self._left for p in pts]
        ys = [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        top = self._top - y1
        return {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": top, "bottom": self._top - y0,
                "doctop": top, "width": x1 - x0, "height": y1 - y0,
                "pts": [(px - self._left, self._top - py) for px, py in pts]}


def _complete(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> bool:
    """Does PDFium give a text for every text object on the page?"""
    tp = textpage.raw
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,), max_depth=15):
        if raw.FPDFTextObj_GetText(obj.raw, tp, None, 0) <= 2:  # the length counts the terminating NUL
            return False
    return True


def _text(u: int) -> str:
    return chr(u) if u else "\ufffd"


def _segments(path: Any, matrix: pdfium.PdfMatrix) -> tuple[str, list[tuple[float, float]]]:
    """The path as pdfminer spells it (m, l, c per point, h for a close) and its points in page space."""
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    fx, fy = ctypes.c_float(), ctypes.c_float()
    start = (0.0, 0.0)
    bezier = 0
    n = raw.FPDFPath_CountSegments(path)
    for k in range(n):
        seg = raw.FPDFPath_GetPathSegment(path, k)
        raw.FPDFPathSegment_GetPoint(seg, fx, fy)
        p = matrix.on_point(fx.value, fy.value)
        op = _SEGMENT.get(raw.FPDFPathSegment_GetType(seg), "l")
        if op == "c":
            bezier += 1
            if bezier % 3:
                continue  # pdfminer keeps a curve segment's end point only
        if op == "m":
            start = p
        shape.append(op)
        pts.append(p)
        if raw.FPDFPathSegment_GetClose(seg):
            shape.append("h")
            pts.append(start)
    return "".join(shape), pts


def _classify(shape: str, pts: list[tuple[float, float]]) -> list[tuple[str, list[tuple[float, float]]]]:
    """pdfminer's ``paint_path``: a line, a rect or a curve."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in {"mlh", "ml"}:
        return [("line", pts[:2])]
    if shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return [("rect", [pts[0], pts[2]])]
    return [("curve", pts)]
