"""Planted copies of a realistic report and the labels saying what each must produce.

A plant edits the report model, not a rendering: each edit ``(after, old, new)`` finds
the first paragraph or table cell, at or after the first one containing ``after`` ("=x":
whose whole text is x), whose text contains ``old`` ("=x" likewise), and replaces it with
``new``; every format is then rendered from the same model, so all carry the same
mistake. A label's ``line`` (reports with a .txt) is found in the rendered .txt: the first
line containing ``needle`` ("=x": that is just x) at or after the first line containing
``after``. PDF, HTML and DOCX are matched on the stated value.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from corpusgen.model import COVERED, Report, T

Unit = tuple[int, int | None, int | None]  # block, row, column (row and column None for a paragraph)


def units(rep: Report) -> Iterator[Unit]:
    for bi, b in enumerate(rep.blocks):
        if isinstance(b, T):
            for r, row in enumerate(b.rows):
                for c, _ in enumerate(row):
                    yield bi, r, c
        elif isinstance(b, str):
            yield bi, None, None


def _get(rep: Report, u: Unit) -> str:
    bi, r, c = u
    b = rep.blocks[bi]
    return b.rows[r][c] if isinstance(b, T) and r is not None and c is not None else str(b)


def _put(rep: Report, u: Unit, text: str) -> None:
    bi, r, c = u
    b = rep.blocks[bi]
    if isinstance(b, T) and r is not None and c is not None:
        b.rows[r][c] = text
    else:
        rep.blocks[bi] = type(b)(text)  # keep a centred title centred


def edit(rep: Report, after: str | None, old: str, new: str) -> None:
    us = list(units(rep))
    start = 0
    if after:
        after = after.lstrip("\t")
        key = after
        hit = (lambda t: t == key[1:]) if key.startswith("=") else (lambda t: key in t)
        start = next(i for i, u in enumerate(us) if hit(_get(rep, u)))
    exact = old.startswith("=")
    if exact:
        old = old[1:]
    for u in us[start:]:
        t = _get(rep, u)
        if (t == old if exact else old in t) and t not in COVERED:
            _put(rep, u, t.replace(old, new, 1))
            return
    raise ValueError(f"{old!r} not found after {after!r}")


def planted(clean: Report, plant: dict[str, Any]) -> Report:
    rep = copy.deepcopy(clean)
    for after, old, new in plant["edits"]:
        edit(rep, after, old, new)
    return rep


def line_of(text: str, needle: str, nth: int = 1, after: str | None = None) -> int:
    """1-based line of the ``nth`` line containing ``needle`` (after the first line
    containing ``after``, when given); a needle "=95" matches a line that is just 95."""
    lines = text.split("\n")
    start = 0
    if after is not None:
        start = next(i for i, ln in enumerate(lines) if after in ln) + 1
    exact = needle.startswith("=")
    if exact:
        needle = needle[1:]
    k = 0
    for i in range(start, len(lines)):
        if (lines[i].strip() == needle) if exact else (needle in lines[i]):
            k += 1
            if k == nth:
                return i + 1
    raise ValueError(f"{needle!r} not found")


def label_entry(plant: dict[str, Any], text: str | None) -> dict[str, Any]:
    """The labels.yaml entry of a planted copy; ``text`` is its .txt, when it has one."""
    expect = []
    for lb in plant["expect"]:
        e: dict[str, Any] = {"check": lb["check"]}
        if text is not None:
            e["line"] = line_of(text, lb["needle"], after=lb.get("after"))
        e.update({"stated": lb["stated"], "computed": lb["computed"], "subject": lb["subject"]})
        for k in ("optional", "also", "also_lines"):
            if k in lb:
                e[k] = lb[k]
        expect.append(e)
    entry = {"mutation": plant["mutation"], "where": plant["where"], "expect": expect}
    if plant.get("note"):
        entry["note"] = plant["note"]
    return entry
