"""AL203: a share that is not the item's amount ÷ the total, in a table or in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from auditlint.checks.helpers import column_names, figure_ratio_finding, pct, ratio_finding, sentence_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative import Figure, Share, statements_of
from auditlint.extract.percent import col_decimals, exact, figure_ratio, judge, percent
from auditlint.extract.tables import AMOUNT_ROLES, CanonicalTable, Row, amount, column_name, row_snippet
from auditlint.findings import Both, Finding, Message, Related, Severity
from auditlint.numbers import Approx, asum, compare, fmt, normalize

ROW_SHARE_IS_NOT = Message(
    zh="{label}：{column}为 {stated}，但{amount_column} {amount} ÷ {base} {base_amount} = {computed}（差 {diff} 个百分点）",
    en="{label}: {column} is {stated}, but {amount} ÷ {base} {base_amount} = {computed} (off by {diff} points)",
)
STATED_SHARE_IS_NOT = Message(
    zh="{part}占{of}的比例印为 {stated}，但{numerator} {numerator_text} ÷ {base} {base_text} = {computed}（差 {diff} 个百分点）",
    en="{part} is said to be {stated} of {of}, but {numerator} {numerator_text} ÷ {base} {base_text} = {computed} (off by {diff} points)",
)
LISTED_SHARE_IS_NOT = Message(
    zh="{parts}占{of}的比例印为 {stated}，但（{terms}）÷ {base} {base_text} = {computed}，单算{last}也不相符（差 {diff} 个百分点）",
    en="{parts} are said to be {stated} of {of}, but ({terms}) ÷ {base} {base_text} = {computed}, "
       "and {last} alone does not match either (off by {diff} points)",
)

SHARE_OF_EARLIER_BASE_IS_NOT = Message(
    zh="{part}占{of}的比例印为 {stated}，但{numerator} {numerator_text} ÷ 前文{base} {base_text}（{where}）= {computed}"
       "（差 {diff} 个百分点；分母为跨段推断）",
    en="{part} is said to be {stated} of {of}, but {numerator} {numerator_text} ÷ the earlier {base} {base_text} ({where}) "
       "= {computed} (off by {diff} points; the base is linked across paragraphs)",
)


@check("AL203", "share-mismatch", severity="error", zh="占比与金额÷总额不符", en="A share is not amount ÷ total",
       messages=(ROW_SHARE_IS_NOT, STATED_SHARE_IS_NOT, LISTED_SHARE_IS_NOT, SHARE_OF_EARLIER_BASE_IS_NOT))
def share_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    占比应等于该项金额 ÷ 总额。表中以合计行为分母，分子取占比所依据的金额列（多数行据以
    算得相符的那一列）；与本组小计之比相符的也不报告。正文中“占总支出的40.15%”以其前面的
    金额为分子，以同一句中的总数为分母。句中写明分母名称（“占本年支出合计的100.00%”）而该段没有给出它时，
    取前文中名称完全相同、数值唯一的金额为分母（“三、支出决算情况说明”中的“本年支出合计2940.05万元”）：
    这是跨段推断的对应，最多报告为警告，降低置信度，并在消息中写明分母出处；按截尾印出也相符时不报告。
    按打印精度的区间比较。
    错误示例：公用经费 87.59 万元，合计 1432.68 万元，占总支出比例印为 12.43%（应为 6.11%）。
    正确示例：基本支出715.69万元，占总支出（1782.77万元）的40.15%。

    en:
    A share must be the item's amount ÷ the total. In a table the total row is the
    divisor and the amount column is the one most rows' shares are taken of; a share that
    matches its group's subtotal is not reported either. In the text, "占总支出的40.15%" is
    the amount before it over the total its sentence states. When the sentence names its
    base ("占本年支出合计的100.00%") and its paragraph does not state it, the base is the
    one earlier amount of exactly that name (本年支出合计 in the 支出决算情况说明 above),
    when all such amounts agree: a link across paragraphs, inferred, so at most a
    warning at lowered confidence, with where the base was found in the message; a share
    that agrees when truncated rather than rounded is not reported. Compared as
    intervals at printed precision.
    Bad: 公用经费 87.59 of a 1432.68 total, printed as 12.43% (it is 6.11%).
    Good: 基本支出715.69万元, 40.15% of 总支出 1782.77万元.
    """
    for ct in facts.tables:
        if "share" in ct.roles():
            yield from _table_shares(ct)
    figures = statements_of(facts, Figure)
    year = evaluated_year(facts.meta)
    for st in statements_of(facts, Share):
        finding = _narrative_share(st)
        if finding is None and st.part is not None and st.base is None:
            finding = _share_of_earlier_base(st, figures, year)
        if finding is not None:
            yield finding


def _share_of(ct: CanonicalTable, row: Row, role: str, base: Row) -> Approx | None:
    if not row.has(role) or not base.has(role):
        return None
    num, den = amount(ct, row, role), amount(ct, base, role)
    return percent(num, den) if num is not None and den is not None else None


def _table_shares(ct: CanonicalTable) -> Iterator[Finding]:
    decimals = col_decimals(ct, "share")
    for base in ct.top_totals():
        rows = [r for r in ct.rows if r is not base and r.kind != "group" and exact(r.values.get("share"))]
        if len(rows) < 2:
            continue
        # the amount column the shares are taken of: the one most rows agree with
        best, best_hits = None, 0
        for role in (r for r in ct.roles() if r in AMOUNT_ROLES):
            hits = 0
            for r in rows:
                c = _share_of(ct, r, role, base)
                if c is not None and judge(r.values["share"], decimals, c)[0].ok:
                    hits += 1
            if hits > best_hits:
                best, best_hits = role, hits
        if best is None or best_hits * 2 < len(rows):
            continue
        for r in rows:
            finding = _table_share(ct, r, best, base, decimals)
            if finding is not None:
                yield finding


def _table_share(ct: CanonicalTable, row: Row, role: str, base: Row, decimals: int) -> Finding | None:
    computed = _share_of(ct, row, role, base)
    if computed is None:
        return None
    q = row.values["share"]
    verdict, soft = judge(q, decimals, computed)
    if verdict.ok:
        return None
    if row.parent is not None and ct.rows[row.parent] is not base:
        within = _share_of(ct, row, role, ct.rows[row.parent])
        if within is not None and judge(q, decimals, within)[0].ok:
            return None  # a share of its group's subtotal
    cell = row.cells["share"]
    stated = cell.text.strip()
    got, diff = pct(computed.mid, max(decimals, 2)), fmt(abs(verdict.difference), 2)
    a, b = row.values[role].text.strip(), base.values[role].text.strip()
    return ratio_finding(
        cell.location,
        ROW_SHARE_IS_NOT.format(label=row.label, column=column_names(ct, "share"),
                                stated=stated, amount_column=column_name(ct, role, "zh"), amount=a, base=base.label,
                                base_amount=b, computed=got, diff=diff),
        expression=f"{a} / {b} × 100", stated=stated, computed=got, verdict=verdict, soft=soft,
        operands=((row.label, a), (base.label, b)),
        snippet=row_snippet(ct, row),
        related=[Related(base.cells[role].location, row_snippet(ct, base))] if role in base.cells else [],
        key=(row.label, "share", str(ct.table.index)),
    )


def _narrative_share(st: Share) -> Finding | None:
    part, base, share = st.part, st.base, st.share
    if part is None and st.listed and base is not None:
        return _listed_share(st)
    if part is None or base is None:
        return None
    judged = figure_ratio(share, part, base)
    if judged is None or judged[1].ok:
        return None
    return figure_ratio_finding(st.sentence.text, share, part, base, judged, STATED_SHARE_IS_NOT,
                                ("narrative", part.name, "share", st.base_name),
                                part=part.subject, of=st.base_name, stated=share.text)


def _listed_share(st: Share) -> Finding | None:
    """A share printed after a list of parts ("A…、B…，占项目支出的82.60%") is the list's
    share, or the last part's: reported only when neither reading fits."""
    base, share, listed = st.base, st.share, list(st.listed)
    assert base is not None
    if not (share.exact and base.exact and base.is_money and all(p.exact and p.is_money for p in listed)):
        return None
    last = figure_ratio(share, listed[-1], base)
    if last is None or last[1].ok:
        return None
    total = asum(p.quantity.approx_in(Decimal(1)) for p in listed)
    computed = percent(total, base.quantity.approx_in(Decimal(1)))
    if computed is None:
        return None
    verdict = compare(share.quantity.approx, computed)
    if verdict.ok:
        return None
    got, diff = pct(computed.mid, max(share.quantity.decimals, 2)), fmt(abs(verdict.difference), 2)
    terms = " + ".join(p.text for p in listed)
    return ratio_finding(
        share.location,
        LISTED_SHARE_IS_NOT.format(parts="、".join(p.subject for p in listed), of=st.base_name, stated=share.text, terms=terms,
                                   base=base.subject, base_text=base.text, computed=got, last=listed[-1].subject, diff=diff),
        expression=f"({terms}) / {base.text} × 100", stated=share.text, computed=got, verdict=verdict,
        operands=(*((p.subject, p.text) for p in listed), (base.subject, base.text)),
        snippet=sentence_snippet(st.sentence.text),
        related=[Related(f.location, f"{f.subject}{f.text}") for f in (*listed, base)],
        key=("narrative", "+".join(p.name for p in listed), "share", st.base_name),
    )


CROSS_PARAGRAPH_CONFIDENCE = 0.6
_DATED = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)")
_TOTAL_WORD = re.compile(r"(?:合计|总计)$")


def _bare(name: str) -> str:
    """A base's name as printed, without a leading year or a trailing 合计 (the narrative
    names "本年支出合计2940.05万元" 本年支出)."""
    t = normalize(name).replace(" ", "")
    return _TOTAL_WORD.sub("", _DATED.sub("", t))


def _earlier_base(st: Share, figures: list[Figure], year: int | None) -> Figure | None:
    """The one amount an earlier paragraph names exactly as the share's base."""
    want = _bare(st.base_name)
    if len(want) < 4 or st.sentence.paragraph is None:
        return None  # "总额", "合计": too short a name to link across paragraphs
    found = [f for f in figures if f.sentence.paragraph is not None and f.sentence.paragraph < st.sentence.paragraph
             and f.exact and f.is_money and _bare(f.subject) == want
             and all(int(y) == year for y in re.findall(r"((?:19|20)\d{2})\s*年", f.subject))]
    values = {(f.quantity.value or Decimal(0)) * f.quantity.scale for f in found}
    return found[-1] if len(values) == 1 else None


def _truncated(stated: Figure, computed: Approx) -> bool:
    """Does the share agree when the quotient is cut, not rounded, to the printed places?"""
    places = Decimal(10) ** -stated.quantity.decimals
    return computed.mid.quantize(places, rounding=ROUND_DOWN) == stated.quantity.value


def _share_of_earlier_base(st: Share, figures: list[Figure], year: int | None) -> Finding | None:
    part, share = st.part, st.share
    base = _earlier_base(st, figures, year)
    if part is None or base is None:
        return None
    judged = figure_ratio(share, part, base)
    if judged is None or judged[1].ok or _truncated(share, judged[0]):
        return None
    loc = base.location
    where = Both(f"第{loc.page}页第{loc.line}行" if loc.page else f"第{loc.line}行",
                 f"p.{loc.page} line {loc.line}" if loc.page else f"line {loc.line}")
    found = figure_ratio_finding(st.sentence.text, share, part, base, judged, SHARE_OF_EARLIER_BASE_IS_NOT,
                                 ("narrative", part.name, "share-earlier-base", st.base_name),
                                 part=part.subject, of=st.base_name, stated=share.text, where=where)
    return replace(found, severity=Severity.WARNING, confidence=min(found.confidence, CROSS_PARAGRAPH_CONFIDENCE))
