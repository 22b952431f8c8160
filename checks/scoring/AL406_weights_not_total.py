"""AL406: the weights of a scoring table against its printed total (or 100 under 百分制)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.checks.helpers import total_finding

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.score_statements import HundredPoint
from auditlint.extract.score_totals import matches, printed_totals, scored, weights_sum
from auditlint.findings import Finding, Message, Related
from auditlint.numbers import Approx, Quantity, compare

WEIGHTS = Message(zh="权重合计印为 {shown}，但 {n} 项指标之和为 {got}（差 {diff}）",
                  en="the weights total is printed as {shown}, but the {n} indicators add up to {got} (off by {diff})")


@check("AL406", "weights-not-total", severity="error", zh="各指标权重之和不等于100（或表中印出的合计）",
       en="The weights don't add up to 100 (or the printed total)",
       messages=(WEIGHTS,))
def weights_not_total(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    评分表各指标的权重（分值）之和应等于合计行印出的权重合计；没有印出合计而报告说明实行
    百分制（满分100分）时，应等于 100。有一行权重缺失时不作比较（见 AL404）。只有一个指标栏的
    评分表中，以分组名开头的行（“决策（20分）”“一、决策”）若其分值、得分都等于其下各行之和，
    是分组小计，不计入各指标之和。
    错误示例：合计行权重 100，各指标权重之和为 101。
    正确示例：各指标权重之和 100，合计行 100。

    en:
    The weights of a scoring table must add up to the weight total printed in its total row;
    when no total is printed and the report says it scores out of 100 (百分制, 满分100分), to
    100. When a weight is missing the table is not compared (see AL404). In a table with one
    indicator column, a row that heads a group (决策（20分）, 一、决策) and whose weight and score
    are the sums of the rows under it is the group's subtotal and is not added in.
    Bad: total row 100, the indicators' weights add up to 101.
    Good: the weights add up to 100 and the total row says 100.
    """
    hundred = [s for s in facts.score_statements if isinstance(s, HundredPoint)]
    for st in facts.scoring:
        computed = weights_sum(st)
        if computed is None:
            continue
        values = [(i.name, i.weight) for i in scored(st)]
        w, _ = printed_totals(st)
        if w is not None:
            if not matches(w[0], computed):
                yield total_finding(st, WEIGHTS, "weight", w, computed, values)
            continue
        if st.total is None and hundred and len(facts.scoring) == 1 and compare(Approx.exact(100), computed).level == "error":
            col = st.column("weight")
            header = st.table.cell(st.header_rows - 1, col.index) if col is not None else None
            if header is None:
                continue
            q = Quantity(text="100", value=Decimal(100))
            yield total_finding(st, WEIGHTS, "weight", (q, header), computed, values, stated_text="100（百分制）",
                                related=[Related(h.location, h.snippet) for h in hundred[:1]])
