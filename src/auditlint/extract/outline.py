"""The report's section numbering (``facts.extra["outline"]``): every paragraph that
starts with a serial — 一、 （一） 1. （1） — in document order, with its style, its
number and where it is printed. Table cells are not headings and are left out, nor
are the entries of a table of contents (``extract/toc.py``): the body restarts their
list.

What the outline cannot see is said beside it: ``facts.extra["outline_midline"]``
holds the serials printed mid-line (a PDF's text layer runs "…准则。（八）负责…" into
one line), each placed after the heading it follows; ``Heading.opens`` marks a
heading no heading of a higher level precedes — where the printed document starts,
which may be the middle of a report (an extract starting at 三、).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from auditlint.model import Location
from auditlint.numbers import parse_cn_int

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

KEY = "outline"
MIDLINE = "outline_midline"

# styles in the conventional order of official documents (GB/T 9704): 一、 > （一） > 1. > （1）
STYLES = ("cn", "cn_paren", "arabic", "arabic_paren")

_PATTERNS = (
    ("cn", re.compile(r"([一二三四五六七八九十]{1,3})\s*[、．.]")),
    ("cn_paren", re.compile(r"[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]")),
    # "1.5万元" and "2024年" are numbers, not serials
    ("arabic", re.compile(r"(\d{1,2})\s*[、．.](?![\d.．])")),
    ("arabic_paren", re.compile(r"[（(]\s*(\d{1,2})\s*[)）]")),
)


@dataclass(frozen=True)
class Heading:
    style: str  # one of STYLES
    number: int
    serial: str  # as printed: "1、", "（一）"
    text: str  # the heading line, shortened
    location: Location
    # no heading of a higher level comes before it: its level opens the document as printed
    opens: bool = False

    @property
    def rank(self) -> int:
        """1 for 一、, 2 for （一）, 3 for 1., 4 for （1）."""
        return STYLES.index(self.style) + 1


def serial_text(style: str, number: int, like: str = "") -> str:
    """How ``number`` is written in ``style`` ("cn", 7 → "七、"), with the separator of
    ``like`` where it has one."""
    cn = _cn(number)
    if style == "cn":
        return f"{cn}、"
    if style == "cn_paren":
        return f"（{cn}）"
    if style == "arabic":
        sep = next((ch for ch in like if ch in "、.．"), "、")
        return f"{number}{sep}"
    return f"（{number}）"


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


class _Printed(Protocol):
    """A paragraph, or a passage (extract/passages.py): its text and where each character is."""

    @property
    def text(self) -> str: ...

    def location_at(self, offset: int) -> Location: ...


def heading_of(p: _Printed) -> Heading | None:
    found = _serial_of(p.text)
    if found is None:
        return None
    style, number, serial, lead = found
    return Heading(style, number, serial, p.text.strip()[:30], p.location_at(lead))


def is_heading(text: str) -> bool:
    """Does the text start with a serial and go on after it (``heading_of`` is not None)?"""
    return _serial_of(text) is not None


# asked of every paragraph by the outline, the comparisons and the narrative's far bases
@lru_cache(maxsize=1 << 14)
def _serial_of(text: str) -> tuple[str, int, str, int] | None:
    """The style, number and serial as printed of a heading's text, and where the serial
    starts; None when the text is no heading."""
    lead = len(text) - len(text.lstrip())
    for style, rx in _PATTERNS:
        m = rx.match(text, lead)
        if m is None:
            continue
        raw = m.group(1)
        number = int(raw) if raw.isdigit() else parse_cn_int(raw)
        if not number or number > 99:
            continue
        if not text[m.end() :].strip():
            return None
        return style, number, m.group(0).strip(), lead
    return None


@dataclass(frozen=True)
class MidlineSerial:
    """A serial printed after the end of a sentence, inside a line."""

    style: str
    number: int
    serial: str
    location: Location
    after: int  # how many outline headings precede it


# a serial right after a sentence's end (or a colon introducing a list)
_MID = re.compile(r"[。；;：:]\s*(?=[（(]|[一二三四五六七八九十\d])")


def midline_serials(p: _Printed, after: int) -> list[MidlineSerial]:
    out: list[MidlineSerial] = []
    text = p.text
    for m in _MID.finditer(text):
        at = m.end()
        for style, rx in _PATTERNS:
            # the serial may close the line: its text goes on in the next one
            s = rx.match(text, at)
            if s is None:
                continue
            raw = s.group(1)
            number = int(raw) if raw.isdigit() else parse_cn_int(raw)
            if number and number <= 99:
                out.append(MidlineSerial(style, number, s.group(0).strip(), p.location_at(at), after))
            break
    return out


def midline_fills(headings: list[Heading], midline: list[MidlineSerial], i: int, missing: range) -> bool:
    """Whether the serials ``missing`` before ``headings[i]`` in its own style are all
    printed mid-line since the previous heading of that style or of a higher level (the
    list they belong to): then the sequence is whole, only its layout is not."""
    h = headings[i]
    start = 0
    for j in range(i - 1, -1, -1):
        if headings[j].style == h.style or headings[j].rank < h.rank:
            start = j + 1
            break
    printed = {m.number for m in midline if m.style == h.style and start <= m.after <= i}
    return bool(missing) and set(missing) <= printed


def break_is_sure(headings: list[Heading], midline: list[MidlineSerial], i: int, kind: str, previous: Heading | None) -> bool:
    """Whether a break the numbering check found at ``headings[i]`` (``kind`` "skip",
    "start", "repeat" or "style"; ``previous`` the sibling it follows) survives what the
    outline knows: a sequence that only starts where the printed document starts is an
    extract, not a gap; numbers printed mid-line are not missing."""
    h = headings[i]
    if kind == "start" and h.opens:
        return False
    if kind == "skip" and previous is not None:
        return not midline_fills(headings, midline, i, range(previous.number + 1, h.number))
    if kind == "start":
        return not midline_fills(headings, midline, i, range(1, h.number))
    return True


def extract_into(facts: Facts) -> None:
    from auditlint.extract.toc import KEY as TOC

    contents = facts.extra[TOC]
    headings: list[Heading] = []
    midline: list[MidlineSerial] = []
    top = 99  # the highest level seen so far (smallest rank)
    for p in facts.document.paragraphs:
        if contents.holds(p.index):
            continue
        h = heading_of(p)
        if h is not None:
            h = replace(h, opens=h.rank <= top)
            top = min(top, h.rank)
            headings.append(h)
        midline += midline_serials(p, len(headings))
    facts.extra[KEY] = headings
    facts.extra[MIDLINE] = midline
