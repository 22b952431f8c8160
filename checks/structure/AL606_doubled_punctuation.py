"""AL606 doubled-punctuation: a punctuation mark printed twice in the running text."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.doubled_marks import KEY, DoubledMark
from auditlint.extract.facts import Facts
from auditlint.findings import Evidence, Finding, Message

MESSAGE = Message("标点重复：“{context}”中“{mark}”连写两次", 'doubled punctuation: “{mark}” printed twice in “{context}”')


@check("AL606", "doubled-punctuation", severity="info", zh="正文中同一标点连写两次", en="A punctuation mark printed twice in the text",
       messages=(MESSAGE,))
def doubled_punctuation(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    正文中同一个标点符号（。，、；：）连写两次，多为编辑时留下的笔误；审核时会被圈出，
    不影响数字，因此只作提示。三个及以上连写（“。。。”）按省略号或引导线看待，“……”“——”本身就是
    成对书写的标点，表格单元格不检查。
    错误示例：包括一般公共预算财政拨款和国有资本经营预算财政拨款。。
    正确示例：包括一般公共预算财政拨款和国有资本经营预算财政拨款。

    en:
    The same punctuation mark (。，、；：) printed twice in a row in the running text: an
    editing slip a reviewer circles. It changes no figure, so it is only worth a look.
    Three or more in a row ("。。。") are read as an ellipsis or a leader, "……" and "——"
    are single marks written double, and table cells are not checked.
    Bad: 包括一般公共预算财政拨款和国有资本经营预算财政拨款。。
    Good: 包括一般公共预算财政拨款和国有资本经营预算财政拨款。
    """
    marks: list[DoubledMark] = facts.extra.get(KEY) or []
    for d in marks:
        yield Finding(
            location=d.location,
            evidence=Evidence(expression="one punctuation mark", stated=d.mark * 2, computed=d.mark,
                              expression_zh="标点只写一次"),
            snippet=d.context,
            confidence=0.9,
            materiality=0.05,
            key=("doubled", d.context),
            **MESSAGE.format(context=d.context, mark=d.mark),
        )
