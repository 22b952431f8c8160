from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture
def seeds() -> Path:
    """The real published reports beside the project; skip when they are absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present on this machine")
    return SEEDS
