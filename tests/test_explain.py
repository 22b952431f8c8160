"""`auditlint explain`, `auditlint rules`, and the generated rule pages (docs/rules/),
all from the checks' own metadata: they work for any registered check."""

from __future__ import annotations

import pytest

from auditlint.engine.registry import all_checks
from auditlint.report import rule_docs
from auditlint.report.wording import explanation_parts
from outputs import REPO, invoke

SPECS = all_checks()


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_every_check_explains_itself_with_a_bad_and_a_good_example(spec):
    for lang, kinds in (("zh", {"错误示例", "正确示例"}), ("en", {"Bad", "Good"})):
        parts = explanation_parts(spec.explanation[lang], lang)
        assert parts.body, f"{spec.id}: no {lang} explanation"
        assert {k for k, _ in parts.examples} == kinds, f"{spec.id}: {lang} needs a bad and a good example"


def test_explain_prints_both_languages():
    res = invoke("explain", "AL103")
    assert res.exit_code == 0
    out = res.stdout
    spec = next(s for s in SPECS if s.id == "AL103")
    assert out.splitlines()[0] == "AL103 row-identity-mismatch [error]"
    zh = explanation_parts(spec.explanation["zh"], "zh")
    en = explanation_parts(spec.explanation["en"], "en")
    assert out.index(spec.summary_zh) < out.index(zh.body) < out.index(spec.summary_en) < out.index(en.body)
    for _kind, example in (*zh.examples, *en.examples):
        assert example in out
    assert "  错误示例：" in out and "  Bad: " in out
    assert out.rstrip().endswith("/docs/rules/AL103.md")


def test_explain_one_language_and_by_name():
    en = invoke("explain", "--lang", "en", "row-identity-mismatch").stdout
    assert "Bad:" in en and "错误示例" not in en
    zh = invoke("explain", "al103", "--lang", "zh").stdout
    assert "错误示例" in zh and "Bad:" not in zh


def test_explain_unknown_check():
    res = invoke("explain", "AL777")
    assert res.exit_code == 2 and res.stderr.strip() == "auditlint: 没有 'AL777' 这项检查（见 auditlint rules）"


def test_rules_lists_every_check():
    out = invoke("rules", "--lang", "en").stdout.splitlines()
    assert [ln.split()[0] for ln in out] == [s.id for s in SPECS]
    first = out[0].split(maxsplit=3)
    assert first[1:3] == [SPECS[0].name, SPECS[0].severity.value] and first[3] == SPECS[0].summary_en


def test_rule_pages_are_up_to_date():
    """docs/rules is generated: after adding or changing a check run
    `python -m auditlint.report.rule_docs docs/rules`."""
    wanted = rule_docs.pages(SPECS)
    assert rule_docs.stale(REPO / "docs" / "rules", wanted) == [], "run: python -m auditlint.report.rule_docs docs/rules"


def test_rule_page_content(tmp_path):
    spec = next(s for s in SPECS if s.id == "AL101")
    page = rule_docs.rule_page(spec)
    zh = explanation_parts(spec.explanation["zh"], "zh")
    assert page.splitlines()[2] == "# AL101 table-total-mismatch"
    assert zh.body in page and "## Explanation" in page
    assert f"- **错误示例**：{zh.examples[0][1]}" in page
    assert "| 默认级别 / default severity | 错误 / `error` |" in page


def test_generator_writes_removes_and_checks(tmp_path, capsys):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "AL999.md").write_text("a page of a check that is gone\n", encoding="utf-8")
    assert rule_docs.main([str(folder), "--check"]) == 1
    assert rule_docs.main([str(folder)]) == 0
    assert not (folder / "AL999.md").exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{s.id}.md" for s in SPECS] + ["README.md"])
    assert rule_docs.main([str(folder), "--check"]) == 0
    index = (folder / "README.md").read_text(encoding="utf-8")
    assert all(f"[{s.id}]({s.id}.md)" in index for s in SPECS)
    capsys.readouterr()
