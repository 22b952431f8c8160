"""auditlint's built-in check pack (installed as ``auditlint.checks``).

Every module here registers its checks with ``@check`` on import; the package
imports them all. Header vocabulary and other data the checks and extractors use
live in ``data/`` as YAML, so a user can add a synonym without touching code.
"""

import pkgutil
from importlib import import_module

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
    if not _info.name.startswith("_"):
        import_module(f"{__name__}.{_info.name}")
