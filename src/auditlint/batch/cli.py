"""``auditlint batch``: thousands of reports, in parallel, resumable.

Loaded lazily by ``auditlint.cli`` and kept light itself: rich, pyarrow, Dask and
Great Expectations are imported only once a batch actually runs and needs them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from auditlint.batch.local import Limits, default_jobs
from auditlint.batch.runner import Progress

# as `check`: 1 findings at or above --fail-on, 2 a file that could not be checked
# (or does not exist) or a usage error, 130 interrupted
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class RichProgress(Progress):
    """A progress bar on stderr with files/s and an ETA (only on a terminal)."""

    def __init__(self, console: Any = None) -> None:
        self.console = console  # a rich Console; stderr's when None
        self.bar: Any = None
        self.task: Any = None

    def start(self, total: int, reused: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar
        from rich.text import Text

        class FilesPerSecond(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} files/s" if speed else "– files/s", style="progress.data.speed")

        desc = "checking" + (f" ({reused} from cache)" if reused else "")
        self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), FilesPerSecond(),
                       TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                       console=self.console or Console(stderr=True), transient=False)
        self.bar.start()
        self.task = self.bar.add_task(desc, total=total)

    def advance(self, row: dict[str, Any]) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _fail(message: str) -> None:
    click.echo(f"auditlint: {_printable(message)}", err=True)
    sys.exit(EXIT_USAGE)


def _printable(text: str) -> str:
    from auditlint.report.terminal import printable

    return printable(text)


def exit_code(summary: dict[str, Any], fail_on: str) -> int:
    """2 when any report could not be checked; else 1 when a finding is at or above
    ``fail_on`` (error, warning, info; never: findings never fail the run)."""
    if summary["reports"]["error"]:
        return EXIT_USAGE
    order = ("info", "warning", "error")
    if fail_on in order:
        wanted = order[order.index(fail_on):]
        if any(summary["findings"]["by_severity"].get(s) for s in wanted):
            return EXIT_FINDINGS
    return EXIT_OK


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs (and the cache that makes reruns resume).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the CPU count); Dask workers with --scheduler local.")
@click.option("--timeout", type=click.FloatRange(min=0), default=Limits.timeout, show_default=True,
              help="Seconds one file may take; 0 for no limit.")
@click.option("--memory-limit", type=click.IntRange(min=0), default=Limits.memory_mb, show_default=True,
              help="Address space per worker process in MiB (RLIMIT_AS); 0 for no limit.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of messages  [default: the settings' lang, else zh]")
@click.option("--select", help="Only these checks (IDs or prefixes, comma-separated).")
@click.option("--ignore", help="Skip these checks (IDs or prefixes, comma-separated).")
@click.option("--checks", "checks_dirs", multiple=True, type=click.Path(), help="Also load checks from this folder.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Settings file (default: auditlint.toml or pyproject.toml found upward from here).")
@click.option("--no-config", is_flag=True, help="Ignore settings files.")
@click.option("--sarif", is_flag=True, help="Also write findings.sarif, one SARIF log for the whole batch.")
@click.option("--gx-docs", type=click.Path(file_okay=False, path_type=Path),
              help="Validate the budget tables with Great Expectations and write its Data Docs here.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="With --executor dask: the scheduler address (tcp://host:8786), or 'local'.")
@click.option("--no-progress", is_flag=True, help="No progress bar (there is none when stderr is not a terminal).")
@click.option("--fresh", is_flag=True, help="Check every file again, ignoring the cache.")
@click.option("--follow-links", is_flag=True,
              help="Follow links that point out of an input folder (by default they are skipped, with a note).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a finding at or above this severity is reported, as `check` does  "
                   "[default: the settings' fail_on, else never]. A report that could not be checked exits 2.")
@click.option("--pdf-reader", type=click.Choice(["pdfium", "pdfplumber"]), default=None,
              help="PDF reader: pdfium (fast, the default) or pdfplumber (the reference), as AUDITLINT_PDF_READER. "
                   "PDF 读取器：pdfium（快，默认）或 pdfplumber（参照），同环境变量 AUDITLINT_PDF_READER。")
def batch(inputs: tuple[str, ...], outdir: Path, jobs: int | None, timeout: float, memory_limit: int,
          lang: str | None, select: str | None, ignore: str | None, checks_dirs: tuple[str, ...],
          config_path: str | None, no_config: bool, sarif: bool, gx_docs: Path | None,
          executor: str, scheduler: str | None, no_progress: bool, fresh: bool, follow_links: bool,
          fail_on: str | None, pdf_reader: str | None) -> None:
    """Check many reports at once: files, folders (recursive), globs or @list.txt.

    Writes findings.parquet, findings.csv, reports.csv, summary.json and index.html
    into OUTDIR. Interrupted? Run the same command again: finished files are not redone.
    """
    if pdf_reader:  # the workers inherit it
        os.environ["AUDITLINT_PDF_READER"] = pdf_reader
    from auditlint.batch.inputs import InputError
    from auditlint.batch.lock import OutdirBusy
    from auditlint.batch.runner import BatchConfig, run_batch
    from auditlint.engine.config import ConfigError, run_options, settings, validate_ids
    from auditlint.engine.registry import RegistryError

    if scheduler and executor != "dask":
        _fail("--scheduler goes with --executor dask")
    try:
        config = settings(config_path, no_config)
        options = run_options(config, select, ignore, lang, tuple(checks_dirs))
        options.enabled()
        validate_ids(config, select, ignore)
    except (ConfigError, RegistryError) as exc:
        _fail(str(exc))
    cfg = BatchConfig(inputs=inputs, outdir=outdir, options=options, jobs=jobs or default_jobs(),
                      limits=Limits(timeout, memory_limit), executor=executor, scheduler=scheduler, sarif=sarif,
                      gx_docs=gx_docs, fresh=fresh, follow_links=follow_links)
    show = not no_progress and sys.stderr.isatty()
    warnings: list[str] = []
    try:
        outcome = run_batch(cfg, RichProgress() if show else None, warn=warnings.append)
    except (InputError, OutdirBusy) as exc:
        _fail(str(exc))
    except OSError as exc:  # the output folder cannot be created or written
        where = exc.filename if exc.filename is not None else outdir
        _fail(f"{where}: cannot write the outputs ({exc.strerror or exc}); choose another --outdir")
    except KeyboardInterrupt:
        click.echo(f"auditlint: interrupted; finished files are kept in {outdir}/.cache — run the same command "
                   "again to finish", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except RuntimeError as exc:
        _fail(str(exc))
    for note in (*warnings, *outcome.notes):
        click.echo(f"auditlint: {_printable(note)}", err=True)
    s = outcome.summary
    rep, fnd = s["reports"], s["findings"]
    sev = fnd["by_severity"]
    click.echo(f"{rep['total']} reports ({outcome.computed} checked, {outcome.reused} from cache) in "
               f"{outcome.seconds:.1f} s: {fnd['total']} findings ({sev['error']} errors, {sev['warning']} warnings, "
               f"{sev['info']} infos) in {rep['with_findings']} reports; {rep['error']} could not be checked "
               f"→ {_printable(str(outdir))}/index.html")
    sys.exit(exit_code(s, fail_on or getattr(config, "fail_on", None) or "never"))
