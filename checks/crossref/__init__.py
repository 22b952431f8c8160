"""Cross-reference (AL5xx): claims, targets and figures against the report's own data elsewhere. One check per module."""
