"""One finding per row, for spreadsheets (``--format csv``) and for programs
(``--format jsonl``). Both have the same columns, every finding of every file,
most serious first.

CSV is written the way Excel on a Chinese-locale machine reads it right: UTF-8 with
a byte-order mark (without it Excel decodes the file as GBK) and CRLF rows. Text
cells that Excel would run as a formula ("-6.77 - 4.82 …" evaluates to a number)
get a leading apostrophe; plain numbers ("-1087.3") stay numbers. JSON Lines keeps
every value as it is. ``csv_text`` is the one CSV writer: ``batch``'s findings.csv
and reports.csv go through it too, so no text a report holds (``=HYPERLINK(…)``)
reaches a spreadsheet as a formula.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence

from auditlint.findings import Finding
from auditlint.report.wording import sorted_findings

FIELDS = (
    "path", "line", "column", "page", "table", "row", "col", "paragraph", "sheet", "cell",
    "check_id", "name", "severity", "rank", "confidence", "materiality", "message",
    "expression", "stated", "computed", "difference", "tolerance", "snippet", "fingerprint",
)
_NUMBER = re.compile(r"^[+\-]?\d+(?:,\d{3})*(?:\.\d+)?%?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def record(path: str, f: Finding, lang: str = "zh") -> dict[str, object]:
    loc = f.location
    ev = f.evidence
    return {
        "path": path,
        "line": loc.line,
        "column": loc.column,
        "page": loc.page,
        "table": loc.table,
        "row": loc.row,
        "col": loc.col,
        "paragraph": loc.paragraph,
        # a workbook's sheet and A1 reference ("Sheet1", "D12"); empty for other formats
        "sheet": loc.sheet,
        "cell": loc.cell,
        "check_id": f.check_id,
        "name": f.name,
        "severity": f.severity.value if f.severity else None,
        "rank": round(f.rank, 1),
        "confidence": round(f.confidence, 2),
        "materiality": round(f.materiality, 2),
        "message": f.message(lang),
        "expression": ev.expression_in(lang) if ev else None,
        "stated": ev.stated if ev else None,
        "computed": ev.computed_in(lang) if ev else None,
        "difference": ev.difference if ev else None,
        "tolerance": ev.tolerance if ev else None,
        "snippet": f.snippet,
        "fingerprint": f.fingerprint,
    }


def records(results: list, lang: str = "zh") -> list[dict[str, object]]:
    return [record(path, f, lang) for path, f in sorted_findings(results)]


def csv_cell(value: object) -> object:
    """A value as a spreadsheet cell: text that would run as a formula is quoted
    with an apostrophe; None is empty; a float keeps its shortest exact form."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if not isinstance(value, str) or not value.startswith(_FORMULA_START) or _NUMBER.match(value):
        return value
    return "'" + value


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """CSV for Excel and WPS: BOM, CRLF, every cell through ``csv_cell``; keys
    not in ``columns`` are left out."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(rec.get(k)) for k in columns] for rec in rows)
    return "\ufeff" + buf.getvalue()


def to_csv(results: list, lang: str = "zh") -> str:
    return csv_text(FIELDS, records(results, lang))


def to_jsonl(results: list, lang: str = "zh") -> str:
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records(results, lang))
