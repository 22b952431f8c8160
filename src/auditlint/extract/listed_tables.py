"""Tables a report's contents lists but its body does not print.

A 部门决算 or 部门预算 lists its tables in the contents ("三、支出决算表") and prints
each one under a title line of its own ("支出决算表", "2026年部门收入预算总表"). The two
printings never match literally: the contents adds a serial and leader dots, a PDF's
text layer moves the year or the quotes of “三公” to a line of their own. Titles are
compared after ``title_key`` removes those.

A listed table is missing only when the matching is sure of everything else: every
other table the contents lists is found exactly once, in the contents' order, and
between the titles of its neighbours there is no table it could be (an untitled table
there may be the one listed, printed without its title). One entry missing at a time:
with two, the matching itself is in doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.model import Block, Paragraph, Table

from .toc import Contents, TocEntry, entry_key

# the serial that opens an entry: 第二部分, 一、, （一）, 1. / 1．/ 1、
_SERIALS = (
    ("part", re.compile(r"^第[一二三四五六七八九十\d]{1,3}(?:部分|章|节)")),
    ("cn", re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]")),
    ("paren", re.compile(r"^[（(][一二三四五六七八九十\d]{1,3}[)）]")),
    ("digit", re.compile(r"^\d{1,2}[、．.]")),
)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MIN_LISTED = 3  # fewer tables listed: too little order to be sure of


@dataclass(frozen=True)
class MissingTable:
    """A table the contents lists with no title in the body where its neighbours put it."""

    entry: TocEntry
    before: str  # the title printed before where it belongs ("" at the start)
    after: str  # the title printed after it ("" at the end)
    matched: int  # how many other listed tables were found, in order


def _serial(text: str) -> tuple[str, str]:
    """The kind of serial that opens ``text`` ("" for none) and the text after it."""
    for kind, pattern in _SERIALS:
        m = pattern.match(text)
        if m is not None:
            return kind, text[m.end():]
    return "", text


def title_key(text: str) -> str:
    """What a contents entry and a body title of one table share: no serial, no spacing
    or quotes, no year (a PDF may set it on a line of its own), ASCII brackets."""
    key = entry_key(text.strip())
    key = _serial(key)[1]
    key = _YEAR.sub("", key)
    return key.replace("（", "(").replace("）", ")")


def listed_tables(entries: list[TocEntry]) -> list[TocEntry]:
    """The entries that name one table: a title ending in 表 that heads no further
    entries (第二部分…部门决算表 and 五、单位预算表 are parts whose entries are the tables)."""
    out: list[TocEntry] = []
    for i, e in enumerate(entries):
        kind, rest = _serial(e.key)
        if kind == "part" or not rest.endswith("表"):
            continue
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        if nxt is not None and _serial(nxt.key)[0] != kind and nxt.key.endswith("表"):
            continue  # a heading over the tables listed under it
        out.append(e)
    return out


def missing_tables(blocks: list[Block], contents: Contents) -> list[MissingTable]:
    listed = listed_tables(contents.entries)
    keys = [title_key(e.text) for e in listed]
    if len(listed) < _MIN_LISTED or len(set(keys)) != len(keys):
        return []
    last = max(contents.paragraphs)
    places = _places(blocks, keys, last)
    if places is None:
        return []
    absent = [i for i, p in enumerate(places) if p is None]
    at = [p for p in places if p is not None]
    # one entry unmatched, the others in the contents' order: else the matching is in doubt
    if len(absent) != 1 or at != sorted(at):
        return []
    i = absent[0]
    start = at[i - 1] if i > 0 else _position_after(blocks, last)
    end = at[i] if i < len(at) else len(blocks)
    # from the previous title on, its own table is the one expected; any other could be this one
    if sum(isinstance(b, Table) for b in blocks[start:end]) > (1 if i > 0 else 0):
        return []
    before = listed[i - 1].text if i > 0 else ""
    after = listed[i + 1].text if i + 1 < len(listed) else ""
    return [MissingTable(listed[i], before, after, len(listed) - 1)]


def _places(blocks: list[Block], keys: list[str], last: int) -> list[int | None] | None:
    """Where in ``blocks`` each key's title is printed after the contents (paragraph
    ``last`` ends it); None when a title is printed twice (which one is the table's is a guess)."""
    found: dict[str, list[int]] = {k: [] for k in keys}
    for pos, b in enumerate(blocks):
        if isinstance(b, Paragraph) and b.index > last:
            k = title_key(b.text)
            if k in found:
                found[k].append(pos)
    if any(len(p) > 1 for p in found.values()):
        return None
    return [found[k][0] if found[k] else None for k in keys]


def _position_after(blocks: list[Block], paragraph: int) -> int:
    """The position in ``blocks`` just after paragraph number ``paragraph``."""
    for pos, b in enumerate(blocks):
        if isinstance(b, Paragraph) and b.index == paragraph:
            return pos + 1
    return 0
