"""What a report left unfilled from its template, in ``facts.extra["unfilled"]``.

Templates print the words and leave blanks for the figures, and notes telling the
writer what to put where. A report that keeps them is unfinished, and the blank is a
finding of its own, never a figure to read: "财政拨款收入90.00万元，占 %" states no share,
"（请在此处填写绩效目标完成情况，不超过500字）" is an instruction, not the section's text.
Three kinds are read in paragraphs; in table cells only instructions (a header such as
同比增长% is a unit, and an empty cell is the table extractor's to read):

- ``share``: a percent sign with no number before it, after a word that announces one
  (占 %, 增长 %, 执行率为 %);
- ``amount``: an amount's unit with only spaces before it, after a word that announces
  one (收入合计 万元, 共计  元);
- ``instruction``: a bracketed note addressed to the writer (（请在此处填写…）, （此处填写…）,
  【请填写…】, （文字说明：简要说明…）), or a line or cell that starts with one (此处填写项目名称).

A blank is not known to be unfilled when a line beside it holds only figures: PDFs
made by filling a template's fields set the figures in a layer of their own, and the
text layer gives the sentence with its blanks, then the figures ("本年收入合计 万元，其中：
… 占 ；" then "2946.25 2940.05 99.79%"). In such a document only instructions are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditlint.model import Location, Paragraph, Table

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

KEY = "unfilled"

# words after which a template prints the blank a share or rate goes in
_SHARE = re.compile(r"(?:占比?|比重为?|增长|下降|增加|减少|提高|降低|率为?|达到?|为)[ \t\u3000]*(?:[%％]|百分之(?=[，。；、,;\s]|$))")
# words after which a template prints the blank an amount goes in: only spaces before the unit
_AMOUNT = re.compile(r"(?:收入|支出|合计|总计|共计|小计|资金|预算|决算|拨款|金额|为|共|计|达)[ \t\u3000]+(?:亿元|万元|元)")
_INSTRUCTION = re.compile(
    r"[（(【\[]\s*(?:请(?:在此处|在此|于此处|根据|按照|按|结合|简要|详细|如实)?[^）)】\]]{0,6}?(?:填写|填报|说明|描述|列示|阐述|概述)"
    r"|此处(?:填写|填报|填|说明)|在此(?:填写|填报)|文字说明\s*[:：])[^）)】\]]{0,80}[）)】\]]"
    # a note standing at the start of a line or cell, unbracketed: 此处填写扶持项目名称
    r"|^\s*此处(?:填写|填报|填)[^，。；,;\s]{0,40}", re.MULTILINE)

_FIGURE = re.compile(r"[-−+]?\d[\d,，]*(?:\.\d+)?[%％]?")
# what a line of figures only is made of: ``_FIGURE``'s characters, spaces and quotes
_NOT_FIGURE = re.compile(r"[^-−+\d,，.%％\s“”\"]")


@dataclass(frozen=True)
class Unfilled:
    kind: str  # "share", "amount" or "instruction"
    text: str  # the blank as printed, with the words that announce it ("占 %")
    context: str  # the sentence or cell around it
    location: Location


# words each pattern cannot match without: a text with none of them is not scanned
# (most cells and sentences hold no blank, and the scans cost more than the rest)
_NEEDS = {"instruction": ("此处", "在此", "请", "文字说明"), "share": ("%", "％", "百分之"), "amount": ("元",)}
_PATTERNS = (("instruction", _INSTRUCTION), ("share", _SHARE), ("amount", _AMOUNT))
_NEEDED = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in _NEEDS.items()}
ALL_KINDS = ("instruction", "share", "amount")
_ANY_NEEDED = re.compile("|".join(re.escape(w) for words in _NEEDS.values() for w in words))


def unfilled_in(text: str, kinds: tuple[str, ...] = ALL_KINDS) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each blank of ``kinds`` left in ``text``, in reading order.
    Instructions are found first and a blank inside one is none of its own, so asking
    for instructions alone gives the instructions of the full reading."""
    found: list[tuple[str, int, int]] = []
    if _ANY_NEEDED.search(text) is None:
        return found  # no kind's words: one search instead of one per kind
    for kind, pattern in _PATTERNS:
        if kind not in kinds or _NEEDED[kind].search(text) is None:
            continue
        for m in pattern.finditer(text):
            if not any(a <= m.start() < b for _, a, b in found):
                found.append((kind, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def _figures_only(text: str) -> bool:
    """The text is figures and nothing else: "2946.25 2940.05 99.79%"."""
    if _NOT_FIGURE.search(text) is not None:
        return False  # a character no figure, space or quote prints (most lines: words)
    tokens = [t for t in text.split() if t not in ("“", "”", '"')]
    return bool(tokens) and all(_FIGURE.fullmatch(t) for t in tokens)


def _context(text: str, start: int, end: int) -> str:
    """The sentence around a blank, at most 80 characters."""
    left = max(text.rfind(p, 0, start) for p in "。；;\n")
    right = min((i for i in (text.find(p, end) for p in "。；;\n") if i >= 0), default=len(text))
    return text[left + 1: right + 1].strip()[:80]


_CELL_KINDS = ("instruction",)


def extract_into(facts: Facts) -> None:
    """Fill ``facts.extra["unfilled"]``."""
    out: list[Unfilled] = []
    blocks = facts.document.blocks
    for block in blocks:
        if isinstance(block, Paragraph):
            for kind, a, b in unfilled_in(block.text):
                out.append(Unfilled(kind, block.text[a:b], _context(block.text, a, b), block.location_at(a)))
        elif isinstance(block, Table):
            # a table none of whose cells holds an instruction's word is not read cell by
            # cell: those words hold no line break, so one search of the cells joined by
            # line breaks finds each of them where a cell's own search would
            cells = "\n".join([cell.text for row in block.rows for cell in row])
            if _NEEDED["instruction"].search(cells) is None:
                continue
            for row in block.rows:
                for cell in row:
                    # 同比增长%, 金额（万元）: a header's unit, not a blank; a blank cell is the table's to read
                    for kind, a, b in unfilled_in(cell.text, _CELL_KINDS):
                        out.append(Unfilled(kind, cell.text[a:b], cell.text.strip()[:80], cell.location))
    if _overlaid(blocks):
        out = [u for u in out if u.kind == "instruction"]
    facts.extra[KEY] = out


def _overlaid(blocks: list) -> bool:
    """The figures were filled in a layer of their own: a paragraph with a blank beside a
    paragraph of figures only. Then no blank of the document is known to be unfilled."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    for n, p in enumerate(paragraphs):
        if not _figures_only(p.text):
            continue
        near = paragraphs[max(0, n - 1): n + 2]
        if any(q is not p and any(kind != "instruction" for kind, _, _ in unfilled_in(q.text)) for q in near):
            return True
    return False
