"""The report's table of contents (``facts.extra["toc"]``): the paragraphs that list
the sections rather than open them.

A table of contents is either announced (a line reading 目录 or 目次) or recognisable
by its lines (a title, leader dots, a page number). Its entries carry serials (一、
1.) that are not headings of the body: the body restarts the same list. The region
ends where the body begins: a line repeating an entry already listed, a sentence
(。；：), or, for a dotted contents, the first line without leader dots and page number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditlint.model import Location, Paragraph, Table
from auditlint.readers.fields import unfield_paragraph

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts
    from auditlint.extract.listed_tables import MissingTable

KEY = "toc"
# list[Mismatch | MissingTable]: body titles that differ from their entry, tables listed but absent
MISMATCHES = "toc_mismatches"

_MARKER = re.compile(r"^(目录|目次)$")
# "三、部门预算编制说明………………3", "1. 总表 ...... 5"
# or the page number set off by a TAB ("一、单位概况\t1")
_LEADER = re.compile(r"(?:[.…·．。_\-—]{3,}|…{1,}|\t)\s*\d{1,3}\s*$")
_SENTENCE = re.compile(r"[。；;：:]")
_MAX_ENTRY = 60  # longer lines are running text, not titles
_MAX_ENTRIES = 80


@dataclass(frozen=True)
class TocEntry:
    text: str  # as printed, leader dots and page number removed
    key: str  # ``entry_key(text)``: what two printings of one title share
    paragraph: int  # Paragraph.index
    location: Location


@dataclass(frozen=True)
class Contents:
    entries: list[TocEntry]
    paragraphs: frozenset[int]  # Paragraph.index of every line of the region, marker included

    def holds(self, paragraph: int | None) -> bool:
        return paragraph is not None and paragraph in self.paragraphs


def entry_key(text: str) -> str:
    """A title without spaces, leader dots, page number and quotes: the contents and
    the body print the same title with different spacing and punctuation."""
    t = _LEADER.sub("", text)
    return re.sub(r"[\s“”\"'‘’]", "", t)


def is_leader_line(text: str) -> bool:
    return _LEADER.search(text.strip()) is not None


def contents_of(paragraphs: list[Paragraph], tabled: frozenset[int] = frozenset()) -> Contents:
    """``tabled``: paragraphs a table follows; a 目录 followed by a table is a contents
    laid out as a table (title, page), which holds no headings."""
    entries: list[TocEntry] = []
    region: set[int] = set()
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        marked = _MARKER.match(re.sub(r"\s", "", p.text)) is not None
        dotted = is_leader_line(p.text) and i + 1 < len(paragraphs) and is_leader_line(paragraphs[i + 1].text)
        if not (marked or dotted):
            i += 1
            continue
        if marked:
            region.add(p.index)
            i += 1
            if p.index in tabled:
                continue
        found, i = _region(paragraphs, i, region)
        entries += found
    return Contents(entries, frozenset(region))


def _region(paragraphs: list[Paragraph], i: int, region: set[int]) -> tuple[list[TocEntry], int]:
    """The entries from ``paragraphs[i]`` on (their lines added to ``region``), and
    where the body resumes."""
    found: list[TocEntry] = []
    seen: set[str] = set()
    dotted = i < len(paragraphs) and is_leader_line(paragraphs[i].text)
    while i < len(paragraphs) and len(found) < _MAX_ENTRIES:
        p = paragraphs[i]
        text = p.text.strip()
        key = entry_key(text)
        if not key or key.isdigit():
            # a blank, or a year the PDF's text layer printed on a line of its own
            if key:
                region.add(p.index)
            i += 1
            continue
        if key in seen or _SENTENCE.search(text) or len(text) > _MAX_ENTRY:
            break
        if dotted and not is_leader_line(text):
            break
        seen.add(key)
        region.add(p.index)
        found.append(TocEntry(_LEADER.sub("", text).strip(), key, p.index, p.location_at(0)))
        i += 1
    return found, i


# ---------------------------------------------------------------------------
# body headings against the contents

# what opens a title: 第三部分, 一、, （一）, 1.
_LEAD = re.compile(r"^(第[一二三四五六七八九十\d]{1,3}(?:部分|章|节)|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．.])")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_PLACEHOLDER = re.compile(r"^(?:[XxＸｘ×*＊]+|某+)$")
# where a unit's name ends: 财政局, 规划和自然资源局, 社会工作部
_UNIT_END = "局委办厅院部署处所站会心室"
_MIN_SHARED = 8  # characters the two titles share outside the difference


@dataclass(frozen=True)
class Mismatch:
    """A body title that prints a contents entry with one word changed."""

    entry: TocEntry
    heading: str  # the body line, as printed
    paragraph: int
    location: Location
    kind: str  # "year", "placeholder", "unit"
    listed: str  # the contents' word
    printed: str  # the body's word


def mismatches(paragraphs: list[Paragraph], contents: Contents) -> list[Mismatch]:
    """Body lines that repeat a contents entry's lead (第三部分, 二、) and all its words
    but one year, one unit name, or a placeholder (XX局) in its place. A line equal to
    any entry agrees with the contents and is not compared further."""
    if not contents.entries:
        return []
    keys = {e.key for e in contents.entries}
    first = min(contents.paragraphs)
    out: list[Mismatch] = []
    for p in paragraphs:
        if p.index <= first or contents.holds(p.index):
            continue
        text = p.text.strip()
        key = entry_key(text)
        if key in keys or len(text) > _MAX_ENTRY or _SENTENCE.search(text):
            continue
        for e in contents.entries:
            found = _differs(e.key, key)
            if found is not None:
                out.append(Mismatch(e, text, p.index, p.location_at(0), *found))
                break
    return out


def _differs(listed: str, printed: str) -> tuple[str, str, str] | None:
    lead = _LEAD.match(listed)
    if lead is None or not printed.startswith(lead.group(0)):
        return None
    pre, suf = _shared(listed, printed)
    a, b = listed[pre : len(listed) - suf], printed[pre : len(printed) - suf]
    if pre < len(lead.group(0)) + 2 or suf < 2 or pre + suf < _MIN_SHARED or not a or not b:
        return None
    kind = _kind(a, b, listed[len(listed) - suf])
    return None if kind is None else (kind, a, b)


def _shared(listed: str, printed: str) -> tuple[int, int]:
    """How many leading and trailing characters the two titles share; a number differs
    as a whole (2024 against 2023, not 4 against 3)."""
    n = min(len(listed), len(printed))
    pre = next((k for k in range(n) if listed[k] != printed[k]), n)
    suf = next((k for k in range(n - pre) if listed[-1 - k] != printed[-1 - k]), n - pre)
    while pre > 0 and listed[pre - 1].isdigit() and printed[pre - 1].isdigit():
        pre -= 1
    while suf > 0 and listed[len(listed) - suf].isdigit() and printed[len(printed) - suf].isdigit():
        suf -= 1
    return pre, suf


def _kind(a: str, b: str, after: str) -> str | None:
    """What the one changed word is: a year, a placeholder, a unit's name (the word
    before 局, 委, 中心…); None for anything else."""
    if _YEAR.match(a) and _YEAR.match(b):
        return "year"
    if _PLACEHOLDER.match(a) or _PLACEHOLDER.match(b):
        return "placeholder"
    if after in _UNIT_END and len(a) <= 8 and len(b) <= 8 and not any(ch.isdigit() for ch in a + b):
        return "unit"
    return None


def extract_into(facts: Facts) -> None:
    # Word's PAGEREF field codes survive in some HTML and PDF copies of a contents page
    paragraphs = [unfield_paragraph(p) for p in facts.document.paragraphs]
    blocks = facts.document.blocks
    tabled = frozenset(b.index for b, after in zip(blocks, blocks[1:], strict=False)
                       if isinstance(b, Paragraph) and isinstance(after, Table))
    contents = contents_of(paragraphs, tabled)
    facts.extra[KEY] = contents
    # imported here: listed_tables reads this module's contents and keys
    from auditlint.extract.listed_tables import missing_tables

    found: list[Mismatch | MissingTable] = [*mismatches(paragraphs, contents)]
    if contents.entries:
        found += missing_tables(blocks, contents)
    facts.extra[MISMATCHES] = found
