"""Expanding batch INPUTs: files, folders, globs, @lists, duplicates by content."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.batch.inputs import InputError, collect, expand


def _tree(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "one.txt").write_text("一、甲\n", encoding="utf-8")
    (root / "a" / "b" / "two.pdf").write_bytes(b"%PDF-1.7 two")
    (root / "a" / "b" / "three.html").write_text("<html>三</html>", encoding="utf-8")
    (root / "a" / "download.do").write_bytes(b"%PDF-1.4 downloaded without a suffix")
    (root / "a" / "notes.yaml").write_text("key: value\n", encoding="utf-8")  # not a report
    (root / "a" / "data.csv").write_text("x,y\n1,2\n", encoding="utf-8")  # not a report
    (root / "a" / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    (root / "a" / ".git").mkdir()
    (root / "a" / ".git" / "HEAD.txt").write_text("ref\n", encoding="utf-8")


def _rel(paths, root: Path) -> list[str]:
    return [os.path.relpath(p, root) for p in paths]


def test_folder_is_recursive_takes_reports_by_suffix_or_magic_and_skips_hidden(tmp_path):
    _tree(tmp_path)
    got = _rel(expand([str(tmp_path / "a")]), tmp_path)
    assert sorted(got) == ["a/b/three.html", "a/b/two.pdf", "a/download.do", "a/one.txt"]


def test_named_file_is_taken_whatever_its_suffix(tmp_path):
    _tree(tmp_path)
    got = _rel(expand([str(tmp_path / "a" / "notes.yaml")]), tmp_path)
    assert got == ["a/notes.yaml"]


def test_glob_and_recursive_glob(tmp_path):
    _tree(tmp_path)
    assert _rel(expand([str(tmp_path / "a" / "*.txt")]), tmp_path) == ["a/one.txt"]
    assert sorted(_rel(expand([str(tmp_path / "**" / "*.pdf")]), tmp_path)) == ["a/b/two.pdf"]
    warned = []
    assert expand([str(tmp_path / "*.nothing")], warn=warned.append) == []
    assert len(warned) == 1 and "no file matches" in warned[0]


def test_at_list_skips_comments_and_blank_lines_and_may_name_folders(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.txt").write_text("# reports of 2024\n\na/one.txt\n  a/b  \n", encoding="utf-8")
    got = sorted(_rel(expand(["@list.txt"]), tmp_path))
    assert got == ["a/b/three.html", "a/b/two.pdf", "a/one.txt"]
    with pytest.raises(InputError, match="@missing.txt"):
        expand(["@missing.txt"])


def test_the_output_folder_inside_an_input_folder_is_not_read(tmp_path):
    _tree(tmp_path)
    out = tmp_path / "a" / "out"
    out.mkdir()
    (out / "index.html").write_text("<html>overview</html>", encoding="utf-8")
    got = _rel(expand([str(tmp_path / "a")], exclude=out), tmp_path)
    assert "a/out/index.html" not in got and "a/one.txt" in got


def test_same_bytes_are_one_report_listing_the_other_paths(tmp_path):
    (tmp_path / "x.txt").write_text("一、相同\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "copy.txt").write_text("一、相同\n", encoding="utf-8")
    (tmp_path / "y.txt").write_text("一、不同\n", encoding="utf-8")
    # the same file named twice (folder and path) is not a duplicate of itself
    sources = collect([str(tmp_path), str(tmp_path / "x.txt")])
    assert len(sources) == 2
    first = next(s for s in sources if s.duplicates)
    assert _rel([first.path], tmp_path) == ["sub/copy.txt"]
    assert _rel(first.duplicates, tmp_path) == ["x.txt"]
    assert len({s.sha256 for s in sources}) == 2


def test_missing_file_is_a_source_with_a_reason(tmp_path):
    (tmp_path / "ok.txt").write_text("一、\n", encoding="utf-8")
    sources = collect([str(tmp_path / "ok.txt"), str(tmp_path / "gone.pdf")])
    gone = next(s for s in sources if s.path.endswith("gone.pdf"))
    assert gone.error == "no such file" and gone.sha256 == ""


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([b"a", b"b", b"c", b"", b"\x00\x01"]), min_size=1, max_size=8))
def test_every_distinct_content_is_one_source_and_every_path_is_accounted_for(tmp_path_factory, contents):
    root = tmp_path_factory.mktemp("dedupe")
    for i, data in enumerate(contents):
        (root / f"f{i}.txt").write_bytes(data)
    sources = collect([str(root)])
    assert len(sources) == len(set(contents))
    listed = [s.path for s in sources] + [d for s in sources for d in s.duplicates]
    assert sorted(listed) == sorted(str(root / f"f{i}.txt") for i in range(len(contents)))
    assert [s.path for s in sources] == sorted(s.path for s in sources)


def test_batch_honours_the_settings_file(tmp_path, monkeypatch):
    """auditlint.toml found upward from the working directory applies to batch as to check."""
    from batch_support import batch, read_csv
    from reports import report

    folder = tmp_path / "in"
    folder.mkdir()
    table = [["项目", "调整预算数", "实际支出数", "执行率"], ["党团活动经费", "-1087.3", "1.79", "—"],
             ["专项租赁费", "0", "0", "NaN%"]]
    (folder / "r.txt").write_text(report(table), encoding="utf-8")
    (tmp_path / "auditlint.toml").write_text('ignore = ["AL302"]\n[severity]\nAL301 = "warning"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = batch("in", "-o", "out", "--jobs", "1")
    assert res.exit_code == 0, res.output
    rows = read_csv(tmp_path / "out" / "findings.csv")
    assert {(r["check_id"], r["severity"]) for r in rows} == {("AL301", "warning")}
    bad = batch("in", "-o", "out2", "--jobs", "1", "--select", "AL999")
    assert bad.exit_code == 2 and "没有这些检查编号：AL999" in bad.stderr
