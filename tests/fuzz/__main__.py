"""``python -m tests.fuzz --cases N``: run N cases, keep every crash as a
regression case, print crashes, the slowest case and the peak memory."""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, ROOT / "tests", ROOT / "tools"):  # tests.fuzz; fixture_docs and corpusgen the cases use
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from tests.fuzz.cases import KINDS  # noqa: E402
from tests.fuzz.harness import SLOW_SECONDS, run_numbered  # noqa: E402

BLOCK = 1000  # cases per worker pool


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0, help="first case number; case k is reproducible alone")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(KINDS), help="text,html,docx,pdf")
    ap.add_argument("--max-minutes", type=float, default=0, help="stop after this long and report the cases run")
    args = ap.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    start = time.time()
    crashes, slowest, peak, counts = [], (0.0, None, ""), 0, {"ok": 0, "refused": 0, "crash": 0}
    slowest_wall = 0.0
    work = [(s, kinds) for s in range(args.seed, args.seed + args.cases)]
    done = 0
    for block in range(0, len(work), BLOCK):
        # a fresh pool per block: a leak in one case must not count against later ones.
        # (Not max_tasks_per_child: on Python 3.11 the pool hangs when every worker retires
        # at once, which is what happened at case 8,000 of a 20,000-case run.)
        with ProcessPoolExecutor(args.jobs) as pool:
            for seed, kind, status, seconds, detail, size, rss, wall in pool.map(
                    run_numbered, work[block : block + BLOCK], chunksize=8):
                done += 1
                slowest_wall = max(slowest_wall, wall)
                counts[status] += 1
                peak = max(peak, rss)
                if seconds > slowest[0]:
                    slowest = (seconds, seed, kind)
                if status == "crash" or seconds > SLOW_SECONDS:
                    crashes.append((seed, kind, seconds, detail))
                    print(f"case {seed} ({kind}, {size} bytes, {seconds:.1f} s CPU): {status}: {detail}", flush=True)
                if done % 1000 == 0:
                    print(f"… {done} cases, {time.time() - start:.0f} s", flush=True)
        if args.max_minutes and time.time() - start > 60 * args.max_minutes:
            break
    print(f"{done} cases in {time.time() - start:.0f} s: {counts['ok']} checked, {counts['refused']} refused, "
          f"{counts['crash']} crashed, {sum(1 for c in crashes if c[2] > SLOW_SECONDS)} over {SLOW_SECONDS:g} s; "
          f"slowest case {slowest[1]} ({slowest[2]}) {slowest[0]:.2f} s CPU (longest wall time {slowest_wall:.1f} s); "
          f"peak memory {peak / 1024:.0f} MB")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
