"""What a figure is called: the words before a number cleaned into its subject, its
matching name and key, and what a total totals."""

from __future__ import annotations

import re

from auditlint.extract.narrative.vocabulary import alt, patterns, vocabulary
from auditlint.memo import memo_while

_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉\s]")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def strip_front(text: str, words: tuple[str, ...]) -> str:
    """``text`` without these words on its front (never all of it)."""
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if text.startswith(w) and len(text) > len(w):
                text = text[len(w):]
                changed = True
                break
    return text


def strip_back(text: str, words: tuple[str, ...], keep: tuple[str, ...] = ()) -> str:
    """``text`` without these words on its end; a text that is one of ``keep`` stays
    whole ("合计" is not 合 + 计)."""
    changed = True
    while changed and text and text not in keep:
        changed = False
        for w in words:
            if text.endswith(w) and len(text) > len(w):
                text = text[: -len(w)]
                changed = True
                break
    return text


@memo_while(vocabulary)  # read for every figure of every sentence, again by each check
def clean_subject(text: str) -> str:
    """The words before a number as the report names it: enumerators, dates, lead
    and trailing words off ("（1）2024年预算收入" → "预算收入", "其中基本支出" → "基本支出",
    "本年支出" stays)."""
    v = vocabulary()
    p = patterns()
    t = text.strip(" \t:：，,")
    for _ in range(4):
        before = t
        t = p["enum"].sub("", t)
        t = p["date"].sub("", t)
        t = strip_front(t, v.lead_words)
        t = t.strip(" ，,：:")
        if t == before:
            break
    t = strip_back(t, v.trail_words, keep=v.trail_words)
    return t.strip(" ，,：:")


@memo_while(vocabulary)
def name_of(subject: str) -> str:
    """A subject as a matching name: quotes, spaces, bracketed asides and time words
    off, 费用 as 费 ("“三公”经费全年支出" → "三公经费支出", "年末结转结余" → "结转结余")."""
    t = strip_front(_BRACKETED.sub("", _QUOTES.sub("", subject)), vocabulary().time_prefixes)
    for w in ("全年", "本年度", "本年", "当年", "年度"):
        t = t.replace(w, "")
    return t.replace("费用", "费")


@memo_while(vocabulary)
def match_key(name: str) -> str:
    """The key a figure's name and a table row's label meet on: 支出 (决算, what was
    spent) and 小计/合计 off the end ("会议费支出", "会议费决算" and "会议费" match;
    "三公经费小计" and "三公经费" match)."""
    t = name_of(name)
    t = strip_back(t, ("小计", "合计", "总计"))
    t = strip_back(t, ("实际支出数", "实际支出", "支出数", "决算数", "决算", "支出"))
    return t


@memo_while(vocabulary)  # asked of every figure by the naming breakdowns, again by checks
def total_core(name: str) -> str:
    """What a total totals, for a breakdown by naming: "机关资产总额" → "资产"."""
    v = vocabulary()
    t = strip_back(name_of(name), v.total_words)
    if v.org_suffixes:
        t = re.sub(rf"^.*(?:{alt(v.org_suffixes)})(?=..)", "", t)
    return strip_front(t, v.neutral_prefixes)


def without_neutral(text: str) -> str:
    """A name without the words that only say whose or when it is ("本部门" → "")."""
    words = vocabulary().neutral_prefixes
    while (w := next((w for w in words if text.startswith(w)), None)) is not None:
        text = text[len(w):]
    return text


@memo_while(vocabulary)  # asked of every number's words by the narrative and the counts
def names_something(subject: str) -> bool:
    """A name with Chinese in it that is not only a change word ("增加50万元" names nothing)."""
    v = vocabulary()
    if not re.search(r"[\u4e00-\u9fff]", subject) or len(subject) > 40:
        return False
    rest = without(subject, v.up + v.down + v.compare_words + v.references + ("了", "达到", "至", "到"))
    return bool(rest.strip())


def other_side(total: str, part: str) -> bool:
    """A 收入 listed under a 支出 total, or the other way round."""
    return (total.endswith("支出") and part.endswith("收入")) or (total.endswith("收入") and part.endswith("支出"))


def without(text: str, words: tuple[str, ...]) -> str:
    for w in words:
        text = text.replace(w, "")
    return text
