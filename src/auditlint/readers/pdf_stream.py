"""A PDF content stream read into operators and operands, as pdfminer's parser reads it.

Two readings. ``step`` reads one operation at a position: most with one regular
expression (numbers and names, then an operator; a text-showing operator with its
strings; a marked-content tag), any other token by token (strings, arrays, dicts,
comments). ``PIECES`` cuts a whole stream in one ``re.split`` into operands,
atoms (names, strings, comments), operators and runs of one-glyph ``Tj``/``TD`` pairs
(``SHOWN``), for the interpreter's loop
(``pdf_text.TextInterpreter._run``), which goes back to ``step`` at anything it
does not read for certain.

Tokens are read as pdfminer's ``PSBaseParser`` reads them (its quirks included:
an unknown escape in a string drops the character, an odd hex digit is a byte of
its own). Inline images are skipped: they hold no text.
"""

from __future__ import annotations

import re
import struct
import zlib
from typing import Any

from pdfminer.psparser import KWD, LIT

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


def pdf_name(raw_name: bytes) -> Any:
    name = _NAME_HEX.sub(lambda m: bytes((int(m.group(1), 16),)) if m.group(1) else b"", raw_name)
    try:
        return LIT(str(name, "utf-8"))
    except UnicodeDecodeError:
        return LIT(name)


def number(token: bytes) -> int | float | None:
    try:
        return float(token) if b"." in token else int(token)
    except ValueError:
        return None


# one operation whose operands are numbers and plain names only: most of a content stream
_SIMPLE = re.compile(rb"\s*((?:(?>[-+]?(?:\d+(?:\.\d*)?|\.\d+)|/[^\s/\[\]()<>{}%#]*)\s*)*)"
                     rb"([A-Za-z][^\s/\[\]()<>{}%#]*|['\"])(?=[\s/\[\]()<>{}%]|$)")
_OPERAND = re.compile(rb"/[^\s/]*|[^\s/]+")
KEPT_BYTES = {k.encode("latin-1"): k for k in KEPT}
RUN = {k: v for k, v in KEPT_BYTES.items() if k != b"ET"}  # the kept operators that do something


def _operands(text: bytes) -> list[Any]:
    """Numbers and names as ``_SIMPLE`` matched them (a token that is no number is dropped)."""
    if not text:
        return []
    if b"/" not in text:
        try:
            return [float(t) if b"." in t else int(t) for t in text.split()]
        except ValueError:
            pass  # a token that is no number: token by token, below
    return [pdf_name(t[1:]) if t[:1] == b"/" else number(t) for t in _OPERAND.findall(text)]


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
    hexa, literal, numeral = m.groups()
    if literal is not None:
        return _ESCAPED.sub(_unescape, literal) if b"\\" in literal else literal
    if hexa is not None:
        return hex_string(hexa)
    return number(numeral)


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
    if op in KEPT_BYTES:
        return KEPT_BYTES[op], _operands(m.group(1)), pos
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
            top.append(pdf_name(token[1:]))
        elif kind == "num":
            value = number(token)
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


# one glyph shown and the line moved on, as the real reports print their text: ``<07A3>Tj 300 -0 TD``
# (a hex string without spaces, numbers float() reads as the operators' methods do)
_ONE_SHOWN = rb"<%s>\s*Tj\s+%s\s+%s\s+TD(?=[\s<]|\Z)\s*"
_DECIMAL = rb"-?\d+(?:\.\d+)?"
SHOWN = re.compile(_ONE_SHOWN % (rb"([0-9a-fA-F]*)", b"(" + _DECIMAL + b")", b"(" + _DECIMAL + b")"))
# the content stream cut by ``re.split``: [operands, run, atom, operator, operands, run, atom,
# operator, ...], in each match a run of ``SHOWN`` operations, an atom (name, hex string, string
# without parentheses inside, comment) or an operator; what lies between is numbers, whitespace,
# and the brackets of arrays and dicts. The lookahead names the characters a match can begin with:
# the regex engine then skips the others without trying each alternative there (it splits twice as fast)
PIECES = re.compile(rb"(?=[/<(%A-Za-z'\"])(?:((?:" + _ONE_SHOWN % (rb"[0-9a-fA-F]*", _DECIMAL, _DECIMAL) + rb")+)"
                    rb"|(/[^\s/\[\]()<>{}%]*|<[0-9a-fA-F\s]*>|\((?:[^()\\]|\\.)*\)|%[^\r\n]*)"
                    rb"|([A-Za-z][^#\s/\[\]()<>{}%]*|['\"]))", re.DOTALL)
NUMERIC = b"0123456789.+- \t\n\r\f\v"
NUMBER = re.compile(rb"[-+]?(?:\d+(?:\.\d*)?|\.\d*)|[-+]")
_MARKS = re.compile(rb"<<|>>|\[|\]|[-+]?(?:\d+(?:\.\d*)?|\.\d*)|[-+]|\s+|.", re.DOTALL)


def operands_into(text: bytes, stack: list[Any], nested: list[list[Any]]) -> bool:
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
            value = number(token)
            if value is not None:
                top.append(value)
        else:
            return False
    return True


def literal_string(literal: bytes) -> bytes:
    """A string without parentheses inside as ``_show_item`` reads it."""
    return _ESCAPED.sub(_unescape, literal) if b"\\" in literal else literal


def hex_string(digits: bytes) -> bytes:
    """A hex string's bytes as ``_show_item`` reads them."""
    if len(digits) % 2 == 0:
        try:
            return bytes.fromhex(digits.decode("latin-1"))
        except ValueError:
            pass  # whitespace inside: pdfminer's reading, below
    return _HEX_PAIR.sub(lambda h: bytes((int(h.group(), 16),)), _SPACE.sub(b"", digits))


_A85_DIGITS = bytes(range(33, 118))  # ! to u
_A85_VALUE = bytes((c - 33) % 256 for c in range(256))


def stream_data(stream: Any) -> bytes:
    """The decoded data of a content stream, as pdfminer's ``get_data`` gives it. The commonest
    encoding of generated PDFs, ASCII85 then Flate, is decoded here five characters at a time
    (the standard library's ``a85decode``, which pdfminer calls, goes one at a time)."""
    if stream.data is None and stream.rawdata is not None and not stream.decipher:
        from pdfminer.ascii85 import end_re, start_re
        from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_FLATE_DECODE

        filters = stream.get_filters()
        if (len(filters) == 2 and filters[0][0] in LITERALS_ASCII85_DECODE and filters[1][0] in LITERALS_FLATE_DECODE
                and not filters[0][1] and not filters[1][1]):
            data = _a85(end_re.sub(b"", start_re.sub(b"", stream.rawdata)))
            if data is not None:
                try:
                    stream.data = zlib.decompress(data)
                    stream.rawdata = None
                except zlib.error:
                    pass  # pdfminer's repair of a damaged stream, below
    return stream.get_data()


def _a85(text: bytes) -> bytes | None:
    """``base64.a85decode(text)``; None where it would find a ``z``, a character it does not
    take, or a group over 32 bits (it then decides, or raises)."""
    digits = text.translate(None, b" \t\n\r\v")
    if digits.translate(None, _A85_DIGITS):
        return None
    pad = -len(digits) % 5
    values = (digits + b"u" * pad).translate(_A85_VALUE)
    it = iter(values)
    groups = [(((a * 85 + b) * 85 + c) * 85 + d) * 85 + e for a, b, c, d, e in zip(it, it, it, it, it)]
    if groups and max(groups) > 0xFFFFFFFF:
        return None
    out = struct.pack(f">{len(groups)}I", *groups)
    return out[:len(out) - pad] if pad else out
