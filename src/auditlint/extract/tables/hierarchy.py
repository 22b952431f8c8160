"""Which rows a total covers, in a budget table: set each row's ``parent`` and
``children``.

Printed marks are read first: serial levels (一 / （一） / 1.), 小计 rows, 其中 lists
(with the unmarked rows that go on with them), numbered sections. Where the rows
carry no structure, it is inferred from the numbers (``sums.strong_anchor``).
"""

from __future__ import annotations

from auditlint.extract.tables.codes import link_codes
from auditlint.extract.tables.model import CanonicalTable, Row
from auditlint.extract.tables.sums import anchor, strong_anchor, strong_anchors


def infer_hierarchy(ct: CanonicalTable) -> None:
    """Set ``parent``/``children`` for every row that totals others.

    Printed structure is used first (serial levels, 小计, 其中); where the rows carry
    no structure, a row is taken to total the block of rows below it when they add
    up to it in at least one column (the anchor), and the table's total must then
    add up to the remaining top-level rows in at least one column as well. When
    nothing can be established the rows stay without a parent: no check will
    compare them.
    """
    if link_codes(ct):  # printed classification codes state the whole hierarchy
        return
    rows = ct.rows
    positions = list(range(len(rows)))
    totals = [i for i in positions if rows[i].kind == "total"]
    if not totals:
        return
    # the rows a total covers: from the previous total (or the top) to it, or, for
    # a total printed first, everything after it
    spans: list[tuple[int, list[int]]] = []
    sections = _sections(rows, totals)
    if sections is not None:
        spans, totals = sections, []
    prev = -1
    for t in totals:
        if t == 0 or (t == totals[0] and all(rows[j].kind != "total" for j in positions[t + 1 :]) and t < len(rows) - 1 and _total_first(rows, t)):
            members = [j for j in positions[t + 1 :] if j not in totals]
        else:
            members = _chained(ct, totals, t, [j for j in positions[prev + 1 : t] if j not in totals])
        spans.append((t, members))
        prev = t
    for t, members in spans:
        members = [j for j in members if rows[j].kind != "group"]
        top = _structure(ct, members, t)
        if top is None:
            continue
        _link(ct, t, top)


def _grand(row: Row) -> bool:
    return "总计" in row.label


def _chained(ct: CanonicalTable, totals: list[int], t: int, between: list[int]) -> list[int]:
    """The rows a 总计 printed after other totals covers. "本年收入合计 / 使用非财政拨款
    结余 / 年初结转和结余 / 总计": the grand total is the 合计s above it (since the last
    总计) and the rows after them, as the 收支总表 prints it. When the rows between
    alone add up to it and the chain does not, they are what it covers."""
    rows = ct.rows
    if not _grand(rows[t]):
        return between
    earlier: list[int] = []
    for j in reversed([j for j in totals if j < t]):
        if _grand(rows[j]):
            break
        earlier.insert(0, j)
    if not earlier:
        return between
    chained = [*earlier, *between]
    if strong_anchor(ct, rows[t], [rows[j] for j in between]) and not anchor(ct, rows[t], [rows[j] for j in chained]):
        return between
    return chained


def _headed_lists(ct: CanonicalTable, members: list[int]) -> list[int]:
    """"年初财政拨款结转和结余 / 一、一般公共预算财政拨款 / 二、政府性基金预算财政拨款":
    an unnumbered row followed by a list numbered from the start (一、 / （一） / 1.)
    heads that list, when the list adds up to it. The list's rows are linked to it;
    the members left are returned."""
    rows = ct.rows
    out: list[int] = []
    k = 0
    while k < len(members):
        h = members[k]
        run: list[int] = []
        if rows[h].kind == "item" and rows[h].level is None and k + 1 < len(members) and _first_serial(rows[members[k + 1]]):
            level = rows[members[k + 1]].level
            for j in members[k + 1 :]:
                if rows[j].level != level or rows[j].kind != "item":
                    break
                run.append(j)
        if run and anchor(ct, rows[h], [rows[j] for j in run]):
            _link(ct, h, run)
            out.append(h)
            k += 1 + len(run)
            continue
        out.append(h)
        k += 1
    return out


def _first_serial(row: Row) -> bool:
    return row.serial.strip("（()）、.．") in ("一", "1")


def _sections(rows: list[Row], totals: list[int]) -> list[tuple[int, list[int]]] | None:
    """"一、收入合计 / （一）… / 二、支出合计 / （一）…": numbered totals that each head a
    section cover the rows numbered below them, up to the next row at their level.
    None unless every total is numbered and followed by a deeper-numbered row."""
    out = []
    for t in totals:
        level = rows[t].level
        if level is None or t + 1 >= len(rows) or rows[t + 1].level is None or rows[t + 1].level <= level:  # type: ignore[operator]
            return None
        members = []
        for j in range(t + 1, len(rows)):
            lev = rows[j].level
            if lev is not None and lev <= level:
                break
            members.append(j)
        out.append((t, members))
    return out


def _label_indent(ct: CanonicalTable, row: Row) -> int:
    """How far the row's label is indented as printed (``Cell.raw``), in characters."""
    cells = ct.table.rows[row.index]
    for col in ct.columns:
        if col.role == "label" and col.index < len(cells) and cells[col.index].text.strip():
            first = next((ln for ln in cells[col.index].raw.split("\n") if ln.strip()), "")
            return len(first) - len(first.lstrip(" \u3000\t"))
    return 0


def of_which_lists(ct: CanonicalTable) -> None:
    """Rows that go on with a 其中 list without repeating 其中 are 其中 rows too.

    "一、基本支出 / 其中：人员经费 / 　　公用经费 / 二、项目支出": writing 其中 once and
    indenting the items after it is the usual way. The unnumbered rows after a 其中
    row belong to its list while they are indented further than the row the list is
    of; where nothing is indented, while they (with the 其中 rows) strongly add up
    to that row. A row with a serial number, a 小计 or a total ends the list."""
    rows = ct.rows
    i = 0
    while i < len(rows):
        if rows[i].kind != "of_which":
            i += 1
            continue
        run_end = i
        while run_end + 1 < len(rows) and rows[run_end + 1].kind == "of_which":
            run_end += 1
        parent = next((j for j in range(i - 1, -1, -1) if rows[j].kind != "of_which"), None)
        after = []
        for j in range(run_end + 1, len(rows)):
            if rows[j].kind != "item" or rows[j].serial:
                break
            after.append(j)
        take: list[int] = []
        if parent is not None and after:
            base = _label_indent(ct, rows[parent])
            for j in after:
                if _label_indent(ct, rows[j]) <= base:
                    break
                take.append(j)
            if not take:
                listed = rows[i : run_end + 1]
                # the longest run that adds up: rows of zeros after it (其他资金 0.00 in a
                # funds block) belong to the list as much as the rows before them
                for k in range(len(after), 0, -1):
                    if strong_anchor(ct, rows[parent], [*listed, *(rows[j] for j in after[:k])]):
                        take = after[:k]
                        break
        for j in take:
            rows[j].kind = "of_which"
        i = (take[-1] if take else run_end) + 1


def _total_first(rows: list[Row], t: int) -> bool:
    return t == 0 or all(rows[j].kind == "group" for j in range(t))


def _link(ct: CanonicalTable, parent: int, children: list[int]) -> None:
    ct.rows[parent].children = list(children)
    for c in children:
        ct.rows[c].parent = parent


def _structure(ct: CanonicalTable, members: list[int], total: int) -> list[int] | None:
    """The top-level rows among ``members`` (linking deeper rows to their parents),
    or None when the structure cannot be established."""
    rows = ct.rows
    members = _headed_lists(ct, [j for j in members if rows[j].kind != "of_which"])
    if not members:
        return None
    levels = {rows[j].level for j in members if rows[j].level is not None}
    if len(levels) >= 1 and all(rows[j].level is not None or rows[j].kind == "subtotal" for j in members) and len(levels) > 1:
        return _by_levels(ct, members)
    if any(rows[j].kind == "subtotal" for j in members):
        return _by_subtotals(ct, members)
    # the rows as printed adding up to the total is the simplest structure: no
    # groups are looked for inside it
    if strong_anchor(ct, rows[total], [rows[j] for j in members]):
        return members
    serial_top = _serial_top(ct, members, total)
    if serial_top is not None:
        return serial_top
    # groups found in the numbers must leave the total adding up to what remains;
    # otherwise they explain nothing and the rows stay flat
    blocks = _blocks_from_numbers(ct, members, rows[total])
    if not blocks:
        rows[total].flat_guess = True
        return members
    inner = {c for _, ch in blocks for c in ch}
    for parent, children in blocks:
        _link(ct, parent, children)
    return [j for j in members if j not in inner]


def _serial_top(ct: CanonicalTable, members: list[int], total: int) -> list[int] | None:
    """"一、建安工程费 / 二、工程建设其他费用 / 其中：监理费 / 设计费 / 三、预备费 / 合计":
    when the rows a total covers are numbered at one level (一、二、三) and the rows
    without a number sit among them, below a numbered row, the numbers mark the items
    the total sums and the unnumbered rows are details of the numbered row above them
    (a 其中 list that did not repeat 其中, or a breakdown that may be partial). The total
    is then the numbered rows' sum, on condition that they add up to it in some
    column (else the table is not understood: None). The details are linked to their
    row only when they strongly add up to it."""
    rows = ct.rows
    numbered = [j for j in members if rows[j].level is not None]
    levels = {rows[j].level for j in numbered}
    details = [j for j in members if rows[j].level is None]
    if len(levels) != 1 or len(numbered) < 2 or not details or rows[members[0]].level is None:
        return None
    if any(rows[j].kind != "item" for j in details):
        return None
    if not anchor(ct, rows[total], [rows[j] for j in numbered]):
        return None
    for k, j in enumerate(numbered):
        end = numbered[k + 1] if k + 1 < len(numbered) else len(rows)
        below = [d for d in details if j < d < end]
        if len(below) >= 2 and strong_anchor(ct, rows[j], [rows[d] for d in below]):
            _link(ct, j, below)
    return numbered


def _by_levels(ct: CanonicalTable, members: list[int]) -> list[int]:
    rows = ct.rows
    top_level = min(rows[j].level for j in members if rows[j].level is not None)  # type: ignore[type-var]
    stack: list[int] = []
    top: list[int] = []
    kids: dict[int, list[int]] = {}
    for j in members:
        lev = rows[j].level if rows[j].level is not None else top_level
        while stack and (rows[stack[-1]].level or top_level) >= lev:
            stack.pop()
        if stack:
            kids.setdefault(stack[-1], []).append(j)
        else:
            top.append(j)
        stack.append(j)
    for parent, children in kids.items():
        _link(ct, parent, children)
    return top


def _by_subtotals(ct: CanonicalTable, members: list[int]) -> list[int]:
    rows = ct.rows
    top: list[int] = []
    block: list[int] = []
    for j in members:
        if rows[j].kind == "subtotal":
            if block:
                _link(ct, j, block)
            top.append(j)
            block = []
        else:
            block.append(j)
    top.extend(block)
    return sorted(top)


_SEARCH_LIMIT = 5000  # block layouts tried per total; past it the rows stay flat


def _blocks_from_numbers(ct: CanonicalTable, members: list[int], total: Row) -> list[tuple[int, list[int]]]:
    """Rows that total the rows printed right below them, found from the numbers.

    A layout is a set of blocks (a row and the run of at least two rows below it
    that strongly add up to it); it is accepted only when the table's total then
    strongly adds up to the rows left at the top. Layouts are tried longest block
    first, and the first accepted one wins; none → no blocks. Trying layouts, not
    just the greedy one, matters: a chance match (基本支出 392.53 = the next four
    rows to the cent in one column) must not hide the real group below it."""
    rows = ct.rows
    n = len(members)
    candidates: dict[int, list[int]] = {}  # k → ends of blocks starting at members[k]
    for k in range(n):
        # adds_up[m]: the m rows below members[k] strongly add up to it
        adds_up = strong_anchors(ct, rows[members[k]], [rows[j] for j in members[k + 1 :]])
        candidates[k] = [end for end in range(n, k + 2, -1) if adds_up[end - k - 1]]
    if not any(candidates.values()):
        return []
    budget = [_SEARCH_LIMIT]

    def search(k: int, tops: list[int], blocks: list[tuple[int, list[int]]]) -> list[tuple[int, list[int]]] | None:
        budget[0] -= 1
        if budget[0] < 0:
            return None
        if k == n:
            if blocks and strong_anchor(ct, total, [rows[j] for j in tops]):
                return blocks
            return None
        for end in candidates[k]:
            found = search(end, [*tops, members[k]], [*blocks, (members[k], members[k + 1 : end])])
            if found is not None:
                return found
        return search(k + 1, [*tops, members[k]], blocks)

    return search(0, [], []) or []

