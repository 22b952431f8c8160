"""Building blocks of synthetic reports: budget tables, 三公 tables, share tables,
scoring tables with or without rules, and the invariants and mutation sites of each.

Amounts are drawn in 元 and printed in 万元 rounded half up, and totals are the
rounded true sums, so clean reports carry the rounding-only differences real ones
do (1782.77 printed against parts adding to 1782.76) and nothing else.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from corpusgen.synth.model import (
    AtMost,
    Bands,
    CellSpec,
    Change,
    Grid,
    InRange,
    Num,
    Ratio,
    Report,
    RuleMax,
    RuleScore,
    Same,
    Site,
    SumOf,
    Word,
    WordIs,
    cell,
    lines,
    rnd,
)

D0 = Decimal(0)
HUNDRED = Decimal(100)


def money(rng: random.Random, lo: float, hi: float) -> Decimal:
    """An amount in 万元 with 元 precision (4 decimals), printed with 2."""
    return Decimal(rng.randint(int(lo * 10000), int(hi * 10000))) / 10000


def amt(value: Decimal, name: str, unit: str = "") -> Num:
    return Num(value, 2, unit=unit, name=name)


def exact(value: Decimal | int | str, name: str, unit: str = "") -> Num:
    v = Decimal(value)
    places = max(0, -int(v.normalize().as_tuple().exponent))
    return Num(v, places, unit=unit, exact=True, name=name)


def delta_for(rng: random.Random, value: Decimal) -> Decimal:
    """A planted change: big enough to be a mistake, never rounding."""
    d = rnd(abs(value) * Decimal(rng.uniform(0.04, 0.2)), 2)
    return max(d, Decimal("1.00"))


def grade(score: Decimal) -> str:
    # the common four-level template: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60
    if score >= 90:
        return "优"
    if score >= 80:
        return "良"
    if score >= 60:
        return "中"
    return "差"


# ---------------------------------------------------------------------------
# Budget execution tables


@dataclass
class BRow:
    label: str
    serial: str = ""
    nums: dict[str, Num] = field(default_factory=dict)
    children: list[BRow] = field(default_factory=list)
    blank: bool = False  # a group title row with no numbers (一 部门预算)


def budget_row(rng: random.Random, label: str, roles: list[str], scale: tuple[float, float], serial: str = "",
               spend: tuple[float, float] = (0.9, 1.0)) -> BRow:
    initial = money(rng, *scale)
    add = money(rng, 0, float(initial) * 0.08) if rng.random() < 0.5 else D0
    cut = money(rng, 0, float(initial) * 0.1) if rng.random() < 0.6 else D0
    adjusted = initial + add - cut
    # a rate is over the adjusted budget when the table prints one, else over the budget
    base = adjusted if "adjusted" in roles else initial
    actual = rnd(base * Decimal(rng.uniform(*spend)), 4)
    prior = rnd(actual * Decimal(rng.uniform(0.7, 1.2)), 4)
    values = {"initial": initial, "add": add, "cut": cut, "adjusted": adjusted, "actual": actual, "prior": prior}
    row = BRow(label, serial)
    for role in roles:
        if role in values:
            row.nums[role] = amt(values[role], f"{label}/{role}")
    if "rate" in roles:
        row.nums["rate"] = Num(actual / base * 100, 2, unit="%", name=f"{label}/rate")
    return row


def rate_base(row: BRow) -> Num:
    return row.nums.get("adjusted") or row.nums["initial"]


def total_row(label: str, children: list[BRow], roles: list[str], serial: str = "") -> BRow:
    row = BRow(label, serial, children=children)
    for role in roles:
        if role == "rate":
            continue
        if all(role in c.nums for c in children):
            row.nums[role] = amt(sum((c.nums[role].value for c in children), D0), f"{label}/{role}")
    if "rate" in roles:
        row.nums["rate"] = Num(row.nums["actual"].value / rate_base(row).value * 100, 2, unit="%",
                               name=f"{label}/rate")
    return row


ROLE_ZH = {"initial": "年初预算数", "add": "追加", "cut": "扣减", "adjusted": "调整后预算数", "actual": "实际支出数",
           "prior": "上年决算数", "rate": "执行率", "share": "占总支出比例"}


def budget_invariants(report: Report, rows: list[BRow], table: str) -> None:
    """Totals (AL101), row identity (AL103), rates (AL201/AL303), signs (AL301)."""
    for row in rows:
        n = row.nums
        subject = f"{table}/{row.label}"
        if row.children:
            for role, num in n.items():
                if role in ("rate", "share"):  # shares have their own check (AL202)
                    continue
                parts = [(1, c.nums[role]) for c in row.children if role in c.nums]
                report.invariants.append(SumOf("AL101", num, f"{subject}/{ROLE_ZH[role]}", parts))
        if all(r in n for r in ("initial", "add", "cut", "adjusted")):
            report.invariants.append(SumOf("AL103", n["adjusted"], f"{subject}/{ROLE_ZH['adjusted']}",
                                           [(1, n["initial"]), (1, n["add"]), (-1, n["cut"])]))
        if "rate" in n:
            report.invariants.append(Ratio("AL201", n["rate"], f"{subject}/{ROLE_ZH['rate']}", n["actual"], rate_base(row)))
            report.invariants.append(InRange("AL303", n["rate"], f"{subject}/{ROLE_ZH['rate']}", D0, HUNDRED))
        for role, num in n.items():
            if role not in ("rate", "share"):
                report.invariants.append(InRange("AL301", num, f"{subject}/{ROLE_ZH[role]}", D0, None))


def budget_sites(report: Report, rng: random.Random, rows: list[BRow], table: str) -> None:
    parents = [r for r in rows if r.children]
    leaves = [r for r in rows if not r.children and not r.blank and r.nums]
    for p in parents:
        for role in ("actual", "adjusted"):
            if role in p.nums:
                num = p.nums[role]
                report.site("total", Site(num, "add", delta_for(rng, num.value), f"{table}: {p.label} {ROLE_ZH[role]}"))
    for leaf in leaves:
        for role in ("initial", "actual"):
            if role in leaf.nums:
                num = leaf.nums[role]
                report.site("part", Site(num, "add", delta_for(rng, num.value), f"{table}: {leaf.label} {ROLE_ZH[role]}"))
        if "rate" in leaf.nums:
            report.site("rate", Site(leaf.nums["rate"], "add", -Decimal(rng.randint(300, 900)) / 100,
                                     f"{table}: {leaf.label} 执行率"))
        if "prior" in leaf.nums:
            num = leaf.nums["prior"]
            report.site("prior-year", Site(num, "add", delta_for(rng, num.value), f"{table}: {leaf.label} 上年决算数"))
        if "actual" in leaf.nums:
            report.site("sign", Site(leaf.nums["actual"], "neg", D0, f"{table}: {leaf.label} 实际支出数 负号"))


def budget_grid(rows: list[BRow], header: list[list[str]], roles: list[str], serial: bool) -> Grid:
    out: list[list[CellSpec]] = [[cell(h) for h in hr] for hr in header]
    for row in rows:
        cells: list[CellSpec] = []
        if serial:
            cells.append(cell(row.serial))
        cells.append(cell(row.label))
        for role in roles:
            num = row.nums.get(role)
            cells.append(cell(num) if num is not None else cell(""))
        out.append(cells)
    return Grid(out)


# ---------------------------------------------------------------------------
# Scoring tables


@dataclass
class Indicator:
    l1: str
    l2: str
    l3: str
    weight: Num
    score: Num
    target: CellSpec
    actual: CellSpec
    actual_num: Num | None = None
    rule: CellSpec | None = None
    explain: str = ""
    bands: list[tuple[Num, Num]] = field(default_factory=list)
    band_points: list[Num] = field(default_factory=list)
    item_points: list[Num] = field(default_factory=list)


QUANT = {
    "预算执行率": ("≥", 95), "政府采购执行率": ("＝", 100), "绩效管理覆盖率": ("＝", 100), "资金到位率": ("＝", 100),
    "固定资产利用率": ("≥", 90), "药品网采率": ("≥", 90), "政策咨询办结率": ("≥", 98), "来电接通率": ("≥", 95),
    "投诉处理及时率": ("≥", 95), "参保群众满意度": ("≥", 90), "信息系统运行稳定率": ("≥", 99),
    "项目完成及时率": ("≥", 95), "培训覆盖率": ("≥", 90), "政策宣传覆盖率": ("≥", 90), "培训计划完成率": ("≥", 95), "服务对象满意度": ("≥", 85), "设备验收合格率": ("＝", 100),
}
QUAL = {
    "绩效目标合理性": "合理", "绩效指标明确性": "明确", "预算编制规范性": "规范", "预算编制科学性": "科学",
    "预算管理制度健全性": "健全", "资金使用合规性": "合规", "预决算信息公开度": "公开", "资产管理制度健全性": "健全",
    "资产管理规范性": "规范", "立项依据充分性": "充分", "立项程序规范性": "规范", "管理制度健全性": "健全",
    "制度执行有效性": "有效", "信息化建设情况": "完善", "工作机制完善性": "完善",
}


def spread_weights(rng: random.Random, n: int, total: int) -> list[int]:
    """n whole-number weights between 1 and 8 adding up to ``total``."""
    w = [max(1, min(8, total // n)) for _ in range(n)]
    while sum(w) != total:
        i = rng.randrange(n)
        if sum(w) < total and w[i] < 8:
            w[i] += 1
        elif sum(w) > total and w[i] > 1:
            w[i] -= 1
    return w


def make_indicators(rng: random.Random, tree: dict[str, dict[str, list[str]]], total: int, rules: bool) -> list[Indicator]:
    flat = [(l1, l2, l3) for l1, groups in tree.items() for l2, names in groups.items() for l3 in names]
    weights = spread_weights(rng, len(flat), total)
    out: list[Indicator] = []
    misses = set(rng.sample(range(len(flat)), k=min(2, len(flat))))
    for i, ((l1, l2, l3), w) in enumerate(zip(flat, weights)):
        weight = exact(w, f"{l3}/权重")
        if l3 in QUANT:
            out.append(_quant(rng, l1, l2, l3, weight, i in misses, rules))
        else:
            out.append(_qual(rng, l1, l2, l3, weight, rules))
    return out


def _quant(rng: random.Random, l1: str, l2: str, l3: str, weight: Num, miss: bool, rules: bool) -> Indicator:
    cmp, t = QUANT[l3]
    w = weight.value
    target = cell(f"{cmp}{t}%")
    if not rules:
        # without a printed rule, a missed target loses one point
        actual_v = Decimal(rng.randint(t * 100 - 600, t * 100 - 50)) / 100 if miss and t > 80 else Decimal(
            rng.randint(t * 100, 10000)) / 100
        missed = actual_v < t
        score = exact(w - 1 if missed and w > 1 else w, f"{l3}/得分")
        actual = Num(actual_v, 2, unit="%", name=f"{l3}/完成值")
        return Indicator(l1, l2, l3, weight, score, target, cell(actual), actual)
    # banded rule: best band [t, 100], then two ten-point bands below it
    top = min(t, 90)
    b = [(top, 100), (top - 10, top - 1), (top - 20, top - 11)]
    pts = [w, rnd(w * Decimal("0.6"), 0) if w >= 2 else Decimal("0.5"), rnd(w * Decimal("0.3"), 0) or Decimal("0.5")]
    if pts[1] >= w:
        pts[1] = w - Decimal("0.5")
    if pts[2] >= pts[1]:
        pts[2] = pts[1] / 2
    bounds = [(exact(lo, f"{l3}/档下限"), exact(hi, f"{l3}/档上限")) for lo, hi in b]
    points = [exact(p, f"{l3}/档分值") for p in pts]
    band = 1 if miss else 0
    lo, hi = b[band]
    actual_v = Decimal(rng.randint(max(lo, t if band == 0 else lo) * 100, hi * 100)) / 100
    actual = Num(actual_v, 2, unit="%", name=f"{l3}/完成值")
    score = exact(pts[band], f"{l3}/得分")
    rule: list[object] = []
    for (blo, bhi), p in zip(bounds, points):
        rule += [blo, "%-", bhi, "%得", p, "分；"]
    rule += [f"{b[-1][0]}%以下不得分。"]
    spec = cell(*rule)  # type: ignore[arg-type]
    return Indicator(l1, l2, l3, weight, score, target, cell(actual), actual, spec, bands=bounds, band_points=points)


def _qual(rng: random.Random, l1: str, l2: str, l3: str, weight: Num, rules: bool) -> Indicator:
    word = QUAL.get(l3, "完成")
    score = exact(weight.value, f"{l3}/得分")
    if not rules:
        return Indicator(l1, l2, l3, weight, score, cell(word), cell(word))
    w = weight.value
    if w >= 2 and rng.random() < 0.7:
        n = 2 if w < 4 else rng.choice([2, 4]) if w % 4 == 0 else 2
        each = w / n
        items = [exact(each, f"{l3}/第{k + 1}项分值") for k in range(n)]
        short = l3[:-1] if len(l3) > 3 else l3
        item_lines: list[list[object]] = [[f"共{n}项："]]
        for k, p in enumerate(items):
            item_lines.append([f"{k + 1}.{short}第{k + 1}项要求达到的，得", p, "分；未达到的，不得分。"])
        spec = lines(*item_lines)  # type: ignore[arg-type]
        return Indicator(l1, l2, l3, weight, score, cell(word), cell(f"{word}，全部达到"), rule=spec, item_points=items)
    p = exact(w, f"{l3}/分值")
    spec = cell(f"{l3}{word}的，得", p, "分；否则不得分。")
    return Indicator(l1, l2, l3, weight, score, cell(word), cell(word), rule=spec, item_points=[p])


def scoring_invariants(report: Report, inds: list[Indicator], total_w: Num | None, total_s: Num | None,
                       groups: dict[str, Num]) -> None:
    for ind in inds:
        report.invariants.append(AtMost("AL401", ind.score, f"{ind.l3}/得分", ind.weight))
        if ind.item_points:
            report.invariants.append(RuleMax("AL402", ind.item_points[0], f"{ind.l3}/评分标准", ind.item_points, True,
                                             ind.weight))
        if ind.band_points:
            report.invariants.append(RuleMax("AL402", ind.band_points[0], f"{ind.l3}/评分标准", ind.band_points, False,
                                             ind.weight))
            report.invariants.append(Bands("AL408", ind.bands[1][1], f"{ind.l3}/评分标准", ind.bands))
            if ind.actual_num is not None:
                report.invariants.append(RuleScore("AL403", ind.score, f"{ind.l3}/得分", ind.actual_num, ind.bands,
                                                   ind.band_points, ind.weight))
    if total_w is not None:
        report.invariants.append(SumOf("AL406", total_w, "权重合计", [(1, i.weight) for i in inds]))
    if total_s is not None:
        report.invariants.append(SumOf("AL407", total_s, "得分合计", [(1, i.score) for i in inds]))
    for name, num in groups.items():
        members = [(1, i.weight) for i in inds if name in (i.l1, i.l2)]
        report.invariants.append(SumOf("AL104", num, f"{name}/权重", members))


def scoring_sites(report: Report, rng: random.Random, inds: list[Indicator]) -> None:
    for ind in inds:
        report.site("weight", Site(ind.weight, "add", Decimal(1), f"{ind.l3} 权重"))
        if ind.score.value >= 1:
            report.site("score", Site(ind.score, "add", Decimal(-1), f"{ind.l3} 得分"))
        if len(ind.item_points) > 1:
            # a rule that promises more than the weight ("得4分" on a weight-3 indicator)
            report.site("rule-points", Site(ind.item_points[-1], "add", Decimal(1), f"{ind.l3} 评分标准分值"))
        if ind.band_points:
            report.site("rule-points", Site(ind.band_points[0], "add", Decimal(1), f"{ind.l3} 最高档分值"))
            report.site("band", Site(ind.bands[1][1], "add", Decimal(-4), f"{ind.l3} 第二档上限（留出空档）"))
            report.site("band", Site(ind.bands[2][1], "add", Decimal(5), f"{ind.l3} 第三档上限（与上一档重叠）"))


def inline_weight(label: str, num: Num) -> CellSpec:
    return cell(f"{label}（", num, "分）")


def group_weights(inds: list[Indicator], level: str) -> dict[str, Num]:
    out: dict[str, Num] = {}
    for ind in inds:
        key = getattr(ind, level)
        if key not in out:
            out[key] = exact(0, f"{key}/权重")
        out[key].value += ind.weight.value
    return out


def score_statement(report: Report, total: Num, lead: str, grade_lead: str = "，等级为") -> list[object]:
    """ "……自评得分为98分，等级为优。" with its AL407 (vs the table) and AL410 invariants."""
    s = exact(total.value, "叙述总得分")
    g = Word(grade(total.value), "等级")
    report.invariants.append(Same("AL407", s, "叙述总得分", total))
    report.invariants.append(WordIs("AL410", g, "等级", lambda: grade(s.value)))
    report.site("narrative", Site(s, "add", Decimal(-3), "叙述中的总得分"))
    return [lead, s, "分", grade_lead, g, "。"]


def change_sentence(report: Report, rng: random.Random, what: str, this: Num, prior: Num) -> list[object]:
    """ "……支出X万元，比上年增加d万元。" with AL503 (X vs the table) and AL204."""
    x = amt(this.value, f"叙述/{what}", "万元")
    diff = rnd(this.value, 2) - rnd(prior.value, 2)
    word = Word("增加" if diff >= 0 else "减少")
    d = amt(abs(diff), f"叙述/{what}/变动", "万元")
    report.invariants.append(Same("AL503", x, f"叙述/{what}", this))
    # the sentence's own figure for this year is what its change is taken from; a table
    # that disagrees with that figure is AL503's to report, not a wrong change
    report.invariants.append(Change("AL204", d, f"叙述/{what}/比上年", x, prior, word))
    report.site("narrative", Site(d, "add", delta_for(rng, d.value) if d.value else Decimal("1.00"), f"叙述：{what}比上年变动"))
    return [f"{what}支出", x, "，比上年", word, d, "。"]


def parts_sentence(report: Report, rng: random.Random, lead: str, total: Num, parts: list[tuple[str, Num]]) -> list[object]:
    """ "本年支出T万元（基本支出A万元，项目支出B万元）" with AL102 and AL503 invariants."""
    t = amt(total.value, f"叙述/{lead}", "万元")
    ps = [(name, amt(n.value, f"叙述/{name}", "万元"), n) for name, n in parts]
    report.invariants.append(SumOf("AL102", t, f"叙述/{lead}", [(1, p) for _, p, _ in ps]))
    report.invariants.append(Same("AL503", t, f"叙述/{lead}", total))
    for name, p, src in ps:
        report.invariants.append(Same("AL503", p, f"叙述/{name}", src))
    name, p, _ = ps[rng.randrange(len(ps))]
    report.site("narrative", Site(p, "add", delta_for(rng, p.value), f"叙述：{name}"))
    report.site("unit", Site(t, "unit", "元", f"叙述：{lead} 单位万元误作元"))
    report.invariants.append(UnitIsWan(t))
    out: list[object] = [lead, t, "（"]
    for k, (name, p, _) in enumerate(ps):
        out += (["，"] if k else []) + [name, p]
    return out + ["）"]


def UnitIsWan(num: Num):  # noqa: N802 - reads as a constructor
    from corpusgen.synth.model import UnitIs

    return UnitIs("AL305", num, num.name, "万元")
