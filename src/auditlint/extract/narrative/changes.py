"""Year-on-year changes: "比上年增加0.43万元", what changed, what it is compared with,
the current figure it follows and the prior figure the sentence states."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditlint.extract.narrative.breakdowns import listed_before
from auditlint.extract.narrative.linking import link_rows
from auditlint.extract.narrative.model import Breakdown, Change, Figure
from auditlint.extract.narrative.names import clean_subject, match_key, name_of, names_something, without
from auditlint.extract.narrative.tokens import Token, gap
from auditlint.extract.narrative.vocabulary import alt, patterns, vocabulary
from auditlint.extract.passages import Sentence
from auditlint.extract.text import NAMING, clause_start
from auditlint.model import Paragraph
from auditlint.numbers import BASE_UNITS, COUNT_UNITS, Quantity, find_quantities

if TYPE_CHECKING:
    from auditlint.extract.tables import CanonicalTable

_Inside = tuple[Quantity, int, int]  # a number printed inside a comparison, and its offsets


def changes(par: Paragraph, text: str, sentences: list[Sentence], toks: list[Token], breakdowns: list[Breakdown],
            tables: list[CanonicalTable]) -> list[Change]:
    """Every year-on-year change the paragraph states, and the relative change that
    follows one ("…增加849.67万元，增长14.74%")."""
    owner_of = {id(p): b for b in breakdowns for p in b.parts}
    out: list[Change] = []
    made: dict[int, Change] = {}  # the change read at each token
    for k, tok in enumerate(toks):
        if tok.role == "change" and tok.match is not None:
            found = _change(par, text, sentences, toks, k, owner_of, tables)
        else:
            found = _follow_up(par, text, toks, k, made)
        if found is not None:
            made[k] = found
            out.append(found)
    return out


def _change(par: Paragraph, text: str, sentences: list[Sentence], toks: list[Token], k: int,
            owner_of: dict[int, Breakdown], tables: list[CanonicalTable]) -> Change | None:
    """The change ``toks[k]`` states, when it is of a year-on-year figure on a plain basis."""
    tok = toks[k]
    assert tok.match is not None
    reference, ref, inside_q = _compared_with(par.text, toks, tok)
    if not reference:
        return None  # 较年初预算增加…: not a year-on-year change
    if _adjusted_basis(text, sentences[tok.sentence], tok):
        return None  # "剔除购置费后，…比上年减少…": not the plain change of the figure
    direction = 1 if tok.match.group("dir") in vocabulary().up else -1
    current = None
    subject = tok.subject
    if not subject:
        current = _compared_current(par, text, toks, k, ref, reference, inside_q, owner_of, sentences)
        if current is not None:
            subject = current.subject
    if not subject:
        return None
    name = name_of(subject)
    prior = _prior(par, sentences, toks, tok, name, reference, current, inside_q)
    return Change(subject, name, tok.q, direction, tok.q.unit == "%", reference, current, prior,
                  sentences[tok.sentence], tok.start, tok.end, par.location_at(tok.start),
                  link_rows(tables, name) if tables else ())


def _compared_with(par_text: str, toks: list[Token], tok: Token) -> tuple[str, str, _Inside | None]:
    """What the change ``tok`` compares with: its reference ("上年", "同期", or a named
    year whose figure the comparison prints), the words of the comparison, and the
    figure printed inside them ("比上年1207.92万元增加574.85万元", "比2023年的1,452件下降
    11.43%")."""
    assert tok.match is not None
    cmp, ref = tok.match.group("cmp"), tok.match.group("ref")
    reference = next((r for r in vocabulary().references if r in ref), "")
    if not reference and cmp == "同比":
        reference = "同期"
    ref_start, ref_end = tok.clause_start + tok.match.start("ref"), tok.clause_start + tok.match.end("ref")
    inside = next((t for t in toks if ref_start <= t.start < ref_end and t.q.is_money and not t.approximate), None)
    inside_q = (inside.q, inside.start, inside.end) if inside is not None else None
    if inside_q is None and tok.q.unit == "%":
        inside_q = _count_inside(par_text, ref_start, ref_end)
    year = re.match(r"\d{4}年度?(?:同期)?", ref)
    if not reference and year is not None and inside_q is not None:
        # compared with a figure the sentence gives for a named year: whatever the year,
        # the change is the difference from that figure
        reference = year.group(0)
    return reference, ref, inside_q


def _prior(par: Paragraph, sentences: list[Sentence], toks: list[Token], tok: Token, name: str, reference: str,
           current: Figure | None, inside_q: _Inside | None) -> Figure | None:
    """The prior figure a change is from: the one printed inside the comparison (money,
    or a count like the current one), else a figure of its sentence named as last
    year's of the same thing."""
    if inside_q is not None and (inside_q[0].is_money or (current is not None and current.quantity.unit == inside_q[0].unit)):
        q, a, b = inside_q
        return Figure(reference, name, q, sentences[tok.sentence], a, b, par.location_at(a))
    v = vocabulary()
    key = match_key(name)
    return next((t.figure for t in toks if t.figure is not None and t.sentence == tok.sentence and t is not tok
                 and any(w in t.figure.subject for w in v.prior_words)
                 and match_key(without(t.figure.name, v.prior_words)) == key), None)


def _adjusted_basis(text: str, sent: Sentence, tok: Token) -> bool:
    """Whether a change is on an adjusted basis: a word such as 剔除, 扣除, 不含 or
    "除…外" earlier in its sentence ("剔除购置费后，“三公”经费比上年减少…"), or in a
    bracket right after it ("比上年减少3.71万元（不含购置费）"). What such a change
    compares is the figure less (or without) something, not the figure itself."""
    p = patterns()["adjusted_basis"]
    if p.search(text, max(0, sent.start - 1), tok.start) is not None:  # the mark before the sentence too, for "除…外"
        return True
    after = text[tok.end : sent.end].lstrip()
    if after[:1] in ("（", "("):
        close = min((i for i in (after.find("）"), after.find(")")) if i > 0), default=len(after))
        return p.search(after, 0, close + 1) is not None
    return False


def _compared_current(par: Paragraph, text: str, toks: list[Token], k: int, ref: str, reference: str,
                      inside_q: _Inside | None, owner_of: dict[int, Breakdown],
                      sentences: list[Sentence]) -> Figure | None:
    """The figure a change with no name of its own is of. When the comparison names
    what it compares ("比上年执行数5,765.41万元增加…"), the one earlier figure of the
    sentence with that name (全年执行6,615.08万元; 收入决算 for 上年决算), even past a rate
    between them; else the
    figure right before it, if it ends no list of parts ("A…、B…，比上年增加…" is nobody's).
    A count compared with a count inside the comparison ("投诉1,286件，比2023年的1,452件
    下降11.43%") is read from the clause right before."""
    tok = toks[k]
    measure = _compared_measure(ref, reference)
    if measure:
        want, tail = _measure_key(measure), measure.removesuffix("数")
        named = [t for t in toks[:k] if t.sentence == tok.sentence and t.end <= tok.clause_start and t.figure is not None
                 and t.q.is_money and not t.in_part_list
                 and (_measure_key(t.figure.name) == want or t.figure.name.endswith(tail))]
        # one figure of that name is the one compared; none, or two, and the change is nobody's
        # ("项目支出…，比上年支出数…增加…" is not of 项目支出)
        return named[0].figure if len(named) == 1 else None
    prev = next((t for t in reversed(toks[:k]) if t.sentence == tok.sentence and t.end <= tok.clause_start), None)
    if (prev is not None and prev.figure is not None and gap(text, prev.end, tok.clause_start, "，,")
            and len(listed_before(text, toks, k, prev, owner_of, "change")) < 2):
        return prev.figure
    if inside_q is not None and not inside_q[0].is_money:
        return _count_before(par, text, tok, inside_q[0].unit, sentences)
    return None


def _compared_measure(ref: str, reference: str) -> str:
    """What a comparison names after its reference: "上年执行数5,765.41万元" → 执行数."""
    rest = ref[ref.find(reference) + len(reference):] if reference in ref else ""
    rest = re.split(r"[\d\-+.]", rest, maxsplit=1)[0]
    rest = rest.strip().removesuffix("的").strip()
    for filler in ("相比", "水平", "同口径", "实际"):  # words that name no measure: "比上年实际增加"
        rest = rest.replace(filler, "")
    return rest if re.search(r"[\u4e00-\u9fff]", rest) else ""


_SPENT = ("实际执行数", "实际执行", "实际支出数", "实际支出", "支出数", "决算数", "执行数", "支出", "决算", "执行")


def _measure_key(name: str) -> str:
    """A name as a comparison names it: "执行数" and "执行", "支出数" and "支出" meet,
    and what was spent is one measure whether called 支出, 决算 or 执行数 ("全年支出决算
    2454.99万元，…比上年决算2361.21万元增加…")."""
    key = match_key(name) or name
    key = key.removesuffix("数") if len(key) > 2 else key
    return "支出" if key in _SPENT else key


def _count_inside(text: str, a: int, b: int) -> _Inside | None:
    """The exact count printed inside a comparison (offsets ``a``..``b``)."""
    for m in find_quantities(text):
        if a <= m.start < b:
            q = m.quantity
            if BASE_UNITS.get(q.unit or "", q.unit) in COUNT_UNITS and q.value is not None and q.comparator in (None, "="):
                return q, m.start, m.end
    return None


def _count_before(par: Paragraph, text: str, tok: Token, unit: str | None, sentences: list[Sentence]) -> Figure | None:
    """The named count of ``unit`` that ends the clause right before a change's clause."""
    sent = sentences[tok.sentence]
    last = None
    for m in find_quantities(par.text):
        if sent.start <= m.start and m.end <= tok.clause_start:
            last = m
    if last is None or last.quantity.unit != unit or last.quantity.value is None or last.quantity.comparator not in (None, "="):
        return None
    if not gap(text, last.end, tok.clause_start, "，,"):
        return None
    cs = clause_start(text, last.start, sent.start, NAMING)
    subject = clean_subject(par.text[cs : last.start])
    if not names_something(subject) or any(text[max(0, last.start - 3) : last.start].endswith(w) for w in vocabulary().approx_before):
        return None
    return Figure(subject, name_of(subject), last.quantity, sent, last.start, last.end, par.location_at(last.start))


def _follow_up(par: Paragraph, text: str, toks: list[Token], k: int, made: dict[int, Change]) -> Change | None:
    """"比上年…增加849.67万元，增长14.74%": a percentage named only by a direction word,
    in the clause right after a change, is the same comparison in relative terms."""
    v = vocabulary()
    tok = toks[k]
    if k == 0 or tok.q.unit != "%" or tok.approximate or (k - 1) not in made:
        return None
    prev, change = toks[k - 1], made[k - 1]
    if change.relative or prev.sentence != tok.sentence or not gap(text, prev.end, tok.clause_start, "，,"):
        return None
    words = text[tok.clause_start : tok.start].strip()
    m = re.fullmatch(rf"(?:{alt(v.up + v.down)})(?:了|为|达)?", words)
    if m is None:
        return None
    word = next(w for w in v.up + v.down if words.startswith(w))
    direction = 1 if word in v.up else -1
    if direction != change.direction:
        return None  # "增加…，下降…": two different things
    return Change(change.subject, change.name, tok.q, direction, True, change.reference, change.current, change.prior,
                  change.sentence, tok.start, tok.end, par.location_at(tok.start), change.rows)
