"""The report's section numbering (``facts.extra["outline"]``): every paragraph that
starts with a serial — 一、 （一） 1. （1） — in document order, with its style, its
number and where it is printed. Table cells are not headings and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from auditlint.model import Location
from auditlint.numbers import parse_cn_int

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

KEY = "outline"

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
    text = p.text
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
        return Heading(style, number, m.group(0).strip(), text.strip()[:30], p.location_at(lead))
    return None


def extract_into(facts: Facts) -> None:
    facts.extra[KEY] = [h for p in facts.document.paragraphs if (h := heading_of(p)) is not None]
