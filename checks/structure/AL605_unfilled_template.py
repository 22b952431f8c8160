"""AL605 unfilled-template: a blank the template left for a figure, or its filling-in
instructions, still in the published report."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.placeholders import Unfilled
from auditlint.findings import Evidence, Finding, Message

SHARE = Message("“{text}”：占比未填写数字（模板空白未填）", '"{text}": the share is left blank (template not filled in)')
AMOUNT = Message("“{text}”：金额未填写", '"{text}": the amount is left blank')
INSTRUCTION = Message("模板填写说明未删除：“{text}”", 'A template instruction was left in the report: "{text}"')
MESSAGES = {"share": SHARE, "amount": AMOUNT, "instruction": INSTRUCTION}
CONFIDENCE = {"share": 0.9, "amount": 0.9, "instruction": 0.95}


@check("AL605", "unfilled-template", severity="warning", zh="模板空白或填写说明未处理", en="A template blank or instruction left in",
       messages=(SHARE, AMOUNT, INSTRUCTION))
def unfilled_template(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    报告模板留给数字的空白（“占 %”“收入合计 万元”）没有填写，或模板的填写说明（“（请在此处填写……）”
    “（文字说明：……）”）没有删除就发布了：读者看不到应有的数字，也说明报告未经复核。表格表头中的“%”是单位，
    不算空白；数字另印在一层文字中的 PDF 只检查填写说明。
    错误示例：其中：财政拨款收入90.00万元，占 %。
    正确示例：其中：财政拨款收入90.00万元，占90.00%。

    en:
    A blank the template left for a figure ("占 %", "收入合计 万元") was never filled in, or the
    template's instructions ("（请在此处填写……）", "（文字说明：……）") were published with the report:
    the reader does not get the figure, and the report was not reviewed. A "%" in a table
    header is a unit, not a blank; in a PDF whose figures sit in a separate text layer only
    instructions are checked.
    Bad: 其中：财政拨款收入90.00万元，占 %。
    Good: 其中：财政拨款收入90.00万元，占90.00%。
    """
    for u in facts.extra.get("unfilled", []):
        yield _finding(u)


def _finding(u: Unfilled) -> Finding:
    return Finding(
        location=u.location,
        **MESSAGES[u.kind].format(text=u.text.strip()),
        evidence=Evidence(expression=u.kind, stated=u.text.strip(), computed="a figure" if u.kind != "instruction" else "deleted",
                          expression_zh={"share": "占比", "amount": "金额", "instruction": "填写说明"}[u.kind],
                          computed_zh="应填写数字" if u.kind != "instruction" else "应删除"),
        snippet=u.context.strip()[:120],
        confidence=CONFIDENCE[u.kind],
        materiality=0.3,
        key=("unfilled-template", u.kind, u.text.strip()),
    )
