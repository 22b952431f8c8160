"""``--format junit``: JUnit XML, as CI test panels read it.

One ``<testsuite>`` per file, one ``<testcase>`` per enabled check (``classname`` the
file, ``name`` the check ID and name). A check with findings in the file fails: one
``<failure>`` whose ``message`` is the first finding and whose text lists them all,
one ``path:line:col: ID message`` line each (as ``--format concise``). A file that
cannot be read is one testcase with an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from auditlint.findings import Severity
from auditlint.report.concise import line_col, message_with_place


def _finding_line(path: str, f, lang: str) -> str:
    line, col = line_col(f.location)
    return f"{path}:{line}:{col}: {f.check_id} {message_with_place(f, lang)}"


def _suite(result, checks: list, lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=result.path)
    failures = errors = 0
    if result.error:
        case = ET.SubElement(suite, "testcase", classname=result.path, name="read")
        ET.SubElement(case, "error", message=result.error, type="ReadError").text = result.error
        errors += 1
    else:
        by_check: dict[str, list] = {}
        for f in result.findings:
            by_check.setdefault(f.check_id, []).append(f)
        ids = sorted({s.id for s in checks} | set(by_check))
        names = {s.id: s.name for s in checks}
        for check_id in ids:
            case = ET.SubElement(suite, "testcase", classname=result.path,
                                 name=f"{check_id} {names.get(check_id, '')}".strip())
            found = sorted(by_check.get(check_id, []), key=lambda f: f.rank, reverse=True)
            if found:
                failures += 1
                worst = found[0].severity or Severity.WARNING
                failure = ET.SubElement(case, "failure", message=message_with_place(found[0], lang), type=worst.value)
                failure.text = "\n".join(_finding_line(result.path, f, lang) for f in found)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return suite


def to_junit(results: list, checks: list, lang: str = "zh") -> str:
    root = ET.Element("testsuites", name="auditlint")
    for r in results:
        root.append(_suite(r, checks, lang))
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
