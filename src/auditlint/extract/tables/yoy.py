"""Year-on-year columns of a table: 本年 | 上年 | 增减率, for AL204's
增减率 = (本年 − 上年) ÷ 上年.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.extract.headers import squash
from auditlint.extract.tables.roles import column_headers, count_header_rows, header_role
from auditlint.extract.text import YEAR
from auditlint.model import Table


@dataclass
class YoyColumns:
    """A table's year-on-year rate column and the two columns it compares (0-based
    grid columns), for AL204: 增减率 = (本年 − 上年) ÷ 上年."""

    table: Table
    header_rows: int
    label: int
    current: int
    prior: int
    rate: int
    names: tuple[str, str, str]  # the three headers as printed


_YOY_RATE = ("增减率", "增长率", "同比增长", "同比增减", "增减幅度", "增幅", "变动率", "增减%", "增减（%）")
# a year with its 年, so that 2023年决算数 and 2024年决算数 leave the same key once it is cut out
_HEADER_YEAR = re.compile(YEAR + "年?")
# columns left of the figures that do not name the row (the label is the first other one)
_NUMERIC_HEAD = re.compile(r"^(序号|编号|单位)$")


def yoy_columns(table: Table) -> YoyColumns | None:
    """The 增减率 column of a table and the columns it is taken of: the actual and
    prior-year actual columns (决算数 | 上年决算数), else two columns whose headers differ
    only by consecutive years (2023年 | 2024年, 2022年决算数 | 2023年决算数), the later one
    being this year's. None when there is not exactly one such reading."""
    header_rows = count_header_rows(table)
    if header_rows == 0 or table.n_rows <= header_rows:
        return None
    heads = ["".join(squash(p) for p in parts) for parts in column_headers(table, header_rows)]
    rates = [c for c, h in enumerate(heads) if any(w in h for w in _YOY_RATE)]
    if len(rates) != 1:
        return None
    rate = rates[0]
    pairs = _compared(heads, rate)
    if len(pairs) != 1:
        return None
    current, prior = pairs[0]
    label = next((c for c in range(min(current, prior, rate)) if heads[c] and not _NUMERIC_HEAD.match(heads[c])), 0)
    return YoyColumns(table, header_rows, label, current, prior, rate, (heads[current], heads[prior], heads[rate]))


def _compared(heads: list[str], rate: int) -> list[tuple[int, int]]:
    """The (this year, prior year) column pairs a rate column may be taken of."""
    roles = [header_role(h) if h else None for h in heads]
    if roles.count("actual") == 1 and roles.count("prior_actual") == 1:
        return [(roles.index("actual"), roles.index("prior_actual"))]
    pairs: list[tuple[int, int]] = []
    by_key: dict[str, dict[int, int]] = {}
    for c, h in enumerate(heads):
        m = _HEADER_YEAR.search(h)
        if m and c != rate:
            by_key.setdefault(_HEADER_YEAR.sub("", h, count=1), {})[int(m.group(1))] = c
    for years in by_key.values():
        pairs += [(years[y], years[y - 1]) for y in years if y - 1 in years]
    return pairs
