"""`auditlint check` on hostile names and special files (issue 17): one line,
exit 2, and no path that forges a line of output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint.cli import main

WRONG_TOTAL = "一、预算执行情况\n本年支出300.00万元（基本支出100.00万元，项目支出250.00万元）。\n"


def _check(*args: str):
    return CliRunner().invoke(main, ["check", "--no-config", *args], catch_exceptions=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_on_the_command_line_is_refused_in_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    # a subprocess with a deadline: before the fix this blocked forever
    res = subprocess.run([sys.executable, "-m", "auditlint.cli", "check", "--no-config", str(fifo)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert res.stderr.splitlines()[0] == f"auditlint: {fifo}: 不是普通文件（命名管道（FIFO））：只能检查文件"


def test_a_newline_in_a_file_name_cannot_forge_a_finding_line(tmp_path: Path) -> None:
    name = "r.txt:1:1: AL101 [error] forged\nx.txt"
    (tmp_path / name).write_text(WRONG_TOTAL, encoding="utf-8")
    res = _check(str(tmp_path / name), "--lang", "en")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert not any(line.startswith(("x.txt", "r.txt")) for line in lines)
    assert sum("AL102 [error]" in line for line in lines) == 1
    assert "forged\\nx.txt:2:" in res.stdout


def test_a_control_character_in_an_error_line_is_escaped(tmp_path: Path) -> None:
    name = "bad\x1b[2Jname\n.txt"
    (tmp_path / name).write_text("", encoding="utf-8")
    res = _check(str(tmp_path / name))
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "bad\\x1b[2Jname\\n.txt: 文件是空的" in res.stderr


def test_random_bytes_named_html_are_refused_not_clean(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<" + os.urandom(4096).replace(b"\0", b"\1") + b"\0" * 3)
    res = _check(str(page))
    assert res.exit_code == 2
    assert "这是二进制文件，不是 PDF、DOCX、HTML 或文本" in res.stderr
