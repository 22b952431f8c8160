"""The check registry: checks declare themselves with ``@check``, like ruff rules.

A check is a plain function ``(facts) -> Iterable[Finding]``. Its docstring is the
explanation users read (``auditlint explain ALxxx``), in two parts introduced by
lines ``zh:`` and ``en:``, each with a bad and a good example.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from auditlint.findings import Finding, Message, Severity

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts

CheckFn = Callable[["Facts"], Iterable[Finding]]
ID_RE = re.compile(r"^AL\d{3}$|^[A-Z]{2,5}\d{3,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

FAMILIES = {
    "1": "arithmetic",
    "2": "ratios",
    "3": "values",
    "4": "scoring",
    "5": "cross-reference",
    "6": "structure",
}


@dataclass(frozen=True)
class CheckSpec:
    id: str
    name: str
    severity: Severity
    summary_zh: str
    summary_en: str
    func: CheckFn
    source: str = "builtin"
    # checks whose finding on the same cell or line makes this one's redundant: the
    # engine drops this check's finding there (when those checks run)
    defer_to: tuple[str, ...] = ()
    # the messages the check writes, as templates (findings.Message), for its docs
    messages: tuple[Message, ...] = ()

    @property
    def family(self) -> str:
        if self.id.startswith("AL") and len(self.id) == 5:
            return FAMILIES.get(self.id[2], "other")
        return "other"

    @property
    def explanation(self) -> dict[str, str]:
        """``{"zh": ..., "en": ...}`` from the docstring."""
        return split_docstring(self.func.__doc__ or "")

    def summary(self, lang: str = "zh") -> str:
        return self.summary_en if lang == "en" else self.summary_zh


class RegistryError(Exception):
    pass


_REGISTRY: dict[str, CheckSpec] = {}
_current_source = "builtin"


def check(
    id: str,
    name: str,
    *,
    severity: str = "error",
    zh: str,
    en: str,
    defer_to: tuple[str, ...] = (),
    messages: tuple[Message, ...] = (),
) -> Callable[[CheckFn], CheckFn]:
    """Register a check. ``zh``/``en`` are its one-line summaries; ``defer_to`` names
    checks that, reporting the same location, make this check's finding redundant;
    ``messages`` are the templates its findings are worded with."""
    if not ID_RE.match(id):
        raise RegistryError(f"check id {id!r} must look like AL101")
    if not NAME_RE.match(name):
        raise RegistryError(f"check name {name!r} must be kebab-case")

    def deco(fn: CheckFn) -> CheckFn:
        existing = _REGISTRY.get(id)
        if existing is not None and (existing.func.__module__, existing.func.__qualname__) != (fn.__module__, fn.__qualname__):
            raise RegistryError(f"check id {id} registered twice ({existing.name}, {name})")
        if not split_docstring(fn.__doc__ or "").get("en"):
            raise RegistryError(f"check {id} needs a docstring with zh: and en: parts")
        _REGISTRY[id] = CheckSpec(id, name, Severity.parse(severity), zh, en, fn, _current_source,
                                  tuple(defer_to), tuple(messages))
        return fn

    return deco


def split_docstring(doc: str) -> dict[str, str]:
    import inspect

    text = inspect.cleandoc(doc)
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        m = re.match(r"^(zh|en):\s*$", line.strip())
        if m:
            current = parts.setdefault(m.group(1), [])
            continue
        if current is not None:
            current.append(line)
    return {k: "\n".join(v).strip() for k, v in parts.items()}


def all_checks() -> list[CheckSpec]:
    load_builtin()
    return sorted(_REGISTRY.values(), key=lambda s: s.id)


def get(check_id: str) -> CheckSpec | None:
    load_builtin()
    return _REGISTRY.get(check_id)


_loaded: set[str] = set()


def load_builtin() -> None:
    if "builtin" in _loaded:
        return
    _loaded.add("builtin")
    importlib.import_module("auditlint.checks")


def load_entry_points() -> list[str]:
    """Third-party packs: modules named in the ``auditlint.checks`` entry-point group."""
    global _current_source
    load_builtin()
    if "entry_points" in _loaded:
        return []
    _loaded.add("entry_points")
    names = []
    for name, value in plugin_entry_points():
        _current_source = f"plugin:{name}"
        try:
            EntryPoint(name, value, "auditlint.checks").load()
        except Exception as exc:  # a broken plugin must not take the tool down
            raise RegistryError(f"check pack {name!r} failed to load: {exc}") from exc
        finally:
            _current_source = "builtin"
        names.append(name)
    return names


def plugin_entry_points() -> list[tuple[str, str]]:
    """(name, ``module:attr``) of the ``auditlint.checks`` entry points. Scanning every
    installed distribution's metadata costs more than checking a small report, so the
    answer is kept in the user's cache, keyed by the state of the folders on
    ``sys.path`` (a package installed or removed changes a folder's mtime)."""
    import hashlib
    import json
    import os

    state = hashlib.sha256()
    for entry in sys.path:
        try:
            state.update(f"{entry}\0{os.stat(entry or '.').st_mtime_ns}\0".encode())
        except OSError:
            state.update(f"{entry}\0-\0".encode())
    cache = _cache_dir() / f"entry-points-{state.hexdigest()[:16]}.json"
    try:
        return [tuple(pair) for pair in json.loads(cache.read_text(encoding="utf-8"))]  # type: ignore[misc]
    except (OSError, ValueError):
        pass
    found = sorted((ep.name, ep.value) for ep in entry_points(group="auditlint.checks"))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(found), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: scan every time
    return found


def _cache_dir() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditlint"


def load_directory(path: str | Path) -> list[str]:
    """A local folder of check modules (``--checks DIR``): every ``*.py`` in it."""
    global _current_source
    load_builtin()
    folder = Path(path)
    if not folder.is_dir():
        raise RegistryError(f"--checks {path}: not a folder")
    loaded = []
    for file in sorted(folder.glob("*.py")):
        if file.name.startswith("_"):
            continue
        key = f"dir:{file.resolve()}"
        if key in _loaded:
            continue
        _loaded.add(key)
        mod_name = f"auditlint_local_checks.{file.stem}"
        spec = importlib.util.spec_from_file_location(mod_name, file)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[mod_name] = module
        _current_source = f"local:{file.name}"
        try:
            spec.loader.exec_module(module)
        except RegistryError:
            raise
        except Exception as exc:
            raise RegistryError(f"{file}: failed to load: {exc}") from exc
        finally:
            _current_source = "builtin"
        loaded.append(file.name)
    return loaded
