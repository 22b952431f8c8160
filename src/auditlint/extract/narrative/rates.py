"""Rates a sentence states with its own figures: "实际支出S万元，预算执行率R%", the
rate, the nearest numerator before it and the candidate denominators
(``vocab/narrative.yaml``'s ``rates``)."""

from __future__ import annotations

from auditlint.extract.narrative.model import Breakdown, Figure, Rate
from auditlint.extract.narrative.tokens import Token
from auditlint.extract.narrative.vocabulary import RateDef, vocabulary


def rates(toks: list[Token], breakdowns: list[Breakdown]) -> list[Rate]:
    v = vocabulary()
    parts = {id(p) for b in breakdowns for p in b.parts}
    out: list[Rate] = []
    for k, tok in enumerate(toks):
        fig = tok.figure
        if fig is None or tok.q.unit != "%" or not fig.exact:
            continue
        rdef = next((r for r in v.rates if fig.name.endswith(r.names)), None)
        if rdef is not None and (rate := _rate(toks, k, fig, rdef, parts)) is not None:
            out.append(rate)
    return out


def _rate(toks: list[Token], k: int, fig: Figure, rdef: RateDef, parts: set[int]) -> Rate | None:
    """The rate ``fig`` (``toks[k]``) states: over the last numerator before it, since
    the last rate of its measure and in no list of parts, with the denominators
    printed before that numerator."""
    earlier = [t.figure for t in toks[:k] if t.figure is not None and t.q.is_money and t.figure.exact]
    since = max((t.start for t in toks[:k] if t.figure is not None and t.q.unit == "%"
                 and t.figure.name.endswith(rdef.names)), default=-1)
    nums = [f for f in earlier if id(f) not in parts and f.start > since and _named(f, rdef.numerator, rdef.not_numerator)]
    if not nums:
        return None
    num = nums[-1]
    if sum(f.sentence == num.sentence for f in nums) > 1:
        return None  # "基本支出…实际支出990万元；项目支出…实际支出450万元，执行率96%": whose rate?
    dens = tuple(f for f in earlier if f.start < num.start and _named(f, rdef.denominator, rdef.not_denominator))
    # the adjusted budget first: a rate is over it when the sentence gives one
    dens = tuple(sorted(dens[::-1], key=lambda f: not any(w in f.name for w in ("调整后", "调整"))))
    return Rate(fig, rdef.measure, num, dens, fig.sentence)


def _named(f: Figure, words: tuple[str, ...], not_words: tuple[str, ...]) -> bool:
    return any(w in f.name for w in words) and not any(w in f.name for w in not_words)
