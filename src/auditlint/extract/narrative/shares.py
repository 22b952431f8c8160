"""Shares: "占总支出的40.15%", the amount it is a share of and the figure of its base."""

from __future__ import annotations

from itertools import takewhile

from auditlint.extract.narrative.breakdowns import listed_before
from auditlint.extract.narrative.model import Breakdown, Figure, Share
from auditlint.extract.narrative.names import match_key, name_of, total_core
from auditlint.extract.narrative.tokens import Token, run_after
from auditlint.extract.narrative.vocabulary import patterns
from auditlint.extract.passages import Sentence
from auditlint.model import Paragraph


def shares(par: Paragraph, text: str, sentences: list[Sentence], toks: list[Token],
           breakdowns: list[Breakdown]) -> list[Share]:
    """Every "占…的x%" of the paragraph, with the amount (or the list of amounts) it is
    a share of and the base's figure when the paragraph states it."""
    out: list[Share] = []
    owner_of = {id(p): b for b in breakdowns for p in b.parts}
    figures = [t for t in toks if t.figure is not None]
    for k, tok in enumerate(toks):
        if tok.role != "share" or tok.match is None:
            continue
        # the amount it is a share of: the money figure just before, in the same clause group
        prev = next((t for t in reversed(toks[:k]) if t.role != "share"), None)
        part = prev.figure if prev is not None and prev.figure is not None and prev.q.is_money and prev.sentence == tok.sentence else None
        dist = patterns()["distributive"].search(text[tok.clause_start : tok.clause_start + tok.match.start()])
        listed = listed_before(text, toks, k, prev, owner_of, "share", loose=dist is not None) if part is not None else []
        if dist is not None:
            # "A、B、C，分别占总投资的a、b、c": in order when the counts agree, else none is known
            pcts = [tok, *takewhile(lambda t: t.role == "none", run_after(text, toks, k))]
            pairs = list(zip(listed, pcts)) if dist.group("word") == "分别" and len(listed) == len(pcts) >= 2 else []
            if not pairs:
                pairs = [(None, t) for t in pcts]
            for fig, pct in pairs:
                out.append(_share(par, sentences, pct, tok, fig, None, figures, owner_of, fig))
        elif len(listed) >= 2:
            # "…经费358.20万元、…经费154.60万元，占项目支出的82.60%": the share of the list
            # (or of its last item): no single part
            out.append(_share(par, sentences, tok, tok, None, tuple(listed), figures, owner_of, listed[-1]))
        else:
            out.append(_share(par, sentences, tok, tok, part, None, figures, owner_of, part))
    return out


def _share(par: Paragraph, sentences: list[Sentence], pct: Token, head: Token, part: Figure | None,
           listed: tuple[Figure, ...] | None, figures: list[Token], owner_of: dict[int, Breakdown],
           near: Figure | None) -> Share:
    """One Share: the percentage ``pct`` under the words of ``head`` ("占总支出的"), of
    ``part`` (or of the ``listed`` parts together), with the base the paragraph states."""
    assert head.match is not None
    base_name = head.match.group("base")
    share_fig = Figure(head.match.group(0), name_of(base_name), pct.q, sentences[pct.sentence], pct.start, pct.end,
                       par.location_at(pct.start), pct.approximate)
    base = None
    wanted = total_core(base_name)
    if near is not None and id(near) in owner_of:
        total = owner_of[id(near)].total
        if total.name.endswith(wanted) or total_core(total.name).endswith(wanted):
            base = total
    if base is None and wanted:
        # the nearest earlier amount named as the base ("项目总预算" for 总预算), or a total
        # (never a listed part) of the same thing
        mine = {id(f) for f in (part, *(listed or ()))}
        key = match_key(base_name)
        base = next((t.figure for t in reversed(figures) if t.start < head.start and id(t.figure) not in mine and t.q.is_money
                     and (t.figure.name.endswith(name_of(base_name))  # type: ignore[union-attr]
                          or ((total_core(t.figure.name) == wanted  # type: ignore[union-attr]
                               or (len(key) >= 2 and match_key(t.figure.name) == key))  # 公用经费支出 for 公用经费
                              and not t.in_part_list))), None)
    return Share(share_fig, base_name, part, base, sentences[pct.sentence], listed=listed or ())
