"""pdfminer's interpreter on a content stream, for its characters and painted paths only.

Most of pdfplumber's time goes to tokenizing content streams in Python and to
building layout objects. This interpreter reads a stream with regular
expressions (one match per operation: most are numbers and an operator, or a
text-showing operator with its strings), drops the operators that only set
colours and line styles, clip or mark content, and runs pdfminer's own
operators for the rest: the text state, ``q``/``Q``/``cm``, XObjects and path
construction and painting. The commonest of them are re-stated here with
pdfminer's arithmetic and fewer calls. Its device (``CharCollector``) keeps, of
each character, the box ``LTChar`` computes, and of each painted path, its kind
and points as pdfminer's ``paint_path`` classifies it: the characters and ruling
lines are pdfminer's, box for box and point for point.

Tokens are read as pdfminer's ``PSBaseParser`` reads them (its quirks included:
an unknown escape in a string drops the character, an odd hex digit is a byte of
its own). Inline images are skipped: they hold no text.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from pdfminer.casting import safe_float
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import KWD, LIT
from pdfminer.utils import MATRIX_IDENTITY, apply_matrix_rect, mult_matrix

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

# operators that change what text is drawn, where, or in which font, and those that build and paint
# paths (the ruling lines); everything else only sets colours and styles, clips or marks content
KEPT = {"q", "Q", "cm", "BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*", "Tj", "TJ",
        "'", '"', "Do", "d0", "d1", "m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*",
        "n"}


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
_SIMPLE = re.compile(rb"\s*((?:(?>[-+]?(?:\d+(?:\.\d*)?|\.\d+)|/[^\s/\[\]()<>{}%#]*)\s*)*)"
                     rb"([A-Za-z][^\s/\[\]()<>{}%#]*|['\"])(?=[\s/\[\]()<>{}%]|$)")
_OPERAND = re.compile(rb"/[^\s/]*|[^\s/]+")
_KEPT_BYTES = {k.encode("latin-1"): k for k in KEPT}
_RUN = {k: v for k, v in _KEPT_BYTES.items() if k != b"ET"}  # the kept operators that do something


def _operands(text: bytes) -> list[Any]:
    """Numbers and names as ``_SIMPLE`` matched them (a token that is no number is dropped)."""
    if not text:
        return []
    if b"/" not in text:
        try:
            return [float(t) if b"." in t else int(t) for t in text.split()]
        except ValueError:
            pass  # a token that is no number: token by token, below
    return [_name(t[1:]) if t[:1] == b"/" else _number(t) for t in _OPERAND.findall(text)]


# a text-showing operation whose strings hold no unescaped parenthesis (most): read in one match
_LITERAL = rb"\((?:[^()\\]|\\.)*\)"  # a string without unescaped parentheses
_SHOW = re.compile(rb"\s*(\[(?:\s*(?:<[0-9a-fA-F\s]*>|" + _LITERAL + rb"|[-+]?(?:\d+(?:\.\d*)?|\.\d+)))*\s*\]"
                   rb"|<[0-9a-fA-F\s]*>|" + _LITERAL + rb")\s*(TJ|Tj|')(?=[\s/\[\]()<>{}%]|$)", re.DOTALL)
_SHOW_ITEM = re.compile(rb"<([0-9a-fA-F\s]*)>|\(((?:[^()\\]|\\.)*)\)|([-+]?(?:\d+(?:\.\d*)?|\.\d+))", re.DOTALL)
_ESCAPED = re.compile(rb"\\(?:([0-7]{1,3})|\r\n|(.))", re.DOTALL)


def _unescape(m: re.Match) -> bytes:
    """One escape in a literal string as ``_escape`` reads it."""
    octal, char = m.groups()
    if octal is not None:
        code = int(octal, 8)
        return bytes((code,)) if code < 256 else b""
    code = _ESCAPE.get(char) if char is not None else None
    return bytes((code,)) if code is not None else b""  # a line continuation, an unknown escape: dropped


# a marked-content tag with a flat property dict (``/P <</MCID 3>> BDC``, tagged PDFs have one per run
# of text): dropped whole, as the token-by-token reading would drop it
_MARKED = re.compile(rb"\s*/[^\s/\[\]()<>{}%#]*\s*<<(?:[^()<>\\]|\([^()\\]*\))*>>\s*BDC(?=[\s/\[\]()<>{}%]|$)")


def _shown(token: bytes) -> Any:
    """The operand of a ``_SHOW`` match: a string, or an array of strings and numbers."""
    if token[:1] != b"[":
        return _show_item(_SHOW_ITEM.match(token))
    return [_show_item(m) for m in _SHOW_ITEM.finditer(token, 1)]


def _show_item(m: re.Match) -> Any:
    hexa, literal, number = m.groups()
    if literal is not None:
        return _ESCAPED.sub(_unescape, literal) if b"\\" in literal else literal
    if hexa is not None:
        if len(hexa) % 2 == 0:
            try:
                return bytes.fromhex(hexa.decode("latin-1"))
            except ValueError:
                pass  # whitespace inside: pdfminer's reading, below
        return _HEX_PAIR.sub(lambda h: bytes((int(h.group(), 16),)), _SPACE.sub(b"", hexa))
    return _number(number)


def operations(data: bytes):  # noqa: ANN201 - yields (operator, operands)
    """The content stream's operators with their operands, as pdfminer's parser reads them.
    Operands are parsed only for the operators in ``KEPT``: the others are all dropped."""
    pos, n = 0, len(data)
    while pos < n:
        name, operands, pos = step(data, pos)
        if name is not None:
            yield name, operands


def step(data: bytes, pos: int) -> tuple[str | None, list[Any], int]:
    """The operation at ``pos``: its operator (None when it is dropped or the data ends),
    its operands and where it ends."""
    m = _SIMPLE.match(data, pos)
    if m is None:
        m = _SHOW.match(data, pos)
        if m is not None:
            return m.group(2).decode("latin-1"), [_shown(m.group(1))], m.end()
        m = _MARKED.match(data, pos)
        if m is not None:
            return None, [], m.end()
        return _operation(data, pos)
    pos = m.end()
    op = m.group(2)
    if op in _KEPT_BYTES:
        return _KEPT_BYTES[op], _operands(m.group(1)), pos
    if op == b"ID":
        end = _INLINE_END.search(data, pos)
        pos = end.end() if end else len(data)
    return None, [], pos


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


# the content stream cut by ``re.split``: [operands, atom, operator, operands, atom, operator, ...],
# an atom (name, hex string, string without parentheses inside, comment) or an operator in each
# match; what lies between is numbers, whitespace, and the brackets of arrays and dicts
_PIECES = re.compile(rb"(/[^\s/\[\]()<>{}%]*|<[0-9a-fA-F\s]*>|\((?:[^()\\]|\\.)*\)|%[^\r\n]*)"
                     rb"|([A-Za-z][^#\s/\[\]()<>{}%]*|['\"])", re.DOTALL)
_NUMERIC = b"0123456789.+- \t\n\r\f\v"
_NUMBER = re.compile(rb"[-+]?(?:\d+(?:\.\d*)?|\.\d*)|[-+]")
_MARKS = re.compile(rb"<<|>>|\[|\]|[-+]?(?:\d+(?:\.\d*)?|\.\d*)|[-+]|\s+|.", re.DOTALL)


def _operands_into(text: bytes, stack: list[Any], nested: list[list[Any]]) -> bool:
    """Numbers and array and dict marks read onto ``stack`` (``nested`` holds the open
    arrays and dicts, innermost last) as ``_operation`` reads them; False at anything else."""
    for m in _MARKS.finditer(text):
        token = m.group()
        top = nested[-1] if nested else stack
        if token in (b"[", b"<<"):
            nested.append([])
        elif token in (b"]", b">>"):
            if nested:
                items = nested.pop()
                (nested[-1] if nested else stack).append(items if token == b"]" else None)
        elif token[:1].isspace():
            continue
        elif token[:1] in b"+-.0123456789" and token[:1]:
            value = _number(token)
            if value is not None:
                top.append(value)
        else:
            return False
    return True


def _literal(literal: bytes) -> bytes:
    """A string without parentheses inside as ``_show_item`` reads it."""
    return _ESCAPED.sub(_unescape, literal) if b"\\" in literal else literal


def _hex(digits: bytes) -> bytes:
    """A hex string's bytes as ``_show_item`` reads them."""
    if len(digits) % 2 == 0:
        try:
            return bytes.fromhex(digits.decode("latin-1"))
        except ValueError:
            pass  # whitespace inside: pdfminer's reading, below
    return _HEX_PAIR.sub(lambda h: bytes((int(h.group(), 16),)), _SPACE.sub(b"", digits))


_NOT_FLOAT = (TypeError, ValueError, OverflowError)  # what pdfminer's safe_float catches


class TextInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, given only the operators in ``KEPT``. The graphics
    state is neither copied nor saved: no kept operator changes it, and the
    characters do not read it."""

    _ops: dict[str, tuple[Any, int]] | None = None  # operator → (unbound do_ method, its operand count)

    @classmethod
    def _operators(cls) -> dict[str, tuple[Any, int]]:
        if cls.__dict__.get("_ops") is None:
            ops = {}
            for name in KEPT:
                func = getattr(cls, "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q"), None)
                if func is not None:
                    ops[name] = (func, func.__code__.co_argcount - 1)
            cls._ops = ops
        return cls._ops

    def execute(self, streams: Any) -> None:
        data: list[bytes] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                continue  # as pdfminer: no inline streams, no circular references
            self.stream_ids.add(stream.objid)
            data.append(stream.get_data())
        self._run(b"\n".join(data))

    def _run(self, data: bytes) -> None:  # noqa: C901 - one loop, one branch per common operator
        """The operations of ``data`` run in order. The stream is cut into operands and
        operators in one ``split`` (``_PIECES``); the commonest operators are run here with
        their own arithmetic, the others through their methods. At anything this reading
        does not know for certain (a string with parentheses inside, an inline image, a
        stray delimiter), the rest of the stream is read by ``step``, from the operation's start."""
        ops = self._operators()
        ts = self.textstate
        gstack = self.gstack
        device = self.device
        render = device.render_string
        memo: dict[bytes, Any] = {}  # names and strings already read (a page repeats them)
        pieces = _PIECES.split(data)
        stack: list[Any] = []  # this operation's operands
        nested: list[list[Any]] = []  # the arrays and dicts open in them, innermost last
        top = stack  # where the next operand goes
        start = k = 0  # the (operands, atom, operator) triple where this operation began; the next one
        run = _RUN
        it = iter(pieces)
        for text, atom, kw in zip(it, it, it):  # the text after the last operator holds no operation
            k += 1
            if text and not text.isspace():
                if text.translate(None, _NUMERIC):  # brackets, dict marks or anything else
                    if not _operands_into(text, stack, nested):
                        self._run_steps(data, sum(len(p) for p in pieces[:3 * start] if p))
                        return
                    top = nested[-1] if nested else stack
                else:
                    try:  # floats: pdfminer's operators take their numbers through float()
                        top += list(map(float, text.split()))
                    except ValueError:
                        top += [v for t in _NUMBER.findall(text) if (v := _number(t)) is not None]
            if atom is not None:
                value = memo.get(atom)
                if value is None:
                    first = atom[0]
                    if first == 37:  # a comment
                        continue
                    value = memo[atom] = (_name(atom[1:]) if first == 47 else _hex(atom[1:-1]) if first == 60
                                          else _literal(atom[1:-1]))
                top.append(value)
                continue
            if nested:  # inside an array or dict a keyword is an operand
                top.append(kw == b"true" if kw in (b"true", b"false") else KWD(kw))
                continue
            if kw not in run:
                if kw in (b"ID", b"true", b"false"):  # an inline image; a boolean that ``step`` may read as an operator
                    self._run_steps(data, sum(len(p) for p in pieces[:3 * start] if p))
                    return
                start = k
                if stack:
                    stack = top = []
                continue
            start = k
            operands = stack
            stack = top = []
            if kw == b"Tj":
                if ts.font is not None and operands:
                    render(ts, [operands[-1]], None, self.graphicstate)
                continue
            try:
                if kw == b"TD" or kw == b"Td":
                    tx, ty = float(operands[-2]), float(operands[-1])
                    a, b, c, d, e, f = ts.matrix
                    ts.matrix = (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)
                    ts.linematrix = (0, 0)
                    if kw == b"TD":
                        ts.leading = ty
                elif kw == b"q":
                    gstack.append((self.ctm, ts.__dict__.copy(), self.graphicstate))
                elif kw == b"Q":
                    if gstack:
                        self.ctm, state, self.graphicstate = gstack.pop()
                        device.ctm = self.ctm
                        ts.__dict__ = state
                elif kw == b"BT":
                    ts.matrix = MATRIX_IDENTITY
                    ts.linematrix = (0, 0)
                elif kw == b"Tm":
                    a, b, c, d, e, f = operands[-6:]
                    ts.matrix = (float(a), float(b), float(c), float(d), float(e), float(f))
                    ts.linematrix = (0, 0)
                elif kw == b"re":
                    x, y, w, h = float(operands[-4]), float(operands[-3]), float(operands[-2]), float(operands[-1])
                    self.curpath += (("m", x, y), ("l", x + w, y), ("l", x + w, y + h), ("l", x, y + h), ("h",))
                elif kw == b"l" or kw == b"m":
                    self.curpath.append((kw.decode(), float(operands[-2]), float(operands[-1])))
                elif kw == b"n":
                    self.curpath = []
                elif kw == b"Tf":
                    self.do_Tf(operands[-2], operands[-1])
                elif kw == b"TL":
                    ts.leading = -float(operands[-1])  # pdfminer keeps it negated
                elif kw == b"T*":
                    a, b, c, d, e, f = ts.matrix
                    ts.matrix = (a, b, c, d, ts.leading * c + e, ts.leading * d + f)
                    ts.linematrix = (0, 0)
                elif kw == b"cm":
                    a, b, c, d, e, f = operands[-6:]
                    self.ctm = device.ctm = mult_matrix((float(a), float(b), float(c), float(d), float(e), float(f)),
                                                        self.ctm)
                else:
                    self._dispatch(ops, run[kw], operands)
            except (IndexError, *_NOT_FLOAT):  # too few operands, or not numbers: as the operator's method has it
                self._dispatch(ops, _KEPT_BYTES[kw], operands)

    def _run_steps(self, data: bytes, pos: int) -> None:
        """The operations of ``data`` from ``pos`` on, read one by one by ``step``."""
        ops = self._operators()
        n = len(data)
        while pos < n:
            name, operands, pos = step(data, pos)
            if name is not None:
                self._dispatch(ops, name, operands)

    def _dispatch(self, ops: dict[str, tuple[Any, int]], name: str, operands: list[Any]) -> None:
        entry = ops.get(name)
        if entry is None:
            return
        func, nargs = entry
        if nargs == 0:
            func(self)
        elif len(operands) >= nargs:
            func(self, *operands[len(operands) - nargs:])

    # the text state is saved as its attributes and restored into the same object: nothing else holds it
    def do_q(self) -> None:
        self.gstack.append((self.ctm, self.textstate.__dict__.copy(), self.graphicstate))

    def do_Q(self) -> None:
        if self.gstack:
            self.ctm, state, self.graphicstate = self.gstack.pop()
            self.device.ctm = self.ctm
            self.textstate.__dict__ = state

    def do_BT(self) -> None:
        self.textstate.matrix = MATRIX_IDENTITY
        self.textstate.linematrix = (0, 0)

    def do_Tm(self, a: Any, b: Any, c: Any, d: Any, e: Any, f: Any) -> None:
        try:
            matrix = (float(a), float(b), float(c), float(d), float(e), float(f))
        except _NOT_FLOAT:
            super().do_Tm(a, b, c, d, e, f)
            return
        self.textstate.matrix = matrix
        self.textstate.linematrix = (0, 0)

    def do_Td(self, tx: Any, ty: Any) -> None:
        try:
            tx_, ty_ = float(tx), float(ty)
        except _NOT_FLOAT:
            super().do_Td(tx, ty)
            return
        ts = self.textstate
        a, b, c, d, e, f = ts.matrix
        ts.matrix = (a, b, c, d, tx_ * a + ty_ * c + e, tx_ * b + ty_ * d + f)
        ts.linematrix = (0, 0)

    def do_TD(self, tx: Any, ty: Any) -> None:
        self.do_Td(tx, ty)
        ty_ = safe_float(ty)
        if ty_ is not None:
            self.textstate.leading = ty_

    def do_re(self, x: Any, y: Any, w: Any, h: Any) -> None:
        try:
            x_f, y_f, w_f, h_f = float(x), float(y), float(w), float(h)
        except _NOT_FLOAT:
            super().do_re(x, y, w, h)
            return
        self.curpath += (("m", x_f, y_f), ("l", x_f + w_f, y_f), ("l", x_f + w_f, y_f + h_f), ("l", x_f, y_f + h_f),
                         ("h",))

    def do_m(self, x: Any, y: Any) -> None:
        try:
            self.curpath.append(("m", float(x), float(y)))
        except _NOT_FLOAT:
            super().do_m(x, y)

    def do_l(self, x: Any, y: Any) -> None:
        try:
            self.curpath.append(("l", float(x), float(y)))
        except _NOT_FLOAT:
            super().do_l(x, y)

    def do_TJ(self, seq: Any) -> None:
        if self.textstate.font is not None:
            self.device.render_string(self.textstate, seq, None, self.graphicstate)

    def do_Tj(self, s: Any) -> None:
        self.do_TJ([s])


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
        known = self._fonts.get(font)
        if known is None:
            known = self._fonts[font] = (font.is_vertical(), font.is_multibyte(), font.get_descent(), _glyphs(font),
                                         _decoded(font))
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
