"""Planted copies: one realistic mistake per copy, written beside the clean report in
every format the report has, with labels.yaml per report folder.

A plant (in the report module's PLANTS) edits the report model, not a rendering: each
edit (after, old, new) finds the first paragraph or table cell, at or after the one
containing ``after`` ("=x": whose whole text is x), whose text contains ``old`` ("=x"
likewise), and
replaces it with ``new``; every format is then rendered from the same model, so all
carry the same mistake. A label's ``line`` (reports with a .txt only) is found in the
rendered .txt: the first line containing ``needle`` at or after the first line
containing ``after``. PDF, HTML and DOCX are matched on the stated value."""

from __future__ import annotations

import copy
import sys

import yaml
from lib2 import T, line_of
from make2 import ROOT, modules, write


def units(rep):
    for bi, b in enumerate(rep.blocks):
        if isinstance(b, T):
            for r, row in enumerate(b.rows):
                for c, _ in enumerate(row):
                    yield bi, r, c
        elif isinstance(b, str):
            yield bi, None, None


def get(rep, u):
    bi, r, c = u
    b = rep.blocks[bi]
    return b.rows[r][c] if r is not None else b


def put(rep, u, text):
    bi, r, c = u
    if r is None:
        old = rep.blocks[bi]
        rep.blocks[bi] = type(old)(text)  # keep a centred title centred
    else:
        rep.blocks[bi].rows[r][c] = text


def edit(rep, after, old, new):
    us = list(units(rep))
    start = 0
    if after:  # "=x": the first unit whose whole text is x
        hit = (lambda t: t == after[1:]) if after.startswith("=") else (lambda t: after in t)
        start = next(i for i, u in enumerate(us) if hit(get(rep, u)))
    exact = old.startswith("=")
    if exact:
        old = old[1:]
    for u in us[start:]:
        t = get(rep, u)
        if (t == old if exact else old in t) and t not in ("^", "<"):
            put(rep, u, t.replace(old, new, 1))
            return
    raise ValueError(f"{old!r} not found after {after!r}")


def main(only=()):
    for mod in modules():
        if only and mod.NAME not in only:
            continue
        out = ROOT / mod.NAME
        clean = mod.build()
        entries = {"clean": {"mutation": None, "expect": []}}
        for pl in mod.PLANTS:
            rep = copy.deepcopy(clean)
            for after, old, new in pl["edits"]:
                edit(rep, after, old, new)
            write(mod, rep, out, pl["name"])
            text = rep.text()
            expect = []
            for lb in pl["expect"]:
                e = {"check": lb["check"]}
                if "txt" in mod.FORMATS:
                    e["line"] = line_of(text, lb["needle"], after=lb.get("after"))
                e.update({"stated": lb["stated"], "computed": lb["computed"], "subject": lb["subject"]})
                for k in ("optional", "also", "also_lines"):
                    if k in lb:
                        e[k] = lb[k]
                expect.append(e)
            entry = {"mutation": pl["mutation"], "where": pl["where"], "expect": expect}
            if pl.get("note"):
                entry["note"] = pl["note"]
            entries[pl["name"]] = entry
        head = (f"# Red-team corpus, round two: {mod.NAME} ({', '.join(mod.FORMATS)}). Written by "
                "corpus/realistic/_build2 (python make2.py && python plant2.py); see docs/false-alarms-2.md.\n")
        body = yaml.safe_dump({"reports": entries}, allow_unicode=True, sort_keys=False, width=200)
        (out / "labels.yaml").write_text(head + body, encoding="utf-8")
        print(mod.NAME, len(mod.PLANTS), "plants")


if __name__ == "__main__":
    main(tuple(sys.argv[1:]))
