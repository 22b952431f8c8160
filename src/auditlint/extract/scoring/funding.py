"""The funding block a 自评表 prints above its indicator header (年度资金总额 | 年初预算数 |
全年预算数 | 全年执行数 | 分值 | 执行率 | 得分): the funds' execution is scored, and its
points belong to the table's total."""

from __future__ import annotations

from dataclasses import dataclass

from auditlint.extract.scoring.cells import label, number, numberish, row_snippet
from auditlint.extract.scoring.columns import header_role
from auditlint.extract.scoring.model import Indicator
from auditlint.model import Cell, Table


@dataclass(frozen=True)
class _BlockHeader:
    """The block's own header row: its 分值 and 得分 columns, and (for rows the reader
    placed by guess) how many cells it prints and where 分值 and 得分 are among them."""

    weight_col: int
    score_col: int
    printed: int
    block_weight: int
    block_score: int


def funding_rows(table: Table, first: int) -> list[Indicator]:
    """The scored rows of the funding block in the ``first`` rows of the table, each read
    by the block's own header row."""
    out: list[Indicator] = []
    header: _BlockHeader | None = None
    for r in range(first):
        row = table.rows[r]
        if not any(numberish(c.text) for c in row):
            header = _block_header(row) or header
            continue
        if header is None:
            continue
        placed = _weight_and_score(row, header, r in table.uncertain_rows)
        if placed is None:
            continue
        weight_cell, score_cell = placed
        _, label_cell = label(row)
        weight, score = number(weight_cell), number(score_cell)
        if label_cell is None or weight is None or score is None:
            continue
        name = label_cell.text.strip()
        ind = Indicator(row=r, name=name, path=(name,), snippet=row_snippet(row), weight=weight, score=score)
        ind.cells.update(name=label_cell, weight=weight_cell, score=score_cell)
        out.append(ind)
    return out


def _block_header(row: list[Cell]) -> _BlockHeader | None:
    roles = [header_role(c.text) for c in row]
    if "weight" not in roles or "score" not in roles:
        return None
    own = [header_role(c.text) for c in row if not c.merged]
    return _BlockHeader(roles.index("weight"), roles.index("score"), len(own), own.index("weight"), own.index("score"))


def _weight_and_score(row: list[Cell], header: _BlockHeader, guessed: bool) -> tuple[Cell, Cell] | None:
    if guessed:
        # a block with its own header row, narrower than the indicator header below it:
        # the reader could not place the row by column, but a row printing one cell under
        # each of the block's headings is read by that header, in order
        cells = [c for c in row if not c.merged]
        if len(cells) != header.printed:
            return None
        return cells[header.block_weight], cells[header.block_score]
    if max(header.weight_col, header.score_col) < len(row):
        return row[header.weight_col], row[header.score_col]
    return None
