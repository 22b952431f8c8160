"""Hostile and unlucky input to the readers (issue 17): every file either reads or
is refused with one line, fast and within bounded memory; nothing hangs, nothing
binary or undecodable passes as a clean report."""

from __future__ import annotations

import io
import os
import random
import resource
import time
import zipfile
from pathlib import Path

import pytest

from auditlint.readers import ReadError, read, read_data
from auditlint.readers.limits import MAX_CELLS, MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_NESTING

HTML = "<html><body>{}</body></html>"


def _refused(data: bytes, suffix: str, seconds: float = 10.0) -> str:
    start = time.perf_counter()
    with pytest.raises(ReadError) as exc:
        read_data(data, "x" + suffix, suffix)
    assert time.perf_counter() - start < seconds
    message = str(exc.value)
    assert "\n" not in message
    return message


def test_rowspan_zero_on_200_rows_is_a_grid_read_at_once() -> None:
    rows = "".join(f'<tr><td rowspan="0">{i}</td><td rowspan="0">{i + 1}</td></tr>' for i in range(200))
    start = time.perf_counter()
    try:
        doc = read_data(HTML.format(f"<table>{rows}</table>").encode(), "x.html", ".html")
    except ReadError as exc:  # refused as too many cells is a clear outcome too
        assert "cells" in str(exc)
    else:
        assert len(doc.tables[0].rows) == 200
    assert time.perf_counter() - start < 5


def test_a_million_cell_table_is_refused_before_it_is_built() -> None:
    row = "<tr>" + "<td>1</td>" * 1000 + "</tr>"
    message = _refused(HTML.format("<table>" + row * 1000 + "</table>").encode(), ".html", seconds=20)
    assert f"{MAX_CELLS:,}" in message and "cells" in message


def test_a_rowspan_grid_past_the_cell_limit_is_refused() -> None:
    # 600 rows whose every cell runs to the end of the table: a grid of 600 × 1,200 positions
    rows = "".join(f'<tr><td rowspan="0">{i}</td><td rowspan="0">{i}</td></tr>' for i in range(600))
    message = _refused(HTML.format(f"<table>{rows}</table>").encode(), ".html")
    assert "cells" in message


def test_a_text_table_past_the_cell_limit_is_refused() -> None:
    rows = "\n".join("\t".join(str(i * 10 + j) for j in range(10)) for i in range(MAX_CELLS // 10 + 10))
    message = _refused(("项目\t" * 10 + "\n" + rows).encode(), ".txt", seconds=60)
    assert "cells" in message


def test_a_50_mb_line_is_refused_by_size_with_one_line() -> None:
    message = _refused(b"1" * (50 * 1024 * 1024), ".txt")
    assert "MB" in message


def test_a_line_past_the_line_limit_is_refused() -> None:
    text = "一、概况\n" + "本年支出1.00万元，" * (MAX_LINE_CHARS // 9 + 10) + "\n"
    message = _refused(text.encode(), ".txt")
    assert "characters" in message and f"{MAX_LINE_CHARS:,}" in message


def test_an_html_paragraph_past_the_line_limit_is_refused() -> None:
    message = _refused(HTML.format("<p>" + "预算" * MAX_LINE_CHARS + "</p>").encode(), ".html")
    assert "characters" in message


def _bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
    return buf.getvalue()


def test_a_docx_zip_bomb_is_refused_before_it_is_inflated() -> None:
    data = _bomb(1 << 30)  # 1 GiB of zeros, about 1 MB packed
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = _refused(data, ".docx", seconds=5)
    grew_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert "word/document.xml" in message and "MB" in message
    assert grew_kib < 200 * 1024


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    start = time.perf_counter()
    with pytest.raises(ReadError, match="not a regular file"):
        read(fifo)
    assert time.perf_counter() - start < 2


def test_a_file_past_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ReadError, match="MB"):
        read(big)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("suffix", [".html", ".htm", ".txt", ""])
def test_random_bytes_are_refused_as_binary_whatever_the_name(seed: int, suffix: str) -> None:
    rnd = random.Random(seed)
    data = b"<" + bytes(rnd.randrange(256) for _ in range(20000))
    message = _refused(data, suffix)
    assert "binary" in message or "encoding" in message


def test_random_bytes_without_nul_are_refused_too() -> None:
    rnd = random.Random(7)
    data = b"<html>" + bytes(rnd.randrange(1, 256) for _ in range(20000))
    assert "binary" in _refused(data, ".html")


BIG5_REPORT = ("一、預算執行情況\n本年支出300.00萬元（基本支出100.00萬元，項目支出250.00萬元）。"
               "預算執行率為98.19%，較上年增加0.43萬元。\n")


def test_big5_text_is_refused_not_read_as_gb18030() -> None:
    message = _refused(BIG5_REPORT.encode("big5"), ".txt")
    assert "Big5" in message


def test_big5_html_without_a_charset_is_refused() -> None:
    assert "Big5" in _refused(HTML.format("<p>" + BIG5_REPORT + "</p>").encode("big5"), ".html")


def test_gb18030_text_is_still_read() -> None:
    simplified = BIG5_REPORT.replace("預", "预").replace("執", "执").replace("況", "况").replace("萬", "万") \
        .replace("項", "项").replace("為", "为").replace("較", "较").replace("執", "执")
    doc = read_data(simplified.encode("gb18030"), "x.txt", ".txt")
    assert doc.encoding == "gb18030" and doc.paragraphs[1].text.startswith("本年支出300.00万元")


def test_ten_thousand_nested_tables_say_they_are_nested_too_deeply() -> None:
    n = 10_000
    page = HTML.format("<table><tr><td>x" * n + "预算100万元" + "</td></tr></table>" * n)
    message = _refused(page.encode(), ".html")
    assert "nested" in message and str(MAX_NESTING) in message


def test_a_memory_error_in_a_reader_is_not_a_read_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # a read error is cached as the file's own outcome; running out of memory is the machine's
    import auditlint.readers.text as text_reader

    def exhausted(data: bytes, path: str):
        raise MemoryError

    monkeypatch.setattr(text_reader, "read_bytes", exhausted)
    with pytest.raises(MemoryError):
        read_data("一、概况\n".encode(), "x.txt", ".txt")


def test_a_pdf_with_only_an_owner_password_is_read() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    protection = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=1, canModify=0, canCopy=0,
                                               canAnnotate=0, strength=128)
    c = canvas.Canvas(buf, encrypt=protection)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Total expenditure 300.00, basic 100.00, project 250.00")
    c.showPage()
    c.save()
    assert b"/Encrypt" in buf.getvalue()
    doc = read_data(buf.getvalue(), "x.pdf", ".pdf")
    assert doc.paragraphs[0].text == "Total expenditure 300.00, basic 100.00, project 250.00"
