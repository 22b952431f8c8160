"""The numbers of a paragraph as the narrative reads them (:class:`Token`): each
amount or percentage with its sentence, the words that name it and the role those
words give it (a figure, a change, a share, or nothing)."""

from __future__ import annotations

import re
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


def read_tokens(par: Paragraph, text: str, sentences: list[Sentence]) -> list[Token]:
    """The paragraph's amounts and percentages, each with the role and the subject
    the words of its own clause give it. ``text`` is the paragraph's ``scan_text``."""
    v = vocabulary()
    p = patterns()
    out: list[Token] = []
    prev_end = 0  # the end of the previous amount or percentage
    for m in find_quantities(par.text):
        q = m.quantity
        if q.unit not in MONEY_UNITS and q.unit != "%":
            continue
        after_number = prev_end
        prev_end = m.end
        s_idx = next((k for k, s in enumerate(sentences) if s.start <= m.start < s.end), len(sentences) - 1)
        sent = sentences[s_idx]
        cs = clause_start(text, m.start, sent.start, NAMING)
        words = par.text[cs : m.start]
        scan = text[cs : m.start]  # the same words for the patterns, thousands separators masked
        tok = Token(q, m.start, m.end, s_idx, cs)
        # "由8.8%降低至7.8%", "88.74%和76.88%": the second number of a pair has no name of its own
        second = after_number > cs
        before = text[max(0, m.start - 3) : m.start]
        after = text[m.end : m.end + 2]
        tok.approximate = (
            any(before.endswith(w) for w in v.approx_before)
            or any(after.startswith(w) for w in v.approx_after)
            or q.comparator not in (None, "=")
        )
        # a number glued to a preceding digit, letter or dot is part of a code or a range
        if m.start > 0 and (text[m.start - 1].isascii() and (text[m.start - 1].isalnum() or text[m.start - 1] in ".-~")):
            tok.role = "none"
        elif (cm := p["change"].search(scan)) is not None:
            tok.role, tok.match = "change", cm
            tok.subject = clean_subject(words[: cm.start()])
            if p["distributive"].search(scan[: cm.start()]) or any(w in cm.group("ref") for w in v.distributive):
                tok.role = "none"  # "A、B比上年分别增加x、y": not a change of the name before it
        elif p["compared"].search(scan):
            tok.role = "none"
        elif q.unit == "%" and (sm := p["share"].search(scan)) is not None:
            tok.role, tok.match = "share", sm
        else:
            tok.subject = clean_subject(words)
            if second or not names_something(tok.subject):
                tok.role = "none"
        out.append(tok)
    return out


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
