"""Extraction: Document → Facts. Format knowledge about reports lives here.

Every module in this package that defines ``extract_into(facts)`` is an extractor;
they run in the order of their module-level ``ORDER`` (default 50), so one that
reads another's output sets a larger number.
"""

from __future__ import annotations

import pkgutil
from functools import cache
from importlib import import_module
from types import ModuleType

from auditlint.extract.facts import Facts
from auditlint.model import Document


@cache
def extractors() -> list[ModuleType]:
    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        mod = import_module(f"{__name__}.{info.name}")
        if callable(getattr(mod, "extract_into", None)):
            mods.append(mod)
    return sorted(mods, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def extract(doc: Document) -> Facts:
    facts = Facts(document=doc)
    for mod in extractors():
        mod.extract_into(facts)
    return facts
