"""``auditlint inspect FILE``: how a report was read.

Every table with what it was read as, its columns' roles, the rows each total covers
(and whether a printed mark said so or the numbers were read for it), the scoring
groups with their weights and members, and the tables left alone with why; then the
narrative statements and the table rows they were linked to. Developers use it to
debug a reading; reviewers use it to see what a silence covers.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import click

from auditlint import i18n
from auditlint.extract.coverage import (
    LEFT_ALONE_EMPTY,
    LEFT_ALONE_FLAT,
    LEFT_ALONE_NO_TOTAL,
    LEFT_ALONE_TEXT,
    LEFT_ALONE_UNKNOWN,
    Coverage,
    TableReading,
    coverage_of,
)
from auditlint.extract.key_values import KEY_VALUES
from auditlint.readers.pipes import REFUSED_PIPES

WHY = {
    LEFT_ALONE_EMPTY: ("空表", "empty"),
    LEFT_ALONE_TEXT: ("没有数字（目录、职责列表或未填的空表），无可核对", "no numbers (a table of contents, a list, an unfilled template): nothing to recompute"),
    LEFT_ALONE_NO_TOTAL: ("列名不是已知的金额列，也没有合计行可供加总", "columns no vocabulary names, and no total row to add them up to"),
    LEFT_ALONE_FLAT: ("按空格拆开的表格各行单元格数不一致，无法确定各数字所在的列，未读取",
                      "a table flattened to space-separated lines whose rows disagree in their number of cells: "
                      "which column each number belongs to cannot be told, so it was not read"),
    REFUSED_PIPES: ("用“|”分隔的表格中，有含数字的行单元格数与其他行不一致，无法确定各数字所在的列，未读取",
                    "a table marked with \"|\" where a row holding numbers has fewer cells than the others: "
                    "which column each number belongs to cannot be told, so it was not read"),
    KEY_VALUES: ("逐行写出的“键：值”（预算数、执行数、执行率等），不是表格：哪个预算是执行率的分母、各金额单位是否一致、"
                 "一个项目的字段在哪里结束，都没有表格那样写明，未核对",
                 "fields printed one per line, \"key: value\" (budget, spending, rate …), not a table: which budget the rate "
                 "is over, whether the amounts share a unit, and where one project's fields end are not stated as a table "
                 "states them, so they were not checked"),
    LEFT_ALONE_UNKNOWN: ("有数字，但表头不是已知的预算、三公、评分或指标表", "numbers under headers that name no budget, 三公, scoring or indicator table: left alone"),
}
HALF = [("  左半", "  left half"), ("  右半", "  right half"), ("  另一半", "  next half")]
KIND = {
    "budget": ("预算执行表", "budget execution"),
    "sangong": ("“三公”经费表", "三公 spending"),
    "share": ("支出结构（占比）表", "spending shares"),
    "income": ("收入表", "income"),
    "other": ("只核对合计的数字表", "amounts whose totals only are checked"),
    "scoring": ("评分表", "scoring"),
    "indicators": ("绩效指标（自评）表", "performance indicators"),
}


def inspect_document(path: str) -> tuple[Coverage, list[dict[str, Any]]]:
    from auditlint.extract import extract
    from auditlint.readers import read

    facts = extract(read(path))
    cov = coverage_of(facts, read_all=True)
    return cov, _contents(facts) + [_statement(s, facts.tables) for s in facts.statements] + _key_values(facts.document.paragraphs)


def _contents(facts) -> list[dict[str, Any]]:  # noqa: ANN001 - Facts
    """The table of contents as read: its entries are not headings of the body."""
    contents = facts.extra.get("toc")
    if contents is None or not contents.entries:
        return []
    first = contents.entries[0].location
    return [{"kind": "contents", "line": first.line, "page": first.page,
             "text": "；".join(e.text for e in contents.entries)[:120], "rows": []}]


def _key_values(paragraphs: list) -> list[dict[str, Any]]:
    """Fields printed one per line ("预算数：…"), left alone (extract/key_values.py)."""
    from auditlint.extract.key_values import KEY_VALUES, key_value_blocks

    return [{"kind": "left-alone", "why": KEY_VALUES, "line": b.location.line, "page": b.location.page,
             "text": "、".join(b.keys), "rows": []} for b in key_value_blocks(paragraphs)]


def _statement(s: object, tables: list) -> dict[str, Any]:
    loc = getattr(s, "location", None)
    rows = [f"table {tables[r.table].table.index} {r.label}" for r in getattr(s, "rows", ()) if hasattr(r, "table")]
    text = getattr(getattr(s, "sentence", None), "text", "") or ""
    return {
        "kind": getattr(s, "kind", type(s).__name__),
        "line": getattr(loc, "line", None),
        "page": getattr(loc, "page", None),
        "text": text.strip()[:120],
        "rows": rows,
    }


def render_text(path: str, cov: Coverage, statements: list[dict[str, Any]], lang: str) -> str:
    zh = lang != "en"
    out = [f"{path}: {cov.summary(lang)}"]
    for t in cov.tables:
        where = f"p.{t.page} " if t.page else ""
        where += f"line {t.line}" if t.line else ""
        head = f"\n{'表' if zh else 'table'} {t.table} ({where.strip()}, {t.size[0]}×{t.size[1]}): "
        if t.halves:
            out.append(head + ("左右两半，各读作一张表" if zh else "side-by-side halves, each read as a table of its own"))
            for k, h in enumerate(t.halves):
                out.extend(_reading(h, zh, HALF[min(k, len(HALF) - 1)][0 if zh else 1] + f" ({h.size[0]}×{h.size[1]}): "))
            continue
        out.extend(_reading(t, zh, head))
    if statements:
        out.append("\n" + ("正文数字：" if zh else "narrative figures:"))
        for s in statements:
            if s["kind"] == "figure":
                continue
            where = f"p.{s['page']} " if s["page"] else ""
            where += f"line {s['line']}" if s["line"] else ""
            if s["kind"] == "contents":
                out.append(f"  [{'目录' if zh else 'contents'}] {where.strip()}: {s['text']}")
                continue
            if s["kind"] == "left-alone":
                out.append(f"  [{'未读取' if zh else 'left alone'}] {where.strip()}: {s['text']}: {WHY[s['why']][0 if zh else 1]}")
                continue
            linked = (" → " + ", ".join(s["rows"])) if s["rows"] else ""
            out.append(f"  [{s['kind']}] {where.strip()}: {s['text']}{linked}")
    return "\n".join(out) + "\n"


def _reading(t: TableReading, zh: bool, head: str) -> list[str]:
    """How one table (or one half of a grid) was read, a line each."""
    if t.read_as is None:
        return [head + ("未读取：" if zh else "left alone: ") + WHY[t.why_not or LEFT_ALONE_UNKNOWN][0 if zh else 1]]
    out = [head + KIND.get(t.read_as, (t.read_as, t.read_as))[0 if zh else 1]
           + (f"，{t.numbers} 个数字" if zh else f", {t.numbers} numbers")]
    roles = [f"{h or '·'} → {r}" for h, r in t.columns if r]
    if roles:
        out.append(("  列：" if zh else "  columns: ") + "; ".join(roles))
    for s in t.totals:
        how = ("（由数字推断）" if zh else " (inferred from the numbers)") if s.guessed else ""
        covers = "、".join(s.covers) if zh else ", ".join(s.covers)
        out.append(f"  {s.label or '·'} (row {s.row}, {s.kind}) = {covers}{how}")
    for g in t.groups:
        w = g.weight or "?"
        out.append(f"  {'分组' if zh else 'group'} {g.name} [{w}]: " + ("、".join(g.members) if zh else ", ".join(g.members)))
    return out


def render_json(path: str, cov: Coverage, statements: list[dict[str, Any]]) -> str:
    data = {
        "path": path,
        "coverage": cov.to_dict(),
        "tables": [asdict(t) for t in cov.tables],
        "statements": statements,
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_HELP = (
    "显示报告是如何读取的：每张表读作什么、各列的作用、每个合计行覆盖哪些行、评分分组、"
    "未读取的表及原因，以及正文中的数字。",
    "Show how a report was read: tables, column roles, the rows each total covers, "
    "scoring groups, tables left alone and why, and the narrative figures.",
)


@click.command("inspect", help=i18n.t(*_HELP),
               short_help=i18n.t("显示报告是如何读取的：表格、各列作用、合计与评分分组。",
                                 "Show how a report was read: tables, column roles, the rows..."))
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=i18n.t("text 供人阅读，json 供程序使用。", "text for people, json for programs."))
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help=i18n.t("输出语言  [默认：按 LANG 环境变量，否则 zh]", "Language of the text  [default: LANG, else zh]"))
def inspect_command(path: str, fmt: str, lang: str | None) -> None:
    import sys

    from auditlint.i18n.errors import translate
    from auditlint.readers import ReadError

    lang = i18n.use(i18n.resolve(lang))
    try:
        cov, statements = inspect_document(path)
    except ReadError as exc:
        click.echo(f"auditlint: {path}: {translate(str(exc), lang)}", err=True)
        sys.exit(2)
    click.echo(render_json(path, cov, statements) if fmt == "json" else render_text(path, cov, statements, lang), nl=False)
