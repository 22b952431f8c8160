"""The report as a whole (``facts.meta``): its title, the year it evaluates, its date,
the unit it is about, and the cover or form-header fields it prints — each with the
location it came from and how sure the reading is.

The year evaluated is read from the title ("2024年度…", "（2024年度）"), the
evaluation period ("评价时段为2024年1月1日至2024年12月31日") and the evaluation object
("本次评价对象为2024年度…"). When these disagree the year is left unknown: a check
that needs it then stays silent rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Generic, TypeVar

from auditlint import vocab
from auditlint.extract.text import YEAR
from auditlint.model import Cell, Location, Paragraph, Table
from auditlint.numbers import normalize

if TYPE_CHECKING:
    from auditlint.extract.facts import Facts


T = TypeVar("T")


@dataclass(frozen=True)
class Noted(Generic[T]):
    """A value read from the report, where it was read, and how sure the reading is."""

    value: T
    location: Location
    source: str  # the text it was read from
    confidence: float


@dataclass(frozen=True)
class ReportDate:
    year: int
    month: int
    day: int | None = None

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月" + (f"{self.day}日" if self.day else "")

    def key(self) -> tuple[int, int, int]:
        """For ordering; a date without a day sorts as its month's last day."""
        return (self.year, self.month, self.day or 31)


@dataclass(frozen=True)
class Field:
    """A cover or form-header field: "填报人：张三", or "联系电话：" left blank."""

    kind: str  # unit | date | person | phone | project | evaluator | signature
    label: str  # as printed, without its colon
    value: str  # "" when nothing is printed after the label
    location: Location  # of the label
    required: bool
    snippet: str

    @property
    def blank(self) -> bool:
        return not self.value


@dataclass
class ReportMeta:
    title: Noted[str] | None = None
    year: Noted[int] | None = None
    year_candidates: list[Noted[int]] = field(default_factory=list)
    date: Noted[ReportDate] | None = None
    unit: Noted[str] | None = None
    fields: list[Field] = field(default_factory=list)


# ---------------------------------------------------------------------------
# field vocabulary


@dataclass(frozen=True)
class _FieldVocabulary:
    labels: tuple[tuple[str, str], ...]  # (label, kind), longest label first
    required: frozenset[str]


@vocab.cached
def _field_vocabulary() -> _FieldVocabulary:
    data = vocab.load("report_fields")
    pairs = [(label, kind) for kind, labels in data["fields"].items() for label in labels]
    pairs.sort(key=lambda p: -len(p[0]))
    return _FieldVocabulary(tuple(pairs), frozenset(data.get("required", [])))


@cache
def _field_re() -> re.Pattern[str]:
    labels = "|".join(re.escape(lb) for lb, _ in _field_vocabulary().labels)
    # a label, an optional bracketed note (（签字）), a colon; the value runs to the next label
    return re.compile(r"(?P<label>" + labels + r")\s*(?:[（(][^（()）]{1,8}[)）])?\s*[:：]")


_SERIAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*")
_BLANK_DATE = re.compile(r"^[\s_＿]*(?:年[\s_＿]*月[\s_＿]*日?)?[\s_＿]*$")
_BARE_BLANK_DATE = re.compile(r"^[\s_＿]*年[\s_＿]*月[\s_＿]*(?:日[\s_＿]*)?$")
_EDGE = 6  # paragraphs at the start (cover) and the end (落款) where a report prints its date


def parse_fields(text: str, location_at) -> list[Field]:  # noqa: ANN001 - offset -> Location
    """The fields a line prints: "填报人：张三  联系电话：" → 填报人 = 张三, 联系电话 = ""."""
    if ":" not in text and "：" not in text:
        return []  # every field's label ends with a colon; most lines and cells print none
    vocab = _field_vocabulary()
    kinds = dict(vocab.labels)
    lead = _SERIAL.match(text)
    start = lead.end() if lead else len(text) - len(text.lstrip())
    matches = []
    pos = start
    rx = _field_re()
    # fields must start the line and follow one another: "…，联系电话：" inside a sentence is not a form
    while True:
        m = rx.match(text, pos)
        if m is None:
            break
        nxt = rx.search(text, m.end())
        end = nxt.start() if nxt is not None and _only_gap(text[m.end() : nxt.start()]) is not None else len(text)
        matches.append((m, end))
        if end == len(text):
            break
        pos = end
    out = []
    for m, end in matches:
        label = m.group("label")
        kind = kinds[label]
        value = text[m.end() : end].strip()
        if kind == "date" and _BLANK_DATE.match(value):
            value = ""
        out.append(Field(kind, label, value, location_at(m.start()), kind in vocab.required, text.strip()))
    return out


def _only_gap(between: str) -> str | None:
    """The value before the next label, if the next label starts a new field (it is
    preceded by a space or the value is empty), else None."""
    if not between.strip() or between.endswith((" ", "\u3000", "\t")):
        return between
    return None


# ---------------------------------------------------------------------------
# year, date, unit

_TITLE_YEAR = re.compile(YEAR + r"\s*年度?")
_RANGE = re.compile(YEAR + r"\s*年?\s*[-－—~至到]\s*" + YEAR + r"\s*年")
_PERIOD = re.compile(
    r"评价(?:时段|期间|区间|周期|时间段)\s*[为是:：]?\s*" + YEAR + r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[至到\-－—~]\s*"
    + YEAR + r"\s*年"
)
_OBJECT = re.compile(r"(?:自评价对象|评价对象|评价范围)\s*(?:[为是:：]|是对)\s*" + YEAR + r"\s*年")
_SELF_CHECK = re.compile(r"对\s*" + YEAR + r"\s*年度?.{0,20}?(?:开展|进行)(?:自查|自评|评价)")
_DATE = re.compile(YEAR + r"\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_DATE_LINE = re.compile(r"^\s*" + YEAR + r"\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$")
_UNIT_SENTENCE = re.compile(r"^\s*(?P<unit>[^，。；,;]{4,40}?)(?:现对|对)\s*" + YEAR + r"\s*年")
_TITLE_WORDS = re.compile(
    r"(?:" + YEAR + r"\s*年度?|[（(]\s*" + YEAR + r"\s*年度?\s*[)）]|部门|单位|整体|支出|预算|项目|绩效|自评价|自评|评价|报告)"
)


def _title(paragraphs: list[Paragraph]) -> Noted[str] | None:
    """The title: the short lines at the top, before the first section or sentence."""
    parts: list[Paragraph] = []
    for p in paragraphs[:4]:
        t = p.text.strip()
        if not t or len(t) > 60 or _SERIAL.match(t) or "。" in t or _field_re().match(t):
            break
        parts.append(p)
    if not parts:
        return None
    text = "".join(p.text.strip() for p in parts)
    if "报告" not in text and not _TITLE_YEAR.search(text):
        return None
    return Noted(text, parts[0].location, text, 0.9)


def _year_candidates(title: Noted[str] | None, paragraphs: list[Paragraph]) -> list[Noted[int]]:
    out: list[Noted[int]] = []
    if title is not None and not _RANGE.search(title.value):
        years = {int(y) for y in _TITLE_YEAR.findall(title.value)}
        if len(years) == 1:
            out.append(Noted(years.pop(), title.location, title.value, 0.9))
    for p in paragraphs:
        t = normalize(p.text)
        for rx, conf in ((_PERIOD, 0.95), (_OBJECT, 0.8), (_SELF_CHECK, 0.75)):
            for m in rx.finditer(t):
                ys = {int(g) for g in m.groups() if g}
                if len(ys) == 1:
                    out.append(Noted(ys.pop(), p.location_at(m.start()), p.text[m.start() : m.end()], conf))
    return out


def _agreed_year(cands: list[Noted[int]]) -> Noted[int] | None:
    if not cands or len({c.value for c in cands}) != 1:
        return None
    doubt = 1.0
    for c in cands:
        doubt *= 1 - c.confidence
    best = max(cands, key=lambda c: c.confidence)
    return Noted(best.value, best.location, best.source, round(1 - doubt, 3))


def _date(paragraphs: list[Paragraph], fields: list[Field]) -> Noted[ReportDate] | None:
    for f in fields:
        if f.kind == "date" and f.value:
            m = _DATE.search(normalize(f.value))
            if m:
                return Noted(_mk_date(m), f.location, f.snippet, 0.9)
    # a date alone on a line near the end (the signature block) or on the cover
    edge = paragraphs[-6:] + paragraphs[:6]
    for p in edge:
        m = _DATE_LINE.match(normalize(p.text))
        if m:
            return Noted(_mk_date(m), p.location, p.text.strip(), 0.75)
    return None


def _mk_date(m: re.Match[str]) -> ReportDate:
    return ReportDate(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)


def _unit(title: Noted[str] | None, paragraphs: list[Paragraph], fields: list[Field]) -> Noted[str] | None:
    for f in fields:
        if f.kind == "unit" and f.value:
            return Noted(f.value, f.location, f.snippet, 0.95)
    for p in paragraphs[:8]:
        m = _UNIT_SENTENCE.match(p.text)
        if m:
            return Noted(m.group("unit").strip(), p.location, p.text.strip()[:60], 0.8)
    if title is not None:
        rest = _TITLE_WORDS.sub("", title.value).strip(" （）()")
        if len(rest) >= 4 and rest.endswith(("局", "中心", "委", "厅", "院", "馆", "站", "所", "办", "室", "会", "部", "处", "（本级）", "(本级)")):
            return Noted(rest, title.location, title.value, 0.6)
    return None


def _all_fields(facts: Facts) -> list[Field]:
    out: list[Field] = []
    for block in facts.document.blocks:
        if isinstance(block, Paragraph):
            out += parse_fields(block.text, block.location_at)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    # a cell without a colon holds no field (``parse_fields``'s own first test),
                    # asked here to spare a call per cell of every table
                    if (":" in cell.text or "：" in cell.text) and cell.text.strip():
                        out += _cell_fields(cell, row)
    return out


def _bare_dates(paragraphs: list[Paragraph]) -> list[Field]:
    """A date line printed as "    年  月  日" with no label, on the cover or under the
    signature (落款): a blank date field."""
    out: list[Field] = []
    tail = {p.index for p in paragraphs[-_EDGE:]}
    edges = paragraphs[:_EDGE] + [p for p in paragraphs[-_EDGE:] if p.index > _EDGE]
    for p in edges:
        if not _BARE_BLANK_DATE.match(p.text):
            continue
        lead = len(p.text) - len(p.text.lstrip(" \u3000\t_＿"))
        label = "落款日期" if p.index in tail else "日期"
        out.append(Field("date", label, "", p.location_at(lead), True, p.text.strip()))
    return out


def _cell_fields(cell: Cell, row: list[Cell]) -> list[Field]:
    found = parse_fields(cell.text, lambda _offset: cell.location)
    if len(found) == 1 and found[0].blank:
        # a form laid out as label cell | value cell: the value is in the next cell
        k = next((i for i, c in enumerate(row) if c is cell), None)
        nxt = row[k + 1] if k is not None and k + 1 < len(row) else None
        if nxt is not None and nxt.text.strip():
            f = found[0]
            return [Field(f.kind, f.label, nxt.text.strip(), f.location, f.required, f"{cell.text} {nxt.text}".strip())]
    return found


def read_meta(facts: Facts) -> ReportMeta:
    paragraphs = facts.document.paragraphs
    fields = _all_fields(facts) + _bare_dates(paragraphs)
    title = _title(paragraphs)
    cands = _year_candidates(title, paragraphs)
    return ReportMeta(
        title=title,
        year=_agreed_year(cands),
        year_candidates=cands,
        date=_date(paragraphs, fields),
        unit=_unit(title, paragraphs, fields),
        fields=fields,
    )


def evaluated_year(meta: object, min_confidence: float = 0.0) -> int | None:
    """The year the report evaluates, from ``facts.meta`` (None until this module's
    extract_into has run, or when the year could not be read as surely as asked)."""
    noted = getattr(meta, "year", None)
    if noted is None or noted.confidence < min_confidence or not isinstance(noted.value, int):
        return None
    return noted.value


def extract_into(facts: Facts) -> None:
    facts.meta = read_meta(facts)
