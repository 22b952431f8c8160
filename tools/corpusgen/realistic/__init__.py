"""The hand-written red-team reports of ``corpus/realistic/``: one module per report.

Each module defines ``NAME`` (the folder), ``FORMATS`` (a subset of txt, docx, pdf,
html), ``build()`` returning the clean report and, for reports with planted copies,
``PLANTS`` (see ``corpusgen.plant``); ``HTML_ENCODING`` is optional (default utf-8).
What each report varies is in its docstring and in docs/false-alarms.md.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

HELPERS = {"scoring_table"}


def reports() -> list[ModuleType]:
    """Every report module, in the order of their names."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name not in HELPERS)
    return [importlib.import_module(f"{__name__}.{n}") for n in names]
