"""Round-five red-team reports (narrative-heavy): python make5.py (from this folder).
Uses ../_build2/lib2.py to render plain text (row/cell per line) and .docx."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "_build2"))
sys.path.insert(0, str(HERE))

import r5_reports  # noqa: E402

LABEL = ("# Red-team corpus, round five: {name} ({fmt}). Written by corpus/realistic/_build5 "
         "(python make5.py); see docs/false-alarms-5.md.\nreports:\n  clean:\n    mutation: null\n    expect: []\n")


def main(names):
    for name, fmts, fn in r5_reports.REPORTS:
        if names and name not in names:
            continue
        out = ROOT / name
        out.mkdir(exist_ok=True)
        rep = fn()
        if "txt" in fmts:
            (out / "clean.txt").write_text(rep.text(), encoding="utf-8")
        if "docx" in fmts:
            rep.docx(out / "clean.docx")
        (out / "labels.yaml").write_text(LABEL.format(name=name, fmt=", ".join(fmts)), encoding="utf-8")
        print(name, fmts, len(rep.text().splitlines()), "lines")


if __name__ == "__main__":
    main(sys.argv[1:])
