"""What a scoring table is read into: its columns, the scored rows (``Indicator``), the
groups they fall under (``Group``) and its total rows (``TotalRow``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditlint.extract.scoring.cells import cell_location
from auditlint.extract.scoring.rules import Reading, Rule, reading_of, readings_in
from auditlint.model import Cell, Location, Table
from auditlint.numbers import PLACEHOLDERS, Quantity, find_quantities, parse_quantity

LEVEL_ROLES = ("level1", "level2", "level3")  # the indicator-name columns, outermost first
NUMBER_ROLES = ("weight", "score")


@dataclass
class ScoringColumn:
    index: int  # 0-based column of the grid
    header: str  # header parts joined with "/"
    role: str | None


@dataclass
class Indicator:
    """One scored row."""

    row: int  # 0-based row of its grid
    name: str
    path: tuple[str, ...]  # group names above it, then its own name
    snippet: str = ""  # the row's printed cells
    cells: dict[str, Cell] = field(default_factory=dict)  # by role, plus "name"
    weight: Quantity | None = None
    weight_inline: bool = False  # read from the name ("立项依据充分性（2.5分）")
    score: Quantity | None = None
    target: str = ""
    actual: str = ""
    rule_text: str = ""
    rule: Rule | None = None  # None: no rule printed for this row
    unweighted: bool = False  # a bonus or penalty row (加分项): no weight by design
    guessed: bool = False  # a reader placed the row's cells by guess: its numbers were not taken

    @property
    def target_readings(self) -> list[Reading]:
        return _readings(self.target)

    @property
    def actual_readings(self) -> list[Reading]:
        return _readings(self.actual)

    @property
    def target_quantity(self) -> Quantity | None:
        """The target as one number ("≥95%", "363.21万人"), when it is one."""
        return _one_quantity(self.target)

    @property
    def actual_quantity(self) -> Quantity | None:
        """The stated actual as one number, when it states exactly one."""
        return _one_quantity(self.actual)

    def weight_location(self) -> Location | None:
        cell = self.cells.get("weight") if not self.weight_inline else self.cells.get("name")
        return cell.location if cell is not None else None

    def rule_location(self, offset: int) -> Location | None:
        """Where the character at ``offset`` of the rule text is printed."""
        cell = self.cells.get("rule")
        return cell_location(cell, offset) if cell is not None else None


@dataclass
class Group:
    """A group header (一级/二级指标) and the indicators printed under it."""

    level: int  # 1-based position among the table's level columns
    name: str
    cell: Cell
    weight: Quantity | None = None  # inline: 决策（15分）, or in the 分值 column beside the group's
    members: list[int] = field(default_factory=list)  # positions in ScoringTable.indicators
    weight_cell: Cell | None = None  # the 分值 cell beside the group's, when the weight is printed there
    uncertain: bool = False  # a row below it was placed by guess and may belong to it: its sum is unknown
    # members whose place under it was inferred, not printed: rows a cell-per-line text
    # printed short below the group's cell (see ``groups.settle_spans``); a finding on the
    # group's sum is then at most a warning
    inferred: list[int] = field(default_factory=list)


@dataclass
class TotalRow:
    row: int
    label: str
    label_cell: Cell
    snippet: str = ""
    weight: Quantity | None = None
    weight_cell: Cell | None = None
    score: Quantity | None = None
    score_cell: Cell | None = None
    # one number a reader could not place, under a label that does not say which total it is
    either: Quantity | None = None
    either_cell: Cell | None = None


@dataclass
class ScoringTable:
    table: Table  # the first grid, when a page break split the table and its header was printed again
    header_rows: int
    columns: list[ScoringColumn]
    indicators: list[Indicator] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    totals: list[TotalRow] = field(default_factory=list)
    parts: list[Table] = field(default_factory=list)  # every grid it was read from
    # rows with a weight or score that could not be read as an indicator: the table's
    # sums are then unknown
    unread: list[int] = field(default_factory=list)

    def column(self, role: str) -> ScoringColumn | None:
        # a plain loop: asked for every cell of every row, where a generator costs more than the search
        for c in self.columns:
            if c.role == role:
                return c
        return None

    def has(self, role: str) -> bool:
        return self.column(role) is not None

    @property
    def total(self) -> TotalRow | None:
        return self.totals[-1] if self.totals else None

    def roles(self) -> tuple[str | None, ...]:
        return tuple(c.role for c in self.columns)

    def absorb(self, other: ScoringTable) -> None:
        """Take in the rows of the grid that continues this table after a page break."""
        base = len(self.indicators)
        self.indicators.extend(other.indicators)
        for g in other.groups:
            g.members = [m + base for m in g.members]
            g.inferred = [m + base for m in g.inferred]
        self.groups.extend(other.groups)
        self.totals.extend(other.totals)
        self.parts.extend(other.parts)
        self.unread.extend(other.unread)

    @property
    def unscored(self) -> list[int]:
        """Positions in ``indicators`` of the weighted rows whose 得分 cell is left blank (or
        holds only a placeholder such as "—"): a score missing, whatever the other rows do.
        Empty when the table has no score column; bonus rows and rows placed by guess are
        no row's to score."""
        if not self.has("score"):
            return []
        return [k for k, i in enumerate(self.indicators)
                if not i.unweighted and not i.guessed and i.weight is not None and i.score is None
                and _blank(i.cells.get("score"))]

    @property
    def blank_scores(self) -> bool:
        """The 得分 column is left empty: at least two weighted rows, none scored, and no
        score total printed (an unfilled template, or a table published before scoring)."""
        weighted = [i for i in self.indicators if not i.unweighted and not i.guessed and i.weight is not None]
        if len(weighted) < 2 or len(self.unscored) != len(weighted):
            return False
        return all(t.score is None and t.either is None for t in self.totals)

    @property
    def complete(self) -> bool:
        """Every scored row was read: sums over the table mean something."""
        return not self.unread


def _blank(cell: Cell | None) -> bool:
    return cell is None or not cell.text.strip() or cell.text.strip() in PLACEHOLDERS


def _readings(text: str) -> list[Reading]:
    if not text.strip():
        return []
    q = parse_quantity(text)
    if q is not None and q.is_number:
        r = reading_of(q)
        return [r] if r is not None else []
    return readings_in(text)


def _one_quantity(text: str) -> Quantity | None:
    if not text.strip():
        return None
    q = parse_quantity(text)
    if q is not None and q.is_number:
        return q
    found = [m.quantity for m in find_quantities(text) if m.quantity.unit not in ("年", "月", "日", "号")
             and (m.quantity.unit or m.quantity.comparator)]
    return found[0] if len(found) == 1 else None
