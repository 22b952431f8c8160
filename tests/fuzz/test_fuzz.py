"""The fuzzing harness in the default test run: every crash it ever found, and a
few hundred fresh cases (``python -m tests.fuzz --cases N`` runs any number)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from .cases import KINDS, make
from .harness import SLOW_SECONDS, regressions, run_case
from .strategies import report_text

CHUNK = 25


def _assert_handled(data: bytes, name: str, label: str) -> None:
    outcome = run_case(data, name)
    assert outcome.status in ("ok", "refused"), f"{label}: {outcome.detail}"
    assert outcome.seconds < SLOW_SECONDS, f"{label}: {outcome.seconds:.1f} s"


@pytest.mark.parametrize("path", regressions(), ids=lambda p: p.name)
def test_every_crash_found_is_handled_now(path: Path) -> None:
    _assert_handled(path.read_bytes(), path.name, path.name)


@pytest.mark.parametrize("first", range(0, 200, CHUNK))
def test_two_hundred_mixed_cases(first: int) -> None:
    for seed in range(first, first + CHUNK):
        kind, data, name = make(seed, list(KINDS))
        _assert_handled(data, name, f"case {seed} ({kind})")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_text)
def test_hypothesis_reports_are_read_and_checked(text: str) -> None:
    _assert_handled(text.encode(), "case.txt", repr(text[:200]))
    _assert_handled(text.encode("gb18030"), "case.txt", repr(text[:200]))


def test_the_corpus_mutator_edits_lines_and_numbers() -> None:
    import random

    from .mutate import mutate

    text = "一、概况\n本年支出300.00万元。\n\t合计\n\t100.00\n"
    variants = {mutate(text, random.Random(seed)) for seed in range(50)}
    assert len(variants - {text}) > 20
    assert any("NaN" in v or "1e308" in v or "９" in v or "—" in v or "99999" in v for v in variants)
