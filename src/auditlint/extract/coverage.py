"""What a run read of a report, and what it left alone and why.

A reviewer trusts a silence only when they can see what was checked: which tables
were read as what (budget execution, 三公, scoring, indicators), how (the role of
each column, the rows each total covers, the groups and their weights), which
tables were left alone and why, and how many printed numbers the checks could
recompute. ``auditlint inspect`` prints it whole; ``check`` prints its summary line.

Only facts that the run extracted are reported: a run that selected no table check
reads no tables and says so, rather than reading them for the summary's sake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditlint.model import Table

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

# why a table was left alone, in the reader's words
LEFT_ALONE_EMPTY = "empty"  # no numbers in it at all
LEFT_ALONE_TEXT = "text"  # words only (a table of contents, a list of duties)
LEFT_ALONE_UNKNOWN = "unknown-headers"  # numbers under headers no vocabulary names
LEFT_ALONE_NO_TOTAL = "no-total"  # amounts in unnamed columns, but no total row to add them up to
LEFT_ALONE_FLAT = "flat-rows-disagree"  # a flattened table whose rows' cell counts disagree (readers/flat.py)


@dataclass
class TotalSpan:
    """A total or subtotal row and the rows it covers (labels as printed)."""

    label: str
    row: int  # 1-based grid row
    kind: str  # total | subtotal | group | of_which
    covers: list[str]
    guessed: bool = False  # no printed mark said so: inferred from the numbers


@dataclass
class GroupSpan:
    name: str
    weight: str | None
    members: list[str]


@dataclass
class TableReading:
    """How one table of the document was read."""

    table: int  # 1-based table index in the document
    page: int | None
    line: int | None
    size: tuple[int, int]  # rows, columns
    read_as: str | None  # budget | sangong | share | income | other | scoring | indicators; None: left alone
    why_not: str | None = None  # LEFT_ALONE_*; None when read
    columns: list[tuple[str, str | None]] = field(default_factory=list)  # (header, role)
    totals: list[TotalSpan] = field(default_factory=list)
    groups: list[GroupSpan] = field(default_factory=list)
    numbers: int = 0  # printed numbers in cells whose role a check reads
    # a grid of side-by-side halves (收支总表: 收入 | 支出) is read as two tables: how
    # each half was read, left to right (their ``table`` is the grid's)
    halves: list[TableReading] = field(default_factory=list)

    @property
    def understood(self) -> bool:
        """Read as a table, or one of its halves was."""
        return self.read_as is not None or any(h.read_as is not None for h in self.halves)


@dataclass
class Coverage:
    tables: list[TableReading]
    statements: int | None  # narrative statements read; None: the narrative was not read
    numbers: int  # printed numbers the checks could recompute or compare
    extracted: tuple[str, ...]  # which readings ran (tables, narrative, scoring …)

    @property
    def read(self) -> list[TableReading]:
        return [t for t in self.tables if t.understood]

    @property
    def left_alone(self) -> list[TableReading]:
        return [t for t in self.tables if not t.understood and t.why_not != LEFT_ALONE_TEXT]

    @property
    def nothing_to_check(self) -> bool:
        """No table read and no figure in the text: meeting minutes, a README."""
        tables_known = "tables" in self.extracted and "scoring" in self.extracted
        return tables_known and not self.read and not self.statements and self.numbers == 0

    def summary(self, lang: str = "zh") -> str:
        n, bad = len([t for t in self.tables if t.why_not != LEFT_ALONE_TEXT]), len(self.left_alone)
        if lang == "en":
            text = f"read {n} table{'s' if n != 1 else ''}"
            text += f", {bad} of them not understood" if bad else ""
            return text + f"; checked {self.numbers} number{'s' if self.numbers != 1 else ''}"
        text = f"读取 {n} 张表"
        text += f"，其中 {bad} 张无法识别" if bad else ""
        return text + f"；核对 {self.numbers} 个数字"

    def to_dict(self) -> dict[str, object]:
        return {
            "tables_read": len(self.read),
            "tables_left_alone": [{"table": t.table, "page": t.page, "line": t.line, "why": t.why_not}
                                  for t in self.left_alone],
            "statements": self.statements,
            "numbers_checked": self.numbers,
            "nothing_to_check": self.nothing_to_check,
        }


def coverage_of(facts: Facts, *, read_all: bool = False) -> Coverage:
    """What the run read of ``facts.document``. ``read_all`` runs every reading first
    (``auditlint inspect``); otherwise only the readings the checks asked for count."""
    if read_all:
        facts.ensure_all()
    ran = facts.extracted()
    readings = {t.index: _unread(t) for t in facts.document.tables}
    numbers = _tables(facts, readings) if "tables" in ran else 0
    if "scoring" in ran:
        for st in facts.scoring:
            for part in st.parts or [st.table]:
                r = readings[part.index]
                _scoring(r, st)
            numbers += readings[st.table.index].numbers
    if "indicators" in ran:
        for it in facts.indicators:
            r = readings[it.table.index]
            if r.read_as is None:
                _indicators(r, it)
                numbers += r.numbers
    statements = None
    if "narrative" in ran:
        statements = len(facts.statements)
        numbers += len({(f.location, f.start) for s in facts.statements for f in _figures(s)})
    if "score_statements" in ran:
        numbers += len(facts.score_statements)
    for r in [*readings.values(), *(h for t in readings.values() for h in t.halves)]:
        if r.read_as is None and r.why_not is None:
            r.why_not = LEFT_ALONE_UNKNOWN
    for r in readings.values():
        if r.halves and r.understood:
            r.why_not = None
    return Coverage(sorted(readings.values(), key=lambda r: r.table), statements, numbers, tuple(sorted(ran)))


def _tables(facts: Facts, readings: dict[int, TableReading]) -> int:
    """Fill the readings of the budget tables (a split grid's, half by half); the
    numbers they hold."""
    split: dict[int, list[Table]] = facts.extra.get("halves", {})
    for index, parts in split.items():
        readings[index].halves = [_unread(p) for p in parts]
    numbers = 0
    for ct in [*facts.tables, *facts.extra.get("sum_tables", [])]:
        r = _reading_of(readings, split, ct.table)
        if ct.kind == "other" and not any(row.children for row in ct.rows):
            r.why_not = LEFT_ALONE_NO_TOTAL  # only its sums would be understood, and it has none
            continue
        _budget(r, ct)
        numbers += r.numbers
    return numbers


def _reading_of(readings: dict[int, TableReading], split: dict[int, list[Table]], table: Table) -> TableReading:
    """The reading a canonical table fills: its grid's, or that of the half it is."""
    r = readings[table.index]
    k = next((k for k, p in enumerate(split.get(table.index, [])) if p is table), None)
    return r if k is None else r.halves[k]


def _unread(t: Table) -> TableReading:
    why = t.unread or _left_alone(t)
    return TableReading(t.index, t.location.page, t.location.line, (t.n_rows, t.n_cols), None, why)


def _left_alone(t: Table) -> str | None:
    """Why a grid no reader took was left alone: it prints nothing, or no number; None
    when it prints a number. Read up to its first number, not parsed whole."""
    from auditlint.numbers import parse_quantity

    printed = False
    for row in t.rows:
        for c in row:
            if c.text.strip():
                printed = True
                q = parse_quantity(c.text)
                if q is not None and q.is_number:
                    return None
    return LEFT_ALONE_TEXT if printed else LEFT_ALONE_EMPTY


def _budget(r: TableReading, ct) -> None:  # noqa: ANN001 - a CanonicalTable
    r.read_as, r.why_not = ct.kind, None
    r.columns = [(c.header, c.role) for c in ct.columns]
    roles = set(ct.roles()) - {"label", "serial", "note"}
    r.numbers = sum(1 for row in ct.rows for role in roles if row.has(role))
    for row in ct.rows:
        if row.children:
            r.totals.append(TotalSpan(row.label or row.serial, row.index + 1, row.kind,
                                      [ct.rows[i].label or ct.rows[i].serial for i in row.children], row.flat_guess))


def _scoring(r: TableReading, st) -> None:  # noqa: ANN001 - a ScoringTable
    r.read_as, r.why_not = "scoring", None
    r.columns = [(c.header, c.role) for c in st.columns]
    r.numbers = sum((i.weight is not None) + (i.score is not None) for i in st.indicators)
    for g in st.groups:
        weight = g.weight.text.strip() if g.weight is not None else None
        r.groups.append(GroupSpan(g.name, weight, [st.indicators[m].name for m in g.members]))
    for t in st.totals:
        r.totals.append(TotalSpan(t.label, t.row + 1, "total", [i.name for i in st.indicators]))


def _indicators(r: TableReading, it) -> None:  # noqa: ANN001 - an IndicatorTable
    r.read_as, r.why_not = "indicators", None
    header = {i: role for role, i in it.columns.items()}
    r.columns = [(f"column {i + 1}", header.get(i)) for i in range(it.table.n_cols)]
    r.numbers = sum((row.target is not None) + (row.actual is not None) for row in it.rows)


def _figures(statement: object) -> list:
    """The printed figures a narrative statement relates (a lone figure relates
    nothing: no check recomputes it unless another statement names it)."""
    out = []
    for name in ("total", "share", "part", "base", "current", "prior", "rate", "numerator"):
        f = getattr(statement, name, None)
        if f is not None and hasattr(f, "location") and hasattr(f, "start"):
            out.append(f)
    for name in ("parts", "denominators", "listed"):
        out.extend(getattr(statement, name, ()) or ())
    return out
