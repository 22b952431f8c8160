"""Measure auditlint against a labelled corpus: precision and recall per check,
per family, per format and overall, with every miss and false alarm listed.

A label is hit by a finding of the same check that points at the same line or
states the same value (formats without line numbers match on the value). Each
finding hits at most one label; a finding that hits none is a false positive.
Labels of checks that are not in the registry are counted as "no check yet",
never dropped and never counted against recall.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("txt", "html", "docx", "pdf")
READER_OF = {"txt": "text", "html": "html", "docx": "docx", "pdf": "pdf"}

FAMILY_NAMES = {"1": "arithmetic", "2": "ratios", "3": "values", "4": "scoring", "5": "cross-reference",
                "6": "structure"}


def reader_available(fmt: str) -> bool:
    return importlib.util.find_spec(f"auditlint.readers.{READER_OF[fmt]}") is not None


def family_of(check_id: str) -> str:
    if check_id.startswith("AL") and len(check_id) == 5:
        return f"AL{check_id[2]}xx"
    return "other"


@dataclass
class Label:
    check: str
    line: int | None
    stated: str
    computed: str
    subject: str = ""
    optional: bool = False
    cell_line: int | None = None  # first line of the cell, when the number is on a later one
    also_lines: tuple[int, ...] = ()  # other lines a finding may point at (a target and its completion)
    also: tuple[str, ...] = ()  # other checks that may report it (a hand label on an ambiguous mistake)

    @property
    def lines(self) -> set[int]:
        return {x for x in (self.line, self.cell_line, *self.also_lines) if x is not None}

    def accepts(self, check_id: str) -> bool:
        return check_id == self.check or check_id in self.also


@dataclass
class Got:
    check: str
    line: int | None
    stated: str
    message: str


@dataclass
class Outcome:
    """One report in one format."""

    report: str
    fmt: str
    clean: bool
    hits: list[tuple[Label, Got]] = field(default_factory=list)
    misses: list[Label] = field(default_factory=list)
    no_check: list[Label] = field(default_factory=list)
    false_positives: list[Got] = field(default_factory=list)
    accepted: list[tuple[Label, Got]] = field(default_factory=list)  # optional labels found: not counted
    error: str | None = None


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    no_check: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Result:
    outcomes: list[Outcome]
    registered: set[str]
    skipped_formats: dict[str, int]

    def counts(self, key) -> dict[str, Counts]:  # noqa: ANN001 - key: (check_id, Outcome) -> str
        out: dict[str, Counts] = defaultdict(Counts)
        for o in self.outcomes:
            for label, _ in o.hits:
                out[key(label.check, o)].tp += 1
            for label in o.misses:
                out[key(label.check, o)].fn += 1
            for label in o.no_check:
                out[key(label.check, o)].no_check += 1
            for got in o.false_positives:
                out[key(got.check, o)].fp += 1
        return dict(sorted(out.items()))

    def by_check(self) -> dict[str, Counts]:
        return self.counts(lambda c, o: c)

    def by_family(self) -> dict[str, Counts]:
        return self.counts(lambda c, o: family_of(c))

    def by_format(self) -> dict[str, Counts]:
        return self.counts(lambda c, o: o.fmt if c in self.registered else "(no check yet)")

    def overall(self) -> Counts:
        total = Counts()
        for c in self.by_check().values():
            total.tp += c.tp
            total.fn += c.fn
            total.fp += c.fp
            total.no_check += c.no_check
        return total

    def clean_false_positives(self) -> list[tuple[Outcome, Got]]:
        return [(o, g) for o in self.outcomes if o.clean for g in o.false_positives]

    def gated_families(self) -> list[str]:
        return sorted({family_of(c) for c in self.registered})


_NUM = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")


def norm_value(text: str) -> str:
    """The number a stated value shows ("＝98.19%" → "98.19"), else the text."""
    t = (text or "").strip().replace("，", ",")
    m = _NUM.search(t)
    if not m:
        return t
    return m.group(0).replace(",", "").replace("−", "-")


def _same_value(a: str, b: str) -> bool:
    na, nb = norm_value(a), norm_value(b)
    if na == nb:
        return True
    try:
        return float(na) == float(nb)
    except ValueError:
        return bool(na and nb and (na in nb or nb in na))


def match(labels: list[Label], got: list[Got], use_lines: bool, registered: set[str], report: str, fmt: str,
          clean: bool) -> Outcome:
    out = Outcome(report, fmt, clean)
    free = list(got)
    # best matches first: line and value, then line only, then value only
    pending = [lb for lb in labels if any(c in registered for c in (lb.check, *lb.also))]
    out.no_check = [lb for lb in labels if lb not in pending]
    matched: dict[int, Got] = {}
    for rule in ("both", "line", "value"):
        for i, lb in enumerate(pending):
            if i in matched:
                continue
            for g in free:
                if not lb.accepts(g.check):
                    continue
                line_ok = use_lines and g.line in lb.lines
                value_ok = _same_value(g.stated, lb.stated)
                ok = {"both": line_ok and value_ok, "line": line_ok, "value": value_ok}[rule]
                if ok:
                    matched[i] = g
                    free.remove(g)
                    break
    for i, lb in enumerate(pending):
        if i in matched and lb.optional:
            out.accepted.append((lb, matched[i]))
        elif i in matched:
            out.hits.append((lb, matched[i]))
        elif not lb.optional:
            out.misses.append(lb)
    out.false_positives = free
    return out


def load_labels(path: Path) -> dict:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" (line {where.line + 1})" if where is not None else ""
        raise ValueError(f"{path}: not valid YAML{at}: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("reports"), dict):
        raise ValueError(f"{path}: a labels file needs a 'reports' mapping")
    return data


def _labels(entry: dict) -> list[Label]:
    return [Label(str(e["check"]), e.get("line"), str(e.get("stated", "")), str(e.get("computed", "")),
                  str(e.get("subject", "")), bool(e.get("optional", False)), e.get("cell_line"),
                  tuple(e.get("also_lines") or ()), tuple(e.get("also") or ()))
            for e in entry.get("expect") or []]


def evaluate(root: Path, reports_dir: Path | None = None, formats: tuple[str, ...] = FORMATS,
             progress=None) -> Result:  # noqa: ANN001 - progress: optional callable(str)
    from auditlint.engine.registry import all_checks
    from auditlint.engine.run import RunOptions, lint_file

    options = RunOptions(plugins=False)
    registered = {s.id for s in all_checks()}
    outcomes: list[Outcome] = []
    skipped: dict[str, int] = defaultdict(int)
    for labels_path in sorted(root.rglob("*labels.yaml")):
        data = load_labels(labels_path)
        base = reports_dir or labels_path.parent
        for name, entry in data["reports"].items():
            entry = entry or {}
            files = [base / entry["file"]] if entry.get("file") else [base / f"{name}.{f}" for f in formats]
            for path in files:
                if not path.exists():
                    continue
                fmt = path.suffix.lstrip(".").lower()
                fmt = "txt" if fmt in ("txt", "text") else fmt
                if fmt in READ_CHECK and not reader_available(fmt):
                    skipped[fmt] += 1
                    continue
                shown = f"{labels_path.parent.name}/{path.name}"
                if progress:
                    progress(shown)
                result = lint_file(path, options, display_path=shown)
                got = [Got(f.check_id, f.location.line, f.evidence.stated if f.evidence else "", f.message_zh)
                       for f in result.findings]
                outcome = match(_labels(entry), got, fmt == "txt", registered, shown, fmt,
                                clean=not entry.get("expect") and entry.get("mutation") is None)
                outcome.error = result.error
                outcomes.append(outcome)
    return Result(outcomes, registered, dict(skipped))


READ_CHECK = set(FORMATS)


# ---------------------------------------------------------------------------
# Printing


def _pct(x: float | None) -> str:
    return "  —  " if x is None else f"{x * 100:5.1f}%"


def _row(name: str, c: Counts, note: str = "") -> str:
    return (f"{name:<22}{c.tp + c.fn:>7}{c.tp:>6}{c.fn:>6}{c.fp:>5}{c.no_check:>9}  {_pct(c.precision)}  "
            f"{_pct(c.recall)}  {note}").rstrip()


def table(result: Result) -> str:
    head = f"{'':<22}{'labels':>7}{'hit':>6}{'miss':>6}{'FP':>5}{'no check':>9}  {'prec.':>6}  {'recall':>6}"
    lines = [f"auditlint eval: {len(result.outcomes)} report files"]
    if result.skipped_formats:
        lines.append("skipped (no reader yet): " + ", ".join(f"{k} ×{v}" for k, v in sorted(result.skipped_formats.items())))
    lines += ["", "per check", head]
    for cid, c in result.by_check().items():
        note = "" if cid in result.registered else "no check yet"
        lines.append(_row(cid, c, note))
    lines += ["", "per family", head]
    gated = set(result.gated_families())
    for fam, c in result.by_family().items():
        lines.append(_row(f"{fam} {FAMILY_NAMES.get(fam[2:3], '')}", c, "" if fam in gated else "no check yet"))
    lines += ["", "per format", head]
    for fmt, c in result.by_format().items():
        lines.append(_row(fmt, c))
    lines += ["", head, _row("overall", result.overall())]
    clean_fp = result.clean_false_positives()
    lines += ["", f"findings on clean reports (false positives): {len(clean_fp)}"]
    for o, g in clean_fp:
        lines.append(f"  {o.report}:{g.line or ''} {g.check} stated {g.stated!r}: {g.message}")
    fps = [(o, g) for o in result.outcomes if not o.clean for g in o.false_positives]
    lines += [f"unexpected findings on labelled reports (false positives): {len(fps)}"]
    for o, g in fps:
        lines.append(f"  {o.report}:{g.line or ''} {g.check} stated {g.stated!r}: {g.message}")
    misses = [(o, m) for o in result.outcomes for m in o.misses]
    lines += [f"misses (a planted mistake no check reported): {len(misses)}"]
    for o, m in misses:
        lines.append(f"  {o.report}:{m.line or ''} {m.check} {m.subject}: stated {m.stated}, should be {m.computed}")
    errors = [o for o in result.outcomes if o.error]
    if errors:
        lines += [f"unreadable: {len(errors)}"] + [f"  {o.report}: {o.error}" for o in errors]
    return "\n".join(lines) + "\n"


def gate_failures(result: Result, min_precision: float, min_recall: float) -> list[str]:
    """Why the corpus fails the gate: per gated family, and any finding on a clean report."""
    out = []
    fams = result.by_family()
    for fam in result.gated_families():
        c = fams.get(fam)
        if c is None:
            continue
        if c.precision is not None and c.precision < min_precision:
            out.append(f"{fam}: precision {_pct(c.precision).strip()} < {min_precision:.0%}")
        if c.recall is not None and c.recall < min_recall:
            out.append(f"{fam}: recall {_pct(c.recall).strip()} < {min_recall:.0%}")
    n = len(result.clean_false_positives())
    if n:
        out.append(f"{n} finding(s) on clean reports")
    return out


def markdown(result: Result) -> str:
    """The same figures as a Markdown table (for a CI job summary)."""
    rows = ["| | labels | hit | miss | FP | no check yet | precision | recall |", "|---|---:|---:|---:|---:|---:|---:|---:|"]

    def add(name: str, c: Counts) -> None:
        rows.append(f"| {name} | {c.tp + c.fn} | {c.tp} | {c.fn} | {c.fp} | {c.no_check} | {_pct(c.precision).strip()} | "
                    f"{_pct(c.recall).strip()} |")

    for fam, c in result.by_family().items():
        add(fam, c)
    for cid, c in result.by_check().items():
        add(cid, c)
    for fmt, c in result.by_format().items():
        add(f"format {fmt}", c)
    add("**overall**", result.overall())
    return "## auditlint accuracy\n\n" + "\n".join(rows) + (
        f"\n\nFindings on clean reports: {len(result.clean_false_positives())}\n")
