"""Words every reporter shares: where a finding is, its arithmetic in one line, the
parts of a check's explanation, and the few labels each language needs.

Reporters work for any registered check from its metadata alone: nothing here
knows a check by its ID.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditlint.findings import Evidence, Finding, Severity
from auditlint.model import Location

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "error": "错误", "warning": "警告", "info": "提示",
        "arithmetic": "算式", "hint": "提示", "stated": "报告数", "computed": "重算数",
        "difference": "差额", "tolerance": "舍入容差", "expression": "算式", "operands": "参与计算的数",
        "rank": "排序分", "risk": "风险分", "confidence": "置信度", "location": "位置", "context": "原文",
        "item": "项目", "value": "数值", "findings": "问题", "file": "文件", "related": "相关位置",
        "explain": "详见", "no_context": "（没有可显示的原文）", "rows_omitted": "省略 {n} 行",
        "title": "auditlint 检查报告", "read_error": "无法读取", "no_findings": "未发现问题。",
    },
    "en": {
        "error": "error", "warning": "warning", "info": "info",
        "arithmetic": "arithmetic", "hint": "hint", "stated": "stated", "computed": "recomputed",
        "difference": "difference", "tolerance": "rounding allows", "expression": "expression",
        "operands": "numbers used", "rank": "rank", "risk": "risk", "confidence": "confidence",
        "location": "location", "context": "in the report", "item": "item", "value": "value",
        "findings": "findings", "file": "file", "related": "related", "explain": "see",
        "no_context": "(no text to show)", "rows_omitted": "{n} rows left out",
        "title": "auditlint report", "read_error": "cannot be read", "no_findings": "No problems found.",
    },
}

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_RELATION = re.compile(r"[=≠≥≤<>]")
_PLAIN_SHEET = re.compile(r"^[^\W\d]\w*$")
_EXAMPLE = re.compile(r"^(错误示例|正确示例|Bad|Good)\s*[:：]\s*(.*)$")


def label(key: str, lang: str) -> str:
    return LABELS["en" if lang == "en" else "zh"][key]


def severity_label(severity: Severity | None, lang: str) -> str:
    return label((severity or Severity.WARNING).value, lang)


_POSITION = {
    "zh": {"page": "第{}页", "line": "第{}行", "column": "第{}列", "table": "表{}", "row": " 第{}行", "col": "第{}列",
           "paragraph": "第{}段"},
    "en": {"page": "page {}", "line": "line {}", "column": ", col {}", "table": "table {}", "row": " row {}",
           "col": " col {}", "paragraph": "paragraph {}"},
}


def position(loc: Location, lang: str = "zh") -> str:
    """The place inside the file, without the path: "第46行第2列 · 表1 第4行第6列"."""
    if loc.sheet is not None:
        return sheet_ref(loc)
    t = _POSITION["en" if lang == "en" else "zh"]

    def part(first: str, *more: str) -> str:
        # a part and its refinements while they are known: table → row → col
        text = t[first].format(getattr(loc, first))
        for name in more:
            if getattr(loc, name) is None:
                break
            text += t[name].format(getattr(loc, name))
        return text

    parts = []
    if loc.page is not None:
        parts.append(part("page"))
    if loc.line is not None:
        parts.append(part("line", "column"))
    if loc.table is not None:
        parts.append(part("table", "row", "col"))
    elif loc.paragraph is not None:
        parts.append(part("paragraph"))
    return " · ".join(parts)


def sheet_ref(loc: Location) -> str:
    """``Sheet1!D12`` as Excel writes it (a name with spaces or signs in quotes)."""
    name = loc.sheet or ""
    if not _PLAIN_SHEET.match(name):
        name = "'" + name.replace("'", "''") + "'"
    return f"{name}!{loc.cell}" if loc.cell else name


def where(loc: Location, path: str, lang: str = "zh") -> str:
    """``path:line:col`` for text (editors jump there), else the path and the page,
    table, row and column in words (a PDF's line counts within its page, so it
    never stands alone)."""
    if loc.line is not None and loc.page is None:
        return f"{path}:{loc.line}:{loc.column or 1}"
    pos = position(loc, lang)
    return f"{path}:{pos}" if pos else path


def arithmetic(ev: Evidence, lang: str = "zh") -> str:
    """The recomputation in one line: "710.52 + 0 - 0.86 = 709.66；报告数 715.69，差额 6.03（舍入容差 0.02）"."""
    expr = ev.expression_in(lang).strip()
    computed = ev.computed_in(lang).strip()
    # "x ≥ 0" is already a statement; "a + b" needs its result
    head = expr if (not computed or _RELATION.search(expr) or computed == expr) else f"{expr} = {computed}"
    sep, comma = ("；", "，") if lang != "en" else ("; ", ", ")
    tail = f"{label('stated', lang)} {ev.stated}" if ev.stated else ""
    if computed and head == expr and computed not in expr:  # "资料年度 = 评价年度" says what, not the value
        tail += f"{comma}{'应为' if lang != 'en' else 'expected'} {computed}"
    if ev.difference:
        tail += f"{comma}{label('difference', lang)} {ev.difference}"
    if ev.tolerance:
        tail += f"（{label('tolerance', lang)} {ev.tolerance}）" if lang != "en" else f" ({label('tolerance', lang)} {ev.tolerance})"
    return f"{head}{sep}{tail}" if head and tail else head or tail


def hint(summary: str, check_id: str, lang: str = "zh") -> str:
    if lang == "en":
        return f"{summary} — see `auditlint explain {check_id}`"
    return f"{summary}。详见 auditlint explain {check_id}"


@dataclass(frozen=True)
class Explanation:
    """A check's explanation split into its prose and its examples."""

    body: str
    examples: tuple[tuple[str, str], ...]  # (label as written: 错误示例/Bad…, text)


def explanation_parts(text: str, lang: str) -> Explanation:
    """Prose lines joined into one paragraph (without spaces between CJK lines),
    example lines kept apart."""
    body: list[str] = []
    examples: list[tuple[str, str]] = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        m = _EXAMPLE.match(line)
        if m:
            examples.append((m.group(1), m.group(2)))
        elif examples:  # an example continued on the next line
            kind, prev = examples[-1]
            examples[-1] = (kind, _join(prev, line, lang))
        else:
            body.append(line)
    prose = ""
    for line in body:
        prose = _join(prose, line, lang) if prose else line
    return Explanation(prose, tuple(examples))


def _join(a: str, b: str, lang: str) -> str:
    if lang != "en" and not (a[-1:].isascii() and b[:1].isascii()):
        return a + b
    return f"{a} {b}"


def sorted_findings(results: list) -> list[tuple[str, Finding]]:
    """(path, finding) over all files, most serious first, ties in a stable order."""
    from auditlint.rank import sort_key

    pairs = [(r.path, f) for r in results for f in r.findings]
    pairs.sort(key=lambda p: (sort_key(p[1]), p[0]))
    return pairs
