"""Writes self-eval-2024.xlsx: the tables of department-2024.txt as a finance
office keeps them in Excel, one sheet each under its caption, with merged
headings and numbers held as the spreadsheet holds them (floats a little off
the printed figure, shown through "0.00" and "0.00%" formats), so the reader
must take what the format prints. Run: python corpus/examples/self-eval-2024.make.py
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl

from auditlint.readers import read

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "department-2024.txt"
TARGET = HERE / "self-eval-2024.xlsx"

# sheet name, merges as (first row, first col, last row, last col) in the table's own 1-based grid
SHEETS = [
    ("预算执行", [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 5), (1, 6, 2, 6), (1, 7, 2, 7), (1, 8, 2, 8), (6, 1, 6, 2)]),
    ("项目支出", []),
    ("三公经费", []),
    ("自评表", [(2, 1, 5, 1), (6, 1, 8, 1), (9, 1, 10, 1), (2, 2, 3, 2), (4, 2, 5, 2), (6, 2, 7, 2), (9, 2, 10, 2)]),
]
_AMOUNT = re.compile(r"^-?\d+\.(\d+)$")
_RATE = re.compile(r"^\d+(?:\.(\d+))?%$")


def typed(text: str) -> tuple[object, str]:
    """What a spreadsheet holds for a printed figure, and the format printing it."""
    if m := _RATE.match(text):
        places = len(m.group(1) or "")
        value = Decimal(text[:-1]) / 100 + Decimal("0.00000031")
        return float(value), ("0." + "0" * places + "%") if places else "0%"
    if m := _AMOUNT.match(text):
        places = len(m.group(1))
        noise = Decimal("0.0003") if not text.startswith("-") else Decimal("-0.0003")
        return float(Decimal(text) + noise), "0." + "0" * places
    if re.fullmatch(r"\d{1,3}", text):
        return int(text), "General"
    return text, "General"


def main() -> None:
    doc = read(SOURCE)
    captions = {}
    previous = None
    for block in doc.blocks:
        if hasattr(block, "rows"):
            captions[block.index] = previous.text if previous is not None else ""
        else:
            previous = block
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for table, (name, merges) in zip(doc.tables, SHEETS):
        ws = wb.create_sheet(name)
        top = 1
        if table.index == 1:
            ws.cell(row=1, column=1, value=doc.paragraphs[0].text)
            top = 2
        ws.cell(row=top, column=1, value=captions[table.index])
        covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
                   if (r, c) != (r0, c0)}
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row, 1):
                if cell.text and (r, c) not in covered:
                    value, fmt = typed(cell.text)
                    target = ws.cell(row=top + r, column=c, value=value)
                    target.number_format = fmt
        for r0, c0, r1, c1 in merges:
            ws.merge_cells(start_row=top + r0, start_column=c0, end_row=top + r1, end_column=c1)
        for c in range(1, table.n_cols + 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = 14
    wb.save(TARGET)


if __name__ == "__main__":
    main()
