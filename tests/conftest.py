from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# eval tables collected by the accuracy tests, printed at the end of the run so CI's log shows them
EVAL_TABLES = pytest.StashKey[list]()
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests expect auditlint's default language; an English locale on the machine running
    them would switch it (LC_ALL/LC_MESSAGES/LANG choose English when --lang is not given)."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.fixture
def seeds() -> Path:
    """The real published reports beside the project; skip when they are absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present on this machine")
    return SEEDS


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for title, text in config.stash.get(EVAL_TABLES, []):
        terminalreporter.section(title)
        terminalreporter.write_line(text)
