"""Options that ``check`` and ``batch`` share, declared once so their names, choices
and help read the same in both commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from auditlint.i18n import t

_SELECTION = (
    click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                 help=t("输出语言（zh 中文，en 英文）  [默认：设置文件中的 lang，否则按 LANG 环境变量，否则 zh]",
                        "Language of messages  [default: the settings' lang, else LANG, else zh]")),
    click.option("--select", help=t("只运行这些检查（编号或前缀，逗号分隔：AL101,AL3）。",
                                    "Only these checks (IDs or prefixes, comma-separated: AL101,AL3).")),
    click.option("--ignore", help=t("在设置文件之外再跳过这些检查（编号或前缀，逗号分隔）。",
                                    "Skip these checks (IDs or prefixes, comma-separated), on top of the config's.")),
)

_SOURCES = (
    click.option("--checks", "checks_dirs", multiple=True, type=click.Path(),
                 help=t("另外从此文件夹加载检查。", "Also load checks from this folder.")),
    click.option("--config", "config_path", type=click.Path(dir_okay=False),
                 help=t("设置文件（默认：向上查找 auditlint.toml 或 pyproject.toml 中的 [tool.auditlint]）。",
                        "Settings file (default: auditlint.toml or [tool.auditlint] in pyproject.toml, found upward).")),
)


def _apply(options: tuple[Callable[[Any], Any], ...]) -> Callable[[Any], Any]:
    def decorate(f: Any) -> Any:
        for option in reversed(options):  # the first option listed is the first in --help
            f = option(f)
        return f
    return decorate


selection_options = _apply(_SELECTION)
"""--lang, --select, --ignore."""
source_options = _apply(_SOURCES)
"""--checks, --config."""
