"""The built-in vocabularies are parsed by libyaml where PyYAML has it: the data must
be what the pure-Python safe loader builds."""

from __future__ import annotations

import pytest
import yaml

from auditlint import vocab


@pytest.mark.parametrize("name", vocab.NAMES)
def test_the_fast_loader_builds_the_same_data(name: str) -> None:
    vocab._builtin.cache_clear()
    assert vocab._builtin(name) == yaml.safe_load(vocab.builtin_text(name))
