"""pdfminer's interpreter on a content stream, for its characters and painted paths only.

Most of pdfplumber's time goes to tokenizing content streams in Python and to
building layout objects. This interpreter reads a stream cut by one regular
expression (``pdf_stream.py``), drops the operators that only set colours and
line styles, clip or mark content, and runs pdfminer's own operators for the
rest: the text state, ``q``/``Q``/``cm``, XObjects and path construction and
painting. The commonest of them are re-stated here with pdfminer's arithmetic
and fewer calls; the fonts it loads read their ToUnicode CMaps with pdfminer's
parser on tokens cut by one regular expression (``pdf_cmap.py``). Its device
(``CharCollector``, ``pdf_device.py``) keeps, of each character, the box
``LTChar`` computes, and of each painted path, its kind and points as pdfminer's
``paint_path`` classifies it: the characters and ruling lines are pdfminer's,
box for box and point for point. Runs of one-glyph ``Tj``/``TD`` pairs, as the
real reports print most of their text, are one piece of the stream each and one
call of the device (``_show_run``).
"""

from __future__ import annotations

from typing import Any

from pdfminer.casting import safe_float
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import KWD
from pdfminer.utils import MATRIX_IDENTITY, mult_matrix

from auditlint.readers.pdf_cmap import fast_tounicode
from auditlint.readers.pdf_device import CharCollector, classify  # noqa: F401 - imported from here too
from auditlint.readers.pdf_stream import (  # noqa: F401 - KEPT and operations are read from here too
    KEPT,
    KEPT_BYTES,
    NUMBER,
    NUMERIC,
    PIECES,
    RUN,
    SHOWN,
    hex_string,
    literal_string,
    number,
    operands_into,
    operations,
    pdf_name,
    step,
    stream_data,
)

_NOT_FLOAT = (TypeError, ValueError, OverflowError)  # what pdfminer's safe_float catches
_COMMENT = object()


def _atom(atom: bytes) -> Any:
    """A name, a hex string or a string as an operand; ``_COMMENT`` for a comment."""
    first = atom[0]
    if first == 47:  # /
        return pdf_name(atom[1:])
    if first == 60:  # <
        return hex_string(atom[1:-1])
    return literal_string(atom[1:-1]) if first == 40 else _COMMENT


def _text_operands(text: bytes, stack: list[Any], nested: list[list[Any]], top: list[Any],
                   texts: dict[bytes, tuple[Any, ...]]) -> list[Any] | None:
    """The operands in the text between two atoms or operators put on ``top`` (the operation's
    ``stack`` or the innermost of its ``nested`` arrays and dicts), and where the next ones go;
    None at anything but numbers, brackets and dict marks. A text of numbers only is kept in
    ``texts`` with its numbers."""
    if text.translate(None, NUMERIC):  # brackets, dict marks or anything else
        if not operands_into(text, stack, nested):
            return None
        return nested[-1] if nested else stack
    try:  # floats: pdfminer's operators take their numbers through float()
        numbers = tuple(map(float, text.split()))
    except ValueError:
        numbers = tuple(v for t in NUMBER.findall(text) if (v := number(t)) is not None)
    texts[text] = numbers
    top += numbers
    return top


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

    def init_resources(self, resources: Any) -> None:
        with fast_tounicode():  # the fonts' ToUnicode CMaps, the most of their building, tokenized by one regex
            super().init_resources(resources)

    def execute(self, streams: Any) -> None:
        data: list[bytes] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                continue  # as pdfminer: no inline streams, no circular references
            self.stream_ids.add(stream.objid)
            data.append(stream_data(stream))
        self._run(b"\n".join(data))

    def _run(self, data: bytes) -> None:  # noqa: C901 - one loop over the stream's pieces
        """The operations of ``data`` run in order. The stream is cut into operands and
        operators in one ``split`` (``PIECES``); the commonest operators are run here with
        their own arithmetic, the others through their methods. At anything this reading
        does not know for certain (a string with parentheses inside, an inline image, a
        stray delimiter), the rest of the stream is read by ``step``, from the operation's start."""
        ts = self.textstate
        render = self.device.render_string
        handlers = _HANDLERS
        ops = self._operators()
        memo: dict[bytes, Any] = {}  # names and strings already read (a page repeats them)
        texts: dict[bytes, tuple[Any, ...]] = {}  # the numbers of each text of numbers only already read
        pieces = PIECES.split(data)
        stack: list[Any] = []  # this operation's operands
        nested: list[list[Any]] = []  # the arrays and dicts open in them, innermost last
        top = stack  # where the next operand goes
        start = k = 0  # the match of PIECES (operands, run, atom, operator) where this operation began; the next one
        run = RUN
        it = iter(pieces)
        for text, shown, atom, kw in zip(it, it, it, it):  # the text after the last operator holds no operation
            k += 1
            if text and not text.isspace():
                numbers = texts.get(text)
                if numbers is not None:
                    top += numbers
                elif (top := _text_operands(text, stack, nested, top, texts)) is None:  # something this reading does not know
                    self._resume(data, pieces, start)
                    return
            if shown is not None:
                if nested:  # its strings and keywords are an array's items: read operation by operation
                    self._resume(data, pieces, start)
                    return
                self._show_run(shown, memo)
                start = k
                stack = top = []
                continue
            if atom is not None:
                value = memo.get(atom)
                if value is None:
                    value = memo[atom] = _atom(atom)
                if value is not _COMMENT:
                    top.append(value)
                continue
            if nested:  # inside an array or dict a keyword is an operand
                top.append(kw == b"true" if kw in (b"true", b"false") else KWD(kw))
                continue
            if kw not in run:
                if kw in (b"ID", b"true", b"false"):  # an inline image; a boolean that ``step`` may read as an operator
                    self._resume(data, pieces, start)
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
            handler = handlers.get(kw)
            if handler is None:
                self._dispatch(ops, run[kw], operands)
                continue
            try:
                handler(self, operands)
            except (IndexError, *_NOT_FLOAT):  # too few operands, or not numbers: as the operator's method has it
                self._dispatch(ops, run[kw], operands)

    def _show_run(self, run: bytes, memo: dict[bytes, Any]) -> None:
        """``<07A3>Tj 300 -0 TD`` repeated (``SHOWN``): each glyph shown as ``Tj`` shows it, then
        the line moved as ``_op_TD`` moves it, by the device's ``show_moved``. The real reports
        print most of their text so, a glyph at a time: read here in one match each instead of
        three pieces of the loop's, and drawn in one call; where the device cannot (turned text,
        no font yet), operation by operation."""
        items = []
        for digits, tx, ty in SHOWN.findall(run):
            string = memo.get(digits)  # bare digits: no atom (which begins with a delimiter) has such a key
            if string is None:
                string = memo[digits] = hex_string(digits)
            items.append((string, float(tx), float(ty)))
        if self.device.show_moved(self.textstate, items, self.graphicstate):
            return
        ts = self.textstate
        for string, tx, ty in items:
            if ts.font is not None:
                self.device.render_string(ts, [string], None, self.graphicstate)
            self._op_TD([tx, ty])

    # the commonest operators, on this operation's operands, with pdfminer's arithmetic; too few
    # operands (IndexError) or operands that are no numbers go to the operator's own method
    def _op_td(self, operands: list[Any]) -> None:
        tx, ty = float(operands[-2]), float(operands[-1])
        ts = self.textstate
        a, b, c, d, e, f = ts.matrix
        ts.matrix = (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)
        ts.linematrix = (0, 0)

    def _op_TD(self, operands: list[Any]) -> None:
        self._op_td(operands)
        self.textstate.leading = float(operands[-1])

    def _op_q(self, _operands: list[Any]) -> None:
        self.gstack.append((self.ctm, self.textstate.__dict__.copy(), self.graphicstate))

    def _op_Q(self, _operands: list[Any]) -> None:
        if self.gstack:
            self.ctm, state, self.graphicstate = self.gstack.pop()
            self.device.ctm = self.ctm
            self.textstate.__dict__ = state

    def _op_BT(self, _operands: list[Any]) -> None:
        self.textstate.matrix = MATRIX_IDENTITY
        self.textstate.linematrix = (0, 0)

    def _op_Tm(self, operands: list[Any]) -> None:
        a, b, c, d, e, f = operands[-6:]
        self.textstate.matrix = (float(a), float(b), float(c), float(d), float(e), float(f))
        self.textstate.linematrix = (0, 0)

    def _op_re(self, operands: list[Any]) -> None:
        x, y, w, h = float(operands[-4]), float(operands[-3]), float(operands[-2]), float(operands[-1])
        self.curpath += (("m", x, y), ("l", x + w, y), ("l", x + w, y + h), ("l", x, y + h), ("h",))

    def _op_m(self, operands: list[Any]) -> None:
        self.curpath.append(("m", float(operands[-2]), float(operands[-1])))

    def _op_l(self, operands: list[Any]) -> None:
        self.curpath.append(("l", float(operands[-2]), float(operands[-1])))

    def _op_n(self, _operands: list[Any]) -> None:
        self.curpath = []

    def _op_Tf(self, operands: list[Any]) -> None:
        self.do_Tf(operands[-2], operands[-1])

    def _op_TL(self, operands: list[Any]) -> None:
        self.textstate.leading = -float(operands[-1])  # pdfminer keeps it negated

    def _op_T_a(self, _operands: list[Any]) -> None:
        ts = self.textstate
        a, b, c, d, e, f = ts.matrix
        ts.matrix = (a, b, c, d, ts.leading * c + e, ts.leading * d + f)
        ts.linematrix = (0, 0)

    def _op_cm(self, operands: list[Any]) -> None:
        a, b, c, d, e, f = operands[-6:]
        matrix = (float(a), float(b), float(c), float(d), float(e), float(f))
        self.ctm = self.device.ctm = mult_matrix(matrix, self.ctm)

    def _resume(self, data: bytes, pieces: list[bytes | None], start: int) -> None:
        """The operations of ``data`` from the one that began at the ``start``-th match of ``PIECES`` on, read by ``step``."""
        self._run_steps(data, sum(len(p) for p in pieces[:4 * start] if p))

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


_HANDLERS = {b"Td": TextInterpreter._op_td, b"TD": TextInterpreter._op_TD, b"q": TextInterpreter._op_q,
             b"Q": TextInterpreter._op_Q, b"BT": TextInterpreter._op_BT, b"Tm": TextInterpreter._op_Tm,
             b"re": TextInterpreter._op_re, b"m": TextInterpreter._op_m, b"l": TextInterpreter._op_l,
             b"n": TextInterpreter._op_n, b"Tf": TextInterpreter._op_Tf, b"TL": TextInterpreter._op_TL,
             b"T*": TextInterpreter._op_T_a, b"cm": TextInterpreter._op_cm}
