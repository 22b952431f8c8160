"""Splitting running text into sentences and clauses: the one place that decides
where a sentence ends.

Readings differ in what closes a sentence, on purpose: a narrative total and its
parts may run past a "；" (``SENTENCE``), while a score claim or a count stops at it
(``STATEMENT``), and prose read line by line stops at a line end (``LINE``). Each
caller names the set it means; no module splits text by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SENTENCE = "。！!？?"  # a full stop, exclamation or question mark
LINE = SENTENCE + "\n"  # … or the end of a line
STATEMENT = LINE + "；;"  # … or a semicolon: one claim each
CLAUSE = "，,、：:"  # what separates the clauses of a sentence

# a four-digit year of this or the last century (2024, 1998); group 1 is the year
YEAR = r"((?:19|20)\d{2})"
YEAR_RE = re.compile(r"(?<!\d)" + YEAR + r"(?!\d)")


def sentence_start(text: str, pos: int, ends: str = SENTENCE) -> int:
    """Where the sentence holding offset ``pos`` starts."""
    return max(text.rfind(ch, 0, pos) for ch in ends) + 1


def sentence_end(text: str, pos: int, ends: str = SENTENCE) -> int:
    """Where the sentence holding offset ``pos`` ends (after its closing mark)."""
    found = [i for i in (text.find(ch, pos) for ch in ends) if i >= 0]
    return min(found) + 1 if found else len(text)


def sentence_bounds(text: str, pos: int, ends: str = SENTENCE) -> tuple[int, int]:
    """(start, end) of the sentence holding offset ``pos``."""
    return sentence_start(text, pos, ends), sentence_end(text, pos, ends)


def sentence_spans(text: str, ends: str = STATEMENT) -> list[tuple[int, int]]:
    """(start, end) of every sentence, its closing mark included; a trailing
    sentence without one runs to the end of the text."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ends:
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def clauses(text: str, marks: str = CLAUSE) -> Iterator[tuple[int, str]]:
    """The clauses of a sentence with their offsets, split at ``marks``."""
    start = 0
    for i, ch in enumerate(text):
        if ch in marks:
            yield start, text[start:i]
            start = i + 1
    yield start, text[start:]
