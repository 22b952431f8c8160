"""The language of what auditlint prints, and the one place it is decided.

Chinese unless asked otherwise. In order: ``--lang`` on the command line, the
settings file's ``lang``, then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``:
the first one set decides, English when it starts with ``en``), then Chinese.

``--help`` texts are built when a command is defined, before any settings file is
read, so they follow the command line and the locale only: :func:`current` is
decided from ``sys.argv`` when this module is imported and updated by
:func:`use` once a command knows the full answer. Code that serves several
people at once (a web server) passes ``lang=`` to :func:`t` instead of relying
on the process-wide language.

Kept free of imports beyond the standard library: the CLI imports it at start-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

LANGS = ("zh", "en")
_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")


def env_lang(environ: Mapping[str, str] | None = None) -> str | None:
    """"en" when the locale asks for English, else None (no opinion)."""
    env = os.environ if environ is None else environ
    for var in _LOCALE_VARS:
        value = env.get(var)
        if value:  # POSIX: the first variable set wins, even when it is "C"
            return "en" if value.lower().startswith("en") else None
    return None


def argv_lang(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` (``--lang en`` or ``--lang=en``), if valid."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            return value
    return None


def resolve(explicit: str | None, configured: str | None = None,
            environ: Mapping[str, str] | None = None) -> str:
    """The language of a run: ``--lang``, else the settings', else the locale's, else zh."""
    for choice in (explicit, configured):
        if choice in LANGS:
            return choice
    return env_lang(environ) or "zh"


_current = resolve(argv_lang(sys.argv[1:]))


def current() -> str:
    return _current


def use(lang: str | None) -> str:
    """Make ``lang`` (when given) the process's language; returns the language in force."""
    global _current
    if lang in LANGS:
        _current = lang
    return _current


def t(zh: str, en: str, lang: str | None = None) -> str:
    """``zh`` or ``en``: for ``lang``, else for the process's language."""
    return en if (lang or _current) == "en" else zh
