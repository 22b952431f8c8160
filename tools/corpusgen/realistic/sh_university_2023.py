"""A Shanghai municipal university's 部门整体支出绩效自评报告 (2023), PDF only.

Varies: an income table in 元 (thousands separators, 上年 beside 本年, a partial 其中
list under 事业收入) while every other table is in 万元, the narrative restating income
in 万元; a spending table with 占总支出比重; a 功能分类 table whose printed shares add up
to 100.00% only after rounding; a 30-row project table with a 序号 column that runs over a
page break with its header repeated; per-student amounts, ratios (15.97:1), 十二个,
2021—2025 and 2023—2025 spans; a scoring table whose rules refer to other rows and to
figures given in the text (执行率×分值, 按完成比例得分, 结转结余率 bands); a paragraph
broken over two pages; page numbers "— n —" in the footer."""

import random

from corpusgen.model import SP, C, Report
from corpusgen.numbers import D, pct, q, s, th, wan

NAME = "sh-university-2023"
FORMATS = ("pdf",)

# income 元: (label, 2023, 2022)
INCOME = [("一、财政拨款收入", "612384520.36", "588106245.80"),
          ("二、事业收入", "158630214.50", "149875330.00"),
          ("其中：学费收入", "121465800.00", "115230600.00"),
          ("　　　住宿费收入", "18342650.00", "17906420.00"),
          ("三、科研及其他收入", "36204875.12", "41558306.27"),
          ("四、上年结转结余", "28905611.40", "35116780.55")]
BASIC = (523100000, "539864200.00", "536401836.55")
PROJ_Y0, PROJ_ADJ, PROJ_ACT = 262500000, D("289599300.00"), D("272942863.72")
FUNC = [("教育支出", "0.8612"), ("科学技术支出", "0.0718"), ("社会保障和就业支出", "0.0395"),
        ("卫生健康支出", "0.0086"), ("住房保障支出", None)]
PROJECTS = ["一流本科专业建设", "学科建设（高峰高原学科）", "研究生教育质量提升", "实验教学中心建设",
            "智慧校园二期", "图书文献资源购置", "学生资助（奖助学金）", "校园安全技防改造", "教学楼维修改造",
            "学生公寓空调更新", "大型仪器设备购置", "科研平台运行", "青年教师培养", "海外人才引进",
            "产学研合作专项", "继续教育培训", "招生就业服务", "体育场馆改造", "校史馆展陈更新",
            "实验室安全专项", "思政课程建设", "创新创业教育", "国际交流合作", "档案数字化",
            "后勤服务保障", "校园绿化养护", "食堂设备更新", "网络安全等级保护", "教材建设",
            "重点实验室开放运行"]
STUDENTS_UG, STUDENTS_PG, STAFF, TEACHERS, POSTS = 10932, 1554, 1126, 782, 1160
GRAD, GRAD_EMP = 3016, 2905
NSFC, NSFC_PRIOR = 37, 32
TRAIN, TRAIN_T = 7612, 8000
SG, SG_PRIOR = D("86.42"), D("98.79")
PROC_PLAN, PROC_ACT = D("9865.20"), D("9642.37")


def projects():
    rnd = random.Random(2023)
    n = len(PROJECTS)
    w = [rnd.randint(40, 400) for _ in range(n)]
    tot = sum(w)
    adj = [(PROJ_ADJ * x / tot).quantize(D("100")) for x in w]
    adj[-1] = PROJ_ADJ - sum(adj[:-1])
    rates = [D(rnd.randint(860, 1000)) / 1000 for _ in range(n)]
    raw = [a * r for a, r in zip(adj, rates, strict=True)]
    f = PROJ_ACT / sum(raw)
    act = [min(a, x * f).quantize(D("0.01")) for a, x in zip(adj, raw, strict=True)]
    k = max(range(n), key=lambda i: adj[i] - act[i])  # the residual goes where there is most room
    act[k] += PROJ_ACT - sum(act)
    assert all(b <= a for a, b in zip(adj, act, strict=True))
    kinds = ["其他运转类", "特定目标类"]
    return [(i + 1, PROJECTS[i], kinds[(i * 7) % 3 != 0], adj[i], act[i]) for i in range(n)]


def build() -> Report:
    r = Report(title="上海滨江理工学院2023年度部门整体支出绩效自评报告")
    inc_top = [x for x in INCOME if not x[0].startswith(("其中", "　"))]
    inc = sum(D(x[1]) for x in inc_top)
    inc_p = sum(D(x[2]) for x in inc_top)
    y0 = BASIC[0] + PROJ_Y0
    adj = D(BASIC[1]) + PROJ_ADJ
    act = D(BASIC[2]) + PROJ_ACT
    rate = q(act / adj * 100)
    left = inc - act
    left_rate = q(left / inc * 100)
    students = STUDENTS_UG + STUDENTS_PG
    approp = D(INCOME[0][1])
    sg_change = SG - SG_PRIOR

    r.p(C("上海滨江理工学院"), C("2023年度部门整体支出绩效自评报告"), "")
    r.p("一、部门基本情况",
        "（一）学校概况",
        f"上海滨江理工学院是上海市人民政府举办的全日制普通本科高校，设有14个二级学院、46个本科专业，其中国家级一流"
        f"本科专业建设点8个、市级一流本科专业建设点十二个。截至2023年12月31日，学校有全日制在校生{th(students, 0)}人，"
        f"其中本科生{th(STUDENTS_UG, 0)}人、研究生{th(STUDENTS_PG, 0)}人；核定编制{th(POSTS, 0)}名，教职工"
        f"{th(STAFF, 0)}人，其中专任教师{TEACHERS}人，生师比{s(D(students) / TEACHERS)}:1。",
        "（二）年度主要任务",
        "2023年是学校实施《上海滨江理工学院“十四五”事业发展规划（2021—2025年）》的攻坚之年，也是《高水平应用型"
        "大学建设三年行动计划（2023—2025年）》的开局之年。学校围绕人才培养、学科建设、科学研究和社会服务四项核心"
        "任务，全年安排部门预算项目30个。",
        "二、部门收支情况",
        "（一）收入情况",
        f"2023年学校收入合计{wan(inc)}万元，比上年{wan(inc_p)}万元增加{wan(inc - inc_p)}万元，增长"
        f"{pct(inc - inc_p, inc_p)}。其中财政拨款收入{wan(INCOME[0][1])}万元，占{pct(INCOME[0][1], inc)}；事业收入"
        f"{wan(INCOME[1][1])}万元，占{pct(INCOME[1][1], inc)}；科研及其他收入{wan(INCOME[4][1])}万元；上年结转结余"
        f"{wan(INCOME[5][1])}万元。收入明细见表1（单位为元）。",
        "表1  2023年度收入决算情况（单位：元）")
    rows = [["项目", "2023年决算数", "2022年决算数", "增减额", "增减率"]]
    for lab, a, b in INCOME:
        d = D(a) - D(b)
        rows.append([lab, th(a), th(b), ("-" if d < 0 else "") + th(abs(d)), pct(d, b)])
    rows.append(["合计", th(inc), th(inc_p), th(inc - inc_p), pct(inc - inc_p, inc_p)])
    r.t(rows)

    r.p("（二）支出情况",
        f"2023年学校年初支出预算{wan(y0)}万元，调整后预算{wan(adj)}万元，实际支出{wan(act)}万元，预算执行率{rate}%。"
        f"年末结转结余{wan(left)}万元，结转结余率{left_rate}%（年末结转结余÷收入合计）。",
        "表2  2023年度支出预算执行情况（单位：万元）")
    rows = [["项目", "年初预算", "调整后预算", "实际支出", "执行率", "占总支出比重"],
            ["一、基本支出", wan(BASIC[0]), wan(BASIC[1]), wan(BASIC[2]), pct(BASIC[2], BASIC[1]), pct(BASIC[2], act)],
            ["二、项目支出", wan(PROJ_Y0), wan(PROJ_ADJ), wan(PROJ_ACT), pct(PROJ_ACT, PROJ_ADJ), pct(PROJ_ACT, act)],
            ["合计", wan(y0), wan(adj), wan(act), f"{rate}%", "100.00%"]]
    r.t(rows)

    func = []
    rest = act
    for lab, share in FUNC:
        amt = (act * D(share)).quantize(D("0.01")) if share else rest
        rest -= amt if share else 0
        func.append((lab, amt))
    assert sum(x[1] for x in func) == act
    r.p("按支出功能分类，教育支出占实际支出的绝大部分，详见表3。",
        "表3  2023年度支出功能分类情况（单位：万元）")
    rows = [["功能分类科目", "实际支出", "占比"]]
    for lab, amt in func:
        rows.append([lab, wan(amt), pct(amt, act)])
    rows.append(["合计", wan(act), "100.00%"])
    r.t(rows)

    plist = projects()
    assert sum(x[3] for x in plist) == PROJ_ADJ and sum(x[4] for x in plist) == PROJ_ACT
    r.p("（三）项目支出情况",
        f"2023年学校实施项目30个，调整后预算{wan(PROJ_ADJ)}万元，实际支出{wan(PROJ_ACT)}万元，执行率"
        f"{pct(PROJ_ACT, PROJ_ADJ)}。其中特定目标类项目{sum(1 for x in plist if x[2] == '特定目标类')}个、其他运转类项目"
        f"{sum(1 for x in plist if x[2] == '其他运转类')}个。各项目执行情况见表4。",
        SP(150),
        "表4  2023年度项目支出执行明细（单位：万元）")
    rows = [["序号", "项目名称", "项目类别", "调整后预算", "实际支出", "执行率"]]
    for i, name, kind, a, b in plist:
        rows.append([str(i), name, kind, wan(a), wan(b), pct(b, a)])
    rows.append(["合计", "<", "<", wan(PROJ_ADJ), wan(PROJ_ACT), pct(PROJ_ACT, PROJ_ADJ)])
    r.t(rows, widths=[5, 26, 12, 12, 12, 10])

    emp = pct(GRAD_EMP, GRAD)
    train_ratio = q(D(TRAIN) / TRAIN_T, 4)
    train_score = q(train_ratio * 10)
    r.p("三、绩效目标完成情况",
        "（一）人才培养",
        f"2023届毕业生{th(GRAD, 0)}人，截至2023年8月31日初次就业{th(GRAD_EMP, 0)}人，初次就业率{emp}，高于年度目标"
        f"（≥95%）。生均财政拨款{s(approp / 10000 / students)}万元（财政拨款收入{wan(approp)}万元÷在校生"
        f"{th(students, 0)}人）。完成学生公寓空调更新、教学楼维修改造等项目，学生满意度调查满意率92.60%。",
        "（二）科学研究",
        f"获批国家自然科学基金项目{NSFC}项，比上年增加{NSFC - NSFC_PRIOR}项，增长{pct(NSFC - NSFC_PRIOR, NSFC_PRIOR)}；"
        "科研经费到款2.36亿元，其中横向经费0.87亿元。新增省部级科研平台3个，发表SCI、EI收录论文412篇。学校与临港"
        "新片区12家企业共建产学研基地，按照校企1:1的比例投入配套资金。",
        "（三）社会服务",
        f"全年开展继续教育和职业技能培训{th(TRAIN, 0)}人次，完成年度目标（{th(TRAIN_T, 0)}人次）的{pct(TRAIN, TRAIN_T)}，"
        "主要是受部分委托单位培训计划推迟影响。",
        SP(90),
        "（四）预算管理",
        f"学校“三公”经费支出{SG}万元，比上年{SG_PRIOR}万元减少{-sg_change}万元，下降{pct(-sg_change, SG_PRIOR)}；"
        f"政府采购计划金额{th(PROC_PLAN)}万元，实际采购{th(PROC_ACT)}万元，政府采购执行率{pct(PROC_ACT, PROC_PLAN)}。"
        f"在职人员控制率{pct(STAFF, POSTS)}。学校修订《预算管理办法》《科研经费管理办法》等制度7项，开展资产清查，"
        "发现固定资产卡片信息与实物不符1项，已于2024年1月完成整改。学校在全年预算执行过程中坚持“先有预算、后有支出”，"
        "严格执行财政部门关于预算执行进度的要求，按月通报各二级学院和职能部门的项目执行进度，对执行进度低于序时进度"
        "10个百分点以上的项目约谈项目负责人，对年末仍无法支出的资金及时报请主管部门调整用途或收回统筹使用。同时，学校"
        "加强对科研经费、专项资金和基本建设资金的过程监控，建立了财务、资产、审计、纪检协同监督机制，全年开展内部审计"
        "项目16个，审计金额3.12亿元，提出审计建议43条，均已落实整改。通过上述措施，学校预算执行的及时性和规范性明显"
        "提高，项目支出执行率较上年提高2.1个百分点，但仍有个别项目因招标采购周期较长、合同支付节点滞后等原因未能全部"
        "完成支出，形成年末结转。")

    sc_exec = q(rate / 10)
    sc_left = D(5) if left_rate <= 5 else (D(3) if left_rate <= 10 else D(0))
    proc_rate = q(PROC_ACT / PROC_PLAN * 100)
    sc_proc = q(proc_rate / 100 * 5)
    ind = [
        ("预算编制（20分）", "预算编制科学性", 5, "预算编制符合规定且测算依据充分，得5分；每发现一处不符合扣1分，扣完为止。",
         "5"),
        ("^", "绩效目标合理性", 5, "绩效目标与部门职能、年度计划相符，指标细化量化，得5分；目标不明确扣2分，指标未细化"
         "量化扣2分，其他不规范扣1分。", "4"),
        ("^", "在职人员控制率", 5, "在职人员控制率≤100%，得5分；每超过1个百分点扣1分。", "5"),
        ("^", "“三公”经费变动率", 5, "“三公”经费变动率≤0，得5分；＞0，不得分。", "5"),
        ("预算执行（15分）", "预算执行率", 10, "预算执行率=实际支出÷调整后预算×100%；得分=预算执行率×分值。", s(sc_exec)),
        ("^", "结转结余率", 5, "结转结余率≤5%，得5分；5%＜结转结余率≤10%，得3分；＞10%，不得分。", s(sc_left, 0)),
        ("预算管理（15分）", "管理制度健全性", 5, "已制定并有效执行预算、收支、资产管理等制度，得5分；缺一项扣1分。", "5"),
        ("^", "资产管理规范性", 5, "资产管理规范、账实相符，得5分；每发现一项不规范扣0.5分。", "4.5"),
        ("^", "政府采购执行率", 5, "政府采购执行率=实际采购金额÷采购计划金额×100%；得分=政府采购执行率×分值。", s(sc_proc)),
        ("产出（30分）", "毕业生初次就业率", 10, "≥95%，得10分；90%（含）-95%，得8分；85%（含）-90%，得6分；85%以下，不得分。",
         "10"),
        ("^", "国家级科研项目立项数", 10, "≥35项，得10分；每少1项扣1分。", "10"),
        ("^", "继续教育培训人次", 10, "完成目标值（8000人次）得10分；未完成的，按完成比例乘以分值得分。", s(train_score)),
        ("效果（20分）", "学生满意度", 10, "≥90%，得10分；80%（含）-90%，得8分；80%以下，得5分。", "10"),
        ("^", "社会声誉", 10, "获得市级及以上表彰或被主流媒体正面报道，得10分；否则酌情扣分。", "10"),
    ]
    total = sum(D(x[4]) for x in ind)
    assert sum(x[2] for x in ind) == 100
    r.p("四、部门整体支出绩效自评得分",
        "按照市财政局部门整体支出绩效评价指标框架，学校设置预算编制、预算执行、预算管理、产出和效果5个一级指标、14个"
        "三级指标，各指标评分标准及得分如下。其中“预算执行率”“政府采购执行率”按评分标准中的公式计算，“继续教育培训"
        "人次”按第三部分所述完成比例计分。",
        "表5  部门整体支出绩效自评得分表")
    rows = [["一级指标", "三级指标", "分值", "评分标准", "自评得分"]]
    for g, name, wgt, rule, sc in ind:
        rows.append([g, name, str(wgt), rule, sc])
    rows.append(["合计", "<", "100", "", s(total)])
    r.t(rows, widths=[12, 14, 6, 44, 8])

    r.p(f"经自评，学校2023年度部门整体支出绩效自评得分{s(total)}分，自评等级为“优”。",
        "五、存在的问题及改进措施",
        f"（一）部分项目执行进度偏慢。表4中有{sum(1 for x in plist if x[4] / x[3] < D('0.9'))}个项目执行率低于90%，"
        "主要是招标采购周期较长。",
        "（二）继续教育培训人次未达年度目标，完成率为"
        f"{pct(TRAIN, TRAIN_T)}。",
        "下一步，学校将进一步细化项目预算编制，加快项目执行进度，强化绩效目标管理和结果应用。",
        "",
        "上海滨江理工学院",
        "2024年4月12日")
    return r


PLANTS = [
    {"name": "project-total", "mutation": "total",
     "where": "表4 (over the page break) 合计 实际支出 27294.29 → 27249.29 (transposed digits; 执行率 94.25% left)",
     "edits": [("表4  2023年度项目支出执行明细", "=27294.29", "27249.29")],
     "expect": [
         {"check": "AL101", "needle": "", "stated": "27249.29", "computed": "27294.29", "subject": "表4/合计/实际支出"},
         # 27249.29 ÷ 28959.93 = 94.09%
         {"check": "AL201", "needle": "", "stated": "94.25", "computed": "94.09", "subject": "表4/合计/执行率",
          "optional": True},
         # 表2 二、项目支出 27294.29 and the text's 实际支出27294.29万元 restate it; auditlint's AL503 on that
         # sentence compares it with 表2's grand total 80934.47 instead, so it is left unlabelled (docs/false-alarms.md FA10)
     ]},
    {"name": "share", "mutation": "share",
     "where": "表3 社会保障和就业支出 占比 3.95% → 5.39%",
     "edits": [("表3  2023年度支出功能分类情况", "3.95%", "5.39%")],
     "expect": [
         # 3196.91 ÷ 80934.47 = 3.95%
         {"check": "AL203", "needle": "", "stated": "5.39", "computed": "3.95", "subject": "表3/社会保障和就业支出/占比"},
         # 86.12 + 7.18 + 5.39 + 0.86 + 1.89 = 101.44
         {"check": "AL202", "needle": "", "stated": "100.00", "computed": "101.44", "subject": "表3/合计/占比"},
     ]},
    {"name": "formula-score", "mutation": "score",
     "where": "表5 预算执行率 自评得分 9.76 → 10 (rule: 预算执行率×分值, 97.57% in 表2 and the text; 合计 97.67 left)",
     "edits": [("得分=预算执行率×分值", "=9.76", "10")],
     "expect": [
         # 97.57% × 10 = 9.76
         {"check": "AL403", "needle": "", "stated": "10", "computed": "9.76", "subject": "表5/预算执行率/自评得分"},
         # 97.67 − 9.76 + 10 = 97.91
         {"check": "AL407", "needle": "", "stated": "97.67", "computed": "97.91", "subject": "表5/合计"},
     ]},
]
