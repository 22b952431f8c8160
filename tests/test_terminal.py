"""The terminal reporter: ruff-like lines, arithmetic and hint, grouping, summary,
--quiet, --statistics, --lang, and colour only on a terminal."""

from __future__ import annotations

import io
import re

from auditlint.engine import registry
from auditlint.report.terminal import console_for, render, summary_line
from outputs import WORSE, bad_report, invoke, line_of, pdf_result, run

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def clean_env(monkeypatch) -> None:
    for var in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(var, raising=False)


def test_findings_lines_arithmetic_hint_and_summary(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    path = bad_report(tmp_path)
    res = invoke("check", "report.txt")
    assert res.exit_code == 1
    out = res.stdout.splitlines()
    (f, total) = run([path])[0].findings
    # the message is the check's; the frame around it is the reporter's
    assert out[0] == f"report.txt:13:2: AL103 [error] {f.message_zh}"
    assert f.message_zh.startswith("基本支出：") and "709.66" in f.message_zh and "715.69" in f.message_zh
    assert out[1] == "    算式：710.52 + 0 - 0.86 = 709.66；报告为 715.69，相差 6.03（按四舍五入允许的误差 ±0.02）"
    assert out[2] == f"    提示：{registry.get('AL103').summary_zh}。详见 auditlint explain AL103"
    assert out[3] == f"report.txt:27:2: AL103 [error] {total.message_zh}"
    assert out[-1] == "共发现 2 个问题（2 个错误），涉及 1 个文件中的 1 个。"
    assert line_of(path, 13) == "\t715.69"
    assert not ANSI.search(res.stdout)  # not a terminal: no colour


def test_english(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    out = invoke("check", "--lang", "en", "report.txt").stdout.splitlines()
    f = run([tmp_path / "report.txt"])[0].findings[0]
    assert out[0] == f"report.txt:13:2: AL103 [error] {f.message_en}" and "715.69" in f.message_en
    assert out[1] == "    arithmetic: 710.52 + 0 - 0.86 = 709.66; the report states 715.69, 6.03 apart (rounding allows ±0.02)"
    assert out[2] == f"    hint: {registry.get('AL103').summary_en} — see `auditlint explain AL103`"
    assert out[-1] == "Found 2 problems (2 errors) in 1 of 1 file."


def test_grouped_by_file_riskiest_first(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path, "a.txt")
    bad_report(tmp_path, "b.txt", WORSE)
    (tmp_path / "c.txt").write_text("一、概况\n本单位无预算表。\n", encoding="utf-8")
    out = invoke("check", "a.txt", "b.txt", "c.txt").stdout
    heads = [ln.split(":")[0] for ln in out.splitlines() if re.match(r"^\w\.txt:\d+:\d+: AL\d{3} ", ln)]
    assert heads == ["b.txt", "b.txt", "a.txt", "a.txt"]  # b has the higher risk (a negative amount)
    blocks = out.split("\n\n")
    assert blocks[0].startswith("b.txt:8:2: AL301 [error]") and blocks[1].startswith("a.txt:13:2: AL103")
    # c.txt has no table and no figure: it was not checked clean, there was nothing to check
    assert out.splitlines()[-1] == ("共发现 4 个问题（4 个错误），涉及 2 个文件中的 2 个。"
                                    "1 个文件没有可核对的内容（未找到预算表、评分表或正文数字），这不等于没有问题。")


def test_quiet_prints_only_the_findings(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    res = invoke("check", "-q", "report.txt")
    lines = res.stdout.splitlines()
    assert res.exit_code == 1 and len(lines) == 2
    assert all(re.match(r"^report\.txt:\d+:2: AL103 \[error\] ", ln) for ln in lines)
    clean = tmp_path / "clean.txt"
    clean.write_text("一、概况\n本单位无预算表。\n", encoding="utf-8")
    res = invoke("check", "-q", "clean.txt")
    assert res.exit_code == 0 and res.stdout == ""


def test_statistics(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path, "a.txt")
    bad_report(tmp_path, "b.txt", WORSE)
    res = invoke("check", "--statistics", "a.txt", "b.txt")
    assert res.exit_code == 1
    rows = [ln.split(maxsplit=3) for ln in res.stdout.splitlines()]
    assert [(r[0], r[1]) for r in rows] == [("2", "AL103"), ("1", "AL301"), ("1", "AL302")]
    assert rows[0][2] == "row-identity-mismatch" and rows[0][3] == registry.get("AL103").summary_zh


def test_no_findings(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    table = "\t项目\n\t预算数\n\t支出数\n\n\t基本支出\n\t50.00\n\t48.00\n\n\t合计\n\t50.00\n\t48.00\n"
    (tmp_path / "clean.txt").write_text("一、预算执行情况\n" + table, encoding="utf-8")
    res = invoke("check", "clean.txt")
    assert res.exit_code == 0 and res.stdout == "clean.txt: 读取 1 张表；核对 4 个数字\n检查了 1 个文件，未发现问题。\n"
    assert invoke("check", "--lang", "en", "clean.txt").stdout == (
        "clean.txt: read 1 table; checked 4 numbers\nNo problems found in 1 file.\n")


def test_long_lines_are_not_wrapped(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    first = invoke("check", "report.txt").stdout.splitlines()[0]
    assert first.startswith("report.txt:13:2: AL103") and first.endswith(run([tmp_path / "report.txt"])[0].findings[0].message_zh)
    assert len(first) > 40


def test_colour_on_a_terminal_and_no_color():
    buf = io.StringIO()
    render([pdf_result()], console=console_for(buf, color=True))
    coloured = buf.getvalue()
    assert "\x1b[" in coloured and "\x1b[1;31m" in coloured  # the error in bold red
    assert ANSI.sub("", coloured).splitlines()[0].startswith(
        "scan/年报.pdf:第3页 · 表2 第2行第4列: AL103 [error] 基本支出：")
    plain = io.StringIO()
    render([pdf_result()], console=console_for(plain, color=False))
    assert not ANSI.search(plain.getvalue()) and plain.getvalue() == ANSI.sub("", coloured)


def test_no_color_environment_is_honoured(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.setenv("FORCE_COLOR", "1")
    buf = io.StringIO()
    render([pdf_result()], console=console_for(buf))
    assert "\x1b[1;31m" in buf.getvalue()  # forced: a pipe gets colour
    monkeypatch.setenv("NO_COLOR", "1")
    buf = io.StringIO()
    render([pdf_result()], console=console_for(buf))
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", buf.getvalue())  # NO_COLOR: no colours (bold may stay)


def test_text_output_to_a_file_has_no_colour(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    res = invoke("check", "report.txt", "-o", "out.txt")
    assert res.exit_code == 1 and res.stdout == ""
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert not ANSI.search(text) and text.startswith("report.txt:13:2: AL103 [error]")


def test_summary_mentions_the_baseline():
    assert summary_line([], "zh", hidden=3) == "检查了 0 个文件，未发现问题。另有 3 个已记入基线，未显示。"
    assert summary_line([pdf_result()], "en", hidden=1) == (
        "Found 1 problem (1 error) in 1 of 1 file. 1 more in the baseline, not shown.")


def test_read_errors_go_to_stderr_one_line_each(tmp_path, monkeypatch):
    clean_env(monkeypatch)
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = invoke("check", "report.txt", "empty.txt")
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == ["auditlint: empty.txt: 文件是空的，没有可检查的内容：请确认导出或下载的是完整的报告"]
    assert "report.txt:13:2: AL103" in res.stdout


def test_an_unreadable_file_is_never_summarised_as_clean(tmp_path):
    from auditlint.engine.run import FileResult
    from auditlint.report.terminal import summary_line

    unread = FileResult("bad.pdf", error="truncated PDF (the end of the file is missing)")
    assert summary_line([unread]) == "1 个文件无法检查（原因见上）。"
    assert "No problems" not in summary_line([unread], "en")
    clean = FileResult("ok.txt")
    assert summary_line([clean, unread], "en") == "No problems found in 1 file. 1 file could not be checked (see above)."
