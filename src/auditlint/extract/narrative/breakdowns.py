"""Totals and their parts: a bracket after a total, a 其中 list, a list closed by its
合计, two complementary names after a total; and the list a share or a change right
after it is about."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal

from auditlint.extract.narrative.model import Breakdown, Figure, OfWhich, TotalWithParts
from auditlint.extract.narrative.names import match_key, other_side, total_core
from auditlint.extract.narrative.tokens import Token, gap
from auditlint.extract.narrative.vocabulary import alt, vocabulary
from auditlint.extract.text import (
    BRACKET_ITEM,
    LIST_ITEM,
    SENTENCE,
    STOP,
    clause_end,
    clauses,
    next_mark,
    sentence_start,
)
from auditlint.numbers import Quantity


def is_part(tok: Token, money_unit_of: Quantity) -> bool:
    return tok.role == "figure" and tok.figure is not None and tok.q.is_money and not tok.approximate and money_unit_of.is_money


def not_a_piece(tok: Token) -> bool:
    """A listed amount that is a change or another year's, not a piece of this year's
    total: "（市级资金调减20.00万元、区级资金调增20.00万元）" explains an adjustment,
    "（上年基本支出…）" is last year's. Money carried over from last year (上年结转,
    上年末结余) is a piece of this year's funds."""
    v = vocabulary()
    if any(w in tok.subject for w in v.adjust_words):
        return True
    return re.search(rf"(?:{alt(v.prior_words)})(?!结转|结余|结存|末)", tok.subject) is not None


def _complementary(a: str, b: str, core: str) -> bool:
    if not (a.endswith(core) and b.endswith(core)):
        return False
    qa, qb = a[: len(a) - len(core)], b[: len(b) - len(core)]
    if not qa or not qb:
        return False
    if qb == "非" + qa or qa == "非" + qb:
        return True
    return any((qa.endswith(x) and qb.endswith(y)) or (qa.endswith(y) and qb.endswith(x)) for x, y in vocabulary().complementary)


def brackets(text: str, toks: list[Token]) -> list[Breakdown]:
    """"支出1782.77万元（基本支出709.66万元，项目支出1067.07万元）": a bracket right after a
    total that lists its parts (all of them, or, after 其中/含, some)."""
    out: list[Breakdown] = []
    for tok in toks:
        if tok.figure is None or not tok.q.is_money or tok.approximate:
            continue
        span = _bracket_after(text, tok.end)
        if span is not None and (found := _bracket(text, toks, tok, *span)) is not None:
            out.append(found)
    return out


def _bracket_after(text: str, pos: int) -> tuple[int, int] | None:
    """The bracket opened at ``pos`` (after spaces) and the offset it closes at."""
    k = pos
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text) or text[k] not in "（(":
        return None
    depth = 0
    for j in range(k, len(text)):
        if text[j] in "（(":
            depth += 1
        elif text[j] in "）)":
            depth -= 1
            if depth == 0:
                return k, j
    return None


def _bracket(text: str, toks: list[Token], tok: Token, k: int, close: int) -> Breakdown | None:
    """What the bracket from ``k`` to ``close`` says of the total ``tok`` before it: all
    its parts when it holds nothing but two or more of them, one to a clause; some
    of them when it opens with 其中 or 含 and holds nothing else; else nothing."""
    total = tok.figure
    assert total is not None
    inner = [t for t in toks if k < t.start < close]
    parts = [t for t in inner if is_part(t, tok.q)]
    if not _pieces_of(total, parts):
        return None
    body = text[k + 1 : close].strip()
    lead = body.startswith(vocabulary().lead_words)
    others = [t for t in inner if t not in parts]
    items = [c for _, c in clauses(body, BRACKET_ITEM) if c.strip()]
    complete = not (lead or others or len(parts) < 2 or len(items) != len(parts))
    if not complete and not (lead and not others):
        return None  # a bracket with more than parts in it
    for t in parts:
        t.in_part_list = True
    figs = tuple(t.figure for t in parts if t.figure)
    if complete:
        return TotalWithParts(total, figs, True, "brackets", total.sentence, total.rows)
    return OfWhich(total, figs, _pair(total, figs), "其中", total.sentence, total.rows)


def _pieces_of(total: Figure, parts: list[Token]) -> bool:
    """Can these amounts in a bracket after ``total`` be pieces of it? Not when all are
    on the other side (收入 under 支出), nor when one is an adjustment or last year's:
    the bracket then explains a change, and is no decomposition, not even a partial one."""
    if not parts or all(other_side(total.name, t.figure.name) for t in parts if t.figure):
        return False
    return not any(not_a_piece(t) for t in parts)


def _is_list_total(words: str) -> bool:
    """Words that make an amount a list's total: "合计", "共计为"."""
    return re.fullmatch(rf"(?:{alt(vocabulary().list_totals)})(?:为|是|达到|达)?", words.strip()) is not None


def listed_total(text: str, toks: list[Token]) -> list[Breakdown]:
    """"分别为：A126.50万元、B85.00万元、…、G67.50万元，合计576.96万元": a 合计 (共计,
    总计) right after a list of named amounts joined by "、" is the sum of that list,
    when the list is all the clause says: it starts the sentence or follows a colon
    (or 其中, 包括), so no earlier amount may belong to it. A list whose first item says
    what the money went to ("用于设备购置费4万元，材料费9万元；劳务费5万元，共计18万元")
    may join its items by commas or semicolons too, each item a clause of its own; after
    主要用于 (主要包括) it names the main items only, and may fall short of its 共计."""
    out: list[Breakdown] = []
    for k, tok in enumerate(toks):
        if (tok.figure is None or not tok.q.is_money or tok.approximate or k < 2
                or not _is_list_total(text[tok.clause_start : tok.start])):
            continue
        prev = toks[k - 1]
        if prev.sentence != tok.sentence or not gap(text, prev.end, tok.clause_start, "，,"):
            continue
        run = _run_before(text, toks, k, "、")
        spent = _run_before(text, toks, k, "、，,；;")
        if len(spent) > len(run) and _opens_with(text, spent[0], _SPENT_ON):
            run = spent  # "用于A4万元，B9万元；C5万元，共计18万元": items joined by commas or semicolons
        if len(run) < 2 or not all(is_part(t, tok.q) and not t.in_part_list and not not_a_piece(t) for t in run):
            continue
        head = text[sentence_start(text, tok.clause_start, SENTENCE) : run[0].clause_start].rstrip()
        opened = (not head or head.endswith((":", "：")) or _opens_with(text, run[0], ("其中", "包括", *_SPENT_ON))
                  or head.endswith(("其中", "包括", "分别为", "分别是")))
        if not opened:
            continue
        for t in run:
            t.in_part_list = True
        figs = tuple(t.figure for t in run if t.figure)
        partial = _opens_with(text, run[0], _MAIN_ITEMS)
        out.append(TotalWithParts(tok.figure, figs, not partial, "list", tok.figure.sentence, tok.figure.rows))
    return out


# a list's first item that says what the money went to; 主要 names the main items only
_SPENT_ON = ("用于", "主要用于", "分别用于", "具体用于")
_MAIN_ITEMS = ("主要用于", "主要包括")
# a clause that is itself a total or a part of the item before it: it ends a comma list
_NOT_AN_ITEM = ("其中", "含", "小计", "合计", "共计", "总计", "包括")


def _opens_with(text: str, tok: Token, words: tuple[str, ...]) -> bool:
    return text[tok.clause_start : tok.start].lstrip().startswith(words)


def _run_before(text: str, toks: list[Token], k: int, joins: str) -> list[Token]:
    """The amounts right before the total ``toks[k]``, each joined to the next by one of
    ``joins`` and nothing else; with commas, each its own clause naming one item."""
    tok = toks[k]
    run = [toks[k - 1]]
    i = k - 1
    while i > 0:
        t = toks[i - 1]
        if t.sentence != tok.sentence or not gap(text, t.end, run[0].clause_start, joins):
            break
        if joins != "、" and _opens_with(text, run[0], (*_NOT_AN_ITEM, *_SPENT_ON)):
            break  # a clause that opens the list (用于…) or is no item of it ends the run
        run.insert(0, t)
        i -= 1
    if joins != "、" and _opens_with(text, run[0], _NOT_AN_ITEM):
        return []
    return run


def _pair(total: Figure, parts: tuple[Figure, ...]) -> bool:
    """A 其中 list of two complementary names (基本支出 and 项目支出) names every part."""
    if len(parts) != 2:
        return False
    a, b = parts[0].name, parts[1].name
    core = _common_suffix(a, b)
    return len(core) >= 2 and _complementary(a, b, core)


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n :] if n else ""


def of_which(text: str, toks: list[Token]) -> list[Breakdown]:
    """"基本支出715.69万元，其中工资福利支出677.57万元、…，对个人和家庭的补助0.51万元；"."""
    out: list[Breakdown] = []
    for m in re.finditer("其中", text):
        owner = next((t for t in reversed(toks) if t.end <= m.start()), None)
        if owner is None or owner.figure is None or not owner.q.is_money or owner.approximate or owner.in_part_list:
            continue
        if not gap(text, owner.end, m.start(), "，,。：:"):
            continue
        parts = _list_after(text, m.end(), toks, owner)
        if not parts or _other_owner(owner, parts, toks) or any(not_a_piece(t) for t in parts):
            continue
        for t in parts:
            t.in_part_list = True
        figs = tuple(t.figure for t in parts if t.figure)
        out.append(OfWhich(owner.figure, figs, _pair(owner.figure, figs), "其中", owner.figure.sentence, owner.figure.rows))
    return out


def _other_owner(owner: Token, parts: list[Token], toks: list[Token]) -> bool:
    """Is the 其中 list perhaps about another figure than the one right before it? So
    when the parts are all 支出 and the figure is a 收入 (or the other way round), or
    when they add up to more than it but not to more than an earlier figure of its
    sentence ("采购金额500万元，节约资金50万元，其中货物类300万元，服务类200万元")."""
    if all(other_side(owner.figure.name, t.figure.name) for t in parts if t.figure and owner.figure):
        return True
    total = sum((t.q.value * t.q.scale for t in parts if t.q.value is not None), Decimal(0))
    if owner.q.value is None or total <= owner.q.value * owner.q.scale:
        return False
    return any(t is not owner and t.figure is not None and t.sentence == owner.sentence and t.start < owner.start
               and t.q.is_money and t.q.value is not None and t.q.value * t.q.scale >= total for t in toks)


def _list_after(text: str, pos: int, toks: list[Token], owner: Token) -> list[Token]:
    """The parts of a 其中 list starting at ``pos``: named money figures in clauses
    separated by "，" and "、", up to "。" or "；" (or the closing bracket). Shares and
    changes of a part are skipped over; a clause with no number ends the list. Past a
    "；" the list goes on only where the clause before and the clause after both state
    a share of the same base (parallel parts: "…，占总支出的40.15%；项目支出…，占总支出的59.85%").
    A clause opened by 另/另外/此外/还/同时 ends the list; a member named "X中Y" after a
    member X is X's part and is left out."""
    parts: list[Token] = []
    i = pos
    while i < len(text) and text[i] in "：:，, ":
        i += 1
    after = [t for t in toks if t.start >= i]
    last_share: str | None = None
    for _ in range(41):
        if i >= len(text):
            break
        end = clause_end(text, i, LIST_ITEM)
        first = next((t for t in after if i <= t.start < end), None)
        if first is None:
            break
        step = _list_step(text, i, first, parts, owner)
        if step == "end":
            break
        if step == "part":
            parts.append(first)
            last_share = None
        elif step == "share" and first.match is not None:
            last_share = first.match.group("base")
        if not _list_goes_on(text, end, after, last_share):
            break
        i = end + 1
    return parts


def _list_step(text: str, i: int, first: Token, parts: list[Token], owner: Token) -> str:
    """What the clause at ``i``, whose first number is ``first``, does to a 其中 list:
    adds a "part", states a "share" of the part before, is stepped over ("skip": a
    change of a part, a part of a part) or "end"s the list."""
    if _is_list_total(text[first.clause_start : first.start]):
        return "end"  # "…、B 20万元，合计…": the list's own total, no part of it
    if parts and _ends_list(text[i : first.start]):
        return "end"  # "…，另从公益金中安排56.3万元": money besides the total, not under it
    if first.role == "figure" and is_part(first, owner.q):
        if _part_of_part(first, parts):
            first.in_part_list = True  # "…，财政资助中间接费用60万元": within 财政资助, no sibling of it
            return "skip"
        return "part"
    if first.role == "share" and parts and first.match is not None:
        return "share"
    return "skip" if first.role == "change" else "end"


def _list_goes_on(text: str, end: int, after: list[Token], last_share: str | None) -> bool:
    """Does a 其中 list go on past the mark at ``end``? Past "，" and "、", yes; past "；"
    only into a clause that states a share of the same base as the clause before."""
    if end >= len(text) or text[end] in "。）)":
        return False
    if text[end] in "；;":
        return last_share is not None and _next_sentence_share(text, end + 1, after) == last_share
    return True


def _ends_list(words: str) -> bool:
    """A clause opened by 另, 另外, 此外, 还, 同时 … (``list_ends``) after a 其中 list is
    something besides the list, no further part of it."""
    v = vocabulary()
    w = words.strip()
    return w.startswith(v.list_ends) and not w.startswith(v.not_list_ends)


def _part_of_part(tok: Token, parts: list[Token]) -> bool:
    """A list member named "X中Y" (or "X中的Y") where X is an earlier member is a part of
    that member, not a further part of the total: "其中财政资助600万元、单位自筹300万元，
    财政资助中间接费用60万元"."""
    if tok.figure is None:
        return False
    name = tok.figure.name
    earlier = [p.figure.name for p in parts if p.figure is not None]
    for m in re.finditer("中", name):
        whole = name[: m.start()]
        key = match_key(whole)
        if len(key) >= 2 and m.end() < len(name) and any(
                (k := match_key(e)) and (k.endswith(key) or key.endswith(k)) for e in earlier):
            return True
    return False


def _next_sentence_share(text: str, pos: int, toks: list[Token]) -> str | None:
    end = next_mark(text, pos, STOP)
    for t in toks:
        if pos <= t.start < end and t.role == "share" and t.match is not None:
            return t.match.group("base")
    return None


def naming(toks: list[Token]) -> list[Breakdown]:
    """A total followed in its paragraph by exactly two figures that qualify what it
    totals in complementary ways: "结转结余51.43万元。财政拨款结转结余…；非财政拨款结转结余…"."""
    out: list[Breakdown] = []
    top = [t for t in toks if t.figure is not None and t.q.is_money and not t.approximate and not t.in_part_list
           and not not_a_piece(t)]
    names = [t.figure.name for t in top]  # type: ignore[union-attr]
    cores = [total_core(n) for n in names]
    # indexes by core and by name suffix keep a long paragraph of figures linear, not quadratic
    by_core: dict[str, list[int]] = {}
    by_suffix: dict[str, list[int]] = {}
    for j, (name, core) in enumerate(zip(names, cores)):
        by_core.setdefault(core, []).append(j)
        for i in range(len(name)):
            by_suffix.setdefault(name[i:], []).append(j)
    for k, tok in enumerate(top):
        core = cores[k]
        if len(core) < 2:
            continue
        same = by_core[core]
        nxt = bisect_right(same, k)
        stop = same[nxt] if nxt < len(same) else len(top)  # the same total again: what follows is about it
        ends = by_suffix.get(core, [])
        lo = bisect_right(ends, k)
        later = [top[j] for j in ends[lo : bisect_left(ends, stop)]]
        if len(later) != 2:
            continue
        a, b = (t.figure for t in later)
        if not _complementary(a.name, b.name, core):  # type: ignore[union-attr]
            continue
        out.append(TotalWithParts(tok.figure, (a, b), True, "naming", tok.figure.sentence, tok.figure.rows))  # type: ignore[arg-type,union-attr]
    return out


def listed_before(text: str, toks: list[Token], k: int, prev: Token | None, owner_of: dict[int, Breakdown],
                   role: str, loose: bool = False) -> list[Figure]:
    """The list of parts that a share or a change (``role``) right after ``prev``
    follows, when ``prev`` ends one and no such statement was printed inside it: the
    parts of the breakdown ``prev`` closes, or the amounts joined to it by "、" (by "，"
    too after 分别). Empty when there is none."""
    if prev is None or prev.figure is None:
        return []
    between = [t for t in toks[:k] if t.role == role]
    b = owner_of.get(id(prev.figure))
    if b is not None and b.parts[-1] is prev.figure:
        first = b.parts[0]
        if any(first.start < t.start for t in between):
            return []  # each part carries its own: "A…，占40%；B…，占60%"
        return list(b.parts)
    run = [prev]
    i = next(j for j, t in enumerate(toks) if t is prev)
    joiners = "、，," if loose else "、"
    while i > 0:
        t = toks[i - 1]
        if (t.role != "figure" or t.figure is None or not t.q.is_money or t.sentence != prev.sentence
                or not gap(text, t.end, run[0].clause_start, joiners)):
            break
        run.insert(0, t)
        i -= 1
    return [t.figure for t in run if t.figure is not None] if len(run) >= 2 else []
