"""Word field codes left in a text extraction (issue 15, forms2 (c)).

A Word table of contents is a TOC field whose lines each hold a HYPERLINK and a
PAGEREF field. Saved with field codes shown (or converted by a tool that prints
them), the contents reads "一、部门基本情况 PAGEREF _Toc25831 \\h 3" (some tools lose
the backslash: "PAGEREF _Toc25831 h 3"), its first line opens with
'TOC \\o "1-3" \\h \\z \\u', and each line may open with 'HYPERLINK \\l "_Toc25831"'.
The instructions are no text of the report: they make each contents line differ
from the heading it lists, so the contents is not recognised and its lines pass for
headings. ``unfield`` gives the line as Word shows it: the instructions gone, and a
PAGEREF before the page number replaced by the TAB the contents line has there
(what the .docx reader reads, and what ``extract/toc.py`` recognises).
"""

from __future__ import annotations

import re

from auditlint.model import Paragraph

# a switch: \h, \z, \o "1-3", or the same with its backslash lost
_SWITCH = r'(?:\\?[a-z](?:\s+"[^"]*")?)'
# TOC with its switches, the first one a backslashed letter or \o "1-3" without its backslash
_TOC = re.compile(r'\{?\s*\bTOC(?:\s+\\?[a-z]\s+"[^"]*"|\s+\\[a-z])(?:\s+' + _SWITCH + r'(?=\s|$))*\s*\}?\s*')
_HYPERLINK = re.compile(r'\{?\s*\bHYPERLINK\s+\\?l\s+"?_Toc\d+"?\s*\}?\s*')
_PAGEREF = re.compile(r"\s*\{?\s*\bPAGEREF\s+_Toc\d+(?:\s+" + _SWITCH + r"(?=\s|$))*\s*\}?\s*")
_PAGE_AFTER = re.compile(r"\d{1,4}\s*$")


def has_fields(text: str) -> bool:
    return "PAGEREF" in text or "HYPERLINK" in text or "TOC" in text


def unfield(text: str) -> str:
    """``text`` without Word field instructions; a PAGEREF before a page number at
    the end of the line becomes a TAB."""
    if not has_fields(text):
        return text
    text = _HYPERLINK.sub("", _TOC.sub("", text))
    out, pos = [], 0
    for m in _PAGEREF.finditer(text):
        out.append(text[pos:m.start()])
        out.append("\t" if _PAGE_AFTER.fullmatch(text[m.end():]) else "")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def unfield_paragraph(p: Paragraph) -> Paragraph:
    """The paragraph without field instructions (for readers that keep them, and for
    ``extract/toc.py`` to see every format's contents lines alike)."""
    text = unfield(p.text)
    if text == p.text:
        return p
    return Paragraph(index=p.index, text=text, location=p.location)
