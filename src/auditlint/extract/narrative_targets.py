"""Targets the narrative gives: "集中结算金额达370亿元，……完成年度目标任务的115%（320亿元）"
(the target of the figure before it) and lists of the year's targets ("绩效目标为：扶持农业
产业化龙头企业不少于10家，……"), with how a listed target's words name a table's indicator.
Sentences and a list's clauses end where ``extract/text.py`` says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.facts import Facts
from auditlint.extract.kb.knowledge import name_key
from auditlint.extract.kb.values import year_ok
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import narrative_paragraphs
from auditlint.extract.stated_figures import MIN_NAME, matching_name, stated_values
from auditlint.extract.text import LINE, SENTENCE, sentence_end, sentence_start
from auditlint.model import Location
from auditlint.numbers import HUNDRED, Quantity, find_quantities, normalize, parse_quantity


@dataclass(frozen=True)
class NarrativeTarget:
    """A target the narrative gives for a figure: "集中结算金额达370亿元，……完成年度目标
    任务的115%（320亿元）" → 集中结算金额, 320亿元; or one of a list of targets: "绩效目标
    为：扶持农业产业化龙头企业不少于10家，……" → 扶持农业产业化龙头企业, 不少于10家."""

    subject: str
    quantity: Quantity
    actual: Quantity | None  # the figure it is the target of (None: an item of a list of targets)
    location: Location
    sentence: str

    @property
    def listed(self) -> bool:
        return self.actual is None


_TARGET = re.compile(
    r"(?:年度|全年)?目标(?:任务|值)?(?:的(?P<pct>\d+(?:\.\d+)?)%)?"
    r"(?:[（(](?P<inner>[^（()）]{1,24})[)）]|(?:为|是|：|:)(?P<after>[^，,。；;（(]{1,24}))"
)


def _number_in(text: str) -> Quantity | None:
    q = parse_quantity(re.sub(r"[。．；;，,\s]+$", "", text.strip()))
    if q is None or q.value is None or q.upper is not None or q.comparator not in (None, "="):
        return None
    return q if (q.is_money or q.is_percent or q.base_unit) else None


def narrative_targets(facts: Facts) -> list[NarrativeTarget]:
    stated = sorted(stated_values(facts), key=lambda s: (s.paragraph, s.start))
    out: list[NarrativeTarget] = []
    for par in narrative_paragraphs(facts):  # the paragraphs the statements' offsets count in
        text = normalize(par.text)
        for m in _TARGET.finditer(text):
            q = _number_in(par.text[m.start("inner"):m.end("inner")] if m.group("inner") else
                           par.text[m.start("after"):m.end("after")])
            if q is None:
                continue
            s_start = sentence_start(text, m.start(), SENTENCE)
            before = [s for s in stated if s.paragraph == par.index and s_start <= s.start < m.start()
                      and s.quantity.base_unit == q.base_unit and s.quantity.is_percent == q.is_percent]
            if not before:
                continue
            actual = before[-1]
            if m.group("pct") and not _confirms(actual.quantity, q, Decimal(m.group("pct"))):
                continue  # "目标任务的115%（320亿元）" only when 370 ÷ 320 is about 115%
            out.append(NarrativeTarget(actual.subject, q, actual.quantity, par.location_at(m.start()), text[s_start:].split("。")[0]))
    return out


# "（年度）绩效目标为：A不少于10家，B不低于3,000元，……" — a list of the year's targets;
# not a whole project's or a plan's (总体目标, 三年目标, 实施期目标 …), which the year's
# 年度指标值 need not equal
_TARGET_LIST = re.compile(r"目标(?:任务)?(?:为|是|如下)?[：:]|目标(?:任务)?(?:为|是)(?!否)")
_NOT_ANNUAL = ("总体", "总目标", "中长期", "长期", "中期", "实施期", "项目期", "建设期", "周期", "规划", "累计",
               "三年", "五年", "十四五", "至20", "—20", "-20", "～20", "~20")
_TARGET_VERBS = ("达到", "完成", "实现", "控制在", "保持在", "稳定在")
_LIST_SEPARATORS = "，,；;、：:（()）"


def listed_targets(facts: Facts) -> list[NarrativeTarget]:
    """The targets a sentence lists after "目标为：" (“扶持农业产业化龙头企业不少于10家，
    新建标准化生产基地不少于2万亩……”), each with the words of its clause before it."""
    year = evaluated_year(facts.meta)
    out: list[NarrativeTarget] = []
    for par in facts.document.paragraphs:
        text = normalize(par.text)
        for m in _TARGET_LIST.finditer(text):
            s_start = sentence_start(text, m.start(), LINE)
            s_end = _before_end(text, sentence_end(text, m.end(), LINE))
            lead = text[s_start : m.start()]
            if any(w in lead for w in _NOT_ANNUAL) or not year_ok(lead, year):
                continue
            sentence = text[s_start:s_end]
            for q_match in find_quantities(text[m.end() : s_end]):
                q = q_match.quantity
                if q.value is None or q.upper is not None or q.comparator == "~" or not (q.base_unit or q.is_percent or q.is_money):
                    continue
                at = m.end() + q_match.start
                words = text[max(sentence_start(text, at, _LIST_SEPARATORS), m.end()) : at].strip()
                for v in _TARGET_VERBS:
                    if words.endswith(v):
                        words = words[: -len(v)]
                if len(name_key(words)) < MIN_NAME or re.search(r"[\d年月]", words):
                    continue
                out.append(NarrativeTarget(words, q, None, par.location_at(at), sentence))
    return out


_MEASURE_ENDINGS = ("数量", "个数", "家数", "户数", "人数", "面积", "规模", "数", "量")


def _core(name: str) -> str:
    k = matching_name(name)
    for e in _MEASURE_ENDINGS:
        if k.endswith(e) and len(k) - len(e) >= MIN_NAME:
            return k[: -len(e)]
    return k


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def names_same_target(row_name: str, subject: str) -> bool:
    """Does a listed target's clause ("扶持农业产业化龙头企业") name the table's indicator
    ("扶持龙头企业数量")? The shorter name, its measure word (数量, 面积 …) off, is
    written within the longer one in order, and both end alike."""
    a, b = _core(row_name), _core(subject)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_NAME and short[-2:] == long[-2:] and _subsequence(short, long)


# a target's kind of bound, by its comparator: a listed target is compared with one of its kind
BOUNDS = {">=": "lower", ">": "lower", "<=": "upper", "<": "upper", "=": "exact", None: "exact"}


def _before_end(text: str, end: int) -> int:
    """The sentence's end without its closing mark."""
    return end - 1 if end > 0 and text[end - 1] in LINE else end


def _confirms(actual: Quantity, target: Quantity, pct: Decimal) -> bool:
    if not target.value or actual.value is None:
        return False
    ratio = actual.value * actual.scale / (target.value * target.scale) * HUNDRED
    return abs(ratio - pct) <= 1
