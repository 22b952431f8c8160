"""``auditlint eval``: matching findings to labels, the figures, the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from auditlint.accuracy.evaluate import Got, Label, Result, evaluate, gate_failures, match, norm_value
from auditlint.cli import main

REG = {"AL101", "AL301"}


def test_norm_value():
    assert norm_value("＝98.19%") == "98.19"
    assert norm_value("1,782.77万元") == "1782.77"
    assert norm_value("−0.42") == "-0.42"
    assert norm_value("2023年度部门决算报告") == "2023"


def test_match_by_line_and_value():
    labels = [Label("AL101", 57, "793.70", "803.70"), Label("AL301", 123, "-0.42", "≥ 0")]
    got = [Got("AL301", 123, "-0.42", ""), Got("AL101", 57, "793.70", "")]
    o = match(labels, got, True, REG, "r", "txt", False)
    assert len(o.hits) == 2 and not o.misses and not o.false_positives


def test_wrong_line_and_value_is_a_miss_and_a_false_positive():
    o = match([Label("AL101", 57, "793.70", "803.70")], [Got("AL101", 58, "769.93", "")], True, REG, "r", "txt", False)
    assert [m.stated for m in o.misses] == ["793.70"]
    assert [g.stated for g in o.false_positives] == ["769.93"]


def test_value_matches_when_format_has_no_lines():
    o = match([Label("AL101", 57, "793.70", "803.70")], [Got("AL101", None, "793.70", "")], False, REG, "r", "html",
              False)
    assert len(o.hits) == 1


def test_one_finding_hits_one_label():
    labels = [Label("AL101", 10, "5.00", "4.00"), Label("AL101", 20, "9.00", "8.00")]
    o = match(labels, [Got("AL101", 10, "5.00", "")], True, REG, "r", "txt", False)
    assert len(o.hits) == 1 and len(o.misses) == 1


def test_cell_line_counts_as_the_labels_line():
    lb = Label("AL101", 12, "7", "5", cell_line=10)
    assert match([lb], [Got("AL101", 10, "x", "")], True, REG, "r", "txt", False).hits


def test_unregistered_check_is_no_check_yet_not_a_miss():
    o = match([Label("AL402", 3, "1", "2")], [], True, REG, "r", "txt", False)
    assert not o.misses and [lb.check for lb in o.no_check] == ["AL402"]


def test_optional_label_neither_required_nor_false_positive():
    lb = Label("AL101", 3, "1", "2", optional=True)
    assert not match([lb], [], True, REG, "r", "txt", False).misses
    o = match([lb], [Got("AL101", 3, "1", "")], True, REG, "r", "txt", False)
    assert not o.hits and not o.false_positives and len(o.accepted) == 1


def test_figures_and_gate():
    ok = match([Label("AL101", 1, "1", "2")], [Got("AL101", 1, "1", "")], True, REG, "a", "txt", False)
    miss = match([Label("AL101", 1, "1", "2")], [], True, REG, "b", "txt", False)
    clean_fp = match([], [Got("AL301", 4, "-1", "")], True, REG, "c", "txt", True)
    r = Result([ok, miss, clean_fp], REG, {})
    fam = r.by_family()
    assert fam["AL1xx"].recall == 0.5 and fam["AL1xx"].precision == 1.0
    assert fam["AL3xx"].precision == 0.0
    fails = gate_failures(r, 0.95, 0.95)
    assert any("AL1xx: recall" in f for f in fails) and any("clean" in f for f in fails)


def _labelled(tmp_path: Path, body: str, expect: str) -> Path:
    d = tmp_path / "c" / "one"
    d.mkdir(parents=True)
    (d / "bad.txt").write_text(body, encoding="utf-8")
    (d / "labels.yaml").write_text(f"reports:\n  bad:\n    mutation: total\n    expect:\n{expect}", encoding="utf-8")
    return tmp_path / "c"


BODY = "一、预算\n\t项目\n\t年初预算数\n\t实际支出数\n\n\t基本支出\n\t100.00\n\t90.00\n\n\t项目支出\n\t50.00\n\t40.00\n\n\t合计\n\t150.00\n\t140.00\n"


def test_evaluate_on_a_small_folder(tmp_path: Path):
    root = _labelled(tmp_path, BODY, "    - {check: AL101, line: 16, stated: '140.00', computed: '130.00'}\n")
    r = evaluate(root, formats=("txt",))
    c = r.by_check()["AL101"]
    assert (c.tp, c.fn, c.fp) == (1, 0, 0)


def test_unlabelled_finding_is_listed_as_false_positive(tmp_path: Path):
    root = _labelled(tmp_path, BODY, "      []\n")
    out = CliRunner().invoke(main, ["eval", str(root), "--formats", "txt"])
    assert out.exit_code == 0, out.output
    assert "unexpected findings on labelled reports (false positives): 1" in out.output
    assert "AL101" in out.output


def test_cli_gate_exit_code_and_summary(tmp_path: Path):
    root = _labelled(tmp_path, BODY, "    - {check: AL101, line: 16, stated: '140.00', computed: '130.00'}\n"
                                     "    - {check: AL301, line: 7, stated: '-1', computed: '≥ 0'}\n")
    summary = tmp_path / "summary.md"
    out = CliRunner().invoke(main, ["eval", str(root), "--min-recall", "0.95", "--summary", str(summary)])
    assert out.exit_code == 1
    assert "misses (a planted mistake no check reported): 1" in out.output
    assert "AL3xx: recall" in out.output
    assert "| AL101 |" in summary.read_text(encoding="utf-8")


def test_cli_broken_labels_file_is_one_line_error(tmp_path: Path):
    root = _labelled(tmp_path, BODY, "    []\n")  # not indented under expect: invalid YAML
    out = CliRunner().invoke(main, ["eval", str(root)])
    assert out.exit_code == 2
    assert out.exception is None or isinstance(out.exception, SystemExit)
    assert "labels.yaml" in out.output and "Traceback" not in out.output


def test_cli_without_labels_is_a_usage_error(tmp_path: Path):
    out = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert out.exit_code == 2 and "no labels.yaml" in out.output


def test_generator_tool_writes_what_eval_measures(tmp_path: Path):
    # generating is the repository's tool, not a command of the installed package
    tool = Path(__file__).resolve().parents[1] / "tools" / "corpus.py"
    made = subprocess.run([sys.executable, str(tool), "generate", str(tmp_path / "gen"), "--seeds", "1"],
                          capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "gen" / "nanjing-rules" / "labels.yaml").exists()
    out = CliRunner().invoke(main, ["eval", str(tmp_path / "gen")])
    assert out.exit_code == 0, out.output
    assert "per family" in out.output and "overall" in out.output


def test_cli_no_longer_generates(tmp_path: Path):
    out = CliRunner().invoke(main, ["eval", str(tmp_path / "gen"), "--generate"])
    assert out.exit_code == 2 and "没有 '--generate' 这个选项" in out.output
    assert not (tmp_path / "gen").exists()
