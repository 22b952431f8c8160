"""Baselines: accept today's findings, report only new ones after each edit.

A baseline is a JSON file of fingerprints. Fingerprints are built from check IDs,
row and column labels and stated values, never from line or page numbers, so an
accepted finding stays accepted when lines move, when the file is renamed, or when
the .docx becomes a PDF; it comes back when its stated number changes.

Matching counts: a fingerprint recorded once hides one finding. Findings in the
file the baseline recorded them for are matched first, so one accepted mistake
cannot hide the same mistake in another report checked in the same run.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditlint.engine.run import FileResult

FORMAT = "auditlint-baseline"
VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; one line naming the file."""


@dataclass
class Baseline:
    # (path as recorded, fingerprint) -> how many findings it accepts
    by_path: Counter[tuple[str, str]] = field(default_factory=Counter)

    def __len__(self) -> int:
        return sum(self.by_path.values())

    def apply(self, results: list[FileResult]) -> int:
        """Drop baselined findings from ``results`` (in place); the number dropped."""
        left = Counter(self.by_path)
        paths_of: dict[str, list[tuple[str, str]]] = {}
        for key in sorted(left):
            paths_of.setdefault(key[1], []).append(key)
        keep: dict[int, list[bool]] = {i: [True] * len(r.findings) for i, r in enumerate(results)}
        # same file first, then any file (renamed, or converted to another format)
        for same_path in (True, False):
            for i, r in enumerate(results):
                for j, f in enumerate(r.findings):
                    if not keep[i][j]:
                        continue
                    key = _take(left, paths_of, r.path, f.fingerprint, same_path)
                    if key is not None:
                        left[key] -= 1
                        keep[i][j] = False
        hidden = 0
        for i, r in enumerate(results):
            hidden += keep[i].count(False)
            r.findings = [f for f, k in zip(r.findings, keep[i]) if k]
        return hidden


def _take(left: Counter[tuple[str, str]], paths_of: dict[str, list[tuple[str, str]]], path: str,
          fingerprint: str, same_path: bool) -> tuple[str, str] | None:
    if same_path:
        key = (_norm(path), fingerprint)
        return key if left[key] > 0 else None
    return next((key for key in paths_of.get(fingerprint, []) if left[key] > 0), None)


def _norm(path: str) -> str:
    return Path(path).as_posix()


def baseline_document(results: list[FileResult], lang: str = "zh") -> dict:
    entries = [
        {"path": _norm(r.path), "check_id": f.check_id, "fingerprint": f.fingerprint, "message": f.message(lang)}
        for r in results
        for f in r.findings
    ]
    entries.sort(key=lambda e: (e["path"], e["check_id"], e["fingerprint"]))
    return {"format": FORMAT, "version": VERSION, "findings": entries}


def write_baseline(path: str | Path, results: list[FileResult], lang: str = "zh") -> int:
    doc = baseline_document(results, lang)
    try:
        Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline ({exc.strerror or exc})") from None
    return len(doc["findings"])


def load_baseline(path: str | Path) -> Baseline:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BaselineError(f"{path}: not an auditlint baseline (write one with --write-baseline)")
    if doc.get("version") != VERSION:
        raise BaselineError(f"{path}: baseline version {doc.get('version')!r} is not supported (expected {VERSION})")
    baseline = Baseline()
    for entry in doc.get("findings", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: every finding needs a fingerprint")
        baseline.by_path[(str(entry.get("path", "")), entry["fingerprint"])] += 1
    return baseline
