"""AL604 heading-differs-from-contents: a body heading that prints a table-of-contents
entry with another year, another unit name or a placeholder in it."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.toc import MISMATCHES, Mismatch
from auditlint.findings import Evidence, Finding, Message, Related

MESSAGE = Message(
    "正文标题“{heading}”与目录“{entry}”不一致：{what_zh}“{printed}”，目录为“{listed}”",
    "the heading “{heading}” differs from its contents entry “{entry}”: {what_en} “{printed}” where the contents has “{listed}”",
)

_WHAT = {"year": ("年度为", "the year is"), "placeholder": ("写成占位符", "a placeholder"),
         "unit": ("单位名称为", "the unit is")}


@check("AL604", "heading-differs-from-contents", severity="warning", zh="正文标题与目录条目不一致",
       en="A body heading differs from its table-of-contents entry", messages=(MESSAGE,))
def heading_differs_from_contents(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    报告有目录时，正文标题应与目录中的对应条目一致。若正文标题与某条目编号相同、文字几乎相同，
    只是年度、单位名称不同，或写成了“XX局”之类的占位符，则其中之一有误（多为套用上年或模板未改）。
    与目录完全一致的标题、仅空格或引号不同的标题，以及没有目录的报告，都不报告。
    错误示例：目录“第三部分 上海市某区财政局2024年度部门决算情况说明”，正文“第三部分 上海市某区财政局2023年度部门决算情况说明”。
    正确示例：目录与正文均为“第三部分 上海市某区财政局2024年度部门决算情况说明”。

    en:
    When a report has a table of contents, each body heading repeats its entry. A heading
    with the same lead (第三部分, 二、) and the same words but one year, one unit name, or a
    placeholder such as XX局 in their place contradicts the contents: one of the two is
    wrong (a heading copied from last year's report, a template not filled in). A heading
    equal to an entry, differing only in spaces or quotes, and a report without a table
    of contents are not reported.
    Bad: contents "第三部分 …财政局2024年度部门决算情况说明", body "第三部分 …财政局2023年度部门决算情况说明".
    Good: both read "第三部分 …财政局2024年度部门决算情况说明".
    """
    wrong: list[Mismatch] = facts.extra.get(MISMATCHES) or []
    for m in wrong:
        what_zh, what_en = _WHAT[m.kind]
        yield Finding(
            location=m.location,
            evidence=Evidence(expression="contents entry", stated=m.printed, computed=m.listed,
                              expression_zh="目录条目"),
            snippet=m.heading,
            related=[Related(m.entry.location, m.entry.text)],
            confidence=0.85 if m.kind != "unit" else 0.7,
            materiality=0.3,
            key=("contents", m.heading),
            **MESSAGE.format(heading=m.heading, entry=m.entry.text, what_zh=what_zh, what_en=what_en,
                             printed=m.printed, listed=m.listed),
        )
