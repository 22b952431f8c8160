"""A Shaanxi city SASAC's 国有资本经营预算 special funds: 项目支出绩效自评报告 (2023),
.docx only.

Varies: an income table whose 完成预算 column legitimately exceeds 100% (产权转让收入
151.98%) and a 同比 column with "—" for a 0 base; a spending table with 1./2./3. items
under 一、/二、, an 调出资金 line (30% of income moved to the general budget); 亿元 beside
万元 in the narrative; firms listed with their capital injections; per-person subsidies
(每人1,700元 × 8,652人); a scoring table with two levels of inline group weights in rows
("一、决策（15分）", "（一）项目立项（6分）") and numbered indicators 1.–18."""

from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, q, s, th

NAME = "sx-soe-2023"
FORMATS = ("docx",)

# income 万元: (label, 预算, 决算, 上年决算)
INC = [("利润收入", "12680.00", "13452.36", "11873.20"), ("股利、股息收入", "2350.00", "2286.14", "2104.65"),
       ("产权转让收入", "800.00", "1215.80", "0.00"), ("其他国有资本经营预算收入", "120.00", "86.52", "143.90")]
RETIREES, PER_HEAD = 8652, 1700
# spending 万元: (label, 年初, 调整后, 决算)
REFORM = [("1.厂办大集体改革", "1200.00", "1200.00", "1200.00"),
          ("2.“三供一业”移交补助", "1600.00", "1860.00", "1812.45"),
          ("3.国有企业退休人员社会化管理补助", "1500.00", "1500.00", None)]
CAPITAL = [("1.战略性新兴产业发展", "4000.00", "4500.00", "4500.00"), ("2.科技创新", "2500.00", "2700.00", "2700.00")]
FIRMS = [("秦川市交通投资集团有限公司", "3000.00"), ("秦川市产业投资集团有限公司", "2500.00"),
         ("秦川市科技创新投资有限公司", "1700.00")]
OTHER_SPENT = D("150.36")


def build() -> Report:
    r = Report(title="秦川市国资委2023年度国有资本经营预算支出项目绩效自评报告")
    ib, ia, ip = (sum(D(x[i]) for x in INC) for i in (1, 2, 3))
    social = D(RETIREES * PER_HEAD) / 10000
    reform = [x if x[3] else (x[0], x[1], x[2], f"{social:.2f}") for x in REFORM]
    out0 = q(ib * D("0.3"))
    out1 = q(ia * D("0.3"))
    g = {}
    for key, items in (("reform", reform), ("capital", CAPITAL)):
        g[key] = [sum(D(x[i]) for x in items) for i in (1, 2, 3)]
    other = [ib - g["reform"][0] - g["capital"][0] - out0, ia - g["reform"][1] - g["capital"][1] - out1, OTHER_SPENT]
    y0 = ib
    ya = ia
    act = g["reform"][2] + g["capital"][2] + other[2] + out1
    rate = q(act / ya * 100)
    assert sum(D(f[1]) for f in FIRMS) == g["capital"][2]

    r.p(C("秦川市人民政府国有资产监督管理委员会"), C("2023年度国有资本经营预算支出项目绩效自评报告"), "")
    r.p("一、项目基本情况",
        "根据《秦川市市级国有资本经营预算管理办法》（秦政办发〔2021〕27号），市国资委负责编制市级国有资本经营预算，"
        "收入主要为市属国有企业上缴的利润、股利股息和产权转让收入，支出主要用于解决国有企业历史遗留问题及改革成本、"
        "国有企业资本金注入等，并按照不低于30%的比例调入一般公共预算。",
        "二、预算收支情况",
        "（一）收入情况",
        f"2023年全市国有资本经营预算收入{th(ia)}万元（约{q(ia / 10000)}亿元），完成预算的{pct(ia, ib)}，比上年增加"
        f"{th(ia - ip)}万元，同比增长{pct(ia - ip, ip)}。其中产权转让收入{th(INC[2][2])}万元，主要是市属企业转让所持"
        "非主业参股股权，超出预算较多。",
        "表1  2023年度国有资本经营预算收入情况（单位：万元）")
    rows = [["项目", "预算数", "决算数", "完成预算%", "上年决算数", "同比增长%"]]
    for lab, b, a, p in INC:
        rows.append([lab, th(b), th(a), pct(a, b, sign=False), th(p), pct(D(a) - D(p), p, sign=False) if D(p) else "—"])
    rows.append(["收入合计", th(ib), th(ia), pct(ia, ib, sign=False), th(ip), pct(ia - ip, ip, sign=False)])
    r.t(rows)

    r.p("（二）支出情况",
        f"2023年国有资本经营预算支出年初预算{th(y0)}万元，根据收入超收情况调整为{th(ya)}万元，全年支出{th(act)}万元，"
        f"执行率{rate}%。其中调出资金{th(out1)}万元，占收入决算的30.00%。",
        "表2  2023年度国有资本经营预算支出情况（单位：万元）")
    rows = [["项目", "年初预算", "调整后预算", "决算数", "执行率"]]
    for glab, key, items in (("一、解决历史遗留问题及改革成本支出", "reform", reform),
                             ("二、国有企业资本金注入", "capital", CAPITAL)):
        a, b, c = g[key]
        rows.append([glab, th(a), th(b), th(c), pct(c, b)])
        for x in items:
            rows.append([x[0], th(x[1]), th(x[2]), th(x[3]), pct(x[3], x[2])])
    rows.append(["三、其他国有资本经营预算支出", th(other[0]), th(other[1]), th(other[2]), pct(other[2], other[1])])
    rows.append(["四、调出资金", th(out0), th(out1), th(out1), "100.00%"])
    rows.append(["支出合计", th(y0), th(ya), th(act), f"{rate}%"])
    r.t(rows)

    firms = "、".join(f"{n}{th(a)}万元" for n, a in FIRMS)
    r.p("三、绩效目标完成情况",
        f"（一）资本金注入{th(g['capital'][2])}万元，分别为{firms}，支持的8个项目全部开工，开工率100%。",
        f"（二）完成12家企业、涉及职工家属住宅1.86万户的“三供一业”移交；移交退休人员社会化管理{th(RETIREES, 0)}人，"
        f"移交率100%，按每人{th(PER_HEAD, 0)}元的标准拨付补助{th(social)}万元。",
        "（三）市属企业国有资本保值增值率104.6%，年末平均资产负债率61.8%，比上年末下降1.3个百分点。",
        "（四）对已移交退休人员开展满意度抽样调查，满意度94.3%。",
        "四、绩效自评结果",
        "表3  绩效评价指标评分表")
    sc_exec = q(rate / 100 * 4)
    tree = [
        ("一、决策（15分）", [
            ("（一）项目立项（6分）", [("1.立项依据充分性", 3, "符合国资预算管理规定，得3分", "3"),
                                  ("2.立项程序规范性", 3, "经市政府常务会议审议，得3分", "3")]),
            ("（二）绩效目标（5分）", [("3.绩效目标合理性", 3, "目标与预算匹配，得3分", "3"),
                                  ("4.绩效指标明确性", 2, "指标量化可衡量，得2分", "2")]),
            ("（三）资金投入（4分）", [("5.预算编制科学性", 2, "按收入预测和项目需求编制，得2分", "2"),
                                  ("6.资金分配合理性", 2, "分配依据充分，得2分", "2")])]),
        ("二、过程（20分）", [
            ("（四）资金管理（12分）", [("7.资金到位率", 4, "到位率×4", "4"),
                                   ("8.预算执行率", 4, "执行率×4", s(sc_exec)),
                                   ("9.资金使用合规性", 4, "无违规使用，得4分", "4")]),
            ("（五）组织实施（8分）", [("10.管理制度健全性", 4, "制度健全，得4分", "4"),
                                  ("11.制度执行有效性", 4, "个别项目资料归档不及时，扣1分", "3")])]),
        ("三、产出（40分）", [
            ("（六）产出数量（20分）", [("12.资本金注入项目数", 10, "≥8个得10分", "10"),
                                   ("13.移交退休人员人数", 10, "全部移交得10分", "10")]),
            ("（七）产出质量（10分）", [("14.注资项目开工率", 10, "≥90%得10分", "10")]),
            ("（八）产出时效（10分）", [("15.资金拨付及时性", 10, "按计划拨付得10分，每延迟一批次扣1分", "9")])]),
        ("四、效益（25分）", [
            ("（九）经济效益（15分）", [("16.国有资本保值增值率", 8, "≥103%得8分", "8"),
                                   ("17.资产负债率", 7, "≤65%得7分", "7")]),
            ("（十）社会效益（10分）", [("18.退休人员满意度", 10, "≥95%得10分；90%（含）-95%得9分", "9")])]),
    ]
    rows = [["指标", "分值", "评分依据", "得分"]]
    total = D(0)
    wsum = 0
    for head, subs in tree:
        rows.append([head, "", "", ""])
        for sub, items in subs:
            rows.append([sub, "", "", ""])
            for name, w, rule, sc in items:
                rows.append([name, str(w), rule, sc])
                total += D(sc)
                wsum += w
    assert wsum == 100
    rows.append(["合计", "100", "", s(total)])
    r.t(rows)
    r.p(f"经自评，2023年度国有资本经营预算支出项目绩效自评得分{s(total)}分，评价等级为“优”。",
        "五、存在的问题及改进措施",
        "（一）收入预算编制偏保守，产权转让收入完成预算的151.98%。",
        "（二）个别资本金注入项目资料归档不及时。",
        "下一步，我委将加强与市属企业的沟通，提高收入预测的准确性。",
        "",
        "秦川市人民政府国有资产监督管理委员会",
        "2024年4月30日")
    return r


PLANTS = [
    {"name": "group-weight", "mutation": "weight",
     "where": "表3 （一）项目立项（6分） → （5分） (its indicators 3 + 3 = 6; 一、决策（15分） still adds up with 6)",
     "edits": [(None, "（一）项目立项（6分）", "（一）项目立项（5分）")],
     "expect": [
         {"check": "AL104", "needle": "", "stated": "5", "computed": "6", "subject": "表3/（一）项目立项/分值"},
         # 一、决策（15分） over （一）5 + （二）5 + （三）4 = 14
         {"check": "AL104", "needle": "", "stated": "15", "computed": "14", "subject": "表3/一、决策/分值", "optional": True},
     ]},
    {"name": "income-rate", "mutation": "rate",
     "where": "表1 股利、股息收入 完成预算% 97.28 → 92.78 (transposed digits)",
     "edits": [("=股利、股息收入", "=97.28", "92.78")],
     "expect": [
         # 2,286.14 ÷ 2,350.00 = 97.28%
         {"check": "AL201", "needle": "", "stated": "92.78", "computed": "97.28", "subject": "表1/股利、股息收入/完成预算%"},
     ]},
    {"name": "total", "mutation": "part",
     "where": "表2 一、解决历史遗留问题及改革成本支出 决算数 4,483.29 → 4,438.29 (its items, rate and 支出合计 left)",
     "edits": [("=一、解决历史遗留问题及改革成本支出", "=4,483.29", "4,438.29")],
     "expect": [
         # 1,200.00 + 1,812.45 + 1,470.84 = 4,483.29
         {"check": "AL101", "needle": "", "stated": "4,438.29", "computed": "4483.29", "subject": "表2/一、/决算数"},
         # 4,438.29 ÷ 4,560.00 = 97.33%
         {"check": "AL201", "needle": "", "stated": "98.32", "computed": "97.33", "subject": "表2/一、/执行率"},
         # 4,438.29 + 7,200.00 + 150.36 + 5,112.25 = 16,900.90
         {"check": "AL101", "needle": "", "stated": "16,945.90", "computed": "16900.90", "subject": "表2/支出合计/决算数"},
     ]},
]
