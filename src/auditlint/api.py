"""The Python API: ``auditlint.lint`` and ``auditlint.lint_many`` (docs/api.md).

What is exported from ``auditlint`` (``lint``, ``lint_many``, ``Report``, ``Finding``,
``Evidence``, ``Related``, ``Location``, ``Severity``, ``Coverage``) is the public
API; every other module is private and may change. Settings files are not read:
what runs is what the arguments say.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from auditlint.findings import Finding, Severity

if TYPE_CHECKING:
    from auditlint.engine.run import FileResult, RunOptions
    from auditlint.extract.coverage import Coverage

Source = str | os.PathLike[str] | bytes
IDs = str | Iterable[str] | None


@dataclass(frozen=True)
class Report:
    """One file's result: its findings, most serious first; what was read of it
    (``coverage``); or why it could not be checked (``error``)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    coverage: Coverage | None = None
    error: str | None = None
    format: str | None = None  # "pdf", "docx", "html", "text"
    pages: int | None = None

    @property
    def ok(self) -> bool:
        """Read and checked, with no finding."""
        return self.error is None and not self.findings

    def count(self, severity: Severity | str) -> int:
        wanted = Severity.parse(severity)
        return sum(1 for f in self.findings if f.severity == wanted)


def _ids(value: IDs) -> frozenset[str] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else value
    return frozenset(i.strip().upper() for i in items if i.strip())


def _options(select: IDs, ignore: IDs, lang: str) -> RunOptions:
    from auditlint.engine.config import ConfigError
    from auditlint.engine.registry import all_checks
    from auditlint.engine.run import RunOptions

    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    options = RunOptions(select=_ids(select), ignore=_ids(ignore) or frozenset(), lang=lang)
    options.enabled()  # loads installed plugins, so their IDs are known
    known = {s.id for s in all_checks()}
    for ids in (options.select or frozenset(), options.ignore):
        unknown = sorted(i for i in ids if not any(k.startswith(i) for k in known))
        if unknown:
            raise ValueError(str(ConfigError(f"unknown check ID {', '.join(unknown)}")))
    return options


def _report(result: FileResult) -> Report:
    return Report(result.path, list(result.findings), result.coverage, result.error, result.format, result.pages)


def lint(source: Source, *, select: IDs = None, ignore: IDs = None, lang: str = "zh",
         filename: str | None = None) -> Report:
    """Check one report: a path, or its bytes (``filename`` names it in the findings;
    the format is taken from the content either way).

    ``select``/``ignore``: check IDs or prefixes (``"AL1,AL302"`` or ``["AL1"]``).
    A file that cannot be read gives a Report with ``error`` set, never an exception;
    an unknown check ID or language raises ValueError."""
    from auditlint.engine.run import lint_file

    options = _options(select, ignore, lang)
    if isinstance(source, bytes):
        shown = filename or "<bytes>"
        with tempfile.TemporaryDirectory(prefix="auditlint-") as tmp:
            path = Path(tmp) / (Path(filename).name if filename else "report")
            path.write_bytes(source)
            return _report(lint_file(path, options, display_path=shown))
    return _report(lint_file(source, options, display_path=filename))


def _lint_one(args: tuple[str, IDs, IDs, str]) -> Report:
    path, select, ignore, lang = args
    return lint(path, select=select, ignore=ignore, lang=lang)


def lint_many(paths: Sequence[str | os.PathLike[str]], *, jobs: int = 1, select: IDs = None, ignore: IDs = None,
              lang: str = "zh") -> list[Report]:
    """Check many reports, in the order given; ``jobs`` > 1 uses that many processes."""
    _options(select, ignore, lang)  # a bad argument fails here, once, not in every worker
    sel = None if select is None else sorted(_ids(select) or ())
    ign = None if ignore is None else sorted(_ids(ignore) or ())
    work = [(os.fspath(p), sel, ign, lang) for p in paths]
    if jobs <= 1 or len(work) <= 1:
        return [_lint_one(w) for w in work]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_lint_one, work))
