"""auditlint: a linter for published budget-performance reports (绩效自评报告)."""

__version__ = "0.1.0"
