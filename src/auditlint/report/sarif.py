"""SARIF 2.1.0 (``--format sarif``): one run, every enabled rule, results by rank.

Decisions worth knowing (docs/output.md has the reasons at length):

- Every ``artifactLocation`` names a ``uriBaseId``. A file under ``root`` (the
  working directory) is relative to ``%SRCROOT%``, whose ``originalUriBaseIds``
  entry has no ``uri``: the consumer (GitHub, a viewer) supplies the checkout, and
  the log stays the same bytes on every machine. A file elsewhere is relative to its
  folder, given as an absolute ``file://`` base (``DIR1``, ``DIR2``… in order of
  first use). Non-ASCII names are percent-encoded as RFC 3986 wants.
- Every result has a region. Text findings: ``startLine/startColumn``. A PDF's line
  counts within its page, a DOCX/HTML cell has no line: their region carries the
  finding's snippet (``startLine`` is the line on the page, or 1 where the format has
  no lines, because GitHub and the Multitool refuse a region without it), and page,
  table, row and column go to ``logicalLocations``, to the message text and to the
  location's ``properties``. A workbook's cell is named as Excel names it,
  ``Sheet1!D12``, in ``logicalLocations`` and the message; its region is the
  snippet (a line of an .xlsx means nothing to a viewer).
- ``partialFingerprints["auditlint/v1"]`` is auditlint's format-independent
  fingerprint, so GitHub does not compute its own line hash.
- ``helpUri`` is absolute (the schema says ``format: uri`` and the spec wants an
  absolute URI): the rule's page under ``docs/rules/`` in the repository.
- No timestamps, fixed key order: the same input gives the same bytes.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from auditlint import __version__
from auditlint.engine.registry import CheckSpec
from auditlint.findings import Finding, Severity
from auditlint.model import Location
from auditlint.report.rule_docs import INFORMATION_URI, rule_url
from auditlint.report.wording import arithmetic, explanation_parts, position, sheet_ref, sorted_findings

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "auditlint/v1"
SRCROOT = "%SRCROOT%"


def artifact_uri(path: str, root: Path | None = None) -> str:
    """``path`` relative to ``root`` as a URI reference: forward slashes, non-ASCII
    and reserved characters percent-encoded ("报告.txt" → "%E6%8A%A5%E5%91%8A.txt")."""
    # abspath, not resolve: a folder reached through a symlink keeps the name the user gave it
    base = os.path.abspath(root or Path.cwd())
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive on Windows: keep it absolute
        return Path(full).as_uri()
    return quote(Path(rel).as_posix(), safe="/")


class UriBases:
    """The base each artifact is relative to, and the ``originalUriBaseIds`` they make."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = os.path.abspath(root or Path.cwd())
        self.folders: dict[str, str] = {}  # absolute folder → its base id

    def locate(self, path: str) -> dict:
        """``{"uri": …, "uriBaseId": …}`` for ``path``."""
        full = os.path.abspath(path)
        if _same_drive(full, self.root) and os.path.commonpath([full, self.root]) == self.root:
            return {"uri": artifact_uri(full, Path(self.root)), "uriBaseId": SRCROOT}
        folder = os.path.dirname(full)
        base = self.folders.setdefault(folder, f"DIR{len(self.folders) + 1}")
        return {"uri": quote(os.path.basename(full)), "uriBaseId": base}

    def original(self) -> dict:
        out: dict = {SRCROOT: {"description": {"text": "The folder auditlint ran in; paths under it are relative to it."}}}
        for folder, base in self.folders.items():
            out[base] = {"uri": Path(folder).as_uri().rstrip("/") + "/"}
        return out


def _same_drive(a: str, b: str) -> bool:
    return os.path.splitdrive(a)[0].lower() == os.path.splitdrive(b)[0].lower()


def rule_descriptor(spec: CheckSpec, lang: str = "zh") -> dict:
    text = spec.explanation.get(lang) or spec.explanation.get("en") or spec.summary(lang)
    parts = explanation_parts(text, lang)
    examples_text = "\n".join(f"{kind}: {ex}" for kind, ex in parts.examples)
    examples_md = "\n".join(f"- **{kind}**: {ex}" for kind, ex in parts.examples)
    desc: dict = {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": spec.summary(lang)},
        "fullDescription": {"text": parts.body or spec.summary(lang)},
        "defaultConfiguration": {"level": LEVEL[spec.severity]},
        "help": {
            "text": "\n".join(x for x in (parts.body, examples_text, f"auditlint explain {spec.id}") if x),
            "markdown": "\n\n".join(x for x in (parts.body, examples_md, f"`auditlint explain {spec.id}`") if x),
        },
        "properties": {"tags": ["auditlint", spec.family], "source": spec.source},
    }
    if spec.source == "builtin":  # plugin checks have no page in this repository
        desc["helpUri"] = rule_url(spec.id)
    return desc


def _location_properties(loc: Location) -> dict:
    return {k: v for k, v in (("page", loc.page), ("table", loc.table), ("row", loc.row), ("col", loc.col),
                              ("paragraph", loc.paragraph), ("sheet", loc.sheet), ("cell", loc.cell))
            if v is not None}


def _logical(loc: Location) -> list[dict]:
    if loc.sheet is not None:
        # a workbook's place as Excel names it, ``Sheet1!D12``: a viewer shows that, not a line
        if loc.cell is None:
            return [{"name": loc.sheet, "fullyQualifiedName": sheet_ref(loc), "kind": "resource"}]
        return [{"name": loc.cell, "fullyQualifiedName": sheet_ref(loc), "kind": "element"}]
    parts = [f"{k} {v}" for k, v in _location_properties(loc).items()]
    if not parts:
        return []
    kind = "element" if loc.table is not None else "text"
    name = " ".join(parts[-2:]) if loc.table is not None and loc.row is not None else parts[-1]
    return [{"name": name, "fullyQualifiedName": "/".join(parts), "kind": kind}]


def region(loc: Location, snippet: str = "") -> dict:
    """What a viewer shows: the line and column of text; the line on a PDF's page; the
    snippet, at line 1, where the format has no lines (DOCX, HTML)."""
    out: dict = {"startLine": loc.line if loc.line is not None else 1}
    if loc.line is not None and loc.column is not None:
        out["startColumn"] = loc.column
    if snippet:
        out["snippet"] = {"text": snippet}
    return out


def sarif_location(loc: Location, path: str, root: Path | None | UriBases, message: str | None = None,
                   snippet: str = "") -> dict:
    bases = root if isinstance(root, UriBases) else UriBases(root)
    physical: dict = {"artifactLocation": bases.locate(path)}
    physical["region"] = region(loc, snippet)
    out: dict = {"physicalLocation": physical}
    logical = _logical(loc)
    if logical:
        out["logicalLocations"] = logical
    if message:
        out["message"] = {"text": message}
    props = _location_properties(loc)
    if props:
        out["properties"] = props
    return out


def result_text(f: Finding, lang: str) -> str:
    """The message, led by the place when a line alone does not say it (page, table, cell)."""
    text = f.message(lang)
    loc = f.location
    if loc.page is not None or loc.table is not None or loc.line is None:
        place = position(loc, lang)
        if place:
            text = f"{place}{'：' if lang != 'en' else ': '}{text}"
    if f.evidence is not None:
        text += "\n" + arithmetic(f.evidence, lang)
    return text


def sarif_result(path: str, f: Finding, rule_index: dict[str, int], lang: str, root: Path | None | UriBases) -> dict:
    bases = root if isinstance(root, UriBases) else UriBases(root)
    result: dict = {"ruleId": f.check_id}
    if f.check_id in rule_index:
        result["ruleIndex"] = rule_index[f.check_id]
    result["level"] = LEVEL[f.severity or Severity.WARNING]
    result["message"] = {"text": result_text(f, lang)}
    result["locations"] = [sarif_location(f.location, path, bases, snippet=f.snippet or f.message(lang))]
    if f.related:
        result["relatedLocations"] = [
            {"id": i, **sarif_location(r.location, path, bases, r.snippet or position(r.location, lang), r.snippet)}
            for i, r in enumerate(f.related, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    result["rank"] = round(min(100.0, max(0.0, f.rank)), 1)
    props: dict = {"name": f.name, "confidence": round(f.confidence, 2), "materiality": round(f.materiality, 2)}
    if f.snippet:
        props["snippet"] = f.snippet
    if f.evidence is not None:
        props["evidence"] = f.evidence.to_dict(lang)
    result["properties"] = props
    return result


def sarif_log(results: list, checks: list[CheckSpec], lang: str = "zh", root: Path | None = None) -> dict:
    """The SARIF log of one run over ``results``; ``checks`` are the enabled rules."""
    specs = sorted(checks, key=lambda s: s.id)
    rule_index = {s.id: i for i, s in enumerate(specs)}
    bases = UriBases(root)
    notifications = [
        {"level": "error", "message": {"text": r.error},
         "locations": [{"physicalLocation": {"artifactLocation": bases.locate(r.path)}}]}
        for r in results if r.error
    ]
    invocation: dict = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    # what each file's run read (tables read and left alone, numbers checked)
    artifacts = [{"location": bases.locate(r.path), "properties": {"coverage": r.coverage.to_dict()}}
                 for r in results if getattr(r, "coverage", None) is not None]
    found = [sarif_result(p, f, rule_index, lang, bases) for p, f in sorted_findings(results)]
    run = {
        "tool": {
            "driver": {
                "name": "auditlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(s, lang) for s in specs],
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": bases.original(),
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": found,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
