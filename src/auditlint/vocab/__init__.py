"""The words auditlint reads reports with: header words, narrative vocabulary,
scoring-table words, report fields and the indicator knowledge base, as YAML.

There is one loader. :func:`load` returns a built-in file's data merged with the
user's extensions (``[tool.auditlint.vocabulary] extend = ["words.yaml"]``): an
extension file has the same top-level names as the built-in files (``headers``,
``narrative``, ``scoring``, ``indicator_tables``, ``report_fields``, ``indicators``)
and under each the keys it adds to. Lists are extended (a word already known is not
repeated), tables merged key by key, and anything else replaced.

Extractors parse the data once and keep the result with :func:`cached`, whose
caches are emptied when the extensions change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

NAMES = ("headers", "narrative", "scoring", "indicator_tables", "report_fields", "indicators")

T = TypeVar("T")

_extensions: tuple[Path, ...] = ()
_dependents: list[Callable[..., Any]] = []


class VocabularyError(Exception):
    """An extension file that cannot be used; the message is one line naming it."""


def builtin_text(name: str) -> str:
    """The text of a built-in vocabulary file, as shipped."""
    if name not in NAMES:
        raise KeyError(name)
    return resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


@cache
def _builtin(name: str) -> Any:
    import yaml

    # libyaml's parser, where PyYAML was built with it, reads the six files in a tenth
    # of the time (100 ms of every run's start); the same safe constructor builds the data
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(builtin_text(name), Loader=loader)  # noqa: S506 - a safe loader


@cache
def _extension(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: must be a table of vocabularies ({', '.join(NAMES)})")
    unknown = sorted(k for k in data if k not in NAMES)
    if unknown:
        raise VocabularyError(f"{path}: unknown vocabulary {unknown[0]!r}; known: {', '.join(NAMES)}")
    return data


def load(name: str) -> Any:
    """The built-in vocabulary ``name`` with every extension in force merged in."""
    data = _builtin(name)
    for path in _extensions:
        extra = _extension(path).get(name)
        if extra is not None:
            data = merge(data, extra)
    return data


def merge(base: Any, extra: Any) -> Any:
    """``extra`` laid over ``base``: lists extended, tables merged, the rest replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *(v for v in extra if v not in base)]
    return extra


def use_extensions(paths: Iterable[str | Path]) -> None:
    """Put these extension files in force (none: the built-in words only)."""
    global _extensions
    wanted = tuple(Path(p).resolve() for p in paths)
    for path in wanted:
        _extension(path)  # refuse a broken file before anything is read with it
    if wanted == _extensions:
        return
    _extensions = wanted
    for fn in _dependents:
        fn.cache_clear()  # type: ignore[attr-defined]


def extensions() -> tuple[Path, ...]:
    return _extensions


def cached(fn: Callable[[], T]) -> Callable[[], T]:
    """``functools.cache`` for a function that parses vocabulary: emptied when the
    extensions in force change."""
    wrapped = cache(fn)
    _dependents.append(wrapped)
    return wrapped
