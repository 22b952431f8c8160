"""``--format gitlab``: GitLab Code Quality JSON (a list of issues).

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location.path``/``location.lines.begin``. GitLab matches issues across runs by
``fingerprint`` and wants it unique in a report, so it is auditlint's own
fingerprint (independent of line and format) hashed with the path: the same
finding in two files gives two issues. Severity: error → major, warning → minor,
info → info. Lines follow ``--format concise``.
"""

from __future__ import annotations

import hashlib

from auditlint.findings import Severity
from auditlint.report.concise import by_place, line_col, message_with_place

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue_fingerprint(path: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{path}\x1f{fingerprint}".encode()).hexdigest()[:32]


def code_quality(results: list, lang: str = "zh") -> list[dict]:
    issues = []
    for path, f in by_place(results):
        line, _ = line_col(f.location)
        issues.append({
            "description": f"{f.check_id} {message_with_place(f, lang)}",
            "check_name": f.check_id,
            "fingerprint": issue_fingerprint(path, f.fingerprint),
            "severity": SEVERITY[f.severity or Severity.WARNING],
            "location": {"path": path, "lines": {"begin": line}},
        })
    return issues
