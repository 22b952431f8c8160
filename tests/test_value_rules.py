"""The value rules (AL301–AL303) evaluated in plain Python agree with the pandera
schema built from the same rules, on every budget table of the corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditlint.extract import extract
from auditlint.extract.value_rules import budget_tables, failures, schema_failures
from auditlint.readers import read

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted(p for p in (ROOT / "corpus").rglob("*.txt") if "_repro" not in p.parts)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: str(p.relative_to(ROOT / "corpus")))
def test_plain_evaluation_equals_the_pandera_schema(path):
    facts = extract(read(path))
    for ct in budget_tables(facts):
        assert failures(ct) == schema_failures(ct)


def test_checking_a_report_imports_neither_pandas_nor_pandera():
    code = (
        "import sys\n"
        "from auditlint.engine.run import RunOptions, lint_file\n"
        f"r = lint_file({str(ROOT / 'corpus/examples/department-2024.txt')!r}, RunOptions(plugins=False))\n"
        "assert any(f.check_id == 'AL301' for f in r.findings) or r.findings\n"
        "print('pandas' in sys.modules, 'pandera' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_the_comparison_covers_tables_that_break_the_rules():
    # a planted negative amount and a rate over 100%: the equality above is not about empty sets only
    broken = [ct for name in ("jiangsu-department/sign.txt", "jiangsu-department/rate.txt")
              for ct in budget_tables(extract(read(ROOT / "corpus" / name))) if failures(ct)]
    assert broken and all(failures(ct) == schema_failures(ct) for ct in broken)
