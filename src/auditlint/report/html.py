"""The HTML report (``--format html -o report.html``): one self-contained page.

Inline CSS, no scripts, no fonts or images from the network: the page opens the
same on an office machine without internet. Files riskiest first, findings by rank;
each finding shows its message, the numbers involved as a small table, and the
table or paragraph it is in with the offending cell highlighted (related cells,
such as the lines a total covers, in a lighter tone). Without the Document (a
result from elsewhere) it falls back to the finding's snippet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from auditlint import __version__
from auditlint.engine import registry
from auditlint.findings import Finding, Severity
from auditlint.model import Document, Location, Paragraph, Table
from auditlint.rank import by_risk, report_risk
from auditlint.report.terminal import summary_line
from auditlint.report.wording import SEVERITIES, hint, label, position, severity_label, tolerance_text

MAX_ROWS = 40  # a longer table shows its header and the rows around the finding
WINDOW = 8
PARAGRAPH_WINDOW = 160  # characters either side of a number in a long paragraph
FOLLOW = 3  # paragraphs after a finding's own that may hold the rest of its sentence
NEAR = 40  # how far after the finding's place its stated words are looked for
_NUMBER_AT = re.compile(r"[负+\-−－]?[\d０-９][\d０-９.,，．%％]*")

CSS = """
:root { --error: #b42318; --warning: #b54708; --info: #175cd3; --hit: #fde047; --rel: #fef9c3; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; color: #101828; background: #f9fafb;
  font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; word-break: break-all; }
h3 { font-size: 16px; margin: 0 0 6px; }
code, .num { font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", Consolas, monospace; }
.summary { color: #344054; margin: 0 0 16px; }
.note { color: #475467; font-size: 13px; margin: 8px 0 0; }
p.evidence { margin: 0; max-width: 32em; }
table { border-collapse: collapse; }
.files td, .files th { border-bottom: 1px solid #eaecf0; padding: 4px 12px 4px 0; text-align: left; }
.finding { background: #fff; border: 1px solid #eaecf0; border-left: 6px solid var(--info); border-radius: 6px;
  padding: 12px 16px; margin: 12px 0; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; color: #fff; font-size: 13px; background: var(--info); }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.rank { float: right; color: #475467; font-size: 13px; }
.where { color: #475467; font-size: 13px; margin: 0 0 6px; }
.message { margin: 0 0 8px; font-size: 16px; }
.cols { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.evidence th { text-align: left; padding: 2px 12px 2px 0; color: #475467; font-weight: normal; white-space: nowrap; }
.evidence td { padding: 2px 0; }
.evidence tr.stated td { color: var(--error); font-weight: bold; }
.operands { margin-top: 6px; }
.operands td, .operands th { border: 1px solid #eaecf0; padding: 1px 8px; font-size: 13px; }
.context { overflow-x: auto; max-width: 100%; }
.context table.source td { border: 1px solid #d0d5dd; padding: 2px 6px; font-size: 13px; vertical-align: top; }
.context td.hit { background: var(--hit); outline: 2px solid var(--error); font-weight: bold; }
.context td.rel { background: var(--rel); }
.context td.gap { text-align: center; color: #98a2b3; border: none; }
.context p.source { background: #f2f4f7; padding: 6px 10px; border-radius: 4px; margin: 0; }
mark.hit { background: var(--hit); outline: 2px solid var(--error); font-weight: bold; }
.hint { color: #475467; font-size: 13px; margin: 8px 0 0; }
.error-file { color: var(--error); }
footer { color: #98a2b3; font-size: 12px; margin-top: 32px; }
@media print { body { background: #fff; } .finding { break-inside: avoid; } }
"""


_SPECIAL = re.compile(r"[&<>\"']")


def _e(text: object) -> str:
    s = "" if text is None else str(text)
    # most texts (figures, Chinese words) hold nothing to escape: one regex search
    # is cheaper than escape()'s five replaces
    return escape(s) if _SPECIAL.search(s) else s


@lru_cache(maxsize=256)  # the labels are constants: each page shows the same few per finding
def _label_html(key: str, lang: str) -> str:
    return _e(label(key, lang))


class _DocIndex:
    """A document's tables by number and paragraphs by the line or paragraph number a
    location can point at, built once per page: every finding looks its place up."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tables: dict[int, Table] = {}
        self.paragraphs = doc.paragraphs
        # the paragraphs ``_offset_in`` can place a line in, in document order
        self.by_line: dict[int, list[Paragraph]] = {}
        self.by_number: dict[int, list[Paragraph]] = {}
        self._positions: dict[int, int] | None = None
        for t in doc.tables:
            self.tables.setdefault(t.index, t)  # the first, as a search in order finds
        for p in self.paragraphs:
            self.by_number.setdefault(p.index, []).append(p)
            if p.line_locations:
                lines: set[int] | range = {at.line for at in p.line_locations if at.line is not None}
            elif p.location.line is not None:
                lines = range(p.location.line, p.location.line + len(p.line_breaks) + 1)
            else:
                continue
            for line in lines:
                self.by_line.setdefault(line, []).append(p)

    def candidates(self, loc: Location) -> list[Paragraph]:
        """The paragraphs that may hold ``loc``: the others cannot (``_offset_in`` is None)."""
        if loc.line is None:
            return self.by_number.get(loc.paragraph, []) if loc.paragraph is not None else []
        return self.by_line.get(loc.line, [])

    def position(self, block: Paragraph) -> int:
        if self._positions is None:
            self._positions = {id(b): i for i, b in enumerate(self.doc.blocks)}
        return self._positions[id(block)]


def _index(doc: Document | None, index: _DocIndex | None) -> _DocIndex | None:
    if doc is None:
        return None
    return index if index is not None and index.doc is doc else _DocIndex(doc)


def _table_of(doc: Document | None, loc: Location, index: _DocIndex | None = None) -> Table | None:
    if doc is None or loc.table is None:
        return None
    index = _index(doc, index)
    return index.tables.get(loc.table) if index is not None else None


def _paragraph_of(doc: Document | None, loc: Location, stated: str = "",
                  index: _DocIndex | None = None) -> tuple[Paragraph, int] | None:
    """The paragraph a location points into, and the character offset in its text
    (-1: somewhere in it). A PDF counts lines within each page, so the page must
    match too: line 1 of page 2 is not line 1 of page 1."""
    index = _index(doc, index)
    if doc is None or index is None or loc.table is not None:
        return None
    for p in index.candidates(loc):
        offset = _offset_in(p, loc)
        if offset is not None:
            return p, offset
    if loc.page is not None and stated:
        # a paragraph that began on an earlier page: the last one before the place that prints the figure
        before = [p for p in index.paragraphs if p.location.page is not None and p.location.page < loc.page
                  and stated in p.text]
        if before:
            return before[-1], -1
    return None


def _offset_in(p: Paragraph, loc: Location) -> int | None:
    """Where ``loc`` falls in ``p``'s text; -1 for the paragraph as a whole; None: not in it."""
    if loc.line is None:
        return -1 if loc.paragraph is not None and p.index == loc.paragraph else None
    if p.line_locations:
        # each source line's own place (a PDF paragraph wrapped, perhaps over a page break)
        k = next((i for i, at in enumerate(p.line_locations) if (at.page, at.line) == (loc.page, loc.line)), None)
        if k is None:
            return None
        at = p.line_locations[k]
        offset = (0 if k == 0 else p.line_breaks[k - 1]) + (loc.column or at.column or 1) - (at.column or 1)
        return max(0, min(offset, len(p.text)))
    start = p.location.line
    if (loc.page is not None and p.location.page != loc.page) or start is None:
        return None
    if not start <= loc.line <= start + len(p.line_breaks):
        return None
    k = loc.line - start
    base = (p.location.column or 1) if k == 0 else 1
    offset = (0 if k == 0 else p.line_breaks[k - 1]) + (loc.column or base) - base
    return max(0, min(offset, len(p.text)))


def _cell_key(loc: Location) -> tuple[int | None, int | None]:
    return loc.row, loc.col


Cells = list[list[tuple[tuple[int | None, int | None], str]]]


@dataclass
class _Grid:
    """A table as its context boxes show it: each cell's key and escaped text, each
    row's HTML with no cell marked, and the rows each key is in."""

    cells: Cells
    plain: list[str]
    rows_of: dict[tuple[int | None, int | None], list[int]]
    width: int  # the widest row's cells (Table.n_cols, counted once)


# id(table) → (the table, its grid): a report's findings show the same few tables
# again and again; the table is held so that its id is not reused
_TABLE_CELLS: dict[int, tuple[Table, _Grid]] = {}


def _grid_of(table: Table) -> _Grid:
    held = _TABLE_CELLS.get(id(table))
    if held is not None and held[0] is table:
        return held[1]
    if len(_TABLE_CELLS) >= 64:
        _TABLE_CELLS.clear()
    # most tables hold nothing to escape: one search of all their text spares a call per cell
    plain = not _SPECIAL.search("".join(c.text for row in table.rows for c in row))
    cells = [[(((loc := c.location).row, loc.col), c.text if plain else _e(c.text)) for c in row] for row in table.rows]
    rows_of: dict[tuple[int | None, int | None], list[int]] = {}
    for i, row in enumerate(cells):
        for key, _ in row:
            rows_of.setdefault(key, []).append(i)
    grid = _Grid(cells, [_plain_row([text for _, text in row]) for row in cells], rows_of, table.n_cols)
    _TABLE_CELLS[id(table)] = (table, grid)
    return grid


def _plain_row(texts: list[str]) -> str:
    """A row with no cell marked: ``<tr>`` + ``<td>text</td>`` for each cell + ``</tr>``."""
    return "<tr><td>" + "</td><td>".join(texts) + "</td></tr>" if texts else "<tr></tr>"


def _source_table(table: Table, f: Finding, lang: str) -> str:
    hit = _cell_key(f.location)
    related = {_cell_key(r.location) for r in f.related if r.location.table == table.index}
    grid = _grid_of(table)
    target = grid.rows_of[hit][0] if hit in grid.rows_of else 0
    # only the rows holding the finding's cells differ from the table's plain rows
    marked = {i for key in (hit, *related) for i in grid.rows_of.get(key, ())}
    if table.n_rows <= MAX_ROWS:
        # every row, none left out: the plain runs between the marked rows as slices
        out, start = ['<table class="source">'], 0
        for i in sorted(marked):
            out += grid.plain[start:i]
            out.append(_marked_row(grid.cells[i], hit, related))
            start = i + 1
        out += grid.plain[start:]
        out.append("</table>")
        return "".join(out)
    near = set(range(max(0, target - WINDOW), min(table.n_rows, target + WINDOW + 1)))
    rows = sorted(set(range(2)) | near)
    out = ['<table class="source">']
    previous = -1
    width = grid.width
    for i in rows:
        if i != previous + 1:
            out.append(f'<tr><td class="gap" colspan="{width}">⋯ {_e(label("rows_omitted", lang).format(n=i - previous - 1))}</td></tr>')
        previous = i
        out.append(_marked_row(grid.cells[i], hit, related) if i in marked else grid.plain[i])
    if previous < table.n_rows - 1:
        out.append(f'<tr><td class="gap" colspan="{width}">⋯ {_e(label("rows_omitted", lang).format(n=table.n_rows - 1 - previous))}</td></tr>')
    out.append("</table>")
    return "".join(out)


def _marked_row(cells: list[tuple[tuple[int | None, int | None], str]], hit: tuple[int | None, int | None],
                related: set[tuple[int | None, int | None]]) -> str:
    out = []
    for key, text in cells:
        cls = ' class="hit"' if key == hit else (' class="rel"' if key in related else "")
        out.append(f"<td{cls}>{text}</td>")
    return "<tr>" + "".join(out) + "</tr>"


def _continued(doc: Document | None, p: Paragraph, stated: str, index: _DocIndex | None = None) -> str:
    """``p``'s text, continued by the paragraphs after it until the stated words appear.

    A PDF's text layer has no paragraph marks: where a line ends flush with the margin
    the reader may start a new paragraph, and the words a finding is about ("决算数大于
    预算数", the comparison starting at the end of one line) go on in the next one.
    """
    text = p.text
    if doc is None or not stated or _squeezed(stated) in _squeezed(text):
        return text
    index = _index(doc, index)
    assert index is not None
    after = doc.blocks[index.position(p) + 1:]
    more = ""
    for block in after[:FOLLOW]:
        if not isinstance(block, Paragraph):
            break
        more += block.text
        if _squeezed(stated) in _squeezed(text + more):
            return text + more
    return text


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _source_paragraph(p: Paragraph | str, offset: int, stated: str = "") -> str:
    text = p if isinstance(p, str) else p.text
    if offset < 0 and stated:
        # no column (DOCX, PDF): mark the stated number when it occurs exactly once as a whole number
        found = list(re.finditer(r"(?<![\d.])" + re.escape(stated) + r"(?![\d])", text))
        offset = found[0].start() if len(found) == 1 else -1
    if offset < 0:
        return f'<p class="source">{_e(text)}</p>'
    m = _NUMBER_AT.match(text, offset)
    near = text.find(stated, offset, offset + NEAR + len(stated)) if stated else -1
    if stated and not m and near > offset:
        # the place is where the sentence starts ("决算数大于…" for 大于, a heading for its "XX")
        offset = near
    if stated and text.startswith(stated, offset):
        end = offset + len(stated)  # the stated text as printed ("（2）", "2024年上半年")
    else:
        end = m.end() if m else offset
    lo, hi = max(0, offset - PARAGRAPH_WINDOW), min(len(text), end + PARAGRAPH_WINDOW)
    before = ("…" if lo else "") + text[lo:offset]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    mark = f'<mark class="hit">{_e(text[offset:end])}</mark>' if end > offset else ""
    return f'<p class="source">{_e(before)}{mark}{_e(after)}</p>'


def _context(doc: Document | None, f: Finding, lang: str, index: _DocIndex | None = None) -> str:
    index = _index(doc, index)
    table = _table_of(doc, f.location, index)
    if table is not None:
        body = _source_table(table, f, lang)
    else:
        stated = f.evidence.stated if f.evidence else ""
        para = _paragraph_of(doc, f.location, stated, index)
        if para is not None:
            body = _source_paragraph(_continued(doc, para[0], stated, index), para[1], stated)
        elif f.snippet:
            body = f'<p class="source">{_e(f.snippet)}</p>'
        else:
            body = f'<p class="source">{_e(label("no_context", lang))}</p>'
    return f'<div class="context"><h4>{_label_html("context", lang)}</h4>{body}</div>'


def _evidence(f: Finding, lang: str) -> str:
    ev = f.evidence
    if ev is None:
        return ""
    if ev.sentence_in(lang):
        # a check whose figures are not "expression = computed, stated": its own sentence
        out = f'<div><p class="evidence">{_e(ev.sentence_in(lang))}</p>'
    else:
        allowed = tolerance_text(ev.tolerance, lang).removeprefix(label("allowed", lang)).lstrip("：: ")
        rows = [("expression", ev.expression_in(lang), ""), ("stated", ev.stated, "stated"),
                ("computed", ev.computed_in(lang), ""), ("difference", ev.difference, ""), ("allowed", allowed, "")]
        body = "".join(
            f'<tr class="{cls}"><th>{_label_html(key, lang)}</th><td class="num">{_e(value)}</td></tr>'
            for key, value, cls in rows if value
        )
        out = f'<div><table class="evidence">{body}</table>'
    if ev.operands:
        ops = "".join(f'<tr><td>{_e(n)}</td><td class="num">{_e(v)}</td></tr>' for n, v in ev.operands)
        out += (f'<table class="operands"><tr><th>{_label_html("item", lang)}</th>'
                f'<th>{_label_html("value", lang)}</th></tr>{ops}</table>')
    return out + "</div>"


def _finding(f: Finding, doc: Document | None, lang: str, anchor: str, index: _DocIndex | None = None) -> str:
    sev = f.severity or Severity.WARNING
    spec = registry.get(f.check_id)
    where = position(f.location, lang)
    hint_html = f'<p class="hint">{_e(hint(spec.summary(lang), f.check_id, lang))}</p>' if spec else ""
    return (
        f'<article class="finding {sev.value}" id="{anchor}" data-check="{_e(f.check_id)}" data-rank="{f.rank:.1f}">'
        f'<h3><span class="rank" title="{_label_html("rank_note", lang)}">{_label_html("rank", lang)} {f.rank:.1f}</span>'
        f'<span class="badge {sev.value}">{_label_html(sev.value, lang)}</span> '
        f"<code>{_e(f.check_id)}</code> {_e(f.name)}</h3>"
        f'<p class="where">{_e(where)}</p>'
        f'<p class="message">{_e(f.message(lang))}</p>'
        f'<div class="cols">{_evidence(f, lang)}{_context(doc, f, lang, index)}</div>'
        f"{hint_html}</article>"
    )


def _overview(ordered: list, lang: str) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in
                   (label("file", lang), label("risk", lang), *(severity_label(s, lang) for s in SEVERITIES)))
    rows = []
    for i, r in enumerate(ordered, start=1):
        counts = Counter(f.severity or Severity.WARNING for f in r.findings)
        if r.error:
            cells = f'<td colspan="4" class="error-file">{_e(label("read_error", lang))}: {_e(r.error)}</td>'
        else:
            cells = f"<td>{report_risk(r.findings):.1f}</td>" + "".join(f"<td>{counts[s]}</td>" for s in SEVERITIES)
        rows.append(f'<tr><td><a href="#file-{i}">{_e(r.path)}</a></td>{cells}</tr>')
    return f'<table class="files"><tr>{head}</tr>{"".join(rows)}</table>'


def render_html(results: list, lang: str = "zh", hidden: int = 0) -> str:
    """One self-contained page for one or more files."""
    ordered = by_risk(results)
    sections = []
    for i, r in enumerate(ordered, start=1):
        doc = getattr(r, "document", None)
        index = _DocIndex(doc) if doc is not None and r.findings else None
        items = "".join(_finding(f, doc, lang, f"f{i}-{j}", index) for j, f in enumerate(r.findings, start=1))
        if r.error:
            items = f'<p class="error-file">{_e(label("read_error", lang))}: {_e(r.error)}</p>'
        elif not r.findings:
            items = f'<p class="clean">{_e(label("no_findings", lang))}</p>'
        sections.append(f'<section class="file" id="file-{i}"><h2>{_e(r.path)}</h2>{items}</section>')
    title = label("title", lang)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1>"
        f'<p class="summary">{_e(summary_line(results, lang, hidden))}</p>{_overview(ordered, lang)}'
        f'<p class="note">{_e(label("rank_note", lang))}</p></header>'
        f"<main>{''.join(sections)}</main>"
        f"<footer>auditlint {_e(__version__)}</footer></body></html>\n"
    )
