"""The Excel workbook (``--format xlsx -o findings.xlsx``) for finance offices.

The first sheet lists every finding, most serious first, one per row: where it
is, the check, the message and the arithmetic in its own columns (expression,
stated, computed, difference, rounding allowed), with a frozen header and a
filter on every column. Then, for each table that has findings, a sheet with
that table as the report prints it (named after the workbook's sheet when the
report was one): the offending cells filled, the cells they
were checked against in a lighter tone, and a comment on each offending cell
saying what is wrong. The findings sheet's location links to that cell.

Text is written as text: a message starting with "=" or "-" is never a formula
(Excel and WPS would run it), and characters XML cannot hold are dropped.
"""

from __future__ import annotations

import io
import re

from auditlint.findings import Finding
from auditlint.model import Document, Table
from auditlint.report.wording import arithmetic, label, position, severity_label, sheet_ref, sorted_findings

HIT_FILL = "FDE047"  # the HTML report's highlight colours
RELATED_FILL = "FEF9C3"
HEADER_FILL = "E4E7EC"
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

_HEADERS = {
    "zh": ["序号", "文件", "位置", "检查", "名称", "级别", "排序分", "问题", "算式", "报告数", "重算数", "差额", "四舍五入允许的误差",
           "原文", "指纹"],
    "en": ["#", "file", "location", "check", "name", "severity", "rank", "message", "expression", "stated",
           "computed", "difference", "tolerance", "context", "fingerprint"],
}
_WIDTHS = [6, 28, 18, 8, 26, 8, 8, 60, 40, 14, 14, 12, 12, 40, 22]
_FINDINGS_SHEET = {"zh": "问题清单", "en": "findings"}
_TABLE_SHEET = {"zh": "表{n}", "en": "table {n}"}
_FILE_TABLE_SHEET = {"zh": "{f}-表{n}", "en": "{f}-table {n}"}


def _text(value: object) -> object:
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    return value


def _put(ws, row: int, col: int, value: object):  # noqa: ANN001, ANN202 - openpyxl worksheet and cell
    cell = ws.cell(row=row, column=col, value=_text(value))
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula
    return cell


def _sheet_name(wanted: str, taken: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub("_", wanted)[:31].strip("'") or "sheet"
    name, k = base, 2
    while name.lower() in taken:
        suffix = f"({k})"
        name, k = base[:31 - len(suffix)] + suffix, k + 1
    taken.add(name.lower())
    return name


def _comment_text(f: Finding, lang: str) -> str:
    head = f"{f.check_id} {f.name} [{severity_label(f.severity, lang)}]"
    if f.location.sheet is not None:  # the table sheet is a copy: say where the cell is in the original
        head += f" {sheet_ref(f.location)}"
    lines = [head, f.message(lang)]
    if f.evidence is not None:
        lines.append(arithmetic(f.evidence, lang))
    return "\n".join(lines)


class _TableSheets:
    """The sheets of tables with findings, and where each finding's cell landed."""

    def __init__(self, wb, lang: str, many_files: bool) -> None:  # noqa: ANN001 - openpyxl Workbook
        self.wb = wb
        self.lang = lang
        self.many_files = many_files
        self.taken: set[str] = {_FINDINGS_SHEET[lang].lower()}
        self.sheets: dict[tuple[int, int], tuple[str, object]] = {}  # (file no., table) → name, sheet

    def add(self, file_no: int, table: Table) -> tuple[str, object]:
        key = (file_no, table.index)
        if key in self.sheets:
            return self.sheets[key]
        # a workbook's table keeps its sheet's name; a document's is named by its number
        wanted = (_FILE_TABLE_SHEET[self.lang].format(f=file_no, n=table.index) if self.many_files
                  else table.location.sheet or _TABLE_SHEET[self.lang].format(n=table.index))
        name = _sheet_name(wanted, self.taken)
        ws = self.wb.create_sheet(name)
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row, 1):
                if cell.text:
                    _put(ws, r, c, cell.raw or cell.text).alignment = _wrap()
        for c in range(1, table.n_cols + 1):
            ws.column_dimensions[_letter(c)].width = 14
        self.sheets[key] = (name, ws)
        return name, ws

    def mark(self, file_no: int, table: Table, f: Finding) -> str | None:
        """Fill the finding's cell and its related cells; the A1 reference of its cell."""
        from openpyxl.comments import Comment
        from openpyxl.styles import PatternFill

        name, ws = self.add(file_no, table)
        for rel in f.related:
            if rel.location.table == table.index and rel.location.row and rel.location.col:
                cell = ws.cell(row=rel.location.row, column=rel.location.col)
                if cell.fill is None or cell.fill.fgColor.rgb != "00" + HIT_FILL:
                    cell.fill = PatternFill("solid", fgColor=RELATED_FILL)
        loc = f.location
        if not (loc.row and loc.col):
            return None
        cell = ws.cell(row=loc.row, column=loc.col)
        cell.fill = PatternFill("solid", fgColor=HIT_FILL)
        text = _text(_comment_text(f, self.lang))
        if cell.comment is not None:
            text = cell.comment.text + "\n\n" + text
        cell.comment = Comment(text, "auditlint", width=360, height=160)
        return f"{_quoted(name)}!{_letter(loc.col)}{loc.row}"


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _wrap():  # noqa: ANN202
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def _table_of(doc: Document | None, f: Finding) -> Table | None:
    if doc is None or f.location.table is None:
        return None
    return next((t for t in doc.tables if t.index == f.location.table), None)


def _finding_row(n: int, path: str, f: Finding, lang: str) -> list[object]:
    ev = f.evidence
    return [n, path, position(f.location, lang), f.check_id, f.name, severity_label(f.severity, lang),
            round(f.rank, 1), f.message(lang),
            ev.expression_in(lang) if ev else "", ev.stated if ev else "", ev.computed_in(lang) if ev else "",
            ev.difference if ev else "", ev.tolerance if ev else "", f.snippet, f.fingerprint]


def _findings_sheet(ws, results: list, lang: str, tables: _TableSheets) -> None:  # noqa: ANN001
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    headers = _HEADERS["en" if lang == "en" else "zh"]
    for c, (title, width) in enumerate(zip(headers, _WIDTHS), 1):
        cell = _put(ws, 1, c, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        ws.column_dimensions[_letter(c)].width = width
    file_no = {r.path: i for i, r in enumerate(results, 1)}
    documents = {r.path: getattr(r, "document", None) for r in results}
    ranked = [(path, f, _table_of(documents.get(path), f)) for path, f in sorted_findings(results)]
    # the table sheets in the report's order, whatever order the findings come in
    wanted = {(path, table.index) for path, _, table in ranked if table is not None}
    for r in results:
        for table in r.document.tables if getattr(r, "document", None) is not None else ():
            if (r.path, table.index) in wanted:
                tables.add(file_no[r.path], table)
    row = 1
    for n, (path, f, table) in enumerate(ranked, 1):
        row += 1
        for c, value in enumerate(_finding_row(n, path, f, lang), 1):
            _put(ws, row, c, value).alignment = _wrap()
        target = tables.mark(file_no[path], table, f) if table is not None else None
        if target is not None:
            link = ws.cell(row=row, column=3)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=target)
            link.font = Font(color="175CD3", underline="single")
    for r in results:
        if r.error:
            row += 1
            _put(ws, row, 2, r.path)
            _put(ws, row, 8, f"{label('read_error', lang)}: {r.error}")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{_letter(len(headers))}{max(row, 1)}"


def render_xlsx(results: list, lang: str = "zh") -> bytes:
    """The workbook's bytes. Results carry their Document (``RunOptions.keep_document``)
    for the table sheets; without it only the findings sheet is written."""
    from openpyxl import Workbook

    lang = "en" if lang == "en" else "zh"
    wb = Workbook()
    ws = wb.active
    ws.title = _FINDINGS_SHEET[lang]
    _findings_sheet(ws, results, lang, _TableSheets(wb, lang, many_files=len(results) > 1))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
