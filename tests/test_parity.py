"""One report written as .txt, .docx, .pdf and .html gives the same Document and
the same findings (check, stated, computed, fingerprint), each pointing where a
reader of that format would look."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from auditlint.engine.run import RunOptions, lint_file
from auditlint.model import Table
from auditlint.readers import read, read_data
from fixture_docs import NAN_RATE, NEGATIVE, PROJECTS, ROW_IDENTITY, parity_report, to_html, write_all

FORMATS = ("txt", "docx", "pdf", "html")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return write_all(parity_report(), tmp_path_factory.mktemp("parity"))


@cache
def _findings(path: Path) -> list:
    result = lint_file(path, RunOptions(plugins=False))
    assert result.error is None, result.error
    return result.findings


def _summary(findings: list) -> list[tuple[str, str, str, str]]:
    return sorted((f.check_id, f.evidence.stated, f.evidence.computed, f.fingerprint) for f in findings)


def test_the_same_findings_in_every_format(files):
    txt = _summary(_findings(files["txt"]))
    for fmt in FORMATS[1:]:
        assert _summary(_findings(files[fmt])) == txt, fmt


def test_the_planted_mistakes_are_found(files):
    got = {(f.check_id, f.evidence.stated, f.evidence.computed) for f in _findings(files["txt"])}
    budget = parity_report().blocks[5]
    by_label = {row[1]: row for row in budget.rows}
    identity = by_label[PROJECTS[ROW_IDENTITY]]
    computed = Decimal(identity[2]) + Decimal(identity[3]) - Decimal(identity[4])
    assert ("AL103", identity[5], f"{computed:.2f}") in got
    assert ("AL101", by_label["项目支出"][6], "1349.57") in got
    assert ("AL301", by_label[PROJECTS[NEGATIVE]][6], "≥ 0") in got
    assert ("AL302", "NaN%", "undefined") in got
    assert by_label[PROJECTS[NAN_RATE]][7] == "NaN%"


def test_locations_point_where_a_reader_of_each_format_looks(files):
    grid = parity_report().blocks[5].rows
    r = next(k for k, row in enumerate(grid) if row[1] == PROJECTS[NEGATIVE])
    negative = grid[r][6]
    located = {fmt: {f.check_id + f.evidence.stated: f.location for f in _findings(files[fmt])} for fmt in FORMATS}
    txt, docx, pdf, html = (located[fmt]["AL301" + negative] for fmt in FORMATS)
    text_lines = files["txt"].read_text(encoding="utf-8").splitlines()
    assert text_lines[txt.line - 1] == "\t" + negative and txt.page is None
    assert (docx.table, docx.row, docx.col) == (1, r + 1, 7) and docx.line is None
    assert (html.table, html.row, html.col) == (docx.table, docx.row, docx.col) and html.line is not None
    assert (pdf.table, pdf.row, pdf.col) == (docx.table, docx.row, docx.col) and pdf.page == 1
    # the grand total row is printed on the second page of the PDF
    total = next(f for f in _findings(files["pdf"]) if f.check_id == "AL103" and f.location.row == 30)
    assert total.location.page == 2


def _blocks(doc) -> list:  # noqa: ANN001
    return [("T", t.texts()) if isinstance(t, Table) else ("P", t.text) for t in doc.blocks]


def test_the_same_document_in_every_format(files):
    docs = {fmt: read(files[fmt]) for fmt in FORMATS}
    for fmt in FORMATS[1:]:
        assert _blocks(docs[fmt]) == _blocks(docs["txt"]), fmt
    # merged flags agree where the format knows its merges (a short text row can only be guessed)
    flags = {fmt: [[[c.merged for c in r] for r in t.rows] for t in docs[fmt].tables] for fmt in ("docx", "pdf", "html")}
    assert flags["docx"] == flags["pdf"] == flags["html"]


def test_a_gb18030_page_gives_the_same_findings(files):
    page = read_data(to_html(parity_report(), "gb18030"), "report.html", ".html")
    assert page.encoding == "gb18030"
    from auditlint.engine.run import lint_document

    assert _summary(lint_document(page, RunOptions(plugins=False))) == _summary(_findings(files["txt"]))


@pytest.mark.parametrize("shape", ["jiangsu-department", "nanjing-rules", "suzhou-projects", "guangdong-department",
                                   "project-evaluation"])
def test_generated_reports_read_the_same_in_every_format(shape):
    """What no check reads yet must also agree: every paragraph and every cell."""
    from corpusgen.synth.render import render_docx, render_html, render_pdf, render_text
    from corpusgen.synth.shapes import SHAPES

    report = SHAPES[shape](2)
    data = {"txt": render_text(report)[0].encode(), "docx": render_docx(report), "pdf": render_pdf(report),
            "html": render_html(report).encode()}
    docs = {fmt: read_data(raw, f"r.{fmt}", f".{fmt}") for fmt, raw in data.items()}
    for fmt in FORMATS[1:]:
        assert _blocks(docs[fmt]) == _blocks(docs["txt"]), fmt
