"""The PDFium reader (``AUDITLINT_PDF_READER=pdfium``) against the pdfplumber
reader, the reference: on every PDF in ``corpus/`` and ``../shared/real/``
(skipped when absent) the same Document, block for block, and the same JSON
findings with the same fingerprints.

There is no listed Document difference, because the PDFium reader hands a page
to pdfplumber wherever PDFium's characters are known to differ from pdfminer's
(``readers/pdf_objects.py``):

* a text object PDFium gives no text for: a lone CJK character of the corpus's
  non-embedded STSongStd-Light (reportlab writes a one-character cell line as
  its own string; PDFium reads it as empty) and some space glyphs of the real
  reports (``目  录`` reads ``目 录``, ``第一部分 上海市…`` loses its space);
* a character whose next one in the same text object starts well inside its
  box or a space's width after it: PDFium's advance is not the /W width pdfminer
  uses (STSongStd-Light digits: 0.613 em against 0.462 em), or PDFium dropped a
  second space in a row (``局  2024`` in heb-air-2024).
"""

from __future__ import annotations

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


def _findings(path: Path) -> str:
    from auditlint.engine.run import RunOptions, lint_file

    result = lint_file(path, RunOptions(plugins=False), display_path=path.name)
    assert result.error is None, result.error
    return json.dumps([f.to_dict("zh") for f in result.findings], ensure_ascii=False, sort_keys=True)


@pytest.mark.parametrize("path", PDFS, ids=[p.name if p.parent == REAL else str(p.relative_to(ROOT)) for p in PDFS])
def test_both_readers_give_the_same_document_and_findings(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditlint.readers import pdf, pdfium

    data = path.read_bytes()
    assert _blocks(pdfium.read_bytes(data, path.name)) == _blocks(pdf.read_bytes(data, path.name))
    monkeypatch.setenv("AUDITLINT_PDF_READER", "pdfplumber")
    reference = _findings(path)
    monkeypatch.setenv("AUDITLINT_PDF_READER", "pdfium")
    assert _findings(path) == reference


def test_real_reports_are_covered_or_skipped() -> None:
    if not REAL.is_dir():
        pytest.skip("../shared/real is absent")
    assert len([p for p in PDFS if p.parent == REAL]) == 7
