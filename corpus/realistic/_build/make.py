"""Write every red-team report: python make.py [name ...] (from this folder)."""

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODULES = sorted(p.stem for p in HERE.glob("*.py") if p.stem not in ("lib", "make", "plant", "plants", "facts"))


def main(names):
    sys.path.insert(0, str(HERE))
    for stem in MODULES:
        mod = importlib.import_module(stem)
        if names and mod.NAME not in names:
            continue
        out = ROOT / mod.NAME
        out.mkdir(exist_ok=True)
        rep = mod.build()
        (out / "clean.txt").write_text(rep.text(), encoding="utf-8")
        if getattr(mod, "DOCX", False):
            rep.docx(out / "clean.docx")
        print(mod.NAME, len(rep.text().splitlines()), "lines")


if __name__ == "__main__":
    main(sys.argv[1:])
