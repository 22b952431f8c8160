"""A Liaoning municipal ecology and environment bureau: 部门整体支出绩效自评报告 (2023),
.docx and PDF.

Varies: a 收支总表 with two totals in one table (一、收入合计 over (一)(二)(三), 二、支出
合计 over (一)(二), 三、年末结转结余 = 收入 − 支出) and 预算数 / 决算数 / 上年决算数 /
增减率 with "—"; a project table in 元 with 上年实际支出; a 三公 table with （1）（2）
under 2.; a scoring table whose 一级 groups are full-width rows "一、投入（15分）" and
whose target / actual columns hold "≤35微克/立方米", "100%", "≤8天"; narrative with
ranges (由37微克/立方米下降至34微克/立方米), 个百分点, 12个断面中9个, 由9天减少到5天,
2023—2025 plans."""

from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, q, th, wan

NAME = "ln-dept-2023"
FORMATS = ("docx", "pdf")

# 元: (label, 预算, 决算, 上年决算)
INC = [("（一）财政拨款收入", "118635000.00", "121802416.38", "113420565.20"),
       ("（二）其他收入", "200000.00", "356210.40", "298410.00"),
       ("（三）年初结转结余", "3126540.18", "3126540.18", "4815322.60")]
EXP_BASIC = ("（一）基本支出", "68240000.00", "67915304.12", "65108742.33")
# projects 元: (name, 预算, 实际, 上年实际); the last line's 实际 and 上年 balance the totals
PROJ = [("大气污染防治专项", "15800000.00", "15326418.50", "14205300.00"),
        ("水污染防治专项", "12460000.00", "11952306.27", "11630512.40"),
        ("土壤及地下水污染防治", "6350000.00", "5986240.00", "5402816.55"),
        ("生态环境监测运维", "8120000.00", "8036715.84", "7886420.36"),
        ("生态环境执法监督", "3860000.00", "3702316.90", "3512650.00"),
        ("环境信息化建设", "4008000.00", "3857620.00", "4120316.48"),
        ("固定污染源排污许可核查（上年结转）", "3123540.18", None, None)]
PROJ_ACT, PROJ_PRIOR = D("51880236.71"), D("50299015.29")
# 三公 元: (label, 预算, 决算, 上年)
SG = [("1.因公出国（境）费", 0, "0", "0"),
      ("（1）公务用车购置费", 0, "0", "0"),
      ("（2）公务用车运行维护费", 420000, "386512.30", "401266.80"),
      ("3.公务接待费", 30000, "12860.00", "18420.00")]
POSTS, STAFF = 131, 127
PROC_PLAN, PROC_ACT = D("1865.00"), D("1802.36")


def scoring_rows(groups: list[tuple[str, list[tuple[str, ...]]]]) -> tuple[list[list[str]], D]:
    """表4: each group a full-width row "一、投入（15分）" above its indicators, and the total."""
    total = sum(D(x[5]) for _, g in groups for x in g)
    rows = [["二级指标", "三级指标", "分值", "目标值", "实际完成值", "得分"]]
    for head, items in groups:
        rows.append([head, "<", "<", "<", "<", "<"])
        for x in items:
            rows.append(list(x))
    rows.append(["合计", "<", "100", "", "", f"{total:f}"])
    assert sum(int(x[2]) for _, g in groups for x in g) == 100
    return rows, total


def build() -> Report:
    r = Report(title="辽滨市生态环境局2023年度部门整体支出绩效自评报告")
    known = [p for p in PROJ if p[2]]
    last = PROJ[-1]
    proj = known + [(last[0], last[1], f"{PROJ_ACT - sum(D(p[2]) for p in known):.2f}",
                     f"{PROJ_PRIOR - sum(D(p[3]) for p in known):.2f}")]
    pb = sum(D(p[1]) for p in proj)
    exp_proj = ("（二）项目支出", f"{pb:.2f}", f"{PROJ_ACT:.2f}", f"{PROJ_PRIOR:.2f}")
    inc = [sum(D(x[i]) for x in INC) for i in (1, 2, 3)]
    exp = [D(EXP_BASIC[i]) + D(exp_proj[i]) for i in (1, 2, 3)]
    assert inc[0] == exp[0]
    left = inc[1] - exp[1]
    left_p = inc[2] - exp[2]
    assert left_p == D(INC[2][1])  # last year's closing balance is this year's opening one
    rate = q(exp[1] / exp[0] * 100)
    left_rate = q(left / exp[0] * 100)

    r.p(C("辽滨市生态环境局"), C("2023年度部门整体支出绩效自评报告"), "")
    r.p("一、部门概况",
        "辽滨市生态环境局负责全市生态环境监督管理，内设科室11个，下设生态环境监测中心、生态环境保护综合行政执法"
        f"队等5个事业单位。核定行政编制45名、事业编制86名，年末实有在职人员{STAFF}人（行政43人、事业84人），在职人员"
        f"控制率{pct(STAFF, POSTS)}。",
        "二、部门收支情况",
        f"2023年部门收入合计{wan(inc[1])}万元，支出合计{wan(exp[1])}万元，年末结转结余{wan(left)}万元。支出预算"
        f"{wan(exp[0])}万元，预算执行率{rate}%，结转结余率{left_rate}%。",
        "表1  2023年度部门收支总体情况（单位：万元）")
    rows = [["项目", "2023年预算数", "2023年决算数", "2022年决算数", "决算增减率"]]

    def line(lab, b, a, p):
        return [lab, wan(b), wan(a), wan(p), pct(D(a) - D(p), p)]

    rows.append(line("一、收入合计", *inc))
    for x in INC:
        rows.append(line(*x))
    rows.append(line("二、支出合计", *exp))
    rows.append(line(*EXP_BASIC))
    rows.append(line(*exp_proj))
    rows.append(["三、年末结转结余", "—", wan(left), wan(left_p), pct(left - left_p, left_p)])
    r.t(rows)

    r.p("表2  2023年度项目支出明细（单位：元）")
    rows = [["项目名称", "预算数", "实际支出", "执行率", "上年实际支出"]]
    for p in proj:
        rows.append([p[0], th(p[1]), th(p[2]), pct(p[2], p[1]), th(p[3])])
    rows.append(["合计", th(pb), th(PROJ_ACT), pct(PROJ_ACT, pb), th(PROJ_PRIOR)])
    r.t(rows)

    car = ("2.公务用车购置及运行维护费", sum(D(x[1]) for x in SG[1:3]), sum(D(x[2]) for x in SG[1:3]),
           sum(D(x[3]) for x in SG[1:3]))
    sb = sum(D(x[1]) for x in SG)
    sa = sum(D(x[2]) for x in SG)
    sp = sum(D(x[3]) for x in SG)
    chg = q((sa - sp) / sp * 100)
    r.p("“三公”经费支出情况",
        f"2023年“三公”经费预算{wan(sb)}万元，决算{wan(sa)}万元，比上年{wan(sp)}万元减少{wan(sp - sa)}万元，“三公”经费"
        f"变动率{chg}%。",
        "表3  2023年度“三公”经费支出情况（单位：万元）")
    rows = [["项目", "预算数", "决算数", "上年决算数", "增减率"]]
    for x in [SG[0], car, SG[1], SG[2], SG[3]]:
        a, p = D(x[2]), D(x[3])
        rows.append([x[0], wan(x[1]), wan(a), wan(p), pct(a - p, p) if p else "—"])
    rows.append(["合计", wan(sb), wan(sa), wan(sp), f"{chg}%"])
    r.t(rows)

    r.p("三、绩效目标完成情况",
        "（一）大气环境。全市PM2.5平均浓度由2022年的37微克/立方米下降至34微克/立方米，下降8.1%；优良天数比例84.7%，"
        "同比提高2.5个百分点；重污染天数由9天减少到5天。",
        "（二）水环境。12个地表水国考断面中9个水质优良（Ⅰ—Ⅲ类），优良比例75%，与上年持平；城市集中式饮用水水源地"
        "水质达标率100%。",
        "（三）执法和服务。受理环境信访投诉1,862件，办结率100%；第四季度受理量环比第三季度下降12.3%。按照《辽滨市"
        "深入打好污染防治攻坚战三年行动方案（2023—2025年）》完成年度任务。",
        f"（四）预算管理。政府采购预算{th(PROC_PLAN)}万元，实际采购{th(PROC_ACT)}万元，政府采购执行率"
        f"{pct(PROC_ACT, PROC_PLAN)}。全年开展固定资产清查，发现2项资产未及时入账，已整改。",
        "四、绩效自评结果",
        "表4  2023年度部门整体支出绩效自评表")
    groups = [
        ("一、投入（15分）", [
            ("预算编制", "预算编制科学性", "5", "科学合理", "科学合理", "5"),
            ("人员控制", "在职人员控制率", "5", "≤100%", pct(STAFF, POSTS), "5"),
            ("三公控制", "“三公”经费变动率", "5", "≤0", f"{chg}%", "5")]),
        ("二、过程（25分）", [
            ("预算执行", "预算执行率", "10", "≥98%", f"{rate}%", "10"),
            ("^", "结转结余率", "5", "≤5%", f"{left_rate}%", "5"),
            ("预算管理", "政府采购执行率", "5", "≥95%", pct(PROC_ACT, PROC_PLAN), "5"),
            ("^", "资产管理规范性", "5", "账实相符", "2项未及时入账，已整改", "4")]),
        ("三、产出（35分）", [
            ("大气环境", "PM2.5平均浓度", "10", "≤35微克/立方米", "34微克/立方米", "10"),
            ("^", "优良天数比例", "10", "≥83%", "84.7%", "10"),
            ("水环境", "国考断面水质优良比例", "10", "≥75%", "75%", "10"),
            ("执法服务", "信访投诉办结率", "5", "100%", "100%", "5")]),
        ("四、效益（25分）", [
            ("环境质量", "重污染天数", "10", "≤8天", "5天", "10"),
            ("社会效益", "公众生态环境满意度", "10", "≥85%", "87.2%", "10"),
            ("^", "环境信息公开率", "5", "100%", "100%", "5")]),
    ]
    rows, total = scoring_rows(groups)
    r.t(rows)

    r.p(f"经自评，本局2023年度部门整体支出绩效自评得分{total}分，等级为“优”。",
        "五、存在的问题和改进措施",
        "（一）资产管理不够规范，个别资产未及时入账。（二）项目支出执行率"
        f"{pct(PROJ_ACT, pb)}，低于基本支出执行率{pct(EXP_BASIC[2], EXP_BASIC[1])}。",
        "下一步，我局将加强资产动态管理，提高项目预算执行的均衡性。",
        "",
        "辽滨市生态环境局",
        "2024年3月28日")
    return r


PLANTS = [
    {"name": "group-weight", "mutation": "weight",
     "where": "表4 group row 二、过程（25分） → （20分） (its indicators 10 + 5 + 5 + 5 = 25)",
     "edits": [(None, "二、过程（25分）", "二、过程（20分）")],
     "expect": [
         {"check": "AL104", "needle": "", "stated": "20", "computed": "25", "subject": "表4/二、过程/分值"},
     ]},
    {"name": "project-rate", "mutation": "rate",
     "where": "表2 (元) 水污染防治专项 执行率 95.93% → 59.93%",
     "edits": [("=水污染防治专项", "95.93%", "59.93%")],
     "expect": [
         # 11,952,306.27 ÷ 12,460,000.00 = 95.93%
         {"check": "AL201", "needle": "", "stated": "59.93", "computed": "95.93", "subject": "表2/水污染防治专项/执行率"},
     ]},
    {"name": "yoy-rate", "mutation": "prior-year",
     "where": "表3 3.公务接待费 增减率 -30.18% → -13.08%",
     "edits": [("=3.公务接待费", "-30.18%", "-13.08%")],
     "expect": [
         # (1.29 − 1.84) ÷ 1.84 = −29.89% from the printed 万元; −30.18% from the 元 amounts (12,860 vs 18,420):
         # either way not −13.08%
         {"check": "AL204", "needle": "", "stated": "-13.08", "computed": "-29.89", "subject": "表3/3.公务接待费/增减率"},
     ]},
]
