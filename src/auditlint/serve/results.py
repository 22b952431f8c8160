"""What the page and the downloads make of a batch row.

The report's own page comes from the batch (its worker renders it with the HTML
reporter while it still holds the Document: tables with the offending cells
highlighted, the arithmetic, the paragraph with the figure marked). The page names
the file by the path the batch read it from; here that path becomes the name the
file was uploaded as. The downloads are the existing reporters, fed the row's
findings; the workbook has the findings sheet only, since the Document (and so
the tables) stays in the worker.
"""

from __future__ import annotations

import io
import json
import os
import re
from html import escape
from pathlib import Path
from typing import Any

from auditlint.batch.outputs import page_name
from auditlint.batch.runner import workbook_name
from auditlint.batch.worker import file_result_from
from auditlint.engine import registry
from auditlint.model import Location
from auditlint.report.wording import position

DOWNLOADS: dict[str, tuple[str, str]] = {  # format → (suffix, media type)
    "html": (".html", "text/html; charset=utf-8"),
    "xlsx": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "sarif": (".sarif", "application/sarif+json"),
    "csv": (".csv", "text/csv; charset=utf-8"),
}


def _stored(outdir: Path, name: str, binary: bool = False) -> str | bytes | None:
    try:
        path = outdir / name
        return path.read_bytes() if binary else path.read_text(encoding="utf-8")
    except OSError:
        return None


def _read_as(sha256: str, checking: Path) -> re.Pattern[str]:
    """The path the batch read a report from: ``checking/<hash><suffix>``, whichever
    suffix it was uploaded with when the cache first kept its page."""
    return re.compile(re.escape(os.path.join(os.path.normpath(checking), sha256)) + r"\.[a-z]+")


def page_of(outdir: Path, row: dict[str, Any], checking: Path, name: str) -> str | None:
    """The report page the batch wrote for ``row``, naming the upload ``name``."""
    html = _stored(outdir, page_name(row["sha256"])) if row.get("page_written") else None
    if not isinstance(html, str):
        return None
    # the page escapes the path as the reporter does (html.escape): a hex name and a suffix escape to themselves
    return _read_as(row["sha256"], checking).sub(lambda m: escape(name), html)


def workbook_of(outdir: Path, row: dict[str, Any], name: str) -> bytes | None:
    """The Excel workbook the batch's worker wrote (tables with the offending cells
    filled), its file column naming the upload ``name``; None when it wrote none."""
    data = _stored(outdir, workbook_name(row["sha256"]), binary=True)
    if not isinstance(data, bytes):
        return None
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    findings = wb.worksheets[0]
    for (cell,) in findings.iter_rows(min_row=2, min_col=2, max_col=2):
        if cell.value:
            cell.value = name  # one report a workbook: column B is its path on every row
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _title(check_id: str, lang: str) -> tuple[str, str]:
    spec = registry.get(check_id)
    if spec is None:
        return "", "other"
    return spec.summary(lang), spec.family


def finding_summary(f: dict[str, Any], lang: str) -> dict[str, Any]:
    """One finding as the page lists it: plain strings the page puts in as text."""
    title, family = _title(f["check_id"], lang)
    loc = {k: v for k, v in (f.get("location") or {}).items() if k in Location.__dataclass_fields__}
    return {
        "check_id": f["check_id"], "name": f.get("name"), "title": title, "family": family,
        "severity": f.get("severity") or "warning", "rank": round(float(f.get("rank") or 0.0), 1),
        "message": f.get("message_en") if lang == "en" else f.get("message_zh"),
        "where": position(Location(path="", **loc), lang),
    }


def file_result(row: dict[str, Any], name: str):  # noqa: ANN201 - engine.run.FileResult
    """The row as a FileResult named ``name`` (the reporters' input)."""
    return file_result_from({**row, "path": name})


def render_download(fmt: str, row: dict[str, Any], name: str, lang: str, page: str | None, rules: list,
                    workbook: bytes | None = None) -> bytes:
    """The file offered for download, in ``fmt`` (a key of DOWNLOADS); ``rules``: the
    checks that ran (SARIF lists them)."""
    result = file_result(row, name)
    if fmt == "html":
        if page is not None:
            return page.encode("utf-8")
        from auditlint.report.html import render_html

        return render_html([result], lang=lang).encode("utf-8")
    if fmt == "xlsx":
        if workbook is not None:
            return workbook
        from auditlint.report.xlsx import render_xlsx

        return render_xlsx([result], lang)
    if fmt == "sarif":
        from auditlint.report.sarif import sarif_log

        return json.dumps(sarif_log([result], rules, lang), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "csv":
        from auditlint.report.tabular import to_csv

        return to_csv([result], lang).encode("utf-8")
    raise KeyError(fmt)
