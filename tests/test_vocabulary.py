"""The vocabulary: one loader for the built-in words, extended from the settings file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from auditlint import vocab
from auditlint.cli import main
from reports import report

# 兑现比例 is no header word auditlint knows: without it the column is not a rate
TABLE = [
    ["项目", "预算数", "支出数", "兑现比例"],
    ["基本支出", "500.00", "480.00", "90.00%"],
    ["项目支出", "300.00", "290.00", "96.67%"],
    ["合计", "800.00", "770.00", "96.25%"],
]


@pytest.fixture(autouse=True)
def _builtin_words():
    yield
    vocab.use_extensions(())


def test_merge_extends_lists_merges_tables_and_replaces_the_rest():
    base = {"roles": {"actual": ["实际支出"], "label": ["项目"]}, "limit": 3}
    extra = {"roles": {"actual": ["实付金额", "实际支出"], "note": ["备注"]}, "limit": 5}
    assert vocab.merge(base, extra) == {
        "roles": {"actual": ["实际支出", "实付金额"], "label": ["项目"], "note": ["备注"]},
        "limit": 5,
    }


def _check(tmp_path, settings: str | None):
    (tmp_path / "r.txt").write_text(report(TABLE), encoding="utf-8")
    if settings is not None:
        (tmp_path / "auditlint.toml").write_text(settings, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(tmp_path / "r.txt"), "--format", "json", "--select", "AL201",
                                     "--config" if settings is not None else "--no-config",
                                     *([str(tmp_path / "auditlint.toml")] if settings is not None else [])])


def test_a_header_word_added_in_the_settings_is_read(tmp_path):
    # 480.00 ÷ 500.00 is 96.00%, not the 90.00% printed: only a reader that knows the word sees it
    assert '"AL201"' not in _check(tmp_path, None).output
    (tmp_path / "words.yaml").write_text("headers:\n  roles:\n    rate: [兑现比例]\n", encoding="utf-8")
    out = _check(tmp_path, '[vocabulary]\nextend = ["words.yaml"]\n')
    assert out.exit_code == 1, out.output
    assert '"AL201"' in out.output and "96.00" in out.output


def test_an_unknown_vocabulary_name_is_a_settings_error(tmp_path):
    (tmp_path / "words.yaml").write_text("header:\n  roles:\n    rate: [兑现比例]\n", encoding="utf-8")
    out = _check(tmp_path, '[vocabulary]\nextend = ["words.yaml"]\n')
    assert out.exit_code == 2
    assert "unknown vocabulary 'header'" in out.output and "Traceback" not in out.output
