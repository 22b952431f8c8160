"""The fast PDF reader (``readers/pdfium.py``, the default) against the
pdfplumber reader (``readers/pdf.py``, ``AUDITLINT_PDF_READER=pdfplumber``), the
reference: on every PDF in ``corpus/`` and ``../shared/real/`` (skipped when
absent) the same Document, block for block (texts, raw cell texts, merges,
locations, line breaks), and the same JSON findings with the same fingerprints.

There is no Document difference to list. The characters and the ruling lines
are pdfminer's own (its interpreter and operators, on a content stream read by
``pdf_text.py`` and ``pdf_stream.py``), so they cannot round differently; the
ruled tables' cells are found as pdfplumber's ``find_tables`` finds them
(``test_pdf_tables.py``).

Taking PDFium's ruling lines was tried and left: slower (each page loaded in
PDFium, each path segment read through ctypes) and 32-bit. Taking its
characters was tried and left too: PDFium gives no text for
some text objects (a lone CJK character of the corpus's non-embedded
STSongStd-Light, some space glyphs of the real reports: ``目  录`` read
``目 录``), drops the second of two spaces in a row, and its advance widths are
not the /W widths pdfminer uses (STSongStd-Light digits 0.613 em against
0.462 em), so lines, gaps and paragraphs came out differently.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from auditlint.model import Paragraph

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
PDFS = sorted((ROOT / "corpus").rglob("*.pdf")) + (sorted(REAL.glob("*.pdf")) if REAL.is_dir() else [])


def _blocks(doc) -> list:  # noqa: ANN001 - a Document
    out = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            out.append(("p", b.text, b.location, b.line_breaks, b.line_locations))
        else:
            out.append(("t", b.location, [[(c.text, c.raw, c.merged, c.location) for c in row] for row in b.rows]))
    return out


def _findings(doc) -> str:  # noqa: ANN001 - a Document
    from auditlint.engine.run import RunOptions, lint_document

    return json.dumps([f.to_dict("zh") for f in lint_document(doc, RunOptions(plugins=False))], ensure_ascii=False,
                      sort_keys=True)


@pytest.mark.parametrize("path", PDFS, ids=[p.name if p.parent == REAL else str(p.relative_to(ROOT)) for p in PDFS])
def test_both_readers_give_the_same_document_and_findings(path: Path) -> None:
    from auditlint.readers import pdf, pdfium

    data = path.read_bytes()
    fast, reference = pdfium.read_bytes(data, path.name), pdf.read_bytes(data, path.name)
    assert fast.pages == reference.pages
    assert _blocks(fast) == _blocks(reference)
    assert _findings(fast) == _findings(reference)


def test_the_fast_reader_is_the_default_and_pdfplumber_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditlint.readers import pdf, pdfium, read_data

    data = PDFS[0].read_bytes()
    calls: list[str] = []
    real = pdf.read_bytes
    monkeypatch.setattr(pdfium, "read_bytes", lambda d, p: calls.append("fast") or real(d, p))
    monkeypatch.setattr(pdf, "read_bytes", lambda d, p: calls.append("reference") or real(d, p))
    read_data(data, "a.pdf")
    monkeypatch.setenv("AUDITLINT_PDF_READER", "pdfplumber")
    read_data(data, "a.pdf")
    assert calls == ["fast", "reference"]


@pytest.mark.parametrize(("option", "expected"), [([], ["fast"]), (["--pdf-reader", "pdfplumber"], ["reference"]),
                                                 (["--pdf-reader", "fast"], ["fast"])])
def test_the_pdf_reader_option_chooses_the_reader(monkeypatch: pytest.MonkeyPatch, option: list[str],
                                                  expected: list[str]) -> None:
    from click.testing import CliRunner

    from auditlint.cli import main
    from auditlint.readers import pdf, pdfium

    monkeypatch.setenv("AUDITLINT_PDF_READER", "fast")  # recorded, so that the option's setting is undone too
    monkeypatch.delenv("AUDITLINT_PDF_READER")
    calls: list[str] = []
    real = pdf.read_bytes
    monkeypatch.setattr(pdfium, "read_bytes", lambda d, p: calls.append("fast") or real(d, p))
    monkeypatch.setattr(pdf, "read_bytes", lambda d, p: calls.append("reference") or real(d, p))
    path = ROOT / "corpus" / "realistic" / "hb-farm-2024" / "clean.pdf"
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", *option, str(path)])
    assert calls == expected
    assert result.exit_code in (0, 1), result.output


def test_real_reports_are_covered_or_skipped() -> None:
    if not REAL.is_dir():
        pytest.skip("../shared/real is absent")
    assert len([p for p in PDFS if p.parent == REAL]) == 7


def _pdfminer_operations(data: bytes) -> list[tuple[str, list]]:
    """The operations pdfminer's own content parser reads, for the operators the fast reader keeps."""
    from pdfminer.pdfinterp import PDFContentParser
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import PSEOF, PSKeyword, keyword_name

    from auditlint.readers.pdf_stream import KEPT

    stream = PDFStream({}, data)
    stream.data = data
    parser = PDFContentParser([stream])
    out, operands = [], []
    while True:
        try:
            _, obj = parser.nextobject()
        except PSEOF:
            return out
        if isinstance(obj, PSKeyword):
            name = keyword_name(obj)
            if name in KEPT:
                out.append((name, operands))
            operands = []
        else:
            operands.append(obj)


@pytest.mark.parametrize("stream", [
    b"BT /F1 12 Tf 1 0 0 1 72.5 700 Tm (a\\(b\\)c \\101\\0612\\q) Tj ET",
    b"q 0.5 0 0 .5 -3. +4 cm BT /F#32 9 Tf [(x) -250 <4f60597> 120.5 (y)] TJ T* (z) ' 1 2 (w) \" ET Q",
    b"% a comment (not a string\n0 0 m 10 10 l S 1 0 0 RG 2 w BT /F1 1 Tf 3 Tz (nested (paren) ok) Tj ET",
    b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI q /Im1 Do Q BT (after\\\nimage) Tj ET",
    b"/Span <</ActualText (ET BT) /MCID 3>> BDC BT 5 TL 1 2 TD (x) Tj ET EMC 1 0 0 1 0 0 re f",
    b"BT [(a\\(b) -5 (\\101\\0612\\q\\\r\nz\\\nw) <41 42>] TJ (x\\)y\\n) Tj (q) ' ET",
    b"/P <</MCID 1/Lang (en-US)>> BDC q 0 0 m 10 0 l 10 10 l h f* 2 0 0 2 5 5 cm 0 0 1 1 re S Q EMC",
])
def test_the_text_operators_are_read_as_pdfminer_reads_them(stream: bytes) -> None:
    from auditlint.readers.pdf_stream import KEPT, operations

    assert [(name, list(ops)) for name, ops in operations(stream) if name in KEPT] == _pdfminer_operations(stream)


def test_a_table_drawn_in_a_scaled_form_xobject_reads_the_same() -> None:
    """Ruling lines and text inside a form XObject, under a scaled and moved CTM:
    the path points are put through the form's matrix as pdfminer's are."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from auditlint.model import Table
    from auditlint.readers import pdf, pdfium

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.beginForm("table")
    c.setFont("STSong-Light", 10)
    for r in range(4):
        for k in range(3):
            c.rect(100 + k * 100, 600 - r * 20, 100, 20)
            c.drawString(105 + k * 100, 606 - r * 20, ["项目", "预算数", "执行数"][k] if r == 0 else f"{r * k * 12.5:.2f}")
    c.endForm()
    c.setFont("STSong-Light", 12)
    c.drawString(100, 700, "一、基本情况：本年支出合计100.00万元。")
    c.saveState()
    c.translate(20, -50)
    c.scale(0.9, 0.9)
    c.doForm("table")
    c.restoreState()
    c.showPage()
    c.save()
    fast = pdfium.read_bytes(buf.getvalue(), "form.pdf")
    assert _blocks(fast) == _blocks(pdf.read_bytes(buf.getvalue(), "form.pdf"))
    table = next(b for b in fast.blocks if isinstance(b, Table))
    assert [[c.text for c in row] for row in table.rows][-1] == ["0.00", "37.50", "75.00"]
