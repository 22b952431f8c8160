"""The example reports shipped in corpus/examples give exactly their expected findings,
with every built-in check enabled: the planted ones, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditlint.engine.run import RunOptions, lint_file

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"


@pytest.mark.parametrize("expected", sorted(EXAMPLES.glob("*.expected.yaml")), ids=lambda p: p.name)
def test_example_findings(expected: Path):
    spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
    result = lint_file(EXAMPLES / spec["report"], RunOptions(plugins=False))
    assert result.error is None
    got = sorted((f.check_id, f.location.line, f.evidence.stated, f.evidence.computed) for f in result.findings)
    want = sorted((e["check"], e["line"], e["stated"], e["computed"]) for e in spec["findings"])
    assert got == want
