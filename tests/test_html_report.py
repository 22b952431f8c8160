"""The HTML report: one self-contained page, findings ranked, evidence as a table,
the table or paragraph around each finding with the offending cell highlighted.
Headless Chromium opens it, and the screenshot shows the highlight and the badges."""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditlint.engine.run import FileResult
from auditlint.findings import Evidence, Finding, Severity
from auditlint.model import Cell, Document, Location, Paragraph, Table
from auditlint.readers.text import read_bytes
from auditlint.report.html import render_html
from outputs import WORSE, bad_report, invoke, missing_tool, pdf_result, run

HIT = (0xFD, 0xE0, 0x47)  # --hit, the offending cell
ERROR = (0xB4, 0x23, 0x18)  # --error, the badge and the card's edge


class Page(HTMLParser):
    """What a reader sees: findings, their highlighted cells, evidence values."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.findings: list[dict] = []
        self.hits: list[str] = []
        self.stated: list[str] = []
        self.tags: set[str] = set()
        self.links: list[str] = []
        self._capture: list | None = None
        self._buf = ""
        self._in_stated = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        self.links += [v for k, v in attrs if k in ("src", "href") and v]
        cls = (a.get("class") or "").split()
        if tag == "article" and "finding" in cls:
            self.findings.append({"check": a.get("data-check"), "rank": float(a["data-rank"]), "severity": cls[1]})
        if tag == "tr":
            self._in_stated = "stated" in cls
        if tag in ("td", "mark") and "hit" in cls:
            self._capture, self._buf = self.hits, ""
        elif tag == "td" and self._in_stated:
            self._capture, self._buf = self.stated, ""

    def handle_data(self, data):
        if self._capture is not None:
            self._buf += data

    def handle_endtag(self, tag):
        if tag == "tr":
            self._in_stated = False
        if self._capture is not None and tag in ("td", "mark"):
            self._capture.append(self._buf.strip())
            self._capture = None


def sample(tmp_path: Path) -> list[FileResult]:
    return run([bad_report(tmp_path, "a.txt"), bad_report(tmp_path, "b.txt", WORSE)])


def test_findings_ranked_with_evidence_and_highlighted_cells(tmp_path):
    page = Page(render_html(sample(tmp_path)))
    assert [f["check"] for f in page.findings] == ["AL301", "AL302", "AL103", "AL103"]  # b.txt is riskier
    ranks = [f["rank"] for f in page.findings]
    assert ranks[:2] == sorted(ranks[:2], reverse=True) and ranks[2:] == sorted(ranks[2:], reverse=True)
    assert page.hits == ["-1087.3", "NaN%", "715.69", "1782.77"]
    assert page.stated == ["-1087.3", "NaN%", "715.69", "1782.77"]


def test_self_contained(tmp_path):
    html = render_html(sample(tmp_path))
    page = Page(html)
    assert not {"script", "link", "img", "iframe", "object"} & page.tags
    assert all(link.startswith("#") for link in page.links)
    assert "url(" not in html and "@import" not in html and "http://" not in html and "https://" not in html
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html


def test_english_page(tmp_path):
    html = render_html(sample(tmp_path), lang="en")
    assert '<html lang="en">' in html and "Found 4 problems (4 errors) in 2 of 2 files." in html
    assert "recomputed" in html and "negative adjusted budget -1087.3" in html


def test_pdf_cell_and_related_paragraph():
    r = pdf_result()
    page = Page(render_html([r]))
    assert page.hits == ["715.69"]
    html = render_html([r])
    assert "第3页 · 表2 第2行第4列" in html
    assert html.count('class="rel"') == 0  # the related place is a paragraph, not a cell of this table


def test_narrative_number_is_marked_in_its_paragraph():
    text = "一、收支情况\n2024年度预算收入1764.10万元，本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）。\n"
    doc = read_bytes(text.encode("utf-8"), "n.txt")
    para = next(p for p in doc.paragraphs if "1782.77" in p.text)
    loc = para.location_at(para.text.index("1782.77"))
    f = Finding(loc, "本年支出 1782.77 ≠ 709.66 + 1067.07 = 1776.73", "total ≠ parts",
                Evidence("709.66 + 1067.07", "1782.77", "1776.73", "6.04", "0.015"), severity=Severity.ERROR,
                check_id="AL102", name="narrative-total-mismatch", rank=50.0)
    page = Page(render_html([FileResult("n.txt", [f], document=doc)]))
    assert page.hits == ["1782.77"]
    # a stated text that is not a bare number is marked as printed
    heading = next(p for p in doc.paragraphs if p.text.startswith("一、"))
    g = Finding(heading.location_at(0), "m", "m", Evidence("section numbering = 一、", "一、", "一、"),
                severity=Severity.WARNING, check_id="AL601", name="n", rank=20.0)
    assert Page(render_html([FileResult("n.txt", [g], document=doc)])).hits == ["一、"]


def test_docx_paragraph_without_columns_marks_the_stated_number():
    from auditlint.model import Paragraph

    text = "本年支出1782.77万元（基本支出709.66万元，项目支出1067.07万元），较上年增加11782.7万元。"
    para = Paragraph(4, text, Location("r.docx", paragraph=4))
    doc = Document("r.docx", "docx", [para])

    def hits(stated: str) -> list[str]:
        f = Finding(Location("r.docx", paragraph=4), "m", "m", Evidence("a + b", stated, "1776.73"),
                    severity=Severity.ERROR, check_id="AL102", name="n", rank=40.0)
        return Page(render_html([FileResult("r.docx", [f], document=doc)])).hits

    assert hits("1782.77") == ["1782.77"]
    assert hits("1782.7") == []  # only inside other numbers: not marked
    assert hits("万元") == []


def test_without_the_document_the_snippet_is_shown(tmp_path):
    results = run([bad_report(tmp_path)], keep_document=False)
    assert results[0].document is None
    html = render_html(results)
    assert "td class=\"hit\"" not in html
    assert "基本支出 710.52 0 0.86 715.69 715.69" in html


def test_long_tables_show_the_rows_around_the_finding():
    rows = [["项目", "预算数"]] + [[f"项目{i}", f"{i}.00"] for i in range(1, 100)]
    table = Table(1, [[Cell(t, Location("t.txt", line=10 + r * 3 + c, table=1, row=r + 1, col=c + 1))
                       for c, t in enumerate(row)] for r, row in enumerate(rows)], Location("t.txt", table=1))
    target = table.rows[60][1]
    f = Finding(target.location, "m", "m", Evidence("a", "60.00", "61.00"), severity=Severity.WARNING,
                check_id="AL101", name="table-total-mismatch", rank=30.0)
    html = render_html([FileResult("t.txt", [f], document=Document("t.txt", "text", [table]))])
    assert Page(html).hits == ["60.00"]
    assert "项目1<" in html and "项目52<" in html and "项目68<" in html and "项目51<" not in html and "项目69<" not in html
    assert "省略 50 行" in html and "省略 31 行" in html


def test_text_is_escaped():
    doc = Document("x.txt", "text", [Table(1, [[Cell("<b>合计</b>", Location("x.txt", line=1, table=1, row=1, col=1))]],
                                           Location("x.txt", table=1))])
    f = Finding(Location("x.txt", line=1, table=1, row=1, col=1), "<script>alert(1)</script>", "x",
                severity=Severity.INFO, check_id="AL601", name="x", rank=1.0)
    html = render_html([FileResult("x&y.txt", [f], document=doc)])
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;合计&lt;/b&gt;" in html
    assert "x&amp;y.txt" in html


def test_read_errors_and_clean_files_are_listed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("一、概况\n本单位无预算表。\n", encoding="utf-8")
    res = invoke("check", "--format", "html", "-o", "out.html", "report.txt", "empty.txt", "clean.txt")
    assert res.exit_code == 2 and "empty.txt" in res.stderr
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "无法读取: the file is empty" in html and "未发现问题。" in html and html.count('class="finding ') == 2


# --- headless Chromium ----------------------------------------------------------------


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def browse(exe: str, page: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(prefix="al-chromium-")
    try:
        return subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args, page.as_uri()],
            capture_output=True, text=True, timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def png_pixels(path: Path) -> tuple[int, int, list[tuple[int, int, int]]]:
    """A minimal PNG decoder (8-bit RGB/RGBA, non-interlaced, as Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and color in (2, 6) and interlace == 0
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    pixels = []
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        pixels.extend(tuple(line[x:x + 3]) for x in range(0, stride, bpp))
        prev = line
    return width, height, pixels


@pytest.mark.slow  # a browser
def test_chromium_renders_the_findings(tmp_path, monkeypatch):
    exe = chromium()
    if exe is None:
        missing_tool("chromium not installed (README's ci:tools step: apt-get install -y chromium)")
    monkeypatch.chdir(tmp_path)
    bad_report(tmp_path, "a.txt")
    bad_report(tmp_path, "b.txt", WORSE)
    res = invoke("check", "--format", "html", "-o", "report.html", "a.txt", "b.txt")
    assert res.exit_code == 1
    page = tmp_path / "report.html"

    dom = browse(exe, page, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = Page(dom.stdout)
    assert [f["check"] for f in rendered.findings] == ["AL301", "AL302", "AL103", "AL103"]
    assert rendered.hits == ["-1087.3", "NaN%", "715.69", "1782.77"]
    assert "共发现 4 个问题（4 个错误），涉及 2 个文件中的 2 个。" in dom.stdout

    shot = tmp_path / "report.png"
    done = browse(exe, page, f"--screenshot={shot}", "--window-size=1280,1400", "--hide-scrollbars")
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (1280, 1400)
    near = lambda p, q: all(abs(x - y) <= 6 for x, y in zip(p, q))  # noqa: E731
    # the highlighted cells and the red error badges/edges are on screen
    assert sum(1 for p in pixels if near(p, HIT)) > 2000
    assert sum(1 for p in pixels if near(p, ERROR)) > 2000
    assert len(set(pixels[::97])) > 20  # not a blank page


def test_pdf_paragraphs_are_found_on_their_own_page():
    """Line 1 of page 2 is not line 1 of page 1: a PDF counts lines per page."""
    path = "two-pages.pdf"
    first = Paragraph(1, "本单位主要职能是负责全县治安管理。", Location(path, page=1, line=1, column=1))
    second = Paragraph(2, "三公经费支出12.50万元，比上年减少96.94万元。", Location(path, page=2, line=1, column=1))
    doc = Document(path, "pdf", [first, second], pages=2)
    f = Finding(Location(path, page=2, line=1, column=20), "比上年减少96.94万元", "down 96.94",
                evidence=Evidence("12.50 - 109.44", "96.94", "96.94"), severity=Severity.ERROR, check_id="AL204")
    page = Page(render_html([FileResult(path, [f], None, "pdf", 2, document=doc)]))
    assert page.hits == ["96.94"]
    assert "本单位主要职能" not in render_html([FileResult(path, [f], None, "pdf", 2, document=doc)])


@pytest.mark.slow  # every PDF of the realistic corpus
def test_each_pdf_findings_source_contains_its_figure():
    """Issue 19: the 原文 of every finding with a stated figure, on the planted PDFs of
    corpus/realistic, contains that figure (it showed another paragraph for 1 in 10)."""
    import html as html_lib
    import re

    from auditlint.report.html import _context

    paths = sorted((Path(__file__).resolve().parents[1] / "corpus" / "realistic").glob("*/*.pdf"))
    assert len(paths) >= 20
    checked, wrong = 0, []
    for r in run(paths):
        for f in r.findings:
            if f.evidence is None or not f.evidence.stated.strip():
                continue
            checked += 1
            shown = re.sub(r"\s+", "", html_lib.unescape(re.sub(r"<[^>]+>", "", _context(r.document, f, "zh"))))
            if re.sub(r"\s+", "", f.evidence.stated) not in shown:
                wrong.append((r.path, f.check_id, f.evidence.stated, shown[:80]))
    assert checked >= 15 and wrong == []


def test_a_pdf_sentence_broken_into_two_paragraphs_shows_both_and_marks_the_words():
    """A PDF's text layer has no paragraph marks: "决算" ends one line and "数大于预算数"
    starts the next, read as two paragraphs. The finding's place is where the sentence
    starts; its 原文 must carry on to the stated 大于 and mark it."""
    path = "accounts.pdf"
    first = Paragraph(1, "年初预算为1560.05万元，支出决算为1511.89万元。决算", Location(path, page=19, line=16, column=1))
    second = Paragraph(2, "数大于预算数的主要原因：人员进出及退休变化。", Location(path, page=19, line=17, column=1))
    doc = Document(path, "pdf", [first, second], pages=19)
    f = Finding(Location(path, page=19, line=16, column=31), "文中称决算数大于预算数", "says 大于",
                evidence=Evidence("the 决算 vs the budget", "大于", "小于"), severity=Severity.WARNING, check_id="AL206")
    html = render_html([FileResult(path, [f], None, "pdf", 19, document=doc)])
    assert Page(html).hits == ["大于"]
    assert "人员进出及退休变化" in html
    # a heading whose stated words are inside it: marked where they are, not at its first character
    head = Paragraph(3, "第二部分上海市普陀区XX局2024年度部门决算表", Location(path, page=7, line=1, column=1))
    g = Finding(Location(path, page=7, line=1, column=1), "m", "m", evidence=Evidence("contents entry", "XX", "财政"),
                severity=Severity.WARNING, check_id="AL604")
    doc2 = Document(path, "pdf", [head], pages=7)
    assert Page(render_html([FileResult(path, [g], None, "pdf", 7, document=doc2)])).hits == ["XX"]
