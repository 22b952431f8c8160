"""A report model written as each format auditlint reads."""
