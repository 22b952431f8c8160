"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=PATH,line=L,col=C,title=ID name::message`` (``warning`` for
warnings, ``notice`` for infos). Lines and columns follow ``--format concise``
(the line within a PDF's page, 1 for DOCX/HTML, the place leading the message).
Values are escaped as the Actions runner unescapes them: ``%``, CR and LF
everywhere, and ``:`` and ``,`` in properties too.
"""

from __future__ import annotations

from auditlint.findings import Severity
from auditlint.report.concise import by_place, line_col, message_with_place

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(results: list, lang: str = "zh") -> str:
    out = []
    for path, f in by_place(results):
        line, col = line_col(f.location)
        props = ",".join(f"{k}={escape_property(str(v))}" for k, v in
                         (("file", path), ("line", line), ("col", col), ("title", f"{f.check_id} {f.name}".strip())))
        command = COMMAND[f.severity or Severity.WARNING]
        out.append(f"::{command} {props}::{escape_data(message_with_place(f, lang))}")
    for r in results:
        if r.error:
            out.append(f"::error file={escape_property(r.path)},title=auditlint::{escape_data(r.error)}")
    return "".join(f"{x}\n" for x in out)
