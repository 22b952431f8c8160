"""Planted copies: one realistic mistake per copy, written beside clean.txt (and
.docx where the report has one), with labels.yaml per report folder.

A plant edits the report model, not the text: each edit finds the first paragraph
or table cell, at or after the one containing ``after``, whose text contains
``old``, and replaces it with ``new``; txt and docx are then rendered from the same
model, so both carry the same mistake. A label's line is found in the rendered
txt: the first line containing ``needle`` at or after the first line containing
``after``."""

from __future__ import annotations

import copy
import importlib
import sys
from pathlib import Path

import yaml
from lib import T, line_of
from plants import PLANTS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def units(rep):
    for bi, b in enumerate(rep.blocks):
        if isinstance(b, T):
            for r, row in enumerate(b.rows):
                for c, _ in enumerate(row):
                    yield bi, r, c
        else:
            yield bi, None, None


def get(rep, u):
    bi, r, c = u
    b = rep.blocks[bi]
    return b.rows[r][c] if r is not None else b


def put(rep, u, text):
    bi, r, c = u
    if r is None:
        rep.blocks[bi] = text
    else:
        rep.blocks[bi].rows[r][c] = text


def edit(rep, after, old, new):
    us = list(units(rep))
    start = 0
    if after:
        after = after.lstrip("\t")
        start = next(i for i, u in enumerate(us) if after in get(rep, u))
    exact = old.startswith("=")  # "=8": a cell whose whole text is 8
    if exact:
        old = old[1:]
    for u in us[start:]:
        t = get(rep, u)
        if (t == old if exact else old in t) and t not in ("^", "<"):
            put(rep, u, t.replace(old, new, 1))
            return
    raise ValueError(f"{old!r} not found after {after!r}")


def main(only=()):
    sys.path.insert(0, str(HERE))
    mods = {}
    for p in HERE.glob("*.py"):
        if p.stem in ("lib", "make", "plant", "plants", "facts"):
            continue
        m = importlib.import_module(p.stem)
        mods[m.NAME] = m
    for report, plants in PLANTS.items():
        if only and report not in only:
            continue
        mod = mods[report]
        out = ROOT / report
        clean = mod.build()
        entries = {"clean": {"mutation": None, "expect": []}}
        for pl in plants:
            rep = copy.deepcopy(clean)
            for after, old, new in pl["edits"]:
                edit(rep, after, old, new)
            text = rep.text()
            (out / f"{pl['name']}.txt").write_text(text, encoding="utf-8")
            if getattr(mod, "DOCX", False) and pl.get("docx", True):
                rep.docx(out / f"{pl['name']}.docx")
            expect = []
            for lb in pl["expect"]:
                e = {"check": lb["check"], "line": line_of(text, lb["needle"], after=lb.get("after")),
                     "stated": lb["stated"], "computed": lb["computed"], "subject": lb["subject"]}
                for k in ("optional", "also", "also_lines"):
                    if k in lb:
                        e[k] = lb[k]
                expect.append(e)
            entry = {"mutation": pl["mutation"], "where": pl["where"], "expect": expect}
            if pl.get("note"):
                entry["note"] = pl["note"]
            entries[pl["name"]] = entry
        head = (f"# Red-team corpus: {report}. Written by corpus/realistic/_build "
                "(python make.py && python plant.py); labels by hand, see docs/false-alarms.md.\n")
        body = yaml.safe_dump({"reports": entries}, allow_unicode=True, sort_keys=False, width=200)
        (out / "labels.yaml").write_text(head + body, encoding="utf-8")
        print(report, len(plants), "plants")


if __name__ == "__main__":
    main(tuple(sys.argv[1:]))
