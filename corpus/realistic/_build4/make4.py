"""Write every round-four red-team report: python make4.py [name ...] (from this folder).
Each module defines NAME, FORMATS, build() and optionally HTML_ENCODING."""

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODULES = sorted(p.stem for p in HERE.glob("r4_*.py"))
LABELS = ("# Red-team corpus, round four: {name} ({fmts}). Written by corpus/realistic/_build4 "
          "(python make4.py); see docs/false-alarms-4.md.\nreports:\n  clean:\n    mutation: null\n    expect: []\n")


def main(names):
    sys.path.insert(0, str(HERE))
    for stem in MODULES:
        mod = importlib.import_module(stem)
        if names and mod.NAME not in names:
            continue
        out = ROOT / mod.NAME
        out.mkdir(exist_ok=True)
        rep = mod.build()
        for fmt in mod.FORMATS:
            p = out / f"clean.{fmt}"
            if fmt == "txt":
                p.write_text(rep.text(), encoding="utf-8")
            elif fmt == "html":
                rep.html(p, getattr(mod, "HTML_ENCODING", "utf-8"))
            else:
                getattr(rep, fmt)(p)
        (out / "labels.yaml").write_text(LABELS.format(name=mod.NAME, fmts=", ".join(mod.FORMATS)), encoding="utf-8")
        print(mod.NAME, ",".join(mod.FORMATS), len(rep.text().splitlines()), "lines")


if __name__ == "__main__":
    main(sys.argv[1:])
