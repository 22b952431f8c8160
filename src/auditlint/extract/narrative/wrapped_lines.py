"""Sentences a PDF's text layer broke over lines, put back together.

A PDF reader gives one paragraph per printed line, so a sentence wrapped by the page
width is cut wherever the line ends: "……财政拨款收入支出总计" on one line and
"2961.68万元。" on the next, or even a word cut in two ("收入支出总" | "计307.82万元").
Some PDFs also print every figure in another font on a baseline of its own, and their
text layer puts a line's figures on a line of their own after the words, leaving a
blank where each stood ("……年度收入支出总计 万元。与 年度相比" | "2024 2995.39 2023").

``joined_paragraphs`` returns the paragraphs with both repaired, conservatively:
- a line is joined to the next only when it ends mid-sentence (no 。！？；： at its end),
  is about as wide as the next (a shorter one is a heading or a paragraph's last line) and the
  next line does not open a heading or a numbered item;
- a line of figures only is slotted back into the line before it only when that line
  has exactly as many blanks between its words as there are figures; otherwise it is
  left as it is (which blank a figure fills cannot be told).

Each joined paragraph keeps the index of its first line and maps every offset back to
where it is printed (``Paragraph.line_breaks`` / ``line_locations``). Only PDFs are
joined: other readers already give whole paragraphs. The narrative is read from these
(``narrative_paragraphs``): whoever looks a statement's offsets up in its paragraph's
text takes the text from ``paragraph_texts``, not from the document's lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditlint.model import Document, Location, Paragraph

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

_SENTENCE_END = "。！？；：!?;:"
# a line that opens a heading or a numbered item: never the rest of a sentence
_HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+(?:部分|章|节)|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[、.．](?!\d)|注[：:])"
)
_FIGURE = r"-?\d[\d,]*(?:\.\d+)?%?"
_FIGURES_ONLY = re.compile(rf"^\s*{_FIGURE}(?:\s+{_FIGURE})*\s*$")
_FIGURE_TOKEN = re.compile(_FIGURE)
# a blank between two words where a figure stood: spaces with no digit on either side
_BLANK = re.compile(r"(?<=[^\s\d.,%])\s+(?=[^\s\d.,%])")
MAX_LINES = 12  # a run longer than this is not one sentence
FULL_WIDTH = 0.7  # a line shorter than this share of the next one ends its paragraph


@dataclass
class _Run:
    """Text being built from pieces of printed lines: each piece's start and where it is printed."""

    text: str = ""
    starts: tuple[int, ...] = ()
    locations: tuple[Location, ...] = ()

    def add(self, piece: str, where: Location) -> None:
        if not piece:
            return
        self.starts = (*self.starts, len(self.text))
        self.locations = (*self.locations, where)
        self.text += piece


def _slotted(line: Paragraph, figures: Paragraph) -> _Run | None:
    """The line with the figures of the next line put back in its blanks, in order;
    None when the count of blanks is not the count of figures."""
    blanks = list(_BLANK.finditer(line.text))
    found = list(_FIGURE_TOKEN.finditer(figures.text))
    if not blanks or len(blanks) != len(found):
        return None
    run = _Run()
    pos = 0
    for blank, fig in zip(blanks, found, strict=True):
        run.add(line.text[pos : blank.start()], line.location_at(pos))
        run.add(fig.group(0), figures.location_at(fig.start()))
        pos = blank.end()
    run.add(line.text[pos:], line.location_at(pos))
    return run


def _as_run(par: Paragraph) -> _Run:
    run = _Run()
    starts = (0, *par.line_breaks)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(par.text)
        run.add(par.text[start:end], par.location_at(start))
    return run


def _width(text: str) -> int:
    """How wide a line prints: a Chinese character is two digits wide."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text.strip())


def _mid_sentence(text: str, following: str) -> bool:
    """Does the line end mid-sentence, running the page's width? A line much shorter
    than the one after it is a heading or a paragraph's last line."""
    t = text.strip()
    if _HEADING.match(t) and not re.search("[，,。；;]", t):
        return False  # a heading of its own ("四、财政拨款收入支出决算总体情况说明")
    return bool(t) and t[-1] not in _SENTENCE_END and _width(t) >= FULL_WIDTH * _width(following)


def _lines(doc: Document) -> Iterator[list[Paragraph]]:
    """Runs of paragraphs with nothing (no table) between them."""
    run: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                run.append(block)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _repaired(lines: list[Paragraph]) -> list[tuple[Paragraph, _Run]]:
    """Each line as a run, a line of figures only slotted into the line before it."""
    out: list[tuple[Paragraph, _Run]] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        slotted = _slotted(line, nxt) if nxt is not None and _FIGURES_ONLY.match(nxt.text) else None
        out.append((line, slotted or _as_run(line)))
        k += 2 if slotted is not None else 1
    return out


def _join(first: Paragraph, runs: list[_Run]) -> Paragraph:
    whole = _Run()
    for r in runs:
        for k, start in enumerate(r.starts):
            end = r.starts[k + 1] if k + 1 < len(r.starts) else len(r.text)
            whole.add(r.text[start:end].strip("\n"), r.locations[k])
    if len(whole.starts) <= 1 and whole.text == first.text:
        return first
    return Paragraph(first.index, whole.text, first.location, whole.starts[1:], whole.locations)


def joined_paragraphs(doc: Document) -> list[Paragraph]:
    """The document's paragraphs, a PDF's lines joined into the sentences they print."""
    if doc.format != "pdf":
        return [p for p in doc.paragraphs if p.text.strip()]
    out: list[Paragraph] = []
    for lines in _lines(doc):
        group: list[tuple[Paragraph, _Run]] = []
        for line, run in _repaired(lines):
            if group and (not _mid_sentence(group[-1][1].text, run.text) or _HEADING.match(run.text) or len(group) >= MAX_LINES):
                out.append(_join(group[0][0], [r for _, r in group]))
                group = []
            group.append((line, run))
        if group:
            out.append(_join(group[0][0], [r for _, r in group]))
    return out


def narrative_paragraphs(facts: Facts) -> list[Paragraph]:
    """The paragraphs the narrative is read from (``joined_paragraphs``), computed once:
    a statement's ``sentence.paragraph`` and offsets are in one of these."""
    got = facts.extra.get("narrative_paragraphs")
    if got is None:
        got = joined_paragraphs(facts.document)
        facts.extra["narrative_paragraphs"] = got
    return got


def paragraph_texts(facts: Facts) -> dict[int, str]:
    """Each narrative paragraph's text by its index, as statements' offsets count it."""
    return {p.index: p.text for p in narrative_paragraphs(facts)}
