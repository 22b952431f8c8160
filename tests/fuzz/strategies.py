"""Hypothesis strategies for report-shaped text: narrative totals with parts,
budget tables in both text layouts, with numbers in every printed form."""

from __future__ import annotations

from hypothesis import strategies as st

from .mutate import INSERTS

plain_number = st.decimals(min_value=-10**6, max_value=10**9, places=2, allow_nan=False, allow_infinity=False).map(str)
number = st.one_of(plain_number, plain_number.map(lambda s: s + "%"), st.sampled_from(INSERTS[:14]),
                   st.integers(min_value=0, max_value=10**40).map(str))
unit = st.sampled_from(["万元", "元", "亿元", "%", "人", "个", ""])
label = st.sampled_from(["基本支出", "项目支出", "合计", "小计", "人员经费", "公用经费", "因公出国（境）费", "总分", "其中："])


@st.composite
def sentence(draw) -> str:
    parts = draw(st.lists(st.tuples(label, number), min_size=0, max_size=4))
    inner = "，".join(f"{lab}{num}{draw(unit)}" for lab, num in parts)
    return f"本年支出{draw(number)}{draw(unit)}" + (f"（{inner}）" if inner else "") + "。"


@st.composite
def table(draw) -> str:
    width = draw(st.integers(min_value=1, max_value=6))
    header = ["项目", "预算数", "调整后预算数", "实际支出数", "执行率", "权重", "得分"][:width]
    rows = [header] + draw(st.lists(st.lists(st.one_of(number, label), min_size=1, max_size=width),
                                    min_size=0, max_size=8))
    if draw(st.booleans()):  # row per line
        return "\n".join("\t".join(r) for r in rows)
    return "\n\n".join("\n".join("\t" + c for c in r) for r in rows)  # cell per line


report_text = st.lists(st.one_of(sentence(), table(), st.sampled_from(["一、预算执行情况", "二、绩效目标完成情况", ""])),
                       min_size=1, max_size=8).map(lambda blocks: "\n".join(["某单位2024年度绩效自评报告", *blocks]) + "\n")
