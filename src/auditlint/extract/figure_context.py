"""What the rest of its sentence says of a narrative figure: the amount before it, the
years and counted things named before it, whether it is listed under a project's
multi-year amount.

Each question looks back along the sentence, and a sentence may be very long (a table
flattened into one line runs to hundreds of kilobytes), so the sentence is read once —
its figures, years and quantities indexed by offset — and each figure's question is a
look-up, never a fresh scan of the text before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from auditlint.extract.amount_names import multi_year
from auditlint.extract.kb.values import year_ok_before
from auditlint.extract.narrative import Figure, Sentence
from auditlint.numbers import find_quantities, normalize

# what opens a list of a total's parts: "总投资X万元，其中…", "（…）", "包括…", "分别为…";
# matched at the total's end (``match(text, pos, endpos)``), hence no "^"
PARTS_OPENER = re.compile(r"[，,：:。；;\s]*(?:其中|包括|含|分别为|分别是|由|[（(：:])")
# a list of parts opening a sentence ("…8,400.00万元。其中…") or a later clause
_LIST_OPENS_SENTENCE = re.compile(r"\s*(?:其中|包括)")
_LIST_OPENS_CLAUSE = re.compile(r"[，,。；;]\s*(?:其中|包括)")
# what starts another period inside a sentence: the list of parts has ended
_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年|本年|当年|全年|今年|年度")
# the units of a count of things bought, built or carried out (not of people or times)
COUNT_UNITS = ("个", "台", "套", "件", "项", "辆", "座", "处", "批", "册", "部", "架", "艘", "张", "把", "所", "条", "宗",
               "间", "栋", "台套", "公里", "千米", "米", "平方米", "亩")
# words that put what follows them in a part of the money, not the whole
SCOPE_WORDS = ("财政拨款", "一般公共预算", "政府性基金", "非税", "专户", "上级补助")


class _FirstMatch:
    """The first match of a pattern at or after an offset, remembered: every offset up
    to a match's start has that match first, so a run of look-ups walks the text once.
    (For the patterns here a match cut off at an end offset is no match at all, so
    "a match between a and b" is "the first match after a ends by b".)"""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        self._from: list[int] = []  # offsets searched from, ascending
        self._found: list[re.Match[str] | None] = []

    def after(self, pos: int) -> re.Match[str] | None:
        k = bisect_right(self._from, pos) - 1
        if k >= 0:
            m = self._found[k]
            if m is None or pos <= m.start():
                return m
        m = self.pattern.search(self.text, pos)
        k = bisect_left(self._from, pos)
        self._from.insert(k, pos)
        self._found.insert(k, m)
        return m

    def within(self, start: int, end: int) -> re.Match[str] | None:
        m = self.after(start)
        return m if m is not None and m.end() <= end else None


@dataclass
class _Paragraph:
    text: str  # normalised
    period: _FirstMatch
    clause_list: _FirstMatch
    scope_at: int  # where the first scope word ends (len + 1 when none)
    sentences_by_end: dict[int, list[Sentence]] = field(default_factory=dict)


@dataclass
class _Sentence:
    figures: list[Figure]  # in document order
    starts: list[int]
    money: list[Figure]  # money figures, by start
    money_starts: list[int]
    totals: list[Figure]  # money figures naming a multi-year amount, by start
    total_starts: list[int]
    counted_at: int | None = None  # where the first count of things ends (sentence offset)
    counted_read: bool = False
    ordered: bool = True  # the figures' starts ascend


class FigureContext:
    """The figures of a report's narrative, indexed by sentence."""

    def __init__(self, figures: list[Figure], paragraphs: dict[int, str]) -> None:
        self._paragraphs: dict[int, _Paragraph] = {}
        self._listed_before: dict[tuple[int, int], Decimal | None | object] = {}
        for index, text in paragraphs.items():
            at = [i + len(w) for w in SCOPE_WORDS if (i := text.find(w)) >= 0]
            self._paragraphs[index] = _Paragraph(text, _FirstMatch(_PERIOD, text), _FirstMatch(_LIST_OPENS_CLAUSE, text),
                                                 min(at, default=len(text) + 1))
        grouped: dict[Sentence, list[Figure]] = {}
        for f in figures:
            grouped.setdefault(f.sentence, []).append(f)
        self._sentences: dict[Sentence, _Sentence] = {}
        for s, figs in grouped.items():
            money = sorted((f for f in figs if f.quantity.is_money), key=lambda f: f.start)
            totals = [f for f in money if multi_year(normalize(f.subject)) or multi_year(normalize(f.name))]
            starts = [f.start for f in figs]
            self._sentences[s] = _Sentence(figs, starts, money, [f.start for f in money], totals,
                                           [f.start for f in totals], ordered=starts == sorted(starts))
            par = self._paragraphs.get(s.paragraph)
            if par is not None:
                par.sentences_by_end.setdefault(s.end, []).append(s)

    def _text(self, fig: Figure) -> str:
        par = self._paragraphs.get(fig.sentence.paragraph)
        return par.text if par is not None else ""

    def previous(self, fig: Figure) -> Figure | None:
        """The figure just before this one in its sentence."""
        s = self._sentences[fig.sentence]
        if s.ordered:
            k = bisect_left(s.starts, fig.start)
            return s.figures[k - 1] if k else None
        before = [f for f in s.figures if f.start < fig.start]  # figures out of order: as read
        return before[-1] if before else None

    def year_ok(self, fig: Figure, year: int | None) -> bool:
        """The sentence dates the figure in the evaluated year, or not at all
        (``kb.values.year_ok`` of the words before it, the sentence read once)."""
        return year_ok_before(fig.sentence.text, fig.start - fig.sentence.start, year)

    def scoped(self, fig: Figure) -> bool:
        """The paragraph speaks of a part of the money (财政拨款, 非税 …) before the figure."""
        par = self._paragraphs.get(fig.sentence.paragraph)
        return par is not None and par.scope_at <= fig.start

    def about_counted_things(self, fig: Figure) -> bool:
        """An earlier clause of the sentence counts things bought, built or carried out
        ("购置执法记录仪260台、单警装备120套，支出376.48万元", "实施项目3个，…"): an amount the
        sentence does not name otherwise is theirs, not the report's total."""
        s = self._sentences[fig.sentence]
        if not s.counted_read:  # the sentence's quantities are found once, on first need
            s.counted_read = True
            text = self._text(fig)[fig.sentence.start: fig.sentence.end]
            s.counted_at = next((q.end for q in find_quantities(text)
                                 if not q.quantity.is_money and q.quantity.unit in COUNT_UNITS), None)
        return s.counted_at is not None and s.counted_at <= fig.start - fig.sentence.start

    def _listing_sentences(self, fig: Figure) -> list[Sentence]:
        """The figure's sentence, and when it opens with 其中 or 包括, the sentence just
        before it (the one the list belongs to)."""
        out = [fig.sentence]
        par = self._paragraphs.get(fig.sentence.paragraph)
        if par is None or not _LIST_OPENS_SENTENCE.match(par.text, fig.sentence.start, fig.start):
            return out
        start = fig.sentence.start
        gap = start
        while gap > 0 and par.text[gap - 1].isspace():
            gap -= 1
        for end in range(gap, start + 1):
            out += [s for s in par.sentences_by_end.get(end, []) if s.paragraph == fig.sentence.paragraph]
        return out

    def part_of_multi_year(self, fig: Figure) -> bool:
        """The figure is listed under a multi-year amount: "项目总投资3,000.00万元，其中中央资金
        2,000.00万元、省级资金1,000.00万元" — the parts of the project's investment, not of the
        year's budget. The list opens after that amount (其中, 包括, a bracket) and runs until
        another period is named ("…；2023年年初预算…"). A sentence that opens with 其中 or
        包括 lists the parts of the sentence before it ("项目计划总投资8,400.00万元。其中中央
        财政资金…"), and an amount between the total and 其中 that is smaller than the part
        (a standard, "亩均财政投入3000元") cannot be what the part belongs to."""
        par = self._paragraphs.get(fig.sentence.paragraph)
        if par is None:
            return False
        total = self._last_total(fig)
        if total is None:
            return False
        if par.period.within(total.end, fig.start) is not None:
            return False
        if PARTS_OPENER.match(par.text, total.end, fig.start):
            return True
        opener = par.clause_list.within(total.end, fig.start)
        if opener is None:
            return False
        key = (id(total), opener.start())
        if key not in self._listed_before:  # the same amounts stand before every part of one list
            self._listed_before[key] = _largest(self._between(fig, total, opener.start()))
        largest = self._listed_before[key]
        if largest is _EMPTY:
            return True
        b = fig.quantity
        return largest is not None and b.value is not None and largest < b.value * b.scale

    def _last_total(self, fig: Figure) -> Figure | None:
        """The last multi-year amount before the figure in its sentence (or the one its list
        belongs to)."""
        best: Figure | None = None
        for s in self._listing_sentences(fig):
            info = self._sentences.get(s)
            if info is None:
                continue
            for f in reversed(info.totals[: bisect_left(info.total_starts, fig.start)]):
                if f.end <= fig.start:
                    if best is None or f.start > best.start:
                        best = f
                    break
        return best

    def _between(self, fig: Figure, total: Figure, before: int) -> list[Figure]:
        """The money figures after ``total`` that start before offset ``before``."""
        out: list[Figure] = []
        for s in self._listing_sentences(fig):
            info = self._sentences.get(s)
            if info is None:
                continue
            lo = bisect_right(info.money_starts, total.start)
            hi = bisect_left(info.money_starts, before)
            out += [f for f in info.money[lo:hi] if f.end <= fig.start]
        return out


_EMPTY = object()


def _largest(figures: list[Figure]) -> Decimal | None | object:
    """The largest amount in base units; None when one has no value; _EMPTY for none."""
    if not figures:
        return _EMPTY
    values = [f.quantity.value * f.quantity.scale if f.quantity.value is not None else None for f in figures]
    return None if any(v is None for v in values) else max(v for v in values if v is not None)
