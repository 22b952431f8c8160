"""Section numbering (AL601): where the headings' numbers break their sequence or their
style, read from the outline (extract/outline.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditlint.extract.outline import STYLES, Heading, serial_text


@dataclass
class NumberingBreak:
    heading: Heading
    expected: str  # the serial it should carry
    kind: str  # "style": right number, wrong style; "skip"; "repeat"; "start": a sequence starting past 1
    previous: Heading | None = None  # the sibling it follows
    also: list[Heading] = field(default_factory=list)  # further headings of the same slip (8、 9、 after 7、)


def numbering_breaks(headings: list[Heading]) -> list[NumberingBreak]:
    """Where the numbering breaks its sequence or its style.

    Levels follow the convention of official documents: 一、 > （一） > 1. > （1）; a
    heading resets the counters of the levels below it, and a level may be skipped.
    A heading that does not continue its own level's sequence is explained, in order,
    as: a heading of another level written in the wrong style (六、 then 7、: it
    continues 一、…六、, so it should be 七、); the first heading of the section written
    in the wrong style (1、 单位概况 … 二、: the 1、 should be 一、); else a skipped or
    repeated number. A sequence restarting at 1 is a new list, and a heading that follows
    its own style's previous number (1. … （一） … 2.: a report nesting its levels in its
    own order) goes on with its list: neither is reported.
    """
    counters = {1: 0, 2: 0, 3: 0, 4: 0}
    last: dict[int, Heading] = {}
    rank: list[int] = []  # effective level of each heading so far
    out: list[NumberingBreak] = []
    slip: NumberingBreak | None = None
    slip_at = -1  # index of the slip's first heading

    def accept(i: int, r: int, n: int) -> None:
        counters[r] = n
        last[r] = headings[i]
        for q in range(r + 1, 5):
            counters[q] = 0
            last.pop(q, None)
        rank[i] = r

    for i, h in enumerate(headings):
        rank.append(h.rank)
        r, n = h.rank, h.number
        if n in (counters[r] + 1, 1):
            if slip is not None and r <= rank[slip_at]:
                slip = None
            accept(i, r, n)
            continue
        same = next((headings[j] for j in range(i - 1, -1, -1) if headings[j].style == h.style), None)
        if same is not None and same.number == n - 1:
            # its own list goes on (1. 2. around a （一）: this report nests its levels its own way),
            # or a slip goes on (7、 8、 9、 after 六、)
            if slip is not None and slip.heading.style == h.style and counters[rank[slip_at]] == n - 1:
                slip.also.append(h)
                accept(i, rank[slip_at], n)
            else:
                accept(i, r, n)
            continue
        level = _continued_level(h, counters)
        if level is not None:
            prev = last.get(level)
            if slip is not None and slip.heading.style == h.style and rank[slip_at] == level:
                slip.also.append(h)
            else:
                slip, slip_at = NumberingBreak(h, serial_text(style_of(level), n, h.serial), "style", prev), i
                out.append(slip)
            accept(i, level, n)
            continue
        first = _misstyled_first(headings, rank, i, r)
        if first is not None and counters[r] == 0 and n == 2:
            out.append(NumberingBreak(headings[first], serial_text(h.style, 1, h.serial), "style", None, []))
            rank[first] = r
            accept(i, r, n)
            continue
        prev = last.get(r)
        kind = "start" if counters[r] == 0 else ("skip" if n > counters[r] + 1 else "repeat")
        out.append(NumberingBreak(h, serial_text(h.style, counters[r] + 1, h.serial), kind, prev))
        accept(i, r, n)
    return out


def style_of(level: int) -> str:
    """The numbering style of a level (1: 一、, 2: （一）, 3: 1., 4: （1））."""
    return STYLES[level - 1]


def _continued_level(h: Heading, counters: dict[int, int]) -> int | None:
    """The higher level whose sequence this heading's number continues (六、 then 7、).

    Only higher levels: "1、 … 二、" is better read as a first section misnumbered in a
    lower level's style than as 二、 continuing a list of one.
    """
    paren = "paren" in h.style
    cands = [q for q in counters if q < h.rank and counters[q] >= 1 and counters[q] + 1 == h.number]
    if not cands:
        return None
    cands.sort(key=lambda q: (("paren" in style_of(q)) != paren, abs(q - h.rank)))
    return cands[0]


def _misstyled_first(headings: list[Heading], rank: list[int], i: int, r: int) -> int | None:
    """The first heading of the current section when it is numbered 1 in another
    style: the place a missing "一、" was written as "1、"."""
    start = 0
    for j in range(i - 1, -1, -1):
        if rank[j] < r:
            start = j + 1
            break
    if start >= i:
        return None
    first = headings[start]
    if first.number == 1 and first.style != headings[i].style and rank[start] > r:
        return start
    return None
