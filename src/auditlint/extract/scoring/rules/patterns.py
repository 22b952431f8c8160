"""Pieces of the rule grammar that several parts of the parser share."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from auditlint.numbers import BASE_UNITS, parse_cn_int

NUM = r"\d+(?:\.\d+)?"
CN = r"[一二两三四五六七八九十]"
INCL = r"(?:\((?P<{0}>含|不含)\))?"  # "(含)" / "(不含)" after a bound; format with the group's name
UNIT_ALT = "|".join(sorted((re.escape(u) for u in BASE_UNITS if u), key=len, reverse=True))

# a deduction's unit ("每超出1%", "每发现一例"): not a condition of the clause
PER = re.compile(
    r"每(?P<verb>[^\d一二两三四五六七八九十,，；;。]{0,4}?)(?P<per>" + NUM + "|" + CN + r")\s*"
    r"(?P<pu>个百分点|%|例|项|次|个|处|起|人|天|日|件|家|条|笔|篇|名)"
)


def decimals_of(text: str) -> int:
    """Digits printed after the point: "89.5" → 1."""
    return len(text.split(".", 1)[1]) if "." in text else 0


def dec(text: str) -> Decimal | None:
    """A number printed in digits or in Chinese numerals ("3", "三")."""
    try:
        return Decimal(text)
    except InvalidOperation:
        n = parse_cn_int(text)
        return Decimal(n) if n is not None else None
