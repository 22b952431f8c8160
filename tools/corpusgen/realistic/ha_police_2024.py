"""A Henan county public security bureau: 部门整体支出绩效自评报告 (2024), row-per-line
text and PDF.

Varies: a people table with 编制内小计 followed by 警务辅助人员 (a control number, not
编制, outside the subtotal); a spending table with a two-row header (预算调整 over 调增 /
调减) whose 基本支出 items are indented with full-width spaces and carry no serial or
其中; a 三公 table with 执行率 and 同比增减率 columns, "—" where the base is 0, a car
purchase last year and none this year (-100.00%); a 自评表 with "≤3个工作日",
"≤10分钟", "≤380万元", "同比下降", "同比下降≥20%", a proportional score (4.94) and a
budget-execution row scored against "≥95%"; narrative with 同比, 环比, "由16人降至14人",
counts of equipment, 截至 dates."""

from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, q, s, signed, th, wan

NAME = "ha-police-2024"
FORMATS = ("txt", "pdf")

# (label, 年初, 调增, 调减, 实际) 元
BASIC = [("　　人员经费", 98640000, 2318500, 0, "100783426.18"),
         ("　　公用经费", 11250000, 0, 384000, "10802317.45")]
PROJ = [("1.警务辅助人员经费", 23880000, 1650000, 0, "25398712.00"),
        ("2.执法办案经费", 4200000, 350000, 0, "4486309.72"),
        ("3.天网工程运维", 6800000, 0, 420000, "6204815.30"),
        ("4.交通管理设施运维", 3150000, 0, 0, "3032664.90"),
        ("5.禁毒专项经费", 860000, 0, 0, "842150.00"),
        ("6.警用装备购置", 3800000, 0, 0, "3764800.00"),
        ("7.看守所运转经费", 2460000, 180000, 0, "2581306.55")]
# 三公 (label, 预算, 决算, 上年) 元
CAR_BUY = ("公务用车购置费", 0, "0", "648000.00")
CAR_RUN = ("公务用车运行维护费", 1860000, "1793506.40", "1836218.75")
ABROAD = ("因公出国（境）费", 0, "0", "0")
RECEP = ("公务接待费", 60000, "31780.00", "40512.00")
PEOPLE = [("民警（政法专项编制）", 312, 305, 309), ("工勤人员（工勤编制）", 6, 6, 6)]
AUX = ("警务辅助人员（控制数）", 420, 398, 386)


def adj(x):
    return D(x[1]) + D(x[2]) - D(x[3])


def build() -> Report:
    r = Report(style="row", title="伏牛县公安局2024年度部门整体支出绩效自评报告")
    lines = BASIC + PROJ
    y0 = sum(D(x[1]) for x in lines)
    up = sum(D(x[2]) for x in lines)
    down = sum(D(x[3]) for x in lines)
    ya = sum(adj(x) for x in lines)
    act = sum(D(x[4]) for x in lines)
    rate = q(act / ya * 100)
    posts = sum(x[1] for x in PEOPLE)
    staff = sum(x[2] for x in PEOPLE)
    staff_p = sum(x[3] for x in PEOPLE)

    r.p(C("伏牛县公安局"), C("2024年度部门整体支出绩效自评报告"), "")
    r.p("一、部门概况",
        "（一）部门职能",
        "伏牛县公安局是县人民政府主管全县公安工作的职能部门，主要负责预防、制止和侦查违法犯罪活动，维护社会治安秩序，"
        "管理交通、消防、危险物品，管理户政、国籍、入境出境事务，监督管理计算机信息系统的安全保护工作等。",
        "（二）机构和人员",
        f"局机关内设科室16个，下设派出所14个、交通警察大队1个、看守所1个。截至2024年12月31日，编制内实有人员"
        f"{staff}人，核定编制{posts}名，在职人员控制率{pct(staff, posts)}；警务辅助人员控制数{AUX[1]}名，实有{AUX[2]}名。",
        "表1  人员情况（单位：人）")
    rows = [["人员类别", "核定数", "2024年末实有", "2023年末实有"]]
    for x in PEOPLE:
        rows.append([x[0], str(x[1]), str(x[2]), str(x[3])])
    rows.append(["编制内人员小计", str(posts), str(staff), str(staff_p)])
    rows.append([AUX[0], str(AUX[1]), str(AUX[2]), str(AUX[3])])
    r.t(rows)

    r.p("二、部门预算收支情况",
        f"2024年年初预算{wan(y0)}万元，全部为一般公共预算财政拨款。年度执行中，追加辅警经费、执法办案经费等"
        f"{wan(up)}万元，调减公用经费、天网工程运维经费{wan(down)}万元，调整后预算{wan(ya)}万元。全年实际支出"
        f"{wan(act)}万元，预算执行率{rate}%。",
        "表2  2024年度预算执行情况（单位：万元）")
    rows = [["项目", "年初预算", "预算调整", "<", "调整后预算", "实际支出", "执行率"],
            ["^", "^", "调增", "调减", "^", "^", "^"]]
    for glab, items in (("一、基本支出", BASIC), ("二、项目支出", PROJ)):
        g0 = sum(D(x[1]) for x in items)
        gu = sum(D(x[2]) for x in items)
        gd = sum(D(x[3]) for x in items)
        ga = g0 + gu - gd
        gx = sum(D(x[4]) for x in items)
        rows.append([glab, wan(g0), wan(gu), wan(gd), wan(ga), wan(gx), pct(gx, ga)])
        for x in items:
            rows.append([x[0], wan(x[1]), wan(x[2]), wan(x[3]), wan(adj(x)), wan(x[4]), pct(x[4], adj(x))])
    rows.append(["合计", wan(y0), wan(up), wan(down), wan(ya), wan(act), f"{rate}%"])
    r.t(rows, head=2)

    sg = [ABROAD, ("公务用车购置及运行维护费", D(CAR_BUY[1]) + D(CAR_RUN[1]), D(CAR_BUY[2]) + D(CAR_RUN[2]),
                   D(CAR_BUY[3]) + D(CAR_RUN[3])), CAR_BUY, CAR_RUN, RECEP]
    top = [sg[0], sg[1], sg[4]]
    sb = sum(D(x[1]) for x in top)
    sa = sum(D(x[2]) for x in top)
    sp = sum(D(x[3]) for x in top)

    def rate_or_dash(a, b):
        return pct(a, b) if D(b) else "—"

    r.p("（一）“三公”经费",
        f"2024年“三公”经费预算{wan(sb)}万元，实际支出{wan(sa)}万元，比上年{wan(sp)}万元减少{wan(sp - sa)}万元，"
        f"下降{pct(sp - sa, sp)}。主要原因：一是上年购置执法执勤车辆4辆，本年未安排车辆购置；二是严控公务接待，"
        f"公务接待费比上年减少{wan(D(RECEP[3]) - D(RECEP[2]))}万元。",
        "表3  2024年度“三公”经费支出情况（单位：万元）")
    rows = [["项目", "预算数", "决算数", "执行率", "上年决算数", "同比增减率"]]
    labels = {0: "1.因公出国（境）费", 1: "2.公务用车购置及运行维护费", 2: "其中：公务用车购置费",
              3: "其中：公务用车运行维护费", 4: "3.公务接待费"}
    for i, x in enumerate(sg):
        a, b, p = D(x[2]), D(x[1]), D(x[3])
        rows.append([labels[i], wan(b), wan(a), rate_or_dash(a, b), wan(p),
                     signed(q((a - p) / p * 100)) + "%" if p else "—"])
    rows.append(["合计", wan(sb), wan(sa), pct(sa, sb), wan(sp), signed(q((sa - sp) / sp * 100)) + "%"])
    r.t(rows)

    sky_t, sky_a = 1250, 1236
    sky_score = q(D(sky_a) / sky_t * 5)
    sat_score = D(9)
    ind = [
        ("产出指标", "数量指标", "刑事案件破案数", "≥600起", "642起", 10, "10", ""),
        ("^", "^", "天网监控点位运维数量", "≥1250个", f"{th(sky_a, 0)}个", 5, s(sky_score),
         "部分点位因城区道路改造临时拆除，按完成比例计分。"),
        ("^", "^", "禁毒宣传活动场次", "≥50场", "56场", 5, "5", ""),
        ("^", "质量指标", "天网系统完好率", "≥95%", "97.60%", 10, "10", ""),
        ("^", "时效指标", "户籍业务办理时限", "≤3个工作日", "2个工作日", 5, "5", ""),
        ("^", "^", "城区110接警到场时间", "≤10分钟", "8.5分钟", 5, "5", ""),
        ("^", "成本指标", "警用装备购置成本", "≤380万元", "376.48万元", 10, "10", ""),
        ("效益指标", "社会效益指标", "刑事案件立案数同比降幅", "≥3%", "5.20%", 10, "10", ""),
        ("^", "^", "道路交通事故死亡人数", "同比下降", "下降12.50%", 10, "10", ""),
        ("^", "可持续影响指标", "电信网络诈骗案件发案数同比降幅", "≥20%", "31.20%", 10, "10", ""),
        ("满意度指标", "服务对象满意度指标", "群众安全感满意度", "≥97%", "96.80%", 10, s(sat_score, 0),
         "农村地区夜间巡逻覆盖不足，下一步增加巡防力量。"),
        ("预算执行", "预算执行情况", "预算执行率", "≥95%", f"{rate}%", 10, "10", ""),
    ]
    assert sum(x[5] for x in ind) == 100
    total = sum(D(x[6]) for x in ind)

    r.p("三、绩效目标完成情况",
        "（一）打击犯罪",
        "2024年全县接处警52,368起，同比下降6.3%；刑事案件立案数同比下降5.20%，破获刑事案件642起，同比上升8.4%。"
        "电信网络诈骗案件发案数同比下降31.20%，下半年发案数环比上半年下降17.6%，止付冻结涉案资金2,386.52万元。",
        "（二）治安和交通管理",
        "道路交通事故死亡人数由2023年的16人降至14人，下降12.50%。全年开展禁毒宣传活动56场，查处吸毒人员37人。"
        f"天网工程运维监控点位{th(sky_a, 0)}个，系统完好率97.60%。",
        "（三）公共服务",
        "户籍业务平均办理时限2个工作日，城区110接警平均到场时间8.5分钟。购置执法记录仪260台、单警装备120套，支出"
        "376.48万元。截至2024年12月31日，群众安全感满意度调查结果为96.80%，未达到97%的年度目标。",
        "四、绩效自评情况",
        f"根据《伏牛县县级部门整体支出绩效自评工作规程》，对照年初绩效目标逐项自评，自评得分{s(total)}分，自评等级为“优”。",
        "表4  2024年度部门整体支出绩效自评表")
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析"]]
    for x in ind:
        rows.append([x[0], x[1], x[2], x[3], x[4], str(x[5]), x[6], x[7]])
    rows.append(["合计", "<", "<", "<", "<", "100", s(total), ""])
    r.t(rows, widths=[9, 10, 16, 10, 10, 5, 6, 20])

    r.p("五、存在的问题及改进措施",
        "（一）天网点位运维数量未达到年度目标，差14个。",
        "（二）群众安全感满意度较目标低0.2个百分点。",
        "下一步将加强预算执行动态监控，合理安排装备购置和运维经费，提高资金使用效益。",
        "",
        "伏牛县公安局",
        "2025年2月28日")
    return r


PLANTS = [
    {"name": "rate", "mutation": "rate",
     "where": "表2 3.天网工程运维 执行率 97.25% → 92.75% (transposed digits)",
     "edits": [("3.天网工程运维", "97.25%", "92.75%")],
     "expect": [
         # 620.48 ÷ 638.00 = 97.25%
         {"check": "AL201", "needle": "3.天网工程运维", "stated": "92.75", "computed": "97.25", "subject": "表2/3.天网工程运维/执行率"},
     ]},
    {"name": "yoy", "mutation": "prior-year",
     "where": "三公 sentence: 比上年252.47万元减少69.94万元 → 减少96.94万元",
     "edits": [("2024年“三公”经费预算", "减少69.94万元", "减少96.94万元")],
     "expect": [
         # 182.53 − 252.47 = −69.94
         {"check": "AL204", "needle": "减少96.94万元", "stated": "96.94", "computed": "69.94", "subject": "三公 比上年减少"},
     ]},
    {"name": "score-above-weight", "mutation": "score",
     "where": "表4 天网监控点位运维数量 得分 4.94 → 5.94 (分值 5; 合计 98.94 left)",
     "edits": [("天网监控点位运维数量", "=4.94", "5.94")],
     "expect": [
         {"check": "AL401", "needle": "天网监控点位运维数量", "stated": "5.94", "computed": "5", "subject": "天网监控点位运维数量/得分"},
         # 98.94 − 4.94 + 5.94 = 99.94
         {"check": "AL407", "needle": "98.94", "after": "表4  2024年度部门整体", "stated": "98.94", "computed": "99.94", "subject": "表4/合计"},
     ]},
]
