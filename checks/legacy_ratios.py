"""Ratios: rates (AL201), shares that do not add up (AL202), shares against their
figures (AL203) and year-on-year statements against the figures they compare (AL204).

Rates and shares are recomputed on intervals from the printed amounts, in percent.
A rate or share printed with fewer decimals than its column ("18%" among "11.82%")
is read at the column's precision; when only that reading makes it a mismatch, the
finding is a warning, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.narrative import Change, Figure, OfWhich, Rate, Share, TotalWithParts, statements_of
from auditlint.extract.tables import (
    AMOUNT_ROLES,
    RATE_BASES,
    CanonicalTable,
    Row,
    YoyColumns,
    amount,
    column_name,
    row_snippet,
    yoy_columns,
)
from auditlint.findings import Evidence, Finding, Related, Severity
from auditlint.model import Location
from auditlint.numbers import SCALES, Approx, Quantity, Verdict, asum, compare, fmt, grouped, parse_quantity
from auditlint.rank import materiality

HUNDRED = Decimal(100)


def _percent(num: Approx, den: Approx) -> Approx | None:
    """num ÷ den in percent; None when the divisor may be zero or either is negative
    (a negative amount is AL301's to report, its rate means nothing)."""
    if num.lo < 0 or den.lo <= 0:
        return None
    return (num / den).scale(HUNDRED)


def _judge(q: Quantity, col_decimals: int, computed: Approx) -> tuple[Verdict, bool]:
    """Compare a printed percentage at its column's precision. The flag says the
    mismatch exists only at the column's precision, not at the number's own."""
    verdict = compare(q.with_decimals(col_decimals).approx, computed)
    if verdict.ok or col_decimals <= q.decimals:
        return verdict, False
    own = compare(q.approx, computed)
    return verdict, own.ok


def _severity(verdict: Verdict, soft: bool) -> tuple[Severity, float]:
    if verdict.level == "error" and not soft:
        return Severity.ERROR, 0.95
    return Severity.WARNING, 0.6


def _pct(value: Decimal, decimals: int = 2) -> str:
    return f"{fmt(value, decimals)}%"


def _exact(q: Quantity | None) -> bool:
    return q is not None and q.is_number and q.comparator in (None, "=")


def _col_decimals(ct: CanonicalTable, role: str) -> int:
    col = ct.column(role)
    return col.decimals if col else 0


def _snippet(text: str, limit: int = 120) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding(
    location: Location,
    zh: str,
    en: str,
    *,
    expression: str,
    stated: str,
    computed: str,
    verdict: Verdict,
    soft: bool = False,
    snippet: str,
    related: list[Related],
    key: tuple[str, ...],
    operands: tuple[tuple[str, str], ...] = (),
    points: bool = True,
    base: float = 100.0,
) -> Finding:
    """A ratio finding; ``points``: the difference is in percentage points, material
    relative to 100, else relative to ``base``."""
    severity, confidence = _severity(verdict, soft)
    diff = abs(verdict.difference)
    return Finding(
        location=location,
        message_zh=zh,
        message_en=en,
        evidence=Evidence(expression=expression, stated=stated, computed=computed, difference=fmt(diff, 2),
                          tolerance=fmt(verdict.tolerance), operands=operands),
        snippet=snippet,
        related=related,
        confidence=confidence,
        materiality=min(1.0, float(diff) / 100) if points else materiality(float(diff), base),
        key=key,
        severity=severity,
    )


# ---------------------------------------------------------------------------
# AL201


@check("AL201", "rate-mismatch", severity="error", zh="执行率与实际数÷预算数不符", en="A rate is not actual ÷ budget")
def rate_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    执行率（执行进度、支出进度）应等于同一行的实际支出数 ÷ 预算数。分母依次取调整后预算
    （年终核定数、调整预算数）、年初预算、到位数（到位资金：第三方评价常按“实际支出÷到位
    资金”计算）中第一个有超过一半的执行率与之相符的列；没有这样的列时视为未能理解该列，
    不报告；全表只有一个执行率（自评表资金块的年度资金总额）时按上述顺序取分母，只在它与
    每一列都不符时报告。某行只与另一列相符的不报告（按到位数计算）或报警告（调整后预算与年初
    预算口径不一致）。正文中与其数字同时给出的到位率、执行率也照此核对（“实际支出S万元，
    预算执行率R%”）：句中“年初预算A，…调整为B”的 B 是调整后预算，执行率以它为分母；
    句中可作分母的预算数不止一个时，只有都不相符才报告。空白的执行率不是数字，不核对；预算为 0 而有支出属于 AL302，金额为负
    属于 AL301。按打印精度的区间比较。
    错误示例：三公经费小计 年初预算 1.5，实际执行数 3.83，执行进度 100%（应为 255.33%）。
    正确示例：培训费 年初预算 1.1，实际执行数 0.13，执行进度 11.82%。

    en:
    An execution rate (执行进度, 支出进度) must equal the same row's actual spending ÷ its
    budget. The divisor is the first of the adjusted budget (年终核定数, 调整预算数), the
    initial budget and the funds received (到位数: evaluators often take 实际支出÷到位资金)
    that more than half the rates agree with; when none has that, the rate column is not
    understood and nothing is said (a table with a single rate, such as the 年度资金总额
    row of a 自评表's funds block, takes the first of them and is reported only when the
    rate fits none). A row that agrees with another of
    these columns instead is not reported (funds received) or is a warning (adjusted and
    initial budget mixed). Rates the text states together with their figures ("实际支出S万元，
    预算执行率R%", 到位率) are checked the same way: in "年初预算A，…调整为B" B is the
    adjusted budget the rate is over, and when the sentence gives several budgets that could
    be the base the rate is reported only when none fits. A blank rate is no claim; a zero budget
    with spending is AL302's, a negative amount AL301's. Compared as intervals at printed
    precision.
    Bad: 三公经费小计 budget 1.5, spent 3.83, progress 100% (it is 255.33%).
    Good: 培训费 budget 1.1, spent 0.13, progress 11.82%.
    """
    for ct in facts.tables:
        base = _rate_base(ct)
        if base is None:
            continue
        for row in ct.rows:
            finding = _table_rate(ct, row, base)
            if finding is not None:
                yield finding
    for st in statements_of(facts, Rate):
        finding = _narrative_rate(st)
        if finding is not None:
            yield finding


def _row_rate(ct: CanonicalTable, row: Row, role: str) -> tuple[Approx, Verdict, bool] | None:
    """The row's rate recomputed over ``role`` and how the printed one compares; None
    when the row states no rate or the division means nothing (a zero or negative
    budget: AL301/AL302 say what is wrong there)."""
    rate = row.values.get("rate")
    if not _exact(rate) or not row.has("actual") or not row.has(role):
        return None
    assert rate is not None
    num, den = amount(ct, row, "actual"), amount(ct, row, role)
    computed = _percent(num, den) if num is not None and den is not None else None
    if computed is None:
        return None
    verdict, soft = _judge(rate, _col_decimals(ct, "rate"), computed)
    return computed, verdict, soft


def _rate_base(ct: CanonicalTable) -> str | None:
    """The column the table's rates are taken over: the adjusted budget when more
    than half the rates agree with it (预算执行率 is taken over it), else the initial
    budget, else the funds received (到位数), on the same condition. None when none
    has that majority: the rate column is then not understood and nothing is said of
    it (half is not enough: two rows fully funded and two not agree with 预算数 and
    with 到位数 alike)."""
    roles = ct.roles()
    if "rate" not in roles or "actual" not in roles:
        return None
    for role in (b for b in RATE_BASES if b in roles):
        rated = [x for x in (_row_rate(ct, r, role) for r in ct.rows) if x is not None]
        if sum(1 for x in rated if x[1].ok) * 2 > len(rated):
            return role
    # one rate in the whole table (a funds block's 年度资金总额): no majority can tell the
    # base, so it is the first in order of preference, and the rate is reported only
    # when it fits none of the table's bases (see _table_rate)
    if sum(1 for r in ct.rows if _exact(r.values.get("rate"))) == 1:
        return next((b for b in RATE_BASES if b in roles and any(_row_rate(ct, r, b) for r in ct.rows)), None)
    return None


def _table_rate(ct: CanonicalTable, row: Row, role: str) -> Finding | None:
    result = _row_rate(ct, row, role)
    if result is None or result[1].ok:
        return None
    computed, verdict, soft = result
    initial_zh = initial_en = ""
    single = sum(1 for r in ct.rows if _exact(r.values.get("rate"))) == 1
    for other_role in (b for b in RATE_BASES if b != role and b in ct.roles()):
        other = _row_rate(ct, row, other_role)
        if other is None or not other[1].ok:
            continue
        if single:
            return None  # the table's only rate, over another of its bases
        if {role, other_role} != {"budget_adjusted", "budget_initial"}:
            return None  # actual ÷ another amount of its row (到位数): another base, not a mistake
        # one budget where the table's rates are over the other: inconsistent, but the
        # figures agree in their own way
        soft = True
        initial_zh = f"；它与{column_name(ct, other_role, 'zh')} {row.values[other_role].text.strip()} 相符，口径与其他行不一致"
        initial_en = f"; it matches the {column_name(ct, other_role, 'en')} {row.values[other_role].text.strip()}, unlike the other rows"
    cell = row.cells["rate"]
    stated = cell.text.strip()
    actual_txt, base_txt = row.values["actual"].text.strip(), row.values[role].text.strip()
    got, diff = _pct(computed.mid), fmt(abs(verdict.difference), 2)
    zh = [column_name(ct, r, "zh") for r in ("rate", "actual", role)]
    en = [column_name(ct, r, "en") for r in ("rate", "actual", role)]
    return _finding(
        cell.location,
        f"{row.label}：{zh[0]}为 {stated}，但{zh[1]} {actual_txt} ÷ {zh[2]} {base_txt} = {got}（差 {diff} 个百分点{initial_zh}）",
        f"{row.label}: {en[0]} is {stated}, but {en[1]} {actual_txt} ÷ {en[2]} {base_txt} = {got} (off by {diff} points{initial_en})",
        expression=f"{actual_txt} / {base_txt} × 100", stated=stated, computed=got, verdict=verdict, soft=soft,
        operands=((zh[1], actual_txt), (zh[2], base_txt)),
        snippet=row_snippet(ct, row),
        related=[Related(row.cells[r].location, row_snippet(ct, row)) for r in ("actual", role) if r in row.cells],
        key=(row.label, "rate", str(ct.table.index)),
    )


def _narrative_rate(st: Rate) -> Finding | None:
    rate, num = st.rate, st.numerator
    if num is None or not st.denominators or not rate.exact or not num.exact:
        return None
    results = []
    for den in st.denominators:
        judged = _figure_ratio(rate, num, den)
        if judged is None:
            continue
        if judged[1].ok:
            return None
        results.append((den, judged))
    if not results:
        return None
    den, judged = results[0]
    return _figure_ratio_finding(st.sentence.text, rate, num, den, judged, f"{rate.subject}为 {rate.text}",
                                 f"{rate.subject} is {rate.text}", ("narrative", rate.name, "rate"))


def _figure_ratio(stated: Figure, num: Figure, den: Figure) -> tuple[Approx, Verdict] | None:
    """num ÷ den of two narrative figures against a stated percentage."""
    if not (stated.exact and num.exact and den.exact and num.is_money and den.is_money):
        return None
    computed = _percent(num.quantity.approx_in(Decimal(1)), den.quantity.approx_in(Decimal(1)))
    if computed is None:
        return None
    return computed, compare(stated.quantity.approx, computed)


def _figure_ratio_finding(sentence: str, stated: Figure, num: Figure, den: Figure, judged: tuple[Approx, Verdict],
                          head_zh: str, head_en: str, key: tuple[str, ...]) -> Finding:
    computed, verdict = judged
    got, diff = _pct(computed.mid, max(stated.quantity.decimals, 2)), fmt(abs(verdict.difference), 2)
    return _finding(
        stated.location,
        f"{head_zh}，但{num.subject} {num.text} ÷ {den.subject} {den.text} = {got}（差 {diff} 个百分点）",
        f"{head_en}, but {num.subject} {num.text} ÷ {den.subject} {den.text} = {got} (off by {diff} points)",
        expression=f"{num.text} / {den.text} × 100", stated=stated.text, computed=got, verdict=verdict,
        operands=((num.subject, num.text), (den.subject, den.text)),
        snippet=_snippet(sentence),
        related=[Related(f.location, f"{f.subject}{f.text}") for f in (num, den)],
        key=key,
    )


# ---------------------------------------------------------------------------
# AL202


@check("AL202", "shares-not-100", severity="error", zh="各项占比之和不等于合计（100%）", en="Shares do not add up to their total (100%)")
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
    if not parent.children or not _exact(parent.values.get("share")):
        return None
    children = [ct.rows[i] for i in parent.children]
    if not all(_exact(ch.values.get("share")) for ch in children):
        return None
    decimals = _col_decimals(ct, "share")
    parts = [ch.values["share"].with_decimals(decimals).approx for ch in children]
    computed = asum(parts)
    stated_q = parent.values["share"]
    if parent.parent is not None and compare(Approx(HUNDRED), computed).ok and not compare(stated_q.approx, Approx(HUNDRED)).ok:
        return None  # shares within the group, each group adding up to 100%
    verdict, soft = _judge(stated_q, decimals, computed)
    if verdict.ok:
        return None
    cell = parent.cells["share"]
    stated = cell.text.strip()
    got, diff = _pct(computed.mid, max(decimals, 2)), fmt(abs(verdict.difference), 2)
    name_zh, name_en = column_name(ct, "share", "zh"), column_name(ct, "share", "en")
    terms = " + ".join(ch.values["share"].text.strip() for ch in children)
    n = len(children)
    return _finding(
        cell.location,
        f"{parent.label}：{name_zh}为 {stated}，但其下 {n} 行之和为 {terms} = {got}（差 {diff} 个百分点）",
        f"{parent.label}: {name_en} is {stated}, but its {n} rows add up to {terms} = {got} (off by {diff} points)",
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
    got, diff = _pct(computed.mid), fmt(abs(verdict.difference), 2)
    terms = " + ".join(f.text for f in figs)
    return _finding(
        figs[0].location,
        f"{st.total.subject} {st.total.text} 的各部分占比之和为 {terms} = {got}，不是 100%（差 {diff} 个百分点）",
        f"The shares of the parts of {st.total.subject} {st.total.text} add up to {terms} = {got}, not 100% (off by {diff} points)",
        expression=terms, stated=got, computed="100%", verdict=verdict,
        operands=tuple((p.subject, f.text) for p, f in zip(st.parts, figs)),
        snippet=_snippet(st.sentence.text),
        related=[Related(f.location, f.text) for f in figs[1:]],
        key=("narrative", st.total.name, "shares"),
    )


# ---------------------------------------------------------------------------
# AL203


@check("AL203", "share-mismatch", severity="error", zh="占比与金额÷总额不符", en="A share is not amount ÷ total")
def share_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    占比应等于该项金额 ÷ 总额。表中以合计行为分母，分子取占比所依据的金额列（多数行据以
    算得相符的那一列）；与本组小计之比相符的也不报告。正文中“占总支出的40.15%”以其前面的
    金额为分子，以同一句中的总数为分母。按打印精度的区间比较。
    错误示例：公用经费 87.59 万元，合计 1432.68 万元，占总支出比例印为 12.43%（应为 6.11%）。
    正确示例：基本支出715.69万元，占总支出（1782.77万元）的40.15%。

    en:
    A share must be the item's amount ÷ the total. In a table the total row is the
    divisor and the amount column is the one most rows' shares are taken of; a share that
    matches its group's subtotal is not reported either. In the text, "占总支出的40.15%" is
    the amount before it over the total its sentence states. Compared as intervals at
    printed precision.
    Bad: 公用经费 87.59 of a 1432.68 total, printed as 12.43% (it is 6.11%).
    Good: 基本支出715.69万元, 40.15% of 总支出 1782.77万元.
    """
    for ct in facts.tables:
        if "share" in ct.roles():
            yield from _table_shares(ct)
    for st in statements_of(facts, Share):
        finding = _narrative_share(st)
        if finding is not None:
            yield finding


def _share_of(ct: CanonicalTable, row: Row, role: str, base: Row) -> Approx | None:
    if not row.has(role) or not base.has(role):
        return None
    num, den = amount(ct, row, role), amount(ct, base, role)
    return _percent(num, den) if num is not None and den is not None else None


def _table_shares(ct: CanonicalTable) -> Iterator[Finding]:
    decimals = _col_decimals(ct, "share")
    for base in ct.top_totals():
        rows = [r for r in ct.rows if r is not base and r.kind != "group" and _exact(r.values.get("share"))]
        if len(rows) < 2:
            continue
        # the amount column the shares are taken of: the one most rows agree with
        best, best_hits = None, 0
        for role in (r for r in ct.roles() if r in AMOUNT_ROLES):
            hits = 0
            for r in rows:
                c = _share_of(ct, r, role, base)
                if c is not None and _judge(r.values["share"], decimals, c)[0].ok:
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
    verdict, soft = _judge(q, decimals, computed)
    if verdict.ok:
        return None
    if row.parent is not None and ct.rows[row.parent] is not base:
        within = _share_of(ct, row, role, ct.rows[row.parent])
        if within is not None and _judge(q, decimals, within)[0].ok:
            return None  # a share of its group's subtotal
    cell = row.cells["share"]
    stated = cell.text.strip()
    got, diff = _pct(computed.mid, max(decimals, 2)), fmt(abs(verdict.difference), 2)
    a, b = row.values[role].text.strip(), base.values[role].text.strip()
    name_zh, name_en = column_name(ct, "share", "zh"), column_name(ct, "share", "en")
    return _finding(
        cell.location,
        f"{row.label}：{name_zh}为 {stated}，但{column_name(ct, role, 'zh')} {a} ÷ {base.label} {b} = {got}（差 {diff} 个百分点）",
        f"{row.label}: {name_en} is {stated}, but {a} ÷ {base.label} {b} = {got} (off by {diff} points)",
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
    judged = _figure_ratio(share, part, base)
    if judged is None or judged[1].ok:
        return None
    return _figure_ratio_finding(st.sentence.text, share, part, base, judged,
                                 f"{part.subject}占{st.base_name}的比例印为 {share.text}",
                                 f"{part.subject} is said to be {share.text} of {st.base_name}",
                                 ("narrative", part.name, "share", st.base_name))


def _listed_share(st: Share) -> Finding | None:
    """A share printed after a list of parts ("A…、B…，占项目支出的82.60%") is the list's
    share, or the last part's: reported only when neither reading fits."""
    base, share, listed = st.base, st.share, list(st.listed)
    assert base is not None
    if not (share.exact and base.exact and base.is_money and all(p.exact and p.is_money for p in listed)):
        return None
    last = _figure_ratio(share, listed[-1], base)
    if last is None or last[1].ok:
        return None
    total = asum(p.quantity.approx_in(Decimal(1)) for p in listed)
    computed = _percent(total, base.quantity.approx_in(Decimal(1)))
    if computed is None:
        return None
    verdict = compare(share.quantity.approx, computed)
    if verdict.ok:
        return None
    got, diff = _pct(computed.mid, max(share.quantity.decimals, 2)), fmt(abs(verdict.difference), 2)
    names = "、".join(p.subject for p in listed)
    terms = " + ".join(p.text for p in listed)
    return _finding(
        share.location,
        f"{names}占{st.base_name}的比例印为 {share.text}，但（{terms}）÷ {base.subject} {base.text} = {got}，"
        f"单算{listed[-1].subject}也不相符（差 {diff} 个百分点）",
        f"{names} are said to be {share.text} of {st.base_name}, but ({terms}) ÷ {base.subject} {base.text} = {got}, "
        f"and {listed[-1].subject} alone does not match either (off by {diff} points)",
        expression=f"({terms}) / {base.text} × 100", stated=share.text, computed=got, verdict=verdict,
        operands=(*((p.subject, p.text) for p in listed), (base.subject, base.text)),
        snippet=_snippet(st.sentence.text),
        related=[Related(f.location, f"{f.subject}{f.text}") for f in (*listed, base)],
        key=("narrative", "+".join(p.name for p in listed), "share", st.base_name),
    )


# ---------------------------------------------------------------------------
# AL204


@check("AL204", "year-on-year-mismatch", severity="error", zh="同比增减额与本年、上年数不符",
       en="A year-on-year change does not match the figures it compares")
def year_on_year_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    “比上年增加（减少）X万元”应等于本年数减上年数；“增长X%”应等于（本年 − 上年）÷ 上年。
    上年数取自同一句中给出的上年数，或取自名称相符的表格行的上年决算数列（该行的实际数须
    与句中的本年数相符，才认定说的是这一行）。“比上年执行数X增加Y，增长Z%”中的 Z 与 Y 是同一
    比较；“投诉1,286件，比2023年的1,452件下降11.43%”按句中给出的该年数核对（与指明年份比较
    而句中没有该年数的，不取表中上年数）。剔除、扣除、不含、不考虑、除去某项（或“除…外”）之后的
    比较（“剔除购置费后，‘三公’经费比上年减少…”）是调整口径的比较，不是该数的同比增减，不核对；
    同一句中在此之前的直接比较照常核对。找不到上年数的句子不核对。按打印精度的区间
    比较，增加或减少的方向也一并核对。表中的增减率（增长率、同比增长%）一列按同一行的
    决算数与上年决算数、或表头仅年份相邻的两列（2023年 | 2024年）重新计算；多数行相符时
    才认为理解了该列，逐行报告不符者。
    错误示例：会议费全年支出0.48万元，比上年增加0.24万元；表中会议费上年决算 1.1（实为减少 0.62）。
    正确示例：会议费全年支出0.48万元，比上年减少0.62万元。

    en:
    "比上年增加（减少）X万元" must be this year's figure minus last year's; "增长X%" must be
    (this − last) ÷ last. Last year's figure comes from the same sentence, or from the
    prior-year column of the table row with the same name (whose actual must match the
    sentence's figure for this year, or the row is not taken to be the one meant). In
    "比上年执行数X增加Y，增长Z%" Z is the same comparison as Y; a count compared with the
    figure the sentence gives for a named year ("投诉1,286件，比2023年的1,452件下降11.43%") is
    checked against that figure (a named year without its figure is not the table's prior
    year). A comparison after 剔除/扣除/不含/不考虑/除去 an item (or "除…外") in its sentence, or
    with one in a bracket right after it, is on an adjusted basis ("剔除购置费后，“三公”经费比上年
    减少…") and not the figure's plain change: it is not checked, while a plain comparison before
    it in the same sentence still is. A sentence with no prior-year figure anywhere is not checked. Compared as intervals at
    printed precision, direction included. A table's 增减率 (增长率, 同比增长%) column is
    recomputed from its row's actual and prior-year actual, or from the two columns whose
    headers differ only by consecutive years (2023年 | 2024年); once most rows agree the
    column is understood, and each row that does not is reported.
    Bad: 会议费全年支出0.48万元，比上年增加0.24万元, with 1.1 last year in the table (a fall of 0.62).
    Good: 会议费全年支出0.48万元，比上年减少0.62万元.
    """
    for table in facts.document.tables:
        cols = yoy_columns(table)
        if cols is not None:
            yield from _table_yoy(cols)
    for st in statements_of(facts, Change):
        finding = _change(facts, st)
        if finding is not None:
            yield finding


def _yoy_rows(cols: YoyColumns) -> list[tuple[list, Quantity, Quantity, Quantity, Approx, Verdict]]:
    """Each data row's printed rate against (本年 − 上年) ÷ 上年 recomputed, for rows
    that print all three numbers over a positive prior-year figure."""
    out = []
    for r in range(cols.header_rows, cols.table.n_rows):
        if r in cols.table.uncertain_rows:
            continue
        row = cols.table.rows[r]
        if max(cols.current, cols.prior, cols.rate) >= len(row):
            continue
        qs = [parse_quantity(row[c].text) if row[c].text.strip() else None for c in (cols.current, cols.prior, cols.rate)]
        if not all(_exact(q) for q in qs):
            continue
        cur, prior, rate = qs
        assert cur is not None and prior is not None and rate is not None
        if prior.approx.lo <= 0 or cur.approx.lo < 0:
            continue
        computed = ((cur.approx - prior.approx) / prior.approx).scale(HUNDRED)
        out.append((row, cur, prior, rate, computed, compare(rate.approx, computed)))
    return out


def _table_yoy(cols: YoyColumns) -> Iterator[Finding]:
    """A 增减率 column is checked once most of its rows agree with the reading (the
    columns it compares are understood); each row that does not is reported."""
    rows = _yoy_rows(cols)
    if len(rows) < 2 or sum(1 for x in rows if x[5].ok) * 2 <= len(rows):
        return
    cur_name, prior_name, rate_name = cols.names
    for row, cur, prior, rate, computed, verdict in rows:
        if verdict.ok:
            continue
        label = row[cols.label].text.strip() if cols.label < len(row) else ""
        cell = row[cols.rate]
        stated = cell.text.strip()
        got, diff = _pct(computed.mid, max(rate.decimals, 2)), fmt(abs(verdict.difference), 2)
        a, b = cur.text.strip(), prior.text.strip()
        yield _finding(
            cell.location,
            f"{label}：{rate_name}为 {stated}，但（{cur_name} {a} − {prior_name} {b}）÷ {b} = {got}（差 {diff} 个百分点）",
            f"{label}: {rate_name} is {stated}, but ({a} − {b}) ÷ {b} = {got} (off by {diff} points)",
            expression=f"({a} - {b}) / {b} × 100", stated=stated, computed=got, verdict=verdict,
            operands=((cur_name, a), (prior_name, b)),
            snippet=" ".join(c.text for c in row if c.text.strip()),
            related=[Related(row[c].location, " ".join(x.text for x in row if x.text.strip())) for c in (cols.current, cols.prior)],
            key=(label, "yoy", str(cols.table.index)),
        )


def _change_bases(facts: Facts, st: Change) -> list[tuple[Approx, Approx, str, str, list[Related]]]:
    """(this year, last year, their texts, where they come from) in the change's unit."""
    cur = st.current
    # a relative change of a count against the count the sentence compares it with
    # ("投诉1,286件，比2023年的1,452件下降11.43%"): units cancel out
    counted = (st.relative and cur is not None and st.prior is not None and not cur.is_money
               and cur.quantity.unit is not None and cur.quantity.unit == st.prior.quantity.unit)
    if cur is not None and not (cur.exact and (cur.is_money or counted)):
        return []
    # the change's unit; a relative change's units cancel out
    scale = st.amount.scale if not st.relative else (cur.quantity.scale if cur is not None else Decimal(1))
    out: list[tuple[Approx, Approx, str, str, list[Related]]] = []
    if st.prior is not None and cur is not None and st.prior.exact and (st.prior.is_money or counted):
        out.append((cur.quantity.approx_in(scale), st.prior.quantity.approx_in(scale), cur.text, st.prior.text,
                    [Related(st.prior.location, f"{st.prior.subject}{st.prior.text}")]))
        return out
    if st.reference[:1].isdigit():
        return out  # "比2022年增加…": a named year, which the table's prior-year column may not be
    for ref in st.rows:
        if ref.table >= len(facts.tables):
            continue
        ct = facts.tables[ref.table]
        row = ct.rows[ref.row]
        if not row.has("actual") or not row.has("prior_actual"):
            continue
        this, prior = amount(ct, row, "actual"), amount(ct, row, "prior_actual")
        if this is None or prior is None:
            continue
        if ct.unit is not None:
            table_scale = SCALES.get(ct.unit, Decimal(1))
        elif cur is not None:
            table_scale = cur.quantity.scale  # read in the unit of the figure it must match
        else:
            continue  # the table's unit is unknown and there is no figure to tell it by
        this, prior = this.scale(table_scale / scale), prior.scale(table_scale / scale)
        if cur is not None and not compare(cur.quantity.approx_in(scale), this).ok:
            continue  # the row's actual is not the sentence's figure: not the row meant
        related = [Related(row.cells[r].location, row_snippet(ct, row)) for r in ("actual", "prior_actual") if r in row.cells]
        out.append((this, prior, row.values["actual"].text.strip(), row.values["prior_actual"].text.strip(), related))
    return out


def _change(facts: Facts, st: Change) -> Finding | None:
    if st.amount.value is None or st.amount.comparator not in (None, "=") or (not st.relative and not st.amount.is_money):
        return None
    bases = _change_bases(facts, st)
    if not bases:
        return None
    # several rows (two tables) must tell the same story, else say nothing
    if len({(b[0].mid, b[1].mid) for b in bases}) > 1:
        return None
    this, prior, this_txt, prior_txt, related = bases[0]
    stated = st.amount.approx.scale(Decimal(st.direction))
    if st.relative:
        if prior.lo <= 0:
            return None
        computed = ((this - prior) / prior).scale(HUNDRED)
    else:
        computed = this - prior
    verdict = compare(stated, computed)
    if verdict.ok:
        return None
    unit = "%" if st.relative else (st.amount.unit or "")
    decimals = max(st.amount.decimals, 2)
    word = "增加" if st.direction > 0 else "减少"
    real = "增加" if computed.mid >= 0 else "减少"
    real_en = "a rise" if computed.mid >= 0 else "a fall"
    got = f"{real}{fmt(abs(computed.mid), decimals)}{unit}"
    expr = f"({this_txt} - {prior_txt}) / {prior_txt} × 100" if st.relative else f"{this_txt} - {prior_txt}"
    diff = fmt(abs(verdict.difference), decimals)
    then = st.reference if st.reference[:1].isdigit() else "上年"  # "比2023年的1,452件下降…"
    # the message writes amounts the way the sentence does (328,716.80元)
    sep = grouped if "," in st.amount.text and not st.relative else (lambda s: s)
    size, gap = sep(fmt(abs(computed.mid), decimals)), sep(diff)
    return _finding(
        st.location,
        f"{st.subject}：文中称比{then}{word} {st.amount.text}，但本年 {this_txt} − {then} {prior_txt} 为{real}{size}{unit}（差 {gap}）",
        f"{st.subject}: the text says {'up' if st.direction > 0 else 'down'} {st.amount.text} on last year, "
        f"but {this_txt} this year against {prior_txt} last year is {real_en} of {size}{unit} (off by {gap})",
        expression=expr, stated=f"{word}{st.amount.text}", computed=got, verdict=verdict,
        operands=(("本年", this_txt), ("上年", prior_txt)),
        snippet=_snippet(st.sentence.text),
        related=related,
        key=("narrative", st.name, "yoy"),
        points=st.relative,
        base=float(max(abs(this.mid), abs(prior.mid)) or 1),
    )


__all__ = ["rate_mismatch", "share_mismatch", "shares_not_100", "year_on_year_mismatch"]
