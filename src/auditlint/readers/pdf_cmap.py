"""ToUnicode CMaps tokenized by one regular expression, for pdfminer's own CMap parser.

pdfminer reads a font's ToUnicode CMap (``beginbfchar``, ``beginbfrange`` …) with
``CMapParser``, whose tokenizer walks the stream a character class at a time in
Python: most of the time a font takes to build. ``ToUnicodeParser`` is that
parser with only its tokenizer replaced: the stream is cut into the same tokens
by ``_TOKEN`` in one pass, and pdfminer's ``nextobject`` and ``do_keyword`` run
on them unchanged (the stack, ``def``, ``usecmap``, the ranges, arrays and
surrogates, its warnings and its errors are pdfminer's). A stream holding any
token outside the plain set read here (a name or keyword with ``#``, a string
with parentheses or escapes inside, a signed or real number, a brace, a NUL …)
or a dict mark cut by pdfminer's read buffer is parsed by pdfminer's tokenizer
from the start.

``fast_tounicode()`` installs the parser where pdfminer's fonts look it up, for
the fonts built inside it (``pdf_text.TextInterpreter.init_resources``).
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from typing import Any

from pdfminer import pdffont, settings
from pdfminer.cmapdb import CMapParser
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import KWD, LIT

# pdfminer's tokens, and where it would read differently: after a hex string, a ``>`` starts a dict
# end (``_parse_wclose``); a name or keyword stops at ``#`` (a name escape, or a keyword of its own);
# a number runs on into ``.`` (a real). Those, and any other character, are ``other``.
_TOKEN = re.compile(
    rb"(?P<ws>[ \t\n\r\f\v]+)|(?P<comment>%[^\r\n]*)|(?P<dict><<|>>)|(?P<hex><[0-9a-fA-F \t\n\r\f\v]*>)(?!>)"
    rb"|(?P<array>[\[\]])|(?P<name>/[^#/%\[\]()<>{}\s]*+)(?!#)|(?P<int>\d++)(?![.])"
    rb"|(?P<kw>[A-Za-z][^#/%\[\]()<>{}\s]*+)(?!#)|(?P<str>\([^()\\]*\))|(?P<other>.)", re.DOTALL)
_SPACE = b" \t\n\r\f\v"
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.", re.DOTALL)
_BUFSIZ = 4096  # pdfminer's PSBaseParser.BUFSIZ: it reads the stream in such chunks
_KEYWORDS: dict[bytes, Any] = {b"true": True, b"false": False}


def _hex(token: bytes) -> bytes:
    """A hex string's bytes as pdfminer's ``_parse_hexstring`` reads them (an odd digit is a byte of its own)."""
    digits = token[1:-1].translate(None, _SPACE)
    if len(digits) % 2 == 0:
        return bytes.fromhex(digits.decode("ascii"))
    return _HEX_PAIR.sub(lambda h: bytes((int(h.group(), 16),)), digits)


def _name(token: bytes) -> Any:
    try:
        return LIT(str(token[1:], "utf-8"))
    except UnicodeDecodeError:
        return LIT(token[1:])


def _dict_mark_cut(data: bytes) -> bool:
    """Whether a ``<<`` or ``>>`` straddles two of pdfminer's read buffers: it then reads them as
    two tokens of other kinds."""
    return any(data[p:p + 2] in (b"<<", b">>") for p in range(_BUFSIZ - 1, len(data) - 1, _BUFSIZ))


def tokens(data: bytes) -> list[tuple[int, Any]] | None:
    """The (position, token) pairs pdfminer's ``nexttoken`` gives for ``data``; None where its
    reading could differ from this one's."""
    if _dict_mark_cut(data):
        return None
    out: list[tuple[int, Any]] = []
    append = out.append
    for m in _TOKEN.finditer(data):
        kind = m.lastgroup
        if kind == "ws" or kind == "comment":
            continue
        token = m.group()
        if kind == "hex":
            append((m.start(), _hex(token)))
        elif kind == "int":
            append((m.start(), int(token)))
        elif kind == "kw":
            append((m.start(), _KEYWORDS.get(token) if token in _KEYWORDS else KWD(token)))
        elif kind == "name":
            append((m.start(), _name(token)))
        elif kind == "dict" or kind == "array":
            append((m.start(), KWD(token)))
        elif kind == "str":
            append((m.start(), token[1:-1]))
        else:
            return None
    return out


class ToUnicodeParser(CMapParser):
    """pdfminer's ``CMapParser`` on the tokens of ``tokens``, or on its own where that gives none."""

    _queue: Iterator[tuple[int, Any]] | None = None

    def run(self) -> None:
        data = self.fp.getvalue() if isinstance(self.fp, io.BytesIO) else None
        found = tokens(data) if data is not None and not settings.STRICT else None
        if found is None:
            super().run()
            return
        self._queue = iter(found)
        with contextlib.suppress(PSEOF):
            self.nextobject()

    def nexttoken(self) -> tuple[int, Any]:
        if self._queue is None:
            return super().nexttoken()
        for token in self._queue:
            return token
        raise PSEOF("Unexpected EOF")


@contextlib.contextmanager
def fast_tounicode() -> Iterator[None]:
    """pdfminer's fonts built inside read their ToUnicode CMaps with ``ToUnicodeParser``. pdfminer
    calls ``CMapParser`` by its module-level name in the middle of a font's ``__init__``; the name is
    swapped for the time of the block, so pdfminer's own callers (the pdfplumber reader) keep theirs.
    It is put back to pdfminer's own class, not to what the block found: two threads in such blocks
    at once leave pdfminer's parser behind (the maps are the same either way)."""
    pdffont.CMapParser = ToUnicodeParser
    try:
        yield
    finally:
        pdffont.CMapParser = CMapParser
