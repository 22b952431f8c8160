"""Score claims in the narrative → ``facts.score_statements``.

- ``TotalScore``: "经综合评定，得分为99分", "自评得分为98分，等级为优";
- ``GradeClaim``: "等级为“优”" (never the list of grades "等级为优、良、中、差");
- ``GradeScale``: the report's own grade bands, "90分（含）以上为优，80（含）-90分为良……";
- ``IndicatorScore``: a per-indicator line, "立项依据充分性（分值8分，得分8分）：……根据评分标准得8分";
- ``HundredPoint``: the report says its scoring is out of 100 ("实施百分制").

Only sentences that say plainly what they claim are read; a score of a group or an
indicator is never taken for the total (a claim whose subject names a group or
indicator of a scoring table is skipped). A score or grade stated for another year
("2023年度项目绩效自评得分91分" in a report on 2024) is not this report's: a claim is
this year's only when the sentence, up to it, names no year, or names last the year
evaluated (or 本年/今年/本次). A year that dates an event ("2025年3月，经自评……")
names no period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint.extract.meta import evaluated_year
from auditlint.extract.scoring import squash, vocabulary
from auditlint.extract.text import CLAUSE, STATEMENT, STOP, YEAR, last_clause, sentence_spans
from auditlint.model import Location, Paragraph
from auditlint.numbers import Quantity, normalize, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts


@dataclass(frozen=True)
class Stated:
    """A number printed in a sentence."""

    quantity: Quantity
    location: Location

    @property
    def value(self) -> Decimal:
        assert self.quantity.value is not None
        return self.quantity.value

    @property
    def text(self) -> str:
        return self.quantity.text


@dataclass(frozen=True)
class TotalScore:
    score: Stated
    snippet: str
    ordinal: int  # the n-th total-score claim of the report, for a format-independent key


@dataclass(frozen=True)
class GradeClaim:
    grade: str
    location: Location
    snippet: str
    score: TotalScore | None  # the total score claimed in the same sentence
    ordinal: int


@dataclass(frozen=True)
class GradeScale:
    """grade → the lowest score it takes, best first."""

    bands: tuple[tuple[str, Decimal], ...]
    location: Location
    snippet: str


@dataclass(frozen=True)
class IndicatorScore:
    lead: str  # the words before 分值: the indicator's name, with serials and brackets
    weight: Stated | None
    score: Stated | None
    conclusion: Stated | None  # "……得8分" later in the same passage
    snippet: str


@dataclass(frozen=True)
class HundredPoint:
    location: Location
    snippet: str


_GRADES = "优秀|良好|合格|不合格|中等|较差|一般|优|良|中|差"
_NUM = r"\d+(?:\.\d+)?"
_TOTAL = re.compile(
    r"(?P<lead>(?:自评|综合|评价|绩效评价|最终|整体|考核|总)?得分)\s*(?:为|是|:|达到)?\s*(?P<v>" + _NUM + r")\s*分"
)
_STRONG = ("自评", "综合", "总", "最终", "整体", "评价")
# a claim about another year, a part or a subordinate unit, not this report's total
_ELSEWHERE = ("上年", "去年", "上一年", "前年", "往年", "历年", "以前年度", "其中", "下属", "分别", "各单位", "各项目")
# the year a sentence speaks of: "2023年度", "2023年" (not a date, "2025年3月"), or this year in words
_YEAR_NAMED = re.compile(r"(?<!\d)" + YEAR + r"\s*年(?!\s*\d{1,2}\s*月)|本年|今年|本次|当年")
_OVERALL = ("综合评定", "综合评价", "经自评", "评价结论", "总体评价")  # "经综合评定，得分为99分"
_GRADE = re.compile(
    r"(?:等级|等次|评价结果|评定结果|评价结论)\s*(?:为|是|:|评定为|评为|确定为)\s*[“\"「『]?(?P<g>" + _GRADES + r")[”\"」』]?"
)
_PAIR = re.compile(
    r"(?:分值|权重|标准分|满分)\s*(?:为|:)?\s*(?P<w>" + _NUM + r")\s*分\s*[,，；;、]?\s*(?:自评|实际)?得分\s*(?:为|:)?\s*"
    r"(?P<s>" + _NUM + r")\s*分"
)
_CONCLUSION = re.compile(r"(?<![自评际])得\s*(?P<v>" + _NUM + r")\s*分")
_SERIAL = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十\d]+\s*[、.．])\s*")
_BAND = re.compile(
    r"(?P<cmp>≥|>=|不低于|达到)?\s*(?P<lo>" + _NUM + r")\s*分?\s*(?:\((?P<i>含|不含)\))?\s*(?P<sfx>及以上|以上|及以下|以下|以内)?"
    r"\s*(?:[-~～—至到]\s*(?P<hi>" + _NUM + r")\s*分?\s*(?:\((?:含|不含)\))?\s*(?:以下|以内)?)?"
    r"\s*(?:的|者)?\s*(?:为|评为|定为|属于|:)\s*[“\"「]?(?P<g>" + _GRADES + r")[”\"」]?"
)
# what follows a band's bound, not a claimed score: "90分（含）以上", "80分至90分", "60-80分"
_BOUND = re.compile(r"\s*(?:\((?:不)?含\)|及?以上|及?以下|以内|[-~～—至到]\s*\d)")
_BREAKDOWN = ("其中", "分别", "各得", "每项")


def _stated(p: Paragraph, text: str, start: int, end: int) -> Stated | None:
    q = parse_quantity(text[start:end])
    if q is None or q.value is None:
        return None
    return Stated(q, p.location_at(start))


def _names(facts: Facts) -> set[str]:
    names: set[str] = set()
    for st in facts.scoring:
        names.update(squash(g.name) for g in st.groups if len(squash(g.name)) >= 2)
        names.update(squash(i.name) for i in st.indicators if len(squash(i.name)) >= 2)
    return names


def _grade_words() -> set[str]:
    return {g for scale in vocabulary().grade_scales for g, _ in scale}


# what every band of a grade scale prints ("…为优"): a paragraph without it holds no band,
# and the full band pattern, tried at every character, is the paragraph reader's slowest
_BAND_END = re.compile(r"(?:为|属于|:)\s*[“\"「]?(?:" + _GRADES + r")")


def _scale(p: Paragraph, text: str) -> GradeScale | None:
    if _BAND_END.search(text) is None:
        return None
    found: list[tuple[str, Decimal]] = []
    for m in _BAND.finditer(text):
        g = m.group("g")
        lo = Decimal(m.group("lo"))
        below = m.group("sfx") in ("以下", "及以下", "以内") and not m.group("hi")
        found.append((g, Decimal(0) if below else lo))
    grades = [g for g, _ in found]
    if len(found) < 3 or len(set(grades)) != len(grades):
        return None
    bands = tuple(sorted(found, key=lambda b: b[1], reverse=True))
    return GradeScale(bands, p.location, text[:120])


def _elsewhere(prefix: str, project_report: bool, year: int | None) -> bool:
    """Does the sentence, up to the claim, speak of another year, a part or another unit?
    In a department's report a sentence naming a 项目 speaks of that project. A claim
    is this year's only when the last year the sentence names before it is the year
    evaluated (or 本年/今年/本次/当年), or it names none; with the year evaluated
    unknown, a sentence naming a year is not taken for this year's."""
    if any(w in prefix for w in _ELSEWHERE) or (not project_report and "项目" in prefix):
        return True
    named = [m.group(1) for m in _YEAR_NAMED.finditer(prefix)]
    return bool(named) and named[-1] is not None and (year is None or int(named[-1]) != year)


def _title(facts: Facts) -> str:
    """The report's title: extract/meta.py's, which joins a title printed over several
    lines ("沂南县2024年度农村供水保障工程" / "项目支出绩效评价报告"); else the first line."""
    noted = getattr(facts.meta, "title", None)
    if noted is not None and isinstance(noted.value, str):
        return noted.value
    return next((p.text for p in facts.document.paragraphs if p.text.strip()), "")


ScoreStatement = TotalScore | GradeClaim | GradeScale | IndicatorScore | HundredPoint


def extract_into(facts: Facts) -> None:
    names = _names(facts)
    project_report = "项目" in _title(facts)
    year = evaluated_year(facts.meta)
    hundred = vocabulary().hundred_point_words
    grade_words = _grade_words()
    totals = grades = 0
    out = facts.score_statements
    for p in facts.document.paragraphs:
        text = normalize(p.text)
        squashed = squash(text)
        if any(w in squashed for w in hundred):
            out.append(HundredPoint(p.location, p.text[:120]))
        scale = _scale(p, text)
        if scale is not None:
            out.append(scale)
        if _CLAIM_WORD.search(text) is None:
            continue  # no sentence of it can hold a total, a grade or a 分值/得分 pair
        for s, e in sentence_spans(text, STATEMENT):
            sentence = text[s:e]
            claim = None
            # every total claim prints 得分: a sentence without it is not scanned for one
            for m in _TOTAL.finditer(sentence) if "得分" in sentence else ():
                if not _is_total(sentence, m, names) or _elsewhere(sentence[: m.start()], project_report, year):
                    continue
                if _is_bound(sentence, m, scale is not None):
                    continue
                stated = _stated(p, text, s + m.start("v"), s + m.end("v"))
                if stated is not None and stated.value <= 150:
                    totals += 1
                    claim = TotalScore(stated, p.text[s:e].strip()[:160], totals)
                    out.append(claim)
                    break
            for m in _GRADE.finditer(sentence):
                nxt = sentence[m.end() : m.end() + 1]
                if nxt in ("、", ",", "，", "和", "及", "/") or m.group("g") not in grade_words:
                    continue  # "等级为优、良、中、差": the scale, not a claim
                if _elsewhere(sentence[: m.start()], project_report, year):
                    continue
                grades += 1
                out.append(GradeClaim(m.group("g"), p.location_at(s + m.start("g")), p.text[s:e].strip()[:160], claim,
                                      grades))
        out.extend(_indicator_scores(p, text))


# what a claim cannot be printed without: a total claim's and a 分值 pair's 得分, and the
# words before a grade (``_GRADE``); each is contiguous text, so a sentence holding one is
# a slice of a paragraph holding it
_CLAIM_WORD = re.compile(r"得分|等级|等次|评价结果|评定结果|评价结论")


def _is_bound(sentence: str, m: re.Match[str], in_scale: bool) -> bool:
    """Is the number a grade band's bound ("综合得分90分（含）以上为“优”") rather than a
    claimed score? In a paragraph that prints the grade bands, also any number that
    starts a band ("90分为优")."""
    if _BOUND.match(sentence, m.end()):
        return True
    return in_scale and _BAND.match(sentence, m.start("v")) is not None


def _is_total(sentence: str, m: re.Match[str], names: set[str]) -> bool:
    before = sentence[: m.start()]
    if re.search(r"(?:分值|权重|标准分|满分)\s*(?:为|:)?\s*" + _NUM + r"\s*分\s*[,，；;、]?\s*$", before):
        return False  # the score half of "分值8分，得分8分"
    lead = m.group("lead")
    strong = (any(w in lead for w in _STRONG) or "等级" in sentence[m.end() :]
              or any(w in before for w in _OVERALL))
    if not strong:
        return False
    subject = squash(last_clause(before, CLAUSE))
    return not any(n in subject for n in names)


def _indicator_scores(p: Paragraph, text: str) -> list[IndicatorScore]:
    out: list[IndicatorScore] = []
    pairs = list(_PAIR.finditer(text))
    for k, m in enumerate(pairs):
        start = pairs[k - 1].end() if k else 0
        end = pairs[k + 1].start() if k + 1 < len(pairs) else len(text)
        lead_text = text[start : m.start()]
        # the name is the last clause before 分值, without its serial and brackets
        lead = last_clause(lead_text, STOP)
        lead = _SERIAL.sub("", lead).strip(" ,，:：(（")
        # the points the passage concludes with, when it gives exactly one and breaks
        # nothing down ("其中……得2分" speaks of parts)
        found = list(_CONCLUSION.finditer(text, m.end(), end))
        conclusion = None
        if len(found) == 1 and not any(w in text[m.end() : end] for w in _BREAKDOWN):
            conclusion = _stated(p, text, found[0].start("v"), found[0].end("v"))
        out.append(IndicatorScore(
            lead=lead,
            weight=_stated(p, text, m.start("w"), m.end("w")),
            score=_stated(p, text, m.start("s"), m.end("s")),
            conclusion=conclusion,
            snippet=p.text[max(start, m.start() - 30) : min(end, m.end() + 60)].strip(),
        ))
    return out


__all__ = ["GradeClaim", "GradeScale", "HundredPoint", "IndicatorScore", "Stated", "TotalScore"]
