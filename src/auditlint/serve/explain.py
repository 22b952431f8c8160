"""The text of ``auditlint explain CHECK`` in one language, for the page's button
(``report.rule_docs.explain_text``, which the command prints too)."""

from __future__ import annotations

from auditlint.engine import registry


def explain_text(check_id: str, lang: str) -> str | None:
    """None for an unknown check."""
    from auditlint.report import rule_docs

    spec = registry.get(check_id.strip().upper())
    if spec is None:
        return None
    return rule_docs.explain_text(spec, ["en" if lang == "en" else "zh"])
