"""What each number of a paragraph is named, where its own clause does not say it all:
"A、B分别为x、y", a 决算 right after a 预算, an amount a budget was adjusted to; and
the :class:`Figure` each named number makes."""

from __future__ import annotations

import re
from itertools import takewhile
from typing import TYPE_CHECKING

from auditlint.extract.narrative.linking import link_rows
from auditlint.extract.narrative.model import Figure
from auditlint.extract.narrative.names import clean_subject, name_of, strip_back, without_neutral
from auditlint.extract.narrative.paired import distributed_names
from auditlint.extract.narrative.tokens import Token, gap, run_after
from auditlint.extract.narrative.vocabulary import patterns, vocabulary
from auditlint.extract.passages import Sentence
from auditlint.extract.text import NAME_LIST, after_last
from auditlint.model import Paragraph

if TYPE_CHECKING:
    from auditlint.extract.tables import CanonicalTable


def read_figures(par: Paragraph, text: str, sentences: list[Sentence], toks: list[Token],
                 tables: list[CanonicalTable]) -> None:
    """Name the numbers across clauses, then give every number read as a figure its
    :class:`Figure` (linked to the rows of ``tables`` its name matches)."""
    distribute(text, toks)
    carry_subjects(text, toks)
    adjusted_to(text, toks)
    for t in toks:
        if t.role == "figure":
            t.figure = figure_of(par, sentences, t, tables)


def names_before(text: str, pos: int, floor: int) -> list[str]:
    """The names listed before ``pos`` in its clause group: "其中基本支出、项目支出分别为" →
    基本支出, 项目支出."""
    listed = text[after_last(text, pos, NAME_LIST, floor) : pos]
    pieces = listed.split("、") if "、" in listed else re.split(r"[和及与]", listed)
    return [clean_subject(x) for x in pieces]


def distribute(text: str, toks: list[Token]) -> None:
    """"A、B分别为x、y" names x by A and y by B (``paired.distributed_names``); "A、B各50万元"
    and a count of names that is not the count of numbers name none of them."""
    p = patterns()
    for k, tok in enumerate(toks):
        if tok.role not in ("figure", "none"):
            continue
        m = p["distributive"].search(text[tok.clause_start : tok.start])
        if m is None:
            continue
        numbers = [tok, *takewhile(lambda t: t.role in ("figure", "none"), run_after(text, toks, k))]
        names = distributed_names(m.group("word"), names_before(text, tok.clause_start + m.start(), 0), len(numbers))
        for t, name in zip(numbers, names or [""] * len(numbers)):
            t.subject, t.role = (name, "figure") if names else ("", "none")


def carry_subjects(text: str, toks: list[Token]) -> None:
    """"“三公”经费预算13.50万元，决算11.50万元": a figure named only by what was spent, in
    the clause right after a budget figure, is the spending of what that budget is for
    (“三公”经费决算). Nothing else is carried: "收入…，支出…" may be two scopes."""
    v = vocabulary()
    for prev, tok in zip(toks, toks[1:]):
        if (tok.role != "figure" or prev.role != "figure" or prev.sentence != tok.sentence
                or not (tok.q.is_money and prev.q.is_money)
                or tok.subject not in v.actual_measures or text[tok.clause_start : tok.start].strip() != tok.subject
                or not gap(text, prev.end, tok.clause_start, "，,")):
            continue
        word = next((w for w in v.budget_measures if prev.subject.endswith(w)), None)
        stem = strip_back(prev.subject[: len(prev.subject) - len(word)], v.total_words) if word else ""
        if re.search(r"[\u4e00-\u9fff]", without_neutral(name_of(stem))):
            tok.subject = stem + tok.subject  # a stem that names something, not only 本部门 or 全年


def adjusted_to(text: str, toks: list[Token]) -> None:
    """"年初预算15,950.00万元，根据收入超收情况调整为17,040.82万元": an amount that a
    budget was adjusted to (调整为, 调增至, 追加至 …), right after that budget in its
    sentence, is the adjusted budget of the same thing ("…调整后预算"), whatever the
    words between say of why."""
    v = vocabulary()
    for k, tok in enumerate(toks):
        if tok.role != "figure" or not tok.q.is_money or not text[tok.clause_start : tok.start].strip().endswith(v.adjusted_to):
            continue
        if any(w in tok.subject for w in ("预算", "预算数")):
            continue  # "预算调整为…" names itself
        prev = next((t for t in reversed(toks[:k]) if t.q.is_money), None)
        if prev is None or prev.role != "figure" or prev.sentence != tok.sentence:
            continue
        word = next((w for w in v.budget_measures if prev.subject.endswith(w)), None)
        if word is None:
            continue
        tok.subject = prev.subject[: len(prev.subject) - len(word)] + "调整后预算"


def figure_of(par: Paragraph, sentences: list[Sentence], tok: Token, tables: list[CanonicalTable]) -> Figure:
    name = name_of(tok.subject)
    return Figure(
        subject=tok.subject,
        name=name,
        quantity=tok.q,
        sentence=sentences[tok.sentence],
        start=tok.start,
        end=tok.end,
        location=par.location_at(tok.start),
        approximate=tok.approximate,
        rows=link_rows(tables, name) if tables and tok.q.is_money else (),
    )
