"""Units (AL305): a count measured in money, and an amount whose unit is clearly wrong
beside the figures printed with it or beside the same digits printed elsewhere in 万元."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from auditlint.checks.helpers import cell_text, row_snippet

from auditlint.engine.registry import check
from auditlint.extract.facts import Facts
from auditlint.extract.indicators import indicator_rows
from auditlint.extract.kb.knowledge import knowledge_base
from auditlint.extract.narrative import clean_subject, name_of
from auditlint.extract.prose import Sentence, passages, sentences
from auditlint.findings import Evidence, Finding, Related, Severity
from auditlint.model import Location, Paragraph, Table
from auditlint.numbers import (
    MONEY_UNITS,
    Match,
    Quantity,
    asum,
    compare,
    find_quantities,
    fmt,
    normalize,
    parse_quantity,
)

# the words an amount follows: 支出13.45元, 收入522.56万元, 金额为5万元
AMOUNT_WORDS = ("支出", "收入", "资金", "金额", "经费", "费用", "预算", "结余", "拨款", "资产", "总额", "成本", "投入")
# words between the amount word and the number
_LINKS = re.compile(r"(?:为|达到|达|约|共计|合计|共|计|了|超过|超|近|逾)$")
# a per-head or per-item amount is small by nature: 人均 935元, 次均费用13349.6元, 补助标准…
PER_UNIT = ("人均", "次均", "户均", "平均", "均", "每", "标准", "单价", "起付", "限额", "补助", "定额", "价格", "利息")
# a 元 figure this many times smaller than a like amount in 万元/亿元, yet printed at the
# same magnitude, is that amount with the wrong unit
MIN_RATIO = Decimal(10000)


@dataclass(frozen=True)
class Amount:
    match: Match
    word: str  # the amount word before it ("" when none)
    clause: str  # the clause text before the number

    @property
    def base(self) -> Decimal:
        q = self.match.quantity
        return (q.value or Decimal(0)) * q.scale


def _amounts(sentence: Sentence) -> list[Amount]:
    text = sentence.text
    out = []
    for m in find_quantities(text):
        if m.quantity.unit not in MONEY_UNITS or m.quantity.value is None or m.quantity.comparator:
            continue
        before = text[: m.start]
        clause = re.split(r"[，,；;：:（(）)]", before)[-1]
        head = _LINKS.sub("", clause)
        word = next((w for w in AMOUNT_WORDS if head.endswith(w)), "")
        out.append(Amount(m, word, clause))
    return out


def _per_unit(a: Amount, text: str) -> bool:
    after = text[a.match.end : a.match.end + 1]
    return any(w in a.clause for w in PER_UNIT) or after in ("/", "／")


def _parts_in_bracket(text: str, amounts: list[Amount], a: Amount) -> list[Amount]:
    """The amounts printed in brackets right after ``a``: its parts."""
    rest = text[a.match.end :]
    m = re.match(r"\s*[（(]([^（()）]*)[)）]", rest)
    if not m:
        return []
    lo, hi = a.match.end + m.start(1), a.match.end + m.end(1)
    return [b for b in amounts if lo <= b.match.start < hi]


def _bracket_total(text: str, amounts: list[Amount], a: Amount) -> Amount | None:
    """The total printed right before the brackets ``a`` stands in: "支出1782.77万元（基本支出…）"."""
    open_at = max(text.rfind("（", 0, a.match.start), text.rfind("(", 0, a.match.start))
    if open_at < 0 or max(text.rfind("）", 0, a.match.start), text.rfind(")", 0, a.match.start)) > open_at:
        return None
    before = [b for b in amounts if b.match.end <= open_at and not text[b.match.end : open_at].strip()]
    return before[-1] if before else None


def _restates(b: Amount, a: Amount) -> bool:
    """``b`` is ``a`` again in another unit, rounded to its printed precision:
    "8,717,570.85元（约871.8万元）", "38,741,200元（约0.39亿元）" — 871.8万元 stands for
    anything from 8,717,500 to 8,718,500元, whether the rounding went up or down."""
    return b.match.quantity.approx.scale(b.match.quantity.scale).gap(a.match.quantity.approx.scale(a.match.quantity.scale)) == 0


# the words a bracket restating the amount before it may put before the figure: "（约871.8万元）"
_RESTATING = re.compile(r"[（(]\s*(?:约合|约为|约|折合|合计约|合约|合|即约|即|相当于|计)?\s*$")


def _restatement(text: str, amounts: list[Amount], a: Amount) -> Amount | None:
    """The one amount of a bracket right after ``a`` that holds nothing else, in another
    money unit: "8,717,570.85元（约871.8万元）", "（合0.39亿元）". Such a bracket restates
    ``a`` in that unit; it names no part."""
    inside = _parts_in_bracket(text, amounts, a)
    if len(inside) != 1:
        return None
    b = inside[0]
    if b.match.quantity.unit == a.match.quantity.unit or not _RESTATING.search(text[a.match.end : b.match.start]):
        return None
    return b if re.match(r"\s*[)）]", text[b.match.end :]) else None


def _same_digits(b: Amount, a: Amount) -> bool:
    """The two print the same number (in different units): "1782.77元（约1782.77万元）"."""
    return b.match.quantity.approx.gap(a.match.quantity.approx) == 0


def _adds_up_in_its_unit(text: str, amounts: list[Amount], total: Amount, part: Amount) -> bool:
    """The bracket's parts add up to the total (in 万元 or 亿元) once ``part`` is read in the
    total's unit, and do not as printed: the proof that its 元 is a slip."""
    tq = total.match.quantity
    if tq.unit not in ("万元", "亿元"):
        return False
    parts = _parts_in_bracket(text, amounts, total)
    if part not in parts or len(parts) < 2:
        return False
    k = tq.scale
    printed = asum(b.match.quantity.approx.scale(b.match.quantity.scale / k) for b in parts)
    fixed = asum(b.match.quantity.approx if b is part else b.match.quantity.approx.scale(b.match.quantity.scale / k)
                 for b in parts)
    return compare(tq.approx, fixed).ok and not compare(tq.approx, printed).ok


def _head(a: Amount) -> str:
    return _LINKS.sub("", a.clause)


def _shared_ending(x: str, y: str) -> str:
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    return x[len(x) - n :]


@dataclass(frozen=True)
class UnitSlip:
    amount: Amount
    unit: str  # the unit it should have
    others: list[Amount]
    why: str  # "parts": a total below its part; "part": the parts add up only with it in 万元; "parallel"


def unit_slips(sentence: Sentence) -> list[UnitSlip]:
    """Amounts in 元 that the figures printed with them show to be in 万元 or 亿元."""
    text = normalize(sentence.text)
    amounts = _amounts(sentence)
    out = []
    for a in amounts:
        q = a.match.quantity
        if q.unit != "元" or not a.word or _per_unit(a, text) or not q.value or q.value <= 0:
            continue
        parts = [b for b in _parts_in_bracket(text, amounts, a) if b.match.quantity.unit in ("万元", "亿元")
                 and not _restates(b, a)]
        again = _restatement(text, amounts, a)
        if again is not None and not _same_digits(again, a):
            parts = []  # "（约871.8万元）" is the total again, rounded: no part of it, however it rounds
        if parts and a.base < max(b.base for b in parts):
            out.append(UnitSlip(a, parts[0].match.quantity.unit or "万元", parts, "parts"))
            continue
        total = _bracket_total(text, amounts, a)
        if total is not None and _adds_up_in_its_unit(text, amounts, total, a):
            out.append(UnitSlip(a, total.match.quantity.unit or "万元", [total], "part"))
            continue
        like = [b for b in amounts if b is not a and b.word == a.word and b.match.quantity.unit in ("万元", "亿元")
                and b.base > 0 and len(_shared_ending(_head(a), _head(b))) >= 3]
        if not like:
            continue
        units = {b.match.quantity.unit for b in like}
        if len(units) != 1:
            continue
        unit = units.pop()
        smallest = min(b.base for b in like)
        values = [b.match.quantity.value or Decimal(0) for b in like]
        # as 元 it is negligible beside them; in their unit it would sit among them
        if smallest / a.base >= MIN_RATIO and min(values) / 100 <= q.value <= max(values) * 100:
            out.append(UnitSlip(a, unit or "万元", like, "parallel"))
    return out


def _count_unit(name: str, money_unit: str) -> str:
    prefix = "亿" if money_unit.startswith("亿") else "万" if money_unit.startswith("万") else ""
    base = "人次" if "人次" in name else "人" if "人数" in name else "次"
    return prefix + base


@check("AL305", "unit-error", severity="error", zh="单位错误（计数用了金额单位，或金额单位与同类数字明显不符）", en="A wrong unit (a count in money, or an amount in the wrong unit)")
def unit_error(facts: Facts) -> Iterator[Finding]:
    """
    zh:
    两类单位错误：一是计数类指标（来电量、人数、次数、数量……，见知识库 data/indicators.yaml）的目标值或
    完成值用了金额单位（元、万元、亿元）；二是叙述中的金额单位明显写错：以“元”计的金额比同一句中同类金额
    （同样是“……支出”“……收入”）小一万倍以上，而把它换成同类金额的单位（万元、亿元）恰好与之相当，或者
    一个合计数按“元”计反而小于括号里以万元计的分项（括号里只是把合计数换算成万元、亿元并四舍五入的，
    如“8,717,570.85元（约871.8万元）”，按打印精度与合计数相符，是同一金额，不是分项）；或者以“元”计、精确到分的金额，与报告别处（正文或表格）
    同一名称下以万元、亿元计的金额数字完全相同（“追缴医保基金2,735.48元”，而评分表“追缴违规基金”完成值为
    2735.48万元）。人均、次均、标准、单价之类本来就小的金额不在此列。
    错误示例：来电量 目标值“＝100万元”；“大病基金支出13.45元，……救助基金支出1.29亿元”。
    正确示例：来电量 目标值“＝100万次”；“大病基金支出13.45亿元”。

    en:
    Two kinds of unit error. A count (calls, people, times, number of items …; see the
    knowledge base data/indicators.yaml) whose target or completion is in money (元, 万元,
    亿元). And an amount in the narrative whose unit is clearly wrong: in 元 it is more
    than ten thousand times smaller than a like amount in the same sentence (another
    "…支出" or "…收入") while in that amount's unit (万元, 亿元) it would sit right beside
    it, or a total in 元 is smaller than a part in brackets printed in 万元 (a bracket that
    restates the total in 万元 or 亿元, "8,717,570.85元（约871.8万元）", is the same amount
    rounded, whichever way it rounds, and is no part), or an amount
    in 元 to the cent has exactly the digits of an amount in 万元 or 亿元 printed under
    the same name elsewhere in the report ("追缴医保基金2,735.48元" while the scoring
    table's 追缴违规基金 completion is 2735.48万元). Per-head, per-visit, standard and unit
    amounts are small by nature and are not checked.
    Bad: 来电量 target "=100万元"; "大病基金支出13.45元，……救助基金支出1.29亿元".
    Good: 来电量 target "=100万次"; "大病基金支出13.45亿元".
    """
    kb = knowledge_base()
    for _key, row in indicator_rows(facts):
        if not kb.is_count(row.name):
            continue
        role = next((r for r in ("target", "actual") if getattr(row, r) is not None and getattr(row, r).is_money), None)
        if role is None or role not in row.cells:
            continue
        cell = row.cells[role]
        q = getattr(row, role)
        want = _count_unit(row.name, q.unit or "")
        shown = cell.text.strip()
        yield Finding(
            location=cell.location,
            message_zh=f"“{row.name}”是计数指标，{'目标值' if role == 'target' else '完成值'}“{shown}”却用了金额单位{q.unit}",
            message_en=f"“{row.name}” is a count, yet its {role} “{shown}” is in money ({q.unit})",
            evidence=Evidence(expression=f"unit of {row.name}", stated=shown, computed=want,
                              expression_zh=f"{row.name}的单位"),
            snippet=row_snippet(row),
            related=[Related(row.cells[r].location, cell_text(row, r)) for r in ("target", "actual") if r in row.cells and r != role],
            confidence=0.9,
            materiality=0.4,
            key=("count-in-money", row.name, shown),
        )
    seen: dict[str, int] = defaultdict(int)
    elsewhere = _large_amounts(facts)
    for passage in passages(facts.document):
        for sentence in sentences(passage):
            slips = unit_slips(sentence)
            for slip in slips:
                yield _slip_finding(sentence, slip, seen)
            flagged = {slip.amount.match.start for slip in slips}
            for a in _amounts(sentence):
                if a.match.start in flagged:
                    continue
                twin = _twin(sentence, a, elsewhere)
                if twin is not None:
                    yield _twin_finding(sentence, a, twin, seen)


def _lead(a: Amount) -> str:
    """The words before an amount, for messages: "大病基金支出"."""
    return re.sub(r"^[\d.]*年?度?", "", a.clause[-10:]).strip()


def _slip_finding(sentence: Sentence, slip: UnitSlip, seen: dict[str, int]) -> Finding:
    a = slip.amount
    q = a.match.quantity
    shown = sentence.text[a.match.start : a.match.end]
    phrase = _lead(a) + shown
    other = slip.others[0]
    other_shown = sentence.text[other.match.start : other.match.end]
    other_phrase = _lead(other) + other_shown
    seen[phrase] += 1
    if slip.why == "parts":
        zh = f"“{phrase}”按元计小于其分项“{other_phrase}”，单位应为{slip.unit}"
        en = f"“{phrase}” in 元 is smaller than its part “{other_phrase}”: the unit should be {slip.unit}"
        severity, confidence = Severity.ERROR, 0.9
    elif slip.why == "part":
        zh = f"分项“{phrase}”按{slip.unit}计，各分项之和才等于总数“{other_phrase}”，单位应为{slip.unit}"
        en = f"only with the part “{phrase}” in {slip.unit} do the parts add up to the total “{other_phrase}”: the unit should be {slip.unit}"
        severity, confidence = Severity.ERROR, 0.9
    else:
        ratio = other.base / a.base
        zh = f"“{phrase}”与同句“{other_phrase}”同为{a.word}，按元计仅为其 {fmt(ratio, 0)} 分之一，单位应为{slip.unit}"
        en = f"“{phrase}” is a {a.word} like “{other_phrase}” in the same sentence, yet in 元 it is 1/{fmt(ratio, 0)} of it: the unit should be {slip.unit}"
        severity, confidence = Severity.WARNING, 0.8
    return Finding(
        location=sentence.location_at(a.match.start),
        message_zh=zh,
        message_en=en,
        evidence=Evidence(expression=f"{fmt(q.value or Decimal(0))} 元 vs {other_shown}", stated=shown, computed=slip.unit,
                          operands=tuple((_lead(b), sentence.text[b.match.start : b.match.end]) for b in slip.others[:4])),
        snippet=sentence.text.strip()[:120],
        related=[Related(sentence.location_at(b.match.start), sentence.text[b.match.start : b.match.end]) for b in slip.others[:3]],
        confidence=confidence,
        materiality=0.6,
        key=("unit", phrase, str(seen[phrase])),
        severity=severity,
    )


# ---------------------------------------------------------------------------
# the same digits in 万元 elsewhere in the report


@dataclass(frozen=True)
class LargeAmount:
    """An amount printed in 万元 or 亿元 somewhere in the report, with the names it goes by."""

    quantity: Quantity
    names: tuple[str, ...]  # the words before it, or its row's labels
    location: Location
    shown: str
    label: str = ""  # the name it was matched by, for messages


def _name(words: str) -> str:
    return name_of(clean_subject(_LINKS.sub("", words)))


def _large_amounts(facts: Facts) -> list[LargeAmount]:
    """Every amount in 万元 or 亿元: in sentences (named by their clause) and in table
    cells (named by the row's text cells, read in the column's or table's unit when the
    cell prints none)."""
    out: list[LargeAmount] = []
    for block in facts.document.blocks:
        if isinstance(block, Paragraph):
            text = block.text
            for m in find_quantities(text):
                q = m.quantity
                if q.unit in ("万元", "亿元") and q.value is not None and not q.comparator:
                    words = re.split(r"[，,；;：:（(）)。、]", text[: m.start])[-1]
                    out.append(LargeAmount(q, (_name(words),), block.location_at(m.start), text[m.start : m.end]))
        elif isinstance(block, Table):
            for row in block.rows:
                names = tuple(_name(c.text) for c in row if re.search(r"[\u4e00-\u9fff]", c.text) and not re.search(r"\d", c.text))
                for c in row:
                    q = parse_quantity(c.text) if c.text.strip() else None
                    if q is not None and q.unit in ("万元", "亿元") and q.value is not None and not q.comparator:
                        out.append(LargeAmount(q, names, c.location, c.text.strip()))
    for ct in facts.tables:
        for row in ct.rows:
            for col in ct.columns:
                unit = col.unit or ct.unit
                q = row.values.get(col.role or "")
                if unit in ("万元", "亿元") and q is not None and q.value is not None and q.unit is None and row.label:
                    cell = row.cells[col.role or ""]
                    out.append(LargeAmount(Quantity(q.text, q.value, q.decimals, unit), (name_of(row.label),),
                                           cell.location, f"{cell.text.strip()}（{unit}）"))
    return out


def _same_subject(a: str, b: str) -> bool:
    """Two names of one thing: equal, one the end of the other, or the same first and
    last two characters ("追回医保基金" and "追回违规基金")."""
    if len(a) < 2 or len(b) < 2:
        return False
    return a == b or a.endswith(b) or b.endswith(a) or (a[:2] == b[:2] and a[-2:] == b[-2:])


def _twin(sentence: Sentence, a: Amount, elsewhere: list[LargeAmount]) -> LargeAmount | None:
    """The same digits, to the cent, printed in 万元 or 亿元 under the same name elsewhere:
    "追回医保基金1,862.37元" while the scoring table says 追回违规基金 1862.37万元."""
    q = a.match.quantity
    if q.unit != "元" or q.decimals < 2 or not q.value or q.value < 1 or _per_unit(a, normalize(sentence.text)):
        return None
    mine = _name(a.clause)
    if not re.search(r"[\u4e00-\u9fff]", mine):
        return None
    for other in elsewhere:
        o = other.quantity
        if o.value == q.value and o.decimals == q.decimals:
            name = next((n for n in other.names if _same_subject(mine, n)), None)
            if name is not None:
                return replace(other, label=name)
    return None


def _twin_finding(sentence: Sentence, a: Amount, twin: LargeAmount, seen: dict[str, int]) -> Finding:
    q = a.match.quantity
    shown = sentence.text[a.match.start : a.match.end]
    phrase = _lead(a) + shown
    seen[phrase] += 1
    unit = twin.quantity.unit or "万元"
    loc = twin.location
    where_zh = f"第 {loc.line} 行" if loc.line else f"表 {loc.table} " if loc.table else "报告另一处"
    where_en = f"line {loc.line}" if loc.line else f"table {loc.table}" if loc.table else "elsewhere in the report"
    other = f"{twin.label} {twin.shown}".strip()
    return Finding(
        location=sentence.location_at(a.match.start),
        message_zh=f"“{phrase}”与{where_zh}的“{other}”数字相同而单位不同：同一金额，单位应为{unit}",
        message_en=f"“{phrase}” has the same digits as “{other}” on {where_en}, in another unit: the same amount should be in {unit}",
        evidence=Evidence(expression=f"{fmt(q.value or Decimal(0), q.decimals)} 元 vs {twin.shown}", stated=shown, computed=unit,
                          operands=((_lead(a), shown), (twin.label, twin.shown))),
        snippet=sentence.text.strip()[:120],
        related=[Related(twin.location, other)],
        confidence=0.8,
        materiality=0.6,
        key=("unit-twin", phrase, str(seen[phrase])),
        severity=Severity.WARNING,
    )
