"""Reports published as web pages.

``<table>`` becomes a grid (rowspan/colspan resolved); block elements (``<p>``,
``<div>``, headings, list items) and ``<br>`` end a paragraph; scripts, styles and
navigation are skipped. Tables that lay out a page rather than hold data (one
column, one cell, or tables inside their cells) are read through as flowing
content. The encoding comes from a BOM, ``<meta charset>`` or the XML
declaration; GBK/GB2312 pages are decoded as GB18030, their superset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditlint.model import Document, Location, Paragraph, Table
from auditlint.readers import limits
from auditlint.readers.grid import MAX_SPAN, Span, place, to_table

_SKIP = {"script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math", "select",
         "button", "input", "textarea", "nav", "canvas", "audio", "video", "map"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "section", "article",
          "main", "header", "footer", "aside", "center", "pre", "address", "caption", "figcaption", "figure", "form",
          "fieldset", "legend", "ul", "ol", "dl", "hr", "body", "html", "details", "summary", "tr", "td", "th",
          "thead", "tbody", "tfoot"}
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "hz-gb-2312", "euc-cn", "csgb2312"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENC = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it was in."""
    import codecs

    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    m = _CHARSET.search(head) or _XML_ENC.search(head)
    declared = m.group(1).decode("ascii", "ignore").lower() if m else ""
    if declared in _GB:
        declared = "gb18030"
    tried = []
    if declared:
        try:
            codecs.lookup(declared)
            tried.append(declared)
        except LookupError:
            pass
    for enc in [*tried, "utf-8", "gb18030"]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not tried:
            _refuse_misread(text, data)
        return text, enc
    enc = tried[0] if tried else "utf-8"
    return data.decode(enc, errors="replace"), enc


def _refuse_misread(text: str, data: bytes) -> None:
    """An undeclared page that is not UTF-8 and reads as nonsense in GB18030 (Big5)."""
    from auditlint.readers import ReadError
    from auditlint.readers.charset import misread, refusal

    if misread(text):
        raise ReadError(refusal(data))


_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_SOFT = "\x00"  # a source line break: nothing between wide characters, else a space


def _settle(text: str) -> str:
    """Collapse whitespace as a browser does, and drop a source line break
    between two CJK characters (the author's editor wrapped the line)."""
    out = []
    for k, ch in enumerate(text):
        if ch != _SOFT:
            out.append(ch)
            continue
        before = text[k - 1] if k else ""
        after = text[k + 1] if k + 1 < len(text) else ""
        if not (_WIDE.match(before or " ") or _WIDE.match(after or " ")):
            out.append(" ")
    # &nbsp; is not collapsed by a browser: "项&nbsp;&nbsp;目" prints two spaces, as Word wrote them
    return re.sub(r"[ \t]+", " ", "".join(out)).replace("\u00a0", " ").strip()


def _flow(text: str | None) -> str:
    if not text:
        return ""
    text = re.sub(r"[ \t\r\f\v]*\n\s*", _SOFT, text)
    return re.sub(r"[ \t\r\f\v]+", " ", text)


@dataclass
class _Builder:
    path: str
    blocks: list[Paragraph | Table] = field(default_factory=list)
    n_tables: int = 0
    n_paragraphs: int = 0
    line: str = ""
    line_at: int | None = None
    cells: int = 0  # table cells so far, against limits.MAX_CELLS

    def add_text(self, text: str, at: int | None) -> None:
        if text and self.line_at is None and text.strip(" " + _SOFT):
            self.line_at = at
        self.line += text

    def flush(self) -> None:
        text = _settle(self.line).lstrip(" \u3000").strip()
        if text:
            self.n_paragraphs += 1
            loc = Location(path=self.path, line=self.line_at, paragraph=self.n_paragraphs)
            self.blocks.append(Paragraph(index=self.n_paragraphs, text=text, location=loc))
        self.line, self.line_at = "", None

    def walk(self, el) -> None:  # noqa: ANN001 - lxml element
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            self.add_text(_flow(el.tail), el.getparent().sourceline if el.getparent() is not None else None)
            return
        if tag == "table":
            self.flush()
            self.table(el)
        elif tag == "br":
            self.flush()
        elif tag:
            block = tag in _BLOCK
            if block:
                self.flush()
            self.add_text(_flow(el.text), el.sourceline)
            for child in el:
                self.walk(child)
            if block:
                self.flush()
        self.add_text(_flow(el.tail), el.sourceline)

    def table(self, tbl) -> None:  # noqa: ANN001
        for caption in tbl.iterchildren("caption"):
            self.walk(caption)  # "表1 预算执行情况（单位：万元）" is read before the table, as printed
        rows = _rows(tbl)
        cells = [[c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")] for tr in rows]
        cells = [r for r in cells if r] or cells
        width = max((sum(_span(c, "colspan") for c in r) for r in cells), default=0)
        nested = any(next(c.iter("table"), None) is not None for r in cells for c in r)
        if not cells or width <= 1 or nested:
            # a table that lays out the page, not data: read what is inside as flow
            for r in cells:
                for c in r:
                    self.flush()
                    self.walk_children(c)
                    self.flush()
            return
        table = to_table(self._spans(cells), self.n_tables + 1, self.path, len(cells), tbl.sourceline)
        if table is not None:
            self.n_tables += 1
            self.blocks.append(table)

    def _spans(self, cells: list) -> list[Span]:
        """The data table's cells placed in its grid, within the document's cell limit."""
        rowspans = [[(_rowspan(c, k, len(cells)), _span(c, "colspan")) for c in r] for k, r in enumerate(cells)]
        # the positions the spans cover, counted before any grid is built
        limits.check_cells(self.cells + sum(rs * cs for row in rowspans for rs, cs in row), at_least=True)
        positions = place(rowspans)
        spans = []
        for r, row in enumerate(cells):
            for (rr, cc), c, (rs, cs) in zip(positions[r], row, rowspans[r]):
                spans.append(Span(rr, cc, rs, cs, _cell_lines(c), c.sourceline))
        self.cells += len(cells) * max(s.col + s.cols for s in spans)
        limits.check_cells(self.cells)
        return spans

    def walk_children(self, el) -> None:  # noqa: ANN001
        self.add_text(_flow(el.text), el.sourceline)
        for child in el:
            self.walk(child)


def _rows(tbl) -> list:  # noqa: ANN001
    """The table's own rows (not those of tables inside it): thead first, tfoot last."""
    head, body, foot = [], [], []
    for child in tbl:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            body.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            trs = [tr for tr in child if isinstance(tr.tag, str) and tr.tag.lower() == "tr"]
            {"thead": head, "tbody": body, "tfoot": foot}[tag].extend(trs)
    return head + body + foot


def _span(cell, attr: str) -> int:  # noqa: ANN001
    m = re.match(r"\s*(\d+)", cell.get(attr) or "")
    return min(max(int(m.group(1)), 1), MAX_SPAN) if m else 1


def _rowspan(cell, row: int, n_rows: int) -> int:  # noqa: ANN001
    m = re.match(r"\s*(\d+)", cell.get("rowspan") or "")
    if not m:
        return 1
    n = int(m.group(1))
    if n == 0:  # "to the end of the table"
        return n_rows - row
    return min(n, MAX_SPAN)


def _cell_lines(cell) -> list[str]:  # noqa: ANN001
    """A cell's printed lines: <br> and block elements break them."""
    collector = _Builder(path="")
    collector.walk_children(cell)
    collector.flush()
    out: list[str] = []
    for b in collector.blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        else:  # a table inside a cell of a data table: its rows as lines
            out.extend(" ".join(c.text for c in row if c.text) for row in b.rows)
    return out


_CELL_TAG = re.compile(rb"<t[dh][\s>/]", re.IGNORECASE)


def _depth(root) -> int:  # noqa: ANN001
    """The deepest element's depth, without recursion."""
    import lxml.etree

    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def read_bytes(data: bytes, path: str) -> Document:
    import lxml.html

    from auditlint.readers import ReadError
    from auditlint.readers.charset import mojibake

    # a cell per tag: a page past the cell limit is refused before it is parsed
    limits.check_cells(len(_CELL_TAG.findall(data)), at_least=True)
    text, encoding = decode(data)
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise ReadError("the page is empty: nothing to check")
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml.etree.ParserError on pages with no elements
        raise ReadError(f"not a readable web page ({str(exc)[:100]})") from None
    limits.check_nesting(_depth(root))
    builder = _Builder(path)
    body = root.find("body")
    builder.walk(body if body is not None else root)
    builder.flush()
    doc = Document(path=path, format="html", blocks=builder.blocks, encoding=encoding)
    # the page's visible text, not its markup: scripts and styles are not the report
    garbled = mojibake("\n".join(p.text for p in doc.paragraphs) or text_of_tables(doc))
    if garbled:
        raise ReadError(garbled)
    return doc


def text_of_tables(doc: Document) -> str:
    return "\n".join(c.text for t in doc.tables for row in t.rows for c in row)
