"""Splitting running text into sentences and clauses: the one place that decides
where a sentence, a clause or a list item ends. Pure string work; where a sentence
is printed (its paragraph or cell, its location) is ``extract/passages.py``'s.

Readings differ in what closes a sentence, on purpose, and each caller names the set
it means (no module splits text by hand):

- ``SENTENCE`` (。！？): the narrative reader's sentence. A total and its parts may run
  past a "；" ("支出100万元；其中基本支出60万元") and a paragraph joined from several
  source lines is still one sentence.
- ``LINE`` (… or a line end): a count's sentence (``extract/counts.py``): a count is
  read with the words of its line only.
- ``STATEMENT`` (… or "；"): one claim each. Score claims (``score_statements``) and the
  checks that read passages sentence by sentence (units, periods) stop at a semicolon:
  "自评得分95分；2023年得分90分" are two claims.
- ``STOP`` (。 or "；" only, not ！？ nor a line end): where the name before a 分值 pair
  begins, and where the clause after a 其中 list's "；" ends.

Clauses, inside a sentence:

- ``CLAUSE`` (，、：): the clauses of a sentence; a score claim's subject is its last.
- ``NAMING`` (a clause or statement mark): what ends the words that name a number.
- ``COUNT_NAMING`` (… or a bracket): a count's name stops at a bracket too ("（含…）").
- ``NAME_LIST`` (，：, a stop, a line end or a bracket, not "、"): what opens the names
  of "A、B分别为x、y", which "、" joins.
- ``LIST_ITEM`` (，、 or a stop): what ends one item of a 其中 list;
  ``BRACKET_ITEM`` (，、；): what separates the items inside a bracket.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

SENTENCE = "。！!？?"  # a full stop, exclamation or question mark
LINE = SENTENCE + "\n"  # … or the end of a line
STATEMENT = LINE + "；;"  # … or a semicolon: one claim each
STOP = "。；;"  # a full stop or a semicolon, nothing else
CLAUSE = "，,、：:"  # what separates the clauses of a sentence
NAMING = CLAUSE + STATEMENT  # what ends the words naming a number
BRACKETS = "（()）"
COUNT_NAMING = NAMING + BRACKETS
NAME_LIST = "，,：:" + STOP + "\n" + BRACKETS
LIST_ITEM = "，,、" + STOP
BRACKET_ITEM = "，,；;、"

# a four-digit year of this or the last century (2024, 1998); group 1 is the year
YEAR = r"((?:19|20)\d{2})"
YEAR_RE = re.compile(r"(?<!\d)" + YEAR + r"(?!\d)")


def after_last(text: str, pos: int, marks: str, floor: int = 0) -> int:
    """Where the text after the last of ``marks`` before offset ``pos`` starts; no
    earlier than ``floor``."""
    # searched from ``floor`` on, not from the start: a mark before it cannot count, and
    # a long paragraph was searched whole for every number in it
    lo = floor if floor > 0 else 0
    return max(floor, max(text.rfind(ch, lo, pos) for ch in marks) + 1)


def next_mark(text: str, pos: int, marks: str) -> int:
    """The offset of the first of ``marks`` at or after ``pos``; the text's length
    when there is none."""
    found = [i for i in (text.find(ch, pos) for ch in marks) if i >= 0]
    return min(found) if found else len(text)


def sentence_start(text: str, pos: int, ends: str = SENTENCE) -> int:
    """Where the sentence holding offset ``pos`` starts."""
    return after_last(text, pos, ends)


def sentence_end(text: str, pos: int, ends: str = SENTENCE) -> int:
    """Where the sentence holding offset ``pos`` ends (after its closing mark)."""
    end = next_mark(text, pos, ends)
    return end + 1 if end < len(text) else end


def sentence_bounds(text: str, pos: int, ends: str = SENTENCE) -> tuple[int, int]:
    """(start, end) of the sentence holding offset ``pos``."""
    return sentence_start(text, pos, ends), sentence_end(text, pos, ends)


def sentence_spans(text: str, ends: str = STATEMENT) -> list[tuple[int, int]]:
    """(start, end) of every sentence, its closing mark included; a trailing
    sentence without one runs to the end of the text."""
    return list(_spans(text, ends))


# every paragraph is split into sentences by many extractors and checks
@lru_cache(maxsize=1 << 14)
def _spans(text: str, ends: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    # the closing marks found by the regex engine: a Python loop over every character
    # of a long report's paragraphs was the narrative reader's largest single cost
    for m in _marks(ends).finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return tuple(out)


@lru_cache(maxsize=64)
def _marks(chars: str) -> re.Pattern[str]:
    """Any one of ``chars`` (a pattern that matches nothing when there are none)."""
    return re.compile("[" + "".join(map(re.escape, chars)) + "]" if chars else "(?!)")


def clauses(text: str, marks: str = CLAUSE) -> Iterator[tuple[int, str]]:
    """The clauses of a sentence with their offsets, split at ``marks``."""
    start = 0
    for i, ch in enumerate(text):
        if ch in marks:
            yield start, text[start:i]
            start = i + 1
    yield start, text[start:]


def last_clause(text: str, marks: str = CLAUSE) -> str:
    """The text after the last of ``marks``: the clause a text ends with."""
    return text[after_last(text, len(text), marks):]


def clause_start(text: str, pos: int, floor: int = 0, marks: str = NAMING) -> int:
    """Where the clause holding offset ``pos`` begins, reading back to ``floor``: after
    the last of ``marks``, stepping over a closed bracket ("人员经费（含社保）60万元"),
    or inside a bracket left open ("（基本支出60万元")."""
    depth = 0
    for i in range(pos - 1, floor - 1, -1):
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif ch in marks and depth == 0:
            return i + 1
    return floor


def clause_end(text: str, pos: int, marks: str = LIST_ITEM) -> int:
    """The offset of the mark that ends the clause starting at ``pos``, stepping over
    bracketed asides ("人员经费60万元（其中工资40万元，社保20万元），…"); a closing bracket
    with no opening one in the clause ends it too."""
    depth = 0
    for i in range(pos, len(text)):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and ch in marks:
            return i
    return len(text)
