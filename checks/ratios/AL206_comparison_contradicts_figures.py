"""AL206 comparison-contradicts-figures: a comparison word (决算数大于预算数, 比上年减少)
that the two figures it compares, as printed, cannot satisfy."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.comparisons import KEY, Comparison
from auditlint.extract.facts import Facts
from auditlint.extract.narrative.far_directions import FarDirection, far_directions
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity

MESSAGE = Message(
    "文中称{claim}，但{left_zh}为 {left}、{right_zh}为 {right}，应为“{true}”",
    "the text says {claim}, but {left_en} is {left} and {right_en} is {right}: “{true}”",
)
FAR = Message(
    "文中称比上年{word}，但本年数为 {left}，按名称取自{where}的上年数为 {right}，应为“{true}”",
    "the text says it {how} last year's ({word}), but this year's figure is {left} and last year's, "
    "found by its name {where}, is {right}: “{true}”",
)
FAR_CONFIDENCE = 0.5  # last year's figure is inferred from names, not stated beside the comparison
_SIDES = {"budget": (("决算数", "the 决算"), ("预算数", "the budget")),
          "change": (("本年数", "this year's figure"), ("上年数", "last year's"))}
_CLAIM = {"budget": ("决算数{word}预算数", "the 决算 is {how} the budget ({word})"),
          "change": ("比上年{word}", "it {how} last year's ({word})")}
_HOW = {"budget": {">": "more than", "<": "less than", "=": "equal to"},
        "change": {">": "rose over", "<": "fell below", "=": "equals"}}
_TRUE_RELATION = {"budget": {">": "大于", "<": "小于", "=": "等于"}, "change": {">": "增加", "<": "减少", "=": "持平"}}


@check("AL206", "comparison-contradicts-figures", severity="error", zh="比较用语与所比较的两个数字矛盾",
       en="A comparison word contradicts the two figures it compares", messages=(MESSAGE, FAR))
def comparison_contradicts_figures(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    说明中写明两个数字后又用“决算数大于/小于/等于预算数”“比上年增加/减少”（未写增减额；写了增减额的
    由 AL204 核对）加以比较时，比较用语应与这两个数字相符。按两个数字的印刷精度（四舍五入区间）判断：
    只有任何舍入都不能使比较成立时才报告，“等于”在舍入范围内即视为成立；“基本持平”“持平”不是确切的
    比较，不检查。两个数字须在同一句或同一条目中写明且单位相同；唯一的例外是“本年数，比上年有所减少”
    而上年数在正文别处按名称写明（“2023年度收入总计1,000.00万元”）：两处须写明年度、名称相同，候选上年数
    一致，这样推断的比较只给出警告（置信度较低）并指明上年数所在行。
    错误示例：“年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：……”
    正确示例：“年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：……”

    en:
    When an explanation states two figures and then compares them (决算数大于/小于/等于预算数,
    比上年增加/减少 with no amount after it: an amount is AL204's to recompute), the comparison
    must hold for those figures. Each figure stands for the
    interval its printed digits round from; a finding is given only when no value in those
    intervals satisfies the comparison, so 等于 holds within rounding. "基本持平" and "持平"
    say "about the same" and are not checked. Both figures must be stated in the same sentence
    or item, in the same unit, except "本年数，比上年有所减少" with last year's figure stated by
    name elsewhere ("2023年度收入总计1,000.00万元"): both years stated, the same name, the
    candidate bases agreeing; such an inferred comparison gives a warning with lowered
    confidence that names the line the base was found on.
    Bad: "年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：……"
    Good: "年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：……"
    """
    found: list[Comparison] = facts.extra.get(KEY) or []
    for c in found:
        if not c.contradicted:
            continue
        (left_zh, left_en), (right_zh, right_en) = _SIDES[c.kind]
        true = _truth(c)
        yield Finding(
            location=c.location,
            evidence=Evidence(expression=f"{left_en} vs {right_en}", stated=c.word, computed=true,
                              expression_zh=f"{left_zh}与{right_zh}比较"),
            snippet=c.sentence,
            confidence=0.9,
            materiality=0.4,
            key=("comparison", c.kind, c.left.text, c.right.text),
            **MESSAGE.format(claim=_claim(c), left_zh=left_zh, right_zh=right_zh, left_en=left_en, right_en=right_en,
                             left=c.left.text, right=c.right.text, true=true),
        )
    for d in far_directions(facts):
        finding = _far_finding(d)
        if finding is not None:
            yield finding


def _far_finding(d: FarDirection) -> Finding | None:
    """"X，比上年减少" against last year's X stated elsewhere: a warning, the base being
    inferred, when no rounding of the two figures lets the word hold."""
    now = d.current.quantity.approx.scale(d.current.quantity.scale)
    then = d.base.figure.quantity.approx.scale(d.base.figure.quantity.scale)
    slack = now.half + then.half
    diff = now.mid - then.mid
    if (diff > -slack) if d.relation == ">" else (diff < slack):
        return None
    true = "持平" if abs(diff) <= slack else "增加" if diff > 0 else "减少"
    base = d.base.figure
    line = base.location.line
    at = (f"第 {line} 行" if line else "正文另一处") + (f"（“{d.base.heading}”下）" if d.base.heading else "")
    at_en = (f"on line {line}" if line else "elsewhere in the text") + (f" (under “{d.base.heading}”)" if d.base.heading else "")
    return Finding(
        location=d.location,
        evidence=Evidence(expression="this year's figure vs last year's (found by name)", stated=d.word, computed=true,
                          expression_zh="本年数与按名称取得的上年数比较",
                          operands=(("本年", d.current.text), (f"上年（{at}）", base.text))),
        snippet=d.current.sentence.text.strip()[:120],
        related=[Related(base.location, base.sentence.text.strip()[:80])],
        confidence=FAR_CONFIDENCE,
        materiality=0.4,
        key=("comparison", "change-far", d.current.text, base.text),
        severity=Severity.WARNING,
        **FAR.format(word=d.word, how=Both(_HOW["change"][d.relation], _HOW["change"][d.relation]),
                     left=d.current.text, right=base.text, where=Both(at, at_en), true=true),
    )


def _claim(c: Comparison) -> Both:
    zh, en = _CLAIM[c.kind]
    return Both(zh.format(word=c.word), en.format(how=_HOW[c.kind][c.relation], word=c.word))


def _truth(c: Comparison) -> str:
    """The word the figures call for."""
    if abs(c.left.value - c.right.value) <= c.left.half + c.right.half:
        relation = "="
    else:
        relation = ">" if c.left.value > c.right.value else "<"
    return _TRUE_RELATION[c.kind][relation]
