"""Cells of a 三公 table left blank where the narrative states their figure
(``facts.extra["stated_blanks"]``, read by AL602).

The Ministry's 财政拨款“三公”经费支出决算表 has one row of figures under a header of
three levels: 合计, 因公出国（境）费, 公务用车购置及运行费, 公务接待费, each over a
预算数 and a 决算数 column. Its 情况说明 repeats the totals: "“三公”经费财政拨款支出年初
预算为0.95万元，支出决算为0.00万元". A reviewer who reads 0.95 in the text and finds the
合计·预算数 cell empty marks the cell: the table does not show what the report says.

A blank is never read as 0, and a blank where the text states 0 is not reported:
publishers leave the cells of a nil 三公 spending empty (the published final accounts
do), and "0" and "blank" then say the same. Only a figure other than 0 stated for a
cell printed empty is a finding. The link is stated, not inferred: the sentence names
the 三公经费 and 预算 or 决算, the table's header names 合计 and 预算数 or 决算数.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.extract.facts import Facts
from auditlint.extract.narrative.wrapped_lines import narrative_paragraphs
from auditlint.model import Cell, Location, Table
from auditlint.numbers import Quantity, normalize, parse_quantity

KEY = "stated_blanks"  # list[StatedBlank]

_AMOUNT = r"(?P<amount>-?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|千元|元)"
# "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元"; 决算 after 预算 in one sentence
_SUBJECT = re.compile(r"三公\W{0,2}经费(?:财政拨款)?(?:支出)?")
_MEASURES = {
    "预算数": re.compile(r"^[^。；]{0,12}?(?:年初)?预算(?:数)?(?:为|是)\s*" + _AMOUNT),
    "决算数": re.compile(r"^[^。；]{0,40}?支出决算(?:数)?(?:为|是)\s*" + _AMOUNT),
}
_TOTAL = "合计"


@dataclass(frozen=True)
class StatedBlank:
    table: int  # Table.index
    column: str  # "合计·预算数"
    cell: Location
    stated: Quantity  # the narrative's figure, as printed
    quote: str  # the narrative's words, as printed: "“三公”经费…年初预算为0.95万元"
    where: Location  # the figure in the narrative


def _is_sangong(table: Table) -> bool:
    return any("三公" in c.text for row in table.rows[:2] for c in row)


def _measure_row(table: Table) -> int | None:
    """The header row of 预算数 / 决算数 only: the figures are the rows below it."""
    for r, row in enumerate(table.rows[:6]):
        texts = [normalize(c.text).replace(" ", "") for c in row if not c.empty]
        if texts and all(t in _MEASURES for t in texts) and len(texts) >= 2:
            return r
    return None


def _group(table: Table, below: int, col: int) -> str:
    """The top header over column ``col`` (合计, 因公出国（境）费…): the first row under the
    title row that prints something over it or to its left, a merged cell (or, where the
    reader knows no merges, an empty one) standing for its left neighbour's span."""
    for row in table.rows[1:below]:
        k = min(col, len(row) - 1)
        while k > 0 and (row[k].merged or row[k].empty):
            k -= 1
        text = normalize(row[k].text).replace(" ", "")
        if text:
            return text
    return ""


def _total_cells(table: Table) -> dict[str, Cell]:
    """The 合计 group's 预算数 and 决算数 cells of the one row of figures, when there is one."""
    header = _measure_row(table)
    if header is None or len(table.rows) != header + 2:
        return {}
    measures, figures = table.rows[header], table.rows[header + 1]
    out: dict[str, Cell] = {}
    for col, cell in enumerate(measures):
        name = normalize(cell.text).replace(" ", "")
        if name in _MEASURES and col < len(figures) and _group(table, header, col) == _TOTAL:
            out.setdefault(name, figures[col])
    return out


def _stated(facts: Facts) -> list[tuple[str, Quantity, str, Location]]:
    """(measure, figure, sentence, where) for each 三公 total the narrative states."""
    out: list[tuple[str, Quantity, str, Location]] = []
    for par in narrative_paragraphs(facts):
        text = normalize(par.text)  # as long as par.text: offsets hold in both
        for m in _SUBJECT.finditer(text):
            rest = text[m.end():]
            start = m.start() - 1 if m.start() > 0 and text[m.start() - 1] in "“\"" else m.start()
            for measure, pattern in _MEASURES.items():
                found = pattern.match(rest)
                if found is None:
                    continue
                q = parse_quantity(found.group("amount") + found.group("unit"))
                if q is not None and q.value is not None:
                    quote = par.text[start : m.end() + found.end()]
                    out.append((measure, q, quote, par.location_at(m.end() + found.start("amount"))))
    return out


def stated_blanks(facts: Facts) -> list[StatedBlank]:
    tables = [b for b in facts.document.blocks if isinstance(b, Table) and _is_sangong(b)]
    cells = [(t, _total_cells(t)) for t in tables]
    cells = [(t, c) for t, c in cells if c]
    if len(cells) != 1:
        return []  # no 三公 table of the template's form, or several: which one the text repeats is a guess
    table, totals = cells[0]
    out: list[StatedBlank] = []
    seen: set[str] = set()
    for measure, q, quote, where in _stated(facts):
        cell = totals.get(measure)
        if cell is None or measure in seen or not cell.empty or cell.merged or q.value == 0:
            continue
        seen.add(measure)
        out.append(StatedBlank(table.index, f"{_TOTAL}·{measure}", cell.location, q, quote, where))
    return out


def extract_into(facts: Facts) -> None:
    facts.extra[KEY] = stated_blanks(facts)
