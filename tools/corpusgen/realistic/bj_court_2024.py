"""A Beijing district people's court: 部门整体支出绩效自评报告 (2024), cell-per-line text
and .docx.

Varies: a people table (编制数 / 实有人数, 上年 beside 本年, signed 增减); an income table
(预算数 / 决算数 / 上年决算数 / 增减额 / 增减率); a spending table whose header has
预算调整 over separate 调增 and 调减 columns and an 上年实际支出 column; a 三公 table
with the total first and 其中 rows under 公务用车购置及运行维护费 (spending rose because
of a car purchase, and fell without it); the Beijing 部门整体支出绩效自评表 with a
年度预算执行情况 block, "≤3个工作日", "控制在640万元以内", "稳定运行", 执行率×分值;
narrative with 同比, 比年初预算, per-judge case loads, 三分之二, 十二项, a 2021—2025 plan
and document numbers."""

from corpusgen.model import C, Report
from corpusgen.numbers import D, cn_num, pct, q, s, signed, th, wan

NAME = "bj-court-2024"
FORMATS = ("txt", "docx")

# (label, 年初, 调增, 调减, 实际, 上年实际) 元
BASIC = [("（一）人员经费", 168420000, 3862400, 0, "172053186.27", "166384205.18"),
         ("（二）公用经费", 21650000, 0, 1215000, "20118452.66", "20906731.40")]
PROJ = [("1.审判业务经费", 18600000, 1250000, 0, "19512330.80", "18254017.62"),
        ("2.执行业务经费", 12400000, 0, 860000, "11086205.15", "11874300.25"),
        ("3.智慧法院信息化运维", 6400000, 0, 0, "6123540.00", "5986410.00"),
        ("4.人民陪审员经费", 3150000, 420000, 0, "3498615.00", "3012480.00"),
        ("5.诉讼服务中心运行", 4860000, 0, 310000, "4386920.48", "4615208.91"),
        ("6.法官教育培训", 1280000, 0, 185000, "1032486.30", "1108254.00"),
        ("7.审判法庭维修改造（上年结转）", 0, "6123045.18", 0, "5874106.22", "0")]
CARRY = D("6123045.18")
# 三公 (label, 预算, 决算, 上年决算) 元
CAR_BUY = ("公务用车购置费", 280000, "273600.00", "0")
CAR_RUN = ("公务用车运行维护费", 465000, "418200.00", "523700.00")
ABROAD = ("1.因公出国（境）费", 0, "0", "0")
RECEP = ("3.公务接待费", 20000, "8600.00", "12400.00")
# people (编制, 本年末, 上年末)
PEOPLE = [("政法专项编制", 246, 238, 241), ("事业编制", 12, 11, 11)]
CASES_NEW, CASES_OLD, CLOSED, JUDGES, PRIOR_CASES = 35180, 3246, 36912, 98, 36870


def adj(x):
    return D(x[1]) + D(x[2]) - D(x[3])


def w(x):
    return th(D(x) / 10000)


def spending_rows() -> list[list[str]]:
    """表3's header and group rows, each followed by its items (the 合计 row is the caller's)."""
    rows = [["项目", "年初预算", "预算调整", "<", "调整后预算", "实际支出", "执行率", "上年实际支出"],
            ["^", "^", "调增", "调减", "^", "^", "^", "^"]]
    groups = [("一、基本支出", BASIC), ("二、项目支出", PROJ)]
    for glab, items in groups:
        g = [sum(D(x[i]) for x in items) for i in (1, 2, 3)]
        ga = sum(D(x[4]) for x in items)
        gp = sum(D(x[5]) for x in items)
        gadj = g[0] + g[1] - g[2]
        rows.append([glab, w(g[0]), w(g[1]), w(g[2]), w(gadj), w(ga), pct(ga, gadj), w(gp)])
        for x in items:
            rows.append([x[0], w(x[1]), w(x[2]), w(x[3]), w(adj(x)), w(x[4]), pct(x[4], adj(x)),
                         w(x[5]) if D(x[5]) else "—"])
    return rows


def build() -> Report:
    r = Report(style="cell")
    lines = BASIC + PROJ
    y0 = sum(D(x[1]) for x in lines)
    up = sum(D(x[2]) for x in lines)
    down = sum(D(x[3]) for x in lines)
    ya = sum(adj(x) for x in lines)
    act = sum(D(x[4]) for x in lines)
    prior = sum(D(x[5]) for x in lines)
    basic_a = sum(D(x[4]) for x in BASIC)
    proj_a = sum(D(x[4]) for x in PROJ)
    carry_act = D(PROJ[-1][4])
    rate = q(act / ya * 100, 2)
    s_rate = q(rate / 10, 2)  # 执行率 × 分值 10

    # income: 财政拨款 (budget = this year's appropriation, fully received), 其他收入, 上年结转
    approp = ya - CARRY
    inc = [("一、财政拨款收入", approp, approp, D("228435120.50")),
           ("二、其他收入", D(0), D("368420.00"), D("412035.60")),
           ("三、上年结转", CARRY, CARRY, D("4551802.44"))]
    inc_b = sum(x[1] for x in inc)
    inc_a = sum(x[2] for x in inc)
    inc_p = sum(x[3] for x in inc)
    leftover = inc_a - act

    sg_b = D(CAR_BUY[1]) + D(CAR_RUN[1]) + D(ABROAD[1]) + D(RECEP[1])
    sg_a = D(CAR_BUY[2]) + D(CAR_RUN[2]) + D(ABROAD[2]) + D(RECEP[2])
    sg_p = D(CAR_BUY[3]) + D(CAR_RUN[3]) + D(ABROAD[3]) + D(RECEP[3])
    car_b = D(CAR_BUY[1]) + D(CAR_RUN[1])
    car_a = D(CAR_BUY[2]) + D(CAR_RUN[2])
    car_p = D(CAR_BUY[3]) + D(CAR_RUN[3])
    ex_car = (D(CAR_RUN[2]) + D(RECEP[2])) - (D(CAR_RUN[3]) + D(RECEP[3]))

    posts = sum(x[1] for x in PEOPLE)
    staff = sum(x[2] for x in PEOPLE)
    staff_p = sum(x[3] for x in PEOPLE)
    accepted = CASES_NEW + CASES_OLD
    close_rate = pct(CLOSED, accepted)

    r.p(C("北京市潮白区人民法院"), C("2024年度部门整体支出绩效自评报告"), "")
    r.p("一、部门基本情况",
        "（一）主要职能",
        "北京市潮白区人民法院是国家审判机关，依法审理辖区内第一审刑事、民事、行政案件，执行已经发生法律效力的"
        "判决、裁定，指导辖区人民调解委员会的工作，并承办法律规定的其他事项。本院内设审判业务部门12个、综合部门"
        "7个，派出人民法庭4个。",
        "（二）人员情况",
        f"截至2024年12月31日，本院核定编制{posts}名，实有在职人员{staff}人（政法专项编制{PEOPLE[0][2]}人、事业编制"
        f"{PEOPLE[1][2]}人），较上年末减少{staff_p - staff}人；另有聘用制书记员96人、司法警务辅助人员42人，均不占编制。"
        f"在职人员控制率为{pct(staff, posts)}。",
        "表1  人员编制及实有人数情况（单位：人）")
    rows = [["类别", "编制数", "2024年末实有人数", "2023年末实有人数", "增减"]]
    for lab, a, b, c in PEOPLE:
        rows.append([lab, str(a), str(b), str(c), signed(b - c, 0)])
    rows.append(["合计", str(posts), str(staff), str(staff_p), signed(staff - staff_p, 0)])
    r.t(rows)

    r.p("二、部门预算及执行情况",
        "（一）收入情况",
        f"2024年度本院收入预算{w(inc_b)}万元，收入决算{w(inc_a)}万元，较上年决算{w(inc_p)}万元增加"
        f"{w(inc_a - inc_p)}万元，增长{pct(inc_a - inc_p, inc_p)}。收入决算中，财政拨款收入{w(inc[0][2])}万元，"
        f"占{pct(inc[0][2], inc_a)}；其他收入{w(inc[1][2])}万元，主要为利息收入及资产处置收入；上年结转"
        f"{w(CARRY)}万元，为审判法庭维修改造项目结转资金。",
        "表2  2024年度收入预算及决算情况（单位：万元）")
    rows = [["项目", "2024年预算数", "2024年决算数", "2023年决算数", "决算增减额", "增减率"]]
    for lab, b, a, p in inc:
        rows.append([lab, w(b), w(a), w(p), signed(a / 10000 - p / 10000, 2, th), pct(a - p, p)])
    rows.append(["合计", w(inc_b), w(inc_a), w(inc_p), signed(inc_a / 10000 - inc_p / 10000, 2, th),
                 pct(inc_a - inc_p, inc_p)])
    r.t(rows)

    r.p("（二）支出情况",
        f"本院2024年年初支出预算{w(y0)}万元，年中追加{w(up)}万元（含上年结转资金{w(CARRY)}万元）、调减"
        f"{w(down)}万元，调整后全年预算{w(ya)}万元，比年初预算增加{w(ya - y0)}万元。全年实际支出{w(act)}万元，"
        f"预算执行率{rate}%；其中基本支出{w(basic_a)}万元，占{pct(basic_a, act)}，项目支出{w(proj_a)}万元，"
        f"占{pct(proj_a, act)}。实际支出较上年{w(prior)}万元增加{w(act - prior)}万元，增长{pct(act - prior, prior)}，"
        "主要是人员经费按政策调增及人民陪审员参审案件增加。年末结转结余"
        f"{w(leftover)}万元，主要为审判法庭维修改造项目尚未支付的质保金及其他收入形成的结余。",
        "表3  2024年度支出预算执行情况（单位：万元）")
    rows = spending_rows()
    rows.append(["合计", w(y0), w(up), w(down), w(ya), w(act), f"{rate}%", w(prior)])
    r.t(rows, head=2)

    r.p("（三）“三公”经费支出情况",
        f"2024年“三公”经费预算{wan(sg_b)}万元，决算{wan(sg_a)}万元，完成预算的{pct(sg_a, sg_b)}；比上年决算"
        f"{wan(sg_p)}万元增加{wan(sg_a - sg_p)}万元，主要是按照执法执勤用车更新计划购置车辆2辆（"
        f"{wan(CAR_BUY[2])}万元）。剔除车辆购置因素，公务用车运行维护费和公务接待费合计比上年减少"
        f"{wan(-ex_car)}万元。因公出国（境）费预算和支出均为0。",
        "表4  2024年度“三公”经费支出情况（单位：万元）")
    rows = [["项目", "2024年预算数", "2024年决算数", "2023年决算数", "较上年增减"],
            ["合计", wan(sg_b), wan(sg_a), wan(sg_p), signed(D(wan(sg_a)) - D(wan(sg_p)))]]
    for lab, b, a, p in [ABROAD]:
        rows.append([lab, wan(b), wan(a), wan(p), "0.00"])
    rows.append(["2.公务用车购置及运行维护费", wan(car_b), wan(car_a), wan(car_p),
                 signed(D(wan(car_a)) - D(wan(car_p)))])
    rows.append(["其中：" + CAR_BUY[0], wan(CAR_BUY[1]), wan(CAR_BUY[2]), wan(CAR_BUY[3]),
                 signed(D(wan(CAR_BUY[2])) - D(wan(CAR_BUY[3])))])
    rows.append(["　　　" + CAR_RUN[0], wan(CAR_RUN[1]), wan(CAR_RUN[2]), wan(CAR_RUN[3]),
                 signed(D(wan(CAR_RUN[2])) - D(wan(CAR_RUN[3])))])
    rows.append([RECEP[0], wan(RECEP[1]), wan(RECEP[2]), wan(RECEP[3]),
                 signed(D(wan(RECEP[2])) - D(wan(RECEP[3])))])
    r.t(rows)

    r.p("三、绩效目标完成情况",
        "（一）审判执行工作",
        f"2024年本院受理各类案件{th(accepted, 0)}件（新收{th(CASES_NEW, 0)}件、旧存{th(CASES_OLD, 0)}件），同比增长"
        f"{pct(accepted - PRIOR_CASES, PRIOR_CASES)}；审结{th(CLOSED, 0)}件，结案率{close_rate}。员额法官{JUDGES}名，"
        f"人均结案{s(D(CLOSED) / JUDGES)}件，较上年人均增加21.37件。一审服判息诉率91.35%，平均审理天数47.2天，"
        "较上年缩短3.6天。全年执行到位金额18.62亿元，执行到位率47.30%。",
        "（二）多元解纷和诉讼服务",
        "坚持把非诉讼纠纷解决机制挺在前面，与区司法局、区总工会等9家单位建立诉调对接机制，全年诉前委派调解案件"
        "21,864件，调解成功12,725件，诉前调解成功率58.20%，三分之二以上的婚姻家庭、物业服务纠纷在诉前化解。"
        f"推出网上立案、跨域立案、“一次不用跑”等{cn_num(12)}项便民举措，当场立案登记率98.70%，诉讼费退费平均办理时间"
        "2.6个工作日。开展巡回审判136场次。",
        "（三）智慧法院建设",
        "按照《北京法院“十四五”时期信息化发展规划（2021—2025年）》，完成电子卷宗随案生成系统升级和4个人民法庭"
        "科技法庭改造，智慧法院系统全年稳定运行，信息化运维支出612.35万元，控制在年初确定的640万元以内。",
        "四、绩效自评结果",
        "本院依据《北京市区级部门整体支出绩效评价管理办法》（京财绩效〔2020〕2311号）和区财政局《关于开展2024年度"
        "预算绩效自评工作的通知》（潮财绩〔2025〕3号），对照年初设定的绩效目标开展自评。自评表如下：",
        "表5  2024年度部门整体支出绩效自评表")

    ind = [
        ("产出指标", "数量指标", "审结案件数", "≥35000件", f"{CLOSED}件", 10, 10, ""),
        ("^", "^", "巡回审判场次", "≥120场次", "136场次", 5, 5, ""),
        ("^", "质量指标", "结案率", "≥95%", close_rate, 10, 10, ""),
        ("^", "^", "一审服判息诉率", "≥90%", "91.35%", 5, 5, ""),
        ("^", "时效指标", "当场立案登记率", "≥95%", "98.70%", 5, 5, ""),
        ("^", "^", "诉讼费退费办理时限", "≤3个工作日", "2.6个工作日", 5, 5, ""),
        ("^", "成本指标", "信息化运维成本", "控制在640万元以内", "612.35万元", 10, 10, ""),
        ("效益指标", "社会效益指标", "诉前调解成功率", "≥60%", "58.20%", 10, 8,
         "部分物业、金融类纠纷当事人调解意愿低。下一步加强与行业调解组织对接。"),
        ("^", "^", "执行到位率", "≥45%", "47.30%", 10, 10, ""),
        ("^", "可持续影响指标", "智慧法院系统运行", "稳定运行", "稳定运行", 10, 10, ""),
        ("满意度指标", "服务对象满意度指标", "当事人满意度", "≥90%", "93.40%", 10, 10, ""),
    ]
    total = sum(x[6] for x in ind) + s_rate
    rows = [["部门名称", "北京市潮白区人民法院", "<", "<", "<", "<", "<", "<"],
            ["年度预算执行情况（万元）", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "<", w(y0), w(ya), w(act), "10", f"{rate}%", s(s_rate)],
            ["其中：当年财政拨款", "<", w(y0), w(ya - CARRY), w(act - carry_act), "—", "—", "—"],
            ["上年结转资金", "<", "0.00", w(CARRY), w(carry_act), "—", "—", "—"],
            ["其他资金", "<", "0.00", "0.00", "0.00", "—", "—", "—"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    for x in ind:
        rows.append([x[0], x[1], x[2], x[3], x[4], str(x[5]), str(x[6]), x[7]])
    rows.append(["总分", "<", "<", "<", "<", "100", s(total), ""])
    r.t(rows)
    assert sum(x[5] for x in ind) == 90

    r.p("五、自评结论",
        f"经自评，本院2024年度部门整体支出绩效自评得分为{s(total)}分，评价等级为“优”。按照区财政局通知，评价结果"
        "分为“优”“良”“中”“差”四个等级，其中90分（含）以上为“优”。扣分主要在诉前调解成功率未达到年度目标"
        f"（实际{'58.20%'}，目标60%），扣2分；预算执行率{rate}%，按执行率×分值计算得{s(s_rate)}分。",
        "六、存在的问题及改进措施",
        "（一）预算编制的精准度有待提高。公用经费和执行业务经费年中调减合计"
        f"{w(D(BASIC[1][3]) + D(PROJ[1][3]))}万元，部分支出测算依据不够细化。",
        "（二）多元解纷质效仍需提升。诉前调解成功率较目标低1.80个百分点。",
        "下一步，本院将结合2025年度预算编制，细化测算标准，强化执行监控，对执行率低于序时进度的项目及时预警。",
        "七、其他需要说明的问题",
        "无。",
        "",
        "北京市潮白区人民法院",
        "2025年3月20日")
    return r


PLANTS = [
    {"name": "sangong-total", "mutation": "total",
     "where": "表4 三公 合计 2024年决算数 70.04 → 74.04 (the rows, 较上年增减 and the narrative left as they were)",
     "edits": [("表4  2024年度“三公”经费", "=70.04", "74.04")],
     "expect": [
         # 0.00 + 69.18 + 0.86 = 70.04 (2. = 27.36 + 41.82 = 69.18, its 其中 rows not counted again)
         {"check": "AL101", "needle": "=74.04", "after": "表4  2024年度", "stated": "74.04", "computed": "70.04",
          "subject": "表4/合计/2024年决算数"},
         # the narrative's 决算70.04万元 is the table's 合计
         {"check": "AL503", "needle": "决算70.04万元", "stated": "70.04", "computed": "74.04",
          "subject": "叙述/三公 决算 vs 表4/合计", "optional": True},
         # 较上年增减 +16.43 against 74.04 − 53.61 = 20.43
         {"check": "AL204", "needle": "=+16.43", "after": "表4  2024年度", "stated": "+16.43", "computed": "20.43",
          "subject": "表4/合计/较上年增减", "optional": True},
     ]},
    {"name": "adjust-identity", "mutation": "row-identity",
     "where": "表3 2.执行业务经费 调减 86.00 → 68.00 (调整后 1,154.00 left)",
     "edits": [("2.执行业务经费", "=86.00", "68.00")],
     "expect": [
         # 1,240.00 + 0.00 − 68.00 = 1,172.00 ≠ 1,154.00
         {"check": "AL103", "needle": "=1,154.00", "after": "2.执行业务经费", "stated": "1,154.00", "computed": "1172.00",
          "subject": "表3/2.执行业务经费/调整后预算"},
         # 0 + 68.00 + 0 + 0 + 31.00 + 18.50 + 0 = 117.50 under 二、项目支出's 135.50
         {"check": "AL101", "needle": "=135.50", "after": "二、项目支出", "stated": "135.50", "computed": "117.50",
          "subject": "表3/二、项目支出/调减"},
     ]},
    {"name": "staff-rate", "mutation": "claim",
     "where": "在职人员控制率 96.51% → 95.61% in the text (249 ÷ 258 = 96.51%)",
     "edits": [("截至2024年12月31日，本院核定编制", "在职人员控制率为96.51%", "在职人员控制率为95.61%")],
     "expect": [
         {"check": "AL501", "needle": "在职人员控制率为95.61%", "stated": "95.61%", "computed": "96.51%",
          "subject": "在职人员控制率"},
     ]},
    {"name": "full-marks", "mutation": "score",
     "where": "表5 诉前调解成功率 得分 8 → 10 (58.20% against ≥60%; 总分 97.91 left)",
     "edits": [("诉前调解成功率", "=8", "10")],
     "expect": [
         {"check": "AL504", "needle": "=10", "after": "\t诉前调解成功率", "stated": "10", "computed": "misses target ≥60%",
          "subject": "诉前调解成功率/得分"},
         # 9.91 (年度资金总额) + 50 + 10 + 10 + 10 + 10 = 99.91
         {"check": "AL407", "needle": "=97.91", "after": "\t总分", "stated": "97.91", "computed": "99.91",
          "subject": "表5/总分"},
     ]},
]
