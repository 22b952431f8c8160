"""SARIF 2.1.0 (``--format sarif``): one run, every enabled rule, results by rank.

Decisions worth knowing (docs/output.md has the reasons at length):

- ``artifactLocation.uri`` is relative to ``root`` (the working directory), with
  non-ASCII names percent-encoded as RFC 3986 wants; no ``uriBaseId`` (an undefined
  base would have to be an absolute path, which would make logs differ per machine).
- Text findings get ``region.startLine/startColumn``. PDF/DOCX/HTML findings carry
  page, table, row and column in the location's ``properties`` and as a
  ``logicalLocation``; they get a region only when the reader gave a line. A made-up
  line 1 would satisfy GitHub's wish for ``startLine`` but point at nothing.
- ``partialFingerprints["auditlint/v1"]`` is auditlint's format-independent
  fingerprint, so GitHub does not compute its own line hash.
- ``helpUri`` is absolute (the schema says ``format: uri`` and the spec wants an
  absolute URI): the rule's page under ``docs/rules/`` in the repository.
- No timestamps, no absolute paths, fixed key order: the same input gives the same bytes.
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
from auditlint.report.wording import arithmetic, explanation_parts, position, sorted_findings

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "auditlint/v1"


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
                              ("paragraph", loc.paragraph)) if v is not None}


def _logical(loc: Location) -> list[dict]:
    parts = [f"{k} {v}" for k, v in _location_properties(loc).items()]
    if not parts or (loc.table is None and loc.paragraph is None):
        return []
    kind = "element" if loc.table is not None else "text"
    return [{"name": parts[-1] if loc.table is None else " ".join(parts[-2:]),
             "fullyQualifiedName": "/".join(parts), "kind": kind}]


def sarif_location(loc: Location, path: str, root: Path | None, message: str | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path, root)}}
    if loc.line is not None:
        region: dict = {"startLine": loc.line}
        if loc.column is not None:
            region["startColumn"] = loc.column
        physical["region"] = region
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


def sarif_result(path: str, f: Finding, rule_index: dict[str, int], lang: str, root: Path | None) -> dict:
    result: dict = {"ruleId": f.check_id}
    if f.check_id in rule_index:
        result["ruleIndex"] = rule_index[f.check_id]
    result["level"] = LEVEL[f.severity or Severity.WARNING]
    text = f.message(lang)
    if f.evidence is not None:
        text += "\n" + arithmetic(f.evidence, lang)
    result["message"] = {"text": text}
    result["locations"] = [sarif_location(f.location, path, root)]
    if f.related:
        result["relatedLocations"] = [
            {"id": i, **sarif_location(r.location, path, root, r.snippet or position(r.location, lang))}
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
    notifications = [
        {"level": "error", "message": {"text": r.error},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path, root)}}}]}
        for r in results if r.error
    ]
    invocation: dict = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
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
        # what each file's run read (tables read and left alone, numbers checked)
        "artifacts": [
            {"location": {"uri": artifact_uri(r.path, root)},
             "properties": {"coverage": r.coverage.to_dict()}}
            for r in results if getattr(r, "coverage", None) is not None
        ],
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(p, f, rule_index, lang, root) for p, f in sorted_findings(results)],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
