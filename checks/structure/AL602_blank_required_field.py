"""AL602: a required cover or form-header field left blank, or a 三公 table's total cell
left blank where the narrative states its figure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.meta import ReportMeta
from auditlint.extract.stated_blanks import KEY as STATED_BLANKS
from auditlint.extract.stated_blanks import StatedBlank
from auditlint.findings import Evidence, Finding, Message, Related

# {kind}: the field's kind as extract.meta names it (unit, date, person, phone, project, evaluator)
BLANK = Message(zh="“{label}”一栏为空", en="the {kind} field “{label}” is blank")
CELL = Message(zh="“三公”经费支出表“{column}”一栏为空，而正文写明 {stated}：“{quote}”",
               en="the 三公 table's “{column}” cell is blank while the text states {stated}: “{quote}”")


@check("AL602", "blank-required-field", severity="warning", zh="封面或表头的必填项为空", en="A required cover or form-header field is blank",
       messages=(BLANK, CELL))
def blank_required_field(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    封面或表头印有必填项的标签（评价单位、填报单位、项目名称、填报人、联系人、联系电话、日期、评价机构），
    但冒号后什么也没有填写；日期只印了“年 月 日”也算空白，封面或落款处单独一行、没有标签的“年 月 日”同样算空白日期。签字、盖章栏不在此列：手写签名和印章是图像，
    文本中本来就看不到。“三公”经费支出表的“合计”预算数或决算数一栏为空、正文却写明了不为 0 的数字（“年初预算为0.95万元”）时，
    同样报告：空白不按 0 读；正文写 0、表中空白的，不报告（无支出时表格常留空）。
    错误示例：“填报人：          联系电话：”。
    正确示例：“填报人：张三    联系电话：025-12345678”。

    en:
    The cover or form header prints the label of a required field (评价单位, 填报单位, 项目名称,
    填报人, 联系人, 联系电话, 日期, 评价机构) with nothing after its colon; a date printed only
    as "年 月 日" is blank too, and so is a bare "年 月 日" line on the cover or under the
    signature (落款). Signature and stamp fields are not checked: handwriting and
    stamps are images that a text never shows. A 三公 table whose 合计 预算数 or 决算数
    cell is blank while the narrative states a figure other than 0 for it ("年初预算为0.95万元")
    is reported too: a blank is never read as 0, and a blank where the text says 0 is not
    reported (a nil 三公 spending is often left blank).
    Bad: "填报人：          联系电话：".
    Good: "填报人：张三    联系电话：025-12345678".
    """
    blanks: list[StatedBlank] = facts.extra.get(STATED_BLANKS) or []
    for b in blanks:
        yield _blank_cell(b)
    meta = facts.meta
    if not isinstance(meta, ReportMeta):
        return
    seen: dict[str, int] = defaultdict(int)
    for f in meta.fields:
        if not f.required or not f.blank:
            continue
        seen[f.label] += 1
        # a date line printed bare under the signature ("    年  月  日") shows itself, not a label
        shown = f"{f.label}：" if f.label in f.snippet else f.snippet
        yield Finding(
            location=f.location,
            **BLANK.format(label=f.label, kind=f.kind),
            evidence=Evidence(expression=shown, stated=shown, computed="（空）"),
            snippet=f.snippet,
            confidence=0.9,
            materiality=0.2,
            key=("blank", f.label, str(seen[f.label])),
        )


def _blank_cell(b: StatedBlank) -> Finding:
    stated = b.stated.text
    return Finding(
        location=b.cell,
        **CELL.format(column=b.column, stated=stated, quote=b.quote),
        evidence=Evidence(expression=f"三公 table {b.column}", stated="（空）", computed=stated,
                          expression_zh=f"“三公”经费支出表 {b.column}"),
        snippet=b.quote,
        related=[Related(b.where, b.quote)],
        confidence=0.85,
        materiality=0.3,
        key=("blank-cell", b.column, stated),
    )
