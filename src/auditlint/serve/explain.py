"""The text of ``auditlint explain CHECK`` in one language, for the page's button.

The same pieces as the command (cli.explain): the check's summary, its
explanation and examples from the docstring, the worked cases of the rule pages,
and the rule page's address.
"""

from __future__ import annotations

from auditlint.engine import registry


def explain_text(check_id: str, lang: str) -> str | None:
    """None for an unknown check."""
    from auditlint.report.rule_docs import cases_folder, examples_text, rule_url
    from auditlint.report.wording import explanation_parts

    spec = registry.get(check_id.strip().upper())
    if spec is None:
        return None
    lang = "en" if lang == "en" else "zh"
    lines = [f"{spec.id} {spec.name} [{spec.severity.value}]", "", spec.summary(lang)]
    parts = explanation_parts(spec.explanation.get(lang, ""), lang)
    if parts.body:
        lines += ["", parts.body]
    if parts.examples:
        lines.append("")
        colon = "：" if lang == "zh" else ": "
        lines += [f"  {kind}{colon}{example}" for kind, example in parts.examples]
    if spec.source == "builtin":
        lines += examples_text(spec, [lang], cases_folder())
        lines += ["", rule_url(spec.id)]
    return "\n".join(lines) + "\n"
