"""Running one case: read, extract, check and render, as `check` would."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

REGRESSIONS = Path(__file__).resolve().parent / "regressions"
SLOW_SECONDS = 10.0  # issue 17: no case over 10 s (of CPU time: on a shared machine wall time measures the neighbours)


@dataclass
class Outcome:
    status: str  # "ok" (checked), "refused" (a one-line ReadError), "crash"
    seconds: float  # CPU time of this process
    detail: str = ""
    findings: int = 0


def run_case(data: bytes, name: str) -> Outcome:
    from auditlint.engine.run import AnalysisError, RunOptions, analyse
    from auditlint.readers import ReadError, read_data
    from auditlint.report.tabular import to_csv
    from auditlint.report.terminal import summary_line

    start = time.process_time()
    suffix = Path(name).suffix.lower()
    try:
        doc = read_data(data, name, suffix)
    except ReadError as exc:
        message = str(exc)
        if "\n" in message or not message:
            return Outcome("crash", time.process_time() - start, f"a ReadError that is not one line: {message!r}")
        return Outcome("refused", time.process_time() - start, message)
    except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
        return Outcome("crash", time.process_time() - start, f"reader: {type(exc).__name__}: {exc}"[:300])
    try:
        linted = analyse(doc, RunOptions())
        for f in linted.findings:  # messages and every reporter's fields are built
            f.message("zh"), f.message("en")
        to_csv([_Result(name, linted.findings)])
        summary_line([_Result(name, linted.findings)], "en")
    except AnalysisError as exc:
        return Outcome("crash", time.process_time() - start, str(exc)[:300])
    except Exception as exc:  # noqa: BLE001
        return Outcome("crash", time.process_time() - start, f"{type(exc).__name__}: {exc}"[:300])
    seconds = time.process_time() - start
    if linted.problems:
        return Outcome("crash", seconds, "; ".join(linted.problems)[:300])
    return Outcome("ok", seconds, findings=len(linted.findings))


@dataclass
class _Result:
    path: str
    findings: list
    error: str | None = None
    problems: tuple = ()


def keep(data: bytes, name: str) -> Path:
    """Store a crashing input as a regression case (named by its hash)."""
    REGRESSIONS.mkdir(exist_ok=True)
    path = REGRESSIONS / f"{hashlib.sha256(data).hexdigest()[:16]}{Path(name).suffix}"
    path.write_bytes(data)
    return path


def regressions() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*") if p.is_file() and not p.name.startswith("."))


HARD_SECONDS = 60  # CPU seconds: a case still running after this is a hang, stopped by SIGPROF


_warm = False


def warm_up() -> None:
    """Import and run everything once, so that no case pays for the imports."""
    global _warm
    if not _warm:
        from .mutate import corpus_texts

        for text in corpus_texts()[:3]:  # tables, scoring, narrative: every lazy import
            run_case(text.encode(), "warm.txt")
        _warm = True


def run_numbered(args: tuple[int, list[str]]) -> tuple[int, str, str, float, str, int, int, float]:
    import signal

    seed, kinds = args
    """Case number ``seed`` in this process, with a hard deadline (for the pool)."""
    import resource

    from .cases import make

    warm_up()
    kind, data, name = make(seed, kinds)

    def hang(signum, frame):  # noqa: ANN001
        raise TimeoutError(f"no answer after {HARD_SECONDS} s of CPU time")

    signal.signal(signal.SIGPROF, hang)
    signal.setitimer(signal.ITIMER_PROF, HARD_SECONDS)
    wall = time.perf_counter()
    try:
        outcome = run_case(data, name)
    except TimeoutError as exc:
        outcome = Outcome("crash", float(HARD_SECONDS), str(exc))
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    if outcome.status == "crash" or outcome.seconds > SLOW_SECONDS:
        keep(data, name)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return seed, kind, outcome.status, outcome.seconds, outcome.detail, len(data), rss, time.perf_counter() - wall
