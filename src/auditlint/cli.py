"""Command line: ``auditlint check``, ``auditlint rules`` and friends.

Start-up stays light: pandas, pandera and the readers are imported only when a
file is actually checked, so ``--help`` and ``rules`` answer at once.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import click

from auditlint import __version__, i18n
from auditlint.cli_options import selection_options, source_options
from auditlint.i18n import click_zh, t

# before any command is built: click words its help and errors through it
click_zh.install()

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class LazyGroup(click.Group):
    """Subcommands that live in heavier modules are imported only when used."""

    lazy: dict[str, str] = {
        "batch": "auditlint.batch.cli:batch",
        "eval": "auditlint.accuracy.cli:eval_command",
        "inspect": "auditlint.report.inspect:inspect_command",
        "serve": "auditlint.serve.cli:serve",
    }

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra) -> click.Context:
        # each run picks its language again (several runs share a process under
        # tests); the lazy subcommands are built after this, in that language
        i18n.use(i18n.resolve(i18n.argv_lang(args)))
        return super().make_context(info_name, args, parent, **extra)

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


def _said(exc: Exception) -> str:
    """An error raised in English (settings, baseline, checks), in the run's language."""
    from auditlint.i18n.errors import translate

    return translate(str(exc), i18n.current())


def shown(path: object) -> str:
    """A path as printed: control characters escaped, so a crafted name cannot
    start a line of its own (report.terminal.printable, imported when used)."""
    from auditlint.report.terminal import printable

    return printable(str(path))


def collect_paths(paths: tuple[str, ...]) -> list[Path]:
    from auditlint.readers import SUPPORTED_SUFFIXES

    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            # Office leaves "~$name.xlsx" lock files beside an open document: not reports
            out.extend(sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                              and not f.name.startswith("~$")))
        else:
            out.append(path)
    return out


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=t("auditlint：检查公开发布的预算绩效自评报告中的数字、表格与评分。",
                    "auditlint: lint published budget-performance reports (绩效自评报告)."))
@click.version_option(__version__, prog_name="auditlint")
def main() -> None:
    pass


FORMATS = ["text", "concise", "json", "sarif", "html", "csv", "jsonl", "github", "gitlab", "junit", "xlsx"]


@main.command(help=t("检查报告（PDF、DOCX、HTML、XLSX 或文本；文件或文件夹）。",
                     "Check reports (PDF, DOCX, HTML or text; files or folders)."))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help=t("text 供人阅读，concise 每个问题一行 path:line:col，json/jsonl/csv 供程序和电子表格使用，"
                     "sarif 供代码审查工具，github/gitlab/junit 供持续集成，html 在浏览器中查看，"
                     "xlsx 生成 Excel 工作簿（需加 -o）。",
                     "text for people, concise for one path:line:col line per finding, json/jsonl/csv for programs "
                     "and spreadsheets, sarif for review tools, github/gitlab/junit for CI, html for a browser, "
                     "xlsx for an Excel workbook (with -o)."))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help=t("写入此文件，而不是输出到终端。", "Write to this file instead of the terminal."))
@selection_options
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help=t("有此严重程度或更高的问题时以 1 退出  [默认：error]",
                     "Exit 1 when a finding at or above this severity is reported  [default: error]"))
@source_options
@click.option("--no-config", is_flag=True, help=t("忽略所有设置文件。", "Ignore any settings file."))
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help=t("只报告此基线文件中没有记录的问题。", "Report only findings not recorded in this baseline file."))
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help=t("把当前的问题记入此文件，并以 0 退出。", "Record the current findings in this file and exit 0."))
@click.option("--statistics", is_flag=True,
              help=t("只输出每项检查的问题数，不列出问题。",
                     "Print the number of findings per check instead of the findings."))
@click.option("-q", "--quiet", is_flag=True,
              help=t("只输出问题行：不显示算式、提示和汇总。", "Print the findings only: no arithmetic, hints or summary."))
@click.option("--show-settings", is_flag=True,
              help=t("显示每个 PATH 适用的设置及其来源文件，然后退出。",
                     "Print the settings in force for each PATH and the file they come from, and exit."))
@click.option("--pdf-reader", type=click.Choice(["fast", "pdfplumber"]), default=None,
              help=t("PDF 读取器：fast（默认）或 pdfplumber（参照读取器，慢约 4 倍，结果相同），同环境变量 AUDITLINT_PDF_READER。",
                     "PDF reader: fast (the default) or pdfplumber (the reference: about 4× slower, the same "
                     "results), as AUDITLINT_PDF_READER."))
def check(paths: tuple[str, ...], fmt: str, output: str | None, lang: str | None, select: str | None,
          ignore: str | None, fail_on: str | None, checks_dirs: tuple[str, ...], config_path: str | None,
          no_config: bool, baseline_path: str | None, write_baseline_path: str | None, statistics: bool,
          quiet: bool, show_settings: bool, pdf_reader: str | None) -> None:
    if pdf_reader:
        os.environ["AUDITLINT_PDF_READER"] = pdf_reader
    from auditlint.engine.baseline import BaselineError, write_baseline
    from auditlint.engine.run import lint_file
    from auditlint.findings import Severity

    if statistics and fmt not in ("text", "json"):
        _fail(t("--statistics 只能以 text 或 json 输出计数：请用 --format text 或 --format json",
                "--statistics prints counts as text or json: use --format text or --format json"))
    _refuse_terminal(fmt, output)
    config, options, baseline, files, file_options, enabled = _prepare(
        paths, fmt, lang, select, ignore, checks_dirs, config_path, no_config, baseline_path, show_settings)
    fail_on = fail_on or config.fail_on or "error"
    if not files:
        _fail(t("在 {} 中没有找到报告文件（PDF、DOCX、HTML、XLSX 或文本）", "no report files found in {}")
              .format(", ".join(map(shown, paths))))
    results = [lint_file(f, o) for f, o in zip(files, file_options, strict=True)]
    _echo_problems(results)
    if write_baseline_path:
        try:
            n = write_baseline(write_baseline_path, results, options.lang)
        except BaselineError as exc:
            _fail(_said(exc))
        click.echo(t("auditlint: 已把 {n} 个问题记入 {path}", "auditlint: recorded {n} finding(s) in {path}")
                   .format(n=n, path=shown(write_baseline_path)), err=True)
        sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_OK)
    hidden = baseline.apply(results) if baseline is not None else 0
    _render(results, enabled, fmt, options.lang, output, statistics=statistics, quiet=quiet, hidden=hidden)
    # an unreadable file, or a check that failed, leaves the run incomplete
    if any(r.error or r.problems for r in results):
        sys.exit(EXIT_ERROR)
    threshold = None if fail_on == "never" else Severity(fail_on).order
    if threshold is not None and any(f.severity and f.severity.order >= threshold for r in results for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _prepare(paths: tuple[str, ...], fmt: str, lang: str | None, select: str | None, ignore: str | None,
             checks_dirs: tuple[str, ...], config_path: str | None, no_config: bool, baseline_path: str | None,
             show_settings: bool) -> tuple:
    """Settings, baseline, files and each file's options for ``check``; a bad one ends the run."""
    from auditlint.engine.baseline import BaselineError, load_baseline
    from auditlint.engine.config import ConfigError, FileSettings, run_options, settings, validate_ids
    from auditlint.engine.registry import RegistryError

    try:
        # the working directory's settings decide what is run-wide (language, fail-on);
        # which checks run, and how, comes from the settings nearest each file
        config = settings(config_path, no_config)
        lang = i18n.use(i18n.resolve(lang, config.lang))
        options = run_options(config, select, ignore, lang, checks_dirs)
        options.enabled()
        validate_ids(config, select, ignore)
        per_file = FileSettings(config_path, no_config, select, ignore, options.lang, checks_dirs)
        if show_settings:
            _show_settings(per_file, paths)
        baseline = load_baseline(baseline_path) if baseline_path else None
        files = collect_paths(paths)
        file_options = _file_options(per_file, files, fmt)
        return config, options, baseline, files, file_options, _enabled_union([options, *file_options])
    except (ConfigError, RegistryError, BaselineError) as exc:
        _fail(_said(exc))
        raise  # _fail exits


def _show_settings(per_file, paths: tuple[str, ...]) -> None:
    """``check --show-settings``: what applies to each path, and from which file; exit 0."""
    from auditlint.engine.config import describe

    for p in paths:
        click.echo(describe(p, per_file.config_for(p), per_file.options_for(p), i18n.current()))
    sys.exit(EXIT_OK)


def _file_options(per_file, files: list[Path], fmt: str) -> list:
    """Each file's RunOptions (shared between files under the same settings)."""
    out = [per_file.options_for(f) for f in files]
    for o in {id(o): o for o in out}.values():
        o.keep_document = fmt in ("html", "xlsx")
        o.stated_score = False  # a batch column; `check` prints no such thing
    return out


def _enabled_union(option_sets: list) -> list:
    """Every check enabled for some file (the rules SARIF and JUnit list), registry order."""
    seen: dict[str, object] = {}
    for o in {id(o): o for o in option_sets}.values():
        for spec in o.enabled():
            seen.setdefault(spec.id, spec)
    return list(seen.values())


def _echo_problems(results: list) -> None:
    """One line per file that could not be read or fully checked, its path escaped."""
    from auditlint.i18n.errors import translate

    lang = i18n.current()
    for r in results:
        if r.error:
            click.echo(f"auditlint: {shown(r.path)}: {translate(r.error, lang)}", err=True)
        for problem in r.problems:
            click.echo(t("auditlint: {path}: 内部错误：{problem}；请报告此问题",
                         "auditlint: {path}: internal error: {problem}; please report it")
                       .format(path=shown(r.path), problem=translate(problem, lang)), err=True)


def _render(results: list, enabled: list, fmt: str, lang: str, output: str | None, *, statistics: bool,
            quiet: bool, hidden: int) -> None:
    from auditlint.report import json as json_report

    if fmt == "text":
        _render_text(results, lang, output, statistics=statistics, quiet=quiet, hidden=hidden)
        return
    if statistics:
        from auditlint.report.terminal import statistics as stats

        text = json_report.dumps(stats(results))
    elif fmt == "json":
        text = json_report.dumps(json_report.json_document(results, lang, hidden))
    elif fmt == "sarif":
        from auditlint.report.sarif import sarif_log

        text = json_report.dumps(sarif_log(results, enabled, lang))
    elif fmt == "html":
        from auditlint.report.html import render_html

        text = render_html(results, lang, hidden)
    elif fmt == "csv":
        from auditlint.report.tabular import to_csv

        text = to_csv(results, lang)
    elif fmt in MACHINE:
        text = MACHINE[fmt](results, enabled, lang)
    elif fmt == "xlsx":
        from auditlint.report.xlsx import render_xlsx

        _emit_bytes(render_xlsx(results, lang), output)
        return
    else:
        from auditlint.report.tabular import to_jsonl

        text = to_jsonl(results, lang)
    _emit(text, output)


def _concise(results: list, enabled: list, lang: str) -> str:
    from auditlint.report.concise import to_concise

    return to_concise(results, lang)


def _github(results: list, enabled: list, lang: str) -> str:
    from auditlint.report.github import to_github

    return to_github(results, lang)


def _gitlab(results: list, enabled: list, lang: str) -> str:
    from auditlint.report import json as json_report
    from auditlint.report.gitlab import code_quality

    return json_report.dumps(code_quality(results, lang))


def _junit(results: list, enabled: list, lang: str) -> str:
    from auditlint.report.junit import to_junit

    return to_junit(results, enabled, lang)


MACHINE = {"concise": _concise, "github": _github, "gitlab": _gitlab, "junit": _junit}


def _render_text(results: list, lang: str, output: str | None, *, statistics: bool, quiet: bool, hidden: int) -> None:
    from auditlint.report import terminal

    def draw(console) -> None:
        if statistics:
            terminal.render_statistics(results, lang, console=console)
        else:
            terminal.render(results, lang, console=console, quiet=quiet, hidden=hidden)

    if output is None:
        draw(terminal.console_for())
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            draw(terminal.console_for(fh, color=False))
    except OSError as exc:
        _fail(_cannot_write(shown(output), exc))


def _emit(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        # newline="": CSV carries its own CRLF row ends
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        _fail(_cannot_write(shown(output), exc))


def _cannot_write(path: str, exc: OSError) -> str:
    return t("{path}: 无法写入：请确认所在文件夹存在且可写（技术细节：{why}）", "{path}: cannot write ({why})").format(
        path=path, why=exc.strerror or exc)


def _refuse_terminal(fmt: str, output: str | None) -> None:
    """A workbook is bytes, no text for a terminal: it needs ``-o FILE``."""
    if fmt == "xlsx" and output is None:
        _fail(t("--format xlsx 生成的是工作簿，不是终端文本：请加 -o findings.xlsx",
                "--format xlsx writes a workbook, not text for a terminal: add -o findings.xlsx"))


def _emit_bytes(data: bytes, output: str | None) -> None:
    if output is None:  # refused before the run: a workbook is no text for a terminal
        _fail(t("--format xlsx 需要 -o FILE", "--format xlsx needs -o FILE"))
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        _fail(_cannot_write(shown(output), exc))


@main.command(help=t("列出所有检查：编号、名称、严重程度和中文标题。", "List the checks."))
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help=t("标题和严重程度的语言  [默认：设置文件中的 lang，否则按 LANG 环境变量，否则 zh]",
                     "Language of the summaries  [default: the settings' lang, else LANG, else zh]"))
def rules(lang: str | None) -> None:
    specs = _all_specs()
    lang = _settings_lang(lang)
    name_w = max((len(s.name) for s in specs), default=0)
    for s in specs:
        # zh: the severity in Chinese, padded to the width "warning" takes in English
        severity = s.severity.value if lang == "en" else _SEVERITY_ZH[s.severity.value] + "    "
        click.echo(f"{s.id}  {s.name:<{name_w}}  {severity:<8} {s.summary(lang)}")


_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


@main.command(help=t("解释一项检查，附错误示例和正确示例（CHECK_ID：如 AL403，或其名称）。",
                     "Explain a check, with a bad and a good example (CHECK_ID: AL403 or its name)."))
@click.argument("check_id")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help=t("只显示这种语言  [默认：中英文都显示，中文在前]", "Only this language  [default: both, Chinese first]"))
def explain(check_id: str, lang: str | None) -> None:
    from auditlint.report.rule_docs import explain_text

    wanted = check_id.strip()
    spec = next((s for s in _all_specs() if wanted.upper() == s.id or wanted.lower() == s.name), None)
    if spec is None:
        _fail(t("没有 {id!r} 这项检查（见 auditlint rules）", "unknown check {id!r} (see `auditlint rules`)")
              .format(id=check_id))
    click.echo(explain_text(spec, [lang] if lang else ["zh", "en"]), nl=False)


def _settings_lang(explicit: str | None) -> str:
    """The run's language for commands that read no report (``rules``)."""
    from auditlint.engine.config import ConfigError, settings

    try:
        configured = settings(None, False).lang
    except ConfigError:  # _all_specs has reported it
        configured = None
    return i18n.use(i18n.resolve(explicit, configured))


def _all_specs() -> list:
    """Every registered check, with plugins and the config's check folders: what
    `rules` and `explain` describe. A broken settings file is reported, not ignored."""
    from auditlint.engine.config import ConfigError, run_options, settings
    from auditlint.engine.registry import RegistryError, all_checks

    try:
        run_options(settings(None, False), None, None, None, ()).enabled()
    except (ConfigError, RegistryError) as exc:
        _fail(_said(exc))
    return all_checks()


if __name__ == "__main__":
    main()
