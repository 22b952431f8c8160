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

from auditlint.model import Location, Paragraph

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

KEY = "toc"

_MARKER = re.compile(r"^(目录|目次)$")
# "三、部门预算编制说明………………3", "1. 总表 ...... 5"
_LEADER = re.compile(r"(?:[.…·．。_\-—]{3,}|…{1,})\s*\d{1,3}\s*$")
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


def contents_of(paragraphs: list[Paragraph]) -> Contents:
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


def extract_into(facts: Facts) -> None:
    facts.extra[KEY] = contents_of(facts.document.paragraphs)
