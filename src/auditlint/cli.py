"""Command line: ``auditlint check``, ``auditlint rules`` and friends.

Start-up stays light: pandas, pandera and the readers are imported only when a
file is actually checked, so ``--help`` and ``rules`` answer at once.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from auditlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class LazyGroup(click.Group):
    """Subcommands that live in heavier modules are imported only when used."""

    lazy: dict[str, str] = {
        "batch": "auditlint.batch.cli:batch",
        "eval": "auditlint.synth.cli:eval_command",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            mod, _, attr = self.lazy[name].partition(":")
            try:
                return getattr(importlib.import_module(mod), attr)
            except (ImportError, AttributeError):
                return None
        return super().get_command(ctx, name)


def _fail(message: str) -> None:
    click.echo(f"auditlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split_ids(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    return frozenset(v.strip().upper() for v in value.split(",") if v.strip())


def collect_paths(paths: tuple[str, ...]) -> list[Path]:
    from auditlint.readers import SUPPORTED_SUFFIXES

    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(path)
    return out


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditlint")
def main() -> None:
    """auditlint: lint published budget-performance reports (绩效自评报告)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of messages.")
@click.option("--select", help="Only these checks (IDs or prefixes, comma-separated: AL101,AL3).")
@click.option("--ignore", help="Skip these checks (IDs or prefixes, comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity is reported.")
@click.option("--checks", "checks_dirs", multiple=True, type=click.Path(), help="Also load checks from this folder.")
def check(paths: tuple[str, ...], fmt: str, lang: str, select: str | None, ignore: str | None, fail_on: str,
          checks_dirs: tuple[str, ...]) -> None:
    """Check reports (PDF, DOCX, HTML or text; files or folders)."""
    from auditlint.engine.registry import RegistryError, all_checks
    from auditlint.engine.run import RunOptions, lint_file
    from auditlint.findings import Severity
    from auditlint.report import text as text_report

    files = collect_paths(paths)
    if not files:
        _fail("no report files found in " + ", ".join(paths))
    try:
        options = RunOptions(select=_split_ids(select), ignore=_split_ids(ignore) or frozenset(), lang=lang,
                             checks_dirs=checks_dirs)
        enabled = options.enabled()
    except RegistryError as exc:
        _fail(str(exc))
    known = {s.id for s in all_checks()}
    for ids in (options.select or frozenset(), options.ignore):
        unknown = sorted(i for i in ids if not any(k.startswith(i) for k in known))
        if unknown:
            _fail(f"unknown check ID {', '.join(unknown)} (see `auditlint rules`)")
    del enabled
    results = [lint_file(f, options) for f in files]
    if fmt == "json":
        click.echo(json.dumps(json_document(results, lang), ensure_ascii=False, indent=2))
    else:
        text_report.render(results, lang=lang)
    errors = [r for r in results if r.error]
    if fmt == "text":
        for r in errors:
            click.echo(f"auditlint: {r.path}: {r.error}", err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    threshold = None if fail_on == "never" else Severity(fail_on).order
    if threshold is not None and any(f.severity and f.severity.order >= threshold for r in results for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def json_document(results: list, lang: str) -> dict:
    from collections import Counter

    counts: Counter[str] = Counter()
    by_check: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            counts[f.severity.value if f.severity else "none"] += 1
            by_check[f.check_id] += 1
    return {
        "tool": {"name": "auditlint", "version": __version__},
        "files": [
            {"path": r.path, "findings": [f.to_dict(lang) for f in r.findings], "error": r.error} for r in results
        ],
        "summary": {
            "files": len(results),
            "files_with_errors": sum(1 for r in results if r.error),
            "findings": sum(len(r.findings) for r in results),
            "by_severity": {k: counts.get(k, 0) for k in ("error", "warning", "info")},
            "by_check": dict(sorted(by_check.items())),
        },
    }


@main.command()
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules(lang: str) -> None:
    """List the checks."""
    from auditlint.engine.registry import all_checks

    for s in all_checks():
        click.echo(f"{s.id}  {s.name:<28} {s.severity.value:<8} {s.summary(lang)}")


if __name__ == "__main__":
    main()
