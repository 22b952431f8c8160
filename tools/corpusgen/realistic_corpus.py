"""Write ``corpus/realistic/<report>/``: the clean report and its planted copies in every
format the report has, and ``labels.yaml``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from corpusgen.files import write_if_changed
from corpusgen.model import Report
from corpusgen.plant import label_entry, planted
from corpusgen.realistic import reports
from corpusgen.render.docx_file import docx_bytes
from corpusgen.render.html_page import render_html
from corpusgen.render.pdf_file import pdf_bytes
from corpusgen.render.text import render_text

HEAD = "# Realistic corpus: {name} ({formats}). Written by tools/corpus.py realistic; see docs/false-alarms.md.\n"


def rendered(mod: ModuleType, rep: Report, fmt: str) -> bytes:
    if fmt == "txt":
        return render_text(rep).encode("utf-8")
    if fmt == "html":
        encoding = getattr(mod, "HTML_ENCODING", "utf-8")
        return render_html(rep, encoding).encode(encoding)
    if fmt == "docx":
        return docx_bytes(rep)
    if fmt == "pdf":
        return pdf_bytes(rep)
    raise ValueError(f"unknown format {fmt!r}")


def report_files(mod: ModuleType, formats: tuple[str, ...] | None = None) -> Iterator[tuple[str, bytes]]:
    """(file name, content) of everything in the report's folder: the clean report and each
    planted copy in the report's formats (or those of them in ``formats``), and labels.yaml."""
    fmts = tuple(f for f in mod.FORMATS if formats is None or f in formats)
    clean = mod.build()
    for fmt in fmts:
        yield f"clean.{fmt}", rendered(mod, clean, fmt)
    entries: dict[str, Any] = {"clean": {"mutation": None, "expect": []}}
    for pl in getattr(mod, "PLANTS", []):
        rep = planted(clean, pl)
        for fmt in fmts:
            # a plant whose .docx would not carry the mistake the same way is written as .txt only
            if fmt != "docx" or pl.get("docx", True):
                yield f"{pl['name']}.{fmt}", rendered(mod, rep, fmt)
        entries[pl["name"]] = label_entry(pl, render_text(rep) if "txt" in mod.FORMATS else None)
    head = HEAD.format(name=mod.NAME, formats=", ".join(mod.FORMATS))
    body = yaml.safe_dump({"reports": entries}, allow_unicode=True, sort_keys=False, width=200)
    yield "labels.yaml", (head + body).encode("utf-8")


def write_report(mod: ModuleType, root: Path) -> None:
    """The report's folder under ``root``."""
    out = root / mod.NAME
    out.mkdir(parents=True, exist_ok=True)
    for name, data in report_files(mod):
        write_if_changed(out / name, data)


def build(root: Path, names: tuple[str, ...] = ()) -> list[str]:
    """Every report (or those named) under ``root``; returns the names written."""
    done = []
    for mod in reports():
        if names and mod.NAME not in names:
            continue
        write_report(mod, root)
        done.append(mod.NAME)
    return done
