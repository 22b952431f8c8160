"""Run the pipeline on one file: reader → Document → Facts → checks → findings."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from auditlint.engine import registry
from auditlint.findings import Finding, Severity
from auditlint.model import Document, Location
from auditlint.numbers import DEFAULT_TOLERANCE, TOLERANCE, Tolerance
from auditlint.rank import rank_of, sort_key

if TYPE_CHECKING:
    from auditlint.extract.coverage import Coverage
    from auditlint.extract.facts import Facts


@dataclass
class RunOptions:
    """What to run and how. Built from the command line and the config file."""

    select: frozenset[str] | None = None  # None: every check
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)  # per-check (or prefix) override
    lang: str = "zh"
    checks_dirs: tuple[str, ...] = ()
    plugins: bool = True
    tolerance: Tolerance = DEFAULT_TOLERANCE
    vocabulary: tuple[str, ...] = ()  # vocabulary extension files (auditlint.vocab)
    # read the report's stated total score (batch's reports table); `check` shows none,
    # and reading it would parse the scoring tables for a run that selected no scoring check
    stated_score: bool = True
    # keep each file's Document on its FileResult (the HTML report shows the
    # table or paragraph around a finding); off by default to spare memory in batches
    keep_document: bool = False

    def enabled(self) -> list[registry.CheckSpec]:
        if self.plugins:
            registry.load_entry_points()
        for d in self.checks_dirs:
            registry.load_directory(d)
        specs = registry.all_checks()
        out = []
        for s in specs:
            if self.select is not None and not _matches(s.id, self.select):
                continue
            if _matches(s.id, self.ignore):
                continue
            out.append(s)
        return out

    def severity_for(self, check_id: str) -> Severity | None:
        """The configured severity of a check; the longest matching ID or prefix wins
        ("AL3" = warning, "AL302" = error)."""
        keys = [k for k in self.severity if check_id.startswith(k)]
        return self.severity[max(keys, key=len)] if keys else None


def _matches(check_id: str, patterns: frozenset[str]) -> bool:
    # "AL1" selects the whole arithmetic family, as prefixes do in ruff
    return any(check_id.startswith(p) for p in patterns)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    format: str | None = None
    pages: int | None = None
    seconds: float = 0.0
    stated_total_score: str | None = None
    document: Document | None = None  # when RunOptions.keep_document
    # checks that failed on this file (a bug of ours, not of the report): their findings are
    # missing, so the run is incomplete; one line each for the user
    problems: list[str] = field(default_factory=list)
    coverage: Coverage | None = None  # what the run read of the file, and what it left alone

    @property
    def nothing_to_check(self) -> bool:
        """Read, but nothing checkable in it (no table, no figure): not "no problems"."""
        return self.error is None and self.coverage is not None and self.coverage.nothing_to_check


@dataclass
class Linted:
    """What linting one Document gives: its findings, report-level facts and problems."""

    findings: list[Finding]
    stated_total_score: str | None = None
    problems: list[str] = field(default_factory=list)
    coverage: Coverage | None = None


class AnalysisError(Exception):
    """Extraction failed on a document: an internal error, reported as one line."""


def lint_document(doc: Document, options: RunOptions | None = None) -> list[Finding]:
    return analyse(doc, options).findings


def analyse(doc: Document, options: RunOptions | None = None) -> Linted:
    """Extract the facts and run every enabled check. A check that raises is our bug,
    not the report's: its findings are dropped, the others kept, and the failure is
    recorded as a one-line problem."""
    from auditlint import vocab
    from auditlint.extract import extract
    from auditlint.extract.facts import ExtractionError

    options = options or RunOptions()
    vocab.use_extensions(options.vocabulary)
    try:
        facts = extract(doc)
    except MemoryError:
        raise  # the machine's limit, not our bug: the caller (batch's memory guard) words it
    except Exception as exc:  # never a traceback for the user
        raise AnalysisError(f"internal error while analysing the report ({_one_line(exc)}); please report it") from exc
    findings: list[Finding] = []
    problems: list[str] = []
    seen: set[str] = set()
    # checks are generators: the tolerance must be in force while they are iterated
    token = TOLERANCE.set(options.tolerance)
    try:
        for spec in options.enabled():
            try:
                findings.extend(_stamped(spec, facts, options, seen))
            except MemoryError:
                raise
            except ExtractionError as exc:
                cause = exc.__cause__ or exc
                raise AnalysisError(f"internal error while analysing the report ({_one_line(cause)}); please report it") from exc
            except Exception as exc:
                problems.append(f"check {spec.id} ({spec.name}) failed ({_one_line(exc)}); its findings are missing")
    finally:
        TOLERANCE.reset(token)
    findings = _without_deferred(findings, options.enabled())
    findings.sort(key=sort_key)
    from auditlint.extract.coverage import coverage_of

    return Linted(findings, stated_total_score(facts) if options.stated_score else None, problems, coverage_of(facts))


def _without_deferred(findings: list[Finding], specs: list[registry.CheckSpec]) -> list[Finding]:
    """Drop a finding whose check defers to another that reported the same place."""
    defers = {s.id: s.defer_to for s in specs if s.defer_to}
    if not defers:
        return findings
    where: dict[str, set[Location]] = {}
    for f in findings:
        where.setdefault(f.check_id, set()).add(f.location)
    return [f for f in findings
            if not any(f.location in where.get(other, ()) for other in defers.get(f.check_id, ()))]


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".replace("\n", " ")[:200]


def stated_total_score(facts: Facts) -> str | None:
    """The report's total score as it states it: the narrative's claim, else the
    scoring table's total row (for batch tables; None when the report states none)."""
    from auditlint.extract.score_statements import TotalScore

    for claim in facts.score_statements:
        score = claim.score.quantity if isinstance(claim, TotalScore) else None
        if score is not None and score.is_number:
            return str(score.text).strip()
    for table in facts.scoring:
        total = table.total
        q = getattr(total, "score", None) if total is not None else None
        if q is not None and q.is_number:
            return str(q.text).strip()
    return None


def _stamped(spec: registry.CheckSpec, facts, options: RunOptions, seen: set[str]) -> list[Finding]:
    out = []
    for f in spec.func(facts):
        f.check_id = spec.id
        f.name = spec.name
        # the user's configured severity wins over a check's own downgrade
        f.severity = options.severity_for(spec.id) or f.severity or spec.severity
        f.rank = rank_of(f)
        f.fingerprint = f.compute_fingerprint()
        if f.fingerprint in seen:
            continue
        seen.add(f.fingerprint)
        out.append(f)
    return out


def lint_file(path: str | Path, options: RunOptions | None = None, display_path: str | None = None) -> FileResult:
    from auditlint.readers import ReadError, read

    shown = display_path or str(path)
    start = time.perf_counter()
    try:
        doc = read(path, shown)
    except ReadError as exc:
        return FileResult(shown, error=str(exc), seconds=time.perf_counter() - start)
    options = options or RunOptions()
    try:
        linted = analyse(doc, options)
    except AnalysisError as exc:
        return FileResult(shown, error=str(exc), format=doc.format, pages=doc.pages, seconds=time.perf_counter() - start)
    result = FileResult(shown, linted.findings, None, doc.format, doc.pages, time.perf_counter() - start,
                        linted.stated_total_score, problems=linted.problems, coverage=linted.coverage)
    if options.keep_document:
        result.document = doc
    return result
