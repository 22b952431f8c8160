"""The corpus generator (not part of the installed package).

    python tools/corpus.py generate OUT [--seeds 6] [--formats txt,html,docx,pdf]
        the synthetic mutation corpus: per shape and seed a folder with the clean
        report, one report per planted mistake and labels.yaml; then measure it
        with ``auditlint eval OUT --formats ...``. ``generate corpus`` (one seed,
        txt) rewrites the committed corpus/<shape>/ folders.
    python tools/corpus.py realistic [NAME ...] [--out corpus/realistic]
        the hand-written red-team reports of corpus/realistic/ (all, or those named).
    python tools/corpus.py facts FILE [-s]
        what auditlint understood of a report (tables, scoring, statements).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _generate(args: argparse.Namespace) -> None:
    from corpusgen.synth.corpus import FORMATS, build

    fmts = tuple(f.strip().lower() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown:
        sys.exit(f"unknown format {', '.join(unknown)} (use {', '.join(FORMATS)})")
    for path in build(args.out, tuple(range(1, args.seeds + 1)), fmts):
        print(path)


def _realistic(args: argparse.Namespace) -> None:
    from corpusgen.realistic_corpus import build

    for name in build(args.out, tuple(args.names)):
        print(args.out / name)


def _facts(args: argparse.Namespace) -> None:
    from corpusgen.facts import show

    show(args.file, statements=args.s)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python tools/corpus.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(required=True)
    g = sub.add_parser("generate", help="write the synthetic mutation corpus")
    g.add_argument("out", type=Path)
    g.add_argument("--seeds", type=int, default=1, help="how many seeds per shape (1..N)")
    g.add_argument("--formats", default="txt", help="comma-separated: txt,html,docx,pdf")
    g.set_defaults(run=_generate)
    r = sub.add_parser("realistic", help="write the red-team reports of corpus/realistic/")
    r.add_argument("names", nargs="*", help="report folders to write (default: all)")
    r.add_argument("--out", type=Path, default=HERE.parent / "corpus" / "realistic")
    r.set_defaults(run=_realistic)
    f = sub.add_parser("facts", help="show what auditlint understood of a report")
    f.add_argument("file", type=Path)
    f.add_argument("-s", action="store_true", help="also list the narrative statements")
    f.set_defaults(run=_facts)
    args = ap.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
