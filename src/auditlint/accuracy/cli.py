"""``auditlint eval DIR``: lint a labelled corpus and print precision and recall."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditlint.i18n import t


@click.command("eval", help=t(
    "在带标注的语料（含 labels.yaml 的文件夹）上衡量各项检查。\n\n"
    "按检查、按类别、按格式和总体输出精确率与召回率，列出干净报告上的问题（误报）"
    "和没有被任何检查发现的预埋错误（漏报）。\n\n"
    "合成语料由仓库中的生成器写出：python tools/corpus.py generate DIR --seeds 3 --formats txt,html",
    "Measure the checks on a labelled corpus (folders with labels.yaml).\n\n"
    "Prints precision and recall per check, per family, per format and overall, "
    "the findings on clean reports (false positives) and every planted mistake no "
    "check reported (misses). The synthetic corpus is written by the repository's "
    "generator: python tools/corpus.py generate DIR --seeds 3 --formats txt,html."))
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--formats", default="txt", show_default=True,
              help=t("要评估的格式（逗号分隔：txt,html,docx,pdf）。", "Formats to evaluate (comma-separated: txt,html,docx,pdf)."))
@click.option("--reports-dir", type=click.Path(path_type=Path, file_okay=False),
              help=t("带标注的报告所在位置，当它们不在 labels.yaml 旁边时（如 ../shared/seeds）。",
                     "Where the labelled reports are, when not beside labels.yaml (e.g. ../shared/seeds)."))
@click.option("--summary", type=click.Path(path_type=Path, dir_okay=False),
              help=t("另外把结果以 Markdown 追加到此文件（如 $GITHUB_STEP_SUMMARY）。",
                     "Also append the figures as Markdown to this file (e.g. $GITHUB_STEP_SUMMARY)."))
@click.option("--min-precision", type=float,
              help=t("有检查的类别精确率低于此值（0..1）时以 1 退出。",
                     "Exit 1 if a family with checks is below this precision (0..1)."))
@click.option("--min-recall", type=float,
              help=t("有检查的类别召回率低于此值（0..1）时以 1 退出。",
                     "Exit 1 if a family with checks is below this recall (0..1)."))
def eval_command(directory: Path, formats: str, reports_dir: Path | None, summary: Path | None,
                 min_precision: float | None, min_recall: float | None) -> None:
    from auditlint.accuracy.evaluate import FORMATS, evaluate, gate_failures, markdown, table

    fmts = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown:
        click.echo(f"auditlint: unknown format {', '.join(unknown)} (use {', '.join(FORMATS)})", err=True)
        sys.exit(2)
    if not directory.is_dir() or not any(directory.rglob("*labels.yaml")):
        click.echo(f"auditlint: {directory}: no labels.yaml (or NAME.labels.yaml) found (write the synthetic corpus "
                   "with python tools/corpus.py generate DIR)", err=True)
        sys.exit(2)
    try:
        result = evaluate(directory, reports_dir, fmts)
    except (ValueError, OSError) as exc:
        click.echo(f"auditlint: {exc}", err=True)
        sys.exit(2)
    click.echo(table(result), nl=False)
    if summary:
        with summary.open("a", encoding="utf-8") as fh:
            fh.write(markdown(result))
    failures = gate_failures(result, min_precision or 0.0, min_recall or 0.0)
    if (min_precision is not None or min_recall is not None) and failures:
        click.echo("gate failed: " + "; ".join(failures))
        sys.exit(1)
