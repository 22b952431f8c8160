"""User settings: ``[tool.auditlint]`` in pyproject.toml, or an ``auditlint.toml``.

The file is looked for upward from the working directory, as ruff looks for its
own: in each folder ``auditlint.toml`` first (settings at its top level), then a
``pyproject.toml`` that has a ``[tool.auditlint]`` table; the first found wins.
Command-line options win over the file. A key or check ID the tool does not know
is an error, never silently ignored: a misspelt ``ignore`` would otherwise let
findings through that the user meant to hide, or hide none that they meant to.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditlint.findings import Severity
from auditlint.numbers import DEFAULT_TOLERANCE, Tolerance

CONFIG_NAME = "auditlint.toml"
LANGS = ("zh", "en")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = ("select", "ignore", "severity", "tolerance", "lang", "fail-on", "checks", "vocabulary")
VOCABULARY_KEYS = ("extend",)
TOLERANCE_KEYS = ("sigmas", "relative")


class ConfigError(Exception):
    """A setting that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # None: no file found, built-in defaults
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    tolerance: Tolerance = DEFAULT_TOLERANCE
    lang: str | None = None
    fail_on: str | None = None
    checks: tuple[str, ...] = ()  # folders of local checks, resolved against the file's folder
    vocabulary: tuple[str, ...] = ()  # vocabulary extension files, resolved against the file's folder

    def check_ids(self) -> Iterable[tuple[str, str]]:
        """(setting, ID or prefix) for every check named in the file."""
        for ids, where in ((self.select or frozenset(), "select"), (self.ignore, "ignore"), (self.severity, "severity")):
            for i in sorted(ids):
                yield where, i

    def validate_ids(self, known: Iterable[str]) -> None:
        """Every ID or prefix must name at least one registered check."""
        known = sorted(set(known))
        for where, prefix in self.check_ids():
            if not any(k.startswith(prefix) for k in known):
                hint = _did_you_mean(prefix, known)
                raise ConfigError(f"{self.path}: unknown check ID {prefix!r} in {where}{hint} (see `auditlint rules`)")


def find_config(start: Path | None = None) -> Path | None:
    """The settings file that applies in ``start`` (default: the working directory)."""
    folder = (start or Path.cwd()).resolve()
    for d in (folder, *folder.parents):
        own = d / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _mentions_auditlint(pyproject) and "auditlint" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("auditlint", {})
        where = "[tool.auditlint]"
    else:
        table = data
        where = "the top level"
        if "tool" in table:
            raise ConfigError(f"{path}: put the settings at the top level of {path.name}, without [tool.auditlint]")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.auditlint] must be a table")
    _no_unknown(path, table, KEYS, where)
    return Config(
        path=path,
        select=_ids(path, table, "select") if "select" in table else None,
        ignore=_ids(path, table, "ignore") or frozenset(),
        severity=_severity(path, table.get("severity", {})),
        tolerance=_tolerance(path, table.get("tolerance", {})),
        lang=_choice(path, table, "lang", LANGS),
        fail_on=_choice(path, table, "fail-on", FAIL_ON),
        checks=tuple(str((path.parent / d).resolve()) for d in _strings(path, table, "checks")),
        vocabulary=_vocabulary(path, table.get("vocabulary", {})),
    )


def discover(start: Path | None = None) -> Config:
    """The settings in force: the file found upward from ``start``, or the defaults."""
    path = find_config(start)
    return load_config(path) if path is not None else Config()


def _mentions_auditlint(path: Path) -> bool:
    # another project's pyproject.toml is none of our business, even a broken one
    try:
        return "auditlint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _no_unknown(path: Path, table: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
    allowed = list(allowed)
    for key in table:
        if key not in allowed:
            raise ConfigError(
                f"{path}: unknown setting {key!r} in {where}{_did_you_mean(key, allowed)}; "
                f"known: {', '.join(allowed)}"
            )


def _strings(path: Path, table: Mapping[str, Any], key: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings, e.g. {key} = [\"AL1\", \"AL302\"]")
    return value


def _ids(path: Path, table: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(v.strip().upper() for v in _strings(path, table, key) if v.strip())


def _choice(path: Path, table: Mapping[str, Any], key: str, options: tuple[str, ...]) -> str | None:
    if key not in table:
        return None
    value = table[key]
    if value not in options:
        raise ConfigError(f"{path}: {key} = {value!r} is not one of {', '.join(options)}")
    return value


def _severity(path: Path, table: Any) -> dict[str, Severity]:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: severity must be a table, e.g. severity = {{ AL301 = \"warning\" }}")
    out = {}
    for check_id, value in table.items():
        try:
            out[check_id.strip().upper()] = Severity.parse(value if isinstance(value, str) else repr(value))
        except ValueError as exc:
            raise ConfigError(f"{path}: severity of {check_id}: {exc}") from None
    return out


def _vocabulary(path: Path, table: Any) -> tuple[str, ...]:
    from auditlint import vocab

    if not isinstance(table, dict):
        raise ConfigError(f"{path}: vocabulary must be a table, e.g. vocabulary = {{ extend = [\"words.yaml\"] }}")
    _no_unknown(path, table, VOCABULARY_KEYS, "vocabulary")
    files = tuple(str((path.parent / f).resolve()) for f in _strings(path, table, "extend"))
    for f in files:
        if not Path(f).is_file():
            raise ConfigError(f"{path}: vocabulary file {f} does not exist")
        try:
            vocab.use_extensions([f])  # validate now, with the file's name in the message
        except vocab.VocabularyError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    vocab.use_extensions(())
    return files


def _tolerance(path: Path, table: Any) -> Tolerance:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tolerance must be a table, e.g. tolerance = {{ sigmas = 4 }}")
    _no_unknown(path, table, TOLERANCE_KEYS, "tolerance")
    sigmas = table.get("sigmas", DEFAULT_TOLERANCE.sigmas)
    relative = table.get("relative", DEFAULT_TOLERANCE.relative)
    for key, value in (("sigmas", sigmas), ("relative", relative)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{path}: tolerance.{key} must be a number, not {value!r}")
    if sigmas <= 0:
        raise ConfigError(f"{path}: tolerance.sigmas must be above 0 (default 4)")
    if not 0 <= relative < 0.5:
        raise ConfigError(f"{path}: tolerance.relative must be a share between 0 and 0.5 (0.001 for 0.1 %)")
    return Tolerance(float(sigmas), float(relative))


# -- from settings and command line to RunOptions (shared by `check` and `batch`) --------


def split_ids(value: str | None) -> frozenset[str] | None:
    """"AL101, al3" → {"AL101", "AL3"}; None for nothing."""
    if not value:
        return None
    return frozenset(v.strip().upper() for v in value.split(",") if v.strip())


def settings(config_path: str | None, no_config: bool) -> Config:
    """The settings in force: ``--config FILE``, none with ``--no-config``, else the
    auditlint.toml / pyproject.toml found upward from the working directory."""
    if no_config:
        return Config()
    if config_path:
        if not Path(config_path).is_file():
            raise ConfigError(f"--config {config_path}: no such file")
        return load_config(Path(config_path))
    return discover()


def run_options(config: Config, select: str | None, ignore: str | None, lang: str | None,
                checks_dirs: tuple[str, ...]):
    """Command line over settings file over defaults. --select replaces the file's
    selection; --ignore adds to the file's ignores (as ruff composes them)."""
    from auditlint.engine.run import RunOptions

    return RunOptions(
        select=split_ids(select) if select else config.select,
        ignore=(split_ids(ignore) or frozenset()) | config.ignore,
        severity=dict(config.severity),
        lang=lang or config.lang or "zh",
        checks_dirs=(*config.checks, *checks_dirs),
        tolerance=config.tolerance,
        vocabulary=config.vocabulary,
    )


def validate_ids(config: Config, select: str | None, ignore: str | None) -> None:
    """Every ID or prefix named on the command line or in the settings is a check."""
    from auditlint.engine.registry import all_checks

    known = {s.id for s in all_checks()}
    for ids in (split_ids(select) or frozenset(), split_ids(ignore) or frozenset()):
        unknown = sorted(i for i in ids if not any(k.startswith(i) for k in known))
        if unknown:
            raise ConfigError(f"unknown check ID {', '.join(unknown)} (see `auditlint rules`)")
    config.validate_ids(known)


# -- the settings nearest each file (ruff's rule) ------------------------------------


class FileSettings:
    """The settings in force for each checked file: the auditlint.toml / pyproject.toml
    nearest the file's own folder, so a file beside its settings gets them from wherever
    auditlint runs. ``--config`` / ``--no-config`` apply one choice to every file. Each
    settings file is read once; run options are built once per settings file."""

    def __init__(self, config_path: str | None, no_config: bool, select: str | None, ignore: str | None,
                 lang: str | None, checks_dirs: tuple[str, ...]) -> None:
        self.fixed = settings(config_path, no_config) if (config_path or no_config) else None
        self.select, self.ignore, self.lang, self.checks_dirs = select, ignore, lang, checks_dirs
        self._found: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config] = {}
        self._options: dict[Path | None, Any] = {}

    def config_for(self, file: str | Path) -> Config:
        if self.fixed is not None:
            return self.fixed
        path = Path(file)
        folder = (path if path.is_dir() else path.parent).resolve()
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        found = self._found[folder]
        if found not in self._configs:
            self._configs[found] = load_config(found) if found is not None else Config()
        return self._configs[found]

    def options_for(self, file: str | Path):
        """RunOptions for ``file``: its nearest settings under the command line."""
        config = self.config_for(file)
        if config.path not in self._options:
            options = run_options(config, self.select, self.ignore, self.lang, self.checks_dirs)
            options.enabled()  # loads the settings' check folders: their IDs are known after this
            validate_ids(config, self.select, self.ignore)
            self._options[config.path] = options
        return self._options[config.path]


def describe(file: str | Path, config: Config, options: Any, lang: str = "en") -> str:
    """What ``check --show-settings FILE`` prints: the settings in force for the file
    and the file they came from (the setting names are the settings file's own keys)."""
    zh = lang != "en"

    def w(zh_text: str, en_text: str) -> str:
        return zh_text if zh else en_text

    def ids(value: frozenset[str] | None, default: str) -> str:
        return ", ".join(sorted(value)) if value else default

    source = config.path if config.path is not None else w(
        "内置默认值（未找到 auditlint.toml 或 [tool.auditlint]）", "built-in defaults (no auditlint.toml or [tool.auditlint] found)")
    severity = ", ".join(f"{k} = {v.value}" for k, v in sorted(options.severity.items()))
    lines = [
        w(f"{file} 适用的设置", f"Settings for {file}"),
        f"  {w('来自', 'from')}: {source}",
        f"  select: {ids(options.select, w('全部检查', 'every check'))}",
        f"  ignore: {ids(options.ignore, w('无', 'nothing'))}",
        f"  severity: {severity or w('各检查自己的', 'each check' + chr(39) + 's own')}",
        f"  tolerance: sigmas = {options.tolerance.sigmas:g}, relative = {options.tolerance.relative:g}",
        f"  lang: {options.lang}",
        f"  fail-on: {config.fail_on or 'error'}",
        f"  checks: {', '.join(options.checks_dirs) or w('无', 'none')}",
        f"  vocabulary: {', '.join(options.vocabulary) or w('无', 'none')}",
        f"  {w('启用的检查', 'enabled checks')}: {', '.join(s.id for s in options.enabled())}",
    ]
    return "\n".join(lines) + "\n"
