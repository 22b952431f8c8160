"""Snapshot every finding on every report we have, and compare two snapshots.

A refactoring must not change what auditlint says: run ``snapshot`` before and after
and ``compare`` the two folders. The inputs are every report under ``corpus/``, the
seeds in ``../shared/seeds`` and the real PDFs in ``../shared/real`` (each skipped when
absent). One JSON file per input holds its findings (both languages) with their
fingerprints, or its read error.

    python scripts/compare_findings.py snapshot /tmp/before [--only txt,html] [--jobs 2]
    python scripts/compare_findings.py compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".docx", ".pdf", ".html", ".htm"}


def inputs(only: set[str] | None) -> list[Path]:
    found: list[Path] = []
    for base in (ROOT / "corpus", ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "real"):
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            if not p.is_file() or p.suffix.lower() not in SUFFIXES:
                continue
            if any(part.startswith("_") for part in p.relative_to(base).parts[:-1]):
                continue  # generator scripts' scratch folders
            if only and p.suffix.lower().lstrip(".") not in only:
                continue
            found.append(p)
    return found


def _shown(path: Path) -> str:
    # the same name from any checkout (a worktree beside main included)
    path = path.resolve()
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    return str(path.relative_to(ROOT.parent))


def _key(path: Path) -> str:
    return _shown(path).replace("/", "__")


def lint_one(path: Path) -> tuple[str, dict]:
    from auditlint.engine.run import RunOptions, lint_file

    shown = _shown(path)
    result = lint_file(path, RunOptions(plugins=False), display_path=shown)
    return _key(path), {
        "path": shown,
        "error": result.error,
        "problems": result.problems,
        "findings": [
            {**f.to_dict("zh"), "message_en": f.message("en")} for f in result.findings
        ],
    }


def snapshot(out: Path, only: set[str] | None, jobs: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    files = inputs(only)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for key, data in pool.map(lint_one, files, chunksize=4):
            (out / f"{key}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"{len(files)} reports → {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    left = {p.name: p for p in a.glob("*.json")}
    right = {p.name: p for p in b.glob("*.json")}
    differ = 0
    for name in sorted(left.keys() | right.keys()):
        if name not in left or name not in right:
            print(f"only in {'before' if name in left else 'after'}: {name}")
            differ += 1
            continue
        x, y = left[name].read_bytes(), right[name].read_bytes()
        if x == y:
            continue
        differ += 1
        dx, dy = json.loads(x), json.loads(y)
        print(f"DIFFERS: {dx['path']}")
        fx = {f["fingerprint"]: f for f in dx["findings"]}
        fy = {f["fingerprint"]: f for f in dy["findings"]}
        for fp in sorted(fx.keys() - fy.keys()):
            print(f"  - {fx[fp]['check_id']} {fx[fp]['message']}")
        for fp in sorted(fy.keys() - fx.keys()):
            print(f"  + {fy[fp]['check_id']} {fy[fp]['message']}")
        for fp in sorted(fx.keys() & fy.keys()):
            if fx[fp] != fy[fp]:
                keys = sorted(k for k in fx[fp].keys() | fy[fp].keys() if fx[fp].get(k) != fy[fp].get(k))
                print(f"  ~ {fx[fp]['check_id']} differs in {', '.join(keys)}")
        for k in ("error", "problems"):
            if dx[k] != dy[k]:
                print(f"  {k}: {dx[k]!r} → {dy[k]!r}")
    digest = hashlib.sha1(b"".join(p.read_bytes() for _, p in sorted(right.items()))).hexdigest()[:12]
    print(f"{len(left)} before, {len(right)} after, {differ} differ (after: {digest})")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--only", help="comma-separated suffixes: txt,html,docx,pdf")
    s.add_argument("--jobs", type=int, default=2)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "snapshot":
        only = set(args.only.split(",")) if args.only else None
        return snapshot(args.out, only, args.jobs)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
