"""A bug in a check or an extractor is ours, not the report's: the user gets one line
and exit code 2, never a traceback, and the other checks' findings are kept."""

from __future__ import annotations

from click.testing import CliRunner

from auditlint.cli import main
from auditlint.engine.run import RunOptions, lint_file
from reports import report, write

BROKEN = '''
from auditlint.engine.registry import check


@check("AL902", "always-fails", severity="error", zh="测试", en="test")
def always_fails(facts):
    """
    zh:
    测试用检查，总是出错。错误示例：无。正确示例：无。

    en:
    A test check that always raises. Bad: none. Good: none.
    """
    raise ZeroDivisionError("division by zero in a test check")
    yield
'''

TABLE = [
    ["项目", "年初预算数", "追加", "扣减", "调整后预算数"],
    ["基本支出", "710.52", "0", "0.86", "715.69"],
]


def test_a_failing_check_is_one_line_and_exit_2_and_others_still_report(tmp_path, monkeypatch):
    from auditlint.engine import registry

    # the broken check must not stay registered for the rest of the test session
    registry.load_builtin()
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    monkeypatch.setattr(registry, "_loaded", set(registry._loaded))
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "broken.py").write_text(BROKEN, encoding="utf-8")
    path = write(tmp_path, report(TABLE))
    result = CliRunner().invoke(main, ["check", str(path), "--checks", str(tmp_path / "packs"), "--select", "AL103,AL902"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    problem = [ln for ln in result.stderr.splitlines() if "AL902" in ln]
    assert len(problem) == 1 and "ZeroDivisionError" in problem[0] and "内部错误" in problem[0]
    assert "AL103" in result.stdout  # the working check still reported the row identity


def test_a_failing_extractor_becomes_a_file_error(tmp_path, monkeypatch):
    import auditlint.extract.tables as tables

    def boom(facts):
        raise KeyError("no such role")

    # the tables are read when the first check asks for them
    monkeypatch.setattr(tables, "extract_into", boom)
    path = write(tmp_path, report(TABLE))
    res = lint_file(path, RunOptions())
    assert res.findings == [] and res.error is not None
    assert res.error.startswith("internal error while analysing the report (KeyError")


def test_facts_are_extracted_when_first_read(tmp_path, monkeypatch):
    import auditlint.extract.narrative as narrative
    import auditlint.extract.scoring as scoring

    def never(facts):
        raise AssertionError("extracted although no selected check reads it")

    monkeypatch.setattr(narrative, "extract_into", never)
    monkeypatch.setattr(scoring, "extract_into", never)
    res = lint_file(write(tmp_path, report(TABLE)), RunOptions(select=frozenset({"AL103", "AL601"}), plugins=False,
                                                               stated_score=False))
    assert res.error is None and res.problems == []
    assert [f.check_id for f in res.findings] == ["AL103"]


def test_stated_total_score_comes_from_the_narrative(tmp_path):
    text = "四、评价结论\n经综合评定，自评得分为96分，等级为优。\n" + report(TABLE)
    res = lint_file(write(tmp_path, text), RunOptions())
    assert res.stated_total_score == "96"
