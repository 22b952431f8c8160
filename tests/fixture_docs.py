"""One abstract report written in every format auditlint reads, for reader and
parity tests: paragraphs and tables with merged cells, rendered as

* .txt — the cell-per-line layout Word's text extraction prints (a cell a TAB-led
  line, a blank line after each row; a horizontally merged cell printed once, a
  lower row of a vertical merge as an empty cell);
* .docx — python-docx, merges made with ``cell.merge``;
* .pdf — reportlab with the built-in CID font STSong-Light (no font files), SPAN
  for merges, header rows repeated on every page a table runs over, first lines
  of paragraphs indented two characters;
* .html — rowspan/colspan, in any encoding, declared with ``<meta charset>``.

The .txt, .docx and the PDF's font and markup come from the corpus generator's writers
(``tools/corpusgen/render``, on the tests' path), so the fixtures print tables as the
committed corpora do.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from corpusgen.render.docx_file import add_table
from corpusgen.render.pdf_file import markup, register_font
from corpusgen.render.text import cell_lines

# what the PDF prints flush left, as a heading; everything else gets a two-character first-line indent
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|附件|附表|表\s*\d)")


@dataclass
class Grid:
    rows: list[list[str]]  # the full grid; positions a span covers hold ""
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (row, col) → (rows, cols)
    header_rows: int = 0  # repeated on every PDF page the table runs over
    widths: list[float] | None = None  # PDF column widths in points

    def covered(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Every position a span covers, except its top-left → that top-left."""
        out = {}
        for (r, c), (rs, cs) in self.spans.items():
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    if (rr, cc) != (r, c):
                        out[(rr, cc)] = (r, c)
        return out


Block = str | Grid


@dataclass
class Report:
    title: str
    blocks: list[Block]


def marked(grid: Grid) -> list[list[str]]:
    """The grid in the generator's notation: a position a span covers is "<" when it lies
    right of the span's first column (Word prints it not at all) and "^" below its first row
    in that column (printed as an empty cell)."""
    rows = [list(r) for r in grid.rows]
    for (r, c), (_r0, c0) in grid.covered().items():
        rows[r][c] = "<" if c != c0 else "^"
    return rows


def to_text(report: Report) -> str:
    out = [report.title, ""]
    for block in report.blocks:
        if isinstance(block, str):
            out.append(block)
            continue
        out += cell_lines(marked(block)) + [""]
    return "\n".join(out) + "\n"


def to_docx(report: Report) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(report.title)
    for block in report.blocks:
        if isinstance(block, str):
            d.add_paragraph(block)
            continue
        add_table(d, marked(block))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(report: Report, font_size: float = 10.5) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    font = register_font()
    lead = font_size * 1.5
    body = ParagraphStyle("body", fontName=font, fontSize=font_size, leading=lead, wordWrap="CJK",
                          firstLineIndent=2 * font_size)
    title = ParagraphStyle("title", fontName=font, fontSize=font_size + 4, leading=lead + 6,
                           alignment=1, spaceAfter=lead)
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName=font, fontSize=font_size - 1.5, leading=font_size + 1,
                          wordWrap="CJK")

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(markup(text), style)

    story: list = [para(report.title, title)]
    for block in report.blocks:
        if isinstance(block, str):
            is_heading = bool(HEADING.match(block))
            story.append(para(block, heading if is_heading else body))
            continue
        covered = block.covered()
        data = [[para(text, cell) if (r, c) not in covered else "" for c, text in enumerate(row)]
                for r, row in enumerate(block.rows)]
        style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        style += [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for (r, c), (rs, cs) in block.spans.items()]
        t = RLTable(data, colWidths=block.widths, repeatRows=block.header_rows)
        t.setStyle(TableStyle(style))
        story += [Spacer(1, 4), t, Spacer(1, 8)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title=report.title, invariant=1).build(story)
    return buf.getvalue()


def to_html(report: Report, encoding: str = "utf-8") -> bytes:
    parts = ["<!DOCTYPE html>", f'<html lang="zh-CN"><head><meta charset="{encoding}">',
             f"<title>{escape(report.title)}</title>", "<style>td { border: 1px solid #000 }</style>",
             "<script>var total = '1,000.00 <td>';</script></head><body>", f"<h1>{escape(report.title)}</h1>"]
    for block in report.blocks:
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
            continue
        covered = block.covered()
        parts.append("<table>")
        for r, row in enumerate(block.rows):
            cells = []
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                rs, cs = block.spans.get((r, c), (1, 1))
                attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
                tag = "th" if r < block.header_rows else "td"
                cells.append(f"<{tag}{attrs}>" + "<br>".join(escape(x) for x in text.split("\n")) + f"</{tag}>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return ("\n".join(parts) + "\n").encode(encoding)


def write_all(report: Report, folder: Path, stem: str = "report") -> dict[str, Path]:
    """The report as .txt, .docx, .pdf and .html in ``folder``."""
    out = {
        "txt": folder / f"{stem}.txt",
        "docx": folder / f"{stem}.docx",
        "pdf": folder / f"{stem}.pdf",
        "html": folder / f"{stem}.html",
    }
    out["txt"].write_text(to_text(report), encoding="utf-8")
    out["docx"].write_bytes(to_docx(report))
    out["pdf"].write_bytes(to_pdf(report))
    out["html"].write_bytes(to_html(report))
    return out


# ---------------------------------------------------------------------------
# the parity report: a budget table with planted mistakes over a page break,
# a clean scoring table, narrative paragraphs long enough to wrap in the PDF

PROJECTS = ["信息系统运维", "业务培训", "宣传经费", "专项调研", "大型修缮", "党团活动经费", "设备购置", "档案数字化",
            "课题研究", "网络安全保障", "服务热线运营", "政策宣传", "物业管理", "职工餐费", "执法监督检查",
            "专项档案整理", "专项租赁", "专项奖励表彰", "会议组织", "数据治理", "安全生产检查", "应急物资储备"]

# the planted mistakes, by project position
ROW_IDENTITY = 2  # its 调整后 (合计) is 5.00 more than 预算数 + 追加 − 扣减
NEGATIVE = 6  # its 实际执行数 is printed with a minus sign
NAN_RATE = 9  # its budget was cut to 0 and its 执行率 printed as NaN%
TOTAL_OFF = "12.00"  # 项目支出 实际执行数 printed this much above the sum of its projects


def _money(x) -> str:  # noqa: ANN001 - Decimal
    from decimal import ROUND_HALF_UP, Decimal

    return f"{Decimal(x).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}"


def _rate(actual, base) -> str:  # noqa: ANN001
    from decimal import Decimal

    if base == 0:
        return "NaN%"
    return _money(Decimal(actual) / Decimal(base) * 100) + "%"


def budget_rows() -> list[list[str]]:
    from decimal import Decimal

    D = Decimal
    rows = []
    projects = []
    for k, name in enumerate(PROJECTS):
        initial = D(30 + (k * 37) % 90) + D((k * 13) % 100) / 100
        add = D((k * 7) % 5) if k % 3 == 0 else D(0)
        cut = D((k * 11) % 400) / 100 if k % 2 == 0 else D(0)
        if k == NAN_RATE:
            add, cut = D(0), initial
        adjusted = initial + add - cut
        printed_adj = adjusted + (D(5) if k == ROW_IDENTITY else 0)
        actual = (adjusted * D("0.93") + D(k % 5)).quantize(D("0.01")) if adjusted else D(0)
        actual = min(actual, adjusted)
        prior = (actual * D("0.9")).quantize(D("0.01")) if actual else D("12.00")
        shown_actual = -actual if k == NEGATIVE else actual
        projects.append((f"{k + 1}.", name, initial, add, cut, printed_adj, shown_actual, prior))
    basic = [("1.", "人员经费", D("600.00"), D(0), D("0.50"), D("599.50"), D("598.00"), D("580.00")),
             ("2.", "公用经费", D("110.52"), D(0), D("0.36"), D("110.16"), D("107.20"), D("110.11"))]

    def total(serial: str, label: str, parts: list, extra_actual=0) -> tuple:  # noqa: ANN001
        sums = [sum((p[i] for p in parts), D(0)) for i in range(2, 8)]
        sums[4] += D(extra_actual)
        return (serial, label, *sums)

    basic_total = total("（一）", "基本支出", basic)
    project_total = total("（二）", "项目支出", projects, TOTAL_OFF)
    grand = total("", "合计", [basic_total, project_total])

    def printed(row: tuple) -> list[str]:
        serial, label, initial, add, cut, adj, actual, prior = row
        rate = "NaN%" if adj == 0 else _rate(actual, adj)
        return [serial, label, _money(initial), _money(add), _money(cut), _money(adj), _money(actual), rate,
                _money(prior)]

    rows.append(["一", "部门预算", "", "", "", "", "", "", ""])
    rows.append(printed(basic_total))
    rows += [printed(r) for r in basic]
    rows.append(printed(project_total))
    rows += [printed(r) for r in projects]
    rows.append(printed(grand))
    return rows


def budget_grid() -> Grid:
    header = [["序号", "单位及项目", "预算资金", "", "", "合计", "实际执行数", "执行率", "上年决算执行数"],
              ["", "", "预算数", "追加", "扣减", "", "", "", ""]]
    spans = {(0, c): (2, 1) for c in (0, 1, 5, 6, 7, 8)}
    spans[(0, 2)] = (1, 3)
    return Grid(header + budget_rows(), spans, header_rows=2,
                widths=[34, 92, 50, 40, 40, 50, 54, 46, 60])


def scoring_grid() -> Grid:
    rows = [
        ["一级指标", "二级指标", "三级指标", "指标值", "权重", "完成值", "得分"],
        ["决策（15分）", "目标设定（8分）", "绩效目标合理性", "合理", "4", "合理", "4"],
        ["", "", "绩效指标明确性", "明确", "4", "明确", "4"],
        ["", "预算编制（7分）", "预算编制科学性", "科学", "7", "科学", "7"],
        ["过程（35分）", "资金管理（20分）", "预算执行率", "≥95%", "10", "97.50%", "10"],
        ["", "", "资金使用合规性", "合规", "10", "合规", "10"],
        ["", "组织实施（15分）", "管理制度健全性", "健全", "15", "健全", "15"],
        ["产出（30分）", "产出数量（15分）", "培训覆盖率", "≥90%", "15", "95.00%", "15"],
        ["", "产出时效（15分）", "项目完成及时率", "≥95%", "15", "100.00%", "15"],
        ["效益（20分）", "社会效益（10分）", "工作机制完善性", "完善", "10", "完善", "10"],
        ["", "满意度（10分）", "服务对象满意度", "≥85%", "10", "83.20%", "9"],
        ["合计", "", "", "", "100", "", "99"],
    ]
    spans = {(1, 0): (3, 1), (1, 1): (2, 1), (4, 0): (3, 1), (4, 1): (2, 1), (7, 0): (2, 1), (9, 0): (2, 1),
             (11, 0): (1, 3)}
    return Grid(rows, spans, header_rows=1, widths=[70, 84, 92, 50, 34, 56, 34])


def parity_report() -> Report:
    return Report("某市数据管理中心2024年度部门整体支出绩效自评报告", [
        "一、部门基本情况",
        "本中心为市政府直属公益一类事业单位，主要承担全市政务数据归集、共享开放、信息系统运行维护和政策咨询服务等"
        "工作。2024年度，中心围绕数据资源体系建设和数字政府建设重点任务，按照年初确定的绩效目标组织实施各项工作，"
        "完成了年度主要工作任务，预算执行总体平稳。",
        "二、预算执行情况",
        "2024年度本中心本年支出2066.77万元（基本支出705.20万元，项目支出1361.57万元），较上年有所增加，"
        "主要原因是信息系统运维和数据治理项目支出增加。各项支出的预算安排、调整和执行情况见下表。",
        "表1 预算执行情况（单位：万元）",
        budget_grid(),
        "三、绩效自评情况",
        "经自评，本中心2024年度部门整体支出绩效自评得分为99分，等级为优。各项指标得分情况见下表。",
        "附件：部门整体支出绩效评价指标体系得分情况",
        scoring_grid(),
        "四、存在的问题及改进措施",
        "部分项目预算编制不够精准，年中调整较多；个别项目执行进度偏慢。下一步将加强预算编制的前期论证，"
        "完善项目库管理，提高预算执行的均衡性和规范性。",
    ])
