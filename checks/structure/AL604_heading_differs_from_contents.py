"""AL604 heading-differs-from-contents: a body heading that prints a table-of-contents
entry with another year, another unit name or a placeholder in it, or a table the
contents lists that the body does not print."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.listed_tables import MissingTable
from auditlint.extract.toc import MISMATCHES, Mismatch
from auditlint.findings import Evidence, Finding, Message, Related

MESSAGE = Message(
    "正文标题“{heading}”与目录“{entry}”不一致：{what_zh}“{printed}”，目录为“{listed}”",
    "the heading “{heading}” differs from its contents entry “{entry}”: {what_en} “{printed}” where the contents has “{listed}”",
)

MISSING = Message(
    "目录列有“{entry}”，正文中却没有这张表：目录所列其余 {matched} 张表均按顺序找到，它应在{where_zh}",
    "the contents list “{entry}” but the body prints no such table: the other {matched} tables listed were all "
    "found, in order, and it belongs {where_en}",
)

_WHAT = {"year": ("年度为", "the year is"), "placeholder": ("写成占位符", "a placeholder"),
         "unit": ("单位名称为", "the unit is")}


@check("AL604", "heading-differs-from-contents", severity="warning", zh="正文标题与目录条目不一致",
       en="A body heading differs from its table-of-contents entry", messages=(MESSAGE, MISSING))
def heading_differs_from_contents(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    报告有目录时，正文标题应与目录中的对应条目一致。若正文标题与某条目编号相同、文字几乎相同，
    只是年度、单位名称不同，或写成了“XX局”之类的占位符，则其中之一有误（多为套用上年或模板未改）。
    与目录完全一致的标题、仅空格或引号不同的标题，以及没有目录的报告，都不报告。
    目录列出的某张表在正文中没有标题、其位置（前后两张表之间）也没有别的表时，同样报告：
    只在目录所列其余各表都在正文中找到、唯一且顺序一致时才报告，否则对应关系本身就不确定。
    错误示例：目录“第三部分 上海市某区财政局2024年度部门决算情况说明”，正文“第三部分 上海市某区财政局2023年度部门决算情况说明”。
    正确示例：目录与正文均为“第三部分 上海市某区财政局2024年度部门决算情况说明”。

    en:
    When a report has a table of contents, each body heading repeats its entry. A heading
    with the same lead (第三部分, 二、) and the same words but one year, one unit name, or a
    placeholder such as XX局 in their place contradicts the contents: one of the two is
    wrong (a heading copied from last year's report, a template not filled in). A heading
    equal to an entry, differing only in spaces or quotes, and a report without a table
    of contents are not reported. A table the contents lists is reported missing when
    no title in the body prints it and no table sits where it belongs (between the
    tables listed before and after it), and only when every other table listed was
    found once and in the contents' order: otherwise the matching itself is uncertain.
    Bad: contents "第三部分 …财政局2024年度部门决算情况说明", body "第三部分 …财政局2023年度部门决算情况说明".
    Good: both read "第三部分 …财政局2024年度部门决算情况说明".
    """
    wrong: list[Mismatch | MissingTable] = facts.extra.get(MISMATCHES) or []
    for m in wrong:
        if isinstance(m, MissingTable):
            yield _missing(m)
            continue
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


def _missing(m: MissingTable) -> Finding:
    # the entries were matched by title and order, not stated: a warning whose evidence says so
    where_zh, where_en = _place(m.before, m.after)
    return Finding(
        location=m.entry.location,
        evidence=Evidence(expression="a table listed in the contents, printed in the body", stated="（无）",
                          computed=m.entry.text, expression_zh="目录所列的表应在正文中",
                          sentence=f"inferred from titles and order: {m.matched} of the {m.matched + 1} tables listed "
                                   "are in the body, in order, with no other table where this one belongs",
                          sentence_zh=f"按标题与顺序推断：目录所列 {m.matched + 1} 张表中 {m.matched} 张在正文中找到且顺序一致，"
                                      "此表应在的位置没有别的表"),
        snippet=m.entry.text,
        confidence=0.75,
        materiality=0.3,
        key=("contents-missing", m.entry.key),
        **MISSING.format(entry=m.entry.text, matched=m.matched, where_zh=where_zh, where_en=where_en),
    )


def _place(before: str, after: str) -> tuple[str, str]:
    """Where the missing table belongs, between the titles listed around it."""
    if before and after:
        return f"“{before}”与“{after}”之间", f"between “{before}” and “{after}”"
    if before:
        return f"“{before}”之后", f"after “{before}”"
    return f"“{after}”之前", f"before “{after}”"
