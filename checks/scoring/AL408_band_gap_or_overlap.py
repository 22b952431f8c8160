"""AL408: the bands of a banded scoring rule overlap or leave a gap."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.checks.helpers import rule_finding

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.scoring.rules import band_breaks
from auditlint.findings import Evidence, Finding, Message
from auditlint.numbers import fmt

GAP = Message(zh="{name}：评分标准“{lower}”与“{upper}”之间留有空档，{start}{unit} 至 {end}{unit} 之间的完成值没有对应分值",
              en="{name}: the rule's bands {lower} and {upper} leave a gap; an actual between {start}{unit} and {end}{unit} gets no points")
OVERLAP = Message(zh="{name}：评分标准“{lower}”与“{upper}”重叠，同一完成值可落入两档",
                  en="{name}: the rule's bands {lower} and {upper} overlap; one actual falls in both")


@check("AL408", "band-gap-or-overlap", severity="warning", zh="评分标准的分档重叠或留有空档",
       en="Scoring bands overlap or leave a gap",
       messages=(GAP, OVERLAP,))
def band_gap_or_overlap(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    分档评分标准的各档应首尾相接：既不重叠（一个完成值落在两档），也不留空档（一个完成值
    不落在任何一档）。按打印的最后一位判断：“80%-89%”与“90%-100%”相接，“80%-90%”与
    “90%-100%”也视为相接；“90%-100%得2.5分；80%-89%得1分；60%以下不得分”在 60% 与 80%
    之间留有空档；“80-100%得4分，50%-79%得2分，60%以下不得分”中 50%–79% 与 60% 以下重叠。
    错误示例：90%-100%得2.5分；80%-89%得1分；60%以下，不得分。
    正确示例：90%-100%得2.5分；80%-89%得1分；80%以下，不得分。

    en:
    The bands of a banded rule must meet end to end: no overlap (an actual in two bands) and no
    gap (an actual in none). Judged at the last printed digit: 80%-89% then 90%-100% meet, and
    so do 80%-90% then 90%-100%. "90%-100%得2.5分；80%-89%得1分；60%以下不得分" leaves 60%–80%
    without points; "80-100%得4分，50%-79%得2分，60%以下不得分" overlaps below 60%.
    Bad: 90%-100%得2.5分；80%-89%得1分；60%以下，不得分.
    Good: 90%-100%得2.5分；80%-89%得1分；80%以下，不得分.
    """
    for st in facts.scoring:
        for ind in st.indicators:
            if ind.rule is None:
                continue
            for bands in ind.rule.bands():
                for br in band_breaks(bands):
                    lower, upper = br.lower.cond.show(), br.upper.cond.show()
                    if br.kind == "gap":
                        message = GAP.format(name=ind.name, lower=lower, upper=upper, start=fmt(br.stated), end=fmt(br.expected),
                                             unit=br.unit)
                    else:
                        message = OVERLAP.format(name=ind.name, lower=lower, upper=upper)
                    evidence = Evidence(f"{lower} | {upper}", fmt(br.stated), fmt(br.expected),
                                        fmt(abs(br.expected - br.stated)), "one unit of the last printed digit")
                    yield rule_finding(st, ind, br.lower.at, message, evidence, 0.85, 0.2, "bands", br.kind, fmt(br.stated))
