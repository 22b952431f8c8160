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

from auditlint import i18n
from auditlint.batch.local import Limits, default_jobs
from auditlint.batch.runner import Progress
from auditlint.cli_options import selection_options, source_options
from auditlint.i18n import t

# as `check`: 1 findings at or above --fail-on, 2 a file that could not be checked
# (or does not exist) or a usage error, 130 interrupted
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class RichProgress(Progress):
    """A progress bar on stderr with files/s and an ETA (only on a terminal)."""

    def __init__(self, console: Any = None, lang: str | None = None) -> None:
        self.console = console  # a rich Console; stderr's when None
        self.lang = lang or i18n.current()
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

        lang = self.lang
        unit = t("个文件/秒", "files/s", lang)

        class FilesPerSecond(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} {unit}" if speed else f"– {unit}", style="progress.data.speed")

        desc = t("检查中", "checking", lang)
        if reused:
            desc += t("（{n} 个取自缓存）", " ({n} from cache)", lang).format(n=reused)
        self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), FilesPerSecond(),
                       TimeElapsedColumn(), TextColumn(t("剩余", "ETA", lang)), TimeRemainingColumn(),
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
    from auditlint.i18n.errors import translate

    click.echo(f"auditlint: {_printable(translate(message, i18n.current()))}", err=True)
    sys.exit(EXIT_USAGE)


def _printable(text: str) -> str:
    from auditlint.report.terminal import printable

    return printable(text)


_SUMMARY = {
    "zh": "共 {total} 份报告（新检查 {computed} 份，取自缓存 {reused} 份），用时 {seconds:.1f} 秒：发现 {findings} 个问题"
          "（错误 {error} 个，警告 {warning} 个，提示 {info} 个），涉及 {with_findings} 份报告；{failed} 份无法检查"
          " → {outdir}/index.html",
    "en": "{total} reports ({computed} checked, {reused} from cache) in {seconds:.1f} s: {findings} findings "
          "({error} errors, {warning} warnings, {info} infos) in {with_findings} reports; {failed} could not be "
          "checked → {outdir}/index.html",
}


def summary_line(outcome: Any, lang: str, outdir: str) -> str:
    """The line a batch ends with: counts, and where the overview page is."""
    rep, fnd = outcome.summary["reports"], outcome.summary["findings"]
    return _SUMMARY["en" if lang == "en" else "zh"].format(
        total=rep["total"], computed=outcome.computed, reused=outcome.reused, seconds=outcome.seconds,
        findings=fnd["total"], with_findings=rep["with_findings"], failed=rep["error"], outdir=outdir,
        **fnd["by_severity"])


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


@click.command(help=t(
    "一次检查许多报告：文件、文件夹（含子文件夹）、通配符或 @清单.txt。\n\n"
    "在 OUTDIR 中写出 findings.parquet、findings.csv、reports.csv、summary.json 和 index.html。"
    "中途中断了？再运行同一条命令即可：已完成的文件不会重做。",
    "Check many reports at once: files, folders (recursive), globs or @list.txt.\n\n"
    "Writes findings.parquet, findings.csv, reports.csv, summary.json and index.html "
    "into OUTDIR. Interrupted? Run the same command again: finished files are not redone."))
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=t("输出文件夹（其中的缓存使再次运行可以接着做）。",
                     "Folder for the outputs (and the cache that makes reruns resume)."))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help=t("工作进程数（默认：CPU 核数）；用 --scheduler local 时为 Dask 工作进程数。",
                     "Worker processes (default: the CPU count); Dask workers with --scheduler local."))
@click.option("--timeout", type=click.FloatRange(min=0), default=Limits.timeout, show_default=True,
              help=t("每个文件最多用时（秒）；0 表示不限。", "Seconds one file may take; 0 for no limit."))
@click.option("--memory-limit", type=click.IntRange(min=0), default=Limits.memory_mb, show_default=True,
              help=t("每个工作进程的地址空间上限（MiB，RLIMIT_AS）；0 表示不限。",
                     "Address space per worker process in MiB (RLIMIT_AS); 0 for no limit."))
@selection_options
@source_options
@click.option("--no-config", is_flag=True, help=t("忽略所有设置文件。", "Ignore settings files."))
@click.option("--sarif", is_flag=True, help=t("另外写出 findings.sarif：整批一份 SARIF 日志。",
                                              "Also write findings.sarif, one SARIF log for the whole batch."))
@click.option("--gx-docs", type=click.Path(file_okay=False, path_type=Path),
              help=t("用 Great Expectations 校验预算表，并把 Data Docs 写到此处。",
                     "Validate the budget tables with Great Expectations and write its Data Docs here."))
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help=t("在本机进程中运行，或交给 Dask。", "Run in local processes, or on Dask."))
@click.option("--scheduler", help=t("与 --executor dask 同用：调度器地址（tcp://host:8786）或 local。",
                                    "With --executor dask: the scheduler address (tcp://host:8786), or 'local'."))
@click.option("--no-progress", is_flag=True, help=t("不显示进度条（标准错误不是终端时本来就不显示）。",
                                                    "No progress bar (there is none when stderr is not a terminal)."))
@click.option("--fresh", is_flag=True, help=t("忽略缓存，重新检查每个文件。", "Check every file again, ignoring the cache."))
@click.option("--follow-links", is_flag=True,
              help=t("跟随指向输入文件夹之外的链接（默认跳过，并给出说明）。",
                     "Follow links that point out of an input folder (by default they are skipped, with a note)."))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help=t("有此严重程度或更高的问题时以 1 退出，与 check 相同  [默认：设置文件中的 fail_on，否则 never]。"
                     "有报告无法检查时以 2 退出。",
                     "Exit 1 when a finding at or above this severity is reported, as `check` does  "
                     "[default: the settings' fail_on, else never]. A report that could not be checked exits 2."))
@click.option("--pdf-reader", type=click.Choice(["fast", "pdfplumber"]), default=None,
              help=t("PDF 读取器：fast（默认）或 pdfplumber（参照读取器，慢约 4 倍，结果相同），同环境变量 AUDITLINT_PDF_READER。",
                     "PDF reader: fast (the default) or pdfplumber (the reference: about 4× slower, the same "
                     "results), as AUDITLINT_PDF_READER."))
def batch(inputs: tuple[str, ...], outdir: Path, jobs: int | None, timeout: float, memory_limit: int,
          lang: str | None, select: str | None, ignore: str | None, checks_dirs: tuple[str, ...],
          config_path: str | None, no_config: bool, sarif: bool, gx_docs: Path | None,
          executor: str, scheduler: str | None, no_progress: bool, fresh: bool, follow_links: bool,
          fail_on: str | None, pdf_reader: str | None) -> None:
    if pdf_reader:  # the workers inherit it
        os.environ["AUDITLINT_PDF_READER"] = pdf_reader
    from auditlint.batch.inputs import InputError
    from auditlint.batch.lock import OutdirBusy
    from auditlint.batch.runner import BatchConfig, run_batch
    from auditlint.engine.config import ConfigError, run_options, settings, validate_ids
    from auditlint.engine.registry import RegistryError

    if scheduler and executor != "dask":
        _fail(t("--scheduler 只能与 --executor dask 同用", "--scheduler goes with --executor dask"))
    try:
        config = settings(config_path, no_config)
        lang = i18n.use(i18n.resolve(lang, config.lang))
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
        outcome = run_batch(cfg, RichProgress(lang=lang) if show else None, warn=warnings.append)
    except (InputError, OutdirBusy) as exc:
        _fail(str(exc))
    except OSError as exc:  # the output folder cannot be created or written
        where = exc.filename if exc.filename is not None else outdir
        _fail(t("{where}: 无法写入输出：请换一个 --outdir（技术细节：{why}）",
                "{where}: cannot write the outputs ({why}); choose another --outdir")
              .format(where=where, why=exc.strerror or exc))
    except KeyboardInterrupt:
        click.echo(t("auditlint: 已中断；已完成的文件保存在 {outdir}/.cache 中，再运行同一条命令即可接着完成",
                     "auditlint: interrupted; finished files are kept in {outdir}/.cache — run the same command "
                     "again to finish").format(outdir=outdir), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except RuntimeError as exc:
        _fail(str(exc))
    from auditlint.i18n.errors import translate

    for note in (*warnings, *outcome.notes):
        click.echo(f"auditlint: {_printable(translate(note, lang))}", err=True)
    click.echo(summary_line(outcome, lang, _printable(str(outdir))))
    sys.exit(exit_code(outcome.summary, fail_on or getattr(config, "fail_on", None) or "never"))
