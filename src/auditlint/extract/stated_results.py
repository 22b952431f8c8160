"""An indicator's result as the report's text states it, for a scoring table that prints
no 完成情况 column: "预算执行率97.57%" (a figure with a unit right after the indicator's
name), or "居民满意度调查有效样本1,040份，满意度88.7%" (after the tail of its name in a
sentence naming it in full). Sentences end where ``extract/text.py`` says (``STATEMENT``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from auditlint.extract.facts import Facts
from auditlint.extract.scoring import Indicator, squash
from auditlint.extract.tables import split_serial
from auditlint.extract.text import STATEMENT, sentence_spans
from auditlint.model import Location, Paragraph
from auditlint.numbers import Quantity, find_quantities, normalize

_CONNECT = re.compile(r"\s*(?:为|是|达|：|:)?\s*")
_NOT_RESULT = ("目标", "计划", "预期", "年初", "上年", "去年", "上一年", "同期", "标准")  # a figure after these is not the year's result
_CLAUSE_START = "，,；;。、（(：: \t"


def stated_in_text(facts: Facts, ind: Indicator) -> tuple[str, Location] | None:
    """The indicator's result as the report's text states it, for a scoring table that prints
    no 完成情况 column: a figure with a unit printed right after the indicator's name
    ("预算执行率97.57%"), or after the tail of its name in a sentence that names it in full
    ("居民满意度调查有效样本1,040份，满意度88.7%"). Figures of a target, a plan or an earlier
    year are not results, nor is a figure in a sentence that prints another in its unit (a
    second basis: "按剔除…后的口径计算为2.24%"). None unless the text states exactly one
    result for the indicator."""
    name = squash(split_serial(normalize(ind.name))[1])
    if len(name) < 4:
        return None  # 执行率, 满意度: too generic to find in the text
    tails = [name[i:] for i in range(1, len(name) - 2)]
    found: dict[tuple[Decimal | None, str | None], tuple[str, Location]] = {}
    for block, text in _paragraph_texts(facts):
        if name not in text:
            continue  # no sentence of it holds the name: a sentence is a slice of the text
        for start, end in sentence_spans(text, STATEMENT):
            piece = text[start:end]
            first = piece.find(name)
            if first >= 0:
                for at, word in _name_places(piece, name, tails, first):
                    got = _figure_after(piece, at + len(word))
                    if got is not None and _only_figure_in_its_unit(piece, got[0]):
                        q, shown = got
                        found.setdefault((q.value, q.unit), (shown, block.location_at(start + at)))
    return next(iter(found.values())) if len(found) == 1 else None


def _paragraph_texts(facts: Facts) -> list[tuple[Paragraph, str]]:
    """The report's paragraphs with their normalised text, once per report: each
    indicator whose name the text prints reads them all."""
    return facts.memo("stated_results.paragraph_texts", lambda: [
        (block, normalize(block.text)) for block in facts.document.blocks if isinstance(block, Paragraph)])


# What may stand before an indicator's full name and leave it the whole body's figure:
# "2023年预算执行率", "部门整体预算执行率"; "项目支出预算执行率" is one part's, not the indicator's.
_WHOLE_BODY = re.compile(r"(?:\d{4}年度?|本年度?|全年|年度|本?部门|本?单位|整体|总体|综合|的)*")


def _name_places(sentence: str, name: str, tails: list[str], first: int) -> Iterator[tuple[int, str]]:
    at = first
    while at >= 0:
        before = re.split(r"[，,；;。：:（(、\s]", sentence[:at])[-1]
        if _WHOLE_BODY.fullmatch(before):
            yield at, name
        at = sentence.find(name, at + len(name))
    for tail in tails:
        at = sentence.find(tail, first + len(name))
        while at >= 0:
            if sentence[at - 1] in _CLAUSE_START and not sentence.startswith(name, at - len(name) + len(tail)):
                yield at, tail
            at = sentence.find(tail, at + len(tail))


def _only_figure_in_its_unit(sentence: str, q: Quantity) -> bool:
    """A second figure in the same unit (another basis, a target, last year's) leaves the
    sentence's result in doubt."""
    return sum(1 for m in find_quantities(sentence) if m.quantity.unit == q.unit) == 1


def _figure_after(sentence: str, end: int) -> tuple[Quantity, str] | None:
    clause = re.split(r"[，,；;：:]", sentence[:end])[-1]
    if any(w in clause for w in _NOT_RESULT):
        return None
    gap = _CONNECT.match(sentence, end)
    at = gap.end() if gap else end
    m = next(iter(find_quantities(sentence[at : at + 24])), None)
    if m is None or m.start != 0 or m.quantity.unit in (None, "年", "月", "日", "号") or m.quantity.comparator:
        return None
    after = sentence[at + m.end : at + m.end + 4]
    if after.startswith(("的目标", "目标", "的预期", "的计划")):
        return None
    return m.quantity, sentence[at : at + m.end]
