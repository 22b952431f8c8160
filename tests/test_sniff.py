"""The format is chosen by content, and unreadable input gives one line saying
what is wrong and what to do, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditlint.readers import ReadError, read, read_data, sniff
from fixture_docs import Grid, Report, to_docx, to_html, to_pdf

SMALL = Report("某单位2024年度绩效自评报告", [
    "一、预算执行情况",
    "本年支出300.00万元。",
    Grid([["项目", "预算数", "实际支出数"], ["基本支出", "100.00", "95.00"], ["项目支出", "200.00", "205.00"],
          ["合计", "300.00", "300.00"]]),
])


@cache
def small(fmt: str) -> bytes:
    return {"pdf": to_pdf, "docx": to_docx, "html": to_html}[fmt](SMALL)


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in names.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_real_files_sniff_as_their_format(fmt):
    assert sniff(small(fmt)) == fmt


@pytest.mark.parametrize("suffix", [".txt", ".doc", "", ".pdf", ".docx", ".html"])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_content_wins_over_the_extension(tmp_path, fmt, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(small(fmt))
    doc = read(path)
    assert doc.format == fmt
    assert doc.tables and doc.tables[0].rows[2][2].text == "205.00"


@pytest.mark.parametrize("head, fmt", [
    (b"%PDF-1.7\n", "pdf"),
    (b"\x00\x00junk before the header %PDF-1.4\n", "pdf"),  # a PDF with a few bytes in front still opens in viewers
    (b"<!DOCTYPE html><html><body><p>x</p>", "html"),
    (b"\xef\xbb\xbf  <html><body>", "html"),
    (b"<!-- saved from url -->\n<html>", "html"),
    (b"<?xml version='1.0' encoding='gb2312'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
    (b"<meta charset='gbk'><p>\xb1\xbe\xc4\xea</p>", "html"),
    (b"\xff\xfe" + "<html><body><p>报告</p></body></html>".encode("utf-16-le"), "html"),
    ("一、预算执行情况\n\t项目\n\t预算数\n".encode(), "text"),
    ("一、预算执行情况\n".encode("gb18030"), "text"),
])
def test_sniff(head, fmt):
    assert sniff(head) == fmt


@pytest.mark.parametrize("data, suffix, message", [
    (_zip({"xl/workbook.xml": b"<x/>"}), ".xlsx", "spreadsheet"),
    (_zip({"ppt/presentation.xml": b"<x/>"}), ".pptx", "presentation"),
    (_zip({"content.xml": b"<x/>", "mimetype": b"application/vnd.oasis.opendocument.text"}), ".odt", "OpenDocument"),
    (_zip({"readme.txt": b"hello"}), ".docx", "ZIP archive that is not a .docx"),
    (b"PK\x03\x04" + b"\x00" * 40, ".docx", "damaged .docx"),
    (b"PK\x03\x04" + b"\x00" * 40, ".zip", "damaged ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc", "binary Word"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), ".docx", "password-protected"),
    (b"{\\rtf1\\ansi hello}", ".doc", "RTF"),
    (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument>', ".xml", "Word 2003 XML"),
    (b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n", ".mht", "web archive"),
    ("一、预算执行情况".encode(), ".pdf", "not a PDF file"),
    ("一、预算执行情况".encode(), ".docx", "not a .docx file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ".png", "binary file"),
])
def test_unreadable_formats_say_what_to_do(data, suffix, message):
    with pytest.raises(ReadError, match=message) as info:
        read_data(data, "x" + suffix, suffix)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf"])
def test_empty_files(data):
    with pytest.raises(ReadError, match="empty|no text"):
        read_data(data, "x.txt", ".txt")


def test_an_html_page_named_pdf_is_read_as_html():
    doc = read_data(small("html"), "x.pdf", ".pdf")
    assert doc.format == "html"


def _truncations(data: bytes) -> st.SearchStrategy[bytes]:
    return st.integers(min_value=1, max_value=len(data) - 1).map(lambda n: data[:n])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.sampled_from(["pdf", "docx", "html"]).flatmap(lambda f: _truncations(small(f))),
    st.binary(max_size=300),
    st.sampled_from(["pdf", "docx"]).flatmap(lambda f: st.tuples(st.just(small(f)), st.integers(0, 4000),
                                                                 st.binary(min_size=1, max_size=40))).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + len(t[2]):]),
), st.sampled_from([".pdf", ".docx", ".html", ".txt", ""]))
def test_truncated_or_damaged_files_never_crash(data, suffix):
    """Any prefix of a real file, any bytes, any overwritten stretch: a Document
    or a one-line ReadError, nothing else."""
    try:
        doc = read_data(data, "x" + suffix, suffix)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert doc.blocks


def _check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditlint.cli", "check", str(path)], capture_output=True, text=True,
                          cwd=Path(__file__).parent)


def test_cli_prints_one_line_and_exits_2(tmp_path):
    bad = tmp_path / "report.docx"
    bad.write_bytes(small("docx")[:700])
    truncated_pdf = tmp_path / "report.pdf"
    truncated_pdf.write_bytes(small("pdf")[:-300])
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_drawing_only_pdf())
    for path in (bad, truncated_pdf, scan):
        proc = _check(path)
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"auditlint: {path}: "), proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout
    assert "PDF 没有文字层（只有图片或图形，例如扫描件）：请先用 OCR 识别出文字" in _check(scan).stderr


def _drawing_only_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(72, 600, 400, 150, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_pdfminer_repairs_stay_off_stderr(tmp_path):
    """A damaged font (its descriptor overwritten) makes pdfminer log warnings as it
    repairs; they must not reach the user."""
    data = small("pdf")
    path = tmp_path / "report.pdf"
    path.write_bytes(data[:97] + b"\x00" * 4 + data[101:])
    proc = _check(path)
    assert "FontBBox" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 1
