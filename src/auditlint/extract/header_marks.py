"""Column marks and the formulas a header states (issue 15, forms2 (b)).

Many 自评表 and 决算 tables letter their columns and state how they relate:
年初预算数(A) 调整数(B) 全年预算数(C=A+B) 执行数(D) 执行率(E=D/C). A stated formula
is better evidence than the identity a check would infer from the column names: it
says which budget a rate is over (E=D/A is over the initial budget, whatever the
other rows do), and which columns a total adds (D=A+B+C with 上年结转 in B, which
no inferred identity includes). So a check that finds a formula in the header
follows it; when the formula names a letter no column carries, or is not a plain
sum or a single quotient, the check says nothing of that column rather than fall
back on an identity the document contradicts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditlint.numbers import Approx, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.tables import CanonicalTable, Column, Row

# "(C=A+B)", "（E=D/C）", "（C）", "(E=D÷C×100%)": a capital letter, and perhaps a formula,
# in brackets; the letter and the formula are what the header states of its column
_MARK = re.compile(r"[（(]\s*([A-Z])\s*(?:[=＝]\s*([^()（）]*(?:[（(][^()（）]*[)）][^()（）]*)*))?[)）]")
_PERCENT = re.compile(r"\s*[×*xX]\s*100\s*[%％]?\s*$")
_SUM = re.compile(r"^[A-Z](?:[+\-－][A-Z])*$")
_RATIO = re.compile(r"^([A-Z])[/÷]([A-Z])$")


class Unresolved:
    """A formula the header states but that cannot be followed: the column is left alone."""

    def __repr__(self) -> str:
        return "UNRESOLVED"


UNRESOLVED = Unresolved()


@dataclass(frozen=True)
class Mark:
    letter: str
    formula: str | None  # as printed after "=", spaces and a "×100%" removed


def mark_of(header: str) -> Mark | None:
    """The letter (and the formula) a header states: "全年预算数(C=A+B)" → C, "A+B"."""
    found = list(_MARK.finditer(unicodedata.normalize("NFKC", header)))  # （Ｃ＝Ａ＋Ｂ） as (C=A+B)
    if not found:
        return None
    m = found[-1]
    formula = None
    if m.group(2) is not None:
        formula = _PERCENT.sub("", re.sub(r"[\s（()）]", "", m.group(2)))
    return Mark(m.group(1), formula)


def _marks(ct: CanonicalTable) -> dict[str, Column]:
    """Each stated letter and the column it marks; a letter marking two columns
    marks neither."""
    seen: dict[str, list[Column]] = {}
    for col in ct.columns:
        mark = mark_of(col.header)
        if mark is not None:
            seen.setdefault(mark.letter, []).append(col)
    return {letter: cols[0] for letter, cols in seen.items() if len(cols) == 1}


def _formula(ct: CanonicalTable, role: str) -> str | None:
    col = ct.column(role)
    mark = mark_of(col.header) if col is not None else None
    return mark.formula if mark is not None else None


def stated_sum(ct: CanonicalTable, role: str) -> list[tuple[int, Column]] | Unresolved | None:
    """The columns (with their signs) whose sum the header of ``role``'s column states
    it is (C=A+B, D=A+B−C); None when it states none, UNRESOLVED when it states one
    that cannot be followed."""
    formula = _formula(ct, role)
    if formula is None:
        return None
    formula = formula.replace("－", "-")
    if not _SUM.match(formula):
        return UNRESOLVED
    marks = _marks(ct)
    terms: list[tuple[int, Column]] = []
    for sign, letter in re.findall(r"([+\-]?)([A-Z])", formula):
        if letter not in marks:
            return UNRESOLVED
        terms.append((-1 if sign == "-" else 1, marks[letter]))
    return terms


def stated_ratio(ct: CanonicalTable, role: str) -> tuple[Column, Column] | Unresolved | None:
    """The numerator's and the divisor's columns the header of ``role``'s column states
    (E=D/C); None when it states none, UNRESOLVED when it cannot be followed."""
    formula = _formula(ct, role)
    if formula is None:
        return None
    m = _RATIO.match(formula)
    marks = _marks(ct)
    if m is None or m.group(1) not in marks or m.group(2) not in marks:
        return UNRESOLVED
    return marks[m.group(1)], marks[m.group(2)]


def stated_base(ct: CanonicalTable, bases: tuple[str, ...]) -> str | Unresolved | None:
    """The role of the budget the header states the rate is over (执行率(E=D/C) with D
    the actual spending and C one of ``bases``); None when the header states no
    formula, UNRESOLVED when it states one that is not actual ÷ such a budget."""
    said = stated_ratio(ct, "rate")
    if said is None or isinstance(said, Unresolved):
        return said
    num, den = said
    if num is ct.column("actual") and den.role in bases and den is ct.column(den.role):
        return den.role
    return UNRESOLVED


def column_amount(ct: CanonicalTable, row: Row, col: Column) -> Approx | None:
    """The row's amount in ``col`` as an interval at the column's precision (a column
    of no role too: a formula may add 上年结转); 0 for a blank or a dash."""
    from auditlint.extract.tables import amount

    if col.role is not None and ct.column(col.role) is col:
        return amount(ct, row, col.role)
    cells = ct.table.rows[row.index] if row.index < len(ct.table.rows) else []
    text = cells[col.index].text.strip() if col.index < len(cells) else ""
    if not text:
        return Approx.exact(0)
    q = parse_quantity(text)
    if q is None:
        return None
    if q.placeholder is not None and not q.undefined:
        return Approx.exact(0)
    if not q.is_number or q.comparator not in (None, "="):
        return None
    return Approx.printed(q.value, max(col.decimals, q.decimals))
