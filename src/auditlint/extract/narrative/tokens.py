"""The numbers of a paragraph as the narrative reads them (:class:`Token`): each
amount or percentage with its sentence, the words that name it and the role those
words give it (a figure, a change, a share, or nothing)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from auditlint.extract.narrative.model import Figure
from auditlint.extract.narrative.names import clean_subject, names_something
from auditlint.extract.narrative.vocabulary import patterns, vocabulary
from auditlint.extract.passages import Passage, Sentence, sentences
from auditlint.extract.text import NAMING, SENTENCE, clause_start
from auditlint.model import Paragraph
from auditlint.numbers import MONEY_UNITS, Quantity, find_quantities, normalize


@dataclass
class Token:
    """A number in a paragraph, with what the words before it make of it."""

    q: Quantity
    start: int
    end: int  # after the unit
    sentence: int  # index into the paragraph's sentences
    clause_start: int  # where the words that name it begin
    role: str = "figure"  # "figure" | "change" | "share" | "none"
    subject: str = ""
    approximate: bool = False
    match: re.Match[str] | None = None
    figure: Figure | None = None
    in_part_list: bool = False


_MASK = "\u2063"  # stands for a thousands separator while a paragraph is read


def scan_text(text: str) -> str:
    """The paragraph's text as its clauses are read: normalised, with the separators
    inside numbers ("12,600.00万元", "1,452件") masked, so that a thousands separator
    never ends a clause or a list. Offsets are those of the text as printed."""
    out = list(normalize(text))
    for m in find_quantities(text):
        for i in range(m.start, m.end):
            if out[i] == ",":
                out[i] = _MASK
    return "".join(out)


def paragraph_sentences(par: Paragraph) -> list[Sentence]:
    """A paragraph's sentences as the narrative reads them: a "；" ends none (a total
    and its parts run past it)."""
    return sentences(Passage.of(par), SENTENCE)


def has_tokens(text: str) -> bool:
    """Does the text print an amount or a percentage, the numbers ``read_tokens`` reads?"""
    return any(_is_token(m.quantity) for m in find_quantities(text))


def _is_token(q: Quantity) -> bool:
    return q.unit in MONEY_UNITS or q.unit == "%"


def read_tokens(par: Paragraph, text: str, sentences: list[Sentence]) -> list[Token]:
    """The paragraph's amounts and percentages, each with the role and the subject
    the words of its own clause give it. ``text`` is the paragraph's ``scan_text``."""
    out: list[Token] = []
    prev_end = 0  # the end of the previous amount or percentage
    # the sentences are in order and do not overlap: the one holding a number is the
    # last starting at or before it, if the number is before its end
    starts = [s.start for s in sentences]
    for m in find_quantities(par.text):
        q = m.quantity
        if not _is_token(q):
            continue
        after_number = prev_end
        prev_end = m.end
        k = bisect_right(starts, m.start) - 1
        s_idx = k if k >= 0 and m.start < sentences[k].end else len(sentences) - 1
        cs = clause_start(text, m.start, sentences[s_idx].start, NAMING)
        tok = Token(q, m.start, m.end, s_idx, cs, approximate=hedged(text, m.start, m.end, q))
        if glued(text, m.start):
            tok.role = "none"
        else:
            # "由8.8%降低至7.8%", "88.74%和76.88%": the second number of a pair has no name of its own
            _read_words(tok, par.text[cs : m.start], text[cs : m.start], second=after_number > cs)
        out.append(tok)
    return out


def _read_words(tok: Token, words: str, scan: str, second: bool) -> None:
    """The role and subject the words before a number give it: ``words`` as printed,
    ``scan`` the same with thousands separators masked (for the patterns)."""
    v = vocabulary()
    p = patterns()
    if (cm := p["change"].search(scan)) is not None:
        tok.role, tok.match = "change", cm
        tok.subject = clean_subject(words[: cm.start()])
        if p["distributive"].search(scan[: cm.start()]) or any(w in cm.group("ref") for w in v.distributive):
            tok.role = "none"  # "A、B比上年分别增加x、y": not a change of the name before it
    elif p["compared"].search(scan):
        tok.role = "none"
    elif tok.q.unit == "%" and (sm := p["share"].search(scan)) is not None:
        tok.role, tok.match = "share", sm
    else:
        tok.subject = clean_subject(words)
        if second or not names_something(tok.subject):
            tok.role = "none"


def glued(text: str, start: int) -> bool:
    """A number glued to a preceding digit, letter or dot is part of a code or a range
    ("12393热线", "A1-2"), not a quantity of its own."""
    return start > 0 and text[start - 1].isascii() and (text[start - 1].isalnum() or text[start - 1] in ".-~")


def hedged(text: str, start: int, end: int, q: Quantity) -> bool:
    """An approximate or compared number: "超35.8亿元", "近30亿元", "700余家", "不低于20次"."""
    v = vocabulary()
    before = text[max(0, start - 3) : start]
    after = text[end : end + 2]
    # str.endswith / startswith with a tuple: any of its words
    return (before.endswith(v.approx_before) or after.startswith(v.approx_after)
            or q.comparator not in (None, "="))


def run_after(text: str, toks: list[Token], k: int) -> list[Token]:
    """The numbers printed right after ``toks[k]`` as a list ("58.33%、25.00%、16.67%",
    "715.69万元和1067.07万元"), in its sentence and of its kind (percentages or money)."""
    out: list[Token] = []
    last = toks[k]
    for t in toks[k + 1 :]:
        if t.sentence != last.sentence or (t.q.unit == "%") != (last.q.unit == "%") or not gap(text, last.end, t.start, "、，,和及与"):
            break
        out.append(t)
        last = t
    return out


def gap(text: str, a: int, b: int, allowed: str) -> bool:
    """Only ``allowed`` characters (and spaces) between offsets a and b."""
    return all(ch in allowed or ch.isspace() for ch in text[a:b])
