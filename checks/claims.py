"""Claims held against the report's own data: an indicator's value contradicted by
the figures it is computed from (AL501), a target given differently in the
narrative and in the table (AL502), full marks on a missed target where AL403 did
not already say so (AL504).

An indicator in the knowledge base (``data/indicators.yaml``) is recomputed from the
report's tables and sentences (``extract/kb/values.py``); any other indicator
is held against a sentence that states the same quantity ("来电总量99.54万个" for
来电量). A claim is reported only when every reading of the data contradicts it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from auditlint.checks.helpers import cell_text, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.counts import counts_of
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike, ScoredRow, indicator_rows
from auditlint.extract.kb.knowledge import IndicatorDef, knowledge_base, name_key
from auditlint.extract.kb.targets import Pair, comparable, direction, garbled, impossible_target, misses
from auditlint.extract.kb.values import (
    Reading,
    all_contradict,
    contradicts,
    definition_readings,
    readings,
    stated_formula_readings,
    stated_terms,
    year_ok,
)
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, Rate, statements_of
from auditlint.findings import Evidence, Finding, Related
from auditlint.model import Cell, Location
from auditlint.numbers import Approx, Quantity, find_quantities, fmt, normalize, parse_quantity
from auditlint.rank import materiality

HUNDRED = Decimal(100)
MIN_NAME = 3  # an indicator name shorter than this (时效) is matched to no sentence


# ---------------------------------------------------------------------------
# what the narrative states, by name


@dataclass(frozen=True)
class Stated:
    """A number a sentence states of something: "12393热线来电总量99.54万个"."""

    subject: str
    quantity: Quantity
    location: Location
    sentence: str
    before: str  # the sentence's text before the number
    paragraph: int  # Paragraph.index
    start: int  # offset of the number in the paragraph's text
    exact: bool = True

    @property
    def shown(self) -> str:
        return self.subject + self.quantity.text.strip()


def matching_name(text: str) -> str:
    """A name as compared with an indicator's: quotes and spaces off, 金额 as 额,
    总/累计 before 量/额/数 off ("来电总量" → "来电量", "集中结算金额" → "集中结算额")."""
    t = name_key(text).replace("金额", "额")
    t = re.sub(r"(?:总|累计)(?=[量额数])", "", t)
    return t


def _stated_values(facts: Facts, *, exact: bool = True) -> list[Stated]:
    """The narrative's numbers dated in the evaluated year (or not dated); ``exact``:
    only those stated exactly (not 超, 近, 余, not compared)."""
    year = evaluated_year(facts.meta)
    out: list[Stated] = []
    for f in statements_of(facts, Figure):
        before = f.sentence.text[: f.start - f.sentence.start]
        if (f.exact or not exact) and f.quantity.value is not None and year_ok(before, year):
            out.append(Stated(f.subject, f.quantity, f.location, f.sentence.text, before, f.sentence.paragraph, f.start,
                              f.exact))
    for c in counts_of(facts):
        if (c.exact or not exact) and c.quantity.value is not None and year_ok(c.before, year):
            out.append(Stated(c.subject, c.quantity, c.location, c.sentence, c.before, c.paragraph, c.start, c.exact))
    return out


MAX_QUALIFIER = 8  # "12393热线" before 来电量, "集中" before 结算额; a longer run of words names something else


def stated_of(facts: Facts, name: str) -> list[Stated]:
    """The narrative's numbers of the indicator, by name: a percentage only under the
    indicator's very name (人工接通率 and 综合接通率 are two rates, neither is "接通率"),
    an amount or count also under a name a few characters longer ending with it
    ("12393热线来电总量" for 来电量, "集中结算金额" for 结算额). Only the closest names
    count; when one of those is approximate ("超370亿元"), nothing is taken."""
    want = matching_name(name)
    if len(want) < MIN_NAME:
        return []
    found: list[tuple[int, Stated]] = []
    for s in _stated_values(facts, exact=False):
        got = matching_name(s.subject)
        extra = len(got) - len(want)
        if got == want or (not s.quantity.is_percent and got.endswith(want) and extra <= MAX_QUALIFIER):
            found.append((extra, s))
    if not found:
        return []
    closest = min(extra for extra, _ in found)
    best = [s for extra, s in found if extra == closest]
    return best if all(s.exact for s in best) else []


def _base(q: Quantity) -> Approx:
    return q.approx.scale(q.scale)


def comparable_values(claim: Quantity, name: str, stated: list[Stated]) -> list[tuple[Stated, Approx]]:
    """The stated numbers measured like the claim, as intervals in the claim's terms: a
    percent against a percent; an amount or count in base units, and a count written
    in money (来电量 “100万元”) against the count the sentence gives."""
    out = []
    for s in stated:
        q = s.quantity
        if claim.is_percent or q.is_percent:
            if claim.is_percent and q.is_percent:
                out.append((s, q.approx))
            continue
        same = (claim.base_unit or None) == (q.base_unit or None)
        slip = knowledge_base().is_count(name) and claim.is_money != q.is_money
        if same or slip:
            out.append((s, _base(q).scale(1 / claim.scale)))
    return out


# ---------------------------------------------------------------------------
# AL501


@dataclass(frozen=True)
class Claim:
    name: str
    quantity: Quantity
    text: str  # as printed
    location: Location
    snippet: str
    where_zh: str  # "完成值" | "文中"
    where_en: str
    row: IndicatorRowLike | None = None


def _row_claim(row: IndicatorRowLike) -> Claim | None:
    cell = row.cells.get("actual")
    if cell is None:
        return None
    q = row.actual
    if q is None and isinstance(row, ScoredRow):
        q = row.indicator.actual_quantity  # a completion written as a sentence: "部门预算资金到位率100%"
    if q is None or q.value is None:
        return None
    return Claim(row.name, q, cell.text.strip(), cell.location, row_snippet(row), "完成值", "the completion", row)


def _unit_fits(claim: Quantity, ind: IndicatorDef) -> bool:
    if ind.unit == "%":
        return claim.unit in (None, "%")
    return claim.base_unit == Quantity(text="", value=None, unit=ind.unit).base_unit


def _full_marks(row: IndicatorRowLike | None) -> tuple[str, str]:
    if not isinstance(row, ScoredRow) or row.score is None or row.weight is None or row.score.value != row.weight.value:
        return "", ""
    w = fmt(row.weight.value or Decimal(0))
    return f"并得满分 {w} 分", f" and scored full marks ({w})"


def _difference(claim: Quantity, values: list[Approx]) -> Decimal:
    v = claim.value or Decimal(0)
    return min(abs(x.mid - v) for x in values)


def _kb_finding(claim: Claim, ind: IndicatorDef, rs: list[Reading]) -> Finding:
    unit = "%" if ind.unit == "%" else ""
    values = [r.value for r in rs]
    first = rs[0]
    computed = first.shown()
    shown = list(dict.fromkeys(f"{r.expression()} = {r.shown()}" for r in rs if r.primary))
    others = "；".join(shown[1:3]) + ("；……" if len(shown) > 3 else "")
    more_zh = f"（其他算法或数据来源：{others}，同样不符）" if others else ""
    more_en = f" (other formulas or sources: {others}; none agrees)" if others else ""
    if not all(r.primary for r in rs):
        more_zh += "（表格未注明单位，按元、万元、亿元计均不符）"
        more_en += " (the table states no unit; no unit makes it agree)"
    marks_zh, marks_en = _full_marks(claim.row)
    diff = _difference(claim.quantity, values)
    related: list[Related] = []
    seen: set[Location] = set()
    for r in rs:
        for _, s in r.inputs:
            if s.location not in seen and len(related) < 6:
                seen.add(s.location)
                related.append(Related(s.location, s.snippet))
    base = HUNDRED if unit == "%" else abs(claim.quantity.value or Decimal(1)) or Decimal(1)
    return Finding(
        location=claim.location,
        message_zh=f"“{claim.name}”{claim.where_zh}为“{claim.text}”{marks_zh}，但按报告自己的数据重新计算为 {computed}："
                   f"{first.expression()}{more_zh}",
        message_en=f"“{claim.name}”: {claim.where_en} is “{claim.text}”{marks_en}, but the report's own figures give "
                   f"{computed}: {first.expression()}{more_en}",
        evidence=Evidence(expression=first.expression(), stated=claim.text, computed=computed, difference=fmt(diff, 2),
                          tolerance=fmt(claim.quantity.approx.half + first.value.half, 4) if claim.quantity.comparator is None
                          else "0",
                          operands=(("公式", first.formula.text),
                                    *((f"{n}: {s.what}", s.shown) for n, s in first.inputs))),
        snippet=claim.snippet,
        related=related,
        confidence=0.85 if any(r.uses_text for r in rs) else 0.95,
        materiality=materiality(float(diff), float(base)),
        key=("claim", claim.name, claim.text),
    )


def _stated_finding(claim: Claim, got: list[tuple[Stated, Approx]]) -> Finding:
    # the sentence naming it most closely first; the others are only in ``related``
    got = sorted(got, key=lambda g: len(matching_name(g[0].subject)))
    s, value = got[0]
    marks_zh, marks_en = _full_marks(claim.row)
    diff = _difference(claim.quantity, [v for _, v in got])
    base = HUNDRED if claim.quantity.is_percent else abs(claim.quantity.value or Decimal(1)) or Decimal(1)
    return Finding(
        location=claim.location,
        message_zh=f"“{claim.name}”{claim.where_zh}为“{claim.text}”{marks_zh}，但正文写明“{s.shown}”",
        message_en=f"“{claim.name}”: {claim.where_en} is “{claim.text}”{marks_en}, but the narrative states “{s.shown}”",
        evidence=Evidence(expression=f"{claim.text} vs {s.shown}", stated=claim.text, computed=s.quantity.text.strip(),
                          difference=fmt(diff), tolerance="0",
                          operands=tuple((x.subject, x.quantity.text.strip()) for x, _ in got[:4])),
        snippet=claim.snippet,
        related=[Related(x.location, x.sentence.strip()[:80]) for x, _ in got[:4]],
        confidence=0.85,
        materiality=materiality(float(diff), float(base)),
        key=("claim", claim.name, claim.text),
    )


def _rate_anchors(facts: Facts) -> set[Location]:
    return {r.rate.location for r in statements_of(facts, Rate)}


def _narrative_claims(facts: Facts) -> Iterator[tuple[Claim, IndicatorDef, Figure]]:
    """Percentages the narrative states of an indicator in the base ("预算执行率100%");
    not those stated with their own figures (a Rate: AL201's)."""
    kb = knowledge_base()
    anchors = _rate_anchors(facts)
    year = evaluated_year(facts.meta)
    for f in statements_of(facts, Figure):
        if not f.exact or not f.quantity.is_percent or f.location in anchors:
            continue
        ind = kb.lookup(f.name)
        if ind is None or not year_ok(f.sentence.text[: f.start - f.sentence.start], year):
            continue
        claim = Claim(f.name, f.quantity, f.quantity.text.strip(), f.location, f.sentence.text.strip()[:120], "文中",
                      "the narrative's figure")
        yield claim, ind, f


def _narrative_readings(facts: Facts, ind: IndicatorDef, f: Figure) -> list[Reading]:
    """The values a narrative claim is held against: those of the formula the report
    prints beside it ("结转结余率3.20%（年末结转结余÷收入合计）"), when it prints one —
    the report's own definition, and nothing when its terms name no amount — else the
    knowledge base's."""
    texts = {p.index: p.text for p in facts.document.paragraphs}
    terms = stated_terms(texts.get(f.sentence.paragraph, ""), f.end)
    if terms is not None:
        return stated_formula_readings(facts, ind, terms, f.sentence.paragraph)
    return _kb_readings(facts, ind)


def _kb_readings(facts: Facts, ind: IndicatorDef) -> list[Reading]:
    """The indicator's values: by the definition the report states for it anywhere
    ("预算调整率=各项目调整金额绝对值之和÷年初预算数"), which overrides the knowledge
    base's (nothing when its terms name no figure); else by the knowledge base's."""
    defined = definition_readings(facts, ind)
    return defined if defined is not None else readings(facts, ind)


@check("AL501", "claim-contradicts-data", severity="error", zh="指标的声称值与报告自身数据重新计算的结果不符",
       en="An indicator's claimed value contradicts the report's own data")
def claim_contradicts_data(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    指标的完成值（自评表、评分表的完成值栏，或正文中的“预算执行率100%”）与用报告自己的数据重新计算的结果不符。
    知识库（data/indicators.yaml）中的指标按其公式从预算执行表、“三公”表和正文数字重算：预算执行率 = 实际支出÷
    调整后预算（表中未列调整后预算时，取年初预算及其加上调整数），结转结余率 = 年末结转结余（或 预算 − 支出）÷ 预算，预算调整率、“三公经费”变动率、在职人员控制率
    （编制内实有人数 ÷ 编制数；辅警、编外、劳务派遣等其他人员的数字不算，行政编制、事业编制并列时编制数为其和）等；
    其他指标与正文写明的同一数量相比（来电量 与“来电总量99.54万个”）。部门整体报告的指标不用项目明细表（只列项目的
    表）的合计重算；报告在声称值后括注了自己的公式（“结转结余率3.20%（年末结转结余÷收入合计）”）时按其公式重算；
    报告在任何位置写明了指标的定义（“预算调整率=各项目调整金额绝对值之和÷年初预算数”）时，以报告的定义代替知识库的
    公式（调整金额绝对值之和 = 预算表各行调整额不计正负之和）。公式中的项找不到对应数字时不报告。按区间比较并尊重
    比较符：“≤0%”只有重算值整体大于 0 才算不符，“100%”代表 [99.5%, 100.5%]。有多种常见算法或多个数据来源时，
    只有全部不符才报告；数据不足以判断（没有上年数，没有编制数）时不报告。
    错误示例：预算执行率 完成值“100%”，而预算表 2613.26 ÷ 2661.53 = 98.19%；结转结余率“0%”而年末结转结余 51.43 万元。
    正确示例：预算执行率 完成值“98.19%”；结转结余率“2.70%”。

    en:
    An indicator's completion (the completion column of a self-evaluation or scoring
    table, or a sentence such as "预算执行率100%") contradicts the value recomputed from the
    report's own data. Indicators in the knowledge base (data/indicators.yaml) are
    recomputed by their formulas from the budget and 三公 tables and the narrative's
    figures: execution rate = actual ÷ adjusted budget (or, with no adjusted
    budget printed, the initial budget and the initial budget plus the table's adjustments), carry-over rate = carry-over (or
    budget − actual) ÷ budget, budget adjustment rate, 三公 change rate, staff control
    rate (the establishment's staff in post ÷ its authorised posts: auxiliary, contract or
    seconded staff's figures are not taken, and posts of two kinds listed together —
    行政编制、事业编制 — are summed) and more; other indicators are held against a
    sentence stating the same quantity (来电量 against "来电总量99.54万个"). A
    department-wide report's indicators are not recomputed from a table that lists
    projects (its total is the projects' spending, a part of the department's). When the
    report prints its own formula beside the claim ("结转结余率3.20%（年末结转结余÷收入合计）")
    that formula is used; a definition the report prints anywhere ("预算调整率=各项目调整金额
    绝对值之和÷年初预算数") replaces the knowledge base's formula (the sum of absolute
    adjustments is that of the budget table's lines, signs dropped). Nothing is said when
    the report's own formula has a term that names no amount. Compared as
    intervals, comparators respected: "≤0%" is contradicted only by a value wholly above 0,
    "100%" stands for [99.5%, 100.5%]. With several common formulas or several sources, it
    is reported only when all of them contradict it; where the data cannot decide (no
    prior-year figure, no post count) nothing is said.
    Bad: 预算执行率 completion "100%" while the budget table gives 2613.26 ÷ 2661.53 = 98.19%;
    结转结余率 "0%" with 51.43 (万元) carried over.
    Good: 预算执行率 completion "98.19%"; 结转结余率 "2.70%".
    """
    kb = knowledge_base()
    rows = list(indicator_rows(facts))
    # an indicator printed in several rows (one table per project, or a table and its
    # copy) may be about something else than the whole report's figures: none is judged
    printed = Counter(ind.id for _key, row in rows if (ind := kb.lookup(row.name)) is not None)
    for _key, row in rows:
        if garbled(row):
            continue
        claim = _row_claim(row)
        if claim is None:
            continue
        ind = kb.lookup(row.name)
        if ind is not None and printed[ind.id] > 1:
            continue
        rs = _kb_readings(facts, ind) if ind is not None and _unit_fits(claim.quantity, ind) else []
        if ind is not None and not rs and definition_readings(facts, ind) is not None:
            continue  # the report defines it in terms no figure answers: nothing to say
        if rs:
            if all_contradict(claim.quantity, [r.value for r in rs]):
                yield _kb_finding(claim, ind, rs)  # type: ignore[arg-type]
            continue
        if row.actual is None:
            continue  # a completion sentence is only held against the knowledge base
        got = comparable_values(claim.quantity, row.name, stated_of(facts, row.name))
        if got and all(contradicts(claim.quantity, v) for _, v in got):
            yield _stated_finding(claim, got)
    for claim, ind, figure in _narrative_claims(facts):
        if not _unit_fits(claim.quantity, ind):
            continue
        rs = _narrative_readings(facts, ind, figure)
        if rs and all_contradict(claim.quantity, [r.value for r in rs]):
            yield _kb_finding(claim, ind, rs)


# ---------------------------------------------------------------------------
# AL502


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
    stated = sorted(_stated_values(facts), key=lambda s: (s.paragraph, s.start))
    out: list[NarrativeTarget] = []
    for par in facts.document.paragraphs:
        text = normalize(par.text)
        for m in _TARGET.finditer(text):
            q = _number_in(par.text[m.start("inner"):m.end("inner")] if m.group("inner") else
                           par.text[m.start("after"):m.end("after")])
            if q is None:
                continue
            s_start = max(text.rfind(ch, 0, m.start()) for ch in "。！？!?") + 1
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
            s_start = max(text.rfind(ch, 0, m.start()) for ch in "。！？!?\n") + 1
            ends = [i for i in (text.find(ch, m.end()) for ch in "。！？!?\n") if i >= 0]
            s_end = min(ends) if ends else len(text)
            lead = text[s_start : m.start()]
            if any(w in lead for w in _NOT_ANNUAL) or not year_ok(lead, year):
                continue
            sentence = text[s_start:s_end]
            for q_match in find_quantities(text[m.end() : s_end]):
                q = q_match.quantity
                if q.value is None or q.upper is not None or q.comparator == "~" or not (q.base_unit or q.is_percent or q.is_money):
                    continue
                at = m.end() + q_match.start
                clause_start = max(text.rfind(ch, m.end(), at) for ch in _LIST_SEPARATORS)
                words = text[max(clause_start + 1, m.end()) : at].strip()
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


_BOUNDS = {">=": "lower", ">": "lower", "<=": "upper", "<": "upper", "=": "exact", None: "exact"}


def _confirms(actual: Quantity, target: Quantity, pct: Decimal) -> bool:
    if not target.value or actual.value is None:
        return False
    ratio = actual.value * actual.scale / (target.value * target.scale) * HUNDRED
    return abs(ratio - pct) <= 1


@check("AL502", "target-differs", severity="warning", zh="同一指标的目标值在正文与表中不一致",
       en="The same target is given differently in the narrative and the table")
def target_differs(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    正文写出的年度目标（“完成年度目标任务的115%（320亿元）”“年度目标为……”）与指标表、评分表中同一指标的目标值
    不一致。正文的目标归属于其前面最近的同类数字（“集中结算金额达370亿元”），按名称与表中指标对应（结算额）；
    写有完成百分比时还须与实际数÷目标数相符才采用。“绩效目标为：扶持农业产业化龙头企业不少于10家，……”这样
    列出的各项目标，按分句名称对应表中唯一一个指标（扶持龙头企业数量），且须同为下限、上限或定值；总体目标、
    实施期目标、规划目标或其他年度的目标不比较。名称对不上、对上多个指标或数值在舍入范围内一致时不报告。
    错误示例：表中 结算额 目标值“＝280亿元”，正文“集中结算金额达370亿元，完成年度目标任务的115%（320亿元）”。
    正确示例：表中目标值“＝320亿元”，与正文一致。

    en:
    A target stated in the narrative ("完成年度目标任务的115%（320亿元）", "年度目标为……")
    differs from the target of the same indicator in an indicator or scoring table. The
    narrative's target belongs to the nearest figure of its kind before it
    ("集中结算金额达370亿元") and is matched to the table's indicator by name (结算额); when a completion
    percentage is printed, actual ÷ target must agree with it. A list of targets
    ("绩效目标为：扶持农业产业化龙头企业不少于10家，……") is matched clause by clause to the one
    indicator its words name (扶持龙头企业数量), bound against bound of the same kind (a lower
    bound against a lower bound); a whole project's, a plan's or another year's targets
    (总体目标, 实施期目标) are not compared. No match, several matches, or values equal
    within rounding: nothing is reported.
    Bad: table 结算额 target "=280亿元", narrative "集中结算金额达370亿元，完成年度目标任务的115%（320亿元）".
    Good: the table's target is "=320亿元", as the narrative says.
    """
    targets = narrative_targets(facts) + listed_targets(facts)
    if not targets:
        return
    rows = [row for _key, row in indicator_rows(facts) if row.target is not None and "target" in row.cells]
    grouped: dict[int, list[NarrativeTarget]] = {}
    for t in targets:
        subject = matching_name(t.subject)
        if t.listed:
            # one of a list of targets: its indicator printed once, with a bound of the same kind
            hits = [r for r in rows if names_same_target(r.name, t.subject)]
            if len(hits) != 1 or _BOUNDS.get(hits[0].target.comparator) != _BOUNDS.get(t.quantity.comparator):  # type: ignore[union-attr]
                continue
        else:
            hits = [r for r in rows if len(matching_name(r.name)) >= MIN_NAME and subject.endswith(matching_name(r.name))]
        if len({name_key(r.name) for r in hits}) != 1:
            continue
        for r in hits:
            grouped.setdefault(id(r), []).append(t)
    by_id = {id(r): r for r in rows}
    for rid, ts in grouped.items():
        row = by_id[rid]
        tq = row.target
        assert tq is not None
        values = {(t.quantity.value or Decimal(0)) * t.quantity.scale for t in ts}
        if len(values) != 1:
            continue  # the narrative itself gives two targets
        t = ts[0]
        if tq.base_unit != t.quantity.base_unit or tq.is_percent != t.quantity.is_percent or tq.upper is not None:
            continue
        if _base(tq).gap(_base(t.quantity)) <= 0:
            continue
        cell: Cell = row.cells["target"]
        shown, said = cell.text.strip(), t.quantity.text.strip()
        diff = abs(_base(tq).mid - _base(t.quantity).mid) / tq.scale
        yield Finding(
            location=cell.location,
            message_zh=f"“{row.name}”的目标值在表中为“{shown}”，正文却写年度目标为 {said}（“{t.subject}”）",
            message_en=f"the target of “{row.name}” is “{shown}” in the table, but the narrative gives {said} (“{t.subject}”)",
            evidence=Evidence(expression=f"{shown} vs {said}", stated=shown, computed=said, difference=fmt(diff), tolerance="0",
                              operands=(("表中目标值", shown), ("正文目标", said),
                                        *(((t.subject, t.actual.text.strip()),) if t.actual is not None else ()))),
            snippet=row_snippet(row),
            related=[Related(x.location, x.sentence.strip()[:80]) for x in ts[:3]],
            confidence=0.8,
            materiality=materiality(float(diff), float(abs(tq.value or Decimal(1)) or 1)),
            key=("target", row.name, shown, said),
        )


# ---------------------------------------------------------------------------
# AL504


@dataclass(frozen=True)
class _Actual:
    """A scored row with its completion read from a sentence, for ``comparable``."""

    name: str
    target: Quantity | None
    actual: Quantity | None
    cells: dict[str, Cell]


def _pair(row: ScoredRow) -> tuple[Pair, str] | None:
    pair = comparable(row)
    if pair is not None:
        return pair, cell_text(row, "actual")
    if row.actual is not None:
        return None  # a range or another unit: not a value to compare
    q = row.indicator.actual_quantity
    if q is None:
        return None
    pair = comparable(_Actual(row.name, row.target, q, dict(row.cells)))
    return (pair, q.text.strip()) if pair is not None else None


@check("AL504", "full-marks-target-missed", severity="warning", zh="完成值未达到目标值却得满分",
       en="Full marks although the stated actual misses the target", defer_to=("AL403",))
def full_marks_target_missed(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表中某指标的完成值按其印出的精度未达到目标值（“=2篇”只完成“1篇”，“≥95%”只有“90%”），得分却等于权重
    （满分）。方向取自目标值的比较符，或知识库中指标的方向（结转结余率、变动率越低越好）。评分标准印出且 AL403 已就
    此行报告时不再重复；完成值写成范围（AL506）、目标值不可能达到（AL304）或单位不同时不作判断。目标值是本年度的
    目标：表中并列中期目标（2026年）与年度目标（2024年）时按年度目标（或写明评价年度的一栏）判断，分不清哪一栏是
    本年度的就不作判断。
    错误示例：完成课题报告数量 目标“=2篇”，完成“1篇”，权重 5，得分 5。
    正确示例：同一行得分按完成比例为 2.5，或说明扣分理由。

    en:
    In a scoring table an indicator's stated actual misses its target at printed precision
    ("=2篇" target, "1篇" done; "≥95%" target, "90%" done) yet its score equals its weight
    (full marks). The direction comes from the target's comparator or from the knowledge
    base (a carry-over or change rate is better lower). Rows AL403 already reports (a
    printed rule) are not reported again; completions written as ranges (AL506), impossible
    targets (AL304) and units that differ are not judged. The target is the year's: a table
    printing 中期目标（2026年） beside 年度目标（2024年） is judged against the 年度目标 (or the
    column naming the year evaluated), and not at all when which column is the year's
    cannot be told.
    Bad: 完成课题报告数量 target "=2篇", done "1篇", weight 5, score 5.
    Good: the same row scores 2.5 for half the target, or explains the marks.
    """
    rows = [row for _key, row in indicator_rows(facts, scored=True) if isinstance(row, ScoredRow)]
    if not rows:
        return
    for row in rows:
        score, weight = row.score, row.weight
        if score is None or weight is None or score.value is None or score.value != weight.value or not score.value:
            continue
        if impossible_target(row) or "score" not in row.cells:
            continue
        got = _pair(row)
        if got is None:
            continue
        pair, actual_text = got
        if not misses(pair, direction(row.name)):
            continue
        cell = row.cells["score"]
        target_text = cell_text(row, "target")
        w = fmt(weight.value or Decimal(0))
        short = abs(pair.actual.mid - pair.target)
        yield Finding(
            location=cell.location,
            message_zh=f"“{row.name}”完成值“{actual_text}”未达到目标值“{target_text}”，却得满分 {w} 分",
            message_en=f"“{row.name}”: the actual “{actual_text}” misses the target “{target_text}”, yet it scored full marks ({w})",
            evidence=Evidence(expression=f"{actual_text} vs {target_text}", stated=fmt(score.value), computed=f"< {w}",
                              operands=(("目标值", target_text), ("完成值", actual_text), ("权重", w))),
            snippet=row_snippet(row),
            related=[Related(row.cells[r].location, cell_text(row, r)) for r in ("target", "actual") if r in row.cells],
            confidence=0.8,
            materiality=materiality(float(short), float(abs(pair.target)) or 1.0),
            key=("full-marks-missed", row.name, target_text),
        )
