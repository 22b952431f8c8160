"""Scaffold a new check (ruff's add_rule is the model)::

    python scripts/new_check.py AL999 some-name --family values --severity warning

writes ``checks/<family>/AL999_some_name.py`` (the ``@check`` declaration, a zh/en
docstring with Bad:/Good: examples, a ``findings.Message`` template, a function reading
``Facts``), ``tests/rules/AL999.yml`` (a firing and a silent case to fill in) and
regenerates the rule pages (``docs/rules``). Adding a check touches those three and
nothing else: the pack imports every module of its family folders.

Then: fill in the TODOs, write the two reports and their findings in the YAML, run
``pytest tests/test_rules.py -k AL999`` and
``python -m auditlint.report.rule_docs docs/rules`` again once the docstring is written.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the family folders of checks/ (cross-reference's folder is crossref)
FOLDERS = {"arithmetic": "arithmetic", "ratios": "ratios", "values": "values", "scoring": "scoring",
           "cross-reference": "crossref", "crossref": "crossref", "structure": "structure"}

MODULE = '''"""{id} {name}: TODO one line on what it finds."""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.tables import Row
from auditlint.findings import Evidence, Finding, Message
from auditlint.model import Cell

MESSAGE = Message(
    "{{label}}：TODO 说明错在哪里（报告数 {{stated}}，应为 {{computed}}）",
    "{{label}}: TODO what is wrong (stated {{stated}}, expected {{computed}})",
)


@check("{id}", "{name}", severity="{severity}", zh="TODO 一句话说明", en="TODO one-line summary",
       messages=(MESSAGE,))
def {function}(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    TODO 检查什么、为什么不一致是错误、什么情况下不报告（舍入、空白、占位符）。
    错误示例：TODO
    正确示例：TODO

    en:
    TODO what the check recomputes, why a difference is a mistake, and when it stays silent
    (rounding, blank cells, placeholders).
    Bad: TODO
    Good: TODO
    """
    for table in facts.tables:  # TODO: the Facts field the check reads (tables, statements, scoring, indicators, meta)
        for row in table.rows:
            wrong = _mismatch(row)
            if wrong is None:
                continue
            cell, stated, computed = wrong
            yield Finding(
                location=cell.location,
                evidence=Evidence(expression="TODO", stated=stated, computed=computed),
                key=(row.label, "{name}", str(table.table.index)),
                **MESSAGE.format(label=row.label, stated=stated, computed=computed),
            )


def _mismatch(row: Row) -> tuple[Cell, str, str] | None:
    """The cell whose figure is wrong, what it states and what it should be; None
    when the row is right. TODO"""
    return None
'''

CASES = '''# {id} {name}: TODO one-line summary
# Each case is a report in the cell-per-line text form (each table cell a line starting
# with a TAB, a blank line ends a row); `expect` lists this check's findings alone
# (line, stated, computed; severity when it is not the default), [] where it is silent.
check: {id}
cases:
  - name: TODO-what-is-wrong
    example: bad
    report: |
      一、预算执行情况
      \t项目
      \t调整预算数
      \t实际支出数

      \t基本支出
      \t100.00
      \t90.00

    expect:
      - {{line: 0, stated: "TODO", computed: "TODO"}}
  - name: TODO-what-is-right
    example: good
    report: |
      一、预算执行情况
      \t项目
      \t调整预算数
      \t实际支出数

      \t基本支出
      \t100.00
      \t90.00

    expect: []
'''


def module_path(root: Path, check_id: str, name: str, family: str) -> Path:
    return root / "checks" / FOLDERS[family] / f"{check_id}_{name.replace('-', '_')}.py"


def scaffold(root: Path, check_id: str, name: str, family: str, severity: str) -> list[Path]:
    """Write the check's module and its cases under ``root``; refuses to overwrite."""
    from auditlint.engine.registry import ID_RE, NAME_RE

    if not ID_RE.match(check_id) or not NAME_RE.match(name):
        raise SystemExit(f"new_check: {check_id!r} must look like AL101 and {name!r} be kebab-case")
    module = module_path(root, check_id, name, family)
    cases = root / "tests" / "rules" / f"{check_id}.yml"
    for path in (module, cases):
        if path.exists():
            raise SystemExit(f"new_check: {path} exists")
    if not (module.parent / "__init__.py").is_file():
        raise SystemExit(f"new_check: {module.parent} is not a family folder of the check pack")
    fields = {"id": check_id, "name": name, "severity": severity, "function": name.replace("-", "_")}
    module.write_text(MODULE.format(**fields), encoding="utf-8")
    cases.parent.mkdir(parents=True, exist_ok=True)
    cases.write_text(CASES.format(**fields), encoding="utf-8")
    return [module, cases]


def register(root: Path, module: Path, check_id: str) -> None:
    """Make the registry see the new check: the installed pack imports it when ``root``
    is the checkout it was installed from; elsewhere (a copy) it is imported by path."""
    from auditlint.engine import registry

    if registry.get(check_id) is not None:
        return
    rel = module.relative_to(root / "checks").with_suffix("")
    name = ".".join(["auditlint", "checks", *rel.parts])
    spec = importlib.util.spec_from_file_location(name, module)
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[name] = loaded
    spec.loader.exec_module(loaded)


def regenerate_docs(root: Path) -> list[str]:
    from auditlint.engine.registry import all_checks
    from auditlint.report import rule_docs

    return rule_docs.write(root / rule_docs.RULES_PATH, rule_docs.pages(all_checks(), root / rule_docs.CASES_PATH))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/new_check.py", description=__doc__.splitlines()[0])
    parser.add_argument("check_id", help="AL999")
    parser.add_argument("name", help="kebab-case: some-name")
    parser.add_argument("--family", required=True, choices=sorted(FOLDERS))
    parser.add_argument("--severity", default="error", choices=["error", "warning", "info"])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to write into [default: this one]")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    written = scaffold(root, args.check_id, args.name, args.family, args.severity)
    register(root, written[0], args.check_id)
    written += [root / "docs" / "rules" / n for n in regenerate_docs(root)]
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
