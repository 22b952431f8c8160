"""auditlint: a linter for published budget-performance reports (绩效自评报告).

The public API is what this module exports (docs/api.md); everything else is private.
Names load on first use, so ``import auditlint`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Coverage", "Evidence", "Finding", "Location", "Related", "Report", "Severity", "__version__",
           "lint", "lint_many"]

_WHERE = {
    "lint": "auditlint.api", "lint_many": "auditlint.api", "Report": "auditlint.api",
    "Finding": "auditlint.findings", "Evidence": "auditlint.findings", "Related": "auditlint.findings",
    "Severity": "auditlint.findings", "Location": "auditlint.model", "Coverage": "auditlint.extract.coverage",
}

if TYPE_CHECKING:
    from auditlint.api import Report, lint, lint_many
    from auditlint.extract.coverage import Coverage
    from auditlint.findings import Evidence, Finding, Related, Severity
    from auditlint.model import Location


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'auditlint' has no attribute {name!r}")
