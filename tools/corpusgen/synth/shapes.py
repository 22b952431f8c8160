"""The five report shapes of DESIGN.md §2, each a seeded, deterministic generator.

Every shape is internally consistent: its invariants all hold (``generate`` asserts
it), up to the rounding real reports show.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from corpusgen.synth.model import Grid, Num, Para, Ratio, Report, Same, Site, SumOf, Word, WordIs, cell, rnd
from corpusgen.synth.parts import (
    BRow,
    Indicator,
    amt,
    budget_grid,
    budget_invariants,
    budget_row,
    budget_sites,
    change_sentence,
    delta_for,
    exact,
    group_weights,
    inline_weight,
    make_indicators,
    parts_sentence,
    score_statement,
    scoring_invariants,
    scoring_sites,
    total_row,
)

UNITS = ["医疗保障综合服务中心", "数据管理中心", "政务服务中心", "公共资源交易中心", "档案馆", "信息中心"]
CITIES = ["南京市", "苏州市", "无锡市", "常州市", "广州市", "佛山市", "东莞市"]
PROJECTS = ["信息系统运维", "业务培训", "宣传经费", "专项调研", "大型修缮", "党团活动经费", "设备购置", "档案数字化",
            "课题研究", "网络安全保障", "服务热线运营", "政策宣传"]

DEPT_TREE = {
    "决策": {"目标设定": ["绩效目标合理性", "绩效指标明确性"], "预算编制": ["预算编制规范性", "预算编制科学性"]},
    "过程": {"预算执行": ["政府采购执行率", "培训计划完成率"], "预算管理": ["预算管理制度健全性", "资金使用合规性", "预决算信息公开度"],
           "资产管理": ["资产管理制度健全性", "固定资产利用率"]},
    "履职": {"工作任务": ["药品网采率", "政策咨询办结率", "来电接通率"], "工作质量": ["投诉处理及时率", "信息系统运行稳定率"]},
    "效益": {"社会效益": ["工作机制完善性", "信息化建设情况"]},
    "满意度": {"满意度": ["参保群众满意度"]},
}
PROJECT_TREE = {
    "决策": {"项目立项": ["立项依据充分性", "立项程序规范性"], "绩效目标": ["绩效目标合理性", "绩效指标明确性"]},
    "过程": {"资金管理": ["政策宣传覆盖率", "资金使用合规性"], "组织实施": ["管理制度健全性", "制度执行有效性"]},
    "产出": {"产出数量": ["培训覆盖率", "设备验收合格率"], "产出时效": ["项目完成及时率"]},
    "效益": {"社会效益": ["工作机制完善性"], "满意度": ["服务对象满意度"]},
}


def _year(rng: random.Random) -> int:
    return rng.choice([2022, 2023, 2024])


def _scoring_grid(inds: list[Indicator], header: list[str], columns: list[str], l1_w: dict[str, Num] | None,
                  l2_w: dict[str, Num] | None, total_w: Num, total_s: Num) -> Grid:
    rows = [[cell(h) for h in header]]
    seen1: set[str] = set()
    seen2: set[tuple[str, str]] = set()
    for ind in inds:
        r = []
        first1 = ind.l1 not in seen1
        first2 = (ind.l1, ind.l2) not in seen2
        seen1.add(ind.l1)
        seen2.add((ind.l1, ind.l2))
        r.append((inline_weight(ind.l1, l1_w[ind.l1]) if l1_w else cell(ind.l1)) if first1 else cell(""))
        r.append((inline_weight(ind.l2, l2_w[ind.l2]) if l2_w else cell(ind.l2)) if first2 else cell(""))
        for c in columns:
            r.append({"l3": cell(ind.l3), "target": ind.target, "weight": cell(ind.weight), "actual": ind.actual,
                      "score": cell(ind.score), "rule": ind.rule or cell(""),
                      "explain": cell(ind.explain)}[c])
        rows.append(r)
    total = [cell("合计"), cell("")]
    for c in columns:
        total.append(cell(total_w) if c == "weight" else cell(total_s) if c == "score" else cell(""))
    rows.append(total)
    return Grid(rows)


def _totals(inds: list[Indicator]) -> tuple[Num, Num]:
    return (exact(sum(i.weight.value for i in inds), "权重合计"), exact(sum(i.score.value for i in inds), "得分合计"))


# ---------------------------------------------------------------------------


def jiangsu_department(seed: int) -> Report:
    """A department's whole-spending self-evaluation: narrative with totals and
    year-on-year sentences, a budget table with 追加/扣减, a spending-structure table
    with shares, a 三公 table and a scoring table with inline group weights."""
    rng = random.Random(seed)
    year = _year(rng)
    unit = rng.choice(UNITS)
    rep = Report("jiangsu-department", seed, f"{rng.choice(CITIES[:4])}{unit}{year}年度部门整体绩效自评价报告")
    roles = ["initial", "add", "cut", "adjusted", "actual", "prior"]
    basic = budget_row(rng, "基本支出", roles, (300, 900), "（一）")
    proj = budget_row(rng, "项目支出", roles, (200, 1200), "（二）", spend=(0.85, 1.0))
    group = BRow("部门预算", "一", blank=True)
    total = total_row("合计", [basic, proj], roles)
    rows = [group, basic, proj, total]
    budget_invariants(rep, rows, "预算执行表")
    budget_sites(rep, rng, rows, "预算执行表")

    # spending structure: 人员经费 + 公用经费 = 基本支出, shares of the total
    staff_v = rnd(basic.nums["actual"].value * Decimal(rng.uniform(0.6, 0.85)), 4)
    parts = [("人员经费", staff_v), ("公用经费", basic.nums["actual"].value - staff_v), ("项目支出", proj.nums["actual"].value)]
    srows = [BRow(n, nums={"actual": amt(v, f"{n}/支出结构")}) for n, v in parts]
    stotal = total_row("合计", srows, ["actual"])
    tv = stotal.nums["actual"].value
    for r in srows:
        r.nums["share"] = Num(r.nums["actual"].value / tv * 100, 2, unit="%", name=f"{r.label}/占比")
    stotal.nums["share"] = Num(Decimal(100), 2, unit="%", name="合计/占比")
    budget_invariants(rep, [*srows, stotal], "支出结构表")
    for r in srows:
        rep.invariants.append(Ratio("AL203", r.nums["share"], f"支出结构表/{r.label}/占比", r.nums["actual"], stotal.nums["actual"]))
        rep.site("share", Site(r.nums["share"], "add", Decimal(rng.randint(200, 800)) / 100, f"支出结构表：{r.label} 占比"))
    rep.invariants.append(SumOf("AL202", stotal.nums["share"], "支出结构表/合计/占比", [(1, r.nums["share"]) for r in srows]))
    rep.invariants.append(Same("AL503", stotal.nums["actual"], "支出结构表/合计", total.nums["actual"]))
    rep.invariants.append(Same("AL503", srows[2].nums["actual"], "支出结构表/项目支出", proj.nums["actual"]))

    sroles = ["initial", "actual", "rate", "prior"]
    sg = [budget_row(rng, n, sroles, sc, spend=(0.5, 1.0)) for n, sc in
          [("因公出国（境）费", (1, 8)), ("公务用车运行维护费", (2, 12)), ("公务接待费", (0.5, 4))]]
    sgt = total_row("合计", sg, sroles)
    budget_invariants(rep, [*sg, sgt], "三公经费表")
    budget_sites(rep, rng, [*sg, sgt], "三公经费表")

    inds = make_indicators(rng, DEPT_TREE, 100, rules=False)
    l2w = group_weights(inds, "l2")
    tw, ts = _totals(inds)
    scoring_invariants(rep, inds, tw, ts, l2w)
    scoring_sites(rep, rng, inds)

    rep.add(
        Para(["一、单位概况"]),
        Para([f"本单位为{unit}，公益一类事业单位，主要承担业务经办、信息系统运行维护和政策咨询服务等工作。"]),
        Para(["二、收支情况"]),
        Para([f"{year}年度", *parts_sentence(rep, rng, "本年支出", total.nums["actual"],
                                            [("基本支出", basic.nums["actual"]), ("项目支出", proj.nums["actual"])]), "。"]),
        Para(["表1 预算执行情况（单位：万元）"]),
        budget_grid(rows, [["序号", "单位及项目", "预算资金", "", "", "合计", "实际执行数", "上年决算执行数"],
                           ["", "", "预算数", "追加", "扣减", "", "", ""]], roles, serial=True),
        Para(["表2 支出结构（单位：万元）"]),
        budget_grid([*srows, stotal], [["项目", "实际支出数", "占总支出比例"]], ["actual", "share"], serial=False),
        Para(["三、“三公”经费支出情况"]),
        Para([f"{year}年度", *change_sentence(rep, rng, "“三公”经费", sgt.nums["actual"], sgt.nums["prior"])]),
        budget_grid([*sg, sgt], [["项目", "预算数", "实际执行数", "执行进度", "上年决算数"]], sroles, serial=False),
        Para(["四、绩效自评情况"]),
        Para(score_statement(rep, ts, f"{year}年度中心绩效评价自评得分为")),
        Para(["附件：部门整体绩效评价指标体系得分情况"]),
        _scoring_grid(inds, ["一级指标", "二级指标", "三级指标", "全年指标值", "权重", "指标值完成情况", "自评得分"],
                      ["l3", "target", "weight", "actual", "score"], None, l2w, tw, ts),
    )
    return rep


def nanjing_rules(seed: int) -> Report:
    """A scoring table whose rows carry a 评分标准 column (additive items, bands,
    single-condition rules) and a stated actual for every indicator."""
    rng = random.Random(seed)
    year = _year(rng)
    rep = Report("nanjing-rules", seed, f"{rng.choice(CITIES[:4])}医疗保障局{year}年度部门整体支出绩效自评报告")
    inds = make_indicators(rng, DEPT_TREE, 100, rules=True)
    tw, ts = _totals(inds)
    scoring_invariants(rep, inds, tw, ts, {})
    scoring_sites(rep, rng, inds)
    rep.add(
        Para(["一、部门基本情况"]),
        Para([f"{year}年度，我局围绕医疗保障重点工作，完成年度绩效目标。"]),
        Para(["二、绩效自评结论"]),
        Para(score_statement(rep, ts, "经自评，综合得分", "，评价等级为")),
        Para(["附件：部门整体支出绩效自评指标评分表"]),
        _scoring_grid(inds, ["一级指标", "二级指标", "三级指标", "指标值", "分值", "评分标准", "指标完成情况", "得分"],
                      ["l3", "target", "weight", "rule", "actual", "score"], None, None, tw, ts),
    )
    return rep


def suzhou_projects(seed: int) -> Report:
    """A budget table printed total-first (预算总金额, 基本支出, 项目支出, then the
    projects, unlabelled) and a 自评表 with 偏差 and 完成值来源 columns."""
    rng = random.Random(seed)
    year = _year(rng)
    rep = Report("suzhou-projects", seed, f"{rng.choice(CITIES[:4])}{rng.choice(UNITS)}{year}年度部门整体支出绩效自评报告")
    roles = ["initial", "adjusted", "actual", "rate"]
    basic = budget_row(rng, "基本支出", roles, (500, 2500))
    projects = [budget_row(rng, n, roles, (5, 300), spend=(0.8, 1.0)) for n in rng.sample(PROJECTS, rng.randint(4, 7))]
    proj = total_row("项目支出", projects, roles)
    total = total_row("预算总金额", [basic, proj], roles)
    rows = [total, basic, proj, *projects]
    budget_invariants(rep, rows, "预算执行表")
    budget_sites(rep, rng, rows, "预算执行表")

    claim = Num(total.nums["actual"].value / total.nums["adjusted"].value * 100, 2, unit="%", name="预算执行率/完成值")
    rep.invariants.append(Ratio("AL501", claim, "预算执行率/完成值", total.nums["actual"], total.nums["adjusted"]))
    hundred = exact(100, "目标值")
    dev = Num(rnd(claim.value, 2) - 100, 2, unit="%", name="预算执行率/偏差")
    rep.invariants.append(SumOf("AL205", dev, "预算执行率/偏差", [(1, claim), (-1, hundred)]))
    rep.site("rate", Site(claim, "add", Decimal(rng.randint(150, 600)) / 100 * -1, "自评表：预算执行率完成值"))
    src_text = f"{year}年度部门决算报告"
    sources = []
    for name in ("预算执行率", "资金使用合规性", "预决算信息公开度"):
        w = Word(src_text, f"{name}/完成值来源")
        rep.invariants.append(WordIs("AL505", w, f"{name}/完成值来源", src_text))
        rep.site("year", Site(w, "text", f"{year - 1}年度部门决算报告", f"自评表：{name} 完成值来源年份"))
        sources.append(w)
    # execution falls short of its ＝100% target, and the table says why, as a 自评表 should
    grid = Grid([
        [cell(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差情况", "完成值来源", "原因分析")],
        [cell("过程"), cell("预算执行"), cell("预算执行率"), cell("＝", hundred, "%"), cell(claim), cell(dev), cell(sources[0]),
         cell("部分项目按实际进度支付，年末有结余")],
        [cell(""), cell("预算管理"), cell("资金使用合规性"), cell("合规"), cell("合规"), cell("无偏差"), cell(sources[1]), cell("")],
        [cell(""), cell(""), cell("预决算信息公开度"), cell("公开"), cell("公开"), cell("无偏差"), cell(sources[2]), cell("")],
    ])
    adj = amt(total.nums["adjusted"].value, "叙述/调整预算数", "万元")
    act = amt(total.nums["actual"].value, "叙述/实际支出", "万元")
    rep.invariants.append(Same("AL503", adj, "叙述/调整预算数", total.nums["adjusted"]))
    rep.invariants.append(Same("AL503", act, "叙述/实际支出", total.nums["actual"]))
    rep.site("narrative", Site(act, "add", delta_for(rng, act.value), "叙述：实际支出"))
    rep.add(
        Para(["一、部门基本情况"]),
        Para([f"{year}年度，本部门调整预算数", adj, "，实际支出", act, "。"]),
        Para(["二、预算执行情况"]),
        Para(["表1 部门预算执行情况（单位：万元）"]),
        budget_grid(rows, [["项目", "年初预算数", "调整预算数", "实际支出数", "执行率"]], roles, serial=False),
        Para(["三、部门整体支出绩效自评表"]),
        grid,
    )
    return rep


def guangdong_department(seed: int) -> Report:
    """A Guangdong-style 整体支出绩效自评: a small spending table and a 指标评分表
    whose rows carry 指标解释 and 评分标准, first-level weights inline."""
    rng = random.Random(seed)
    year = _year(rng)
    rep = Report("guangdong-department", seed, f"{rng.choice(CITIES[4:])}{rng.choice(UNITS)}{year}年度部门整体支出绩效自评报告")
    roles = ["initial", "adjusted", "actual", "rate"]
    basic = budget_row(rng, "基本支出", roles, (200, 1500))
    proj = budget_row(rng, "项目支出", roles, (100, 900), spend=(0.8, 1.0))
    total = total_row("合计", [basic, proj], roles)
    budget_invariants(rep, [basic, proj, total], "整体支出表")
    budget_sites(rep, rng, [basic, proj, total], "整体支出表")
    inds = make_indicators(rng, PROJECT_TREE, 100, rules=True)
    for ind in inds:
        ind.explain = f"反映{ind.l3}情况。"
        ind.actual_num = None  # this template prints no actual beside the score: AL403 cannot apply
    l1w = group_weights(inds, "l1")
    tw, ts = _totals(inds)
    scoring_invariants(rep, inds, tw, ts, l1w)
    scoring_sites(rep, rng, inds)
    rep.add(
        Para(["一、部门基本情况"]),
        Para([f"{year}年度部门整体支出情况如下表。"]),
        Para(["表1 整体支出情况（单位：万元）"]),
        budget_grid([basic, proj, total], [["项目", "年初预算数", "全年预算数", "决算数", "执行率"]], roles, serial=False),
        Para(["二、自评结论"]),
        Para(score_statement(rep, ts, "经自评，我单位整体绩效自评得分", "，自评等级为")),
        Para(["附件：指标评分表"]),
        _scoring_grid(inds, ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "自评得分"],
                      ["l3", "weight", "explain", "rule", "score"], l1w, None, tw, ts),
    )
    return rep


def project_evaluation(seed: int) -> Report:
    """A 项目支出绩效评价报告: funding narrative with rates, a three-level indicator
    system with banded rules, and a narrative analysis of every indicator's score."""
    rng = random.Random(seed)
    year = _year(rng)
    name = rng.choice(PROJECTS)
    rep = Report("project-evaluation", seed, f"{rng.choice(CITIES)}{year}年度{name}项目支出绩效评价报告")
    budget = amt(Decimal(rng.randint(500000, 9000000)) / 10000, "项目总预算", "万元")
    arrived = amt(budget.value, "到位资金", "万元")
    spent = amt(rnd(arrived.value * Decimal(rng.uniform(0.85, 0.99)), 4), "实际支出", "万元")
    r_arr = Num(rnd(arrived.value, 2) / rnd(budget.value, 2) * 100, 2, unit="%", name="资金到位率")
    r_exe = Num(rnd(spent.value, 2) / rnd(arrived.value, 2) * 100, 2, unit="%", name="预算执行率")
    rep.invariants.append(Ratio("AL201", r_arr, "资金到位率", arrived, budget))
    rep.invariants.append(Ratio("AL201", r_exe, "预算执行率", spent, arrived))
    rep.site("rate", Site(r_exe, "add", -Decimal(rng.randint(300, 900)) / 100, "叙述：预算执行率"))
    inds = make_indicators(rng, PROJECT_TREE, 100, rules=True)
    l1w = group_weights(inds, "l1")
    tw, ts = _totals(inds)
    scoring_invariants(rep, inds, tw, ts, l1w)
    scoring_sites(rep, rng, inds)
    rep.add(
        Para(["一、项目基本情况"]),
        Para([f"{name}项目总预算", budget, "，实际到位资金", arrived, "，资金到位率", r_arr, "；实际支出", spent,
              "，预算执行率", r_exe, "。"]),
        Para(["二、评价指标体系及得分情况"]),
        _scoring_grid(inds, ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "实际完成情况", "得分"],
                      ["l3", "weight", "rule", "actual", "score"], l1w, None, tw, ts),
        Para(["三、评价结论"]),
        Para(score_statement(rep, ts, "经综合评价，该项目绩效评价得分", "，评价等级为")),
        Para(["四、绩效指标分析"]),
    )
    for k, ind in enumerate(inds, 1):
        w = exact(ind.weight.value, f"{ind.l3}/叙述分值")
        s = exact(ind.score.value, f"{ind.l3}/叙述得分")
        s2 = exact(ind.score.value, f"{ind.l3}/叙述结论得分")
        rep.invariants.append(Same("AL409", w, f"{ind.l3}/叙述分值", ind.weight))
        rep.invariants.append(Same("AL409", s, f"{ind.l3}/叙述得分", ind.score))
        rep.invariants.append(Same("AL409", s2, f"{ind.l3}/叙述结论得分", s))
        if s2.value >= 1:
            rep.site("narrative", Site(s2, "add", Decimal(-1), f"叙述：{ind.l3} 结论得分"))
        done = ind.actual_num.render() if ind.actual_num else "达到要求"
        rep.add(Para([f"（{k}）{ind.l3}（分值", w, "分，得分", s, f"分）：实际完成情况为{done}，根据评分标准得", s2, "分。"]))
    return rep


SHAPES: dict[str, Callable[[int], Report]] = {
    "jiangsu-department": jiangsu_department,
    "nanjing-rules": nanjing_rules,
    "suzhou-projects": suzhou_projects,
    "guangdong-department": guangdong_department,
    "project-evaluation": project_evaluation,
}
