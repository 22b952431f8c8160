"""What a narrative amount's name says it is: a table row (or the table's total) and a
measure (支出 → 实际支出数, 调整预算数, 年初预算 …), or something the tables do not hold
(收入, 财政拨款, a fund, another year, a project's multi-year investment).

The reading is strict: an optional neutral word (本年, 本单位, 部门 …), a table row's
label (基本支出, 三公经费, 会议费) or nothing (the table's total), and a measure.
Anything else in the name makes it a different quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.extract.narrative import vocabulary as narrative_vocabulary
from auditlint.memo import memo_while
from auditlint.numbers import normalize

PRIMARY = ("budget", "sangong")  # tables that hold the data; a share table restates them
TOTAL = ""  # the row part of a name that means the table's total
# measures, longest first: the columns an amount so named can be
MEASURES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(sorted((
    ("调整后预算数", ("budget_adjusted",)), ("调整后预算", ("budget_adjusted",)), ("调整预算数", ("budget_adjusted",)),
    ("调整预算", ("budget_adjusted",)), ("年终核定数", ("budget_adjusted",)), ("全年预算数", ("budget_adjusted",)),
    ("年初预算数", ("budget_initial",)), ("年初预算", ("budget_initial",)), ("年初数", ("budget_initial",)),
    ("预算数", ("budget_initial", "budget_adjusted")), ("预算", ("budget_initial", "budget_adjusted")),
    ("实际支出数", ("actual",)), ("实际支出", ("actual",)), ("支出数", ("actual",)), ("支出", ("actual",)),
    ("实际执行数", ("actual",)), ("执行数", ("actual",)), ("决算支出", ("actual",)), ("决算数", ("actual",)),
    ("决算", ("actual",)),
), key=lambda m: len(m[0]), reverse=True))
UNDETERMINED = ("budget_initial", "budget_adjusted", "actual")
# words that make an amount part of the whole or another quantity altogether
OTHER_SCOPE = ("收入", "上年", "去年", "同期", "财政拨款", "一般公共预算", "政府性基金", "国有资本", "专户", "非税",
               "自有资金", "上级补助", "事业收入", "经营", "基金", "结转", "结余", "资产", "负债")
EXTRA_NEUTRAL = ("全年", "本年度", "本年", "当年", "年度", "全部", "总")
# a project's amounts over its whole life, not the year's: its investment, its estimate,
# a contract, what has accumulated since it began
MULTI_YEAR = ("总投资", "投资总额", "计划投资", "批复投资", "概算", "建设期", "历年", "合同", "总造价")
CUMULATIVE = "累计"
OTHER_YEAR = ("上年", "去年", "上一年", "同期")
WITHIN_YEAR = ("全年", "本年", "当年", "年度", "年内", "今年")


@dataclass(frozen=True)
class Meaning:
    row: str  # TOTAL, or the row part of the name ("基本", "三公经费")
    roles: tuple[str, ...] | None  # None: the name does not say (基本支出)
    measure: str  # the measure word, "" when none


def _strip_neutral(text: str) -> str:
    words = (*narrative_vocabulary().neutral_prefixes, *EXTRA_NEUTRAL)
    changed = True
    while text and changed:
        changed = False
        for w in words:
            if text.startswith(w) and len(text) >= len(w):
                text = text[len(w):]
                changed = True
                break
    return text


def multi_year(name: str) -> bool:
    """The name is of an amount over a project's life (总投资, 概算, 合同金额, 累计完成投资),
    not of one year; "全年累计支出" is the year's."""
    if any(w in name for w in MULTI_YEAR):
        return True
    return CUMULATIVE in name and not any(w in name for w in WITHIN_YEAR)


# asked of every money figure's name by AL503 and its helpers, several times a figure;
# the answer depends on the name and the narrative vocabulary only (a Meaning is immutable)
@memo_while(narrative_vocabulary)
def meaning(name: str) -> Meaning | None:
    """What a narrative amount's name says it is, or None when it is something the
    tables do not hold ("财政拨款收入", "医保基金支出", "上年支出")."""
    t = normalize(re.sub(r"\s+", "", name))
    if not t or any(w in t for w in OTHER_SCOPE) or multi_year(t):
        return None
    t = _strip_neutral(t)
    for word, roles in MEASURES:
        if t.endswith(word):
            rest = _strip_neutral(t[: len(t) - len(word)])
            return Meaning(rest, roles, word)
    return Meaning(t, None, "") if t else None
