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

Statements come in document order (``statements_of(facts, Figure, Change)`` picks
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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import takewhile
from typing import TYPE_CHECKING, ClassVar

from auditlint import vocab
from auditlint.model import Location, Paragraph
from auditlint.numbers import MONEY_UNITS, Quantity, find_quantities, normalize

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts
    from auditlint.extract.tables import CanonicalTable



# ---------------------------------------------------------------------------
# statements


@dataclass(frozen=True)
class RowRef:
    """A table row a statement talks about: ``facts.tables[table].rows[row]``."""

    table: int
    row: int
    label: str


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # Paragraph.index
    start: int  # offsets in the paragraph's text
    end: int
    location: Location


@dataclass(frozen=True)
class Figure:
    subject: str  # the words before the number, trimmed: "“三公”经费全年支出"
    name: str  # what it measures, for matching: "三公经费支出"
    quantity: Quantity
    sentence: Sentence
    start: int  # the number (and unit) in the paragraph's text
    end: int
    location: Location
    approximate: bool = False
    rows: tuple[RowRef, ...] = ()
    kind: ClassVar[str] = "figure"

    @property
    def text(self) -> str:
        return self.quantity.text

    @property
    def is_money(self) -> bool:
        return self.quantity.is_money

    @property
    def exact(self) -> bool:
        return not self.approximate and self.quantity.is_number and self.quantity.comparator in (None, "=")


class _Anchored:
    """A statement about one printed number (its ``anchor`` figure): its location and
    offsets are that number's."""

    @property
    def anchor(self) -> Figure:
        raise NotImplementedError

    @property
    def location(self) -> Location:
        return self.anchor.location

    @property
    def start(self) -> int:
        return self.anchor.start

    @property
    def end(self) -> int:
        return self.anchor.end


@dataclass(frozen=True)
class _Breakdown(_Anchored):
    total: Figure
    parts: tuple[Figure, ...]
    complete: bool
    marker: str  # "brackets" | "其中" | "naming"
    sentence: Sentence
    rows: tuple[RowRef, ...] = ()

    @property
    def anchor(self) -> Figure:
        return self.total

    @property
    def end(self) -> int:
        return self.parts[-1].end if self.parts else self.total.end


@dataclass(frozen=True)
class TotalWithParts(_Breakdown):
    kind: ClassVar[str] = "total_with_parts"


@dataclass(frozen=True)
class OfWhich(_Breakdown):
    kind: ClassVar[str] = "of_which"


@dataclass(frozen=True)
class Share(_Anchored):
    share: Figure  # the percentage
    base_name: str  # "总支出"
    part: Figure | None  # the amount it is the share of
    base: Figure | None  # the base's figure, when the paragraph states it
    sentence: Sentence
    rows: tuple[RowRef, ...] = ()
    # a share printed after a list of two or more parts with no share of their own: those
    # parts ("A 358.20万元、B 154.60万元，占…的82.60%" is the share of A + B, or perhaps of B
    # alone); ``part`` is then None, the reading being the check's to weigh
    listed: tuple[Figure, ...] = ()
    kind: ClassVar[str] = "share"

    @property
    def anchor(self) -> Figure:
        return self.share


@dataclass(frozen=True)
class Change:
    subject: str  # what changed, as printed ("会议费全年支出")
    name: str
    amount: Quantity  # as printed, without sign
    direction: int  # +1 增加/增长, −1 减少/下降
    relative: bool  # a percentage change ("增长5%")
    reference: str  # what it is compared with: "上年", "同期"
    current: Figure | None  # the figure the change follows ("支出0.48万元，比上年增加…")
    prior: Figure | None  # a prior-year figure stated in the same sentence
    sentence: Sentence
    start: int
    end: int
    location: Location
    rows: tuple[RowRef, ...] = ()
    kind: ClassVar[str] = "change"


@dataclass(frozen=True)
class Rate(_Anchored):
    rate: Figure
    measure: str  # "execution" | "arrival" (vocab/narrative.yaml)
    numerator: Figure | None
    denominators: tuple[Figure, ...]  # nearest first
    sentence: Sentence
    rows: tuple[RowRef, ...] = ()
    kind: ClassVar[str] = "rate"

    @property
    def anchor(self) -> Figure:
        return self.rate


Statement = Figure | TotalWithParts | OfWhich | Share | Change | Rate


def statements_of(facts: Facts, *kinds: type) -> list:
    """The statements of these classes, in document order."""
    return [s for s in facts.statements if isinstance(s, kinds)]


# ---------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class RateDef:
    measure: str
    names: tuple[str, ...]
    numerator: tuple[str, ...]
    not_numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    not_denominator: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    time_prefixes: tuple[str, ...]
    lead_words: tuple[str, ...]
    trail_words: tuple[str, ...]
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    compare_words: tuple[str, ...]
    references: tuple[str, ...]
    up: tuple[str, ...]
    down: tuple[str, ...]
    prior_words: tuple[str, ...]
    share_words: tuple[str, ...]
    distributive: tuple[str, ...]
    adjust_words: tuple[str, ...]
    adjusted_to: tuple[str, ...]
    adjusted_basis: tuple[str, ...]
    list_totals: tuple[str, ...]
    list_ends: tuple[str, ...]
    not_list_ends: tuple[str, ...]
    budget_measures: tuple[str, ...]
    actual_measures: tuple[str, ...]
    total_words: tuple[str, ...]
    neutral_prefixes: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    complementary: tuple[tuple[str, str], ...]
    rates: tuple[RateDef, ...]


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words or [], key=len, reverse=True))


@vocab.cached
def vocabulary() -> Vocabulary:
    d = vocab.load("narrative")
    ch = d.get("change", {})
    return Vocabulary(
        time_prefixes=_longest_first(d.get("time_prefixes")),
        lead_words=_longest_first(d.get("lead_words")),
        trail_words=_longest_first(d.get("trail_words")),
        approx_before=_longest_first(d.get("approx_before")),
        approx_after=_longest_first(d.get("approx_after")),
        compare_words=_longest_first(ch.get("compare_words")),
        references=_longest_first(ch.get("references")),
        up=_longest_first(ch.get("up")),
        down=_longest_first(ch.get("down")),
        prior_words=_longest_first(ch.get("prior_words")),
        share_words=_longest_first(d.get("share_words")),
        distributive=_longest_first(d.get("distributive")),
        adjust_words=_longest_first(d.get("adjust_words")),
        adjusted_to=_longest_first(d.get("adjusted_to")),
        adjusted_basis=_longest_first(d.get("adjusted_basis")),
        list_totals=_longest_first(d.get("list_totals")),
        list_ends=_longest_first(d.get("list_ends")),
        not_list_ends=_longest_first(d.get("not_list_ends")),
        budget_measures=_longest_first((d.get("carried_measures") or {}).get("budget")),
        actual_measures=_longest_first((d.get("carried_measures") or {}).get("actual")),
        total_words=_longest_first(d.get("total_words")),
        neutral_prefixes=_longest_first(d.get("neutral_prefixes")),
        org_suffixes=_longest_first(d.get("org_suffixes")),
        complementary=tuple((a, b) for a, b in d.get("complementary", [])),
        rates=tuple(
            RateDef(r["measure"], tuple(r["names"]), tuple(r["numerator"]), tuple(r.get("not_numerator") or ()),
                    tuple(r["denominator"]), tuple(r.get("not_denominator") or ()))
            for r in d.get("rates", [])
        ),
    )


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocabulary()
    return {
        # the end of the words before a number that make it a change
        "change": re.compile(
            rf"(?P<cmp>{_alt(v.compare_words)})(?P<ref>[^，,。；;]{{0,16}}?)(?P<dir>{_alt(v.up + v.down)})(?:了|为|达)?$"
        ),
        # a number right after "比上年": the prior year's figure inside a comparison
        # ("比上年执行数5,765.41万元增加…" names the measure compared too)
        "compared": re.compile(rf"(?:{_alt(v.compare_words)})(?:(?:{_alt(v.references)})(?:[^，,。；;\d]{{0,8}})?)?的?$"),
        # ... a share: "占总支出的", "占总收入比例为"
        "share": re.compile(rf"(?:{_alt(v.share_words)})(?!比|用)(?P<base>[^，,。；;的\d]{{0,15}}?)(?:的)?(?:比例|比重|份额)?(?:为|达|是)?$"),
        "date": re.compile(r"^(?:截至|截止|至)?\d{4}年(?:度)?(?:末|底|初)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末)?)?|^\d{1,2}月(?:\d{1,2}日)?(?:底|末)?"),
        # a number that stands for several names: "分别为", "各", "分别占"
        "distributive": re.compile(rf"(?P<word>{_alt(v.distributive)})(?:为|是|达到|达|计|有|约)?$"),
        # words that put what follows on an adjusted basis: "剔除购置费后", "不含…", "除购置费外，"
        "adjusted_basis": re.compile(
            (rf"{_alt(v.adjusted_basis)}|" if v.adjusted_basis else "")
            + r"(?:^|[，,；;。：:（(\s])(?:如|若|如果|在)?除了?(?!此)[^，,。；;]{1,20}?(?:以外|之外|外)"
        ),
        "enum": re.compile(r"^(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+[、.．](?!\d)|[一二三四五六七八九十]+(?:是|、))\s*"),
    }


# ---------------------------------------------------------------------------
# names

_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉\s]")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
_CLAUSE_END = "，,；;。：:、！!？?\n"
_SENTENCE_END = "。！!？?"


def _strip_front(text: str, words: tuple[str, ...]) -> str:
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if text.startswith(w) and len(text) > len(w):
                text = text[len(w):]
                changed = True
                break
    return text


def _strip_back(text: str, words: tuple[str, ...], keep: tuple[str, ...] = ()) -> str:
    """``text`` without these words on its end; a text that is one of ``keep`` stays
    whole ("合计" is not 合 + 计)."""
    changed = True
    while changed and text and text not in keep:
        changed = False
        for w in words:
            if text.endswith(w) and len(text) > len(w):
                text = text[: -len(w)]
                changed = True
                break
    return text


def clean_subject(text: str) -> str:
    """The words before a number as the report names it: enumerators, dates, lead
    and trailing words off ("（1）2024年预算收入" → "预算收入", "其中基本支出" → "基本支出",
    "本年支出" stays)."""
    v = vocabulary()
    p = _patterns()
    t = text.strip(" \t:：，,")
    for _ in range(4):
        before = t
        t = p["enum"].sub("", t)
        t = p["date"].sub("", t)
        t = _strip_front(t, v.lead_words)
        t = t.strip(" ，,：:")
        if t == before:
            break
    t = _strip_back(t, v.trail_words, keep=v.trail_words)
    return t.strip(" ，,：:")


def name_of(subject: str) -> str:
    """A subject as a matching name: quotes, spaces, bracketed asides and time words
    off, 费用 as 费 ("“三公”经费全年支出" → "三公经费支出", "年末结转结余" → "结转结余")."""
    t = _strip_front(_BRACKETED.sub("", _QUOTES.sub("", subject)), vocabulary().time_prefixes)
    for w in ("全年", "本年度", "本年", "当年", "年度"):
        t = t.replace(w, "")
    return t.replace("费用", "费")


def match_key(name: str) -> str:
    """The key a figure's name and a table row's label meet on: 支出 (决算, what was
    spent) and 小计/合计 off the end ("会议费支出", "会议费决算" and "会议费" match;
    "三公经费小计" and "三公经费" match)."""
    t = name_of(name)
    t = _strip_back(t, ("小计", "合计", "总计"))
    t = _strip_back(t, ("实际支出数", "实际支出", "支出数", "决算数", "决算", "支出"))
    return t


def total_core(name: str) -> str:
    """What a total totals, for a breakdown by naming: "机关资产总额" → "资产"."""
    v = vocabulary()
    t = _strip_back(name_of(name), v.total_words)
    if v.org_suffixes:
        t = re.sub(rf"^.*(?:{_alt(v.org_suffixes)})(?=..)", "", t)
    return _strip_front(t, v.neutral_prefixes)


# ---------------------------------------------------------------------------
# reading a paragraph


@dataclass
class _Token:
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


def _scan_text(text: str) -> str:
    """The paragraph's text as its clauses are read: normalised, with the separators
    inside numbers ("12,600.00万元", "1,452件") masked, so that a thousands separator
    never ends a clause or a list. Offsets are those of the text as printed."""
    out = list(normalize(text))
    for m in find_quantities(text):
        for i in range(m.start, m.end):
            if out[i] == ",":
                out[i] = _MASK
    return "".join(out)


def _sentences(par: Paragraph) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    text = par.text
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            out.append(Sentence(text[start : i + 1], par.index, start, i + 1, par.location_at(start)))
            start = i + 1
    if start < len(text):
        out.append(Sentence(text[start:], par.index, start, len(text), par.location_at(start)))
    return out


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Where the words naming the number at ``pos`` begin: after the last clause
    delimiter, or inside an unclosed bracket."""
    depth = 0
    i = pos - 1
    while i >= floor:
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif ch in _CLAUSE_END and depth == 0:
            return i + 1
        i -= 1
    return floor


def _tokens(par: Paragraph, sentences: list[Sentence]) -> list[_Token]:
    v = vocabulary()
    p = _patterns()
    text = _scan_text(par.text)
    out: list[_Token] = []
    prev_end = 0  # the end of the previous amount or percentage
    for m in find_quantities(par.text):
        q = m.quantity
        if q.unit not in MONEY_UNITS and q.unit != "%":
            continue
        after_number = prev_end
        prev_end = m.end
        s_idx = next((k for k, s in enumerate(sentences) if s.start <= m.start < s.end), len(sentences) - 1)
        sent = sentences[s_idx]
        cs = _clause_start(text, m.start, sent.start)
        words = par.text[cs : m.start]
        scan = text[cs : m.start]  # the same words for the patterns, thousands separators masked
        tok = _Token(q, m.start, m.end, s_idx, cs)
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
            if second or not _names_something(tok.subject):
                tok.role = "none"
        out.append(tok)
    _distribute(text, out)
    _carry_subjects(text, out)
    _adjusted_to(text, out)
    return out


def _run_after(text: str, toks: list[_Token], k: int) -> list[_Token]:
    """The numbers printed right after ``toks[k]`` as a list ("58.33%、25.00%、16.67%",
    "715.69万元和1067.07万元"), in its sentence and of its kind (percentages or money)."""
    out: list[_Token] = []
    last = toks[k]
    for t in toks[k + 1 :]:
        if t.sentence != last.sentence or (t.q.unit == "%") != (last.q.unit == "%") or not _gap(text, last.end, t.start, "、，,和及与"):
            break
        out.append(t)
        last = t
    return out


def _names_before(text: str, pos: int, floor: int) -> list[str]:
    """The names listed before ``pos`` in its clause group: "其中基本支出、项目支出分别为" →
    基本支出, 项目支出."""
    start = pos
    while start > floor and text[start - 1] not in "，,；;。：:（()）\n":
        start -= 1
    listed = text[start:pos]
    pieces = listed.split("、") if "、" in listed else re.split(r"[和及与]", listed)
    return [clean_subject(x) for x in pieces]


def _distribute(text: str, toks: list[_Token]) -> None:
    """"A、B分别为x、y" names x by A and y by B; "A、B各50万元" and a count of names that
    is not the count of numbers name none of them."""
    p = _patterns()
    for k, tok in enumerate(toks):
        if tok.role not in ("figure", "none"):
            continue
        m = p["distributive"].search(text[tok.clause_start : tok.start])
        if m is None:
            continue
        numbers = [tok, *takewhile(lambda t: t.role in ("figure", "none"), _run_after(text, toks, k))]
        names = _names_before(text, tok.clause_start + m.start(), 0)
        paired = (m.group("word") == "分别" and len(names) == len(numbers) >= 2
                  and all(_names_something(n) for n in names) and len({n[-1] for n in names}) == 1)
        for t, name in zip(numbers, names if paired else [""] * len(numbers)):
            t.subject, t.role = (name, "figure") if paired else ("", "none")


def _carry_subjects(text: str, toks: list[_Token]) -> None:
    """"“三公”经费预算13.50万元，决算11.50万元": a figure named only by what was spent, in
    the clause right after a budget figure, is the spending of what that budget is for
    (“三公”经费决算). Nothing else is carried: "收入…，支出…" may be two scopes."""
    v = vocabulary()
    for prev, tok in zip(toks, toks[1:]):
        if (tok.role != "figure" or prev.role != "figure" or prev.sentence != tok.sentence
                or not (tok.q.is_money and prev.q.is_money)
                or tok.subject not in v.actual_measures or text[tok.clause_start : tok.start].strip() != tok.subject
                or not _gap(text, prev.end, tok.clause_start, "，,")):
            continue
        word = next((w for w in v.budget_measures if prev.subject.endswith(w)), None)
        stem = _strip_back(prev.subject[: len(prev.subject) - len(word)], v.total_words) if word else ""
        if re.search(r"[\u4e00-\u9fff]", _without_neutral(name_of(stem))):
            tok.subject = stem + tok.subject  # a stem that names something, not only 本部门 or 全年


def _adjusted_to(text: str, toks: list[_Token]) -> None:
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


def _without_neutral(text: str) -> str:
    """A name without the words that only say whose or when it is ("本部门" → "")."""
    words = vocabulary().neutral_prefixes
    while (w := next((w for w in words if text.startswith(w)), None)) is not None:
        text = text[len(w):]
    return text


def _names_something(subject: str) -> bool:
    """A name with Chinese in it that is not only a change word ("增加50万元" names nothing)."""
    v = vocabulary()
    if not re.search(r"[\u4e00-\u9fff]", subject) or len(subject) > 40:
        return False
    rest = _without(subject, v.up + v.down + v.compare_words + v.references + ("了", "达到", "至", "到"))
    return bool(rest.strip())


def _figure(par: Paragraph, sentences: list[Sentence], tok: _Token, tables: list[CanonicalTable]) -> Figure:
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


def _gap(text: str, a: int, b: int, allowed: str) -> bool:
    """Only ``allowed`` characters (and spaces) between offsets a and b."""
    return all(ch in allowed or ch.isspace() for ch in text[a:b])


def _is_part(tok: _Token, money_unit_of: Quantity) -> bool:
    return tok.role == "figure" and tok.figure is not None and tok.q.is_money and not tok.approximate and money_unit_of.is_money


def _not_a_piece(tok: _Token) -> bool:
    """A listed amount that is a change or another year's, not a piece of this year's
    total: "（市级资金调减20.00万元、区级资金调增20.00万元）" explains an adjustment,
    "（上年基本支出…）" is last year's. Money carried over from last year (上年结转,
    上年末结余) is a piece of this year's funds."""
    v = vocabulary()
    if any(w in tok.subject for w in v.adjust_words):
        return True
    return re.search(rf"(?:{_alt(v.prior_words)})(?!结转|结余|结存|末)", tok.subject) is not None


def _complementary(a: str, b: str, core: str) -> bool:
    if not (a.endswith(core) and b.endswith(core)):
        return False
    qa, qb = a[: len(a) - len(core)], b[: len(b) - len(core)]
    if not qa or not qb:
        return False
    if qb == "非" + qa or qa == "非" + qb:
        return True
    return any((qa.endswith(x) and qb.endswith(y)) or (qa.endswith(y) and qb.endswith(x)) for x, y in vocabulary().complementary)


def _brackets(par: Paragraph, toks: list[_Token]) -> list[_Breakdown]:
    """"支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）"."""
    text = _scan_text(par.text)
    out: list[_Breakdown] = []
    for tok in toks:
        if tok.figure is None or not tok.q.is_money or tok.approximate:
            continue
        k = tok.end
        while k < len(text) and text[k].isspace():
            k += 1
        if k >= len(text) or text[k] not in "（(":
            continue
        depth, close = 0, None
        for j in range(k, len(text)):
            if text[j] in "（(":
                depth += 1
            elif text[j] in "）)":
                depth -= 1
                if depth == 0:
                    close = j
                    break
        if close is None:
            continue
        inner = [t for t in toks if k < t.start < close]
        body = text[k + 1 : close].strip()
        lead = body.startswith(vocabulary().lead_words)
        parts = [t for t in inner if _is_part(t, tok.q)]
        if not parts or all(other_side(tok.figure.name, t.figure.name) for t in parts if t.figure):
            continue
        if any(_not_a_piece(t) for t in parts):
            continue  # the bracket explains a change: no decomposition, not even a partial one
        others = [t for t in inner if t not in parts]
        clauses = [c for c in re.split(r"[，,；;、]", body) if c.strip()]
        if lead or others or len(parts) < 2 or len(clauses) != len(parts):
            # "（其中…）", "（含…）" or a bracket with more than parts in it: a partial list
            if lead and parts and not others:
                for t in parts:
                    t.in_part_list = True
                figs = tuple(t.figure for t in parts if t.figure)
                out.append(OfWhich(tok.figure, figs, _pair(tok.figure, figs), "其中", tok.figure.sentence, tok.figure.rows))
            continue
        for t in parts:
            t.in_part_list = True
        figs = tuple(t.figure for t in parts if t.figure)
        out.append(TotalWithParts(tok.figure, figs, True, "brackets", tok.figure.sentence, tok.figure.rows))
    return out


def _is_list_total(words: str) -> bool:
    """Words that make an amount a list's total: "合计", "共计为"."""
    return re.fullmatch(rf"(?:{_alt(vocabulary().list_totals)})(?:为|是|达到|达)?", words.strip()) is not None


def _listed_total(par: Paragraph, toks: list[_Token]) -> list[_Breakdown]:
    """"分别为：A126.50万元、B85.00万元、…、G67.50万元，合计576.96万元": a 合计 (共计,
    总计) right after a list of named amounts joined by "、" is the sum of that list,
    when the list is all the clause says: it starts the sentence or follows a colon
    (or 其中, 包括), so no earlier amount may belong to it."""
    text = _scan_text(par.text)
    out: list[_Breakdown] = []
    for k, tok in enumerate(toks):
        if (tok.figure is None or not tok.q.is_money or tok.approximate or k < 2
                or not _is_list_total(text[tok.clause_start : tok.start])):
            continue
        prev = toks[k - 1]
        if prev.sentence != tok.sentence or not _gap(text, prev.end, tok.clause_start, "，,"):
            continue
        run = [prev]
        i = k - 1
        while i > 0:
            t = toks[i - 1]
            if t.sentence != tok.sentence or not _gap(text, t.end, run[0].clause_start, "、"):
                break
            run.insert(0, t)
            i -= 1
        if len(run) < 2 or not all(_is_part(t, tok.q) and not t.in_part_list and not _not_a_piece(t) for t in run):
            continue
        head = text[_sentence_start(text, tok.clause_start) : run[0].clause_start].rstrip()
        opened = (not head or head.endswith((":", "：")) or text[run[0].clause_start : run[0].start].lstrip()
                  .startswith(("其中", "包括")) or head.endswith(("其中", "包括", "分别为", "分别是")))
        if not opened:
            continue
        for t in run:
            t.in_part_list = True
        figs = tuple(t.figure for t in run if t.figure)
        out.append(TotalWithParts(tok.figure, figs, True, "list", tok.figure.sentence, tok.figure.rows))
    return out


def _sentence_start(text: str, i: int) -> int:
    """Where the sentence around offset ``i`` starts in the paragraph's text."""
    while i > 0 and text[i - 1] not in _SENTENCE_END:
        i -= 1
    return i


def _pair(total: Figure, parts: tuple[Figure, ...]) -> bool:
    """A 其中 list of two complementary names (基本支出 and 项目支出) names every part."""
    if len(parts) != 2:
        return False
    a, b = parts[0].name, parts[1].name
    core = _common_suffix(a, b)
    return len(core) >= 2 and _complementary(a, b, core)


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n :] if n else ""


def _of_which(par: Paragraph, toks: list[_Token]) -> list[_Breakdown]:
    """"基本支出715.69万元，其中工资福利支出677.57万元、…，对个人和家庭的补助0.51万元；"."""
    text = _scan_text(par.text)
    out: list[_Breakdown] = []
    for m in re.finditer("其中", text):
        owner = next((t for t in reversed(toks) if t.end <= m.start()), None)
        if owner is None or owner.figure is None or not owner.q.is_money or owner.approximate or owner.in_part_list:
            continue
        if not _gap(text, owner.end, m.start(), "，,。：:"):
            continue
        parts = _list_after(text, m.end(), toks, owner)
        if not parts or _other_owner(owner, parts, toks) or any(_not_a_piece(t) for t in parts):
            continue
        for t in parts:
            t.in_part_list = True
        figs = tuple(t.figure for t in parts if t.figure)
        out.append(OfWhich(owner.figure, figs, _pair(owner.figure, figs), "其中", owner.figure.sentence, owner.figure.rows))
    return out


def _other_owner(owner: _Token, parts: list[_Token], toks: list[_Token]) -> bool:
    """Is the 其中 list perhaps about another figure than the one right before it? So
    when the parts are all 支出 and the figure is a 收入 (or the other way round), or
    when they add up to more than it but not to more than an earlier figure of its
    sentence ("采购金额500万元，节约资金50万元，其中货物类300万元，服务类200万元")."""
    if all(other_side(owner.figure.name, t.figure.name) for t in parts if t.figure and owner.figure):
        return True
    total = sum((t.q.value * t.q.scale for t in parts if t.q.value is not None), Decimal(0))
    if owner.q.value is None or total <= owner.q.value * owner.q.scale:
        return False
    return any(t is not owner and t.figure is not None and t.sentence == owner.sentence and t.start < owner.start
               and t.q.is_money and t.q.value is not None and t.q.value * t.q.scale >= total for t in toks)


def other_side(total: str, part: str) -> bool:
    """A 收入 listed under a 支出 total, or the other way round."""
    return (total.endswith("支出") and part.endswith("收入")) or (total.endswith("收入") and part.endswith("支出"))


def _list_after(text: str, pos: int, toks: list[_Token], owner: _Token) -> list[_Token]:
    """The parts of a 其中 list starting at ``pos``: named money figures in clauses
    separated by "，" and "、", up to "。" or "；" (or the closing bracket). Shares and
    changes of a part are skipped over; a clause with no number ends the list. Past a
    "；" the list goes on only where the clause before and the clause after both state
    a share of the same base (parallel parts: "…，占总支出的40.15%；项目支出…，占总支出的59.85%").
    A clause opened by 另/另外/此外/还/同时 ends the list; a member named "X中Y" after a
    member X is X's part and is left out."""
    parts: list[_Token] = []
    i = pos
    while i < len(text) and text[i] in "：:，, ":
        i += 1
    after = [t for t in toks if t.start >= i]
    last_share: str | None = None
    k = 0
    while i < len(text):
        end = _clause_end(text, i)
        clause = [t for t in after if i <= t.start < end]
        if not clause:
            break
        first = clause[0]
        if _is_list_total(text[first.clause_start : first.start]):
            break  # "…、B 20万元，合计…": the list's own total, no part of it
        if parts and _ends_list(text[i : first.start]):
            break  # "…，另从公益金中安排56.3万元": money besides the total, not under it
        if first.role == "figure" and _is_part(first, owner.q) and _part_of_part(first, parts):
            first.in_part_list = True  # "…，财政资助中间接费用60万元": within 财政资助, no sibling of it
        elif first.role == "figure" and _is_part(first, owner.q):
            parts.append(first)
            last_share = None
        elif first.role == "share" and parts and first.match is not None:
            last_share = first.match.group("base")
        elif first.role != "change":
            break
        if end >= len(text) or text[end] in "。）)":
            break
        if text[end] in "；;":
            nxt = _next_sentence_share(text, end + 1, after)
            if last_share is None or nxt != last_share:
                break
        i = end + 1
        k += 1
        if k > 40:
            break
    return parts


def _ends_list(words: str) -> bool:
    """A clause opened by 另, 另外, 此外, 还, 同时 … (``list_ends``) after a 其中 list is
    something besides the list, no further part of it."""
    v = vocabulary()
    w = words.strip()
    return w.startswith(v.list_ends) and not w.startswith(v.not_list_ends)


def _part_of_part(tok: _Token, parts: list[_Token]) -> bool:
    """A list member named "X中Y" (or "X中的Y") where X is an earlier member is a part of
    that member, not a further part of the total: "其中财政资助600万元、单位自筹300万元，
    财政资助中间接费用60万元"."""
    if tok.figure is None:
        return False
    name = tok.figure.name
    earlier = [p.figure.name for p in parts if p.figure is not None]
    for m in re.finditer("中", name):
        whole = name[: m.start()]
        key = match_key(whole)
        if len(key) >= 2 and m.end() < len(name) and any(
                (k := match_key(e)) and (k.endswith(key) or key.endswith(k)) for e in earlier):
            return True
    return False


def _clause_end(text: str, i: int) -> int:
    """The delimiter ending the clause that starts at ``i``, stepping over bracketed
    asides ("人员经费60万元（其中工资40万元，社保20万元），…")."""
    depth = 0
    while i < len(text):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and ch in "，,、；;。":
            return i
        i += 1
    return i


def _next_sentence_share(text: str, pos: int, toks: list[_Token]) -> str | None:
    end = pos
    while end < len(text) and text[end] not in "；;。":
        end += 1
    for t in toks:
        if pos <= t.start < end and t.role == "share" and t.match is not None:
            return t.match.group("base")
    return None


def _naming(toks: list[_Token]) -> list[_Breakdown]:
    """A total followed in its paragraph by exactly two figures that qualify what it
    totals in complementary ways: "结转结余51.43万元。财政拨款结转结余…；非财政拨款结转结余…"."""
    out: list[_Breakdown] = []
    top = [t for t in toks if t.figure is not None and t.q.is_money and not t.approximate and not t.in_part_list
           and not _not_a_piece(t)]
    for k, tok in enumerate(top):
        core = total_core(tok.figure.name)  # type: ignore[union-attr]
        if len(core) < 2:
            continue
        later = []
        for t in top[k + 1 :]:
            name = t.figure.name  # type: ignore[union-attr]
            if total_core(name) == core:
                break  # the same total again: what follows is about it
            if name.endswith(core):
                later.append(t)
        if len(later) != 2:
            continue
        a, b = (t.figure for t in later)
        if not _complementary(a.name, b.name, core):  # type: ignore[union-attr]
            continue
        out.append(TotalWithParts(tok.figure, (a, b), True, "naming", tok.figure.sentence, tok.figure.rows))  # type: ignore[arg-type,union-attr]
    return out


def _shares(toks: list[_Token], breakdowns: list[_Breakdown], sentences: list[Sentence], par: Paragraph) -> list[Share]:
    text = _scan_text(par.text)
    out: list[Share] = []
    owner_of = {id(p): b for b in breakdowns for p in b.parts}
    figures = [t for t in toks if t.figure is not None]
    for k, tok in enumerate(toks):
        if tok.role != "share" or tok.match is None:
            continue
        # the amount it is a share of: the money figure just before, in the same clause group
        prev = next((t for t in reversed(toks[:k]) if t.role != "share"), None)
        part = prev.figure if prev is not None and prev.figure is not None and prev.q.is_money and prev.sentence == tok.sentence else None
        dist = _patterns()["distributive"].search(text[tok.clause_start : tok.clause_start + tok.match.start()])
        listed = _listed_before(text, toks, k, prev, owner_of, "share", loose=dist is not None) if part is not None else []
        if dist is not None:
            # "A、B、C，分别占总投资的a、b、c": in order when the counts agree, else none is known
            pcts = [tok, *takewhile(lambda t: t.role == "none", _run_after(text, toks, k))]
            pairs = list(zip(listed, pcts)) if dist.group("word") == "分别" and len(listed) == len(pcts) >= 2 else []
            if not pairs:
                pairs = [(None, t) for t in pcts]
            for fig, pct in pairs:
                out.append(_share(par, sentences, pct, tok, fig, None, figures, owner_of, fig))
        elif len(listed) >= 2:
            # "…经费358.20万元、…经费154.60万元，占项目支出的82.60%": the share of the list
            # (or of its last item): no single part
            out.append(_share(par, sentences, tok, tok, None, tuple(listed), figures, owner_of, listed[-1]))
        else:
            out.append(_share(par, sentences, tok, tok, part, None, figures, owner_of, part))
    return out


def _share(par: Paragraph, sentences: list[Sentence], pct: _Token, head: _Token, part: Figure | None,
           listed: tuple[Figure, ...] | None, figures: list[_Token], owner_of: dict[int, _Breakdown],
           near: Figure | None) -> Share:
    """One Share: the percentage ``pct`` under the words of ``head`` ("占总支出的"), of
    ``part`` (or of the ``listed`` parts together), with the base the paragraph states."""
    assert head.match is not None
    base_name = head.match.group("base")
    share_fig = Figure(head.match.group(0), name_of(base_name), pct.q, sentences[pct.sentence], pct.start, pct.end,
                       par.location_at(pct.start), pct.approximate)
    base = None
    wanted = total_core(base_name)
    if near is not None and id(near) in owner_of:
        total = owner_of[id(near)].total
        if total.name.endswith(wanted) or total_core(total.name).endswith(wanted):
            base = total
    if base is None and wanted:
        # the nearest earlier amount named as the base ("项目总预算" for 总预算), or a total
        # (never a listed part) of the same thing
        mine = {id(f) for f in (part, *(listed or ()))}
        key = match_key(base_name)
        base = next((t.figure for t in reversed(figures) if t.start < head.start and id(t.figure) not in mine and t.q.is_money
                     and (t.figure.name.endswith(name_of(base_name))  # type: ignore[union-attr]
                          or ((total_core(t.figure.name) == wanted  # type: ignore[union-attr]
                               or (len(key) >= 2 and match_key(t.figure.name) == key))  # 公用经费支出 for 公用经费
                              and not t.in_part_list))), None)
    return Share(share_fig, base_name, part, base, sentences[pct.sentence], listed=listed or ())


def _listed_before(text: str, toks: list[_Token], k: int, prev: _Token | None, owner_of: dict[int, _Breakdown],
                   role: str, loose: bool = False) -> list[Figure]:
    """The list of parts that a share or a change (``role``) right after ``prev``
    follows, when ``prev`` ends one and no such statement was printed inside it: the
    parts of the breakdown ``prev`` closes, or the amounts joined to it by "、" (by "，"
    too after 分别). Empty when there is none."""
    if prev is None or prev.figure is None:
        return []
    between = [t for t in toks[:k] if t.role == role]
    b = owner_of.get(id(prev.figure))
    if b is not None and b.parts[-1] is prev.figure:
        first = b.parts[0]
        if any(first.start < t.start for t in between):
            return []  # each part carries its own: "A…，占40%；B…，占60%"
        return list(b.parts)
    run = [prev]
    i = next(j for j, t in enumerate(toks) if t is prev)
    joiners = "、，," if loose else "、"
    while i > 0:
        t = toks[i - 1]
        if (t.role != "figure" or t.figure is None or not t.q.is_money or t.sentence != prev.sentence
                or not _gap(text, t.end, run[0].clause_start, joiners)):
            break
        run.insert(0, t)
        i -= 1
    return [t.figure for t in run if t.figure is not None] if len(run) >= 2 else []


def _changes(par: Paragraph, toks: list[_Token], breakdowns: list[_Breakdown], sentences: list[Sentence],
             tables: list[CanonicalTable]) -> list[Change]:
    v = vocabulary()
    text = _scan_text(par.text)
    owner_of = {id(p): b for b in breakdowns for p in b.parts}
    out: list[Change] = []
    made: dict[int, Change] = {}  # the change read at each token
    for k, tok in enumerate(toks):
        if tok.role != "change" or tok.match is None:
            if (follow := _follow_up(par, text, toks, k, made)) is not None:
                made[k] = follow
                out.append(follow)
            continue
        cmp, ref, word = tok.match.group("cmp"), tok.match.group("ref"), tok.match.group("dir")
        reference = next((r for r in v.references if r in ref), "")
        if not reference and cmp == "同比":
            reference = "同期"
        # "比上年1207.92万元增加574.85万元", "比2023年的1,452件下降11.43%": the compared figure
        # inside the comparison
        ref_start, ref_end = tok.clause_start + tok.match.start("ref"), tok.clause_start + tok.match.end("ref")
        inside = next((t for t in toks if ref_start <= t.start < ref_end and t.q.is_money and not t.approximate), None)
        inside_q = (inside.q, inside.start, inside.end) if inside is not None else None
        if inside_q is None and tok.q.unit == "%":
            inside_q = _count_inside(par.text, ref_start, ref_end)
        year = re.match(r"\d{4}年度?(?:同期)?", ref)
        if not reference and year is not None and inside_q is not None:
            # compared with a figure the sentence gives for a named year: whatever the year,
            # the change is the difference from that figure
            reference = year.group(0)
        if not reference:
            continue  # 较年初预算增加…: not a year-on-year change
        if _adjusted_basis(text, sentences[tok.sentence], tok):
            continue  # "剔除购置费后，…比上年减少…": not the plain change of the figure
        direction = 1 if word in v.up else -1
        current = None
        subject = tok.subject
        if not subject:
            current = _compared_current(par, text, toks, k, ref, reference, inside_q, owner_of, sentences)
            if current is not None:
                subject = current.subject
        if not subject:
            continue
        name = name_of(subject)
        key = match_key(name)
        prior = next((t.figure for t in toks if t.figure is not None and t.sentence == tok.sentence and t is not tok
                      and any(w in t.figure.subject for w in v.prior_words)
                      and match_key(_without(t.figure.name, v.prior_words)) == key), None)
        if inside_q is not None and (inside_q[0].is_money or (current is not None and current.quantity.unit == inside_q[0].unit)):
            q, a, b = inside_q
            prior = Figure(reference, name, q, sentences[tok.sentence], a, b, par.location_at(a))
        made[k] = Change(subject, name, tok.q, direction, tok.q.unit == "%", reference, current, prior,
                         sentences[tok.sentence], tok.start, tok.end, par.location_at(tok.start),
                         link_rows(tables, name) if tables else ())
        out.append(made[k])
    return out


def _adjusted_basis(text: str, sent: Sentence, tok: _Token) -> bool:
    """Whether a change is on an adjusted basis: a word such as 剔除, 扣除, 不含 or
    "除…外" earlier in its sentence ("剔除购置费后，“三公”经费比上年减少…"), or in a
    bracket right after it ("比上年减少3.71万元（不含购置费）"). What such a change
    compares is the figure less (or without) something, not the figure itself."""
    p = _patterns()["adjusted_basis"]
    if p.search(text, max(0, sent.start - 1), tok.start) is not None:  # the mark before the sentence too, for "除…外"
        return True
    after = text[tok.end : sent.end].lstrip()
    if after[:1] in ("（", "("):
        close = min((i for i in (after.find("）"), after.find(")")) if i > 0), default=len(after))
        return p.search(after, 0, close + 1) is not None
    return False


def _compared_current(par: Paragraph, text: str, toks: list[_Token], k: int, ref: str, reference: str,
                      inside_q: tuple[Quantity, int, int] | None, owner_of: dict[int, _Breakdown],
                      sentences: list[Sentence]) -> Figure | None:
    """The figure a change with no name of its own is of. When the comparison names
    what it compares ("比上年执行数5,765.41万元增加…"), the one earlier figure of the
    sentence with that name (全年执行6,615.08万元; 收入决算 for 上年决算), even past a rate
    between them; else the
    figure right before it, if it ends no list of parts ("A…、B…，比上年增加…" is nobody's).
    A count compared with a count inside the comparison ("投诉1,286件，比2023年的1,452件
    下降11.43%") is read from the clause right before."""
    tok = toks[k]
    measure = _compared_measure(ref, reference)
    if measure:
        want, tail = _measure_key(measure), measure.removesuffix("数")
        named = [t for t in toks[:k] if t.sentence == tok.sentence and t.end <= tok.clause_start and t.figure is not None
                 and t.q.is_money and not t.in_part_list
                 and (_measure_key(t.figure.name) == want or t.figure.name.endswith(tail))]
        # one figure of that name is the one compared; none, or two, and the change is nobody's
        # ("项目支出…，比上年支出数…增加…" is not of 项目支出)
        return named[0].figure if len(named) == 1 else None
    prev = next((t for t in reversed(toks[:k]) if t.sentence == tok.sentence and t.end <= tok.clause_start), None)
    if (prev is not None and prev.figure is not None and _gap(text, prev.end, tok.clause_start, "，,")
            and len(_listed_before(text, toks, k, prev, owner_of, "change")) < 2):
        return prev.figure
    if inside_q is not None and not inside_q[0].is_money:
        return _count_before(par, text, tok, inside_q[0].unit, sentences)
    return None


def _compared_measure(ref: str, reference: str) -> str:
    """What a comparison names after its reference: "上年执行数5,765.41万元" → 执行数."""
    rest = ref[ref.find(reference) + len(reference):] if reference in ref else ""
    rest = re.split(r"[\d\-+.]", rest, maxsplit=1)[0]
    rest = rest.strip().removesuffix("的").strip()
    for filler in ("相比", "水平", "同口径", "实际"):  # words that name no measure: "比上年实际增加"
        rest = rest.replace(filler, "")
    return rest if re.search(r"[\u4e00-\u9fff]", rest) else ""


_SPENT = ("实际执行数", "实际执行", "实际支出数", "实际支出", "支出数", "决算数", "执行数", "支出", "决算", "执行")


def _measure_key(name: str) -> str:
    """A name as a comparison names it: "执行数" and "执行", "支出数" and "支出" meet,
    and what was spent is one measure whether called 支出, 决算 or 执行数 ("全年支出决算
    2454.99万元，…比上年决算2361.21万元增加…")."""
    key = match_key(name) or name
    key = key.removesuffix("数") if len(key) > 2 else key
    return "支出" if key in _SPENT else key


def _count_inside(text: str, a: int, b: int) -> tuple[Quantity, int, int] | None:
    """The exact count printed inside a comparison (offsets ``a``..``b``)."""
    from auditlint.numbers import BASE_UNITS, COUNT_UNITS

    for m in find_quantities(text):
        if a <= m.start < b:
            q = m.quantity
            if BASE_UNITS.get(q.unit or "", q.unit) in COUNT_UNITS and q.value is not None and q.comparator in (None, "="):
                return q, m.start, m.end
    return None


def _count_before(par: Paragraph, text: str, tok: _Token, unit: str | None, sentences: list[Sentence]) -> Figure | None:
    """The named count of ``unit`` that ends the clause right before a change's clause."""
    sent = sentences[tok.sentence]
    last = None
    for m in find_quantities(par.text):
        if sent.start <= m.start and m.end <= tok.clause_start:
            last = m
    if last is None or last.quantity.unit != unit or last.quantity.value is None or last.quantity.comparator not in (None, "="):
        return None
    if not _gap(text, last.end, tok.clause_start, "，,"):
        return None
    cs = _clause_start(text, last.start, sent.start)
    subject = clean_subject(par.text[cs : last.start])
    if not _names_something(subject) or any(text[max(0, last.start - 3) : last.start].endswith(w) for w in vocabulary().approx_before):
        return None
    return Figure(subject, name_of(subject), last.quantity, sent, last.start, last.end, par.location_at(last.start))


def _follow_up(par: Paragraph, text: str, toks: list[_Token], k: int, made: dict[int, Change]) -> Change | None:
    """"比上年…增加849.67万元，增长14.74%": a percentage named only by a direction word,
    in the clause right after a change, is the same comparison in relative terms."""
    v = vocabulary()
    tok = toks[k]
    if k == 0 or tok.q.unit != "%" or tok.approximate or (k - 1) not in made:
        return None
    prev, change = toks[k - 1], made[k - 1]
    if change.relative or prev.sentence != tok.sentence or not _gap(text, prev.end, tok.clause_start, "，,"):
        return None
    words = text[tok.clause_start : tok.start].strip()
    m = re.fullmatch(rf"(?:{_alt(v.up + v.down)})(?:了|为|达)?", words)
    if m is None:
        return None
    word = next(w for w in v.up + v.down if words.startswith(w))
    direction = 1 if word in v.up else -1
    if direction != change.direction:
        return None  # "增加…，下降…": two different things
    return Change(change.subject, change.name, tok.q, direction, True, change.reference, change.current, change.prior,
                  change.sentence, tok.start, tok.end, par.location_at(tok.start), change.rows)


def _without(text: str, words: tuple[str, ...]) -> str:
    for w in words:
        text = text.replace(w, "")
    return text


def _rates(toks: list[_Token], breakdowns: list[_Breakdown]) -> list[Rate]:
    v = vocabulary()
    parts = {id(p) for b in breakdowns for p in b.parts}
    out: list[Rate] = []
    for k, tok in enumerate(toks):
        fig = tok.figure
        if fig is None or tok.q.unit != "%" or not fig.exact:
            continue
        rdef = next((r for r in v.rates if fig.name.endswith(r.names)), None)
        if rdef is None:
            continue
        earlier = [t.figure for t in toks[:k] if t.figure is not None and t.q.is_money and t.figure.exact]
        since = max((t.start for t in toks[:k] if t.figure is not None and t.q.unit == "%"
                     and t.figure.name.endswith(rdef.names)), default=-1)
        nums = [f for f in earlier if id(f) not in parts and f.start > since and any(w in f.name for w in rdef.numerator)
                and not any(w in f.name for w in rdef.not_numerator)]
        if not nums:
            continue
        num = nums[-1]
        if sum(f.sentence == num.sentence for f in nums) > 1:
            continue  # "基本支出…实际支出990万元；项目支出…实际支出450万元，执行率96%": whose rate?
        dens = tuple(f for f in earlier if f.start < num.start and any(w in f.name for w in rdef.denominator)
                     and not any(w in f.name for w in rdef.not_denominator))
        # the adjusted budget first: a rate is over it when the sentence gives one
        dens = tuple(sorted(dens[::-1], key=lambda f: not any(w in f.name for w in ("调整后", "调整"))))
        out.append(Rate(fig, rdef.measure, num, dens, fig.sentence))
    return out


def read_paragraph(par: Paragraph, tables: list[CanonicalTable] | None = None) -> list[Statement]:
    """Every statement of one paragraph, in the order of their numbers, linked to
    the rows of ``tables`` whose labels match."""
    tables = tables or []
    sentences = _sentences(par)
    if not sentences:
        return []
    toks = _tokens(par, sentences)
    for t in toks:
        if t.role == "figure":
            t.figure = _figure(par, sentences, t, tables)
    breakdowns = _brackets(par, toks)
    breakdowns += _listed_total(par, toks)
    breakdowns += _of_which(par, toks)
    breakdowns += _naming(toks)
    out: list[Statement] = [t.figure for t in toks if t.figure is not None]
    out += breakdowns
    out += _shares(toks, breakdowns, sentences, par)
    out += _changes(par, toks, breakdowns, sentences, tables)
    out += _rates(toks, breakdowns)
    return sorted(out, key=lambda s: (s.start, _KIND_ORDER[s.kind]))


_KIND_ORDER = {"figure": 0, "total_with_parts": 1, "of_which": 2, "share": 3, "change": 4, "rate": 5}


# ---------------------------------------------------------------------------
# linking to table rows


def link_rows(tables: list[CanonicalTable], name: str) -> tuple[RowRef, ...]:
    """The table rows a name talks about: the same key as the row's label, or, for
    三公经费, the row that totals the three 三公 items."""
    from auditlint.extract.tables import vocabulary as table_vocabulary

    key = match_key(name)
    v = vocabulary()
    if len(key) < 2 or key in v.trail_words or key in v.total_words:
        return ()  # "合计576.96万元" totals what its sentence lists, not every table's 合计 row
    out: list[RowRef] = []
    for ti, ct in enumerate(tables):
        for ri in range(len(ct.rows)):
            at = _named_row(ct, ri, key)
            if at is not None and RowRef(ti, at, ct.rows[at].label) not in out:
                out.append(RowRef(ti, at, ct.rows[at].label))
    if key in ("三公经费", "三公") and not out:
        items = table_vocabulary().sangong_items
        for ti, ct in enumerate(tables):
            if ct.kind != "sangong":
                continue
            for ri, row in enumerate(ct.rows):
                kids = [ct.rows[c].label for c in row.children]
                if row.kind in ("total", "subtotal") and kids and all(any(w in lab for w in items) for lab in kids):
                    out.append(RowRef(ti, ri, row.label))
    return tuple(out)


def _named_row(ct: CanonicalTable, ri: int, key: str) -> int | None:
    """The row that ``key`` names, looking at row ``ri``: the row itself when its label
    has that key. A row with two names in its label columns ("基本支出 | 工资福利支出": a
    category merged over the rows of its group, then the item) is the item's; the
    category names the group, whose total is the 小计 the row is under (None when the
    group has no subtotal of its own)."""
    from auditlint.extract.tables import split_serial

    row = ct.rows[ri]
    cells = ct.table.rows[row.index] if row.index < len(ct.table.rows) else []
    names = [split_serial(cells[c.index].text)[1] for c in ct.columns
             if c.role in ("serial", "label") and c.index < len(cells) and cells[c.index].text.strip()]
    names = [n for n in names if n]
    if len(names) < 2:
        return ri if row.label and match_key(row.label) == key else None
    if match_key(names[-1]) == key:
        return ri
    if any(match_key(n) == key for n in names[:-1]):
        parent = row.parent
        return parent if parent is not None and ct.rows[parent].kind == "subtotal" else None
    return None


def extract_into(facts: Facts) -> None:
    for block in facts.document.blocks:
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
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
    "RowRef",
    "Sentence",
    "Share",
    "Statement",
    "TotalWithParts",
    "clean_subject",
    "link_rows",
    "match_key",
    "name_of",
    "other_side",
    "read_paragraph",
    "statements_of",
    "total_core",
]
