"""Running text of a report, wherever it is printed, and its sentences: paragraphs,
and table cells that hold sentences (a 完成情况 column often repeats the narrative).
Where a sentence ends is ``extract/text.py``'s to say; this module knows where each
sentence is printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from auditlint.extract.text import STATEMENT, sentence_spans
from auditlint.model import Document, Location, Paragraph, Table
from auditlint.numbers import parse_quantity


@dataclass(frozen=True)
class Passage:
    """One paragraph or one text cell."""

    text: str
    location_at: Callable[[int], Location]  # offset in ``text`` -> Location
    in_table: bool
    paragraph: int | None = None  # Paragraph.index; None for a table cell

    @classmethod
    def of(cls, par: Paragraph) -> Passage:
        return cls(par.text, par.location_at, False, par.index)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a passage. Two sentences are equal when they are the same text
    at the same place of the same paragraph."""

    text: str
    start: int  # offsets in the passage's text, the closing mark included
    end: int
    paragraph: int | None  # Paragraph.index; None in a table cell
    passage: Passage = field(compare=False, repr=False)

    @property
    def location(self) -> Location:
        """Where the sentence starts."""
        return self.passage.location_at(self.start)

    def location_at(self, offset: int) -> Location:
        """Location of the character at ``offset`` in this sentence."""
        return self.passage.location_at(self.start + offset)


_MIN_CELL_TEXT = 12  # shorter cells are labels and values, not sentences


def passages(doc: Document, holding: str = "") -> Iterator[Passage]:
    """The document's passages in order; with ``holding``, only those whose text holds
    it (tested first, before a cell is parsed: most cells of a table hold no 元)."""
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if holding in block.text and block.text.strip():
                yield Passage.of(block)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    t = cell.text
                    if holding not in t or len(t.strip()) < _MIN_CELL_TEXT or parse_quantity(t) is not None:
                        continue
                    loc = cell.location
                    yield Passage(t, lambda _offset, _loc=loc: _loc, True)


def sentences(passage: Passage, ends: str = STATEMENT) -> list[Sentence]:
    """The sentences of a passage that say something (more than spaces before their
    closing mark), split at ``ends`` (``extract/text.py``), with their offsets."""
    text = passage.text
    out: list[Sentence] = []
    for a, b in sentence_spans(text, ends):
        body = text[a:b]
        if body[-1] in ends:
            body = body[:-1]
        if body.strip():
            out.append(Sentence(text[a:b], a, b, passage.paragraph, passage))
    return out
