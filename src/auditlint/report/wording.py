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
        "difference": "差额", "tolerance": "四舍五入允许的误差", "expression": "算式", "operands": "参与计算的数",
        "rank": "排序分", "risk": "风险分", "confidence": "置信度", "location": "位置", "context": "原文",
        "item": "项目", "value": "数值", "findings": "问题", "file": "文件", "related": "相关位置",
        "explain": "详见", "no_context": "（没有可显示的原文）", "rows_omitted": "省略 {n} 行",
        "title": "auditlint 检查报告", "read_error": "无法读取", "no_findings": "未发现问题。",
        "allowed": "四舍五入允许的误差",
        "rank_note": "排序分（0–100）由问题的严重程度、把握程度和差额大小算出，越高越应先核对；"
                     "风险分是一份报告全部问题排序分之和，用来在多份报告之间排先后。",
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
        "allowed": "rounding allows",
        "rank_note": "Rank (0–100) comes from how serious the problem is, how sure the check is and how large the "
                     "difference is: look at the highest first. A report's risk is the sum of its findings' ranks, "
                     "to order several reports.",
    },
}

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_RELATION = re.compile(r"[=≠≥≤<>]")
_OPERATOR = re.compile(r"[-+−×÷/*=≠≥≤<>]")
# "资料年度 = 评价年度": named things on both sides, no number
_WORDS_EQUAL = re.compile(r"^([^\d=≠≥≤<>+\-−×÷/*]+?)\s*=\s*([^\d=≠≥≤<>+\-−×÷/*]+)$")
# tolerances some checks give in words (English in the evidence data)
_TOLERANCE_WORDS = {"one unit of the last printed digit": "末位数字的一个单位", "the rounding of the actual": "完成值的舍入范围"}
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
    # each part with its refinements while they are known: line → column, table → row → col
    # (spelled out: every finding of every page asks)
    parts = []
    if loc.page is not None:
        parts.append(t["page"].format(loc.page))
    if loc.line is not None:
        text = t["line"].format(loc.line)
        if loc.column is not None:
            text += t["column"].format(loc.column)
        parts.append(text)
    if loc.table is not None:
        text = t["table"].format(loc.table)
        if loc.row is not None:
            text += t["row"].format(loc.row)
            if loc.col is not None:
                text += t["col"].format(loc.col)
        parts.append(text)
    elif loc.paragraph is not None:
        parts.append(t["paragraph"].format(loc.paragraph))
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
    """The recomputation as one sentence an accountant would write:
    "710.52 + 0 - 0.86 = 709.66；报告为 715.69，相差 6.03（按四舍五入允许的误差 ±0.02）"."""
    if ev.sentence_in(lang):
        return ev.sentence_in(lang)
    en = lang == "en"
    expr = ev.expression_in(lang).strip()
    computed = ev.computed_in(lang).strip()
    head = _head(expr, computed, en)
    parts = []
    if ev.stated:
        parts.append(f"the report states {ev.stated}" if en else f"报告为 {ev.stated}")
    if computed and not _mentions(head, computed):
        parts.append(f"expected {computed}" if en else f"应为 {computed}")
    if ev.difference:
        parts.append(f"{ev.difference} apart" if en else f"相差 {ev.difference}")
    tail = ", ".join(parts) if en else "，".join(parts)
    allowed = tolerance_text(ev.tolerance, lang)
    if allowed:
        tail += f" ({allowed})" if en else f"（{allowed}）"
    sep = "; " if en else "；"
    return f"{head}{sep}{tail}" if head and tail else head or tail


def _head(expr: str, computed: str, en: bool) -> str:
    """What was worked out: "a + b = c" for arithmetic, the rule in words for the rest
    ("章节编号应为 一、", not "章节编号 = 一、")."""
    words = _WORDS_EQUAL.match(expr)
    if words:  # "资料年度 = 评价年度": a rule between two named things
        left, right = words.group(1).strip(), words.group(2).strip()
        return f"{left} should be {right}" if en else f"{left}应为{right}"
    if not computed or computed == expr or expr.endswith(computed) or _RELATION.search(expr) or " vs " in expr:
        return expr  # already a statement: "x ≥ 0", "93% in 90-100% → 5", "13.45元 vs 1.29亿元"
    if not _OPERATOR.search(expr):  # a name, not a sum: "章节编号", "完成值", "等级（88 分）"
        return f"{expr} should be {computed}" if en else f"{expr}应为 {computed}"
    return f"{expr} = {computed}"


def _cut(value: str, places: int) -> str:
    whole, _, decimals = value.partition(".")
    return (whole + "." + decimals[:places]).rstrip("0").rstrip(".")


def _mentions(text: str, value: str) -> bool:
    return re.search(r"(?<![\d.])" + re.escape(value) + r"(?![\d])", text) is not None


def tolerance_text(tolerance: str, lang: str = "zh") -> str:
    """How far rounding lets the figures differ, in words: "按四舍五入允许的误差 ±0.02";
    empty when nothing is allowed. Long decimals from interval arithmetic are cut to two
    three places (±9.1544 → ±9.154), keeping a small tolerance's first digit (±0.0054)."""
    value = tolerance.strip()
    if not value:
        return ""
    try:
        number = float(value)
    except ValueError:
        words = _TOLERANCE_WORDS.get(value, value) if lang != "en" else value
        return f"rounding allows {words}" if lang == "en" else f"按四舍五入允许的误差：{words}"
    if number == 0:
        return ""
    # never rounded up: a tolerance shown larger than it is would excuse a real difference
    shown = value if abs(number) < 0.01 or len(value.partition(".")[2]) <= 3 else _cut(value, 3)
    return f"rounding allows ±{shown}" if lang == "en" else f"按四舍五入允许的误差 ±{shown}"


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
