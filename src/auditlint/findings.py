"""A finding: what is wrong, where, and the arithmetic that shows it (DESIGN.md §5)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from string import Formatter

from auditlint.model import Location

_WS = re.compile(r"\s+")


class Severity(StrEnum):
    ERROR = "error"  # the report is wrong as printed
    WARNING = "warning"  # very likely wrong, or contradictory
    INFO = "info"  # worth a look

    @property
    def order(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The arithmetic: what was added or divided, what the report says, what it
    should say, by how much they differ and how much rounding was allowed."""

    expression: str
    stated: str
    computed: str
    difference: str = ""
    tolerance: str = ""
    # named numbers that went into the expression, for tables in HTML/terminal output
    operands: tuple[tuple[str, str], ...] = ()
    # where the expression or the computed value is words, not arithmetic ("source year =
    # evaluated year"), their Chinese; ``expression``/``computed`` are the English
    expression_zh: str = ""
    computed_zh: str = ""
    # the whole evidence line, where "expression = computed; stated …" would not read as a
    # sentence (AL402: the rule's best and the weight are two printed figures); English, Chinese
    sentence: str = ""
    sentence_zh: str = ""

    def sentence_in(self, lang: str = "zh") -> str:
        return self.sentence_zh if lang != "en" and self.sentence_zh else self.sentence

    def expression_in(self, lang: str = "zh") -> str:
        return self.expression_zh if lang != "en" and self.expression_zh else self.expression

    def computed_in(self, lang: str = "zh") -> str:
        return self.computed_zh if lang != "en" and self.computed_zh else self.computed

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        d: dict[str, object] = {
            "expression": self.expression_in(lang),
            "stated": self.stated,
            "computed": self.computed_in(lang),
            "difference": self.difference,
            "tolerance": self.tolerance,
        }
        if self.operands:
            d["operands"] = [{"name": n, "value": v} for n, v in self.operands]
        return d


@dataclass(frozen=True, slots=True)
class Related:
    location: Location
    snippet: str

    def to_dict(self) -> dict[str, object]:
        d = {k: v for k, v in self.location.to_dict().items() if v is not None and k != "path"}
        d["snippet"] = self.snippet
        return d


@dataclass(frozen=True)
class Both:
    """A value worded in each language (a column's name: 调整后预算数 / adjusted budget)."""

    zh: str
    en: str

    def in_(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Message:
    """A finding's message as a template in both languages, declared beside its check:
    ``Message("{label}的{column}为 {stated}", "{label}: {column} is {stated}")``. A value
    that reads differently in each language is passed as :class:`Both`."""

    zh: str
    en: str

    def format(self, **values: object) -> dict[str, str]:
        """``message_zh`` and ``message_en`` for ``Finding(**message.format(...))``."""
        return {
            "message_zh": _fill(self.zh, {k: v.zh if isinstance(v, Both) else v for k, v in values.items()}),
            "message_en": _fill(self.en, {k: v.en if isinstance(v, Both) else v for k, v in values.items()}),
        }


def _fill(template: str, values: dict[str, object]) -> str:
    """``template.format(**values)``, a quoted value's own quotes made single: the
    indicator “三公经费”变动率 in “{name}” reads “‘三公经费’变动率”, never ““三公经费”变动率”."""
    inside = _quoted_fields(template)
    if not inside:
        return template.format(**values)
    return template.format(**{k: nest_quotes(v) if k in inside and isinstance(v, str) else v
                              for k, v in values.items()})


@lru_cache(maxsize=2048)  # the checks' templates: a few hundred strings, parsed once each
def _quoted_fields(template: str) -> frozenset[str]:
    """The fields a template puts between “ and ”."""
    out, depth = set(), 0
    for literal, field_name, _, _ in Formatter().parse(template):
        depth = max(0, depth + literal.count("“") - literal.count("”"))
        if field_name is not None and depth > 0:
            out.add(field_name)
    return frozenset(out)


def nest_quotes(text: str) -> str:
    """Double quotes inside a quotation become single ones (the Chinese convention)."""
    return text.replace("“", "‘").replace("”", "’")


@dataclass(slots=True)
class Finding:
    """One problem. Checks fill in what they know; the engine stamps the check's
    identity, the effective severity, the rank and the fingerprint."""

    location: Location
    message_zh: str
    message_en: str
    evidence: Evidence | None = None
    snippet: str = ""
    related: list[Related] = field(default_factory=list)
    confidence: float = 0.95
    # how much the discrepancy matters, 0..1 (relative to the table total, 100 points…)
    materiality: float = 0.5
    # what the finding is about, independent of file format (row label, column role…);
    # the fingerprint is built from it so .docx and .pdf give the same one.
    key: tuple[str, ...] = ()
    severity: Severity | None = None  # None: the check's (configured) default
    check_id: str = ""
    name: str = ""
    rank: float = 0.0
    fingerprint: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def compute_fingerprint(self) -> str:
        stated = self.evidence.stated if self.evidence else ""
        # whitespace is layout, not meaning: "合  计" in a .docx is "合 计" in a browser
        parts = [_WS.sub("", p) for p in (self.check_id, *self.key, stated)]
        basis = "\x1f".join(parts)
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]

    def to_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "check_id": self.check_id,
            "name": self.name,
            "severity": self.severity.value if self.severity else None,
            "confidence": round(self.confidence, 2),
            "rank": round(self.rank, 1),
            "message": self.message(lang),
            "location": self.location.to_dict(),
            "snippet": self.snippet,
            "evidence": self.evidence.to_dict(lang) if self.evidence else None,
            "related": [r.to_dict() for r in self.related],
            "fingerprint": self.fingerprint,
        }
