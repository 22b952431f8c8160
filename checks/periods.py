"""Periods (AL505): data or evidence from outside the evaluated period counted as the
period's — a source of another year, later data stated as done. What the writer dates
for the reader as a later follow-up (截至… on carried-over work, before the report's
date) is not counted as the period's, and is not reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditlint.checks.helpers import row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorTable
from auditlint.extract.meta import ReportDate, evaluated_year
from auditlint.extract.outline import heading_of
from auditlint.extract.prose import Passage, Sentence, passages, sentences
from auditlint.findings import Evidence, Finding, Related
from auditlint.numbers import find_quantities, normalize

MIN_YEAR_CONFIDENCE = 0.85
MIN_DATE_CONFIDENCE = 0.75

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


@check("AL505", "period-mismatch", severity="warning", zh="期间不符：引用了评价年度以外的数据或证据", en="Period mismatch: data or evidence from outside the evaluated period")
def period_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    自评针对的是报告标题或评价时段所写的年度。指标的完成值来源若只写了另一个年度（2024年度的指标，
    来源却是“2023年度决算报告”），或者叙述把评价年度之后的情况当作已经发生的数据（2023年度报告中
    “2024年上半年，……仅增长4.25万人”），或把报告日期之后的日期写成已完成，即为期间不符。
    叙述中注明本年数据出自以前年度的资料（2024年度报告中“据2023年度补贴发放台账统计，全年补贴面积……”）同样是期间不符。
    “2024年开始……将成为”之类的计划、展望，“到2025年……”这样的期限，目标、规划、计划章节中的内容，评价工作
    本身的日期（2023年度的自评在2024年报告日期之前成立工作小组、发放问卷、现场核查），以及明确注明“截至”某日、
    在报告日期之前、关于跨年结转事项的期后进展（“截至2025年2月底，上年结转项目已完成竣工验收”）都不算：
    它们写明了自己的日期，没有当作本年的数据；与上年对比而引用上年资料也不算；指标本身就是以前期间的数据
    （“上年同期城镇新增就业”“2023年森林覆盖率”“基期值”）时，引用该期间的资料也不算，但“较上年增长”“同比”
    之类的变动、“上年结转资金支出率”仍是评价年度的指标；评价年度本身无法确定时不作判断。
    错误示例：2024年度自评表中，预算执行率的完成值来源为“2023年度决算报告”。
    正确示例：完成值来源为“2024年度决算报告”。

    en:
    A self-evaluation covers the year its title and evaluation period name. An
    indicator whose source names only another year (a 2024 indicator evidenced by the
    "2023年度决算报告"), a narrative that states data from after the evaluated year as
    done or measured (in a 2023 report: "2024年上半年，……仅增长4.25万人"), or a date after
    the report's own date stated as done, is a period mismatch. Plans and outlooks
    ("2024年开始……将成为"), deadlines ("到2025年……"), sections of goals and plans, the dates
    of the evaluation's own work (a 2023 self-evaluation forming its working group or
    sending questionnaires in 2024, before the report's date), and a follow-up the writer
    dates with 截至, before the report's date, on work carried past the year ("截至2025年
    2月底，上年结转项目已完成竣工验收") are not: they carry their own date and are not
    counted as the year's. The narrative sourcing the year's figures from an earlier
    year's records ("据2023年度补贴发放台账统计，全年补贴面积……" in a 2024 report) is a
    mismatch too, unless it compares with that year. An indicator row that is itself
    about an earlier period (the prior year's figure shown beside the year's,
    "上年同期城镇新增就业", "2023年森林覆盖率", a baseline "基期值") may cite that period's source;
    a change on the prior year ("较上年增长", "同比") and the spending of funds carried
    over from it ("上年结转资金支出率") are the year's own and may not. When the
    evaluated year cannot be told, nothing is said.
    Bad: in a 2024 self-evaluation, 预算执行率's source is "2023年度决算报告".
    Good: its source is "2024年度决算报告".
    """
    year = evaluated_year(facts.meta, MIN_YEAR_CONFIDENCE)
    if year is None:
        return
    yield from _sources(facts, year)
    meta = facts.meta
    report_date = meta.date.value if meta.date is not None and meta.date.confidence >= MIN_DATE_CONFIDENCE else None
    for passage in _outside_goal_sections(facts):
        for sentence in sentences(passage):
            for st in later_statements(sentence, year, report_date):
                yield _later_finding(st, year, report_date)
            for fs in foreign_sources(sentence, year):
                yield _foreign_source_finding(fs, year)


def _goal_heading(text: str) -> bool:
    title = re.split(r"[。：:；;]", text)[0]  # a run-in heading's own words, not its paragraph's
    return any(w in title for w in GOAL_HEADING) and not any(w in title for w in REPORT_HEADING)


def _outside_goal_sections(facts: Facts) -> Iterator[Passage]:
    """The report's passages, except those under a heading that states goals or plans."""
    open_headings: dict[int, bool] = {}  # rank → is a goal heading
    for passage in passages(facts.document):
        h = None if passage.in_table else heading_of(passage)
        if h is not None:
            open_headings = {r: g for r, g in open_headings.items() if r < h.rank}
            open_headings[h.rank] = _goal_heading(h.text)
        if not any(open_headings.values()):
            yield passage


def _sources(facts: Facts, year: int) -> Iterator[Finding]:
    for it in facts.indicators:
        if not isinstance(it, IndicatorTable) or not it.has("source"):
            continue
        for row in it.rows:
            cell = row.cells.get("source")
            if cell is None or not cell.text.strip():
                continue
            years = foreign_source(cell.text, year)
            if years is None or of_row_period(row.name, years, year):
                continue
            shown = cell.text.strip()
            named = "、".join(f"{y}年" for y in years)
            yield Finding(
                location=cell.location,
                message_zh=f"“{row.name}”评价的是{year}年，完成值来源“{shown}”却是{named}的资料",
                message_en=f"“{row.name}” is evaluated for {year}, but its source “{shown}” is from {', '.join(map(str, years))}",
                evidence=Evidence(expression="source year = evaluated year", stated=shown, computed=f"{year}年",
                                  expression_zh="资料年度 = 评价年度"),
                snippet=row_snippet(row),
                related=[Related(facts.meta.year.location, facts.meta.year.source)],
                confidence=0.85,
                materiality=0.3,
                key=("source-year", row.name, shown),
            )


def _later_finding(st: LaterStatement, year: int, report_date: ReportDate | None) -> Finding:
    snippet = st.sentence.text.strip()[:120]
    if st.year > year:
        zh = f"本报告评价{year}年，却把{st.token}的情况作为已发生的数据写入：“{snippet[:40]}”"
        en = f"the report evaluates {year}, yet states data from {st.token} as done: “{snippet[:40]}”"
        computed = f"{year}年"
    else:
        zh = f"报告日期为{report_date}，{st.token}的事项却写成已完成：“{snippet[:40]}”"
        en = f"the report is dated {report_date}, yet states {st.token} as done: “{snippet[:40]}”"
        computed = f"≤ {report_date}"
    return Finding(
        location=st.sentence.location_at(st.start),
        message_zh=zh,
        message_en=en,
        evidence=Evidence(expression="period of the data = evaluated period", stated=st.token, computed=computed,
                          expression_zh="数据所属期间 = 评价期间"),
        snippet=snippet,
        confidence=0.8,
        materiality=0.3,
        key=("later-data", st.token, snippet[:16]),
    )


def _foreign_source_finding(fs: ForeignSource, year: int) -> Finding:
    snippet = fs.sentence.text.strip()[:120]
    named = "、".join(f"{y}年" for y in fs.years)
    return Finding(
        location=fs.sentence.location_at(fs.start),
        message_zh=f"本报告评价{year}年，本年的数据却注明出自{named}的资料“{fs.source}”：“{snippet[:40]}”",
        message_en=f"the report evaluates {year}, yet the year's figures are sourced from {named}: “{fs.source}”",
        evidence=Evidence(expression="source year = evaluated year", stated=fs.source, computed=f"{year}年",
                          expression_zh="资料年度 = 评价年度"),
        snippet=snippet,
        confidence=0.8,
        materiality=0.3,
        key=("source-year-narrative", fs.source, snippet[:16]),
    )
