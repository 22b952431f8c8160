"""pdfminer's interpreter on the text of a content stream only.

Most of pdfplumber's time goes to tokenizing content streams in Python, and most
of a report's content stream draws its tables: thousands of ``m l S``, ``re f``,
``w``, ``RG`` for a few hundred ``Tj``. This interpreter tokenizes a stream with
one regular expression, drops the operators that only draw paths or set colours
and line styles (the ruling lines come from PDFium, ``pdf_objects.py``), and runs
pdfminer's own operators for the rest: the text state, ``q``/``Q``/``cm`` and
XObjects. The characters are pdfminer's, box for box.

Tokens are read as pdfminer's ``PSBaseParser`` reads them (its quirks included:
an unknown escape in a string drops the character, an odd hex digit is a byte of
its own). Inline images are skipped: they hold no text.
"""

from __future__ import annotations

import re
from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import KWD, LIT
from pdfminer.utils import apply_matrix_rect

_TOKEN = re.compile(
    rb"(?P<ws>[\s\x00]+)|(?P<comment>%[^\r\n]*)|(?P<str>\()|(?P<dict><<|>>)|(?P<hex><[\s0-9a-fA-F]*>?)"
    rb"|(?P<name>/[^#/%\[\]()<>{}\s]*(?:#[^/%\[\]()<>{}\s]*)*)"
    rb"|(?P<num>[-+]?(?:\d+(?:\.\d*)?|\.\d*)|[-+])|(?P<kw>[A-Za-z][^#/%\[\]()<>{}\s]*)|(?P<other>.)", re.DOTALL)
_NAME_HEX = re.compile(rb"#([0-9a-fA-F]{1,2})?")
_STRING_END = re.compile(rb"[()\\]")
_ESCAPE = {b"b": 8, b"t": 9, b"n": 10, b"f": 12, b"r": 13, b"(": 40, b")": 41, b"\\": 92}
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.", re.DOTALL)
_SPACE = re.compile(rb"\s")
_INLINE_END = re.compile(rb"EI(?=[\s]|$)")

# operators that change what text is drawn, where, or in which font: everything else only paints
KEPT = {"q", "Q", "cm", "BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*", "Tj", "TJ",
        "'", '"', "Do", "d0", "d1"}


def _string(data: bytes, i: int) -> tuple[bytes, int]:
    """The literal string that starts after the ``(`` at ``i``, and where it ends."""
    out = bytearray()
    depth = 1
    n = len(data)
    while i < n:
        m = _STRING_END.search(data, i)
        if m is None:
            out += data[i:]
            return bytes(out), n
        j = m.start()
        out += data[i:j]
        c = data[j:j + 1]
        if c == b"(":
            depth += 1
            out += c
            i = j + 1
        elif c == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), j + 1
            out += c
            i = j + 1
        else:
            i = _escape(data, j + 1, out)
    return bytes(out), n


def _escape(data: bytes, i: int, out: bytearray) -> int:
    octal = re.match(rb"[0-7]{1,3}", data[i:i + 3])
    if octal:
        code = int(octal.group(), 8)
        if code < 256:
            out.append(code)
        return i + len(octal.group())
    c = data[i:i + 1]
    if c in _ESCAPE:
        out.append(_ESCAPE[c])
    elif c == b"\r" and data[i + 1:i + 2] == b"\n":
        return i + 2
    return i + 1  # a line continuation, or an unknown escape: pdfminer drops both


def _name(raw_name: bytes) -> Any:
    name = _NAME_HEX.sub(lambda m: bytes((int(m.group(1), 16),)) if m.group(1) else b"", raw_name)
    try:
        return LIT(str(name, "utf-8"))
    except UnicodeDecodeError:
        return LIT(name)


def _number(token: bytes) -> int | float | None:
    try:
        return float(token) if b"." in token else int(token)
    except ValueError:
        return None


# one operation whose operands are numbers and plain names only: most of a content stream
_SIMPLE = re.compile(rb"\s*((?:(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)|/[^\s/\[\]()<>{}%#]*)\s*)*)"
                     rb"([A-Za-z][^\s/\[\]()<>{}%#]*|['\"])(?=[\s/\[\]()<>{}%]|$)")
_OPERAND = re.compile(rb"/[^\s/]*|[^\s/]+")
_KEPT_BYTES = {k.encode("latin-1") for k in KEPT}


def operations(data: bytes):  # noqa: ANN201 - yields (operator, operands)
    """The content stream's operators with their operands, as pdfminer's parser reads them.
    Operands are parsed only for the operators in ``KEPT``: the others are all dropped."""
    pos, n = 0, len(data)
    while pos < n:
        m = _SIMPLE.match(data, pos)
        if m is None:
            name, operands, pos = _operation(data, pos)
            if name is not None:
                yield name, operands
            continue
        pos = m.end()
        op = m.group(2)
        if op in _KEPT_BYTES:
            yield op.decode("latin-1"), [_name(t[1:]) if t[:1] == b"/" else _number(t)
                                         for t in _OPERAND.findall(m.group(1))]
        elif op == b"ID":
            end = _INLINE_END.search(data, pos)
            pos = end.end() if end else n


def _operation(data: bytes, pos: int) -> tuple[str | None, list[Any], int]:
    """One operation read token by token (strings, arrays, dicts, comments): its operator
    (None at the end of the data), operands and where it ends."""
    stack: list[list[Any]] = [[]]  # the operands, and one list per open array or dict
    n = len(data)
    while pos < n:
        m = _TOKEN.match(data, pos)
        kind = m.lastgroup
        token = m.group()
        pos = m.end()
        if kind in ("ws", "comment"):
            continue
        top = stack[-1]
        if kind == "str":
            value, pos = _string(data, pos)
            top.append(value)
        elif kind == "hex":
            top.append(_HEX_PAIR.sub(lambda h: bytes((int(h.group(), 16),)), _SPACE.sub(b"", token.strip(b"<>"))))
        elif kind == "name":
            top.append(_name(token[1:]))
        elif kind == "num":
            value = _number(token)
            if value is not None:
                top.append(value)
        elif kind == "dict" or token in (b"[", b"]"):
            if token in (b"[", b"<<"):
                stack.append([])
            elif len(stack) > 1:
                items = stack.pop()
                stack[-1].append(items if token == b"]" else None)  # a dict only ever feeds a dropped operator
        elif token == b"ID":
            end = _INLINE_END.search(data, pos)
            return "ID", [], end.end() if end else n
        elif token in (b"true", b"false"):
            top.append(token == b"true")
        elif len(stack) == 1:
            return token.decode("latin-1"), top, pos
        else:
            top.append(KWD(token))
    return None, [], n


class TextInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, given only the operators in ``KEPT``."""

    def execute(self, streams: Any) -> None:
        data: list[bytes] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                continue  # as pdfminer: no inline streams, no circular references
            self.stream_ids.add(stream.objid)
            data.append(stream.get_data())
        for name, operands in operations(b"\n".join(data)):
            if name not in KEPT:
                continue
            func = getattr(self, "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q"), None)
            if func is None:
                continue
            nargs = func.__code__.co_argcount - 1
            if nargs == 0:
                func()
            elif len(operands) >= nargs:
                func(*operands[len(operands) - nargs:])




class CharCollector(PDFTextDevice):
    """pdfminer's ``render_char`` down to the fields ``read_page`` reads: the box
    ``LTChar`` computes (the same arithmetic, in the same order) turned into
    pdfplumber's top-down coordinates, without building layout objects. For
    pages whose media box starts at (0, 0) and that are not rotated."""

    def __init__(self, rsrcmgr: Any, height: float) -> None:
        super().__init__(rsrcmgr)
        self.height = height
        self.chars: list[dict[str, Any]] = []

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
