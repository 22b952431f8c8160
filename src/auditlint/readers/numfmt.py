"""A cell's value as its number format prints it.

A spreadsheet keeps 0.970133… and shows "97.01%"; the report's reader saw the
second, and the checks compare what is printed (DESIGN.md §3), so a workbook's
numbers are taken as their format shows them: the decimals the format asks for,
its thousands separator, its percent sign, its literal text ("万元", "¥").
Rounding is half away from zero on the decimal value, as Excel does (2.675 with
"0.00" shows 2.68, where Python's binary rounding gives 2.67).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

_PLACEHOLDERS = set("0#?")
_LOCALE = re.compile(r"\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]")  # [$¥-804]: a currency sign
_BRACKET = re.compile(r"\[[^\]]*\]")  # [Red], [>=100], [DBNum1]: colour, condition, locale


def _sections(fmt: str) -> list[str]:
    """The ';'-separated sections, not splitting inside quotes."""
    out, cur, quoted = [], "", False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def _tokens(section: str) -> list[tuple[str, str]]:
    """("lit", text) and ("ph", char) tokens; padding (_x) and fill (*x) dropped."""
    section = _BRACKET.sub("", _LOCALE.sub(lambda m: '"' + m.group(1) + '"', section))
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            out.append(("lit", section[i + 1:end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch in "_*":
            i += 2
        elif ch in _PLACEHOLDERS or ch in ".,%":
            out.append(("ph", ch))
            i += 1
        else:
            out.append(("lit", ch))
            i += 1
    return out


def _digits(tokens: list[tuple[str, str]], value: Decimal) -> str:
    """The number part of a section: the placeholders' decimals, grouping, scaling."""
    chars = [t for kind, t in tokens if kind == "ph" and t != "%"]
    point = chars.index(".") if "." in chars else len(chars)
    whole, frac = chars[:point], [c for c in chars[point + 1:] if c in _PLACEHOLDERS]
    # commas after the last digit placeholder of the whole part divide by 1000 each
    trailing = len(whole) - len("".join(whole).rstrip(","))
    value = value / (Decimal(1000) ** trailing)
    grouped = "," in "".join(whole).rstrip(",")
    min_int = sum(1 for c in whole if c == "0")
    shown = value.quantize(Decimal(1).scaleb(-len(frac)), rounding=ROUND_HALF_UP)
    text = f"{shown:,.{len(frac)}f}" if grouped else f"{shown:.{len(frac)}f}"
    int_part, _, dec_part = text.partition(".")
    # '#' decimals are optional: "0.0#" shows 1.5 as "1.5", 1.25 as "1.25"
    needed = len(frac) - len("".join(frac).rstrip("#?"))
    keep = len(frac) - needed
    dec_part = dec_part[:keep] + dec_part[keep:].rstrip("0")
    if int_part == "0" and min_int == 0:
        int_part = ""
    elif len(int_part) < min_int:
        int_part = int_part.zfill(min_int)
    return f"{int_part}.{dec_part}" if dec_part else int_part


def _render_section(section: str, value: float, sign: str) -> str:
    tokens = _tokens(section)
    if not any(kind == "ph" and t in _PLACEHOLDERS for kind, t in tokens):
        return "".join(t for _, t in tokens)  # all text: "-" for zero, "免" …
    number = Decimal(repr(abs(value))) * (Decimal(100) ** sum(1 for kind, t in tokens if (kind, t) == ("ph", "%")))
    digits = _digits(tokens, number)
    out, placed = sign, False
    for kind, t in tokens:
        if kind == "lit":
            out += t
        elif t == "%":
            out += "%"
        elif not placed:
            out += digits
            placed = True
    return out


def general(value: float) -> str:
    """Excel's General format in a default-width column: up to ten significant
    digits, no float noise (0.1 + 0.2 shows 0.3), no exponent for report-sized numbers."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    if "e" in text and 1e-9 < abs(value) < 1e15:
        text = format(Decimal(text), "f")
    return text


def printed(value: object, fmt: str | None) -> str:
    """``value`` as a cell with number format ``fmt`` shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date(value, fmt or "")
    if not isinstance(value, int | float):
        return str(value)
    fmt = (fmt or "General").strip()
    if fmt.lower() in ("general", "@", ""):
        return general(value)
    sections = _sections(fmt)
    if value < 0 and len(sections) >= 2 and sections[1].strip():
        # the negative section carries its own sign (parentheses, a minus, red)
        return _render_section(sections[1], value, "")
    if value == 0 and len(sections) >= 3:
        return _render_section(sections[2], value, "")
    section = sections[0]
    if section.lower().strip() in ("general", ""):
        return general(value)
    return _render_section(section, value, "-" if value < 0 else "")


def _date(value: dt.datetime | dt.date | dt.time, fmt: str) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if "s" not in fmt.lower() else "%H:%M:%S")
    if "年" in fmt:
        text = f"{value.year}年{value.month}月" + (f"{value.day}日" if "d" in fmt.lower() else "")
        return text
    return value.strftime("%Y-%m-%d")
