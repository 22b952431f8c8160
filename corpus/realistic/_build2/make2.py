"""Write every round-two red-team report: python make2.py [name ...] (from this folder).

Each report module defines NAME, FORMATS (a subset of txt, docx, pdf, html), build()
and PLANTS (see plant2.py); HTML_ENCODING is optional (default utf-8)."""

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HELPERS = ("lib2", "make2", "plant2")
MODULES = sorted(p.stem for p in HERE.glob("*.py") if p.stem not in HELPERS)


def modules():
    sys.path.insert(0, str(HERE))
    return [importlib.import_module(stem) for stem in MODULES]


def write(mod, rep, out: Path, stem: str) -> None:
    if "txt" in mod.FORMATS:
        (out / f"{stem}.txt").write_text(rep.text(), encoding="utf-8")
    if "docx" in mod.FORMATS:
        rep.docx(out / f"{stem}.docx")
    if "pdf" in mod.FORMATS:
        rep.pdf(out / f"{stem}.pdf")
    if "html" in mod.FORMATS:
        rep.html(out / f"{stem}.html", getattr(mod, "HTML_ENCODING", "utf-8"))


def main(names):
    for mod in modules():
        if names and mod.NAME not in names:
            continue
        out = ROOT / mod.NAME
        out.mkdir(exist_ok=True)
        rep = mod.build()
        write(mod, rep, out, "clean")
        print(mod.NAME, ",".join(mod.FORMATS), len(rep.text().splitlines()), "lines")


if __name__ == "__main__":
    main(sys.argv[1:])
