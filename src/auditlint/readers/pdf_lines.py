"""Characters → printed lines: a page's characters grouped into lines by their
vertical middles, each line's text with the spaces its gaps show, and the runs of
text that wide gaps separate (the cells of a table printed without rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter

# a gap this many font sizes wide between two characters separates cells of a table printed without rules
SEGMENT_GAP = 0.9
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d]")


@dataclass
class Line:
    """One printed line of text, in page coordinates (points from the top left)."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    head: float  # width of its first character (CJK) or word: what no longer fit on the line before
    number: int = 0  # 1-based line on the page
    # runs of text separated by wide gaps (about a character or more): cells, when the line is a table row
    segments: list[tuple[float, float, str]] = field(default_factory=list)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2



# ---------------------------------------------------------------------------
# characters → lines


_SIZE, _TOP, _BOTTOM = itemgetter("size"), itemgetter("top"), itemgetter("bottom")
_WIDE_SEEN: dict[str, bool] = {}  # a character's answer, once asked (a page asks thousands of times)


def is_wide(ch: str) -> bool:
    wide = _WIDE_SEEN.get(ch)
    if wide is None:
        wide = bool(_WIDE.match(ch))
        if len(_WIDE_SEEN) < 65536:
            _WIDE_SEEN[ch] = wide
    return wide


def build_lines(chars: list[dict], page: int) -> list[Line]:
    """Group characters into lines: by their vertical middle, then left to right.
    A space is put where the gap shows one (between Latin letters and digits a
    small gap; next to CJK only a gap of most of a character, as a tab leaves)."""
    if not chars:
        return []
    mids = [(c["top"] + c["bottom"]) / 2 for c in chars]
    groups: list[list[dict]] = []
    ref = None
    for i in sorted(range(len(chars)), key=mids.__getitem__):  # stable, as sorting the characters by middle
        ch, mid = chars[i], mids[i]
        if ref is None or mid - ref > max(1.5, 0.35 * ch["size"]):
            groups.append([ch])
            ref = mid
        else:
            groups[-1].append(ch)
    return [ln for ln in (_line(g, page) for g in groups) if ln is not None]


def _line(chars: list[dict], page: int) -> Line | None:
    chars.sort(key=itemgetter("x0"))
    text = _LineText()
    text.add(chars)
    return text.line(page)


def _drawn_twice(ch: dict, prev: dict) -> bool:
    """The same glyph drawn again a hair to the right (simulated bold)."""
    return ch["text"] == prev["text"] and abs(ch["x0"] - prev["x0"]) < 0.5 * max(prev["x1"] - prev["x0"], 0.5)


def _spaced(ch: dict, prev: dict) -> bool:
    """Does the gap between two characters show a space?"""
    t, gap = ch["text"], ch["x0"] - prev["x1"]
    if t.isspace() or prev["text"].isspace() or gap <= 0.15 * prev["size"]:
        return False
    if gap > 0.8 * prev["size"]:
        return True
    return gap > 0.2 * prev["size"] and not is_wide(prev["text"][-1:]) and not is_wide(t[:1])  # between narrow ones


class _LineText:
    """The characters of one line, left to right, as text and as the runs (segments)
    that wide gaps separate."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.prev: dict | None = None
        self.kept: list[dict] = []
        self.head_end: float | None = None
        self.segments: list[tuple[float, float, str]] = []
        self.seg_start = 0  # index in ``out`` where the current segment began
        self.seg_x0 = 0.0

    def add(self, chars: list[dict]) -> None:
        """Take the characters, left to right (the state is kept in locals while they come)."""
        out, kept, segments = self.out, self.kept, self.segments
        prev, head_end, seg_start, seg_x0 = self.prev, self.head_end, self.seg_start, self.seg_x0
        for ch in chars:
            t = ch["text"]
            if prev is not None:
                if _drawn_twice(ch, prev):
                    continue
                if _spaced(ch, prev):
                    out.append(" ")
            out.append(t)
            prev = ch
            if t.isspace():
                if kept and head_end is None:
                    head_end = kept[-1]["x1"]
                continue
            n = len(out) - 1  # where this character is in ``out``
            if not kept:
                seg_x0 = ch["x0"]
            else:
                last = kept[-1]
                if ch["x0"] - last["x1"] >= SEGMENT_GAP * last["size"]:
                    segments.append((seg_x0, last["x1"], "".join(out[seg_start:n]).strip()))
                    seg_start = n
                if seg_start == n:
                    seg_x0 = ch["x0"]
            kept.append(ch)
            if head_end is None and is_wide(t[:1]):
                head_end = ch["x1"]
        self.prev, self.head_end, self.seg_start, self.seg_x0 = prev, head_end, seg_start, seg_x0

    def line(self, page: int) -> Line | None:
        kept = self.kept
        text = "".join(self.out).replace("\u00a0", " ").strip()
        if not text or not kept:
            return None
        segments = [*self.segments, (self.seg_x0, kept[-1]["x1"], "".join(self.out[self.seg_start:]).strip())]
        x0 = kept[0]["x0"]
        head_end = self.head_end if self.head_end is not None else kept[-1]["x1"]
        sizes = sorted(map(_SIZE, kept))
        return Line(page=page, top=min(map(_TOP, kept)), bottom=max(map(_BOTTOM, kept)), x0=x0,
                    x1=kept[-1]["x1"], size=sizes[len(sizes) // 2], text=text, head=head_end - x0,
                    segments=[(a, b, t.replace("\u00a0", " ").strip()) for a, b, t in segments])
