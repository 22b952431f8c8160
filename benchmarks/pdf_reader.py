"""How long `auditlint check` takes on a 50-page PDF, against pdfplumber alone.

    python benchmarks/pdf_reader.py [--pages 50] [--repeat 5] [--keep report.pdf]

Writes a report with reportlab (narrative paragraphs and ruled budget and scoring
tables, CID font STSong-Light), then times, in the same process and best of N:

* pdfplumber alone: ``extract_text()`` and ``extract_tables()`` over every page;
* auditlint in-process: read → extract → checks (``lint_file``), imports warm;
* auditlint from the command line, end to end (interpreter start-up included).

and prints the times and the ratio of the in-process run to pdfplumber alone.
Target: ≤ 1.3×.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECTS = ["信息系统运维", "业务培训", "宣传经费", "专项调研", "大型修缮", "党团活动经费", "设备购置", "档案数字化",
            "课题研究", "网络安全保障", "服务热线运营", "政策宣传"]
NARRATIVE = ("本单位围绕年度重点工作任务，按照年初确定的绩效目标组织实施各项工作，预算执行总体平稳，"
             "资金使用规范，项目管理制度健全，较好地完成了年度工作任务。")


def write_report(pages: int) -> bytes:
    """A report of about ``pages`` pages: per section a heading, two paragraphs,
    a budget table (with a merged header) and a scoring table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as RLTable

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK",
                          firstLineIndent=21)
    head = ParagraphStyle("head", parent=body, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=11, wordWrap="CJK")
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])

    def table(rows: list[list[str]], spans: list | None = None) -> RLTable:
        t = RLTable([[Paragraph(x, cell) for x in r] for r in rows], repeatRows=1)
        t.setStyle(grid)
        for (c0, r0), (c1, r1) in spans or []:
            t.setStyle(TableStyle([("SPAN", (c0, r0), (c1, r1))]))
        return t

    def build(sections: int) -> bytes:
        story: list = []
        for section in range(1, sections + 1):
            story.append(Paragraph(f"{section}、第{section}部分预算执行和绩效情况", head))
            story += [Paragraph(NARRATIVE * 2, body), Paragraph(f"本部分本年支出{300 + section}.00万元。" + NARRATIVE, body)]
            budget = [["项目", "预算资金", "", "", "实际支出数", "执行率"], ["", "预算数", "追加", "扣减", "", ""]]
            total = [0.0, 0.0, 0.0, 0.0]
            for k, name in enumerate(PROJECTS):
                # amounts as irregular as real ones: round ones make rows add up to others by chance
                b = round(20 + 7.31 * k + 0.97 * section, 2)
                a = round((k * 1.37) % 4.1, 2) if k % 3 else 0.0
                c = round((k * 0.83 + section * 0.11) % 2.9, 2) if k % 2 else 0.0
                actual = round((b + a - c) * 0.95, 2)
                total = [total[0] + b, total[1] + a, total[2] + c, total[3] + actual]
                budget.append([name, f"{b:.2f}", f"{a:.2f}", f"{c:.2f}", f"{actual:.2f}",
                               f"{actual / (b + a - c) * 100:.2f}%"])
            budget.append(["合计", *(f"{x:.2f}" for x in total),
                           f"{total[3] / (total[0] + total[1] - total[2]) * 100:.2f}%"])
            story.append(table(budget, [((1, 0), (3, 0)), ((0, 0), (0, 1)), ((4, 0), (4, 1)), ((5, 0), (5, 1))]))
            story.append(Paragraph(f"表{section} 指标体系得分情况", head))
            scoring = [["一级指标", "三级指标", "权重", "评分标准", "自评得分"]]
            scoring += [["过程", f"指标{k}", "5", "90%-100%得5分；80%-89%得3分；80%以下不得分。", "5"] for k in range(8)]
            scoring.append(["合计", "", "40", "", "40"])
            story.append(table(scoring))
        buf = io.BytesIO()
        SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
        return buf.getvalue()

    # sections per page from a small build, then one build of the right size
    sample = build(4)
    sections = max(1, round(4 * pages / _pages_in(sample)))
    data = build(sections)
    while _pages_in(data) < pages:
        sections += 1
        data = build(sections)
    return data


def _pages_in(data: bytes) -> int:
    return data.count(b"/Type /Page\n")


def page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def pdfplumber_alone(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def auditlint_in_process(path: Path) -> int:
    from auditlint.engine.run import RunOptions, lint_file

    result = lint_file(path, RunOptions(plugins=False))
    assert result.error is None, result.error
    return len(result.findings)


def auditlint_cli(path: Path) -> None:
    subprocess.run([sys.executable, "-m", "auditlint.cli", "check", str(path)], check=False, capture_output=True)


def best(fn, path: Path, repeat: int) -> float:  # noqa: ANN001 - a callable of the path
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=5, help="best of this many runs")
    ap.add_argument("--keep", type=Path, help="also save the generated PDF here")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(write_report(args.pages))
        if args.keep:
            args.keep.write_bytes(path.read_bytes())
        pages = page_count(path)
        # warm both: imports, pdfminer's CMaps, auditlint's checks and pandas
        start = time.perf_counter()
        findings = auditlint_in_process(path)
        first = time.perf_counter() - start
        pdfplumber_alone(path)
        plumber = ours = float("inf")
        for _ in range(args.repeat):  # interleaved, so both see the same machine load
            plumber = min(plumber, best(pdfplumber_alone, path, 1))
            ours = min(ours, best(auditlint_in_process, path, 1))
        cli = best(auditlint_cli, path, max(1, args.repeat // 2))
    print(f"PDF: {pages} pages, {findings} findings (a consistent report: 0 expected)")
    print(f"pdfplumber extract_text + extract_tables : {plumber:7.3f} s")
    print(f"auditlint read → extract → checks        : {ours:7.3f} s   (first run, imports cold: {first:.3f} s)")
    print(f"auditlint check (command line, end to end): {cli:7.3f} s")
    print(f"ratio auditlint / pdfplumber             : {ours / plumber:7.2f}×   (target ≤ 1.30×)")


if __name__ == "__main__":
    main()
