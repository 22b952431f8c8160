"""auditlint's built-in check pack (installed as ``auditlint.checks``).

One check per module, in a folder per family (``arithmetic/AL101_table_total_mismatch.py``);
each registers itself with ``@check`` on import, and the package imports them all.
Checks read ``Facts`` only: they import ``auditlint.extract`` and ``checks.helpers``,
never each other, a reader or the raw document.
"""

import pkgutil
from importlib import import_module

for _info in sorted(pkgutil.walk_packages(__path__, prefix=f"{__name__}."), key=lambda i: i.name):
    if not _info.name.rsplit(".", 1)[-1].startswith("_"):
        import_module(_info.name)
