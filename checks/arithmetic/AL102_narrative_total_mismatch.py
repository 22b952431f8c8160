"""AL102: a total in the text that is not the sum of the parts it lists."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import NOTHING, joined, sentence_snippet, worded

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.narrative import Figure, OfWhich, TotalWithParts, other_side, statements_of
from auditlint.findings import Both, Evidence, Finding, Message, Related, Severity
from auditlint.numbers import asum, compare, fmt
from auditlint.rank import materiality

PARTS_DO_NOT_ADD_UP = Message(
    zh="{subject} {total}，但所列各项之和为 {expression} = {computed}（差 {diff}{notes}）",
    en="{subject} is {total}, but its parts add up to {expression} = {computed} (off by {diff}{notes})",
)
PARTS_EXCEED = Message(
    zh="{subject} {total}，但其中所列各项之和 {expression} = {computed} 已超过总数（超出 {diff}{notes}）",
    en="{subject} is {total}, but the parts listed under 其中 already add up to {expression} = {computed} (over by {diff}{notes})",
)
UNITS_DIFFER = Message(
    zh="；注意单位：合计以{unit}计，各项以{units}计",
    en="; note the units: the total is in {unit}, the parts in {units}",
)
AGREE_IN_ONE_UNIT = Message(zh="，按{unit}计则相符，疑为单位错误", en="; read in {unit} they agree: probably a wrong unit")
NAMES_DIFFER = Message(zh="；所列“{part}”与“{total}”名称不一致", en="; the part named {part} does not match {total}")


@check("AL102", "narrative-total-mismatch", severity="error", zh="文中合计数不等于所列各项之和",
       en="A total in the text is not the sum of the parts it lists",
       messages=(PARTS_DO_NOT_ADD_UP, PARTS_EXCEED, UNITS_DIFFER, AGREE_IN_ONE_UNIT, NAMES_DIFFER))
def narrative_total_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    正文中给出总数并列出其组成时，各项之和应等于总数。括号中的分项（“支出1782.77万元（基本
    支出709.66万元，项目支出1067.07万元）”）视为完整分解；总数之后成对出现、互为补充的名称
    （“结转结余”之后的“财政拨款结转结余”和“非财政拨款结转结余”，“支出”之后的“基本支出”和
    “项目支出”）也是完整分解；句首（或冒号、“其中”之后）以顿号列出的各项金额之后紧接的
    “合计（共计、总计）”也是其完整分解。“其中”列出的可能只是部分项目：只有各项之和超过总数时才报告
    （“其中”恰为基本、项目这样互补的两项时按完整分解核对）。“其中”列表之后以“另”“另外”“此外”“还”
    “同时”开头的分句说的是总数以外的资金，不算分项；名为“X中Y”（“财政资助中间接费用”）而X是此前所列
    分项的，是该分项的组成部分，不与之并列相加。金额先换算到同一单位，按打印
    精度的区间比较：3665.94 与 214.44 + 3451.49 = 3665.93 之差属于四舍五入，不报告。
    错误示例：本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元），709.66 + 1067.07 = 1776.73。
    正确示例：本年支出1782.77万元（基本支出715.69万元，项目支出1067.07万元）。

    en:
    When the text gives a total and lists what it is made of, the parts must add up to
    it. Parts in brackets after a total ("支出1782.77万元（基本支出709.66万元，项目支出
    1067.07万元）") are a full decomposition, and so are two complementary names following a
    total in its paragraph (财政拨款结转结余 and 非财政拨款结转结余 after 结转结余; 基本支出 and
    项目支出 after 支出), and so is a list of amounts joined by "、" that opens its sentence
    (or follows a colon or 其中) and is closed by "合计" (共计, 总计). A 其中 list may name some parts only: it is reported only when its
    parts exceed the total (unless it is exactly such a complementary pair). A clause
    opened by 另, 另外, 此外, 还 or 同时 after a 其中 list is money besides the list, not a
    part of it; a member named "X中Y" ("财政资助中间接费用") after a member X is a part of
    that member, not a sibling, and is not added. Amounts are
    converted to one unit and compared as intervals at printed precision: 3665.94 against
    214.44 + 3451.49 = 3665.93 is rounding and is not reported.
    Bad: 本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）: 709.66 + 1067.07 = 1776.73.
    Good: 本年支出1782.77万元（基本支出715.69万元，项目支出1067.07万元）.
    """
    for st in statements_of(facts, TotalWithParts, OfWhich):
        finding = _breakdown_finding(st)
        if finding is not None:
            yield finding


def _breakdown_finding(st: TotalWithParts | OfWhich) -> Finding | None:
    total, parts = st.total, st.parts
    if not total.exact or not total.is_money or not parts or not all(p.exact and p.is_money for p in parts):
        return None
    stated = total.quantity.approx
    computed = asum(p.quantity.approx_in(total.quantity.scale) for p in parts)
    verdict = compare(stated, computed)
    if verdict.ok or (not st.complete and verdict.difference > 0):  # a partial list may fall short
        return None
    decimals = max(total.quantity.decimals, 2)
    diff = fmt(abs(verdict.difference), decimals)
    expr = " + ".join(_number(p, total) for p in parts)
    got = f"{fmt(computed.mid, decimals)}{total.quantity.unit or ''}"
    values = {"subject": total.subject, "total": total.text, "expression": expr, "computed": got, "diff": diff}
    if st.complete:
        said = PARTS_DO_NOT_ADD_UP.format(notes=joined(_units_note(total, parts), _name_note(total, parts)), **values)
    else:
        said = PARTS_EXCEED.format(notes=_units_note(total, parts), **values)
    error = verdict.level == "error"
    return Finding(
        location=total.location,
        **said,
        evidence=Evidence(
            expression=expr,
            stated=total.text,
            computed=got,
            difference=diff,
            tolerance=fmt(verdict.tolerance),
            operands=tuple((p.subject, p.text) for p in parts),
        ),
        snippet=sentence_snippet(st.sentence.text),
        related=[Related(p.location, f"{p.subject}{p.text}") for p in parts][:5],
        confidence=(0.85 if st.marker == "naming" else 0.95) if error else 0.6,
        materiality=materiality(float(verdict.difference), float(total.quantity.value or 0)),
        key=("narrative", total.name, st.marker, *(p.name for p in parts)),
        severity=Severity.ERROR if error else Severity.WARNING,
    )


def _units_note(total: Figure, parts: tuple[Figure, ...]) -> Both:
    """What the message says of parts in another unit than the total's."""
    units = {p.quantity.unit for p in parts} - {total.quantity.unit}
    if not units:
        return NOTHING
    shown = sorted(u or "" for u in units)
    note = worded(UNITS_DIFFER, unit=total.quantity.unit or "", units=Both("、".join(shown), ", ".join(shown)))
    if len(shown) == 1 and compare(total.quantity.approx, asum(p.quantity.approx for p in parts)).ok:
        note = joined(note, worded(AGREE_IN_ONE_UNIT, unit=shown[0]))
    return note


def _name_note(total: Figure, parts: tuple[Figure, ...]) -> Both:
    """What the message says of a part named for the other side of the total (收入 under 支出)."""
    misnamed = [p for p in parts if other_side(total.name, p.name)]
    return worded(NAMES_DIFFER, part=misnamed[0].subject, total=total.subject) if misnamed else NOTHING


def _number(part: Figure, total: Figure) -> str:
    """A part as the expression shows it: its number, with its unit when it differs from the total's."""
    q = part.quantity
    shown = fmt(q.value, q.decimals) if q.value is not None else q.text
    return shown if q.unit == total.quantity.unit else f"{shown}{q.unit or ''}"
