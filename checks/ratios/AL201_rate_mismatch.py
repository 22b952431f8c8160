"""AL201: an execution rate that is not actual ÷ budget, in a table or in the text."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import NOTHING, column_names, figure_ratio_finding, pct, ratio_finding, worded

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.header_marks import UNRESOLVED, stated_base
from auditlint.extract.narrative import Rate, statements_of
from auditlint.extract.percent import col_decimals, exact, figure_ratio, judge, percent
from auditlint.extract.tables import RATE_BASES, CanonicalTable, Row, amount, column_name, row_snippet
from auditlint.findings import Finding, Message, Related
from auditlint.numbers import Approx, Verdict, fmt

RATE_IS_NOT = Message(
    zh="{label}：{rate}为 {stated}，但{actual} {actual_text} ÷ {base} {base_text} = {computed}（差 {diff} 个百分点{note}）",
    en="{label}: {rate} is {stated}, but {actual} {actual_text} ÷ {base} {base_text} = {computed} (off by {diff} points{note})",
)
OVER_ANOTHER_BUDGET = Message(
    zh="；它与{base} {value} 相符，口径与其他行不一致",
    en="; it matches the {base} {value}, unlike the other rows",
)
STATED_RATE_IS_NOT = Message(
    zh="{subject}为 {stated}，但{numerator} {numerator_text} ÷ {base} {base_text} = {computed}（差 {diff} 个百分点）",
    en="{subject} is {stated}, but {numerator} {numerator_text} ÷ {base} {base_text} = {computed} (off by {diff} points)",
)


@check("AL201", "rate-mismatch", severity="error", zh="执行率与实际数÷预算数不符", en="A rate is not actual ÷ budget",
       messages=(RATE_IS_NOT, OVER_ANOTHER_BUDGET, STATED_RATE_IS_NOT))
def rate_mismatch(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    执行率（执行进度、支出进度）应等于同一行的实际支出数 ÷ 预算数。分母依次取调整后预算
    （年终核定数、调整预算数）、年初预算、到位数（到位资金：第三方评价常按“实际支出÷到位
    资金”计算）中第一个有超过一半的执行率与之相符的列；没有这样的列时视为未能理解该列，
    不报告；全表只有一个执行率（自评表资金块的年度资金总额）时按上述顺序取分母，只在它与
    每一列都不符时报告。表头写明公式的（执行率(E=D/C)），以公式中的列为分母；公式不是
    实际数÷预算数（或字母找不到对应列）时不核对。某行只与另一列相符的不报告（按到位数计算）或报警告（调整后预算与年初
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
    rate fits none). A header that states the formula (执行率(E=D/C)) names the divisor;
    one that states another quotient, or names a letter no column carries, leaves the
    rates unchecked. A row that agrees with another of
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
        rates = _RowRates(ct)
        base = _rate_base(ct, rates)
        if base is None:
            continue
        for row in ct.rows:
            finding = _table_rate(ct, row, base, rates)
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
    if not exact(rate) or not row.has("actual") or not row.has(role):
        return None
    assert rate is not None
    num, den = amount(ct, row, "actual"), amount(ct, row, role)
    computed = percent(num, den) if num is not None and den is not None else None
    if computed is None:
        return None
    verdict, soft = judge(rate, col_decimals(ct, "rate"), computed)
    return computed, verdict, soft


class _RowRates:
    """A table's ``_row_rate`` by row and base, each worked out once: choosing the base
    recomputes every row's rate over each candidate, and the findings need them again."""

    def __init__(self, ct: CanonicalTable) -> None:
        self.ct = ct
        self._held: dict[tuple[int, str], tuple[Approx, Verdict, bool] | None] = {}

    def __call__(self, row: Row, role: str) -> tuple[Approx, Verdict, bool] | None:
        key = (id(row), role)  # the rows outlive this memo: their ids stay theirs
        if key not in self._held:
            self._held[key] = _row_rate(self.ct, row, role)
        return self._held[key]


def _rate_base(ct: CanonicalTable, rates: _RowRates | None = None) -> str | None:
    """The column the table's rates are taken over: the adjusted budget when more
    than half the rates agree with it (预算执行率 is taken over it), else the initial
    budget, else the funds received (到位数), on the same condition. None when none
    has that majority: the rate column is then not understood and nothing is said of
    it (half is not enough: two rows fully funded and two not agree with 预算数 and
    with 到位数 alike)."""
    roles = ct.roles()
    if "rate" not in roles or "actual" not in roles:
        return None
    rates = rates or _RowRates(ct)
    said = stated_base(ct, RATE_BASES)  # 执行率(E=D/C): the header states the base
    if said is not None:
        return None if said is UNRESOLVED else said  # type: ignore[return-value]
    for role in (b for b in RATE_BASES if b in roles):
        rated = [x for x in (rates(r, role) for r in ct.rows) if x is not None]
        if sum(1 for x in rated if x[1].ok) * 2 > len(rated):
            return role
    # one rate in the whole table (a funds block's 年度资金总额): no majority can tell the
    # base, so it is the first in order of preference, and the rate is reported only
    # when it fits none of the table's bases (see _table_rate)
    if sum(1 for r in ct.rows if exact(r.values.get("rate"))) == 1:
        return next((b for b in RATE_BASES if b in roles and any(rates(r, b) for r in ct.rows)), None)
    return None


def _table_rate(ct: CanonicalTable, row: Row, role: str, rates: _RowRates) -> Finding | None:
    result = rates(row, role)
    if result is None or result[1].ok:
        return None
    computed, verdict, soft = result
    note = NOTHING
    single = sum(1 for r in ct.rows if exact(r.values.get("rate"))) == 1
    for other_role in (b for b in RATE_BASES if b != role and b in ct.roles()):
        other = rates(row, other_role)
        if other is None or not other[1].ok:
            continue
        if single:
            return None  # the table's only rate, over another of its bases
        if {role, other_role} != {"budget_adjusted", "budget_initial"}:
            return None  # actual ÷ another amount of its row (到位数): another base, not a mistake
        # one budget where the table's rates are over the other: inconsistent, but the
        # figures agree in their own way
        soft = True
        note = worded(OVER_ANOTHER_BUDGET, base=column_names(ct, other_role), value=row.values[other_role].text.strip())
    cell = row.cells["rate"]
    stated = cell.text.strip()
    actual_txt, base_txt = row.values["actual"].text.strip(), row.values[role].text.strip()
    got, diff = pct(computed.mid), fmt(abs(verdict.difference), 2)
    return ratio_finding(
        cell.location,
        RATE_IS_NOT.format(label=row.label, rate=column_names(ct, "rate"), stated=stated, actual=column_names(ct, "actual"),
                           actual_text=actual_txt, base=column_names(ct, role), base_text=base_txt, computed=got, diff=diff,
                           note=note),
        expression=f"{actual_txt} / {base_txt} × 100", stated=stated, computed=got, verdict=verdict, soft=soft,
        operands=((column_name(ct, "actual", "zh"), actual_txt), (column_name(ct, role, "zh"), base_txt)),
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
        judged = figure_ratio(rate, num, den)
        if judged is None:
            continue
        if judged[1].ok:
            return None
        results.append((den, judged))
    if not results:
        return None
    den, judged = results[0]
    return figure_ratio_finding(st.sentence.text, rate, num, den, judged, STATED_RATE_IS_NOT,
                                ("narrative", rate.name, "rate"), subject=rate.subject, stated=rate.text)
