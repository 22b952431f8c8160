""".doc, .wps and .xls through LibreOffice: converted in a private folder and
read as .docx/.xlsx when ``soffice`` is installed, one line saying what to do
when it is not. A fake ``soffice`` (a script copying a prepared file) makes the
tests run everywhere; one test uses the real LibreOffice when it is there."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from auditlint.engine.run import RunOptions, lint_file
from auditlint.model import Table
from auditlint.readers import ReadError, read, read_data
from auditlint.readers import convert as convert_module
from fixture_docs import parity_report, to_docx

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
WORD_97 = OLE + "WordDocument".encode("utf-16-le") + b"\x00\x00" + b"\x00" * 64
EXCEL_97 = OLE + "Workbook".encode("utf-16-le") + b"\x00\x00" + b"\x00" * 64

FAKE = '''#!{python}
"""Stands in for LibreOffice: copies $FAKE_SOFFICE_RESULT where soffice would write."""
import json, os, shutil, sys, time
args = sys.argv[1:]
with open(os.environ["FAKE_SOFFICE_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps({{"args": args, "cwd": os.getcwd()}}) + "\\n")
if os.environ.get("FAKE_SOFFICE_SLEEP"):
    time.sleep(float(os.environ["FAKE_SOFFICE_SLEEP"]))
target = args[args.index("--convert-to") + 1]
outdir = args[args.index("--outdir") + 1]
source = args[-1]
result = os.environ.get("FAKE_SOFFICE_RESULT")
if result:
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(source))[0]
    shutil.copy(result, os.path.join(outdir, stem + "." + target))
'''


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """A ``soffice`` first on PATH; returns the file its calls are logged to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "soffice.log"
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    return log


def _blocks(doc) -> list:  # noqa: ANN001
    return [("T", b.texts()) if isinstance(b, Table) else ("P", b.text) for b in doc.blocks]


def test_a_doc_is_converted_in_a_private_folder_and_read_as_docx(tmp_path, fake_soffice, monkeypatch):
    docx_bytes = to_docx(parity_report())
    prepared = tmp_path / "prepared.docx"
    prepared.write_bytes(docx_bytes)
    monkeypatch.setenv("FAKE_SOFFICE_RESULT", str(prepared))
    original = tmp_path / "2024年 自评报告 (终稿);rm -rf.wps"
    original.write_bytes(WORD_97)

    doc = read(original)
    assert doc.format == "doc"
    assert _blocks(doc) == _blocks(read_data(docx_bytes, "x.docx", ".docx"))
    call = json.loads(fake_soffice.read_text(encoding="utf-8").splitlines()[0])
    args = call["args"]
    # the user's file name never reaches the command line; our copy does, in a folder of ours
    assert original.name not in " ".join(args)
    assert Path(args[-1]).name == "input.doc" and Path(args[-1]).parent == Path(call["cwd"])
    assert args[args.index("--convert-to") + 1] == "docx" and "--headless" in args
    assert args[0].startswith("-env:UserInstallation=file://")
    assert not Path(call["cwd"]).exists()  # the temporary folder is gone

    from_wps = lint_file(original, RunOptions(plugins=False))
    (tmp_path / "same.docx").write_bytes(docx_bytes)
    from_docx = lint_file(tmp_path / "same.docx", RunOptions(plugins=False))
    assert from_wps.error is None and from_docx.findings
    assert sorted(f.fingerprint for f in from_wps.findings) == sorted(f.fingerprint for f in from_docx.findings)


def test_an_xls_is_converted_to_xlsx(tmp_path, fake_soffice, monkeypatch):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["项目", "预算数", "执行数"])
    wb.active.append(["基本支出", 520.9, 518.36])
    prepared = tmp_path / "prepared.xlsx"
    wb.save(prepared)
    monkeypatch.setenv("FAKE_SOFFICE_RESULT", str(prepared))
    original = tmp_path / "budget.xls"
    original.write_bytes(EXCEL_97)

    doc = read(original)
    assert doc.format == "xls"
    assert doc.tables[0].texts() == [["项目", "预算数", "执行数"], ["基本支出", "520.9", "518.36"]]
    args = json.loads(fake_soffice.read_text(encoding="utf-8"))["args"]
    assert Path(args[-1]).name == "input.xls" and args[args.index("--convert-to") + 1] == "xlsx"


@pytest.mark.parametrize("data, suffix, message", [
    (WORD_97, ".doc", "an old binary Word file (.doc/.wps): cannot read it without LibreOffice: "
                      "install it (apt-get install libreoffice-writer) or save the file as .docx"),
    (EXCEL_97, ".xls", "an old binary Excel file (.xls): cannot read it without LibreOffice: "
                       "install it (apt-get install libreoffice-calc) or save the file as .xlsx"),
])
def test_without_libreoffice_one_line_says_what_to_do(tmp_path, monkeypatch, data, suffix, message):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(ReadError) as info:
        read_data(data, "old" + suffix, suffix)
    assert str(info.value) == message


def test_a_conversion_that_writes_nothing_or_hangs_is_one_line(tmp_path, fake_soffice, monkeypatch):
    monkeypatch.delenv("FAKE_SOFFICE_RESULT", raising=False)
    with pytest.raises(ReadError, match=r"^an old binary Word file \(\.doc/\.wps\) that LibreOffice could not "
                                        r"convert \(damaged or password-protected\?\): open it and save it as \.docx$"):
        read_data(WORD_97, "x.doc", ".doc")
    monkeypatch.setenv("FAKE_SOFFICE_SLEEP", "30")
    monkeypatch.setattr(convert_module, "TIMEOUT_SECONDS", 1)
    with pytest.raises(ReadError, match=r"did not convert it within 1 s; save it as \.docx"):
        read_data(WORD_97, "x.doc", ".doc")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_real_word_97_file_through_libreoffice(tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(to_docx(parity_report()))
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=300, env=env)
    old = tmp_path / "out" / "report.doc"
    doc = read(old)
    assert doc.format == "doc"
    assert _blocks(doc) == _blocks(read(source))
