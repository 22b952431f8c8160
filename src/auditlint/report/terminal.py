"""Terminal output, ruff-like: one line per finding, the arithmetic and a hint under it.

    report.txt:46:2: AL103 [error] 基本支出：预算数 710.52 + 追加 0 − 扣减 0.86 = 709.66，…
        算式：710.52 + 0 - 0.86 = 709.66；报告为 715.69，相差 6.03（按四舍五入允许的误差 ±0.02）
        提示：行内预算数加减调整后不等于调整后预算。详见 auditlint explain AL103

Files riskiest first, findings by rank inside each file, then a summary line.
Colour only when rich sees a terminal (it honours NO_COLOR and FORCE_COLOR); lines
are never wrapped, so the output greps and pipes like ruff's.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import IO

from rich.console import Console
from rich.text import Text

from auditlint.engine import registry
from auditlint.findings import Finding, Severity
from auditlint.rank import by_risk
from auditlint.report.wording import SEVERITIES, arithmetic, hint, label, where

# C0 and C1 controls, DEL and the Unicode line and paragraph separators: in a file
# name they would start a new line or rewrite the terminal, forging output
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` (a path) with its control characters escaped as Python writes
    them: a name holding a newline stays on its line ("a\\nb.txt")."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def console_for(file: IO[str] | None = None, color: bool | None = None) -> Console:
    """A console that never wraps; ``color`` None lets rich decide (TTY, NO_COLOR)."""
    kwargs: dict = {"file": file or sys.stdout, "highlight": False, "emoji": False, "markup": False, "soft_wrap": True}
    if color is False:
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    elif color is True:
        kwargs["force_terminal"] = True
    return Console(**kwargs)


def finding_line(path: str, f: Finding, lang: str) -> Text:
    sev = f.severity or Severity.WARNING
    line = Text()
    line.append(where(f.location, printable(path), lang), style="bold")
    line.append(": ")
    line.append(f.check_id, style="bold " + STYLE[sev].split()[-1])
    line.append(" ")
    line.append(f"[{sev.value}]", style=STYLE[sev])
    line.append(" ")
    line.append(f.message(lang))
    return line


def _detail(f: Finding, lang: str) -> list[Text]:
    out = []
    colon = ": " if lang == "en" else "："
    if f.evidence is not None:
        out.append(Text(f"    {label('arithmetic', lang)}{colon}{arithmetic(f.evidence, lang)}", style="dim"))
    spec = registry.get(f.check_id)
    if spec is not None:
        out.append(Text(f"    {label('hint', lang)}{colon}{hint(spec.summary(lang), f.check_id, lang)}", style="italic"))
    return out


_SUMMARY = {
    "zh": {"found": "共发现 {total} 个问题（{parts}），涉及 {files} 个文件中的 {with_findings} 个。",
           "none": "检查了 {files} 个文件，未发现问题。", "hidden": "另有 {hidden} 个已记入基线，未显示。",
           "unread": "{n} 个文件无法检查（原因见上）。",
           "nothing": "{n} 个文件没有可核对的内容（未找到预算表、评分表或正文数字），这不等于没有问题。", "incomplete": "{n} 个文件的检查未能全部完成（内部错误，见上）。",
           "part": "{n} 个{label}", "sep": "，"},
    "en": {"found": "Found {total} problem{total_s} ({parts}) in {with_findings} of {files} file{files_s}.",
           "none": "No problems found in {files} file{files_s}.", "hidden": " {hidden} more in the baseline, not shown.",
           "unread": " {n} file{s} could not be checked (see above).",
           "nothing": " {n} file{s} had nothing to check (no budget or scoring table, no figures in the text): "
                      "that is not the same as no problems.",
           "incomplete": " {n} file{s} not fully checked (internal error, see above).",
           "part": "{n} {label}{s}", "sep": ", "},
}


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


def summary_line(results: list, lang: str = "zh", hidden: int = 0) -> str:
    t = _SUMMARY["en" if lang == "en" else "zh"]
    counts = Counter(f.severity or Severity.WARNING for r in results for f in r.findings)
    total = sum(counts.values())
    parts = t["sep"].join(t["part"].format(n=counts[s], label=label(s.value, lang), s=_plural(counts[s]))
                          for s in SEVERITIES if counts[s])
    # a file that could not be read was not checked: never count it as clean
    read = [r for r in results if not r.error and not getattr(r, "nothing_to_check", False)]
    nothing = sum(1 for r in results if getattr(r, "nothing_to_check", False))
    unread = len(results) - len(read) - nothing
    incomplete = sum(1 for r in read if getattr(r, "problems", None))
    text = ""
    if read or not (unread or nothing):
        text = t["found" if total else "none"].format(
            total=total, parts=parts, files=len(read), with_findings=sum(1 for r in read if r.findings),
            total_s=_plural(total), files_s=_plural(len(read)))
    if nothing:
        text += t["nothing"].format(n=nothing, s=_plural(nothing))
    if unread:
        text += t["unread"].format(n=unread, s=_plural(unread))
    if incomplete:
        text += t["incomplete"].format(n=incomplete, s=_plural(incomplete))
    return text.strip() + (t["hidden"].format(hidden=hidden) if hidden else "")


def render(results: list, lang: str = "zh", *, console: Console | None = None, quiet: bool = False,
           hidden: int = 0) -> None:
    """Findings grouped by file, riskiest file first. ``quiet``: the finding lines
    only, without arithmetic, hints or summary (like ruff's ``--quiet``)."""
    console = console or console_for()
    first = True
    for r in by_risk(results):
        if not r.findings:
            continue
        if not first and not quiet:
            console.print()
        first = False
        for f in r.findings:
            console.print(finding_line(r.path, f, lang))
            if not quiet:
                for t in _detail(f, lang):
                    console.print(t)
    if quiet:
        return
    if not first:
        console.print()
    for r in results:
        cov = getattr(r, "coverage", None)
        if cov is not None and not r.error:
            console.print(Text(f"{printable(r.path)}: {cov.summary(lang)}", style="dim"))
    sev = Severity.ERROR if any(f.severity == Severity.ERROR for r in results for f in r.findings) else None
    console.print(Text(summary_line(results, lang, hidden), style="bold" + (" red" if sev else "")))


def statistics(results: list) -> list[dict[str, object]]:
    """Counts per check, most frequent first (``--statistics``)."""
    counts = Counter(f.check_id for r in results for f in r.findings)
    rows = []
    for check_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        spec = registry.get(check_id)
        rows.append({
            "code": check_id,
            "name": spec.name if spec else "",
            "severity": spec.severity.value if spec else "",
            "count": n,
            "summary_zh": spec.summary_zh if spec else "",
            "summary_en": spec.summary_en if spec else "",
        })
    return rows


def render_statistics(results: list, lang: str = "zh", *, console: Console | None = None) -> None:
    console = console or console_for()
    rows = statistics(results)
    width = max((len(str(r["count"])) for r in rows), default=1)
    name_w = max((len(str(r["name"])) for r in rows), default=0)
    for r in rows:
        summary = r["summary_en"] if lang == "en" else r["summary_zh"]
        console.print(Text(f"{r['count']:>{width}}  {r['code']}  {r['name']:<{name_w}}  {summary}"))
