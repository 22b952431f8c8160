"""Running text of a report, wherever it is printed: paragraphs, and table cells that
hold sentences (a 完成情况 column often repeats the narrative). Helpers for checks
and extractors that read sentences; not an extractor itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from auditlint.model import Document, Location, Paragraph, Table
from auditlint.numbers import parse_quantity


@dataclass(frozen=True)
class Passage:
    """One paragraph or one text cell."""

    text: str
    location_at: Callable[[int], Location]  # offset in ``text`` -> Location
    in_table: bool


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the passage
    passage: Passage

    def location_at(self, offset: int) -> Location:
        """Location of the character at ``offset`` in this sentence."""
        return self.passage.location_at(self.start + offset)


_MIN_CELL_TEXT = 12  # shorter cells are labels and values, not sentences


def passages(doc: Document) -> Iterator[Passage]:
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                yield Passage(block.text, block.location_at, False)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    t = cell.text
                    if len(t.strip()) < _MIN_CELL_TEXT or parse_quantity(t) is not None:
                        continue
                    loc = cell.location
                    yield Passage(t, lambda _offset, _loc=loc: _loc, True)


_END = re.compile(r"[。；;！？!?\n]")


def sentences(passage: Passage) -> Iterator[Sentence]:
    """The sentences of a passage, split at 。；！？ and line ends, with their offsets."""
    text = passage.text
    start = 0
    for m in _END.finditer(text):
        if text[start : m.start()].strip():
            yield Sentence(text[start : m.end()], start, passage)
        start = m.end()
    if text[start:].strip():
        yield Sentence(text[start:], start, passage)


def clauses(text: str) -> Iterator[tuple[int, str]]:
    """The comma-separated clauses of a sentence, with their offsets."""
    start = 0
    for m in re.finditer(r"[，,、：:]", text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]
