"""The 收入支出总计 a 决算情况说明 states, and the 总计 row of the table it repeats.

A 部门决算's narrative opens with "XX局2024年度收入支出总计2995.39万元" (and later
"财政拨款收入支出总计2961.68万元"): the 总计 row of the 收入支出决算总表 (of the
财政拨款收入支出决算总表), whose 收入 half and 支出 half print the same figure. The
sentence names the row and the table by their own words, so the link is stated, not
inferred; the figure is compared in the units each prints (万元 in the sentence, 元 or
万元 in the table's 单位 line).

Every plausible reading is tried before a figure is called wrong: "收入总计" is the
收入 half's 总计, "支出总计" the 支出 half's, "收入支出总计"/"收支总计" either; a writer who
meant the year's 本年收入合计 or 本年支出合计 (without the carry-over) agrees with those
rows and is not contradicted either. A 财政拨款 total is held only against a table whose
title (or its 财政拨款结转 rows) says it is the 财政拨款 one, the other only against one
that does not. A figure dated in another year, or of 上年, is not the year's.

The sentences are read from ``wrapped_lines.narrative_paragraphs``: a PDF's text layer
often breaks them ("……收入支出总计" | "9859.38万元。") or sets their figures apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditlint.extract.facts import Facts
from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative.paired import paired_totals
from auditlint.extract.narrative.wrapped_lines import narrative_paragraphs
from auditlint.extract.tables import CanonicalTable, Row, sum_tables, summable
from auditlint.model import Location, Paragraph, Table
from auditlint.numbers import SCALES, Approx, Quantity, normalize, parse_quantity

_STATED = re.compile(
    r"(?P<name>(?P<grant>财政拨款)?(?P<side>收入支出|收支|收入|支出)(?:决算)?总计)\s*(?:为|是|共|[:：])?\s*"
    r"(?P<amount>-?\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|千元|元))"
)
# what may stand before the name: the unit's name and the year ("XX局2024年度"), or nothing;
# anything else qualifies it into another quantity ("一般公共预算财政拨款收入总计")
_BEFORE = "年度局部委院所心室会处站队馆厅办司，,：: \u3000"
_YEAR = re.compile(r"(\d{4})\s*年")
_PRIOR = ("上年", "去年", "上一年", "同期")
_CAPTION_LOOKBACK = 4  # paragraphs before a table searched for its title


@dataclass(frozen=True)
class StatedTotal:
    """A narrative "收入支出总计 N万元"."""

    name: str  # "财政拨款收入支出总计"
    grant: bool  # of the 财政拨款 table
    sides: tuple[str, ...]  # "income", "spending": the halves whose 总计 it is
    quantity: Quantity
    location: Location
    sentence: str


@dataclass(frozen=True)
class TotalRow:
    """A 总计 (or 本年收入合计 / 本年支出合计) row of one half of a 收支总表."""

    table: CanonicalTable
    title: str  # the table's printed title, "" when none was found
    row: Row
    role: str
    quantity: Quantity
    grand: bool  # the 总计 row itself, not the year's 合计

    @property
    def unit(self) -> str | None:
        col = self.table.column(self.role)
        return (col.unit if col is not None else None) or self.table.unit


@dataclass(frozen=True)
class Contradiction:
    stated: StatedTotal
    rows: list[TotalRow]  # the 总计 rows it repeats, all of which it contradicts


def _sentence_of(text: str, start: int, end: int) -> str:
    a = max(text.rfind(ch, 0, start) for ch in "。！？；") + 1
    ends = [k for ch in "。！？；" if (k := text.find(ch, end)) >= 0]
    return text[a : (min(ends) + 1 if ends else len(text))].strip()


def _dated_elsewhere(before: str, year: int | None, paragraph: str) -> bool:
    """Is the figure dated in another year than the report's, or of 上年? When the
    report's year could not be read, a year is the report's only when no later one is
    named in the paragraph (a 情况说明 compares with earlier years, never later ones)."""
    clause = re.split(r"[。！？；，,]", before)[-1]
    if any(w in clause for w in _PRIOR):
        return True
    years = {int(y) for y in _YEAR.findall(clause)}
    if not years:
        return False
    if year is None:
        named = [int(y) for y in _YEAR.findall(paragraph)]
        return len(years) != 1 or max(years) != max(named)
    return years != {year}


def stated_totals(paragraphs: list[Paragraph], year: int | None) -> list[StatedTotal]:
    out: list[StatedTotal] = []
    for par in paragraphs:
        text = normalize(par.text)
        for m in _STATED.finditer(text):
            before = text[: m.start()]
            if before and before[-1] not in _BEFORE and not before[-1].isdigit():
                continue
            if _dated_elsewhere(before, year, text):
                continue
            q = parse_quantity(m.group("amount"))
            if q is None or q.value is None or not q.is_money:
                continue
            side = m.group("side")
            sides = ("income",) if side == "收入" else ("spending",) if side == "支出" else ("income", "spending")
            out.append(StatedTotal(m.group("name"), bool(m.group("grant")), sides, q,
                                   par.location_at(m.start("amount")), _sentence_of(text, m.start(), m.end())))
        out += _paired(par, text, year)
    return out


def _paired(par: Paragraph, text: str, year: int | None) -> list[StatedTotal]:
    """"收入、支出总计分别为A、B" (收、支总计各是A、B): A is the 收入 half's total, B the 支出 half's."""
    out: list[StatedTotal] = []
    for half in paired_totals(text):
        before = text[: half.match_start]
        if before and before[-1] not in _BEFORE and not before[-1].isdigit():
            continue
        if _dated_elsewhere(before, year, text):
            continue
        q = parse_quantity(half.amount)
        if q is None or q.value is None or not q.is_money:
            continue
        out.append(StatedTotal(half.name, half.grant, (half.side,), q, par.location_at(half.start),
                               _sentence_of(text, half.match_start, half.start)))
    return out


def _title(facts: Facts, table: Table) -> str:
    """The printed title above a table ("财政拨款收入支出决算总表"), by its index."""
    blocks = facts.document.blocks
    pos = next((k for k, b in enumerate(blocks) if isinstance(b, Table) and b.index == table.index), None)
    if pos is None:
        return ""
    before = [b for b in blocks[max(0, pos - _CAPTION_LOOKBACK) : pos] if isinstance(b, Paragraph)]
    return next((normalize(b.text) for b in reversed(before) if "总表" in b.text), "")


def _side(ct: CanonicalTable) -> str | None:
    labels = [normalize(r.label) for r in ct.rows]
    if any("本年收入合计" in x for x in labels):
        return "income"
    if any("本年支出合计" in x for x in labels):
        return "spending"
    return None


def _grant(title: str, ct: CanonicalTable) -> bool | None:
    """Is it the 财政拨款 收支总表? None when neither its title nor its rows say."""
    if title:
        return "财政拨款" in title
    if any("财政拨款结转" in normalize(r.label) for r in ct.rows):
        return True
    return None


def total_rows(facts: Facts) -> dict[tuple[bool, str], list[TotalRow]]:
    """The 总计 and 本年合计 rows of each half of the 收支总表s, by (财政拨款?, side)."""
    out: dict[tuple[bool, str], list[TotalRow]] = {}
    for ct in sum_tables(facts):
        side = _side(ct)
        if side is None:
            continue
        title = _title(facts, ct.table)
        grant = _grant(title, ct)
        if grant is None:
            continue
        for row in ct.rows:
            label = normalize(row.label)
            if row.kind != "total" or label not in ("总计", "本年收入合计", "本年支出合计"):
                continue
            role = next((c.role for c in ct.columns if summable(c.role) and row.has(c.role or "")), None)
            q = ct.value(row, role) if role else None
            if role is None or q is None or q.value is None:
                continue
            out.setdefault((grant, side), []).append(TotalRow(ct, title, row, role, q, label == "总计"))
    return out


def _in_yuan(q: Quantity, unit: str | None) -> Approx | None:
    scale = SCALES.get(unit or "")
    if scale is None:
        return None
    return q.approx.scale(scale)


def agrees(stated: StatedTotal, row: TotalRow) -> bool:
    """Does the figure agree with the row, each at its printed precision? A table whose
    unit is not stated agrees when it would in any unit."""
    said = _in_yuan(stated.quantity, stated.quantity.unit)
    if said is None:
        return True
    units = [row.unit] if row.unit in SCALES else ["元", "万元", "亿元"]
    for unit in units:
        printed = _in_yuan(row.quantity, unit)
        if printed is None or said.gap(printed) <= Decimal(0):
            return True
    return False


def contradictions(facts: Facts) -> list[Contradiction]:
    """The stated 收入支出总计 that no 总计 or 本年合计 row of its table agrees with."""
    rows = total_rows(facts)
    if not rows:
        return []
    year = evaluated_year(facts.meta)
    out: list[Contradiction] = []
    for stated in stated_totals(narrative_paragraphs(facts), year):
        candidates = [r for side in stated.sides for r in rows.get((stated.grant, side), [])]
        grand = [r for r in candidates if r.grand]
        if not grand or any(agrees(stated, r) for r in candidates):
            continue
        out.append(Contradiction(stated, grand))
    return out
