"""Every check's pass/fail cases, ``tests/rules/ALxxx.yml`` (sqlfluff's YAML test cases
are the model): each case is a small report in the text form auditlint reads and the
findings its check alone gives on it, line, stated and computed figures (and severity
where it is not the check's default), or ``expect: []`` where it must stay silent.

The cases marked ``example: bad`` / ``example: good`` are the examples the rule pages and
``auditlint explain`` publish, so a published example that stops working fails here.
To add cases for a new check: ``python scripts/new_check.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.engine.registry import all_checks
from auditlint.report.rule_docs import EXAMPLE_KINDS, RuleCase, expected, load_cases, observed, run_case
from auditlint.report.wording import explanation_parts

RULES = Path(__file__).parent / "rules"
SPECS = {s.id: s for s in all_checks() if s.source == "builtin"}
CASES = [case for path in sorted(RULES.glob("AL*.yml")) for case in load_cases(path)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.check}:{c.name}" for c in CASES])
def test_case(case: RuleCase):
    spec = SPECS.get(case.check)
    assert spec is not None, f"tests/rules/{case.check}.yml: no such check"
    found, problems = run_case(case)
    assert problems == []
    assert observed(found, spec.severity.value) == expected(case, spec.severity.value)


@pytest.mark.parametrize("check_id", sorted(SPECS))
def test_every_check_has_firing_silent_and_example_cases(check_id: str):
    assert (RULES / f"{check_id}.yml").is_file(), f"tests/rules/{check_id}.yml is missing (scripts/new_check.py writes one)"
    mine = [c for c in CASES if c.check == check_id]
    assert any(c.fires for c in mine), f"{check_id}: no case where it fires"
    assert any(not c.fires for c in mine), f"{check_id}: no case where it stays silent"
    assert sorted(c.example for c in mine if c.example) == list(EXAMPLE_KINDS), \
        f"{check_id}: mark one firing case `example: bad` and one silent case `example: good`"


def test_no_case_file_for_a_check_that_does_not_exist():
    assert sorted(p.stem for p in RULES.glob("AL*.yml") if p.stem not in SPECS) == []


def test_a_case_with_a_typo_in_a_key_is_refused(tmp_path):
    from auditlint.report.rule_docs import CaseError

    path = tmp_path / "AL103.yml"
    path.write_text("check: AL103\ncases:\n  - name: x\n    report: |\n      一、概况\n    expected: []\n", encoding="utf-8")
    with pytest.raises(CaseError, match="name, report, expect"):
        load_cases(path)
    path.write_text("check: AL103\ncases:\n  - name: x\n    example: bad\n    report: |\n      一、概况\n    expect: []\n",
                    encoding="utf-8")
    with pytest.raises(CaseError, match="bad example must give a finding"):
        load_cases(path)


def test_a_case_that_expects_the_wrong_figures_fails():
    """The comparison itself: one figure off is a difference."""
    case = next(c for c in CASES if c.check == "AL103" and c.fires)
    found, _ = run_case(case)
    wrong = [dict(e, computed="0") for e in expected(case, "error")]
    assert observed(found, "error") != wrong


def test_new_check_scaffolds_a_check_its_cases_and_its_page(tmp_path, monkeypatch):
    """scripts/new_check.py into a bare copy of the layout (--root): the module imports and
    registers, its cases load (the silent one passes, the firing one waits to be filled
    in), its rule page is written, and nothing is overwritten."""
    import subprocess
    import sys

    from auditlint.engine import registry

    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "scripts"))
    import new_check

    root = tmp_path / "repo"
    for folder in set(new_check.FOLDERS.values()):
        (root / "checks" / folder).mkdir(parents=True)
        (root / "checks" / folder / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))  # AL999 must not outlive the test
    module_name = "auditlint.checks.values.AL999_some_name"
    try:
        argv = ["AL999", "some-name", "--family", "values", "--severity", "warning", "--root", str(root)]
        assert new_check.main(argv) == 0
        module = root / "checks" / "values" / "AL999_some_name.py"
        spec = registry.get("AL999")
        assert spec is not None and (spec.name, spec.severity.value, spec.func.__module__) == ("some-name", "warning", module_name)
        assert [m.en for m in spec.messages] == ["{label}: TODO what is wrong (stated {stated}, expected {computed})"]
        assert {k for k, _ in explanation_parts(spec.explanation["en"], "en").examples} == {"Bad", "Good"}
        assert subprocess.run([sys.executable, "-m", "ruff", "check", "--quiet", str(module)]).returncode == 0

        bad, good = load_cases(root / "tests" / "rules" / "AL999.yml")
        assert (bad.example, bad.fires, good.example, good.fires) == ("bad", True, "good", False)
        assert observed(run_case(good)[0], "warning") == expected(good, "warning") == []
        assert observed(run_case(bad)[0], "warning") != expected(bad, "warning")  # until it is written

        page = (root / "docs" / "rules" / "AL999.md").read_text(encoding="utf-8")
        assert page.splitlines()[2] == "# AL999 some-name" and "### 错误示例 / Bad: TODO-what-is-wrong" in page
        assert "[AL999](AL999.md)" in (root / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
        with pytest.raises(SystemExit, match="exists"):
            new_check.main(argv)
    finally:
        sys.modules.pop(module_name, None)
