"""Plain terminal output (the rich, grouped renderer replaces this)."""

from __future__ import annotations

import click


def render(results: list, lang: str = "zh") -> None:
    for r in results:
        for f in r.findings:
            loc = f.location
            where = ":".join(str(x) for x in (loc.path, loc.line or loc.page) if x is not None)
            click.echo(f"{where}: {f.check_id} [{f.severity.value}] {f.message(lang)}")
            if f.evidence:
                click.echo(f"    {f.evidence.expression} = {f.evidence.computed}; stated {f.evidence.stated}")
