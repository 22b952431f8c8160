"""The device pdf_text's interpreter draws on: characters and painted paths as pdfminer computes them.

``CharCollector`` keeps, of each character, the box pdfminer's ``LTChar``
computes (turned into pdfplumber's top-down coordinates), and of each painted
path, its kind and points as pdfminer's ``paint_path`` classifies it, without
building layout objects: the same arithmetic, in the same order, so the
characters and ruling lines are pdfminer's, box for box and point for point.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_rect

_SUBPATH = re.compile(r"m[^m]+")


def classify(shape: str, pts: list[tuple[float, float]]) -> tuple[str, list[tuple[float, float]]]:
    """pdfminer's ``paint_path`` on one subpath: a line, a rect or a curve, and its points."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    if shape in {"mlh", "ml"}:
        return "line", pts[:2]
    if shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return "rect", [pts[0], pts[2]]
    return "curve", pts


_GLYPHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _glyphs(font: Any) -> dict[int, tuple[str, float]]:
    """The font's characters already met: cid → (text, width in text space units)."""
    glyphs = _GLYPHS.get(font)
    if glyphs is None:
        glyphs = _GLYPHS[font] = {}
    return glyphs


_DECODED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _decoded(font: Any) -> dict[bytes, Any]:
    """The font's short strings already met: bytes → their cids."""
    decoded = _DECODED.get(font)
    if decoded is None:
        decoded = _DECODED[font] = {}
    return decoded


def _glyph(font: Any, cid: int) -> tuple[str, float]:
    try:
        text = font.to_unichr(cid)
    except PDFUnicodeNotDefined:
        text = f"(cid:{cid})"
    return text, font.char_width(cid)


class CharCollector(PDFTextDevice):
    """pdfminer's ``render_char`` down to the fields ``read_page`` reads: the box
    ``LTChar`` computes (the same arithmetic, in the same order) turned into
    pdfplumber's top-down coordinates, without building layout objects. For
    pages whose media box starts at (0, 0) and that are not rotated."""

    def __init__(self, rsrcmgr: Any, height: float) -> None:
        super().__init__(rsrcmgr)
        self.height = height
        self.chars: list[dict[str, Any]] = []
        self._fonts: dict[Any, tuple[bool, bool, float, dict[int, tuple[str, float]]]] = {}
        self.paths: list[tuple[str, list[tuple[float, float]]]] = []  # (line, rect or curve; its points)

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        """pdfminer's ``PDFLayoutAnalyzer.paint_path``, down to each subpath's kind and points on the page."""
        shape = "".join(seg[0] for seg in path)
        if shape[:1] != "m":
            return  # pdfminer draws nothing of a path that does not begin with m or re
        if shape.count("m") > 1:
            for m in _SUBPATH.finditer(shape):
                self.paint_path(gstate, stroke, fill, evenodd, path[m.start():m.end()])
            return
        a, b, c, d, e, f = self.ctm
        pts = []
        for seg in path:
            x, y = seg[-2:] if seg[0] != "h" else path[0][-2:]
            pts.append((a * x + c * y + e, b * x + d * y + f))
        self.paths.append(classify(shape, pts))

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:  # noqa: C901
        """pdfminer's ``render_string``, ``render_string_horizontal`` and ``render_char`` fused for
        horizontal text, with the same arithmetic in the same order (``mult_matrix``,
        ``translate_matrix``, then ``apply_matrix_rect`` of LTChar's box). Text drawn upright and
        unscaled in neither direction (nearly all) is read here: the corners of the general
        arithmetic (``_turned``) with the terms that are zero left out (they add nothing), and
        the vertical ones, the same for every character, computed once."""
        font = textstate.font
        known = self._known(font)
        if known[0]:  # vertical writing
            super().render_string(textstate, seq, ncs, graphicstate)
            return
        a1, b1, c1, d1, e1, f1 = textstate.matrix
        a0, b0, c0, d0, e0, f0 = self.ctm
        a, b, c, d = a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1
        e, f = a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0
        x, y = textstate.linematrix
        fontsize = textstate.fontsize
        if not (b == 0 and c == 0 and a > 0 and d > 0 and fontsize >= 0):
            textstate.linematrix = (self._turned(textstate, seq, known, (a, b, c, d, e, f), x, y), y)
            return
        _vertical, multibyte, descent, glyphs, decoded = known
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0 if multibyte else textstate.wordspace * scaling
        dxscale = 0.001 * fontsize * scaling
        descent = descent * fontsize
        rise = textstate.rise
        y0, y1 = descent + rise, descent + rise + fontsize
        f1 = y * d + f
        bottom, top = d * y0 + f1, d * y1 + f1
        top_, bottom_, size = self.height - top, self.height - bottom, top - bottom
        upright = a * d * scaling > 0
        append = self.chars.append
        needcharspace = False
        for obj in seq:
            if isinstance(obj, bytes):
                cids = decoded.get(obj)
                if cids is None:
                    cids = tuple(font.decode(obj))  # a generator for CMap fonts
                    if len(obj) <= 4:
                        decoded[obj] = cids
                for cid in cids:
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        glyph = glyphs[cid] = _glyph(font, cid)
                    adv = glyph[1] * fontsize * scaling
                    e1 = x * a + e
                    if adv >= 0:
                        append({"text": glyph[0], "x0": e1, "x1": a * adv + e1, "top": top_, "bottom": bottom_,
                                "size": size, "upright": upright})
                    else:
                        append({"text": glyph[0], "x0": a * adv + e1, "x1": e1, "top": top_, "bottom": bottom_,
                                "size": size, "upright": upright})
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            elif isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
        textstate.linematrix = (x, y)

    def _known(self, font: Any) -> tuple[bool, bool, float, dict[int, tuple[str, float]], dict[bytes, Any]]:
        """What ``render_string`` reads of a font: vertical, multibyte, descent, its glyphs and strings met."""
        known = self._fonts.get(font)
        if known is None:
            known = self._fonts[font] = (font.is_vertical(), font.is_multibyte(), font.get_descent(), _glyphs(font),
                                         _decoded(font))
        return known

    def show_moved(self, textstate: Any, run: list[tuple[bytes, float, float]], graphicstate: Any) -> bool:
        """``Tj`` then ``TD`` for each (string, tx, ty) of ``run`` (``pdf_text``'s ``_show_run``): the
        characters ``render_string`` draws and the moves pdfminer's ``do_TD`` makes. Along such a
        run only the text matrix's translation changes, so what ``render_string`` computes of the
        font, the sizes and the matrices' scale is computed once, not once a glyph (the real
        reports print most glyphs so: this is a third of their drawing time). False, with nothing
        drawn or moved, for text drawn any way but upright or before any font: the interpreter then
        runs the run operation by operation."""
        font = textstate.font
        a1, b1, c1, d1, e1, f1 = textstate.matrix
        a0, b0, c0, d0, e0, f0 = self.ctm
        a, b, c, d = a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1
        fontsize = textstate.fontsize
        known = self._known(font) if font is not None else None
        if known is None or known[0] or not (b == 0 and c == 0 and a > 0 and d > 0 and fontsize >= 0):
            return False
        _vertical, multibyte, descent, glyphs, decoded = known
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0 if multibyte else textstate.wordspace * scaling
        descent = descent * fontsize
        rise = textstate.rise
        y0, y1 = descent + rise, descent + rise + fontsize
        upright = a * d * scaling > 0
        height = self.height
        append = self.chars.append
        x, y = textstate.linematrix
        for string, tx, ty in run:
            # render_string's arithmetic at this glyph's text matrix
            e, f = a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0
            fy = y * d + f
            bottom, top = d * y0 + fy, d * y1 + fy
            top_, bottom_, size = height - top, height - bottom, top - bottom
            cids = decoded.get(string)
            if cids is None:
                cids = tuple(font.decode(string))
                if len(string) <= 4:
                    decoded[string] = cids
            needcharspace = False
            # render_string's glyph loop, inlined on purpose: a shared helper would be one more call
            # per glyph here, where a string is one glyph (tests/test_pdf_stream.py compares the two)
            for cid in cids:
                if needcharspace:
                    x += charspace
                glyph = glyphs.get(cid)
                if glyph is None:
                    glyph = glyphs[cid] = _glyph(font, cid)
                adv = glyph[1] * fontsize * scaling
                left = x * a + e
                if adv >= 0:
                    append({"text": glyph[0], "x0": left, "x1": a * adv + left, "top": top_, "bottom": bottom_,
                            "size": size, "upright": upright})
                else:
                    append({"text": glyph[0], "x0": a * adv + left, "x1": left, "top": top_, "bottom": bottom_,
                            "size": size, "upright": upright})
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
            # do_TD's move; the line matrix starts again at (0, 0)
            e1, f1 = tx * a1 + ty * c1 + e1, tx * b1 + ty * d1 + f1
            x = y = 0
        textstate.matrix = (a1, b1, c1, d1, e1, f1)
        textstate.linematrix = (0, 0)
        textstate.leading = run[-1][2]
        return True

    def _turned(self, textstate: Any, seq: Any, known: tuple, matrix: tuple[float, ...], x: float, y: float,
                ) -> float:
        """The characters of text drawn in any direction: each box's four corners, as ``LTChar``."""
        font = textstate.font
        _vertical, multibyte, descent, glyphs, _decoded = known
        a, b, c, d, e, f = matrix
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0 if multibyte else textstate.wordspace * scaling
        dxscale = 0.001 * fontsize * scaling
        upright = a * d * scaling > 0 and b * c <= 0
        descent = descent * fontsize
        rise = textstate.rise
        y0, y1 = descent + rise, descent + rise + fontsize
        height = self.height
        append = self.chars.append
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        glyph = glyphs[cid] = _glyph(font, cid)
                    adv = glyph[1] * fontsize * scaling
                    e1 = x * a + y * c + e
                    f1 = x * b + y * d + f
                    left1, bottom1 = a * 0 + c * y0 + e1, b * 0 + d * y0 + f1
                    right1, bottom2 = a * adv + c * y0 + e1, b * adv + d * y0 + f1
                    right2, top1 = a * adv + c * y1 + e1, b * adv + d * y1 + f1
                    left2, top2 = a * 0 + c * y1 + e1, b * 0 + d * y1 + f1
                    x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
                    bottom, top = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
                    append({"text": glyph[0], "x0": x0, "x1": x1, "top": height - top, "bottom": height - bottom,
                            "size": top - bottom, "upright": upright})
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return x

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: Any, graphicstate: Any) -> float:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = f"(cid:{cid})"
        adv = font.char_width(cid) * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            vx, vy = font.char_disp(cid)
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        a, b, c, d, _e, _f = matrix
        x0, y0, x1, y1 = apply_matrix_rect(matrix, bbox)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        self.chars.append({"text": text, "x0": x0, "x1": x1, "top": self.height - y1, "bottom": self.height - y0,
                           "size": x1 - x0 if vertical else y1 - y0, "upright": a * d * scaling > 0 and b * c <= 0})
        return adv
