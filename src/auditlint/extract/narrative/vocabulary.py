"""The narrative reader's words (``vocab/narrative.yaml``) and the patterns built from
them: what makes a number a change, a share, a date, a distributive list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from auditlint import vocab


@dataclass(frozen=True)
class RateDef:
    measure: str
    names: tuple[str, ...]
    numerator: tuple[str, ...]
    not_numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    not_denominator: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    time_prefixes: tuple[str, ...]
    lead_words: tuple[str, ...]
    trail_words: tuple[str, ...]
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    compare_words: tuple[str, ...]
    references: tuple[str, ...]
    up: tuple[str, ...]
    down: tuple[str, ...]
    prior_words: tuple[str, ...]
    share_words: tuple[str, ...]
    distributive: tuple[str, ...]
    adjust_words: tuple[str, ...]
    adjusted_to: tuple[str, ...]
    adjusted_basis: tuple[str, ...]
    list_totals: tuple[str, ...]
    list_ends: tuple[str, ...]
    not_list_ends: tuple[str, ...]
    budget_measures: tuple[str, ...]
    actual_measures: tuple[str, ...]
    total_words: tuple[str, ...]
    neutral_prefixes: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    complementary: tuple[tuple[str, str], ...]
    rates: tuple[RateDef, ...]


def longest_first(words: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(sorted(words or [], key=len, reverse=True))


@vocab.cached
def vocabulary() -> Vocabulary:
    d = vocab.load("narrative")
    ch = d.get("change", {})
    return Vocabulary(
        time_prefixes=longest_first(d.get("time_prefixes")),
        lead_words=longest_first(d.get("lead_words")),
        trail_words=longest_first(d.get("trail_words")),
        approx_before=longest_first(d.get("approx_before")),
        approx_after=longest_first(d.get("approx_after")),
        compare_words=longest_first(ch.get("compare_words")),
        references=longest_first(ch.get("references")),
        up=longest_first(ch.get("up")),
        down=longest_first(ch.get("down")),
        prior_words=longest_first(ch.get("prior_words")),
        share_words=longest_first(d.get("share_words")),
        distributive=longest_first(d.get("distributive")),
        adjust_words=longest_first(d.get("adjust_words")),
        adjusted_to=longest_first(d.get("adjusted_to")),
        adjusted_basis=longest_first(d.get("adjusted_basis")),
        list_totals=longest_first(d.get("list_totals")),
        list_ends=longest_first(d.get("list_ends")),
        not_list_ends=longest_first(d.get("not_list_ends")),
        budget_measures=longest_first((d.get("carried_measures") or {}).get("budget")),
        actual_measures=longest_first((d.get("carried_measures") or {}).get("actual")),
        total_words=longest_first(d.get("total_words")),
        neutral_prefixes=longest_first(d.get("neutral_prefixes")),
        org_suffixes=longest_first(d.get("org_suffixes")),
        complementary=tuple((a, b) for a, b in d.get("complementary", [])),
        rates=tuple(
            RateDef(r["measure"], tuple(r["names"]), tuple(r["numerator"]), tuple(r.get("not_numerator") or ()),
                    tuple(r["denominator"]), tuple(r.get("not_denominator") or ()))
            for r in d.get("rates", [])
        ),
    )


@lru_cache(maxsize=256)  # built into a pattern for every figure; a function of the words alone
def alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    v = vocabulary()
    return {
        # the end of the words before a number that make it a change
        "change": re.compile(
            rf"(?P<cmp>{alt(v.compare_words)})(?P<ref>[^，,。；;]{{0,16}}?)(?P<dir>{alt(v.up + v.down)})(?:了|为|达)?$"
        ),
        # a number right after "比上年": the prior year's figure inside a comparison
        # ("比上年执行数5,765.41万元增加…" names the measure compared too)
        "compared": re.compile(rf"(?:{alt(v.compare_words)})(?:(?:{alt(v.references)})(?:[^，,。；;\d]{{0,8}})?)?的?$"),
        # ... a share: "占总支出的", "占总收入比例为"
        "share": re.compile(rf"(?:{alt(v.share_words)})(?!比|用)(?P<base>[^，,。；;的\d]{{0,15}}?)(?:的)?(?:比例|比重|份额)?(?:为|达|是)?$"),
        "date": re.compile(r"^(?:截至|截止|至)?\d{4}年(?:度)?(?:末|底|初)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末)?)?|^\d{1,2}月(?:\d{1,2}日)?(?:底|末)?"),
        # a number that stands for several names: "分别为", "各", "分别占"
        "distributive": re.compile(rf"(?P<word>{alt(v.distributive)})(?:为|是|达到|达|计|有|约)?$"),
        # words that put what follows on an adjusted basis: "剔除购置费后", "不含…", "除购置费外，"
        "adjusted_basis": re.compile(
            (rf"{alt(v.adjusted_basis)}|" if v.adjusted_basis else "")
            + r"(?:^|[，,；;。：:（(\s])(?:如|若|如果|在)?除了?(?!此)[^，,。；;]{1,20}?(?:以外|之外|外)"
        ),
        "enum": re.compile(r"^(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+[、.．](?!\d)|[一二三四五六七八九十]+(?:是|、))\s*"),
    }
