"""Linking a name to table rows through a per-table index gives the rows the row-by-row
reading gave, for every label of every table of the seeds and the corpus reports
(``_reference_named_row`` is that reading, kept here as the reference)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.extract import extract
from auditlint.extract.narrative import link_rows, match_key, vocabulary
from auditlint.extract.narrative.model import RowRef
from auditlint.extract.tables import CanonicalTable, split_serial
from auditlint.readers import read
from reports import facts_of, report

REPO = Path(__file__).resolve().parents[1]
REPORTS = sorted((REPO / "corpus" / "realistic").glob("*/clean.txt")) + sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))


def _reference_named_row(ct: CanonicalTable, ri: int, key: str) -> int | None:
    row = ct.rows[ri]
    cells = ct.table.rows[row.index] if row.index < len(ct.table.rows) else []
    names = [split_serial(cells[c.index].text)[1] for c in ct.columns
             if c.role in ("serial", "label") and c.index < len(cells) and cells[c.index].text.strip()]
    names = [n for n in names if n]
    if len(names) < 2:
        return ri if row.label and match_key(row.label) == key else None
    if match_key(names[-1]) == key:
        return ri
    if any(match_key(n) == key for n in names[:-1]):
        parent = row.parent
        return parent if parent is not None and ct.rows[parent].kind == "subtotal" else None
    return None


def _reference_rows(tables: list[CanonicalTable], key: str) -> list[RowRef]:
    out: list[RowRef] = []
    for ti, ct in enumerate(tables):
        for ri in range(len(ct.rows)):
            at = _reference_named_row(ct, ri, key)
            if at is not None and RowRef(ti, at, ct.rows[at].label) not in out:
                out.append(RowRef(ti, at, ct.rows[at].label))
    return out


def _names(tables: list[CanonicalTable]) -> set[str]:
    names = set()
    for ct in tables:
        for row in ct.rows:
            names.add(row.label)
            for cell in ct.table.rows[row.index]:
                names.add(split_serial(cell.text)[1])
    return {n for n in names if n}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.parent.name if p.name == "clean.txt" else p.stem)
def test_indexed_linking_finds_the_rows_row_by_row_reading_found(path: Path) -> None:
    tables = extract(read(str(path), str(path))).tables
    names = _names(tables)
    v = vocabulary()
    linked = 0
    for name in names:
        got = link_rows(tables, name)
        key = match_key(name)
        # the names link_rows answers before reading rows (totals, 三公) are not the index's
        if len(key) >= 2 and key not in (*v.trail_words, *v.total_words, "三公经费", "三公"):
            assert list(got) == _reference_rows(tables, key), name
        linked += bool(got)
    assert not tables or linked


def test_a_category_merged_over_its_rows_names_its_subtotal_and_the_item_its_row() -> None:
    text = report([
        ["支出类别", "项目", "预算数", "实际支出数"],
        ["基本支出", "工资福利支出", "100.00", "90.00"],
        ["", "商品和服务支出", "50.00", "40.00"],
        ["", "小计", "150.00", "130.00"],
        ["项目支出", "专项业务费", "80.00", "70.00"],
        ["合计", "", "230.00", "200.00"],
    ])
    tables = facts_of(text).tables
    assert [(r.row, r.label) for r in link_rows(tables, "工资福利支出")] == [(0, "工资福利支出")]
    assert [r.label for r in link_rows(tables, "基本支出")] == [tables[0].rows[2].label]
    assert link_rows(tables, "合计") == ()
