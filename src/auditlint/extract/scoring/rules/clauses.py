"""A rule's text cut into clauses: each outcome (得2分, 不得分, 扣0.5分, ×权重) and the
condition printed before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.scoring.rules.conditions import parse_condition
from auditlint.extract.scoring.rules.measures import Cond
from auditlint.extract.scoring.rules.patterns import CN, NUM, PER, dec
from auditlint.extract.scoring.rules.points import FULL, Points
from auditlint.numbers import HUNDRED, ZERO

# what a clause gives: the alternatives are tried left to right at each position
_OUTCOME = re.compile(
    r"(?P<zero>不得分|不计分|不给分|(?:得|计|记|给)?\s*(?<![\d.])0(?:\.0+)?\s*分(?!值|钟))"
    r"|(?P<fullof>满分\s*(?P<fullv>" + NUM + r")\s*分)"
    r"|(?P<full>(?:得|给予?|计|记|获得?)\s*(?:该项|本项|该指标)?(?:全部)?(?:满分|分值|全分)|得全部分值|全部得分|不扣分)"
    r"|(?P<share>(?:得|计)?\s*(?:该项)?(?:权重分|权重|分值)(?:的)?\s*(?P<sharev>" + NUM + r")\s*%)"
    r"|(?P<share2>(?:得|计|按)\s*(?P<share2v>" + NUM + r")\s*%\s*(?:的)?\s*(?:分值|权重分|权重|计分|得分))"
    r"|(?P<pts>(?:可得|获得|得分为?|得|计|记|给)\s*(?P<ptsv>" + NUM + r"|" + CN + r")\s*分(?![值钟之]))"
    r"|(?P<ded>扣(?:除|减)?\s*(?P<amt>" + NUM + r")\s*(?P<aunit>分|%)\s*(?:的|得)?\s*(?P<ofw>该项分值|指标分值|权重分|权重|分值)?)"
    r"|(?P<prop>[×*xX]\s*(?:该项)?(?:指标)?(?:权重|分值)|(?:权重|分值)\s*[×*]|乘以\s*(?:该项)?(?:指标)?(?:权重|分值)"
    r"|按(?:照)?[^,，；;。]{0,12}?比例(?:计|得)分)"
    r"|(?P<bare>(?<![=重值按])得分(?![=率值]))"
)


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str  # "points" | "ded" | "prop"
    start: int
    end: int
    points: Points | None = None
    amount: Decimal = ZERO
    of_weight: bool = False
    text: str = ""


@dataclass(frozen=True, slots=True)
class Clause:
    cond: Cond
    outcome: Outcome
    cond_text: str


def outcomes(text: str, base: int) -> list[Outcome]:
    """Every outcome printed in ``text``, in order; offsets are ``base`` + the position."""
    out: list[Outcome] = []
    for m in _OUTCOME.finditer(text):
        o = _outcome(m, base + m.start(), base + m.end())
        if o is not None:
            out.append(o)
    return out


def _outcome(m: re.Match[str], s: int, e: int) -> Outcome | None:
    if m.group("zero"):
        return Outcome("points", s, e, Points(ZERO))
    if m.group("fullof"):
        return Outcome("points", s, e, Points(Decimal(m.group("fullv"))))
    if m.group("full"):
        return Outcome("points", s, e, FULL)
    if m.group("share") or m.group("share2"):
        v = m.group("sharev") or m.group("share2v")
        return Outcome("points", s, e, Points(share=Decimal(v) / HUNDRED))
    if m.group("pts"):
        pts = dec(m.group("ptsv"))
        return Outcome("points", s, e, Points(pts)) if pts is not None else None
    if m.group("ded"):
        amt = Decimal(m.group("amt"))
        pct = m.group("aunit") == "%"
        ofw = bool(m.group("ofw")) or pct
        return Outcome("ded", s, e, amount=amt, of_weight=ofw and pct, text=m.group(0))
    if m.group("prop"):
        return Outcome("prop", s, e, text=m.group(0))
    if m.group("bare"):
        return Outcome("points", s, e, FULL)
    return None


def clauses(text: str, base: int) -> list[Clause]:
    """Each outcome with the condition printed between it and the previous outcome."""
    found = []
    prev = base
    for o in outcomes(text, base):
        cond_text = text[prev - base : o.start - base]
        if o.kind == "ded":
            # "每超出1%" is the deduction's unit, not a condition
            cond_for_bounds = PER.sub("", cond_text)
        else:
            cond_for_bounds = cond_text
        cond = parse_condition(cond_for_bounds, prev) if o.kind != "ded" or cond_for_bounds.strip(" ,，；;。") else Cond(cond_text)
        found.append(Clause(cond, o, cond_text))
        prev = o.end
    return found


def positive(c: Clause) -> bool:
    """The clause gives points above zero (or a share of the weight)."""
    p = c.outcome.points
    return c.outcome.kind == "points" and p is not None and (p.value is None or p.value > 0)
