"""Distributive pairs: several subjects and as many figures, each subject owning its own
("收、支总计各是1,100.00、1,050.00万元", "收入、支出总计分别为1,100.00万元、1,050.00万元",
"本年收入和本年支出分别为900.00万元、880.00万元").

Two readings depend on it. The names of a list before 分别/各 are given to its figures
in order (``distributed_names``); and the 收入支出总计 a 决算情况说明 states is read for
each half (``paired_totals``). A total word after the last name is shared by every name
("收入、支出总计" is 收入总计 and 支出总计); 收 and 支 alone stand for 收入 and 支出. "各"
before one figure means each ("A、B各50万元") and names nothing; before as many figures
as names it means respectively, as 分别 does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.extract.narrative.names import names_something

_SHORT = {"收": "收入", "支": "支出"}
_SIDES = ("收入", "支出")

_AMOUNT = r"-?\d[\d,]*(?:\.\d+)?"
_UNIT = r"亿元|万元|千元|元"
_PAIRED = re.compile(
    r"(?P<grant>财政拨款)?(?P<a>收入|收)(?:决算)?(?:总计)?\s*[、和及与]?\s*(?(grant)(?:财政拨款)?)(?P<b>支出|支)(?:决算)?总计\s*"
    r"(?:分别为|分别是|各为|各是|分别|各)\s*[:：]?\s*"
    rf"(?P<x>{_AMOUNT})\s*(?P<xu>{_UNIT})?\s*(?P<sep>[、和及与,，])\s*(?P<y>{_AMOUNT})\s*(?P<yu>{_UNIT})"
)


def _expanded(name: str) -> str:
    return _SHORT.get(name, name)


def _parallel(names: list[str]) -> bool:
    """Names of one kind: ending alike ("基本支出、项目支出"), or the 收入 and 支出 of one
    scope ("本年收入、本年支出")."""
    if len({n[-1] for n in names}) == 1:
        return True
    if len(names) != 2 or not all(n.endswith(_SIDES) for n in names):
        return False
    stems = {n[:-2] for n in names}
    return len(stems) == 1 and {n[-2:] for n in names} == set(_SIDES)


def distributed_names(word: str, names: list[str], count: int) -> list[str] | None:
    """The names of ``count`` figures after "A、B分别为" or "A、B各是", in order; None when
    the list does not give each its own (counts differ, "各" before one figure, names
    that are not of one kind)."""
    if count < 2 or len(names) != count:
        return None
    full = [_expanded(n) for n in names]
    if word not in ("分别", "各") or not all(names_something(n) for n in full) or not _parallel(full):
        return None
    return full


@dataclass(frozen=True)
class PairedTotal:
    """One half of a stated "收入、支出总计分别为A、B": its name, side and amount text."""

    name: str  # "收入总计", "财政拨款支出总计"
    grant: bool
    side: str  # "income" | "spending"
    amount: str  # with its unit: "1,100.00万元"
    start: int  # the amount's offset in the text
    match_start: int  # where the names begin


def paired_totals(text: str) -> list[PairedTotal]:
    """Each half of every "收入、支出总计分别为A、B" (收、支总计各是A、B…) in ``text``. A comma
    between two whole numbers with no unit on the first may be a thousands separator
    ("1,250万元"): not read."""
    out: list[PairedTotal] = []
    for m in _PAIRED.finditer(text):
        x, y = m.group("x"), m.group("y")
        if m.group("sep") in ",，" and not m.group("xu") and "." not in x:
            continue
        unit = m.group("yu")
        grant = bool(m.group("grant"))
        prefix = "财政拨款" if grant else ""
        out.append(PairedTotal(f"{prefix}收入总计", grant, "income", f"{x}{m.group('xu') or unit}", m.start("x"), m.start()))
        out.append(PairedTotal(f"{prefix}支出总计", grant, "spending", f"{y}{unit}", m.start("y"), m.start()))
    return out
