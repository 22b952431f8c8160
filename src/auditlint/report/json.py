"""The JSON document (``--format json``): every file, its findings by rank, a summary.

Byte-identical run to run: no timestamps, keys in a fixed order, paths as given.
"""

from __future__ import annotations

import json
from collections import Counter

from auditlint import __version__
from auditlint.rank import report_risk


def json_document(results: list, lang: str = "zh", hidden: int = 0) -> dict:
    counts: Counter[str] = Counter()
    by_check: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            counts[f.severity.value if f.severity else "none"] += 1
            by_check[f.check_id] += 1
    return {
        "tool": {"name": "auditlint", "version": __version__},
        "files": [
            {
                "path": r.path,
                "format": r.format,
                "risk": report_risk(r.findings),
                "findings": [{**f.to_dict(lang), "materiality": round(f.materiality, 2)} for f in r.findings],
                "error": r.error,
                "coverage": r.coverage.to_dict() if getattr(r, "coverage", None) is not None else None,
            }
            for r in results
        ],
        "summary": {
            "files": len(results),
            "files_with_errors": sum(1 for r in results if r.error),
            "findings": sum(len(r.findings) for r in results),
            "by_severity": {k: counts.get(k, 0) for k in ("error", "warning", "info")},
            "by_check": dict(sorted(by_check.items())),
            "baselined": hidden,
        },
    }


def dumps(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
