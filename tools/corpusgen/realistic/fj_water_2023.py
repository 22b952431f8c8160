"""A Fujian municipal water authority's 项目支出绩效自评报告 (2023) for a multi-year
capital project (2022—2024), .docx and an HTML page in GB18030.

Varies: total investment by source with cumulative and this-year funds received
(到位) under a two-row header; investment by year with a future year printed "—" and
a 合计 over the years done so far; this year's budget by source with 调增 / 调减; a
payments table in 元 (thousands separators, 合同金额 / 本年支付 / 累计支付 / 累计支付比例);
a 自评表 with "≥12公里", "按期完成", "100万元以内", "Ⅲ类及以上", "20年一遇", a score by
completion ratio (8.5) and 执行率×分值; narrative with 约三分之二, 截至, 累计, 36万人,
document numbers (闽水〔2021〕112号); HTML page chrome (navigation, 发布时间, footer
with phone and 备案 numbers)."""

from corpusgen.model import C, Report
from corpusgen.numbers import D, pct, q, s, th, wan

NAME = "fj-water-2023"
FORMATS = ("docx", "html")
HTML_ENCODING = "gb18030"

# (source, 计划投资 万元, 2022到位, 2023年初预算, 2023调增, 2023调减, 2023支出 元)
SRC = [("中央水利发展资金", 12000, 4800, 4800, 0, 0, "45361845.20"),
       ("省级水利专项资金", 8600, 3440, 3000, 440, 0, "32126518.63"),
       ("市级财政资金", 7200, 2160, 2400, 0, 240, "18743026.51"),
       ("区级配套资金", 5000, 1250, 1500, 0, 0, "12411325.02")]
YEARS = [("2022年", 10500, "102364518.40"), ("2023年", 12300, "113103482.15"), ("2024年（计划）", 10000, None)]
# payments 元: (item, 合同金额, 2023年支付, 累计支付)
PAY = [("施工一标段（堤防加固）", "98652300.00", "42316800.00", "78921840.00"),
       ("施工二标段（生态护岸）", "61248750.00", "28405120.00", "48999000.00"),
       ("施工三标段（截污管网）", "72560000.00", "21877600.00", "36281400.00"),
       ("监理服务", "4368000.00", "1310400.00", "2620800.00"),
       ("勘察设计服务", "7850000.00", "1570000.00", "6280000.00"),
       ("征地拆迁补偿", "24600000.00", "12360000.00", "24600000.00"),
       ("检测、审计及其他", None, None, None)]


def year_rows(done: D) -> list[list[str]]:
    """表2: investment by year, a future year printed "—", and a 合计 over the years done."""
    rows = [["年度", "计划投资", "完成投资", "完成率"]]
    for y, plan, dn in YEARS:
        rows.append([y, th(plan), th(D(dn) / 10000) if dn else "—", pct(D(dn) / 10000, plan) if dn else "—"])
    rows.append(["合计", th(sum(x[1] for x in YEARS)), th(done / 10000), "—"])
    return rows


def build() -> Report:
    r = Report(title="莆阳市水利局2023年度木兰溪（莆阳段）流域水环境综合治理工程项目支出绩效自评报告",
               site="莆阳市水利局", published="2024-05-20 16:32",
               footer=["主办单位：莆阳市水利局　联系电话：0594-2698123　地址：莆阳市城厢区荔城大道1268号",
                       "网站标识码：3503000031　闽ICP备05012345号-2　闽公网安备 35030202000312号",
                       "建议使用1366×768分辨率浏览本站"])
    total_inv = sum(x[1] for x in SRC)
    got22 = sum(x[2] for x in SRC)
    b0 = sum(x[3] for x in SRC)
    bu = sum(x[4] for x in SRC)
    bd = sum(x[5] for x in SRC)
    badj = b0 + bu - bd
    spent = sum(D(x[6]) for x in SRC)
    got23 = badj  # this year's funds arrived in full
    got = got22 + got23
    done = sum(D(x[2]) for x in YEARS[:2])
    # the last payment line balances the year's payments with the spending by source
    known = sum(D(p[2]) for p in PAY if p[2])
    other = spent - known
    other_cum = other + D("1865000.00")
    pay = [p if p[2] else (p[0], "6380000.00", f"{other:.2f}", f"{other_cum:.2f}") for p in PAY]
    assert other > 0

    r.p(C("莆阳市水利局"), C("2023年度木兰溪（莆阳段）流域水环境综合治理工程"), C("项目支出绩效自评报告"), "")
    r.p("一、项目基本情况",
        "（一）项目概况",
        "木兰溪（莆阳段）流域水环境综合治理工程经省水利厅《关于木兰溪（莆阳段）流域水环境综合治理工程初步设计的批复》"
        f"（闽水〔2021〕112号）批准实施，建设期为2022—2024年，总投资{th(total_inv)}万元。主要建设内容为：堤防加固"
        "35.2公里、生态护岸22.6公里、截污管网48.5公里及配套泵站3座。工程于2022年3月开工，计划2024年12月完工。",
        "（二）资金来源及到位情况",
        f"项目总投资{th(total_inv)}万元，其中中央水利发展资金{th(SRC[0][1])}万元、省级水利专项资金{th(SRC[1][1])}万元、"
        f"市级财政资金{th(SRC[2][1])}万元、区级配套资金{th(SRC[3][1])}万元。截至2023年12月31日，累计到位资金"
        f"{th(got)}万元，到位率{pct(got, total_inv)}，其中2023年到位{th(got23)}万元。",
        "表1  项目资金来源及到位情况（单位：万元）")
    rows = [["资金来源", "计划投资", "到位情况", "<", "累计到位率"],
            ["^", "^", "截至2023年末累计到位", "其中：2023年到位", "^"]]
    for x in SRC:
        g = x[2] + x[3] + x[4] - x[5]
        rows.append([x[0], th(x[1]), th(g), th(x[3] + x[4] - x[5]), pct(g, x[1])])
    rows.append(["合计", th(total_inv), th(got), th(got23), pct(got, total_inv)])
    r.t(rows, head=2)

    r.p("（三）分年度投资计划及完成情况",
        f"截至2023年12月31日，项目累计完成投资{wan(done)}万元，占总投资的{pct(done / 10000, total_inv)}，约为三分之二。"
        f"其中2023年完成投资{wan(YEARS[1][2])}万元，完成年度计划的{pct(D(YEARS[1][2]) / 10000, YEARS[1][1])}。",
        "表2  分年度投资计划及完成情况（单位：万元）")
    r.t(year_rows(done))

    rate = q(spent / 10000 / badj * 100)
    r.p("二、2023年度预算执行情况",
        f"2023年项目年初预算{th(b0)}万元，年中省级追加{th(bu)}万元、市级调减{th(bd)}万元，调整后预算{th(badj)}万元，"
        f"全年实际支出{th(spent / 10000)}万元，预算执行率{rate}%。",
        "表3  2023年度预算执行情况（单位：万元）")
    rows = [["资金来源", "年初预算", "调增", "调减", "调整后预算", "实际支出", "执行率"]]
    for x in SRC:
        a = x[3] + x[4] - x[5]
        rows.append([x[0], th(x[3]), th(x[4]), th(x[5]), th(a), th(D(x[6]) / 10000), pct(D(x[6]) / 10000, a)])
    rows.append(["合计", th(b0), th(bu), th(bd), th(badj), th(spent / 10000), f"{rate}%"])
    r.t(rows)

    pc = sum(D(p[1]) for p in pay)
    pn = sum(D(p[2]) for p in pay)
    pcum = sum(D(p[3]) for p in pay)
    r.p("2023年资金支付明细见表4（单位为元）。",
        "表4  2023年度资金支付明细（单位：元）")
    rows = [["支付内容", "合同金额", "2023年支付", "累计支付", "累计支付比例"]]
    for p in pay:
        rows.append([p[0], th(p[1]), th(p[2]), th(p[3]), pct(p[3], p[1])])
    rows.append(["合计", th(pc), th(pn), th(pcum), pct(pcum, pc)])
    r.t(rows)
    assert pn == spent

    ind = [
        ("产出指标", "数量指标", "堤防加固长度", "≥12公里", "12.6公里", 10, "10", ""),
        ("^", "^", "生态护岸建设长度", "≥8公里", "8.4公里", 5, "5", ""),
        ("^", "^", "截污管网建设长度", "≥18公里", "15.3公里", 10, "8.5", "部分管线穿越铁路段审批滞后，按完成比例计分"),
        ("^", "质量指标", "单元工程质量合格率", "≥95%", "98.20%", 10, "10", ""),
        ("^", "时效指标", "年度建设任务完成及时性", "按期完成", "截污管网滞后约2个月", 5, "4", "同上"),
        ("^", "成本指标", "工程变更增加投资", "100万元以内", "86.50万元", 10, "10", ""),
        ("效益指标", "生态效益指标", "国控断面水质类别", "Ⅲ类及以上", "Ⅲ类", 10, "10", ""),
        ("^", "社会效益指标", "堤防段防洪标准", "20年一遇", "达到20年一遇", 10, "10", ""),
        ("^", "可持续影响指标", "工程运行管护机制", "建立", "已建立", 10, "10", ""),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93.50%", 10, "10", ""),
        ("预算执行率", "<", "<", "100%", f"{rate}%", 10, s(rate / 10), "执行率×分值"),
    ]
    assert sum(x[5] for x in ind) == 100
    total = sum(D(x[6]) for x in ind)
    r.p("三、绩效目标完成情况",
        "（一）产出情况",
        "2023年完成堤防加固12.6公里（年度目标12公里）、生态护岸8.4公里（年度目标8公里）、截污管网15.3公里（年度目标"
        "18公里，完成85.00%）。单元工程质量合格率98.20%。工程变更增加投资86.50万元，控制在100万元以内。",
        "（二）效益情况",
        "木兰溪莆阳段国控断面水质稳定达到Ⅲ类，已加固堤防段防洪标准达到20年一遇，沿线约36万人受益。问卷调查发放"
        "问卷400份，收回有效问卷386份，满意度93.50%。",
        "四、绩效自评结果",
        f"经自评，本项目2023年度绩效自评得分{s(total)}分，等级为“优”。",
        "表5  项目支出绩效自评表")
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    for x in ind:
        rows.append([x[0], x[1], x[2], x[3], x[4], str(x[5]), x[6], x[7]])
    rows.append(["总分", "<", "<", "<", "<", "100", s(total), ""])
    r.t(rows)

    r.p("五、存在的问题及改进措施",
        "（一）截污管网建设进度滞后，穿越铁路段审批周期较长。",
        f"（二）市级和区级资金支出进度偏慢，执行率分别为{pct(D(SRC[2][6]) / 10000, SRC[2][3] - SRC[2][5])}和"
        f"{pct(D(SRC[3][6]) / 10000, SRC[3][3])}。",
        "下一步，我局将加强与铁路部门的沟通协调，倒排工期，确保2024年12月底前全面完工。",
        "",
        "莆阳市水利局",
        "2024年4月25日")
    return r


PLANTS = [
    {"name": "payment-total", "mutation": "total",
     "where": "表4 (元) 合计 2023年支付 108,642,715.36 → 108,462,715.36 (transposed digits)",
     "edits": [("表4  2023年度资金支付明细", "=108,642,715.36", "108,462,715.36")],
     "expect": [
         {"check": "AL101", "needle": "", "stated": "108,462,715.36", "computed": "108642715.36", "subject": "表4/合计/2023年支付"},
     ]},
    {"name": "full-marks", "mutation": "score",
     "where": "表5 预算执行率 得分 9.13 → 10 (91.30% against 100%; 总分 96.63 left)",
     "edits": [("=预算执行率", "=9.13", "10")],
     "expect": [
         {"check": "AL504", "needle": "", "stated": "10", "computed": "misses target 100%", "subject": "预算执行率/得分"},
         # 96.63 − 9.13 + 10 = 97.50
         {"check": "AL407", "needle": "", "stated": "96.63", "computed": "97.50", "subject": "表5/总分"},
     ]},
    {"name": "narrative-parts", "mutation": "narrative",
     "where": "资金来源 sentence: 中央水利发展资金12,000.00万元 → 12,600.00万元 (total 32,800.00 left)",
     "edits": [("（二）资金来源及到位情况", "中央水利发展资金12,000.00万元", "中央水利发展资金12,600.00万元")],
     "expect": [
         # 12,600 + 8,600 + 7,200 + 5,000 = 33,400
         {"check": "AL102", "needle": "", "stated": "32,800.00", "computed": "33400.00", "subject": "叙述/项目总投资"},
         # 表1 计划投资 of 中央水利发展资金 is 12,000.00
         {"check": "AL503", "needle": "", "stated": "12,600.00", "computed": "12000.00", "subject": "叙述 vs 表1/中央水利发展资金/计划投资",
          "optional": True},
     ]},
]
