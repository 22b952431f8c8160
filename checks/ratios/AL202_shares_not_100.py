"""AL202: shares that do not add up to their total's share (100% at the top)."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import column_names, pct, ratio_finding, sentence_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.narrative import Figure, OfWhich, Share, TotalWithParts, statements_of
from auditlint.extract.percent import col_decimals, exact, judge
from auditlint.extract.tables import CanonicalTable, Row, row_snippet
from auditlint.findings import Finding, Message, Related
from auditlint.numbers import HUNDRED, Approx, asum, compare, fmt

ROW_SHARES_DO_NOT_ADD_UP = Message(
    zh="{label}：{column}为 {stated}，但其下 {n} 行之和为 {terms} = {computed}（差 {diff} 个百分点）",
    en="{label}: {column} is {stated}, but its {n} rows add up to {terms} = {computed} (off by {diff} points)",
)
PART_SHARES_NOT_100 = Message(
    zh="{subject} {total} 的各部分占比之和为 {terms} = {computed}，不是 100%（差 {diff} 个百分点）",
    en="The shares of the parts of {subject} {total} add up to {terms} = {computed}, not 100% (off by {diff} points)",
)


@check("AL202", "shares-not-100", severity="error", zh="各项占比之和不等于合计（100%）", en="Shares do not add up to their total (100%)",
       messages=(ROW_SHARES_DO_NOT_ADD_UP, PART_SHARES_NOT_100))
def shares_not_100(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    占比（占总支出比例、比重）一列中，合计行的占比应等于其所含各行占比之和，总的合计为
    100%；正文中一个总数完整分解后各部分的占比之和也应为 100%。各占比按打印精度取区间
    相加：40.15% + 59.85% 之类的舍入差异不报告。分组内的占比（各组内部加总为 100%）
    不与分组行比较。
    错误示例：基本支出 40.15%、项目支出 59.85%，合计行却印为 93.50%。
    正确示例：基本支出 40.15%、项目支出 59.85%，合计 100.00%。

    en:
    In a share column (占总支出比例, 比重) a total row's share must be the sum of the shares
    of the rows it covers, and the grand total is 100%; in the text, the shares of the
    parts of a fully decomposed total must add up to 100% too. Shares are added as
    intervals at printed precision, so rounding is not reported. Shares within a group
    (adding up to 100% inside it) are not compared with the group's row.
    Bad: 基本支出 40.15% and 项目支出 59.85%, but the 合计 row says 93.50%.
    Good: 基本支出 40.15%, 项目支出 59.85%, 合计 100.00%.
    """
    for ct in facts.tables:
        if "share" not in ct.roles():
            continue
        for row in ct.rows:
            finding = _share_total(ct, row)
            if finding is not None:
                yield finding
    shares = {id(s.part): s for s in statements_of(facts, Share) if s.part is not None}
    for st in statements_of(facts, TotalWithParts, OfWhich):
        finding = _narrative_shares(st, shares)
        if finding is not None:
            yield finding


def _share_total(ct: CanonicalTable, parent: Row) -> Finding | None:
    if not parent.children or not exact(parent.values.get("share")):
        return None
    children = [ct.rows[i] for i in parent.children]
    if not all(exact(ch.values.get("share")) for ch in children):
        return None
    decimals = col_decimals(ct, "share")
    parts = [ch.values["share"].with_decimals(decimals).approx for ch in children]
    computed = asum(parts)
    stated_q = parent.values["share"]
    if parent.parent is not None and compare(Approx(HUNDRED), computed).ok and not compare(stated_q.approx, Approx(HUNDRED)).ok:
        return None  # shares within the group, each group adding up to 100%
    verdict, soft = judge(stated_q, decimals, computed)
    if verdict.ok:
        return None
    cell = parent.cells["share"]
    stated = cell.text.strip()
    got, diff = pct(computed.mid, max(decimals, 2)), fmt(abs(verdict.difference), 2)
    terms = " + ".join(ch.values["share"].text.strip() for ch in children)
    return ratio_finding(
        cell.location,
        ROW_SHARES_DO_NOT_ADD_UP.format(label=parent.label, column=column_names(ct, "share"),
                                        stated=stated, n=len(children), terms=terms, computed=got, diff=diff),
        expression=terms, stated=stated, computed=got, verdict=verdict, soft=soft,
        operands=tuple((ch.label, ch.values["share"].text.strip()) for ch in children),
        snippet=row_snippet(ct, parent),
        related=[Related(ch.cells["share"].location, row_snippet(ct, ch)) for ch in children][:5],
        key=(parent.label, "share", str(ct.table.index)),
    )


def _narrative_shares(st: TotalWithParts | OfWhich, shares: dict[int, Share]) -> Finding | None:
    if not st.complete or len(st.parts) < 2:
        return None
    found = [shares.get(id(p)) for p in st.parts]
    if not all(s is not None and s.share.exact for s in found):
        return None
    figs: list[Figure] = [s.share for s in found if s is not None]
    computed = asum(f.quantity.approx for f in figs)
    verdict = compare(Approx(HUNDRED), computed)
    if verdict.ok:
        return None
    got, diff = pct(computed.mid), fmt(abs(verdict.difference), 2)
    terms = " + ".join(f.text for f in figs)
    return ratio_finding(
        figs[0].location,
        PART_SHARES_NOT_100.format(subject=st.total.subject, total=st.total.text, terms=terms, computed=got, diff=diff),
        expression=terms, stated=got, computed="100%", verdict=verdict,
        operands=tuple((p.subject, f.text) for p, f in zip(st.parts, figs)),
        snippet=sentence_snippet(st.sentence.text),
        related=[Related(f.location, f.text) for f in figs[1:]],
        key=("narrative", st.total.name, "shares"),
    )
