"""Last year's figure of a change, stated far from it: "2023年度收入总计1,000.00万元" in
§一, "2024年度收入总计1,100.00万元，比上年增加120.00万元" in §二.

A change whose own sentence gives no prior figure may still be checked against one
stated elsewhere in the narrative, but only when the words leave no doubt that it is
the same quantity a year earlier:

- the change compares with 上年 (上年度, 去年), not with 同期 or a named year;
- its current figure is an exact amount whose year is stated: this year's, by a year
  label ("2024年度") or 本年 in its clause or earlier in its paragraph;
- the base's own clause labels it last year's ("2023年度…", "上年…"), or its sentence
  does before it with no comparison word between ("2023年度收入总计…，支出总计…"); a
  label a comparison word governs ("比2023年…") compares, it labels nothing;
- the two name the same quantity with the same total word (收入总计 is neither
  财政拨款收入 nor 本年收入合计) and, when the base names whose it is ("XX中心2023年度…"),
  the same owner;
- it is in another sentence (one in the change's own sentence is ``changes``' to read).

Every base that fits is returned; when they do not all print the same amount, none
is (two readings, no verdict). A base found this way is inferred from names, not
stated by the sentence: a check gives at most a warning on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from auditlint.extract.meta import evaluated_year
from auditlint.extract.narrative.model import Change, Figure, statements_of
from auditlint.extract.narrative.periods import CURRENT, PRIOR, quantity_key, sentence_period, stated_period
from auditlint.extract.outline import is_heading
from auditlint.model import Paragraph

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

_LAST_YEAR = ("上年", "上年度", "上一年", "上一年度", "去年")


@dataclass(frozen=True)
class FarBase:
    """Last year's figure found by name away from the change, and the heading of the
    section it is printed under ("" when none precedes it)."""

    figure: Figure
    heading: str


def _prior_figures(facts: Facts, year: int | None) -> list[tuple[Figure, str, tuple[str, str]]]:
    """Every exact amount its own clause labels last year's, with its owner and key."""
    out = []
    for fig in statements_of(facts, Figure):
        if not (fig.exact and fig.is_money):
            continue
        period = sentence_period(fig, year)
        if period is None or period.kind != PRIOR:
            continue
        key = quantity_key(fig)
        if key[0]:
            out.append((fig, period.owner, key))
    return out


def _headings(facts: Facts) -> dict[int, str]:
    """The heading each paragraph is printed under, by paragraph index."""
    out: dict[int, str] = {}
    current = ""
    for block in facts.document.blocks:
        if not isinstance(block, Paragraph):
            continue
        if is_heading(block.text):
            current = block.text.strip()[:30]
        out[block.index] = current
    return out


def _in_yuan(fig: Figure) -> Decimal:
    return (fig.quantity.value or Decimal(0)) * fig.quantity.scale


def far_bases(facts: Facts, change: Change) -> list[FarBase]:
    """The prior-year figures stated elsewhere that ``change`` compares with."""
    if change.prior is not None or change.current is None or change.reference not in _LAST_YEAR:
        return []
    return bases_of(facts, change.current)


def bases_of(facts: Facts, cur: Figure) -> list[FarBase]:
    """The prior-year figures stated outside ``cur``'s sentence that a comparison of
    ``cur`` with 上年 compares with: all that fit, when they print one amount."""
    if not (cur.exact and cur.is_money):
        return []
    year = evaluated_year(facts.meta)
    period = stated_period(cur, year)
    if period is None or period.kind != CURRENT:
        return []
    key = quantity_key(cur)
    if not key[0]:
        return []
    found = [fig for fig, owner, k in facts.memo(("far_bases.prior", year), lambda: _prior_figures(facts, year))
             if k == key and owner in ("", period.owner) and fig.sentence != cur.sentence]
    if len({_in_yuan(f) for f in found}) != 1:
        return []  # none, or two that disagree: no reading to hold the change to
    headings = facts.memo("far_bases.headings", lambda: _headings(facts))
    return [FarBase(f, headings.get(f.sentence.paragraph or 0, "")) for f in found]
