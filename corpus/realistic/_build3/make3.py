"""Round-three red-team reports: python make3.py [name ...] (from this folder). Reuses ../_build2/lib2.py."""
import importlib, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "_build2"))
sys.path.insert(0, str(HERE))
LABELS = "# Red-team round three: {name}. Written by corpus/realistic/_build3 (python make3.py); see docs/false-alarms-3.md.\nreports:\n  clean:\n    mutation: null\n    expect: []\n"

def main(names):
    for p in sorted(HERE.glob("r3_*.py")):
        mod = importlib.import_module(p.stem)
        if names and mod.NAME not in names:
            continue
        out = ROOT / mod.NAME
        out.mkdir(exist_ok=True)
        rep = mod.build()
        if "txt" in mod.FORMATS:
            (out / "clean.txt").write_text(rep.text(), encoding="utf-8")
        if "docx" in mod.FORMATS:
            rep.docx(out / "clean.docx")
        (out / "labels.yaml").write_text(LABELS.format(name=mod.NAME), encoding="utf-8")
        print(mod.NAME, ",".join(mod.FORMATS))

if __name__ == "__main__":
    main(sys.argv[1:])
