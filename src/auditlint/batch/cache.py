"""The batch's memory of finished work, and atomic writes.

Each finished report is one small JSON file in ``OUTDIR/.cache/``, named by a key
built from the report's bytes (SHA-256), the auditlint code that checked it and
the effective configuration (the checks enabled, their severities and sources,
the local check files' contents, plug-in versions). It is written to a temporary
name and renamed into place, so a batch killed at any moment leaves either the
whole entry or none; a rerun reads what is there and redoes only what is missing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

# Only a file's own outcome is cached: its findings, or a read error that reading
# the same bytes again would repeat. What the machine caused is tried again on the
# next run: a crash (the OOM killer, a neighbour), a timeout (a busy machine), a
# memory error (a limit, perhaps the environment's), a file that could not be
# opened ("io": permissions, a disk error).
NOT_CACHED = frozenset({"crash", "timeout", "memory", "io"})


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# mkstemp makes 0600 files; outputs get the permissions any new file would get
_FILE_MODE = 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_writer(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write ``path`` through a temporary file beside it, renamed over it only
    when the block finishes: readers see the old file or the new one, never half."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _FILE_MODE)
        kwargs = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: str | Path, data: str | bytes) -> None:
    with atomic_writer(path, "wb" if isinstance(data, bytes) else "w") as fh:
        fh.write(data)


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a run that was killed mid-write."""
    if not folder.is_dir():
        return
    for p in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            p.unlink()


@cache
def code_version() -> str:
    """auditlint's version plus a hash of its own source and check data, so that a
    development install that changed a check does not reuse old results."""
    import auditlint

    h = hashlib.sha256()
    roots = [Path(auditlint.__file__).parent]
    try:
        import auditlint.checks as builtin_checks

        roots.append(Path(builtin_checks.__file__).parent)
    except ImportError:
        pass
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.suffix in {".py", ".yaml", ".yml"} and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(root)).encode())
                h.update(p.read_bytes())
    return f"{auditlint.__version__}+{h.hexdigest()[:12]}"


def config_fingerprint(options: Any, pages_lang: str | None) -> dict[str, Any]:
    """The effective configuration as plain data: what changes results."""
    from importlib.metadata import entry_points

    specs = options.enabled()
    local: dict[str, str] = {}
    for d in options.checks_dirs:
        for p in sorted(Path(d).glob("*.py")):
            local[str(p.resolve())] = hashlib.sha256(p.read_bytes()).hexdigest()
    plugins = {}
    if options.plugins:
        for ep in entry_points(group="auditlint.checks"):
            dist = getattr(ep, "dist", None)
            plugins[ep.name] = f"{ep.value}=={dist.version if dist else '?'}"
    return {
        "auditlint": code_version(),
        "checks": [[s.id, s.name, s.severity.value, s.source] for s in specs],
        # every option, whatever fields RunOptions grows (severities, tolerance…)
        "options": {f.name: canonical(getattr(options, f.name)) for f in dataclasses.fields(options)
                    if f.name not in ("lang", "keep_document")},
        "local_checks": local,
        "vocabulary": {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in options.vocabulary},
        "plugins": plugins,
        # messages are cached in both languages; only rendered report pages depend on it
        "pages_lang": pages_lang,
    }


def canonical(value: Any) -> Any:
    """Plain JSON data that is the same for equal values in any process (a
    frozenset's order follows the per-process string hash; sort it)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted(canonical(v) for v in value)
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return repr(value)


def digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def encode(record: dict[str, Any]) -> str:
    """A record as the cache stores it (and as the outputs are assembled from)."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


class Cache:
    """One JSON file per finished report under ``root``."""

    def __init__(self, root: Path, config_key: str):
        self.root = root
        self.config_key = config_key
        root.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(root)

    def key(self, sha256: str) -> str:
        return hashlib.sha256(f"{sha256}\x1f{self.config_key}".encode()).hexdigest()

    def path(self, sha256: str) -> Path:
        return self.root / f"{self.key(sha256)}.json"

    def get(self, sha256: str, limits: dict[str, float] | None = None) -> dict[str, Any] | None:
        """The stored result, or None when there is none, it is unreadable, or it is
        an outcome the machine caused (an entry an older version stored).
        ``limits`` is accepted for callers of that version; no entry depends on it."""
        try:
            record = json.loads(self.path(sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("sha256") != sha256:
            return None
        if record.get("error_kind") in NOT_CACHED:
            return None
        return record

    def put(self, record: dict[str, Any]) -> str:
        """Store a result; returns the JSON text stored, which is what outputs use,
        so a fresh result and a cached one are the same bytes."""
        text = encode(record)
        self.put_text(record["sha256"], text, record.get("error_kind"))
        return text

    def put_text(self, sha256: str, text: str, error_kind: str | None) -> None:
        """Store a record already encoded as ``put`` encodes it (a worker's)."""
        if error_kind not in NOT_CACHED:
            atomic_write(self.path(sha256), text)
