"""Periods (AL505): what the report states of another period than the one it evaluates —
statements dated after the evaluated year (or after the report's date) stated as done,
sources of the year's figures dated in an earlier year, and what the unit holds stated
as of an earlier year's end (截至2023年12月31日 in a 2024 决算) — and what is not: plans,
deadlines, goal sections, the evaluation's own work, follow-ups dated with 截至.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from auditlint.extract.meta import ReportDate
from auditlint.extract.outline import heading_of
from auditlint.extract.passages import Passage, Sentence, passages, sentences
from auditlint.numbers import find_quantities, normalize

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

_YEAR_IN_SOURCE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-－—~至到]\s*((?:19|20)\d{2})\s*)?年")

# A year (or date) used as the time of what a sentence reports: at the start of a
# clause ("2024年上半年，…", "2019年、2022年、2024年，…", "截至2024年末，…") and followed by
# a comma. "2024年度预算" (a year naming a thing) and "2024年开始…" are not.
_TIME = re.compile(
    r"(?:^|(?<=[，,。；;：:、（(\s])|(?<=截至)|(?<=截止)|(?<=截止到)|(?<=至)|(?<=到)|(?<=在)|(?<=于))"
    r"(?P<year>(?:19|20)\d{2})\s*年"
    r"(?P<tail>上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度|年底|年末|底|末|初|以来|全年|度"
    r"|\s*(?P<month>\d{1,2})\s*(?:[-－—至]\s*\d{1,2}\s*)?月(?:\s*(?P<day>\d{1,2})\s*日)?(?:底|末|份)?)?"
    r"(?=[，,、])"
)
# what is still to come: a plan, a forecast, a target
FUTURE = ("将", "计划", "拟", "预计", "力争", "争取", "预期", "目标", "开始", "以后", "之后", "展望", "届时", "下一步",
          "要求", "应当", "部署")
# the evaluation's own work: a 2023 self-evaluation is carried out in 2024, and the dates of
# its working group, questionnaires and site visits are not data of a later year
EVALUATION_WORK = ("自评", "自查", "评价工作", "绩效评价", "评价组", "评价小组", "工作小组", "领导小组", "工作方案", "评价方案",
                   "佐证", "问卷", "满意度调查", "现场评价", "现场核查", "现场勘查", "访谈", "座谈", "评价报告")
# a section that states goals and plans: what it says of later years is not reported as done
# ("（一）中长期发展目标", "下一步工作计划"); one that reports on them is ("绩效目标完成情况")
GOAL_HEADING = ("目标", "规划", "计划", "展望", "打算", "下一步", "思路")
REPORT_HEADING = ("完成", "实现", "情况", "执行", "落实", "成效", "评价", "分析")
# a status dated after the year, marked as such (截至2025年2月底), about work that ran past
# the year: a follow-up (期后事项) the writer dates for the reader, not the year's data
AS_OF = ("截至", "截止到", "截止")
CARRIED_OVER = ("结转", "跨年", "续建", "尾款", "遗留", "剩余", "后续", "延续")
# a source the narrative gives for the year's figures ("据2023年度补贴发放台账统计，全年…")
# — a record of figures (台账, 报表 …), or a document whose figures are read (…报告显示):
# "根据2023年度审计报告，本年完成整改…" names the basis of the work, not its figures
_SOURCE_CLAUSE = re.compile(
    r"(?:^|(?<=[，,。；;：:（(\s]))(?:根据|依据|据)(?P<source>[^，,。；;]{0,40}?"
    r"(?:(?:台账|报表|统计|年报|数据|名单|记录|清单|档案|系统)(?=(?:统计|显示|汇总|核实|查询|记载)?(?:结果)?(?:显示|表明)?[，,])"
    r"|(?:决算|报告|资料)(?=(?:统计|显示|汇总|核实|测算|查询|反映|记载)(?:结果)?(?:显示|表明)?[，,])))"
    r"(?:统计|显示|汇总|核实|测算|查询|反映|记载)?(?:结果)?(?:显示|表明)?[，,]")
# the period's own figures: what the clause after the source reports
OWN_PERIOD = ("全年", "本年", "当年", "年度", "今年", "年内")
# a comparison with another year: data of that year, rightly sourced from it
COMPARISON = ("上年", "去年", "上一年", "前一年", "同期", "同比", "较", "比", "基数", "对比")
# a plan or forecast ("目标" alone is not: "均完成年度目标" reports one met)
PLANNED = ("将", "计划", "拟", "预计", "力争", "争取", "预期")
# what was done or measured
DONE = ("已", "完成", "发现", "实现", "达到", "达", "增长", "增加", "下降", "减少", "支出", "追回", "累计", "共计", "合计",
        "查处", "办结", "签收", "结算", "净增")


# an indicator row that is itself about an earlier period — the prior year's figure shown
# for comparison (上年同期…, 去年…, 2023年…) or a baseline (基期值, 基准年) — may cite that
# period's source. The year's own figures stay the year's: a change on the prior year
# (较上年增长率, 同比…) is measured in the year evaluated, and funds carried over from last
# year (上年结转资金执行率) are spent in it.
_COMPARED = "(?<![较比与对])"
_PRIOR_YEAR = re.compile(_COMPARED + r"(?:上年|去年|上一年|前一年)(?!度?(?:结转|结余|遗留|未))")
_YEAR_BEFORE_LAST = re.compile(_COMPARED + r"前年")
_BASELINE = re.compile(r"基期|基准年|基年")
_CHANGE = re.compile(r"同比|环比|[较比与对](?:(?:19|20)\d{2}\s*年|上年|去年|上一年|前一年|前年|基期|基准年|基年)")


def row_periods(name: str, year: int) -> tuple[set[int], bool]:
    """The earlier years an indicator's own name says it is about, and whether it is a
    baseline (of an earlier year that may go unnamed)."""
    text = normalize(name)
    periods: set[int] = set()
    if _CHANGE.search(text):
        return periods, False  # a change over the year: the year's own figure
    if _PRIOR_YEAR.search(text):
        periods.add(year - 1)
    if _YEAR_BEFORE_LAST.search(text):
        periods.add(year - 2)
    singles, ranges = source_years(text)
    periods |= {y for y in singles if y < year}
    for lo, hi in ranges:
        if hi < year:
            periods |= set(range(lo, hi + 1))
    return periods, bool(_BASELINE.search(text))


def of_row_period(name: str, years: list[int], year: int) -> bool:
    """A source whose years are all those of the earlier period the row itself is about."""
    periods, baseline = row_periods(name, year)
    return all(y in periods or (baseline and y < year) for y in years)


def source_years(text: str) -> tuple[set[int], list[tuple[int, int]]]:
    """The single years and the year ranges a source names."""
    singles: set[int] = set()
    ranges: list[tuple[int, int]] = []
    for m in _YEAR_IN_SOURCE.finditer(normalize(text)):
        if m.group(2):
            ranges.append((int(m.group(1)), int(m.group(2))))
        else:
            singles.add(int(m.group(1)))
    return singles, ranges


def foreign_source(text: str, year: int) -> list[int] | None:
    """The years a source names when none of them is the evaluated year; else None."""
    singles, ranges = source_years(text)
    if not singles and not ranges:
        return None
    if year in singles or any(lo <= year <= hi for lo, hi in ranges):
        return None
    return sorted(singles) or [lo for lo, _ in ranges]


@dataclass(frozen=True)
class LaterStatement:
    sentence: Sentence
    start: int  # offset of the time token in the sentence
    token: str  # "2024年上半年"
    year: int
    date: ReportDate | None  # when the token gives a month


def _deadline(text: str, start: int) -> bool:
    """"到2025年，…" / "至2025年，…": by that year, a deadline or a target — not "截至2024年末"."""
    before = text[max(0, start - 2) : start]
    return before[-1:] in ("到", "至") and not before.startswith(("截", "止"))


def later_statements(sentence: Sentence, year: int, report_date: ReportDate | None) -> Iterator[LaterStatement]:
    """Time tokens later than the evaluated year (or than the report's date) at the
    head of a clause that reports something done or measured, not planned."""
    text = normalize(sentence.text)
    for m in _TIME.finditer(text):
        y = int(m.group("year"))
        date = ReportDate(y, int(m.group("month")), int(m.group("day")) if m.group("day") else None) if m.group("month") else None
        later_year = y > year
        after_report = date is not None and report_date is not None and date.key() > report_date.key()
        if not (later_year or after_report):
            continue
        rest = text[m.end() :]
        if any(w in rest for w in FUTURE):
            continue
        if _deadline(text, m.start()) and "已" not in rest:
            continue
        if not after_report and y == year + 1 and any(w in text for w in EVALUATION_WORK):
            continue
        if not after_report and _follow_up(text, m.start(), rest, y, year, report_date):
            continue
        measured = any(q.quantity.unit not in (None, "年", "月", "日", "号") for q in find_quantities(rest))
        if not measured and not any(w in rest for w in DONE):
            continue
        yield LaterStatement(sentence, m.start(), sentence.text[m.start() : m.end()], y, date)


def _follow_up(text: str, start: int, rest: str, y: int, year: int, report_date: ReportDate | None) -> bool:
    """"截至2025年2月底，上年结转项目已完成竣工验收": a status the writer dates after the
    year, before the report (or, when the report is undated, in the year after), on
    work that ran past the year — a follow-up, not data counted as the year's."""
    if not text[:start].endswith(AS_OF):
        return False
    if report_date is None and y != year + 1:
        return False
    return any(w in rest for w in CARRIED_OVER)


# A sentence that opens with the state at a year's end ("截至2023年12月31日，XX局共有车辆0辆")
# and says what the unit holds: in a report of another year, the state at its own year-end
# was meant (a 2024 决算's 国有资产占有使用情况 is as of 2024-12-31)
_YEAR_END = re.compile(
    r"^\s*(?:截至|截止到|截止)\s*(?P<year>(?:19|20)\d{2})\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|年?末|年?底)\s*[，,]"
)
HOLDS = ("共有", "现有", "拥有", "实有", "占有", "资产总额", "余额")
# a sentence that compares or tells a history names its other dates and is not the state at the report's
_NOT_A_STATE = ("比", "较", "同比", "上年", "去年", "增加", "减少", "增长", "下降", "以来", "历年", "累计", "期间")


@dataclass(frozen=True)
class StaleAsOf:
    sentence: Sentence
    start: int  # offset of the as-of phrase in the sentence
    token: str  # "截至2023年12月31日"
    year: int


def stale_as_of(sentence: Sentence, year: int) -> StaleAsOf | None:
    """"截至2023年12月31日，XX局共有车辆0辆" in a 2024 report: what the unit holds stated as
    of an earlier year's end, in a sentence that names no other year and compares nothing."""
    text = normalize(sentence.text)
    m = _YEAR_END.match(text)
    if m is None or int(m.group("year")) >= year:
        return None
    rest = text[m.end():]
    if not any(w in rest[:40] for w in HOLDS) or any(w in text for w in _NOT_A_STATE):
        return None
    if _YEAR_IN_SOURCE.search(rest) or any(w in rest for w in FUTURE):
        return None
    raw = sentence.text
    start = len(raw) - len(raw.lstrip())
    return StaleAsOf(sentence, start, normalize(m.group(0)).rstrip("，,").strip(), int(m.group("year")))


@dataclass(frozen=True)
class ForeignSource:
    sentence: Sentence
    start: int  # offset of the source in the sentence
    source: str  # "2023年度补贴发放台账"
    years: list[int]


def foreign_sources(sentence: Sentence, year: int) -> Iterator[ForeignSource]:
    """A clause that sources the year's figures from an earlier year's records: "据2023年度
    补贴发放台账统计，全年补贴面积72.77万亩" in a 2024 report. The clause after the source
    must state figures of the period (全年, 本年 …) and compare with no other year; a
    source dated later may have been compiled after the year, of the year, and is not
    held against it."""
    text = normalize(sentence.text)
    for m in _SOURCE_CLAUSE.finditer(text):
        years = foreign_source(m.group("source"), year)
        if years is None or max(years) >= year:
            continue  # a later one may be compiled after the year, of the year ("据2025年1月统计")
        rest = re.split(r"[。；;]", text[m.end():])[0]
        if not any(w in rest for w in OWN_PERIOD) or any(w in rest for w in COMPARISON):
            continue
        if _YEAR_IN_SOURCE.search(rest) or any(w in rest for w in PLANNED):
            continue
        if not any(q.quantity.unit not in (None, "年", "月", "日", "号") for q in find_quantities(rest)):
            continue
        yield ForeignSource(sentence, m.start("source"), sentence.text[m.start("source"): m.end("source")], years)


@lru_cache(maxsize=2048)  # pure; a province's reports share their headings
def _goal_heading(text: str) -> bool:
    title = re.split(r"[。：:；;]", text)[0]  # a run-in heading's own words, not its paragraph's
    return any(w in title for w in GOAL_HEADING) and not any(w in title for w in REPORT_HEADING)


def outside_goal_sections(facts: Facts) -> Iterator[Passage]:
    """The report's passages, except those under a heading that states goals or plans."""
    open_headings: dict[int, bool] = {}  # rank → is a goal heading
    for passage in passages(facts.document):
        h = None if passage.in_table else heading_of(passage)
        if h is not None:
            open_headings = {r: g for r, g in open_headings.items() if r < h.rank}
            open_headings[h.rank] = _goal_heading(h.text)
        if not any(open_headings.values()):
            yield passage


# every year a text names, overlaps included ("2023-2025年" gives 2023 and 2025)
_ANY_YEAR = re.compile(r"(?=((?:19|20)\d{2}))")


def _may_state_periods(text: str, year: int, report_date: ReportDate | None) -> bool:
    """Could a sentence of this passage (normalised) give a later statement or a source?
    Both need what this tests for in the passage, of which a sentence is a piece (and
    ``normalize`` maps character by character): a source opens with 据 (根据, 依据); a
    later statement names a year after the evaluated one, or a date after the report's,
    which is in the report's year or after. Most passages need neither, and are not split."""
    return _names_source_or_year_from(text, _first_later_year(year, report_date))


def _first_later_year(year: int, report_date: ReportDate | None) -> int:
    return year + 1 if report_date is None else min(year + 1, report_date.year)


def _names_source_or_year_from(text: str, first: int) -> bool:
    return "据" in text or any(int(y) >= first for y in _ANY_YEAR.findall(text))


@lru_cache(maxsize=4096)
def _passage_may_state_periods(text: str, first: int) -> bool:
    """``_may_state_periods`` of a passage's text as printed (``first``: the first later
    year): a pure function of the text, kept across reports because a province's reports
    share their template's cells and headings (a paragraph with its own figures misses,
    at the cost of one lookup)."""
    return _names_source_or_year_from(normalize(text), first)


def period_statements(facts: Facts, year: int, report_date: ReportDate | None) -> Iterator[LaterStatement | ForeignSource]:
    """Outside sections of goals and plans, each sentence's later statements, then its
    sources from an earlier year, in document order."""
    first = _first_later_year(year, report_date)
    for passage in outside_goal_sections(facts):
        if not _passage_may_state_periods(passage.text, first):
            continue
        for sentence in sentences(passage):
            yield from later_statements(sentence, year, report_date)
            yield from foreign_sources(sentence, year)


def stale_states(facts: Facts, year: int) -> Iterator[StaleAsOf]:
    """The sentences that state what the unit holds as of an earlier year's end (a PDF's
    lines joined into their sentences, so the quote is the whole sentence)."""
    from auditlint.extract.narrative import narrative_paragraphs

    for paragraph in narrative_paragraphs(facts):
        if "截" not in paragraph.text:
            continue  # every as-of phrase opens with 截至 or 截止, which normalize leaves as they are
        for sentence in sentences(Passage.of(paragraph)):
            found = stale_as_of(sentence, year)
            if found is not None:
                yield found
