"""What the narrative reader finds: the statement kinds, each about numbers printed in
one paragraph (its :class:`Sentence`, offsets in the paragraph's text, location), and
the table rows a statement talks about (:class:`RowRef`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from auditlint.extract.passages import Sentence
from auditlint.model import Location
from auditlint.numbers import Quantity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts


@dataclass(frozen=True)
class RowRef:
    """A table row a statement talks about: ``facts.tables[table].rows[row]``."""

    table: int
    row: int
    label: str


@dataclass(frozen=True)
class Figure:
    subject: str  # the words before the number, trimmed: "“三公”经费全年支出"
    name: str  # what it measures, for matching: "三公经费支出"
    quantity: Quantity
    sentence: Sentence
    start: int  # the number (and unit) in the paragraph's text
    end: int
    location: Location
    approximate: bool = False
    rows: tuple[RowRef, ...] = ()
    kind: ClassVar[str] = "figure"

    @property
    def text(self) -> str:
        return self.quantity.text

    @property
    def is_money(self) -> bool:
        return self.quantity.is_money

    @property
    def exact(self) -> bool:
        return not self.approximate and self.quantity.is_number and self.quantity.comparator in (None, "=")


class Anchored:
    """A statement about one printed number (its ``anchor`` figure): its location and
    offsets are that number's."""

    @property
    def anchor(self) -> Figure:
        raise NotImplementedError

    @property
    def location(self) -> Location:
        return self.anchor.location

    @property
    def start(self) -> int:
        return self.anchor.start

    @property
    def end(self) -> int:
        return self.anchor.end


@dataclass(frozen=True)
class Breakdown(Anchored):
    total: Figure
    parts: tuple[Figure, ...]
    complete: bool
    marker: str  # "brackets" | "其中" | "naming"
    sentence: Sentence
    rows: tuple[RowRef, ...] = ()

    @property
    def anchor(self) -> Figure:
        return self.total

    @property
    def end(self) -> int:
        return self.parts[-1].end if self.parts else self.total.end


@dataclass(frozen=True)
class TotalWithParts(Breakdown):
    kind: ClassVar[str] = "total_with_parts"


@dataclass(frozen=True)
class OfWhich(Breakdown):
    kind: ClassVar[str] = "of_which"


@dataclass(frozen=True)
class Share(Anchored):
    share: Figure  # the percentage
    base_name: str  # "总支出"
    part: Figure | None  # the amount it is the share of
    base: Figure | None  # the base's figure, when the paragraph states it
    sentence: Sentence
    rows: tuple[RowRef, ...] = ()
    # a share printed after a list of two or more parts with no share of their own: those
    # parts ("A 358.20万元、B 154.60万元，占…的82.60%" is the share of A + B, or perhaps of B
    # alone); ``part`` is then None, the reading being the check's to weigh
    listed: tuple[Figure, ...] = ()
    kind: ClassVar[str] = "share"

    @property
    def anchor(self) -> Figure:
        return self.share


@dataclass(frozen=True)
class Change:
    subject: str  # what changed, as printed ("会议费全年支出")
    name: str
    amount: Quantity  # as printed, without sign
    direction: int  # +1 增加/增长, −1 减少/下降
    relative: bool  # a percentage change ("增长5%")
    reference: str  # what it is compared with: "上年", "同期"
    current: Figure | None  # the figure the change follows ("支出0.48万元，比上年增加…")
    prior: Figure | None  # a prior-year figure stated in the same sentence
    sentence: Sentence
    start: int
    end: int
    location: Location
    rows: tuple[RowRef, ...] = ()
    kind: ClassVar[str] = "change"


@dataclass(frozen=True)
class Rate(Anchored):
    rate: Figure
    measure: str  # "execution" | "arrival" (vocab/narrative.yaml)
    numerator: Figure | None
    denominators: tuple[Figure, ...]  # nearest first
    sentence: Sentence
    rows: tuple[RowRef, ...] = ()
    kind: ClassVar[str] = "rate"

    @property
    def anchor(self) -> Figure:
        return self.rate


Statement = Figure | TotalWithParts | OfWhich | Share | Change | Rate


def statements_of(facts: Facts, *kinds: type) -> list:
    """The statements of these classes, in document order."""
    return [s for s in facts.statements if isinstance(s, kinds)]
