"""Structure: section numbering (AL601), blank required fields (AL602), duplicated
indicators (AL603)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from auditlint.checks.helpers import cell_text

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import IndicatorRowLike, ScoredRow, indicator_rows
from auditlint.extract.kb.knowledge import name_key
from auditlint.extract.meta import ReportMeta
from auditlint.extract.outline import KEY as OUTLINE
from auditlint.extract.outline import Heading, serial_text
from auditlint.findings import Evidence, Finding, Related, Severity

# ---------------------------------------------------------------------------
# AL601


@dataclass
class NumberingBreak:
    heading: Heading
    expected: str  # the serial it should carry
    kind: str  # "style": right number, wrong style; "skip"; "repeat"; "start": a sequence starting past 1
    previous: Heading | None = None  # the sibling it follows
    also: list[Heading] = field(default_factory=list)  # further headings of the same slip (8、 9、 after 7、)


def numbering_breaks(headings: list[Heading]) -> list[NumberingBreak]:
    """Where the numbering breaks its sequence or its style.

    Levels follow the convention of official documents: 一、 > （一） > 1. > （1）; a
    heading resets the counters of the levels below it, and a level may be skipped.
    A heading that does not continue its own level's sequence is explained, in order,
    as: a heading of another level written in the wrong style (六、 then 7、: it
    continues 一、…六、, so it should be 七、); the first heading of the section written
    in the wrong style (1、 单位概况 … 二、: the 1、 should be 一、); else a skipped or
    repeated number. A sequence restarting at 1 is a new list, and a heading that follows
    its own style's previous number (1. … （一） … 2.: a report nesting its levels in its
    own order) goes on with its list: neither is reported.
    """
    counters = {1: 0, 2: 0, 3: 0, 4: 0}
    last: dict[int, Heading] = {}
    rank: list[int] = []  # effective level of each heading so far
    out: list[NumberingBreak] = []
    slip: NumberingBreak | None = None
    slip_at = -1  # index of the slip's first heading

    def accept(i: int, r: int, n: int) -> None:
        counters[r] = n
        last[r] = headings[i]
        for q in range(r + 1, 5):
            counters[q] = 0
            last.pop(q, None)
        rank[i] = r

    for i, h in enumerate(headings):
        rank.append(h.rank)
        r, n = h.rank, h.number
        if n in (counters[r] + 1, 1):
            if slip is not None and r <= rank[slip_at]:
                slip = None
            accept(i, r, n)
            continue
        same = next((headings[j] for j in range(i - 1, -1, -1) if headings[j].style == h.style), None)
        if same is not None and same.number == n - 1:
            # its own list goes on (1. 2. around a （一）: this report nests its levels its own way),
            # or a slip goes on (7、 8、 9、 after 六、)
            if slip is not None and slip.heading.style == h.style and counters[rank[slip_at]] == n - 1:
                slip.also.append(h)
                accept(i, rank[slip_at], n)
            else:
                accept(i, r, n)
            continue
        level = _continued_level(h, counters)
        if level is not None:
            prev = last.get(level)
            if slip is not None and slip.heading.style == h.style and rank[slip_at] == level:
                slip.also.append(h)
            else:
                slip, slip_at = NumberingBreak(h, serial_text(_style_of(level), n, h.serial), "style", prev), i
                out.append(slip)
            accept(i, level, n)
            continue
        first = _misstyled_first(headings, rank, i, r)
        if first is not None and counters[r] == 0 and n == 2:
            out.append(NumberingBreak(headings[first], serial_text(h.style, 1, h.serial), "style", None, []))
            rank[first] = r
            accept(i, r, n)
            continue
        prev = last.get(r)
        kind = "start" if counters[r] == 0 else ("skip" if n > counters[r] + 1 else "repeat")
        out.append(NumberingBreak(h, serial_text(h.style, counters[r] + 1, h.serial), kind, prev))
        accept(i, r, n)
    return out


def _style_of(level: int) -> str:
    from auditlint.extract.outline import STYLES

    return STYLES[level - 1]


def _style_of_serial(serial: str) -> str:
    """The style a serial we wrote is in ("七、" → cn)."""
    paren = serial.startswith(("（", "("))
    arabic = any(ch.isdigit() for ch in serial)
    return ("arabic" if arabic else "cn") + ("_paren" if paren else "")


def _continued_level(h: Heading, counters: dict[int, int]) -> int | None:
    """The higher level whose sequence this heading's number continues (六、 then 7、).

    Only higher levels: "1、 … 二、" is better read as a first section misnumbered in a
    lower level's style than as 二、 continuing a list of one.
    """
    paren = "paren" in h.style
    cands = [q for q in counters if q < h.rank and counters[q] >= 1 and counters[q] + 1 == h.number]
    if not cands:
        return None
    cands.sort(key=lambda q: (("paren" in _style_of(q)) != paren, abs(q - h.rank)))
    return cands[0]


def _misstyled_first(headings: list[Heading], rank: list[int], i: int, r: int) -> int | None:
    """The first heading of the current section when it is numbered 1 in another
    style: the place a missing "一、" was written as "1、"."""
    start = 0
    for j in range(i - 1, -1, -1):
        if rank[j] < r:
            start = j + 1
            break
    if start >= i:
        return None
    first = headings[start]
    if first.number == 1 and first.style != headings[i].style and rank[start] > r:
        return start
    return None


@check("AL601", "section-numbering", severity="warning", zh="章节编号不连续或样式不一致", en="Section numbering breaks its sequence or style")
def section_numbering(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    章节编号应按“一、→（一）→ 1. →（1）”的层级逐级连续编排。若同一层级中途换了编号样式（如“六、”之后写成“7、”，
    或首节写成“1、”而后续为“二、”“三、”），或编号跳号、重号，即为编号错误。新的列表从 1 重新开始不算错误，
    跳过某一层级（“一、”下直接用“1.”）也不算错误。
    错误示例：“1、 单位概况”“（一）中心基本情况”……“二、中心收支情况”。
    正确示例：“一、单位概况”“（一）中心基本情况”……“二、中心收支情况”。

    en:
    Headings are numbered level by level, 一、 → （一） → 1. → （1）, each level counting up
    without gaps. A level that changes its numbering style part-way (七、 written as 7、
    after 六、, or a first section numbered 1、 followed by 二、 and 三、), or that skips or
    repeats a number, is a numbering mistake. A new list starting again at 1 is not, nor
    is a skipped level (1. directly under 一、).
    Bad: "1、 单位概况", "（一）中心基本情况" … "二、中心收支情况".
    Good: "一、单位概况", "（一）中心基本情况" … "二、中心收支情况".
    """
    headings = facts.extra.get(OUTLINE) or []
    for b in numbering_breaks(headings):
        h = b.heading
        run = [h, *b.also]
        shown = "".join(x.serial for x in run)
        if b.kind == "style":
            want = b.expected + "".join(serial_text(_style_of_serial(b.expected), x.number, b.expected) for x in b.also)
            zh = f"章节编号“{shown}”与同级编号样式不一致，应为“{want}”"
            en = f"section number “{shown}” breaks the style of its level; it should be “{want}”"
        elif b.kind == "start":
            zh = f"章节编号从“{h.serial}”开始，缺少“{b.expected}”"
            en = f"the sequence starts at “{h.serial}”; “{b.expected}” is missing"
        else:
            after = b.previous.serial if b.previous else ""
            zh = f"章节编号“{h.serial}”接在“{after}”之后，{'跳号' if b.kind == 'skip' else '重号'}，应为“{b.expected}”"
            en = f"section number “{h.serial}” follows “{after}” ({'a skipped' if b.kind == 'skip' else 'a repeated'} number); it should be “{b.expected}”"
        yield Finding(
            location=h.location,
            message_zh=zh,
            message_en=en,
            evidence=Evidence(expression="section numbering", stated=h.serial, computed=b.expected, expression_zh="章节编号"),
            snippet=h.text,
            related=[Related(x.location, x.text) for x in ([b.previous] if b.previous else []) + b.also][:5],
            confidence=0.85 if b.kind == "style" else 0.8,
            materiality=0.1,
            key=("numbering", h.text),
        )


# ---------------------------------------------------------------------------
# AL602

_KIND_NAMES = {"unit": ("单位", "unit"), "date": ("日期", "date"), "person": ("填报人", "person"),
               "phone": ("联系电话", "phone"), "project": ("项目名称", "project"), "evaluator": ("评价机构", "evaluator")}


@check("AL602", "blank-required-field", severity="warning", zh="封面或表头的必填项为空", en="A required cover or form-header field is blank")
def blank_required_field(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    封面或表头印有必填项的标签（评价单位、填报单位、项目名称、填报人、联系人、联系电话、日期、评价机构），
    但冒号后什么也没有填写；日期只印了“年 月 日”也算空白，封面或落款处单独一行、没有标签的“年 月 日”同样算空白日期。签字、盖章栏不在此列：手写签名和印章是图像，
    文本中本来就看不到。
    错误示例：“填报人：          联系电话：”。
    正确示例：“填报人：张三    联系电话：025-12345678”。

    en:
    The cover or form header prints the label of a required field (评价单位, 填报单位, 项目名称,
    填报人, 联系人, 联系电话, 日期, 评价机构) with nothing after its colon; a date printed only
    as "年 月 日" is blank too, and so is a bare "年 月 日" line on the cover or under the
    signature (落款). Signature and stamp fields are not checked: handwriting and
    stamps are images that a text never shows.
    Bad: "填报人：          联系电话：".
    Good: "填报人：张三    联系电话：025-12345678".
    """
    meta = facts.meta
    if not isinstance(meta, ReportMeta):
        return
    seen: dict[str, int] = defaultdict(int)
    for f in meta.fields:
        if not f.required or not f.blank:
            continue
        seen[f.label] += 1
        # a date line printed bare under the signature ("    年  月  日") shows itself, not a label
        shown = f"{f.label}：" if f.label in f.snippet else f.snippet
        yield Finding(
            location=f.location,
            message_zh=f"“{f.label}”一栏为空",
            message_en=f"the {_KIND_NAMES.get(f.kind, (f.kind, f.kind))[1]} field “{f.label}” is blank",
            evidence=Evidence(expression=shown, stated=shown, computed="（空）"),
            snippet=f.snippet,
            confidence=0.9,
            materiality=0.2,
            key=("blank", f.label, str(seen[f.label])),
        )


# ---------------------------------------------------------------------------
# AL603


def _values(row: IndicatorRowLike) -> tuple[str, ...]:
    return tuple(name_key(cell_text(row, r)) for r in ("target", "actual", "weight", "score"))


def _shown(row: IndicatorRowLike, points: bool) -> str:
    """The row's target and completion, and its weight and score when only they tell it
    apart from its twin (or when it prints no target or completion)."""
    parts = [x for x in (cell_text(row, "target"), cell_text(row, "actual")) if x]
    if points or not parts:
        w, sc = cell_text(row, "weight"), cell_text(row, "score")
        parts += [x for x in (f"分值{w}" if w else "", f"得分{sc}" if sc else "") if x]
    return " ".join(parts) or "—"


def _groups_of(row: IndicatorRowLike) -> tuple[str, ...]:
    """The groups a scoring table's row sits in (决策 / 预算编制): an indicator may recur
    under another group (each project's own 完成及时性); an indicator table's rows: none."""
    if isinstance(row, ScoredRow):
        return tuple(name_key(g) for g in row.indicator.path[:-1])
    return ()


@check("AL603", "duplicate-indicator", severity="warning", zh="同一表中指标重复出现且数值不同", en="The same indicator twice in one table")
def duplicate_indicator(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    同一张指标表中（评分表中为同一组内），同一指标名称出现两次：目标值、完成值、分值或得分不同时为警告
    （哪一个才是真的？）；两行完全相同时为提示（多半是复制粘贴多出的一行）。
    错误示例：“预算执行率 ＝100% 98.19%”与“预算执行率 ＝100% 100%”在同一表中；评分表同一组内两行
    “资金使用合规性”，分值4得分4与分值4得分3.5。
    正确示例：每个指标只出现一次。

    en:
    In one indicator table (in a scoring table, within one group) the same indicator name
    appears twice: a warning when the target, the actual, the weight or the score differs
    (which one is true?), a note when the two rows are identical (most likely a row
    pasted twice).
    Bad: "预算执行率 ＝100% 98.19%" and "预算执行率 ＝100% 100%" in one table; two rows
    "资金使用合规性" in one group of a scoring table, weight 4 scored 4 and weight 4 scored 3.5.
    Good: every indicator appears once.
    """
    groups: dict[tuple[str, tuple[str, ...], str], list[IndicatorRowLike]] = defaultdict(list)
    for table_key, row in indicator_rows(facts):
        key = name_key(row.name)
        if key and "name" in row.cells:
            groups[(table_key, _groups_of(row), key)].append(row)
    for rows in groups.values():
        if len(rows) < 2:
            continue
        first = rows[0]
        for dup in rows[1:]:
            same = _values(dup) == _values(first)
            # weight and score shown when only they tell the rows apart
            points = _values(dup)[:2] == _values(first)[:2] and not same
            cell = dup.cells["name"]
            a, b = _shown(first, points), _shown(dup, points)
            if same:
                zh = f"指标“{dup.name}”在同一表中出现两次，两行相同（{b}）"
                en = f"indicator “{dup.name}” appears twice in one table with the same values ({b})"
            else:
                zh = f"指标“{dup.name}”在同一表中出现两次，数值不同：{a}；{b}"
                en = f"indicator “{dup.name}” appears twice in one table with different values: {a}; {b}"
            yield Finding(
                location=cell.location,
                message_zh=zh,
                message_en=en,
                evidence=Evidence(expression="one row per indicator", stated=b, computed=a, expression_zh="每个指标一行"),
                snippet=f"{dup.name} {b}",
                related=[Related(first.cells["name"].location, f"{first.name} {a}")],
                confidence=0.9,
                materiality=0.2 if same else 0.4,
                key=("duplicate", dup.name, b),
                severity=Severity.INFO if same else None,
            )
