"""What a batch writes into OUTDIR, every file written whole or not at all.

- ``findings.parquet`` / ``findings.csv``: one row per finding, with the report's
  path and hash;
- ``reports.csv``: one row per report (status, counts per severity, risk, stated
  total score, pages, seconds), most at risk first;
- ``summary.json``: the totals, the most frequent checks, the error kinds;
- ``index.html``: a self-contained overview linking each report's page;
- ``findings.sarif`` with ``--sarif``.

Everything but the ``seconds`` column of reports.csv is a function of the
reports and the configuration: two runs over the same files write the same bytes
(timings of the run itself go to ``run.json``, which is not an output).
The CSV files are written by ``report.tabular.csv_text``, the writer of ``check
--format csv``: a UTF-8 byte-order mark so that Excel and WPS open the Chinese text
correctly, and no cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from auditlint.batch.cache import atomic_write, atomic_writer
from auditlint.report.tabular import csv_cell, csv_text

SEVERITIES = ("error", "warning", "info")
NOTHING = "nothing-to-check"  # a report read but holding nothing checkable (batch/worker.py)
LOCATION = ("page", "line", "column", "table", "row", "col", "paragraph")
WORKBOOK = ("sheet", "cell")  # a spreadsheet finding's place: 预算执行 / D5
EVIDENCE = ("expression", "stated", "computed", "difference", "tolerance")
FINDING_COLUMNS = ("path", "sha256", "check_id", "name", "severity", "confidence", "rank", "message", *LOCATION,
                   *WORKBOOK, "snippet", *EVIDENCE, "fingerprint", "related")
REPORT_COLUMNS = ("path", "sha256", "status", "error_kind", "reason", "format", "pages", "findings", "errors",
                  "warnings", "infos", "risk", "stated_total_score", "duplicates", "page", "seconds")


# a record's findings.csv and parquet rows, encoded by the worker (``row_texts``); the
# batch process keeps it in memory only: the cache stores the record without it
ROW_TEXTS = "_row_texts"


def page_name(sha256: str) -> str:
    return f"reports/{sha256[:16]}.html"


def by_risk(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # reports that could not be checked last: they have no risk, only a reason
    return sorted(rows, key=lambda r: (r["status"] != "ok", -(r.get("risk") or 0.0), r["path"]))


def finding_cells(f: dict[str, Any], lang: str) -> dict[str, Any]:
    """One finding's row, every column but the report's ``path`` and ``sha256``."""
    loc = f.get("location") or {}
    ev = f.get("evidence") or {}
    rec: dict[str, Any] = {
        "check_id": f.get("check_id"), "name": f.get("name"),
        "severity": f.get("severity"), "confidence": round(float(f.get("confidence") or 0.0), 2),
        "rank": round(float(f.get("rank") or 0.0), 1),
        "message": f.get("message_en") if lang == "en" else f.get("message_zh"),
    }
    rec.update({k: loc.get(k) for k in (*LOCATION, *WORKBOOK)})
    rec["snippet"] = f.get("snippet")
    rec.update({k: ev.get(k) for k in EVIDENCE})
    rec["fingerprint"] = f.get("fingerprint")
    rec["related"] = json.dumps(f.get("related") or [], ensure_ascii=False, sort_keys=True)
    return rec


def finding_rows(rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    return [{"path": r["path"], "sha256": r["sha256"], **finding_cells(f, lang)}
            for r in rows for f in r.get("findings") or ()]


_CELL_COLUMNS = FINDING_COLUMNS[2:]  # after path and sha256


def row_texts(findings: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """A report's rows of findings.csv and of the parquet's JSON lines, already
    encoded but for the two leading columns (the path is the batch's, not the
    report's): a worker makes them while the batch process waits, and
    ``write_all`` only joins them. ``csv``: each row's cells after ``sha256``, as
    the CSV writer writes them; ``json``: each row's object without its first two
    members."""
    out: dict[str, Any] = {"lang": lang, "csv": [], "json": []}
    for f in findings:
        cells = finding_cells(f, lang)
        out["csv"].append(_csv_line([csv_cell(cells[k]) for k in _CELL_COLUMNS]))
        out["json"].append(json.dumps(cells, ensure_ascii=False))
    return out


def _csv_line(cells: list[Any]) -> str:
    # the writer quotes a cell holding a character of its line terminator: written
    # with CRLF, as the whole file is, and cut off after
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(cells)
    return buf.getvalue()[:-2]


def report_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in by_risk(rows):
        counts = r.get("counts") or {}
        out.append({
            "path": r["path"], "sha256": r["sha256"], "status": r["status"], "error_kind": r.get("error_kind"),
            "reason": r.get("error"), "format": r.get("format"), "pages": r.get("pages"),
            "findings": len(r.get("findings") or ()), "errors": counts.get("error", 0),
            "warnings": counts.get("warning", 0), "infos": counts.get("info", 0),
            "risk": r.get("risk") if r["status"] == "ok" else None,
            "stated_total_score": r.get("stated_total_score"), "duplicates": ";".join(r.get("duplicates") or ()),
            "page": page_name(r["sha256"]) if r.get("page_written") else None, "seconds": r.get("seconds"),
        })
    return out


def prepare_parquet() -> None:
    """Import what ``write_parquet`` needs (0.2 s): the batch calls it in a thread
    while the workers run."""
    import pyarrow.json  # noqa: F401
    import pyarrow.parquet  # noqa: F401


def write_parquet(path: Path, lines: bytes) -> None:
    """findings.parquet from the findings' JSON lines (``finding_texts``)."""
    import pyarrow.parquet as pq

    table = _arrow_table(lines, finding_schema())
    with atomic_writer(path, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")


def finding_schema() -> Any:
    import pyarrow as pa

    types = {"confidence": pa.float64(), "rank": pa.float64(), **dict.fromkeys(LOCATION, pa.int32())}
    return pa.schema([(c, types.get(c, pa.string())) for c in FINDING_COLUMNS])


def _arrow_table(lines: bytes, schema: Any) -> Any:
    """The rows as an Arrow table through Arrow's own JSON reader: ``Table.from_pylist``
    gives the same table, but every Python-object constructor in pyarrow imports
    pandas first (0.5–2 s of CPU taken from the workers)."""
    import pyarrow.json as pj

    if not lines:
        return schema.empty_table()
    # the workers have stopped: blocks of 1 MiB are parsed on every core (a block must hold
    # a whole row), and joined into one chunk, so the file is the bytes one block gives
    longest = max(map(len, lines.split(b"\n")))
    table = pj.read_json(
        io.BytesIO(lines),
        read_options=pj.ReadOptions(use_threads=True, block_size=max(1 << 20, longest + 1)),
        parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore"),
    )
    return table.combine_chunks()


def finding_texts(rows: list[dict[str, Any]], lang: str) -> tuple[str, bytes]:
    """findings.csv and the parquet's JSON lines, joined from each report's
    ``row_texts`` (the worker's, or made here for a report that has none)."""
    csv_parts = ["\ufeff", ",".join(FINDING_COLUMNS), "\r\n"]
    json_parts = []
    for r in rows:
        if not r.get("findings"):
            continue
        texts = r.get(ROW_TEXTS)
        if not texts or texts.get("lang") != lang:
            texts = row_texts(r["findings"], lang)
        csv_lead = _csv_line([csv_cell(r["path"]), csv_cell(r["sha256"])]) + ","
        json_lead = f'{{"path": {json.dumps(r["path"], ensure_ascii=False)}, "sha256": {json.dumps(r["sha256"])}, '
        for line in texts["csv"]:
            csv_parts += (csv_lead, line, "\r\n")
        for line in texts["json"]:
            json_parts += (json_lead, line[1:], "\n")
    return "".join(csv_parts), "".join(json_parts).encode("utf-8")


def _tally(ok: list[dict[str, Any]]) -> tuple[Counter[str], dict[str, dict[str, Any]]]:
    """Findings per severity, and per check with the number of reports it fired in."""
    severities: Counter[str] = Counter()
    by_check: dict[str, dict[str, Any]] = {}
    for r in ok:
        ids_here = set()
        for f in r.get("findings") or ():
            severities[f.get("severity") or "none"] += 1
            entry = by_check.setdefault(f["check_id"], {"check_id": f["check_id"], "name": f.get("name"),
                                                          "findings": 0, "reports": 0})
            entry["findings"] += 1
            ids_here.add(f["check_id"])
        for cid in ids_here:
            by_check[cid]["reports"] += 1
    return severities, by_check


def summary(rows: list[dict[str, Any]], config_key: str, version: str) -> dict[str, Any]:
    ok = [r for r in rows if r["status"] == "ok"]
    nothing = [r for r in rows if r["status"] == NOTHING]
    severities, by_check = _tally(ok)
    kinds = Counter(r.get("error_kind") or "unknown" for r in rows if r["status"] not in ("ok", NOTHING))
    formats = Counter(r.get("format") for r in ok)
    return {
        "tool": {"name": "auditlint", "version": version},
        "config_key": config_key,
        "reports": {
            "total": len(rows), "ok": len(ok), "error": len(rows) - len(ok) - len(nothing),
            "nothing_to_check": len(nothing),
            "by_error_kind": dict(sorted(kinds.items())),
            "by_format": dict(sorted((k or "unknown", v) for k, v in formats.items())),
            "with_findings": sum(1 for r in ok if r.get("findings")),
            "duplicate_paths": sum(len(r.get("duplicates") or ()) for r in rows),
        },
        "findings": {
            "total": sum(len(r.get("findings") or ()) for r in ok),
            "by_severity": {s: severities.get(s, 0) for s in SEVERITIES},
            "by_check": sorted(by_check.values(), key=lambda e: (-e["findings"], e["check_id"])),
        },
        "pages": sum(r.get("pages") or 0 for r in ok),
        "top_reports": [{"path": r["path"], "risk": r.get("risk"), **(r.get("counts") or {})}
                        for r in by_risk(ok)[:20] if r.get("findings")],
    }


_TEXT = {
    "zh": {"title": "auditlint 批量审核", "reports": "报告", "ok": "已审核", "failed": "无法审核", "findings": "问题",
           "checks": "最常见的检查项", "ranked": "按风险排序的报告", "errors_title": "无法审核的报告",
           "nothing_title": "没有可核对内容的报告（未找到预算表、评分表或正文数字，不等于没有问题）",
           "check": "检查项", "name": "名称", "summary": "说明", "count": "问题数", "in_reports": "涉及报告", "path": "文件", "risk": "风险",
           "error": "错误", "warning": "警告", "info": "提示", "score": "自评总分", "pages": "页数",
           "reason": "原因", "kind": "类型", "none": "没有发现问题。",
           "kinds": {"read": "无法读取", "timeout": "超时", "memory": "内存超限", "crash": "进程崩溃",
                     "internal": "内部错误"}},
    "en": {"title": "auditlint batch audit", "reports": "reports", "ok": "checked", "failed": "could not be checked",
           "findings": "findings", "checks": "Most frequent checks", "ranked": "Reports ranked by risk",
           "errors_title": "Reports that could not be checked",
           "nothing_title": "Reports with nothing to check (no budget or scoring table, no figures: not the same as clean)", "check": "check", "name": "name", "summary": "summary", "count": "findings",
           "in_reports": "reports", "path": "file", "risk": "risk", "error": "errors", "warning": "warnings",
           "info": "infos", "score": "stated total score", "pages": "pages", "reason": "reason", "kind": "kind",
           "none": "No findings.",
           "kinds": {"read": "cannot be read", "timeout": "time limit", "memory": "memory limit",
                     "crash": "worker crashed", "internal": "internal error"}},
}

_CSS = """body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em}
.stats{display:flex;gap:1em;flex-wrap:wrap}.stat{border:1px solid #ccc;border-radius:6px;padding:.6em 1em}
.stat b{display:block;font-size:1.4em}table{border-collapse:collapse;margin-top:.5em}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f4f4f4}
td.n{text-align:right;font-variant-numeric:tabular-nums}.error{color:#b00020}.warning{color:#a15c00}
.muted{color:#777}"""


def _count(n: int, cls: str) -> str:
    return f'<td class="n {cls}">{n}</td>' if n else '<td class="n muted">0</td>'


def index_html(rows: list[dict[str, Any]], summ: dict[str, Any], lang: str,
               titles: dict[str, str] | None = None) -> str:
    """The overview page; ``titles``: check ID → its one-line summary in ``lang``."""
    t = _TEXT["en" if lang == "en" else "zh"]
    titles = titles or {}
    rep, fnd = summ["reports"], summ["findings"]
    out = [f'<!DOCTYPE html><html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">',
           f"<title>{t['title']}</title><style>{_CSS}</style></head><body>", f"<h1>{t['title']}</h1>",
           '<div class="stats">']
    for label, value in ((t["reports"], rep["total"]), (t["ok"], rep["ok"]), (t["failed"], rep["error"]),
                         (t["findings"], fnd["total"]), (t["error"], fnd["by_severity"]["error"]),
                         (t["warning"], fnd["by_severity"]["warning"]), (t["info"], fnd["by_severity"]["info"])):
        out.append(f'<div class="stat"><b>{value}</b>{escape(label)}</div>')
    out.append("</div>")
    out.append(f"<h2>{t['checks']}</h2>")
    if fnd["by_check"]:
        out.append(f"<table><tr><th>{t['check']}</th><th>{t['name']}</th><th>{t['summary']}</th><th>{t['count']}</th>"
                   f"<th>{t['in_reports']}</th></tr>")
        for c in fnd["by_check"]:
            out.append(f"<tr><td>{escape(c['check_id'])}</td><td>{escape(c.get('name') or '')}</td>"
                       f"<td>{escape(titles.get(c['check_id'], ''))}</td>"
                       f'<td class="n">{c["findings"]}</td><td class="n">{c["reports"]}</td></tr>')
        out.append("</table>")
    else:
        out.append(f"<p>{t['none']}</p>")
    ok = [r for r in by_risk(rows) if r["status"] == "ok"]
    out.append(f"<h2>{t['ranked']}</h2>")
    out.append(f"<table><tr><th>#</th><th>{t['path']}</th><th>{t['risk']}</th><th>{t['error']}</th>"
               f"<th>{t['warning']}</th><th>{t['info']}</th><th>{t['score']}</th><th>{t['pages']}</th></tr>")
    for i, r in enumerate(ok, 1):
        c = r.get("counts") or {}
        name = escape(r["path"])
        if r.get("page_written"):
            name = f'<a href="{escape(page_name(r["sha256"]))}">{name}</a>'
        out.append(f'<tr><td class="n">{i}</td><td>{name}</td><td class="n">{r.get("risk", 0):.1f}</td>'
                   f'{_count(c.get("error", 0), "error")}{_count(c.get("warning", 0), "warning")}'
                   f'{_count(c.get("info", 0), "")}<td>{escape(str(r.get("stated_total_score") or ""))}</td>'
                   f'<td class="n">{r.get("pages") or ""}</td></tr>')
    out.append("</table>")
    empty = [r for r in rows if r["status"] == NOTHING]
    if empty:
        out.append(f"<h2>{t['nothing_title']}</h2><ul>")
        out.extend(f"<li>{escape(r['path'])}</li>" for r in empty)
        out.append("</ul>")
    failed = [r for r in rows if r["status"] not in ("ok", NOTHING)]
    if failed:
        from auditlint.i18n.errors import translate  # 70 patterns: compiled only when a report failed

        out.append(f"<h2>{t['errors_title']}</h2><table><tr><th>{t['path']}</th><th>{t['kind']}</th>"
                   f"<th>{t['reason']}</th></tr>")
        for r in failed:
            kind = r.get("error_kind") or ""
            reason = translate(r.get("error") or "", lang)
            out.append(f"<tr><td>{escape(r['path'])}</td><td>{escape(t['kinds'].get(kind, kind))}</td>"
                       f"<td>{escape(reason)}</td></tr>")
        out.append("</table>")
    out.append(f'<p class="muted">auditlint {escape(summ["tool"]["version"])}</p></body></html>')
    return "\n".join(out) + "\n"


def write_all(outdir: Path, rows: list[dict[str, Any]], lang: str, config_key: str, version: str,
              titles: dict[str, str] | None = None) -> dict[str, Any]:
    """Every output but SARIF; summary.json last, so that its presence means the
    rest of this run's outputs are in place."""
    rows = sorted(rows, key=lambda r: r["path"])
    findings_csv, finding_lines = finding_texts(rows, lang)
    write_parquet(outdir / "findings.parquet", finding_lines)
    atomic_write(outdir / "findings.csv", findings_csv)
    atomic_write(outdir / "reports.csv", csv_text(REPORT_COLUMNS, report_rows(rows)))
    summ = summary(rows, config_key, version)
    atomic_write(outdir / "index.html", index_html(rows, summ, lang, titles))
    atomic_write(outdir / "summary.json", json.dumps(summ, ensure_ascii=False, indent=2) + "\n")
    return summ


def write_sarif(path: Path, rows: list[dict[str, Any]], checks: list, lang: str) -> None:
    """One SARIF log for the whole batch (auditlint.report.sarif, imported here)."""
    from auditlint.batch.worker import file_result_from
    from auditlint.report.sarif import sarif_log

    results = [file_result_from(r) for r in sorted(rows, key=lambda r: r["path"])]
    log = sarif_log(results, checks, lang=lang, root=None)
    atomic_write(path, json.dumps(log, ensure_ascii=False, indent=2) + "\n")
