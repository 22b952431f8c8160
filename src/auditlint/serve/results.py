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

import json
from html import escape
from pathlib import Path
from typing import Any

from auditlint.batch.outputs import page_name
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


def page_of(outdir: Path, row: dict[str, Any], path: str, name: str) -> str | None:
    """The report page the batch wrote for ``row``, naming the upload ``name``."""
    if not row.get("page_written"):
        return None
    try:
        html = (outdir / page_name(row["sha256"])).read_text(encoding="utf-8")
    except OSError:
        return None
    # the page escapes the path as the reporter does (html.escape, quotes too)
    return html.replace(escape(path), escape(name))


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


def render_download(fmt: str, row: dict[str, Any], name: str, lang: str, page: str | None, rules: list) -> bytes:
    """The file offered for download, in ``fmt`` (a key of DOWNLOADS); ``rules``: the
    checks that ran (SARIF lists them)."""
    result = file_result(row, name)
    if fmt == "html":
        if page is not None:
            return page.encode("utf-8")
        from auditlint.report.html import render_html

        return render_html([result], lang=lang).encode("utf-8")
    if fmt == "xlsx":
        from auditlint.report.xlsx import render_xlsx

        return render_xlsx([result], lang)
    if fmt == "sarif":
        from auditlint.report.sarif import sarif_log

        return json.dumps(sarif_log([result], rules, lang), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "csv":
        from auditlint.report.tabular import to_csv

        return to_csv([result], lang).encode("utf-8")
    raise KeyError(fmt)
