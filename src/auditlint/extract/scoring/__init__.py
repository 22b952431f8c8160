"""Scoring tables (指标体系得分, 指标评分表) → ``facts.scoring``.

A table is a scoring table when its header names a weight (权重, 分值) or a score (得分)
column and at least one indicator-name column (一级/二级/三级指标, 指标名称). Header words
are data (``vocab/scoring.yaml``). Each data row becomes an ``Indicator`` with
its level path, weight (own column, or inline in its name: 立项依据充分性（2.5分）), target,
rule text and parsed rule, stated actual and score; group cells (决策（15分）) become
``Group``s with their inline weight and the indicators under them, whether the group
cell is merged, blank below its first row, repeated, or printed once above rows a
cell-per-line text prints short (``Group.inferred``: covered by inference); the total row (合计, 总分, 得分)
becomes a ``TotalRow``. In a table with one indicator column, a row whose label heads a
group (决策（20分）, 一、决策) and whose 分值 and 得分 are the sums of the rows under it is
that group's subtotal: a ``Group``, not an indicator. A row whose numbers a reader had to
place by guess gives no numbers, except a total row whose label says what its one number is.
The target column is the year's (``extract/indicators.year_target``): beside a 中期目标 it is
the 年度目标, whether the header prints them in one row or under a spanning 指标值; when which
target column is the year's cannot be told, the table has no target column.

Modules, one job each: ``vocabulary`` (the words), ``model`` (what a table is read
into), ``cells`` (what one cell says), ``columns`` (header rows and column roles),
``groups`` (group cells, group weights, group rows), ``spans`` (rows printed short
under a merged group cell, and which of them a group covers), ``placement`` (rows
placed by guess), ``rows`` (rows into indicators), ``totals`` (total rows), ``funding`` (the funding
block above the header), ``document`` (every table of a report); ``rules`` parses the
评分标准 text.
"""

from __future__ import annotations

from auditlint.extract.headers import squash
from auditlint.extract.scoring.cells import cell_location, points_of, row_snippet
from auditlint.extract.scoring.columns import header_role
from auditlint.extract.scoring.document import extract_into, scoring_table
from auditlint.extract.scoring.groups import group_weight_role, split_inline
from auditlint.extract.scoring.model import (
    LEVEL_ROLES,
    NUMBER_ROLES,
    Group,
    Indicator,
    ScoringColumn,
    ScoringTable,
    TotalRow,
)
from auditlint.extract.scoring.vocabulary import Vocabulary, vocabulary

__all__ = [
    "LEVEL_ROLES", "NUMBER_ROLES", "Group", "Indicator", "ScoringColumn", "ScoringTable", "TotalRow", "Vocabulary",
    "cell_location", "extract_into", "group_weight_role", "header_role", "points_of", "row_snippet", "scoring_table",
    "split_inline", "squash", "vocabulary",
]
