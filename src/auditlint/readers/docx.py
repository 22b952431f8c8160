"""Word (.docx) reports through python-docx.

The body is walked in order: paragraphs and tables, as Word shows them. Merged
cells (gridSpan, vMerge) become the model's grid, the text once at the top-left;
automatic numbering ("一、", "（一）", "1.") is rendered into the text, because a
reader sees it and section checks read it; headers, footers, footnotes, comments,
deleted revisions and text boxes are left out.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from auditlint.model import Document, Location, Paragraph, Table
from auditlint.readers.grid import MAX_SPAN, Span, to_table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"


def _q(tag: str) -> str:
    return _W + tag


def _val(el, default: str | None = None) -> str | None:  # noqa: ANN001 - lxml element
    if el is None:
        return default
    return el.get(_q("val"), default)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------------------
# automatic numbering

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _cn_count(n: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (the counting form Word prints)."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    units = [(1000, "千"), (100, "百"), (10, ten)]
    out = ""
    zero = False
    for size, name in units:
        d, n = divmod(n, size)
        if d:
            if zero:
                out += digits[0]
            out += ("" if (size == 10 and d == 1 and not out) else digits[d]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += (digits[0] if zero else "") + digits[n]
    return out


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
            (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word prints it in ``w:numFmt``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return _cn_count(n)
    if fmt == "chineseLegalSimplified":
        return _cn_count(n, _CN_LEGAL, "拾")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] if d != "0" else "〇" for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    suffix: str = "tab"


@dataclass
class _List:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # lvlOverride/startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # lvlOverride/lvl
    used: set[int] = field(default_factory=set)


class Numbering:
    """Renders Word's automatic list labels in document order. Counters belong to
    the abstract definition (lists that share one continue each other, as in
    Word); a start override restarts the level the first time its list is used."""

    def __init__(self, numbering, styles) -> None:  # noqa: ANN001 - lxml elements or None
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, _List] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering is not None:
            for an in numbering.iterchildren(_q("abstractNum")):
                self.abstract[an.get(_q("abstractNumId"), "")] = {
                    _int(lvl.get(_q("ilvl")), 0): self._level(lvl) for lvl in an.iterchildren(_q("lvl"))}
            for num in numbering.iterchildren(_q("num")):
                lst = _List(_val(num.find(_q("abstractNumId")), "") or "")
                for ov in num.iterchildren(_q("lvlOverride")):
                    ilvl = _int(ov.get(_q("ilvl")), 0)
                    so = ov.find(_q("startOverride"))
                    if so is not None:
                        lst.starts[ilvl] = _int(_val(so), 1)
                    lvl = ov.find(_q("lvl"))
                    if lvl is not None:
                        lst.levels[ilvl] = self._level(lvl)
                self.lists[num.get(_q("numId"), "")] = lst
        if styles is not None:
            based: dict[str, str] = {}
            own: dict[str, tuple[str | None, int | None]] = {}
            for st in styles.iterchildren(_q("style")):
                sid = st.get(_q("styleId"), "")
                b = st.find(_q("basedOn"))
                if b is not None:
                    based[sid] = _val(b, "") or ""
                np_ = st.find(f"{_q('pPr')}/{_q('numPr')}")
                if np_ is not None:
                    own[sid] = (_val(np_.find(_q("numId"))), _opt_int(_val(np_.find(_q("ilvl")))))
            for sid in set(own) | set(based):
                seen: set[str] = set()
                cur: str | None = sid
                while cur is not None and cur not in own and cur not in seen:
                    seen.add(cur)
                    cur = based.get(cur)
                if cur is not None and cur in own:
                    self.style_num[sid] = own[cur]

    @staticmethod
    def _level(lvl) -> _Level:  # noqa: ANN001
        return _Level(
            start=_int(_val(lvl.find(_q("start"))), 1),
            fmt=_val(lvl.find(_q("numFmt")), "decimal") or "decimal",
            text=_val(lvl.find(_q("lvlText")), "") or "",
            legal=lvl.find(_q("isLgl")) is not None and _val(lvl.find(_q("isLgl")), "1") not in ("0", "false"),
            suffix=_val(lvl.find(_q("suff")), "tab") or "tab",
        )

    def _level_of(self, lst: _List, ilvl: int) -> _Level | None:
        return lst.levels.get(ilvl) or self.abstract.get(lst.abstract, {}).get(ilvl)

    def label(self, ppr, style: str | None) -> str:  # noqa: ANN001
        """The label Word prints before this paragraph ("" when it has none),
        advancing the counters."""
        num_id, ilvl = self.style_num.get(style or "", (None, None))
        np_ = ppr.find(_q("numPr")) if ppr is not None else None
        if np_ is not None:
            own_id = _val(np_.find(_q("numId")))
            own_lvl = _opt_int(_val(np_.find(_q("ilvl"))))
            num_id = own_id if own_id is not None else num_id
            ilvl = own_lvl if own_lvl is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self.lists:
            return ""
        ilvl = min(max(ilvl or 0, 0), 8)
        lst = self.lists[num_id]
        level = self._level_of(lst, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(lst.abstract, {})
        if ilvl in lst.starts and ilvl not in lst.used:
            counters[ilvl] = lst.starts[ilvl] - 1
        lst.used.add(ilvl)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for k in range(ilvl, -1, -1):
            token = f"%{k + 1}"
            if token not in text:
                continue
            lv = self._level_of(lst, k) or _Level()
            n = counters.get(k, lv.start)
            text = text.replace(token, format_number(n, "decimal" if level.legal else lv.fmt))
        if level.fmt == "bullet" or not text.strip():
            return ""
        return text + {"tab": " ", "space": " "}.get(level.suffix, "")


def _opt_int(text: str | None) -> int | None:
    return _int(text, 0) if text is not None else None


# ---------------------------------------------------------------------------
# text of a paragraph

_SKIP = {_q("del"), _q("moveFrom"), _q("instrText"), _q("delText"), _q("txbxContent"), _q("footnoteReference"),
         _q("endnoteReference"), _q("commentReference"), _q("pPr"), _q("rPr"), f"{{{MC}}}Fallback"}


def paragraph_lines(p, numbering: Numbering) -> list[str]:  # noqa: ANN001 - w:p element
    """The paragraph's text as printed, split where Word breaks the line (w:br, w:cr)."""
    ppr = p.find(_q("pPr"))
    style = _val(ppr.find(_q("pStyle"))) if ppr is not None else None
    lines = [numbering.label(ppr, style)]
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _q("t"):
            lines[-1] += el.text or ""
        elif tag == _q("tab") or tag == _q("ptab"):
            lines[-1] += " "
        elif tag in (_q("br"), _q("cr")):
            lines.append("")
        elif tag == _q("noBreakHyphen"):
            lines[-1] += "-"
        else:
            stack.append(iter(el))
    return [ln.replace("\u00a0", " ") for ln in lines]


# ---------------------------------------------------------------------------
# the body


@dataclass
class _Builder:
    path: str
    numbering: Numbering
    blocks: list[Paragraph | Table] = field(default_factory=list)
    n_tables: int = 0
    n_paragraphs: int = 0

    def paragraph(self, p) -> None:  # noqa: ANN001
        for line in paragraph_lines(p, self.numbering):
            text = line.lstrip(" \u3000").strip()
            if text:
                self.n_paragraphs += 1
                loc = Location(path=self.path, paragraph=self.n_paragraphs)
                self.blocks.append(Paragraph(index=self.n_paragraphs, text=text, location=loc))

    def table(self, tbl) -> None:  # noqa: ANN001
        rows = list(_children(tbl, "tr"))
        cells = [list(_children(tr, "tc")) for tr in rows]
        if len(cells) == 1 and len(cells[0]) == 1:
            # a one-cell table frames content (a boxed section): read what is inside
            self.body(cells[0][0])
            return
        spans = self._spans(rows, cells)
        table = to_table(spans, self.n_tables + 1, self.path, len(rows))
        if table is not None:
            self.n_tables += 1
            self.blocks.append(table)

    def _spans(self, rows: list, cells: list[list]) -> list[Span]:
        # grid positions first: a vMerge continuation belongs to the span above it
        placed: list[list[tuple[int, int, str | None, object]]] = []
        for tr, tcs in zip(rows, cells):
            col = _int(_val(tr.find(f"{_q('trPr')}/{_q('gridBefore')}")), 0)
            row: list[tuple[int, int, str | None, object]] = []
            for tc in tcs:
                pr = tc.find(_q("tcPr"))
                span = min(max(_int(_val(pr.find(_q("gridSpan")) if pr is not None else None), 1), 1), MAX_SPAN)
                vm = pr.find(_q("vMerge")) if pr is not None else None
                vmerge = None if vm is None else (_val(vm) or "continue")
                hm = pr.find(_q("hMerge")) if pr is not None else None
                if hm is not None and (_val(hm) or "continue") == "continue" and row:
                    c0, s0, v0, t0 = row[-1]
                    row[-1] = (c0, s0 + span, v0, t0)  # legacy horizontal merge widens the cell on its left
                    col += span
                    continue
                row.append((col, span, vmerge, tc))
                col += span
            placed.append(row)
        spans: list[Span] = []
        for r, row in enumerate(placed):
            for col, span, vmerge, tc in row:
                if vmerge == "continue" and r > 0 and any(c == col for c, _, _, _ in placed[r - 1]):
                    continue
                height = 1
                if vmerge is not None:
                    while r + height < len(placed) and any(
                            c == col and v == "continue" for c, _, v, _ in placed[r + height]):
                        height += 1
                spans.append(Span(r, col, min(height, MAX_SPAN), span, self._cell_lines(tc)))
        return spans

    def _cell_lines(self, tc) -> list[str]:  # noqa: ANN001
        lines: list[str] = []
        for el in _content(tc):
            if el.tag == _q("p"):
                lines.extend(paragraph_lines(el, self.numbering))
            elif el.tag == _q("tbl"):
                # a table inside a cell: its rows as lines of the cell
                for tr in _children(el, "tr"):
                    texts = [" ".join(t for t in self._cell_lines(tc2) if t.strip()) for tc2 in _children(tr, "tc")]
                    lines.append(" ".join(t for t in texts if t))
        return lines

    def body(self, container) -> None:  # noqa: ANN001
        for el in _content(container):
            if el.tag == _q("p"):
                self.paragraph(el)
            elif el.tag == _q("tbl"):
                self.table(el)


def _children(el, tag: str) -> Iterator:  # noqa: ANN001
    """Direct children with that tag, looking through content controls and custom XML."""
    for child in el:
        if child.tag == _q(tag):
            yield child
        elif child.tag in (_q("sdt"), _q("customXml")):
            inner = child.find(_q("sdtContent")) if child.tag == _q("sdt") else child
            if inner is not None:
                yield from _children(inner, tag)


def _content(el) -> Iterator:  # noqa: ANN001
    """Paragraphs and tables of a body or cell, in order."""
    for child in el:
        if child.tag in (_q("p"), _q("tbl")):
            yield child
        elif child.tag in (_q("sdt"), _q("customXml")):
            inner = child.find(_q("sdtContent")) if child.tag == _q("sdt") else child
            if inner is not None:
                yield from _content(inner)


def read_bytes(data: bytes, path: str) -> Document:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    from auditlint.readers import ReadError

    try:
        d = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise ReadError("not a Word document (no document part in the archive): save it again as .docx") from None
    except KeyError as exc:
        raise ReadError(f"damaged .docx (missing part {exc}): save it again from Word") from None
    except ValueError as exc:  # python-docx: a package whose main part is not a Word document
        raise ReadError(f"not a .docx document ({str(exc)[:120]}): save it again as .docx from Word") from None

    def part(rt: str):  # noqa: ANN202
        try:
            return d.part.part_related_by(rt).element
        except (KeyError, AttributeError):
            return None

    builder = _Builder(path, Numbering(part(RT.NUMBERING), part(RT.STYLES)))
    builder.body(d.element.body)
    return Document(path=path, format="docx", blocks=builder.blocks)
