"""AL505: data or evidence from outside the evaluated period counted as the period's — a
source of another year, later data stated as done. What the writer dates for the reader
as a later follow-up (截至… on carried-over work, before the report's date) is not
counted as the period's, and is not reported."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorTable
from auditlint.extract.meta import ReportDate, evaluated_year
from auditlint.extract.periods import (
    ForeignSource,
    LaterStatement,
    StaleAsOf,
    foreign_source,
    of_row_period,
    period_statements,
    stale_states,
)
from auditlint.findings import Both, Evidence, Finding, Message, Related

MIN_YEAR_CONFIDENCE = 0.85
MIN_DATE_CONFIDENCE = 0.75

SOURCE_OF_ANOTHER_YEAR = Message(
    zh="“{name}”评价的是{year}年，完成值来源“{source}”却是{years}的资料",
    en="“{name}” is evaluated for {year}, but its source “{source}” is from {years}",
)
LATER_DATA = Message(
    zh="本报告评价{year}年，却把{token}的情况作为已发生的数据写入：“{quote}”",
    en="the report evaluates {year}, yet states data from {token} as done: “{quote}”",
)
AFTER_THE_REPORT = Message(
    zh="报告日期为{date}，{token}的事项却写成已完成：“{quote}”",
    en="the report is dated {date}, yet states {token} as done: “{quote}”",
)
STALE_YEAR_END = Message(
    zh="本报告为{year}年度，期末状况却写作“{token}”：“{quote}”",
    en="the report is for {year}, yet states the year-end position as of “{token}”: “{quote}”",
)
SOURCED_FROM_ANOTHER_YEAR = Message(
    zh="本报告评价{year}年，本年的数据却注明出自{years}的资料“{source}”：“{quote}”",
    en="the report evaluates {year}, yet the year's figures are sourced from {years}: “{source}”",
)


@check("AL505", "period-mismatch", severity="warning", zh="期间不符：引用了评价年度以外的数据或证据", en="Period mismatch: data or evidence from outside the evaluated period",
       messages=(SOURCE_OF_ANOTHER_YEAR, LATER_DATA, AFTER_THE_REPORT, SOURCED_FROM_ANOTHER_YEAR, STALE_YEAR_END))
def period_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    自评针对的是报告标题或评价时段所写的年度。指标的完成值来源若只写了另一个年度（2024年度的指标，
    来源却是“2023年度决算报告”），或者叙述把评价年度之后的情况当作已经发生的数据（2023年度报告中
    “2024年上半年，……仅增长4.25万人”），或把报告日期之后的日期写成已完成，即为期间不符。
    以“截至某年12月31日（年末）”开头、说明单位拥有什么（共有车辆、资产总额……）的句子，年度早于报告年度
    （2024年度决算写“截至2023年12月31日，共有车辆0辆”），也是期间不符；句中有比较、累计或其他年度的不算。
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
    mismatch too, unless it compares with that year. So is a sentence that opens with
    the state at an earlier year's end and says what the unit holds ("截至2023年12月31日，
    共有车辆0辆" in a 2024 决算), unless it compares, accumulates or names another year. An indicator row that is itself
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
    for st in period_statements(facts, year, report_date):
        if isinstance(st, LaterStatement):
            yield _later_finding(st, year, report_date)
        else:
            yield _foreign_source_finding(st, year)
    for stale in stale_states(facts, year):
        yield _stale_finding(stale, year)


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
            named = Both("、".join(f"{y}年" for y in years), ", ".join(map(str, years)))
            yield Finding(
                location=cell.location,
                **SOURCE_OF_ANOTHER_YEAR.format(name=row.name, year=year, source=shown, years=named),
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
        said = LATER_DATA.format(year=year, token=st.token, quote=snippet[:40])
        computed = f"{year}年"
    else:
        said = AFTER_THE_REPORT.format(date=report_date, token=st.token, quote=snippet[:40])
        computed = f"≤ {report_date}"
    return Finding(
        location=st.sentence.location_at(st.start),
        **said,
        evidence=Evidence(expression="period of the data = evaluated period", stated=st.token, computed=computed,
                          expression_zh="数据所属期间 = 评价期间"),
        snippet=snippet,
        confidence=0.8,
        materiality=0.3,
        key=("later-data", st.token, snippet[:16]),
    )


def _foreign_source_finding(fs: ForeignSource, year: int) -> Finding:
    snippet = fs.sentence.text.strip()[:120]
    return Finding(
        location=fs.sentence.location_at(fs.start),
        **SOURCED_FROM_ANOTHER_YEAR.format(year=year, years="、".join(f"{y}年" for y in fs.years), source=fs.source,
                                           quote=snippet[:40]),
        evidence=Evidence(expression="source year = evaluated year", stated=fs.source, computed=f"{year}年",
                          expression_zh="资料年度 = 评价年度"),
        snippet=snippet,
        confidence=0.8,
        materiality=0.3,
        key=("source-year-narrative", fs.source, snippet[:16]),
    )


def _stale_finding(st: StaleAsOf, year: int) -> Finding:
    snippet = st.sentence.text.strip()[:120]
    return Finding(
        location=st.sentence.location_at(st.start),
        **STALE_YEAR_END.format(year=year, token=st.token, quote=snippet[:40]),
        evidence=Evidence(expression="as-of date = end of the evaluated year", stated=st.token, computed=f"{year}年12月31日",
                          expression_zh="状况截止日 = 本年度末"),
        snippet=snippet,
        confidence=0.75,
        materiality=0.3,
        key=("stale-year-end", st.token, snippet[:16]),
    )
