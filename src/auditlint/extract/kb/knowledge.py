"""The indicator knowledge base (``data/indicators.yaml``) as typed, validated data.

The YAML is read once; every formula is parsed and every fact reference checked when
it loads, so a mistake in a user's addition is a clear error naming the indicator,
not a silent miss at run time. Resolving fact references against a report is
``extract/kb/values.py``'s business (used by AL501).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path

from auditlint import vocab
from auditlint.formula import Formula, FormulaError, parse
from auditlint.numbers import Approx, normalize

GOOD = ("higher", "lower", "target")
TABLE_KINDS = ("budget", "sangong")
TABLE_COLUMNS = ("budget_initial", "add", "cut", "adjust", "budget_adjusted", "actual", "prior_actual")
PHRASE_KINDS = ("money", "count", "percent")
_KINDS_HELD = 1 << 14  # names whose kind a base keeps


class KnowledgeBaseError(ValueError):
    """The knowledge base file is not valid; the message names the entry."""


@dataclass(frozen=True)
class FactRef:
    """Where a formula's number comes from: ``table:budget/total/actual`` or ``text:carryover``."""

    text: str
    source: str  # "table" | "text"
    table: str = ""  # budget | sangong
    row: str = ""  # "total" or text the row's label contains
    column: str = ""
    phrase: str = ""

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Computation:
    """One way to recompute an indicator: a formula over named facts, and the common
    variants of that formula (|调整| ÷ 年初 beside (调整后 − 年初) ÷ 年初), which a claim
    must contradict all together before it is reported."""

    formula: Formula
    facts: Mapping[str, FactRef]
    variants: tuple[Formula, ...] = ()  # further formulas over the same facts

    @property
    def formulas(self) -> tuple[Formula, ...]:
        return (self.formula, *self.variants)

    def evaluate(self, values: Mapping[str, Approx | Decimal | int | float | str]) -> Approx | None:
        """The (first) formula over values keyed by its own names."""
        return self.formula.evaluate(values)


@dataclass(frozen=True)
class IndicatorDef:
    id: str
    names: tuple[str, ...]
    unit: str
    good: str
    compute: tuple[Computation, ...]
    range: tuple[Decimal, Decimal] | None = None

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Phrase:
    key: str
    words: tuple[str, ...]
    kind: str
    # words naming another population or scope ("警务辅助人员", "编外"): a number whose
    # clause (the sentence back to the last ；) names one of them is not this fact
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    indicators: tuple[IndicatorDef, ...]
    phrases: Mapping[str, Phrase]
    proportion_endings: tuple[str, ...]
    count_endings: tuple[str, ...]
    count_unless: tuple[str, ...]

    @cached_property
    def _by_key(self) -> dict[str, IndicatorDef]:
        """Each name's key → the first indicator with that name (``from_data`` lets no
        two share one): lookups ran through every alias of every indicator."""
        out: dict[str, IndicatorDef] = {}
        for ind in self.indicators:
            for n in ind.names:
                out.setdefault(name_key(n), ind)
        return out

    def lookup(self, name: str) -> IndicatorDef | None:
        """The indicator a printed name stands for (its canonical name or an alias)."""
        key = name_key(name)
        if not key:
            return None
        return self._by_key.get(key)

    def get(self, indicator_id: str) -> IndicatorDef | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    @cached_property
    def _kinds(self) -> dict[tuple[str, str], bool]:
        """``is_proportion`` and ``is_count`` by name: pure functions of a name and this
        (frozen) base, asked again for every row of every report; a province's indicator
        names recur, so they are kept (bounded: cleared when full)."""
        return {}

    def _kind(self, kind: str, name: str, compute: Callable[[str], bool]) -> bool:
        held = self._kinds
        key = (kind, name)
        found = held.get(key)
        if found is None:
            if len(held) >= _KINDS_HELD:
                held.clear()
            found = held[key] = compute(name)
        return found

    def is_proportion(self, name: str) -> bool:
        """A share of a whole, which can never exceed 100%."""
        return self._kind("proportion", name, self._is_proportion)

    def _is_proportion(self, name: str) -> bool:
        ind = self.lookup(name)
        if ind is not None and ind.range is not None:
            return ind.range[1] <= 100
        key = name_key(name)
        return any(key.endswith(e) for e in self.proportion_endings)

    def is_count(self, name: str) -> bool:
        """A count of things (calls, people, reports), never an amount of money."""
        return self._kind("count", name, self._is_count)

    def _is_count(self, name: str) -> bool:
        key = name_key(name)
        if any(w in key for w in self.count_unless):
            return False
        return any(key.endswith(e) for e in self.count_endings)


_STRIP = re.compile(r"[\s“”\"'‘’《》「」『』]")


@lru_cache(maxsize=1 << 16)  # pure; every lookup compares every name
def name_key(name: str) -> str:
    """A name as compared: quotes, book-title marks and spaces removed, full-width folded."""
    return _STRIP.sub("", normalize(name)).strip("：:")


_REF = re.compile(r"^(?:table:(?P<table>[a-z_]+)/(?P<row>[^/]+)/(?P<column>[a-z_]+)|text:(?P<phrase>[a-z_]+))$")


def parse_ref(text: str, phrases: Mapping[str, Phrase], where: str) -> FactRef:
    m = _REF.match(str(text).strip())
    if not m:
        raise KnowledgeBaseError(f"{where}: fact reference {text!r} must look like table:budget/total/actual or text:carryover")
    if m.group("phrase"):
        phrase = m.group("phrase")
        if phrase not in phrases:
            raise KnowledgeBaseError(f"{where}: text:{phrase} names no entry under `phrases`")
        return FactRef(text, "text", phrase=phrase)
    table, column = m.group("table"), m.group("column")
    if table not in TABLE_KINDS:
        raise KnowledgeBaseError(f"{where}: table kind {table!r} (known: {', '.join(TABLE_KINDS)})")
    if column not in TABLE_COLUMNS:
        raise KnowledgeBaseError(f"{where}: column {column!r} (known: {', '.join(TABLE_COLUMNS)})")
    return FactRef(text, "table", table=table, row=m.group("row"), column=column)


def _phrases(data: object) -> dict[str, Phrase]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeBaseError("`phrases` must be a mapping")
    out = {}
    for key, spec in data.items():
        if not isinstance(spec, dict) or not spec.get("words"):
            raise KnowledgeBaseError(f"phrase {key!r}: needs `words`")
        kind = spec.get("kind", "money")
        if kind not in PHRASE_KINDS:
            raise KnowledgeBaseError(f"phrase {key!r}: kind {kind!r} (known: {', '.join(PHRASE_KINDS)})")
        unless = spec.get("unless") or []
        if not isinstance(unless, list):
            raise KnowledgeBaseError(f"phrase {key!r}: `unless` must be a list of words")
        out[str(key)] = Phrase(str(key), tuple(str(w) for w in spec["words"]), kind, tuple(str(w) for w in unless))
    return out


def _computation(alt: object, phrases: Mapping[str, Phrase], where: str) -> Computation:
    """One ``compute`` alternative: its formulas and the facts they name."""
    if not isinstance(alt, dict) or "formula" not in alt:
        raise KnowledgeBaseError(f"{where} needs a `formula`")
    texts = alt["formula"] if isinstance(alt["formula"], list) else [alt["formula"]]
    if not texts:
        raise KnowledgeBaseError(f"{where}: `formula` is an empty list")
    try:
        formulas = [parse(str(t)) for t in texts]
    except FormulaError as exc:
        raise KnowledgeBaseError(f"{where}: {exc}") from None
    facts_spec = alt.get("facts") or {}
    if not isinstance(facts_spec, dict):
        raise KnowledgeBaseError(f"{where}: `facts` must be a mapping")
    facts = {str(name): parse_ref(ref, phrases, where) for name, ref in facts_spec.items()}
    missing = sorted({n for f in formulas for n in f.names} - facts.keys())
    if missing:
        raise KnowledgeBaseError(f"{where}: {', '.join(missing)} used in the formula but not in `facts`")
    return Computation(formulas[0], facts, tuple(formulas[1:]))


def _indicator(entry: object, phrases: Mapping[str, Phrase], n: int) -> IndicatorDef:
    if not isinstance(entry, dict):
        raise KnowledgeBaseError(f"indicator #{n}: must be a mapping")
    ident = str(entry.get("id") or "")
    where = f"indicator {ident or '#' + str(n)}"
    if not re.match(r"^[a-z][a-z0-9_]*$", ident):
        raise KnowledgeBaseError(f"{where}: `id` must be snake_case")
    names = entry.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(x, str) and x.strip() for x in names):
        raise KnowledgeBaseError(f"{where}: `names` must be a non-empty list of names")
    good = entry.get("good", "higher")
    if good not in GOOD:
        raise KnowledgeBaseError(f"{where}: good {good!r} (use {', '.join(GOOD)})")
    rng = entry.get("range")
    bounds = None
    if rng is not None:
        if not isinstance(rng, list) or len(rng) != 2:
            raise KnowledgeBaseError(f"{where}: `range` must be [lo, hi]")
        bounds = (Decimal(str(rng[0])), Decimal(str(rng[1])))
    comps = [_computation(alt, phrases, f"{where}: compute #{k}") for k, alt in enumerate(entry.get("compute") or [], 1)]
    return IndicatorDef(ident, tuple(n.strip() for n in names), str(entry.get("unit", "%")), good, tuple(comps), bounds)


def load(text: str) -> KnowledgeBase:
    """A knowledge base from YAML text; raises :class:`KnowledgeBaseError`."""
    import yaml

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"not valid YAML: {exc}") from None
    return from_data(data)


def from_data(data: object) -> KnowledgeBase:
    """A knowledge base from parsed YAML; raises :class:`KnowledgeBaseError`."""
    if not isinstance(data, dict):
        raise KnowledgeBaseError("the knowledge base must be a mapping")
    phrases = _phrases(data.get("phrases"))
    raw = data.get("indicators") or []
    if not isinstance(raw, list):
        raise KnowledgeBaseError("`indicators` must be a list")
    inds = [_indicator(e, phrases, n) for n, e in enumerate(raw, 1)]
    seen: dict[str, str] = {}
    for ind in inds:
        for nm in ind.names:
            k = name_key(nm)
            if k in seen and seen[k] != ind.id:
                raise KnowledgeBaseError(f"indicator {ind.id}: name {nm!r} is already used by {seen[k]}")
            seen[k] = ind.id
    if len({i.id for i in inds}) != len(inds):
        raise KnowledgeBaseError("two indicators share one `id`")
    classes = data.get("name_classes") or {}
    prop = classes.get("proportion") or {}
    count = classes.get("count") or {}
    return KnowledgeBase(
        indicators=tuple(inds),
        phrases=phrases,
        proportion_endings=tuple(name_key(e) for e in prop.get("endings") or []),
        count_endings=tuple(name_key(e) for e in count.get("endings") or []),
        count_unless=tuple(name_key(e) for e in count.get("unless") or []),
    )


def load_path(path: str | Path) -> KnowledgeBase:
    return load(Path(path).read_text(encoding="utf-8"))


@vocab.cached
def knowledge_base() -> KnowledgeBase:
    """The built-in knowledge base (``vocab/indicators.yaml``) with the user's extensions."""
    return from_data(vocab.load("indicators"))
