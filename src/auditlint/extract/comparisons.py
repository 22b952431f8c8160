"""Comparison words and the two figures they compare (``facts.extra["comparisons"]``):
"年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数…", "支出120万元，比上年的
100万元有所增加" (a change with its amount, "增加20万元", is AL204's to recompute).

A PDF's text layer breaks a paragraph into one paragraph per printed line, so the
lines between two headings are read as one item: the figures and the comparison that
follows them are in the same item, often in the next sentence. Only a comparison whose
two figures are both stated, in the same unit, before it and after the previous
comparison, is read; "基本持平" and "持平" say "about the same" and are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint.extract.outline import is_heading
from auditlint.model import Location, Paragraph, Table

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

KEY = "comparisons"

_NUM = r"(\d[\d,]*(?:\.\d+)?)"
_UNIT = r"\s*(万元|元|亿元)"
_BUDGET = re.compile(r"预算(?:数)?(?:为|是)\s*" + _NUM + _UNIT)
_ACTUAL = re.compile(r"决算(?:数)?(?:为|是)\s*" + _NUM + _UNIT)
# 决算数大于预算数, 决算数与预算数相等
_VERDICT = re.compile(r"决算数?(?:(大于|小于|等于|超过|低于|高于|多于|少于)预算数?|与预算数?(相等|一致|相同))")
_WORDS = {"大于": ">", "超过": ">", "高于": ">", "多于": ">", "小于": "<", "低于": "<", "少于": "<",
          "等于": "=", "相等": "=", "一致": "=", "相同": "="}
# 支出120万元，比上年的100万元增加 (with no amount after it)
_CHANGE = re.compile(_NUM + _UNIT + r"[，,]\s*(?:比|较)(?:上年|上一年|\d{4}年)度?(?:同期)?的?\s*" + _NUM + _UNIT
                     + r"\s*(?:有所|略有|稍有)?(增加|增长|上升|减少|下降|降低)")
_DIRECTION = {"增加": ">", "增长": ">", "上升": ">", "减少": "<", "下降": "<", "降低": "<"}


@dataclass(frozen=True)
class Figure:
    text: str  # as printed, with its unit
    value: Decimal
    half: Decimal  # half a unit of its last printed digit
    unit: str


@dataclass(frozen=True)
class Comparison:
    """``left relation right`` as the text states it: 决算 > 预算, 本年 < 上年."""

    word: str  # as printed: 大于, 减少
    relation: str  # ">", "<" or "="
    left: Figure  # 决算, this year
    right: Figure  # 预算, last year
    kind: str  # "budget" (决算 against 预算) or "change" (against last year)
    sentence: str  # the words around the comparison, shortened
    location: Location

    @property
    def contradicted(self) -> bool:
        """No reading of the two printed figures within their rounding satisfies it."""
        a, b = self.left, self.right
        slack = a.half + b.half
        if self.relation == ">":
            return a.value - b.value <= -slack
        if self.relation == "<":
            return a.value - b.value >= slack
        return abs(a.value - b.value) > slack


def figure(number: str, unit: str) -> Figure:
    digits = number.replace(",", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    return Figure(number + unit, Decimal(digits), Decimal(5) / Decimal(10) ** (places + 1), unit)


class _Item:
    """Consecutive paragraphs read as one text, and where each of its characters is."""

    def __init__(self) -> None:
        self.text = ""
        self._starts: list[tuple[int, Paragraph]] = []

    def add(self, p: Paragraph) -> None:
        self._starts.append((len(self.text), p))
        self.text += p.text.strip("\n")

    def location_at(self, offset: int) -> Location:
        start, p = next((s, q) for s, q in reversed(self._starts) if s <= offset)
        return p.location_at(offset - start)


def items(blocks: list[object]) -> list[_Item]:
    """Runs of paragraphs from one heading (or table) to the next."""
    out: list[_Item] = []
    current: _Item | None = None
    for block in blocks:
        if isinstance(block, Table):
            current = None
            continue
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
        if current is None or is_heading(block.text):
            current = _Item()
            out.append(current)
        current.add(block)
    return out


def comparisons_in(item: _Item) -> list[Comparison]:
    text = item.text
    out: list[Comparison] = []
    since = 0
    for m in _VERDICT.finditer(text):
        pair = _pair(text[since : m.start()])
        since = m.end()
        if pair is None:
            continue
        budget, actual = pair
        word = m.group(1) or m.group(2)
        out.append(Comparison(word, _WORDS[word], actual, budget, "budget", _around(text, m.start(), m.end()),
                              item.location_at(m.start())))
    for m in _CHANGE.finditer(text):
        now, before = figure(m.group(1), m.group(2)), figure(m.group(3), m.group(4))
        # "减少2.55万元" states the change itself: AL204 recomputes it, direction included
        if now.unit != before.unit or re.match(r"\s*\d", text[m.end() :]):
            continue
        word = m.group(5)
        at = m.start(5)
        out.append(Comparison(word, _DIRECTION[word], now, before, "change", _around(text, m.start(), m.end()),
                              item.location_at(at)))
    return out


def _pair(text: str) -> tuple[Figure, Figure] | None:
    """The last budget stated before the comparison and the first 决算 after it in the
    same sentence: "年初预算为X万元，支出决算为Y万元" (a 其中 item's 决算 further on is
    not the total's)."""
    budgets = list(_BUDGET.finditer(text))
    if not budgets:
        return None
    b = budgets[-1]
    a = _ACTUAL.search(text, b.end())
    if a is None or "。" in text[b.end() : a.start()] or a.group(2) != b.group(2):
        return None
    return figure(b.group(1), b.group(2)), figure(a.group(1), a.group(2))


def _around(text: str, start: int, end: int) -> str:
    a = max(text.rfind("。", 0, start) + 1, start - 60)
    return text[a : min(len(text), end + 10)].strip()


def extract_into(facts: Facts) -> None:
    facts.extra[KEY] = [c for item in items(list(facts.document.blocks)) for c in comparisons_in(item)]
