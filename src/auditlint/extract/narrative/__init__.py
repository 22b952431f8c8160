"""Narrative statements: the numbers in the report's sentences and what they say of
each other, in ``facts.statements``.

Every statement has ``kind``, the ``sentence`` it is in (a :class:`Sentence`: its
text, paragraph, offsets and location), ``start``/``end`` offsets in the paragraph's
text of the number it is about, that number's ``location``, and ``rows``: the table
rows it talks about when the names match (:class:`RowRef`, positions in
``facts.tables``). The kinds:

- :class:`Figure` (``"figure"``): one number with a money unit or % and the words
  that say what it measures: "本年支出1782.77万元" → subject 本年支出, name 支出,
  quantity 1782.77 万元. Every such number in the narrative is a Figure, whatever
  else it also takes part in, so later checks can find "年末结转结余51.43万元" or
  "基本支出709.66万元" by name. ``approximate`` marks "超35.8亿元", "近30亿元".
- :class:`TotalWithParts` (``"total_with_parts"``): a total and its full decomposition,
  from brackets ("支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）") or from
  naming (a total followed, in the same paragraph, by exactly two figures whose names
  are complementary qualifications of it: 结转结余 → 财政拨款结转结余 + 非财政拨款结转结余,
  支出 → 基本支出 + 项目支出), or a list of named amounts joined by "、" that opens its
  sentence and is closed by its 合计 ("分别为：A126.50万元、B85.00万元，合计211.50万元").
  ``complete`` is True.
- :class:`OfWhich` (``"of_which"``): a figure and the 其中 list after it ("基本支出715.69万元，
  其中工资福利支出677.57万元、…"). ``complete`` only when the parts are a complementary
  pair; otherwise the list may name some parts only.
- :class:`Share` (``"share"``): "占总支出的40.15%": the percentage, the base's name, the
  figure it is a share of (``part``) and the figure of the base when the paragraph has it.
  After a list of two or more parts that carry no share of their own ("A…、B…，占…的82.60%")
  the share is of the list, or perhaps of its last item: ``part`` is None and ``listed``
  holds the parts. "分别占…的a、b、c" pairs the percentages with the listed parts in order,
  and gives none a part when the counts differ.
- :class:`Change` (``"change"``): "比上年增加0.43万元": direction, amount (money, or % for a
  relative change), what it is compared with, the current figure it follows and a prior
  figure when the sentence states one. A comparison that names its measure ("比上年执行数
  5,765.41万元增加…") is of the sentence's figure with that name; a percentage named only
  by a direction word right after a change ("…增加849.67万元，增长14.74%") is the same
  comparison in relative terms; a count compared with a named year's count the sentence
  gives ("投诉1,286件，比2023年的1,452件下降11.43%") is a relative change of that count.
  A comparison on an adjusted basis, after 剔除/扣除/不含/不考虑/除去 an item or "除…外" in its
  sentence or with one in a bracket right after it ("剔除购置费后，“三公”经费比上年减少…"),
  is not the figure's plain change and is not read.
- :class:`Rate` (``"rate"``): a rate the sentence states with its own figures ("实际支出S万元，
  预算执行率R%"): the rate figure, the nearest numerator figure and the candidate
  denominators (vocabulary in ``vocab/narrative.yaml``).

A PDF gives one paragraph per printed line: its lines are joined where the page width
broke a sentence, and figures its text layer set on a line of their own are put back in
their blanks (``wrapped_lines``); offsets are then in the joined text
(``paragraph_texts``). Statements come in document order (``statements_of(facts, Figure, Change)`` picks
kinds); only paragraphs are read, not sentences inside table cells. Only money
Figures are linked to rows.

Reading stays conservative: a number whose meaning is unclear (no name, a count, a
date, an approximate figure) takes part in no sum, a 其中 list that may be about
another figure than the one before it is not read, and a sentence that does not fit
these shapes yields only its Figures. Some sentences are read as their writers mean
them rather than by position: "A、B分别为x、y" names x by A and y by B (and names
nothing when the counts differ; "A、B各x" names nothing); a bracket or 其中 list whose
items are adjustments (调增, 追加, 核减 …) or last year's explains a change and is no
decomposition; "X预算A，决算B" makes B X's 决算; "年初预算A，…调整为B" makes B the 调整后预算; a change
or a rate right after two amounts it could be of (the last item of a list, two parallel
实际支出) is nobody's. A thousands separator inside a number ("12,600.00万元") ends no
clause and no list.

A paragraph is read in passes, one module each: ``tokens`` (its numbers and the words
of their own clauses; sentences end at 。！？, see ``extract/text.py``), ``figures``
(names carried across clauses, the Figures), ``breakdowns`` (totals and parts),
``shares``, ``changes``, ``rates``; ``names`` cleans and matches names, ``linking``
finds the table rows a name talks about, ``model`` holds the statement kinds and
``vocabulary`` the words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditlint.extract.narrative.breakdowns import brackets, listed_total, naming, of_which
from auditlint.extract.narrative.changes import changes
from auditlint.extract.narrative.figures import read_figures
from auditlint.extract.narrative.linking import link_rows
from auditlint.extract.narrative.model import (
    Change,
    Figure,
    OfWhich,
    Rate,
    RowRef,
    Share,
    Statement,
    TotalWithParts,
    statements_of,
)
from auditlint.extract.narrative.names import clean_subject, match_key, name_of, other_side, total_core
from auditlint.extract.narrative.rates import rates
from auditlint.extract.narrative.shares import shares
from auditlint.extract.narrative.tokens import has_tokens, paragraph_sentences, read_tokens, scan_text
from auditlint.extract.narrative.vocabulary import RateDef, Vocabulary, vocabulary
from auditlint.extract.narrative.wrapped_lines import narrative_paragraphs, paragraph_texts
from auditlint.extract.passages import Sentence
from auditlint.model import Paragraph

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts
    from auditlint.extract.tables import CanonicalTable


def read_paragraph(par: Paragraph, tables: list[CanonicalTable] | None = None) -> list[Statement]:
    """Every statement of one paragraph, in the order of their numbers, linked to
    the rows of ``tables`` whose labels match."""
    tables = tables or []
    # every statement is read from the paragraph's amounts and percentages: most
    # paragraphs (headings, prose) print none, and their sentences need not be split
    if not has_tokens(par.text):
        return []
    sentences = paragraph_sentences(par)
    if not sentences:
        return []
    text = scan_text(par.text)
    toks = read_tokens(par, text, sentences)
    read_figures(par, text, sentences, toks, tables)
    breakdowns = brackets(text, toks)
    breakdowns += listed_total(text, toks)
    breakdowns += of_which(text, toks)
    breakdowns += naming(toks)
    out: list[Statement] = [t.figure for t in toks if t.figure is not None]
    out += breakdowns
    out += shares(par, text, sentences, toks, breakdowns)
    out += changes(par, text, sentences, toks, breakdowns, tables)
    out += rates(toks, breakdowns)
    return sorted(out, key=lambda s: (s.start, _KIND_ORDER[s.kind]))


_KIND_ORDER = {"figure": 0, "total_with_parts": 1, "of_which": 2, "share": 3, "change": 4, "rate": 5}


def extract_into(facts: Facts) -> None:
    # a PDF's lines joined where the page width broke a sentence (``wrapped_lines``)
    for block in narrative_paragraphs(facts):
        try:
            statements = read_paragraph(block, facts.tables)
        except (ArithmeticError, ValueError, IndexError):  # an odd sentence says nothing, never crashes the run
            continue
        facts.statements.extend(statements)


__all__ = [
    "Change",
    "Figure",
    "OfWhich",
    "Rate",
    "RateDef",
    "RowRef",
    "Sentence",
    "Share",
    "Statement",
    "TotalWithParts",
    "Vocabulary",
    "clean_subject",
    "extract_into",
    "link_rows",
    "match_key",
    "name_of",
    "narrative_paragraphs",
    "other_side",
    "paragraph_texts",
    "read_paragraph",
    "statements_of",
    "total_core",
    "vocabulary",
]
