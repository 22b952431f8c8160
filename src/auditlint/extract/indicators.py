"""Indicator tables: 自评表 (类别 / 指标名称 / 指标目标值 / 指标完成值 / 完成值来源 /
偏差情况 / 原因分析) and project 绩效目标表 (一级 / 二级 / 三级指标 / 年度指标值 /
实际完成值), into ``facts.indicators``.

A table is an indicator table when its header names an indicator, a target and an
actual column and nothing that scores (权重, 分值, 得分: those are scoring tables,
``extract/scoring/``). Header words are data (``vocab/indicator_tables.yaml``).
Every row keeps its level path, its cells with their locations, and target, actual
and deviation as :class:`~auditlint.numbers.Quantity` when the cell is one number,
comparator kept ("＞85%", ">=2", "=2篇"). The target is the year's: of several target
columns (指标值 spanning 中期目标（2026年） | 年度目标（2024年）, or the two side by side) the
one naming the year or the year evaluated (:func:`year_target`); a table where that
cannot be told is not read.

Checks that read indicator rows go through :func:`indicator_rows`, which takes any
row satisfying :class:`IndicatorRowLike`: these tables' rows, and the scoring tables'
rows (``extract/scoring/``) seen through :class:`ScoredRow`, which reads their
target and completion cells the same way (one number per cell, or None).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from auditlint import vocab
from auditlint.extract.headers import first_role, squash
from auditlint.extract.meta import evaluated_year
from auditlint.extract.text import YEAR_RE
from auditlint.memo import memo_while
from auditlint.model import Cell, Table
from auditlint.numbers import Quantity, parse_quantity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts


ROLES = ("level", "name", "target", "actual", "source", "deviation", "reason", "note")


@runtime_checkable
class IndicatorRowLike(Protocol):
    """What a check needs of one indicator row, whatever table it came from.

    ``cells`` maps roles to cells: at least ``name``, and ``target`` / ``actual`` when
    the table prints them. ``target`` and ``actual`` are the cells' numbers (None for
    text such as 健全, or an empty cell).
    """

    name: str
    target: Quantity | None
    actual: Quantity | None
    cells: Mapping[str, Cell]


@dataclass
class IndicatorRow:
    index: int  # 0-based row of the grid
    name: str
    path: tuple[str, ...]  # the levels above the name: 类别, or 一级 / 二级指标
    cells: dict[str, Cell] = field(default_factory=dict)  # role -> cell
    target: Quantity | None = None
    actual: Quantity | None = None
    deviation: Quantity | None = None
    uncertain: bool = False  # the reader had to guess this row's columns: take no numbers from it

    def text(self, role: str) -> str:
        cell = self.cells.get(role)
        return cell.text.strip() if cell is not None else ""

    @property
    def source(self) -> str:
        return self.text("source")

    @property
    def reason(self) -> str:
        return self.text("reason")


@dataclass
class IndicatorTable:
    table: Table
    kind: str  # "self_eval" (自评表: with 来源 or 偏差) | "goal" (绩效目标表)
    header_rows: int
    columns: dict[str, int]  # role -> 0-based grid column (level: the last level column)
    rows: list[IndicatorRow]
    has_score: bool = False  # indicator tables never score; scoring tables do

    def has(self, role: str) -> bool:
        return role in self.columns


# ---------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class _Vocabulary:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    not_indicator: tuple[str, ...]
    skip_names: tuple[str, ...]
    other_period: tuple[str, ...] = ()
    year_words: tuple[str, ...] = ()


@vocab.cached
def _vocabulary() -> _Vocabulary:
    data = vocab.load("indicator_tables")
    return _Vocabulary(
        roles=tuple((role, tuple(words)) for role, words in data["roles"].items()),
        not_indicator=tuple(data.get("not_indicator", [])),
        skip_names=tuple(data.get("skip_names", [])),
        other_period=tuple(data.get("target_periods", {}).get("other", [])),
        year_words=tuple(data.get("target_periods", {}).get("year", [])),
    )


_WEIGHT_NOTE = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")


@memo_while(_vocabulary)  # asked of every cell of every table's top rows
def header_role(text: str) -> str | None:
    h = squash(text)
    if not h:
        return None
    return first_role(h, _vocabulary().roles)



def target_period(parts: Sequence[str], year: int | None) -> str:
    """What period a target column's header names: "other" (中期目标（2026年）, 实施期目标,
    2021—2025年, a year other than ``year``), "year" (年度目标, 全年指标值, the evaluated
    year) or "" when it does not say (目标值, 指标值)."""
    vocab = _vocabulary()
    text = squash("".join(parts))
    years = {int(y) for y in YEAR_RE.findall(text)}
    if any(w in text for w in vocab.other_period) or len(years) > 1:
        return "other"
    if years and year is not None:
        return "year" if years == {year} else "other"
    if any(w in text for w in vocab.year_words):
        return "year"
    return ""


def year_target(candidates: Mapping[int, Sequence[str]], year: int | None) -> int | None:
    """Of the columns whose header names a target (column → its header parts, from the one
    that names the target down to the most specific: 指标值 / 年度目标（2024年）), the one
    holding the target of the year evaluated, or None when no column is, or when which one
    is cannot be told. A column naming another period or year is never it; of those left,
    a lone column is, else the one column that names the year."""
    periods = {c: target_period(parts, year) for c, parts in candidates.items()}
    left = [c for c, p in periods.items() if p != "other"]
    if len(left) == 1:
        return left[0]
    named = [c for c in left if periods[c] == "year"]
    return named[0] if len(named) == 1 else None


_TRAILING = re.compile(r"[。．.；;，,\s]+$")


def _cell_value(cell: Cell | None) -> Quantity | None:
    """The cell's number when the cell is one number ("＞85%", "=2篇", "≤100%。"); None
    for text, a sentence with a number in it, or an empty cell."""
    if cell is None or not cell.text.strip():
        return None
    text = _TRAILING.sub("", cell.text.strip())
    q = parse_quantity(text) if text else None
    return q if q is not None and q.is_number else None


def _header(table: Table, year: int | None = None) -> tuple[int, dict[int, str]] | None:
    """The number of header rows and the role of each column, or None when this is
    not an indicator table, or when which column holds the year's target cannot be told
    (:func:`year_target`)."""
    for r in range(min(3, table.n_rows)):
        texts = [c.text for c in table.rows[r]]
        roles = {c: header_role(t) for c, t in enumerate(texts)}
        found = {v for v in roles.values() if v}
        if not {"name", "target", "actual"} <= found:
            continue
        sub = _sub_header_rows(table, r, roles)
        header_text = "".join(c.text for row in table.rows[: r + 1 + sub] for c in row)
        if any(w in squash(header_text) for w in _vocabulary().not_indicator):
            return None
        parts: dict[int, list[str]] = {c: [t] for c, t in enumerate(texts) if roles[c]}
        _roles_from_above(table, r, roles, parts)
        for k in range(r, r + 1 + sub if sub else r):
            _roles_from_span(table, k, r, sub, roles, parts)
        targets = {c: parts[c] for c, role in roles.items() if role == "target"}
        chosen = year_target(targets, year)
        if chosen is None:
            return None
        for c in targets:
            if c != chosen:
                roles[c] = None
        return r + 1 + sub, {c: v for c, v in roles.items() if v}
    return None


def _roles_from_above(table: Table, r: int, roles: dict[int, str | None], parts: dict[int, list[str]]) -> None:
    """A merged header above header row ``r``: the roles the row leaves out."""
    for c in range(table.n_cols):
        if roles.get(c) is None:
            for above in range(r - 1, -1, -1):
                cell = table.cell(above, c)
                role = header_role(cell.text) if cell is not None else None
                if role:
                    roles[c], parts[c] = role, [cell.text]  # type: ignore[union-attr]
                    break


def _roles_from_span(table: Table, k: int, r: int, sub: int, roles: dict[int, str | None],
                     parts: dict[int, list[str]]) -> None:
    """Row ``k`` of the header rows from ``r`` down (``sub`` of them below it): a header
    cell spanning the columns of the row below (指标值 over 中期目标 | 年度目标) names each
    column below, and the lower cell names it more specifically."""
    carry = ""
    for c, cell in enumerate(table.rows[k]):
        spanned = k == r and _spanned_blank(table, r, sub, c, cell, carry)
        text = carry if cell.merged or spanned else cell.text
        if not cell.merged and not spanned:
            carry = text
        if not text.strip() or (k == r and not cell.merged and not spanned):
            continue
        role = header_role(text)
        if role:
            roles[c], parts[c] = role, [text]
        elif roles.get(c):
            parts[c].append(text)


def _spanned_blank(table: Table, r: int, sub: int, c: int, cell: Cell, carry: str) -> bool:
    """In plain text a spanning target header prints once, and the blank beside it
    (with sub-headers below) is under it."""
    return (not cell.text.strip() and header_role(carry) == "target"
            and any(table.cell(j, c) is not None and table.cell(j, c).text.strip()  # type: ignore[union-attr]
                    for j in range(r + 1, r + 1 + sub)))


def _sub_header_rows(table: Table, r: int, roles: dict[int, str | None]) -> int:
    """Rows right below header row ``r`` that name the columns under a target header
    spanning them (指标值 over 中期目标（2026年） | 年度目标（2024年）): rows without a name
    or a figure that print only under the target header or under blank header cells."""
    n = 0
    for k in range(r + 1, min(table.n_rows, r + 3)):
        printed = [(c, cell) for c, cell in enumerate(table.rows[k]) if cell.text.strip()]
        if not printed:
            break
        ok = True
        for c, cell in printed:
            head = table.cell(r, c)
            under_target = roles.get(c) == "target" or head is None or head.merged or not head.text.strip()
            q = _cell_value(cell)
            if not under_target or (q is not None and q.unit != "年"):
                ok = False
                break
        if not ok:
            break
        n += 1
    return n


def _columns(roles: dict[int, str]) -> tuple[dict[str, int], list[int]] | None:
    """role -> column (one column per role but level), and the level columns in order."""
    cols: dict[str, int] = {}
    for c, role in sorted(roles.items()):
        if role == "level":
            continue
        if role in cols:  # two columns claiming one role: which one is meant cannot be told
            return None
        cols[role] = c
    levels = [c for c, role in sorted(roles.items()) if role == "level" and c < cols["name"]]
    # unlabelled columns before the name are levels too (自评表's leading 分解目标 column)
    levels = sorted({*levels, *(c for c in range(cols["name"]) if c not in roles)})
    return cols, levels


def indicator_table(table: Table, year: int | None = None) -> IndicatorTable | None:
    """The table as an indicator table, or None. ``year``: the year the report evaluates,
    which tells the year's target column from another period's."""
    if table.n_rows < 2 or table.n_cols < 3:
        return None
    head = _header(table, year)
    if head is None:
        return None
    header_rows, roles = head
    got = _columns(roles)
    if got is None:
        return None
    cols, levels = got
    vocab = _vocabulary()
    # a header repeated after a page break is not a row
    head_cells = [table.cell(k, cols["name"]) for k in range(header_rows - 1, -1, -1)]
    header_name = next((squash(c.text) for c in head_cells if c is not None and c.text.strip()), "")
    rows: list[IndicatorRow] = []
    carried: dict[int, str] = {}
    for r in range(header_rows, table.n_rows):
        cells = table.rows[r]
        _carry_levels(cells, levels, carried)
        name_cell = cells[cols["name"]] if cols["name"] < len(cells) else None
        name = name_cell.text.strip() if name_cell is not None else ""
        if not name or squash(name) in vocab.skip_names or squash(name) == header_name:
            continue
        rows.append(_indicator_row(table, r, name, cols, levels, carried))
    if not rows:
        return None
    kind = "self_eval" if ("source" in cols or "deviation" in cols) else "goal"
    if levels:
        cols["level"] = levels[-1]
    return IndicatorTable(table=table, kind=kind, header_rows=header_rows, columns=cols, rows=rows)


def _carry_levels(cells: list[Cell], levels: list[int], carried: dict[int, str]) -> None:
    """The level names a row prints replace those carried down from the rows above;
    a deeper level left blank beside a new one is not carried on."""
    for c in levels:
        if c < len(cells) and cells[c].text.strip():
            carried[c] = _WEIGHT_NOTE.sub("", cells[c].text).strip()
            for deeper in [k for k in carried if k > c]:
                if deeper < len(cells) and not cells[deeper].text.strip():
                    del carried[deeper]


def _indicator_row(table: Table, r: int, name: str, cols: dict[str, int], levels: list[int],
                   carried: dict[int, str]) -> IndicatorRow:
    cells = table.rows[r]
    row = IndicatorRow(index=r, name=name, path=tuple(carried[c] for c in levels if c in carried),
                       uncertain=r in table.uncertain_rows)
    for role, c in cols.items():
        if c < len(cells):
            row.cells[role] = cells[c]
    for k, c in enumerate(levels):
        if c < len(cells):
            row.cells[f"level{k + 1}"] = cells[c]
    if not row.uncertain:
        row.target = _cell_value(row.cells.get("target"))
        row.actual = _cell_value(row.cells.get("actual"))
        row.deviation = _cell_value(row.cells.get("deviation"))
    return row


def extract_into(facts: Facts) -> None:
    year = evaluated_year(facts.meta)
    for table in facts.document.tables:
        it = indicator_table(table, year)
        if it is not None:
            facts.indicators.append(it)


# ---------------------------------------------------------------------------
# the row protocol, for checks


@dataclass(frozen=True)
class ScoredRow:
    """A scoring table's row (``extract/scoring.Indicator``) as an indicator row: its
    target and completion cells read as one number each, as an indicator table's are
    (a completion written as a sentence, "部门预算资金到位率100%", is text here; the
    scoring row keeps it as ``indicator.actual_quantity``)."""

    indicator: Any  # extract.scoring.Indicator
    table: Any  # extract.scoring.ScoringTable

    @property
    def name(self) -> str:
        return self.indicator.name

    @property
    def cells(self) -> Mapping[str, Cell]:
        return self.indicator.cells

    # the cells are read as numbers on first ask and kept: the checks read each row's
    # target and completion many times, and the row's indicator does not change once read
    @cached_property
    def target(self) -> Quantity | None:
        return None if self.indicator.guessed else _cell_value(self.indicator.cells.get("target"))

    @cached_property
    def actual(self) -> Quantity | None:
        return None if self.indicator.guessed else _cell_value(self.indicator.cells.get("actual"))

    @cached_property
    def deviation(self) -> Quantity | None:
        """The 偏差 cell of a scored 自评表 (偏差 beside 分值 and 得分), read as an indicator table's."""
        return None if self.indicator.guessed else _cell_value(self.indicator.cells.get("deviation"))

    @property
    def uncertain(self) -> bool:
        return bool(self.indicator.guessed)

    @property
    def score(self) -> Quantity | None:
        return self.indicator.score

    @property
    def weight(self) -> Quantity | None:
        return self.indicator.weight


# isinstance() against a runtime-checkable Protocol recomputes its members on every call
# (a tenth of a report's time); for data members it is exactly this hasattr test
_ROW_MEMBERS = tuple(IndicatorRowLike.__annotations__)


def _fits(row: object) -> bool:
    if not all(hasattr(row, m) for m in _ROW_MEMBERS):
        return False
    return (
        isinstance(row.name, str)
        and isinstance(row.cells, Mapping)
        and all(isinstance(q, Quantity) or q is None for q in (row.target, row.actual))
    )


def indicator_rows(facts: Facts, *, scored: bool | None = None) -> Iterator[tuple[str, IndicatorRowLike]]:
    """Every indicator row the report's tables hold, with a key naming its table
    (the same for rows of one table). ``scored``: only rows of tables that do (True)
    or do not (False) carry a score column; None for both.

    Rows come from the indicator tables and from the scoring tables (as
    :class:`ScoredRow`); rows that do not offer :class:`IndicatorRowLike` are passed over.
    """
    for source, tables in (("indicators", facts.indicators), ("scoring", facts.scoring)):
        is_scored = source == "scoring"
        if scored is not None and scored != is_scored:
            continue
        for t in tables:
            table = getattr(t, "table", None)
            key = f"{source}:{getattr(table, 'index', id(t))}"
            rows = getattr(t, "rows", None)
            if rows is None and is_scored:
                rows = [ScoredRow(ind, t) for ind in getattr(t, "indicators", None) or []]
            for row in rows or []:
                if getattr(row, "uncertain", False) or not _fits(row):
                    continue
                yield key, row
